//! The message catalogue: every text the app shows, in English and Hebrew.
//!
//! The catalogues are Fluent files (`locales/*.ftl`). `build.rs` compiles them into
//! tables at build time, and [`text_with`] fills their placeables and chooses plural
//! variants, so the app carries no Fluent parser. The language is chosen once at
//! start-up from `?lang=` and the browser's languages, and stays for the life of the
//! page, so the plain functions that build texts need no Leptos context.

use std::cell::{Cell, RefCell};

mod catalogue;
mod negotiate;

use catalogue::{Key, Part};

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
}

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::En) };
    static FORMAT_LOCALES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
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
    text_with(id, &[])
}

/// Returns the text of message `id` with its placeables filled from `args`.
///
/// A message missing from the catalogue shows its id rather than nothing, and a missing
/// argument shows as `{$name}`; tests keep both from happening.
pub fn text_with(id: &str, args: &[(&str, Arg)]) -> String {
    let locale = locale();
    let mut text = String::new();
    match catalogue::pattern(locale, id) {
        Some(pattern) => write_pattern(&mut text, locale, pattern, args, 0),
        None => text.push_str(id),
    }
    text
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

/// Maximum nesting of message references. A deeper reference shows its id, so a cycle in
/// a catalogue cannot hang the page.
const MAX_DEPTH: usize = 8;

fn write_pattern(
    text: &mut String,
    locale: Locale,
    pattern: &[Part],
    args: &[(&str, Arg)],
    depth: usize,
) {
    let arg = |name: &str| {
        args.iter()
            .find(|(known, _)| *known == name)
            .map(|(_, value)| value)
    };
    for part in pattern {
        match part {
            Part::Text(piece) => text.push_str(piece),
            Part::Arg(name) => match arg(name) {
                Some(Arg::Text(value)) => text.push_str(value),
                // Numbers follow the reader's locale ("1,000" in English).
                Some(Arg::Number(number)) => {
                    text.push_str(&crate::browser::format_number(*number));
                }
                None => {
                    text.push_str("{$");
                    text.push_str(name);
                    text.push('}');
                }
            },
            Part::Message(id) => match catalogue::pattern(locale, id) {
                Some(pattern) if depth < MAX_DEPTH => {
                    write_pattern(text, locale, pattern, args, depth + 1);
                }
                _ => text.push_str(id),
            },
            Part::Select {
                arg: name,
                variants,
                default,
            } => {
                let chosen = match arg(name) {
                    Some(Arg::Number(number)) => choose_variant(locale, variants, *number),
                    _ => None,
                };
                if let Some((_, pattern)) = chosen.or_else(|| variants.get(*default)) {
                    write_pattern(text, locale, pattern, args, depth);
                }
            }
        }
    }
}

/// Chooses the variant for a number: an exact key first, then its plural category.
fn choose_variant(
    locale: Locale,
    variants: &'static [(Key, &'static [Part])],
    number: f64,
) -> Option<&'static (Key, &'static [Part])> {
    let category = catalogue::plural(locale, number);
    variants
        .iter()
        .find(|(key, _)| matches!(key, Key::Exact(exact) if *exact as f64 == number))
        .or_else(|| {
            variants
                .iter()
                .find(|(key, _)| *key == Key::Category(category))
        })
}

#[cfg(test)]
mod tests;
