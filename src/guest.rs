//! Plain logic of the guest page: the entry form's messages, the join-origin check and
//! the polling schedule. No Leptos in it, so it is tested natively.

use std::time::Duration;

use guest_access_rules::{validate_email, validate_guest_name, Violation};

use crate::api::{ApiError, ErrorCode, GuestDetails};
use crate::tr;

/// Text the guest typed, kept as typed so nothing is lost when it is invalid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuestFormInput {
    /// Text of the Name field.
    pub name: String,
    /// Text of the Email field.
    pub email: String,
}

/// Error messages of the entry form, one per field at most.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuestFormErrors {
    /// Message for Name.
    pub name: Option<String>,
    /// Message for Email.
    pub email: Option<String>,
}

impl GuestFormErrors {
    /// Tells whether no field has an error.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none()
    }
}

/// Checks the entry form and returns the guest's details, or a message for each invalid
/// field.
pub fn validate_guest_form(input: &GuestFormInput) -> Result<GuestDetails, GuestFormErrors> {
    let name = validate_guest_name(&input.name).map_err(name_message);
    let email = validate_email(&input.email).map_err(email_message);
    match (name, email) {
        (Ok(name), Ok(email)) => Ok(GuestDetails { name, email }),
        (name, email) => Err(GuestFormErrors {
            name: name.err(),
            email: email.err(),
        }),
    }
}

/// Returns the message for a name that breaks a rule.
pub fn name_message(violation: Violation) -> String {
    match violation {
        Violation::TooLong { max } => tr!("guest-name-long", max = max),
        Violation::ControlCharacter => tr!("guest-name-control"),
        _ => tr!("guest-name-missing"),
    }
}

/// Returns the message for an email address that breaks a rule.
pub fn email_message(violation: Violation) -> String {
    match violation {
        Violation::Missing | Violation::Empty => tr!("guest-email-missing"),
        Violation::TooLong { max } => tr!("guest-email-long", max = max),
        _ => tr!("guest-email-format"),
    }
}

/// Returns the form errors for a field error of the join request, with the server's
/// message, or `None` for any other failure.
pub fn guest_form_errors_from_api(error: &ApiError) -> Option<GuestFormErrors> {
    let ApiError::Api {
        code,
        message,
        args,
    } = error
    else {
        return None;
    };
    let field_error = matches!(
        code,
        ErrorCode::CannotBeNull
            | ErrorCode::MinLength
            | ErrorCode::MaxLength
            | ErrorCode::WrongFormat
            | ErrorCode::MinValue
            | ErrorCode::MaxValue
    );
    if !field_error {
        return None;
    }
    let mut errors = GuestFormErrors::default();
    match args.get("PROPERTY_NAME").map(String::as_str) {
        Some("name") => errors.name = Some(message.clone()),
        Some("email") => errors.email = Some(message.clone()),
        _ => return None,
    }
    Some(errors)
}

/// Tells whether an admitted guest may be sent to a `joinUrl` with this protocol (such as
/// `https:`) and origin, both as the browser's URL parser reports them.
///
/// Only `http` and `https` pass, and only to the app's own origin or an origin listed in
/// `allowedJoinOrigins`, compared exactly (scheme, host and port), so a compromised or
/// misconfigured backend cannot send guests elsewhere.
pub fn join_allowed(protocol: &str, origin: &str, app_origin: &str, allowed: &[String]) -> bool {
    let web = protocol == "http:" || protocol == "https:";
    web && (origin == app_origin || allowed.iter().any(|allowed| allowed == origin))
}

/// First wait between two polls of a waiting guest's ticket.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);
/// Maximum wait between two polls, reached after failed polls.
pub const MAX_POLL_INTERVAL: Duration = Duration::from_secs(16);

/// Returns the wait before the next poll: the base interval, doubled for each failed poll
/// in a row, up to the maximum.
pub fn poll_delay(failed_polls: u32) -> Duration {
    let factor = 1_u32 << failed_polls.min(4);
    (POLL_INTERVAL * factor).min(MAX_POLL_INTERVAL)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn input(name: &str, email: &str) -> GuestFormInput {
        GuestFormInput {
            name: name.into(),
            email: email.into(),
        }
    }

    #[test]
    fn valid_form_is_trimmed() {
        let guest = validate_guest_form(&input(" Dana Levi ", " dana@example.org ")).unwrap();
        assert_eq!(guest.name, "Dana Levi");
        assert_eq!(guest.email, "dana@example.org");
    }

    #[test]
    fn empty_form_reports_both_fields() {
        let errors = validate_guest_form(&input("  ", "")).unwrap_err();
        assert_eq!(errors.name.as_deref(), Some("Enter your name"));
        assert_eq!(errors.email.as_deref(), Some("Enter your email address"));
        assert!(!errors.is_empty());
        assert!(GuestFormErrors::default().is_empty());
    }

    #[test]
    fn bad_email_is_reported() {
        let errors = validate_guest_form(&input("Dana", "dana@localhost")).unwrap_err();
        assert_eq!(errors.name, None);
        assert!(errors.email.unwrap().contains("correct format"));
    }

    #[test]
    fn long_values_are_reported() {
        let errors = validate_guest_form(&input(&"n".repeat(101), "a@b.co")).unwrap_err();
        assert_eq!(
            errors.name.as_deref(),
            Some("Name must be 100 characters or fewer")
        );
        let long_email = format!("{}@example.com", "a".repeat(250));
        let errors = validate_guest_form(&input("Dana", &long_email)).unwrap_err();
        assert_eq!(
            errors.email.as_deref(),
            Some("Email address must be 254 characters or fewer")
        );
    }

    #[test]
    fn server_field_errors_attach() {
        let args: BTreeMap<String, String> = [("PROPERTY_NAME".to_owned(), "email".to_owned())]
            .into_iter()
            .collect();
        let error = ApiError::Api {
            code: ErrorCode::WrongFormat,
            message: "email is not a valid email address.".into(),
            args,
        };
        let errors = guest_form_errors_from_api(&error).unwrap();
        assert_eq!(
            errors.email.as_deref(),
            Some("email is not a valid email address.")
        );
        assert_eq!(guest_form_errors_from_api(&ApiError::Timeout), None);
    }

    #[test]
    fn join_origin_check() {
        let app = "http://127.0.0.1:8080";
        let allowed = vec!["https://rooms.example.com".to_owned()];
        assert!(join_allowed("http:", app, app, &allowed));
        assert!(join_allowed(
            "https:",
            "https://rooms.example.com",
            app,
            &allowed
        ));
        assert!(!join_allowed(
            "https:",
            "https://rooms.example.com:8443",
            app,
            &allowed
        ));
        assert!(!join_allowed(
            "http:",
            "http://rooms.example.com",
            app,
            &allowed
        ));
        assert!(!join_allowed(
            "https:",
            "https://evil.example",
            app,
            &allowed
        ));
        assert!(!join_allowed("javascript:", "null", app, &allowed));
        assert!(!join_allowed("data:", "null", "null", &[]));
    }

    #[test]
    fn poll_delay_backs_off() {
        assert_eq!(poll_delay(0), Duration::from_secs(2));
        assert_eq!(poll_delay(1), Duration::from_secs(4));
        assert_eq!(poll_delay(2), Duration::from_secs(8));
        assert_eq!(poll_delay(3), Duration::from_secs(16));
        assert_eq!(poll_delay(40), Duration::from_secs(16));
    }
}
