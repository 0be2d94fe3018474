//! Validation of the Create new link form, with the messages shown next to each field.
//!
//! Plain logic with no Leptos in it. The rules are the contract's, from the shared rules
//! crate; this module adds the words a moderator reads.

use guest_access_rules::{
    parse_whole_number, validate_clicks_limit, validate_duration_days, validate_link_name,
    Violation, MAX_LINKS,
};

use crate::api::{ApiError, ErrorCode, NewGuestLink};
use crate::tr;

/// A field of the Create new link form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkField {
    /// Link Name.
    Name,
    /// # of clicks.
    ClicksLimit,
    /// Duration, in days.
    DurationDays,
}

impl LinkField {
    /// Returns the field named by an API error's `PROPERTY_NAME`.
    pub fn from_property(property: &str) -> Option<Self> {
        match property {
            "name" => Some(LinkField::Name),
            "clicksLimit" => Some(LinkField::ClicksLimit),
            "durationDays" => Some(LinkField::DurationDays),
            _ => None,
        }
    }
}

/// What the moderator typed, kept as text so nothing is lost when it is invalid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkFormInput {
    /// Text of Link Name.
    pub name: String,
    /// Text of # of clicks; blank means unlimited.
    pub clicks_limit: String,
    /// Text of Duration; blank means the link never expires.
    pub duration_days: String,
}

/// Error messages of the form: one per field at most, and one for the whole form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkFormErrors {
    /// Message for Link Name.
    pub name: Option<String>,
    /// Message for # of clicks.
    pub clicks_limit: Option<String>,
    /// Message for Duration.
    pub duration_days: Option<String>,
    /// Message about the form as a whole, such as the link limit.
    pub form: Option<String>,
}

impl LinkFormErrors {
    /// Returns the message of one field.
    pub fn field(&self, field: LinkField) -> Option<&String> {
        match field {
            LinkField::Name => self.name.as_ref(),
            LinkField::ClicksLimit => self.clicks_limit.as_ref(),
            LinkField::DurationDays => self.duration_days.as_ref(),
        }
    }

    /// Returns the first field with an error, in the order of the form.
    pub fn first_invalid_field(&self) -> Option<LinkField> {
        [
            LinkField::Name,
            LinkField::ClicksLimit,
            LinkField::DurationDays,
        ]
        .into_iter()
        .find(|field| self.field(*field).is_some())
    }

    /// Tells whether any message is set.
    pub fn is_empty(&self) -> bool {
        *self == LinkFormErrors::default()
    }

    fn set(&mut self, field: LinkField, message: String) {
        match field {
            LinkField::Name => self.name = Some(message),
            LinkField::ClicksLimit => self.clicks_limit = Some(message),
            LinkField::DurationDays => self.duration_days = Some(message),
        }
    }
}

/// Checks the form and returns the link to create, or the message for each invalid field.
pub fn validate_link_form(
    entry_id: &str,
    input: &LinkFormInput,
) -> Result<NewGuestLink, LinkFormErrors> {
    let mut errors = LinkFormErrors::default();
    let name = validate_link_name(&input.name)
        .map_err(|violation| errors.set(LinkField::Name, field_message(LinkField::Name, violation)))
        .ok();
    let clicks_limit = parse_whole_number(&input.clicks_limit)
        .and_then(validate_clicks_limit)
        .map_err(|violation| {
            errors.set(
                LinkField::ClicksLimit,
                field_message(LinkField::ClicksLimit, violation),
            )
        })
        .ok();
    let duration_days = parse_whole_number(&input.duration_days)
        .and_then(validate_duration_days)
        .map_err(|violation| {
            errors.set(
                LinkField::DurationDays,
                field_message(LinkField::DurationDays, violation),
            )
        })
        .ok();
    match (name, clicks_limit, duration_days) {
        (Some(name), Some(clicks_limit), Some(duration_days)) => Ok(NewGuestLink {
            entry_id: entry_id.to_owned(),
            name,
            clicks_limit,
            duration_days,
        }),
        _ => Err(errors),
    }
}

/// Returns the message for a field that breaks a rule, naming what to enter.
pub fn field_message(field: LinkField, violation: Violation) -> String {
    match (field, violation) {
        (LinkField::Name, Violation::Missing | Violation::Empty) => tr!("link-name-missing"),
        (LinkField::Name, Violation::ControlCharacter) => tr!("link-name-control"),
        (LinkField::Name, Violation::TooLong { max }) => tr!("link-name-long", max = max),
        (LinkField::ClicksLimit, Violation::NotWholeNumber) => tr!("clicks-not-number"),
        (LinkField::ClicksLimit, Violation::TooSmall { min }) => tr!("clicks-small", min = min),
        (LinkField::ClicksLimit, Violation::TooLarge { max }) => tr!("clicks-large", max = max),
        (LinkField::DurationDays, Violation::NotWholeNumber) => tr!("duration-not-number"),
        (LinkField::DurationDays, Violation::TooSmall { min }) => {
            tr!("duration-small", min = min)
        }
        (LinkField::DurationDays, Violation::TooLarge { max }) => {
            tr!("duration-large", max = max)
        }
        (_, _) => tr!("value-invalid"),
    }
}

