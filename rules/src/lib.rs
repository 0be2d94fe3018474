//! Validation rules of the guest access contract.
//!
//! The app and the stand-in both call these functions, so a value that one side accepts the
//! other accepts too. Lengths count Unicode code points, and a value is checked after trimming
//! but never cut short: an over-long value is reported, not truncated.

/// Maximum number of guest links on one entry.
pub const MAX_LINKS: usize = 3;
/// Maximum length of a link name, in code points.
pub const LINK_NAME_MAX_CHARS: usize = 100;
/// Smallest and largest click limit a link may have.
pub const CLICKS_LIMIT_RANGE: (u32, u32) = (1, 100_000);
/// Shortest and longest lifetime of a link, in days.
pub const DURATION_DAYS_RANGE: (u32, u32) = (1, 365);
/// Maximum length of a guest's name, in code points.
pub const GUEST_NAME_MAX_CHARS: usize = 100;
/// Maximum length of an email address, in code points.
pub const EMAIL_MAX_CHARS: usize = 254;
/// Length of one day of link lifetime, in seconds.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// A rule that a value breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violation {
    /// The value is absent or `null`.
    Missing,
    /// The value is empty once trimmed.
    Empty,
    /// The value is longer than `max` code points.
    TooLong { max: usize },
    /// The value is not a whole number.
    NotWholeNumber,
    /// The number is smaller than `min`.
    TooSmall { min: u32 },
    /// The number is larger than `max`.
    TooLarge { max: u32 },
    /// The value is not shaped like an email address.
    InvalidEmail,
    /// The text contains a control character, such as a line break, or a character that
    /// overrides the direction of the text around it.
    ControlCharacter,
}

impl Violation {
    /// Returns the contract's API error code for this violation.
    pub fn error_code(self) -> &'static str {
        match self {
            Violation::Missing => "PROPERTY_VALIDATION_CANNOT_BE_NULL",
            Violation::Empty => "PROPERTY_VALIDATION_MIN_LENGTH",
            Violation::TooLong { .. } => "PROPERTY_VALIDATION_MAX_LENGTH",
            Violation::TooSmall { .. } => "PROPERTY_VALIDATION_MIN_VALUE",
            Violation::TooLarge { .. } => "PROPERTY_VALIDATION_MAX_VALUE",
            Violation::NotWholeNumber | Violation::InvalidEmail | Violation::ControlCharacter => {
                "PROPERTY_VALIDATION_WRONG_FORMAT"
            }
        }
    }
}

/// Checks a link name and returns it trimmed.
pub fn validate_link_name(raw: &str) -> Result<String, Violation> {
    validate_text(raw, LINK_NAME_MAX_CHARS)
}

/// Checks a guest's name and returns it trimmed.
pub fn validate_guest_name(raw: &str) -> Result<String, Violation> {
    validate_text(raw, GUEST_NAME_MAX_CHARS)
}

/// Checks an email address and returns it trimmed.
///
/// The address needs exactly one `@`, a non-empty local part, and a domain that contains a
/// dot but neither starts nor ends with one nor has two in a row. It may not contain
/// whitespace. Plus signs, subdomains, long top-level domains and non-ASCII domains pass.
pub fn validate_email(raw: &str) -> Result<String, Violation> {
    let email = validate_text(raw, EMAIL_MAX_CHARS)?;
    if is_email_shaped(&email) {
        Ok(email)
    } else {
        Err(Violation::InvalidEmail)
    }
}

/// Checks the click limit of a link; `None` means unlimited.
pub fn validate_clicks_limit(value: Option<i64>) -> Result<Option<u32>, Violation> {
    validate_range(value, CLICKS_LIMIT_RANGE)
}

/// Checks the lifetime of a link in days; `None` means the link never expires.
pub fn validate_duration_days(value: Option<i64>) -> Result<Option<u32>, Violation> {
    validate_range(value, DURATION_DAYS_RANGE)
}

/// Parses what a user typed into a whole-number field; blank means no value.
///
/// A number too large for `i64` counts as too large rather than malformed, so the user
/// hears about the limit.
pub fn parse_whole_number(raw: &str) -> Result<Option<i64>, Violation> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(Violation::NotWholeNumber);
    }
    let magnitude = digits.parse::<i64>().unwrap_or(i64::MAX);
    Ok(Some(if negative { -magnitude } else { magnitude }))
}

