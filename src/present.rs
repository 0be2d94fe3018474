//! Texts the pages show for links, counts and errors: plain functions, tested natively.

use crate::api::{ApiError, ErrorCode, GuestLink, LinkStatus};
use crate::tr;

/// Returns the count line of the link list: "No links added", "1 link", "2 links".
pub fn link_count_label(count: usize) -> String {
    tr!("link-count", count = count)
}

/// Returns the expiration date of a link: "Never" without one, the date as `long_date`
/// formats it, or "Unknown date" when `long_date` cannot format that time.
///
/// The browser passes a formatter built on `Intl.DateTimeFormat` (`browser.rs`), which
/// writes "April 23, 2026" in English and "23 באפריל 2026" in Hebrew.
pub fn expiry_label(
    expires_at: Option<i64>,
    long_date: impl FnOnce(i64) -> Option<String>,
) -> String {
    match expires_at {
        None => tr!("expiry-never"),
        Some(seconds) => long_date(seconds).unwrap_or_else(|| tr!("expiry-unknown")),
    }
}

/// Returns the clicks column of a link: "unlimited", or clicks used and the limit ("3 / 10").
pub fn clicks_label(link: &GuestLink) -> String {
    match link.clicks_limit {
        None => tr!("clicks-unlimited"),
        Some(limit) => tr!("clicks-used", used = link.clicks_used, limit = limit),
    }
}

/// Returns the name of a link's state.
pub fn status_label(status: LinkStatus) -> String {
    match status {
        LinkStatus::Active => tr!("status-active"),
        LinkStatus::Expired => tr!("status-expired"),
        LinkStatus::Exhausted => tr!("status-exhausted"),
        LinkStatus::Inactive => tr!("status-inactive"),
        LinkStatus::Unknown => tr!("status-unknown"),
    }
}

/// Next step the user can take after a failed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Trying the same call again may work.
    Retry,
    /// Reloading the page fetches a fresh session.
    Reload,
    /// Nothing in this page can fix it.
    None,
}

/// Returns the sentence shown for a failed moderator call, and what the user can do next.
///
/// Transport failures and API errors read differently, so the user can tell a network
/// problem from the backend refusing the request.
pub fn describe_failure(error: &ApiError) -> (String, Remedy) {
    let text = match error {
        ApiError::Network => tr!("failure-network"),
        ApiError::Timeout => tr!("failure-timeout"),
        // A status code is an identifier, not a quantity: it is never grouped ("1,000").
        ApiError::Status(status) => tr!("failure-status", status = status.to_string()),
        ApiError::Malformed(_) => tr!("failure-malformed"),
        ApiError::Cancelled => tr!("failure-cancelled"),
        ApiError::Api { code, message, .. } => return describe_api_error(code, message),
    };
    (text, Remedy::Retry)
}

fn describe_api_error(code: &ErrorCode, message: &str) -> (String, Remedy) {
    let (text, remedy) = match code {
        ErrorCode::InvalidKs => (tr!("failure-invalid-ks"), Remedy::Reload),
        ErrorCode::ServiceForbidden => (tr!("failure-forbidden"), Remedy::None),
        ErrorCode::EntryIdNotFound => (tr!("failure-entry-missing"), Remedy::None),
        ErrorCode::GuestAccessNotSupported => (tr!("failure-not-supported"), Remedy::None),
        _ if message.trim().is_empty() => (
            tr!("failure-rejected", code = code.to_string()),
            Remedy::Retry,
        ),
        _ => (message.to_owned(), Remedy::Retry),
    };
    (text, remedy)
}

/// Why a guest link cannot be used: a page title and what the guest can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// Heading of the page.
    pub title: String,
    /// Explanation of what happened and of what the guest can do next.
    pub explanation: String,
}