/// Returns the form errors for an API error of the Create request, or `None` when the
/// error is not about the form and is shown as a failed request instead.
///
/// Field errors attach to the field their `PROPERTY_NAME` names, with the server's message;
/// `GUEST_LINK_LIMIT_REACHED` and the entry's state are errors of the whole form.
pub fn form_errors_from_api(error: &ApiError) -> Option<LinkFormErrors> {
    let ApiError::Api {
        code,
        message,
        args,
    } = error
    else {
        return None;
    };
    let mut errors = LinkFormErrors::default();
    match code {
        ErrorCode::CannotBeNull
        | ErrorCode::MinLength
        | ErrorCode::MaxLength
        | ErrorCode::MinValue
        | ErrorCode::MaxValue
        | ErrorCode::WrongFormat => {
            let field = args
                .get("PROPERTY_NAME")
                .and_then(|name| LinkField::from_property(name));
            match field {
                Some(field) => errors.set(field, message.clone()),
                None => errors.form = Some(message.clone()),
            }
        }
        ErrorCode::GuestLinkLimitReached => {
            errors.form = Some(tr!("form-limit-reached", max = MAX_LINKS));
        }
        ErrorCode::GuestAccessDisabled => {
            errors.form = Some(tr!("form-access-off"));
        }
        _ => return None,
    }
    Some(errors)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn input(name: &str, clicks_limit: &str, duration_days: &str) -> LinkFormInput {
        LinkFormInput {
            name: name.into(),
            clicks_limit: clicks_limit.into(),
            duration_days: duration_days.into(),
        }
    }

    #[test]
    fn name_only_is_unlimited_and_never_expires() {
        let link = validate_link_form("1_x", &input(" Guest speakers ", "", "")).unwrap();
        assert_eq!(link.name, "Guest speakers");
        assert_eq!(link.clicks_limit, None);
        assert_eq!(link.duration_days, None);
        assert_eq!(link.entry_id, "1_x");
    }

    #[test]
    fn limits_are_parsed() {
        let link = validate_link_form("1_x", &input("x", " 25 ", "7")).unwrap();
        assert_eq!(link.clicks_limit, Some(25));
        assert_eq!(link.duration_days, Some(7));
    }

    #[test]
    fn empty_name_is_reported() {
        let errors = validate_link_form("1_x", &input("  ", "", "")).unwrap_err();
        assert_eq!(errors.name.as_deref(), Some("Enter a link name"));
        assert_eq!(errors.first_invalid_field(), Some(LinkField::Name));
    }

    #[test]
    fn long_name_is_reported() {
        let errors = validate_link_form("1_x", &input(&"a".repeat(101), "", "")).unwrap_err();
        assert_eq!(
            errors.name.as_deref(),
            Some("Link name must be 100 characters or fewer")
        );
    }

    #[test]
    fn clicks_errors() {
        let cases = [
            ("1e3", "Enter # of clicks as a whole number"),
            ("2.5", "Enter # of clicks as a whole number"),
            ("-1", "# of clicks must be at least 1"),
            ("0", "# of clicks must be at least 1"),
            ("100001", "# of clicks must be 100,000 or fewer"),
        ];
        for (typed, expected) in cases {
            let errors = validate_link_form("1_x", &input("x", typed, "")).unwrap_err();
            let message = errors.clicks_limit.unwrap();
            assert!(message.starts_with(expected), "{typed}: {message}");
            assert_eq!(errors.name, None);
        }
    }

    #[test]
    fn duration_errors() {
        let cases = [
            ("1e3", "Enter the duration as a whole number of days"),
            ("0", "Duration must be at least 1 day"),
            ("366", "Duration must be 365 days or fewer"),
        ];
        for (typed, expected) in cases {
            let errors = validate_link_form("1_x", &input("x", "", typed)).unwrap_err();
            let message = errors.duration_days.unwrap();
            assert!(message.starts_with(expected), "{typed}: {message}");
        }
    }

    #[test]
    fn all_errors_at_once_first_is_name() {
        let errors = validate_link_form("1_x", &input("", "x", "0")).unwrap_err();
        assert!(errors.name.is_some());
        assert!(errors.clicks_limit.is_some());
        assert!(errors.duration_days.is_some());
        assert_eq!(errors.first_invalid_field(), Some(LinkField::Name));
        let errors = validate_link_form("1_x", &input("ok", "", "0")).unwrap_err();
        assert_eq!(errors.first_invalid_field(), Some(LinkField::DurationDays));
    }

    fn api_error(code: &str, property: Option<&str>) -> ApiError {
        let args: BTreeMap<String, String> = property
            .map(|name| ("PROPERTY_NAME".to_owned(), name.to_owned()))
            .into_iter()
            .collect();
        ApiError::Api {
            code: code.into(),
            message: "Server says no.".into(),
            args,
        }
    }

    #[test]
    fn server_field_errors_attach_to_field() {
        let error = api_error("PROPERTY_VALIDATION_MAX_VALUE", Some("clicksLimit"));
        let errors = form_errors_from_api(&error).unwrap();
        assert_eq!(errors.clicks_limit.as_deref(), Some("Server says no."));
        assert_eq!(errors.form, None);
        let error = api_error("PROPERTY_VALIDATION_MIN_LENGTH", Some("name"));
        assert_eq!(
            form_errors_from_api(&error).unwrap().name.as_deref(),
            Some("Server says no.")
        );
    }

    #[test]
    fn limit_reached_is_form_error() {
        let errors = form_errors_from_api(&api_error("GUEST_LINK_LIMIT_REACHED", None)).unwrap();
        assert!(errors.form.unwrap().contains("already has 3 guest links"));
    }

    #[test]
    fn other_failures_are_not_form_errors() {
        assert_eq!(form_errors_from_api(&ApiError::Timeout), None);
        assert_eq!(form_errors_from_api(&api_error("INVALID_KS", None)), None);
    }
}
