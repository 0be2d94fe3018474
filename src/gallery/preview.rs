//! Preview settings of a gallery state, kept in the address as `lang`, `theme`, `dir` and
//! `width` so that a shared address shows exactly what its sender saw.

use crate::i18n::Locale;

/// Colour theme of a preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// The light theme.
    Light,
    /// The dark theme.
    Dark,
}

/// Writing direction of a preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// Widths a preview can take, in CSS pixels: a phone, a tablet and a desktop.
pub const WIDTHS: [u32; 3] = [320, 768, 1280];

/// Language, theme, direction and width of one preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
    /// Language of the component's texts.
    pub language: Locale,
    /// Colour theme.
    pub theme: Theme,
    /// Writing direction.
    pub direction: Direction,
    /// Width of the preview frame in CSS pixels, one of `WIDTHS`.
    pub width: u32,
}

impl Default for Preview {
    fn default() -> Self {
        Self {
            language: Locale::En,
            theme: Theme::Light,
            direction: Direction::Ltr,
            width: 1280,
        }
    }
}

impl Theme {
    /// Both themes, in the order the toolbar offers them.
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// Returns the value used in the address and in `data-theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Returns the name shown in the toolbar.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

impl Direction {
    /// Both directions, in the order the toolbar offers them.
    pub const ALL: [Direction; 2] = [Direction::Ltr, Direction::Rtl];

    /// Returns the value used in the address and in the `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// Returns the name shown in the toolbar.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Ltr => "Left to right",
            Direction::Rtl => "Right to left",
        }
    }
}

impl Direction {
    /// Returns the direction a language is written in.
    pub fn of(language: Locale) -> Self {
        match language {
            Locale::En => Direction::Ltr,
            Locale::He => Direction::Rtl,
        }
    }
}

impl Preview {
    /// Reads the preview from the address's `lang`, `theme`, `dir` and `width` values,
    /// which `value` looks up. A missing or unknown value takes the default, so an old or
    /// mistyped address still opens; the direction defaults to the language's own.
    pub fn from_query(value: impl Fn(&str) -> Option<String>) -> Self {
        let (language, theme) = (value("lang"), value("theme"));
        let (direction, width) = (value("dir"), value("width"));
        let (language, theme) = (language.as_deref(), theme.as_deref());
        let (direction, width) = (direction.as_deref(), width.as_deref());
        let language = Locale::ALL
            .into_iter()
            .find(|known| Some(known.tag()) == language)
            .unwrap_or_default();
        let default = Self {
            language,
            direction: Direction::of(language),
            ..Self::default()
        };
        Self {
            language,
            theme: Theme::ALL
                .into_iter()
                .find(|known| Some(known.as_str()) == theme)
                .unwrap_or(default.theme),
            direction: Direction::ALL
                .into_iter()
                .find(|known| Some(known.as_str()) == direction)
                .unwrap_or(default.direction),
            width: width
                .and_then(|width| width.parse().ok())
                .filter(|width| WIDTHS.contains(width))
                .unwrap_or(default.width),
        }
    }

    /// Returns the query string of the preview, with all four values.
    pub fn to_query(self) -> String {
        format!(
            "lang={}&theme={}&dir={}&width={}",
            self.language.tag(),
            self.theme.as_str(),
            self.direction.as_str(),
            self.width
        )
    }
}

/// One choice of the preview toolbar: a theme, a direction or a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Sets the language, and the direction to the language's own.
    Language(Locale),
    /// Sets the theme.
    Theme(Theme),
    /// Sets the writing direction.
    Direction(Direction),
    /// Sets the width in CSS pixels.
    Width(u32),
}

impl Choice {
    /// Returns the name shown in the toolbar.
    pub fn label(self) -> String {
        match self {
            Choice::Language(Locale::En) => "English".to_owned(),
            Choice::Language(Locale::He) => "Hebrew".to_owned(),
            Choice::Theme(theme) => theme.label().to_owned(),
            Choice::Direction(direction) => direction.label().to_owned(),
            Choice::Width(width) => format!("{width} px"),
        }
    }

