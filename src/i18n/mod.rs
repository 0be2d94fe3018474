//! The message catalogue: every text the app shows, in English and Hebrew.
//!
//! The catalogues are Fluent files (`locales/*.ftl`) compiled into the binary, and
//! `fluent-bundle` resolves them, plural categories included. The language is chosen once
//! at start-up from `?lang=` and the browser's languages, and stays for the life of the
//! page, so the plain functions that build texts need no Leptos context.

use std::cell::{Cell, RefCell};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

mod negotiate;

pub use negotiate::{negotiate, preferred_from_query};

/// A language the app ships complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English, the fallback.
    #[default]
    En,
    /// Hebrew, written right to left.
    He,
}

impl Locale {
    /// Every shipped language.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::He];

    /// Returns the language tag, as used in `lang` and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::He => "he",
        }
    }

    /// Returns the writing direction, as used in `dir`.
    pub fn direction(self) -> &'static str {
        match self {
            Locale::En => "ltr",
            Locale::He => "rtl",
        }
    }

    /// Returns the language of a tag such as "he-IL", or `None` for one not shipped.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            // "iw" is the withdrawn code for Hebrew that some systems still send.
            "he" | "iw" => Some(Locale::He),
            _ => None,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("../../locales/en.ftl"),
            Locale::He => include_str!("../../locales/he.ftl"),
        }
    }
}

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::En) };
    static FORMAT_LOCALES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static BUNDLE: RefCell<Option<(Locale, FluentBundle<FluentResource>)>> =
        const { RefCell::new(None) };
}

/// Chooses the language of the texts, and the locales that format dates and numbers.
///
/// `format_locales` lists the browser's own tags for that language first ("en-GB"), so
/// dates follow the user's region; the language's bare tag always ends the list.
pub fn set_locale(locale: Locale, format_locales: Vec<String>) {
    CURRENT.with(|current| current.set(locale));
    FORMAT_LOCALES.with(|locales| *locales.borrow_mut() = format_locales);
}

/// Returns the language of the texts.
pub fn locale() -> Locale {
    CURRENT.with(Cell::get)
}

/// Returns the locales for `Intl` formatters, best first, never empty.
pub fn format_locales() -> Vec<String> {
    let mut locales = FORMAT_LOCALES.with(|locales| locales.borrow().clone());
    let tag = locale().tag();
    if !locales.iter().any(|known| known == tag) {
        locales.push(tag.to_owned());
    }
    locales
}

/// Returns the text of message `id` in the current language.
pub fn text(id: &str) -> String {
    format(id, None)
}

/// Returns the text of message `id` with its placeables filled from `args`.
pub fn text_with(id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.to_fluent());
    }
    format(id, Some(&fluent_args))
}

/// Returns the text of message `id` cut where its placeable `$name` goes, so a view can
/// put an element there, such as the guest's name in `<strong>`.
pub fn text_around(id: &str, name: &str) -> (String, String) {
    // A private-use character cannot come from the catalogue itself.
    const MARK: &str = "\u{E000}";
    let whole = text_with(id, &[(name, Arg::Text(MARK.to_owned()))]);
    match whole.split_once(MARK) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (whole, String::new()),
    }
}

/// A value for a placeable: text, or a number that also selects plural forms.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as it is, such as a link name.
    Text(String),
    /// A number, formatted for the locale.
    Number(f64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(number) => FluentValue::from(*number),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

macro_rules! number_arg {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg {
            fn from(number: $number) -> Self {
                Arg::Number(number as f64)
            }
        }
    )*};
}

number_arg!(u16, u32, u64, usize, i64);

/// Returns a message of the catalogue, such as `tr!("link-copied")`, or one with
/// placeables filled, such as `tr!("copy-link", name = &link.name)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

fn format(id: &str, args: Option<&FluentArgs>) -> String {
    let locale = locale();
    BUNDLE.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_some_and(|(built, _)| *built != locale) {
            *cell = None;
        }
        let (_, bundle) = cell.get_or_insert_with(|| (locale, build_bundle(locale)));
        let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
            // A missing message shows its id rather than nothing; a test keeps the
            // catalogues complete.
            return id.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    })
}

/// Builds the bundle of one language. The catalogues are part of the binary and checked
/// by tests, so a parse error here can only come from an edit the tests reject.
pub fn build_bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let resource =
        FluentResource::try_new(locale.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new(vec![locale.tag().parse().unwrap_or_default()]);
    // Names are isolated in the markup (`dir="auto"`, `<bdi>`), where screen readers and
    // tests see no invisible isolation characters.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));
    let _ = bundle.add_resource(resource);
    bundle
}

/// Formats numbers in placeables with the browser's `Intl.NumberFormat`, in the reader's
/// locale ("1,000" in English).
fn format_number<M>(value: &FluentValue, _memoizer: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(crate::browser::format_number(number.value)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