/// Returns the expiry time of a link created at `created_at` (Unix seconds).
pub fn expiry_time(created_at: i64, duration_days: Option<u32>) -> Option<i64> {
    duration_days.map(|days| created_at + i64::from(days) * SECONDS_PER_DAY)
}

fn validate_text(raw: &str, max_chars: usize) -> Result<String, Violation> {
    let text = raw.trim();
    if text
        .chars()
        .all(|character| character.is_whitespace() || is_invisible(character))
    {
        return Err(Violation::Empty);
    }
    if text.chars().any(is_forbidden) {
        return Err(Violation::ControlCharacter);
    }
    if text.chars().count() > max_chars {
        return Err(Violation::TooLong { max: max_chars });
    }
    Ok(text.to_owned())
}

/// Tells whether a character shows nothing on its own: zero-width spaces and joiners, the
/// word joiner, the byte order mark, the soft hyphen, bidirectional controls, and the
/// blank Hangul fillers and braille pattern.
/// Tells whether a character may not appear in a text field. Forbidden are control
/// characters (line breaks and tabs included) and the line and paragraph separators
/// U+2028 and U+2029. So are the bidirectional embeddings, overrides and isolates, which
/// can make text read in another order than it is stored. The marks U+200E and U+200F
/// stay allowed, because right-to-left writing needs them.
fn is_forbidden(character: char) -> bool {
    character.is_control()
        || matches!(
            character,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn is_invisible(character: char) -> bool {
    matches!(
        character,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{2800}'
    )
}

fn validate_range(value: Option<i64>, (min, max): (u32, u32)) -> Result<Option<u32>, Violation> {
    let Some(number) = value else {
        return Ok(None);
    };
    if number < i64::from(min) {
        return Err(Violation::TooSmall { min });
    }
    if number > i64::from(max) {
        return Err(Violation::TooLarge { max });
    }
    // The range checks above keep the number within u32.
    Ok(Some(number as u32))
}

fn is_email_shaped(email: &str) -> bool {
    let hidden = |character: char| {
        character.is_whitespace() || character.is_control() || is_invisible(character)
    };
    if email.chars().any(hidden) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_rejected() {
        for text in [
            "Guest\nspeakers",
            "Tab\there",
            "Bell\u{7}",
            "C1\u{85}x",
            "del\u{7f}",
            "line\u{2028}separator",
            "paragraph\u{2029}separator",
        ] {
            assert_eq!(
                validate_link_name(text),
                Err(Violation::ControlCharacter),
                "{text:?}"
            );
        }
        assert_eq!(
            validate_guest_name("Dana\rLevi"),
            Err(Violation::ControlCharacter)
        );
        assert_eq!(
            validate_email("dana@\u{0}example.org"),
            Err(Violation::ControlCharacter)
        );
    }

    #[test]
    fn direction_overrides_are_rejected() {
        for text in ["invoice\u{202E}fdp.exe", "a\u{202A}b", "a\u{2066}b\u{2069}"] {
            assert_eq!(
                validate_link_name(text),
                Err(Violation::ControlCharacter),
                "{text:?}"
            );
        }
        // Direction marks stay allowed, as right-to-left text needs them.
        assert_eq!(
            validate_guest_name("שלום\u{200F} Dana"),
            Ok("שלום\u{200F} Dana".into())
        );
    }

    #[test]
    fn emoji_count_by_code_point() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        let at_limit: String = family.repeat(14) + "🎉🎉";
        assert_eq!(at_limit.chars().count(), LINK_NAME_MAX_CHARS);
        assert_eq!(validate_link_name(&at_limit), Ok(at_limit.clone()));
        let over = at_limit + "🎉";
        assert_eq!(
            validate_link_name(&over),
            Err(Violation::TooLong {
                max: LINK_NAME_MAX_CHARS
            })
        );
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        fn check_text(result: Result<String, Violation>, raw: &str, max_chars: usize) {
            if let Ok(text) = result {
                assert_eq!(text, raw.trim());
                assert!(text.chars().count() <= max_chars);
                assert!(!text.chars().any(is_forbidden));
                assert!(text.chars().any(|c| !c.is_whitespace() && !is_invisible(c)));
            }
        }

        proptest! {
            #[test]
            fn text_rules_hold_for_any_input(raw in any::<String>()) {
                check_text(validate_link_name(&raw), &raw, LINK_NAME_MAX_CHARS);
                check_text(validate_guest_name(&raw), &raw, GUEST_NAME_MAX_CHARS);
                check_text(validate_email(&raw), &raw, EMAIL_MAX_CHARS);
            }

            #[test]
            fn whole_numbers_parse_or_fail(raw in any::<String>()) {
                if let Ok(Some(number)) = parse_whole_number(&raw) {
                    let digits = raw.trim().trim_start_matches(['-', '+']);
                    prop_assert!(digits.bytes().all(|byte| byte.is_ascii_digit()));
                    prop_assert_eq!(number < 0, raw.trim().starts_with('-') && number != 0);
                }
            }

            #[test]
            fn ranges_hold_for_any_number(number in any::<i64>()) {
                if let Ok(Some(clicks)) = validate_clicks_limit(Some(number)) {
                    prop_assert!((CLICKS_LIMIT_RANGE.0..=CLICKS_LIMIT_RANGE.1).contains(&clicks));
                }
                if let Ok(Some(days)) = validate_duration_days(Some(number)) {
                    prop_assert!((DURATION_DAYS_RANGE.0..=DURATION_DAYS_RANGE.1).contains(&days));
                }
            }
        }
    }

    #[test]
    fn link_name_is_trimmed() {
        assert_eq!(
            validate_link_name("  Guest speakers \n"),
            Ok("Guest speakers".into())
        );
    }

    #[test]
    fn link_name_blank_is_empty() {
        assert_eq!(validate_link_name(""), Err(Violation::Empty));
        assert_eq!(validate_link_name(" \t "), Err(Violation::Empty));
    }

    #[test]
    fn invisible_only_name_is_empty() {
        assert_eq!(
            validate_link_name("\u{200B}\u{200B}"),
            Err(Violation::Empty)
        );
        assert_eq!(
            validate_guest_name(" \u{FEFF}\u{2060} "),
            Err(Violation::Empty)
        );
        assert_eq!(validate_link_name("a\u{200D}b"), Ok("a\u{200D}b".into()));
        for blank in ["\u{3164}", "\u{2800}", "\u{202E}"] {
            assert_eq!(
                validate_guest_name(blank),
                Err(Violation::Empty),
                "{blank:?}"
            );
        }
    }

    #[test]
    fn link_name_length_boundary() {
        let at_limit = "é".repeat(LINK_NAME_MAX_CHARS);
        let over_limit = "é".repeat(LINK_NAME_MAX_CHARS + 1);
        assert_eq!(validate_link_name(&at_limit), Ok(at_limit.clone()));
        assert_eq!(
            validate_link_name(&over_limit),
            Err(Violation::TooLong { max: 100 })
        );
    }

    #[test]
    fn link_name_spaces_around_do_not_count() {
        let padded = format!("  {}  ", "a".repeat(LINK_NAME_MAX_CHARS));
        assert!(validate_link_name(&padded).is_ok());
    }

    #[test]
    fn guest_name_length_boundary() {
        assert!(validate_guest_name(&"x".repeat(100)).is_ok());
        assert_eq!(
            validate_guest_name(&"x".repeat(101)),
            Err(Violation::TooLong { max: 100 })
        );
        assert_eq!(validate_guest_name("   "), Err(Violation::Empty));
    }

    #[test]
    fn clicks_limit_boundaries() {
        assert_eq!(validate_clicks_limit(None), Ok(None));
        assert_eq!(
            validate_clicks_limit(Some(0)),
            Err(Violation::TooSmall { min: 1 })
        );
        assert_eq!(validate_clicks_limit(Some(1)), Ok(Some(1)));
        assert_eq!(validate_clicks_limit(Some(100_000)), Ok(Some(100_000)));
        assert_eq!(
            validate_clicks_limit(Some(100_001)),
            Err(Violation::TooLarge { max: 100_000 })
        );
        assert_eq!(
            validate_clicks_limit(Some(-5)),
            Err(Violation::TooSmall { min: 1 })
        );
    }

    #[test]
    fn duration_days_boundaries() {
        assert_eq!(validate_duration_days(None), Ok(None));
        assert_eq!(
            validate_duration_days(Some(0)),
            Err(Violation::TooSmall { min: 1 })
        );
        assert_eq!(validate_duration_days(Some(1)), Ok(Some(1)));
        assert_eq!(validate_duration_days(Some(365)), Ok(Some(365)));
        assert_eq!(
            validate_duration_days(Some(366)),
            Err(Violation::TooLarge { max: 365 })
        );
    }

    #[test]
    fn whole_number_parsing() {
        assert_eq!(parse_whole_number(""), Ok(None));
        assert_eq!(parse_whole_number("  "), Ok(None));
        assert_eq!(parse_whole_number(" 42 "), Ok(Some(42)));
        assert_eq!(parse_whole_number("+7"), Ok(Some(7)));
        assert_eq!(parse_whole_number("-3"), Ok(Some(-3)));
        assert_eq!(
            parse_whole_number("99999999999999999999999"),
            Ok(Some(i64::MAX))
        );
    }

    #[test]
    fn whole_number_rejects_other_text() {
        for text in ["1.5", "1e3", "ten", "-", "+", "1 000", "١٢", "0x10"] {
            assert_eq!(
                parse_whole_number(text),
                Err(Violation::NotWholeNumber),
                "{text:?}"
            );
        }
    }

    #[test]
    fn email_accepts_valid_shapes() {
        for email in [
            "guest@example.com",
            "first.last+tag@mail.example.co.uk",
            "a@b.museum",
            "user@bücher.de",
            "  padded@example.org  ",
        ] {
            assert!(validate_email(email).is_ok(), "{email:?}");
        }
    }

    #[test]
    fn email_rejects_invalid_shapes() {
        for email in [
            "guest",
            "@example.com",
            "guest@",
            "guest@localhost",
            "guest@@example.com",
            "a@b@example.com",
            "guest@.example.com",
            "guest@example.com.",
            "guest@example..com",
            "gu est@example.com",
            "zed\u{200B}@example.org",
        ] {
            assert_eq!(
                validate_email(email),
                Err(Violation::InvalidEmail),
                "{email:?}"
            );
        }
    }

    #[test]
    fn email_blank_is_empty() {
        assert_eq!(validate_email("  "), Err(Violation::Empty));
    }

    #[test]
    fn email_length_boundary() {
        let domain = "@example.com";
        let at_limit = format!("{}{domain}", "a".repeat(EMAIL_MAX_CHARS - domain.len()));
        let over_limit = format!("a{at_limit}");
        assert!(validate_email(&at_limit).is_ok());
        assert_eq!(
            validate_email(&over_limit),
            Err(Violation::TooLong { max: 254 })
        );
    }

    #[test]
    fn expiry_adds_whole_days() {
        assert_eq!(expiry_time(1_000, None), None);
        assert_eq!(expiry_time(1_000, Some(1)), Some(87_400));
        assert_eq!(expiry_time(0, Some(365)), Some(31_536_000));
    }

    #[test]
    fn violation_error_codes() {
        assert_eq!(
            Violation::Missing.error_code(),
            "PROPERTY_VALIDATION_CANNOT_BE_NULL"
        );
        assert_eq!(
            Violation::Empty.error_code(),
            "PROPERTY_VALIDATION_MIN_LENGTH"
        );
        assert_eq!(
            Violation::TooLong { max: 1 }.error_code(),
            "PROPERTY_VALIDATION_MAX_LENGTH"
        );
        assert_eq!(
            Violation::TooSmall { min: 1 }.error_code(),
            "PROPERTY_VALIDATION_MIN_VALUE"
        );
        assert_eq!(
            Violation::TooLarge { max: 1 }.error_code(),
            "PROPERTY_VALIDATION_MAX_VALUE"
        );
    }
}