    /// Returns `preview` with this choice made.
    pub fn apply(self, preview: Preview) -> Preview {
        match self {
            Choice::Language(language) => Preview {
                language,
                direction: Direction::of(language),
                ..preview
            },
            Choice::Theme(theme) => Preview { theme, ..preview },
            Choice::Direction(direction) => Preview {
                direction,
                ..preview
            },
            Choice::Width(width) => Preview { width, ..preview },
        }
    }

    /// Tells whether `preview` already has this choice made.
    pub fn is_selected(self, preview: Preview) -> bool {
        match self {
            Choice::Language(language) => preview.language == language,
            _ => self.apply(preview) == preview,
        }
    }
}

/// Returns the groups of the preview toolbar, each with its name and its choices.
pub fn toolbar_groups() -> [(&'static str, Vec<Choice>); 4] {
    [
        ("Language", Locale::ALL.map(Choice::Language).to_vec()),
        ("Theme", Theme::ALL.map(Choice::Theme).to_vec()),
        ("Direction", Direction::ALL.map(Choice::Direction).to_vec()),
        ("Width", WIDTHS.map(Choice::Width).to_vec()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a preview from "key=value" pairs.
    fn parse(pairs: &[(&str, &str)]) -> Preview {
        Preview::from_query(|key| {
            pairs
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn query_round_trip() {
        let preview = Preview {
            language: Locale::He,
            theme: Theme::Dark,
            direction: Direction::Ltr,
            width: 320,
        };
        assert_eq!(preview.to_query(), "lang=he&theme=dark&dir=ltr&width=320");
        let read = parse(&[
            ("lang", "he"),
            ("theme", "dark"),
            ("dir", "ltr"),
            ("width", "320"),
        ]);
        assert_eq!(read, preview);
    }

    #[test]
    fn missing_values_take_defaults() {
        assert_eq!(parse(&[]), Preview::default());
    }

    #[test]
    fn direction_follows_the_language_unless_given() {
        assert_eq!(parse(&[("lang", "he")]).direction, Direction::Rtl);
        assert_eq!(
            parse(&[("lang", "he"), ("dir", "ltr")]).direction,
            Direction::Ltr
        );
        assert_eq!(parse(&[("dir", "rtl")]).language, Locale::En);
    }

    #[test]
    fn unknown_values_take_defaults() {
        let preview = parse(&[
            ("lang", "xx"),
            ("theme", "purple"),
            ("dir", "up"),
            ("width", "321"),
        ]);
        assert_eq!(preview, Preview::default());
        assert_eq!(parse(&[("width", "wide")]).width, 1280);
    }

    #[test]
    fn language_choice_sets_its_direction() {
        let hebrew = Choice::Language(Locale::He).apply(Preview::default());
        assert_eq!(
            (hebrew.language, hebrew.direction),
            (Locale::He, Direction::Rtl)
        );
        let mirrored_english = Choice::Direction(Direction::Rtl).apply(Preview::default());
        assert!(Choice::Language(Locale::En).is_selected(mirrored_english));
    }

    #[test]
    fn choice_changes_only_its_value() {
        let preview = Preview::default();
        let dark = Choice::Theme(Theme::Dark).apply(preview);
        assert_eq!(
            dark,
            Preview {
                theme: Theme::Dark,
                ..preview
            }
        );
        assert!(Choice::Theme(Theme::Dark).is_selected(dark));
        assert!(!Choice::Theme(Theme::Light).is_selected(dark));
        assert!(Choice::Width(1280).is_selected(dark));
    }

    #[test]
    fn each_group_has_one_selected_choice() {
        let preview = parse(&[("theme", "dark"), ("dir", "rtl"), ("width", "768")]);
        for (name, choices) in toolbar_groups() {
            let selected: Vec<String> = choices
                .into_iter()
                .filter(|choice| choice.is_selected(preview))
                .map(Choice::label)
                .collect();
            assert_eq!(selected.len(), 1, "{name}: {selected:?}");
        }
    }
}
