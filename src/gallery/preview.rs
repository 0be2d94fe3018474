//! Preview settings of a gallery state, kept in the address as `theme`, `dir` and `width`
//! so that a shared address shows exactly what its sender saw.

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

/// Theme, direction and width of one preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
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

impl Preview {
    /// Reads the preview from the address's `theme`, `dir` and `width` values. A missing
    /// or unknown value takes the default, so an old or mistyped address still opens.
    pub fn from_query(theme: Option<&str>, direction: Option<&str>, width: Option<&str>) -> Self {
        let default = Self::default();
        Self {
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

    /// Returns the query string of the preview, with all three values.
    pub fn to_query(self) -> String {
        format!(
            "theme={}&dir={}&width={}",
            self.theme.as_str(),
            self.direction.as_str(),
            self.width
        )
    }
}

/// One choice of the preview toolbar: a theme, a direction or a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
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
            Choice::Theme(theme) => theme.label().to_owned(),
            Choice::Direction(direction) => direction.label().to_owned(),
            Choice::Width(width) => format!("{width} px"),
        }
    }

    /// Returns `preview` with this choice made.
    pub fn apply(self, preview: Preview) -> Preview {
        match self {
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
        self.apply(preview) == preview
    }
}

/// Returns the groups of the preview toolbar, each with its name and its choices.
pub fn toolbar_groups() -> [(&'static str, Vec<Choice>); 3] {
    [
        ("Theme", Theme::ALL.map(Choice::Theme).to_vec()),
        ("Direction", Direction::ALL.map(Choice::Direction).to_vec()),
        ("Width", WIDTHS.map(Choice::Width).to_vec()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trip() {
        let preview = Preview {
            theme: Theme::Dark,
            direction: Direction::Rtl,
            width: 320,
        };
        assert_eq!(preview.to_query(), "theme=dark&dir=rtl&width=320");
        assert_eq!(
            Preview::from_query(Some("dark"), Some("rtl"), Some("320")),
            preview
        );
    }

    #[test]
    fn missing_values_take_defaults() {
        assert_eq!(Preview::from_query(None, None, None), Preview::default());
    }

    #[test]
    fn unknown_values_take_defaults() {
        let preview = Preview::from_query(Some("purple"), Some("up"), Some("321"));
        assert_eq!(preview, Preview::default());
        assert_eq!(Preview::from_query(None, None, Some("wide")).width, 1280);
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
        let preview = Preview::from_query(Some("dark"), Some("rtl"), Some("768"));
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