/// Returns the page for an API error that makes a guest link unusable, or `None` for a
/// failure that retrying may fix.
pub fn describe_link_problem(error: &ApiError) -> Option<LinkProblem> {
    let (title, explanation) = match error.code()? {
        ErrorCode::GuestAccessDisabled => {
            (tr!("problem-access-off-title"), tr!("problem-access-off"))
        }
        ErrorCode::GuestLinkNotFound => (tr!("problem-not-found-title"), tr!("problem-not-found")),
        ErrorCode::GuestLinkExpired => (tr!("problem-expired-title"), tr!("problem-expired")),
        ErrorCode::GuestLinkExhausted => (tr!("problem-exhausted-title"), tr!("problem-exhausted")),
        ErrorCode::EntryIdNotFound => (tr!("problem-room-gone-title"), tr!("problem-room-gone")),
        ErrorCode::GuestTicketNotFound => (tr!("problem-ticket-title"), tr!("problem-ticket")),
        ErrorCode::GuestAccessNotSupported => {
            (tr!("problem-gallery-title"), tr!("problem-gallery"))
        }
        _ => return None,
    };
    Some(LinkProblem { title, explanation })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(clicks_limit: Option<u32>, clicks_used: u32) -> GuestLink {
        GuestLink {
            id: "1".into(),
            entry_id: "1_room".into(),
            name: "Guest speakers".into(),
            url: "http://127.0.0.1/guest/t".into(),
            created_at: 0,
            expires_at: None,
            clicks_limit,
            clicks_used,
            status: LinkStatus::Active,
        }
    }

    #[test]
    fn count_label_plurals() {
        assert_eq!(link_count_label(0), "No links added");
        assert_eq!(link_count_label(1), "1 link");
        assert_eq!(link_count_label(2), "2 links");
        assert_eq!(link_count_label(3), "3 links");
    }

    #[test]
    fn expiry_label_uses_the_formatter() {
        let formatted = expiry_label(Some(1_776_945_600), |seconds| {
            assert_eq!(seconds, 1_776_945_600);
            Some("April 23, 2026".to_owned())
        });
        assert_eq!(formatted, "April 23, 2026");
    }

    #[test]
    fn expiry_label_without_expiry() {
        let formatted = expiry_label(None, |_| panic!("nothing to format"));
        assert_eq!(formatted, "Never");
    }

    #[test]
    fn expiry_label_out_of_range() {
        assert_eq!(expiry_label(Some(i64::MAX), |_| None), "Unknown date");
    }

    #[test]
    fn clicks_label_limits() {
        assert_eq!(clicks_label(&link(None, 4)), "unlimited");
        assert_eq!(clicks_label(&link(Some(10), 3)), "3 / 10");
    }

    #[test]
    fn status_labels() {
        assert_eq!(status_label(LinkStatus::Exhausted), "Used up");
        assert_eq!(status_label(LinkStatus::Unknown), "Unknown");
    }

    #[test]
    fn transport_failures_offer_retry() {
        for error in [ApiError::Network, ApiError::Timeout, ApiError::Status(502)] {
            assert_eq!(describe_failure(&error).1, Remedy::Retry, "{error:?}");
        }
        assert!(describe_failure(&ApiError::Status(502)).0.contains("502"));
    }

    #[test]
    fn invalid_ks_offers_reload() {
        let error = api_error("INVALID_KS", "ks expired");
        let (text, remedy) = describe_failure(&error);
        assert_eq!(remedy, Remedy::Reload);
        assert!(text.contains("Reload"), "{text}");
    }

    #[test]
    fn unknown_code_shows_server_message() {
        let error = api_error("SOMETHING_NEW", "Rooms are closed for maintenance.");
        assert_eq!(
            describe_failure(&error).0,
            "Rooms are closed for maintenance."
        );
        let error = api_error("SOMETHING_NEW", "  ");
        assert_eq!(
            describe_failure(&error).0,
            "The server rejected the request (SOMETHING_NEW)."
        );
    }

    #[test]
    fn link_problems_for_link_codes() {
        let codes = [
            ("GUEST_ACCESS_DISABLED", "Guest access is turned off"),
            ("GUEST_LINK_NOT_FOUND", "This link is no longer valid"),
            ("GUEST_LINK_EXPIRED", "This link has expired"),
            ("GUEST_LINK_EXHAUSTED", "This link has been used up"),
            ("ENTRY_ID_NOT_FOUND", "This session is no longer available"),
            ("GUEST_ACCESS_NOT_SUPPORTED", "Guests can't join this media"),
        ];
        for (code, title) in codes {
            let problem = describe_link_problem(&api_error(code, "server text")).unwrap();
            assert_eq!(problem.title, title, "{code}");
        }
    }

    #[test]
    fn retryable_failures_are_no_link_problem() {
        assert_eq!(describe_link_problem(&ApiError::Timeout), None);
        assert_eq!(
            describe_link_problem(&api_error("SOMETHING_NEW", "x")),
            None
        );
    }

    fn api_error(code: &str, message: &str) -> ApiError {
        ApiError::Api {
            code: code.into(),
            message: message.into(),
            args: Default::default(),
        }
    }
}
