//! The one error type of the backend client.

use std::collections::BTreeMap;
use std::fmt;

/// Seconds after which the client gives up on a call, unless `config.json` sets
/// `requestTimeoutSeconds`.
pub const TIMEOUT_SECONDS: u32 = 15;

/// Failure of one backend call.
///
/// `Api` is a response from the backend that rejected the call; every other variant is a
/// transport failure, where the call may or may not have reached the backend.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The backend responded with a `KalturaAPIException`.
    #[error("{message} ({code})")]
    Api {
        /// Error code, known or not.
        code: ErrorCode,
        /// Text the backend gave; shown to the user for codes the app does not know.
        message: String,
        /// Named arguments, such as `PROPERTY_NAME` of a field error.
        args: BTreeMap<String, String>,
    },
    /// The backend responded with an HTTP status other than 200.
    #[error("the server answered with HTTP status {0}")]
    Status(u16),
    /// The request did not reach the backend, or its answer did not arrive.
    #[error("the server could not be reached")]
    Network,
    /// No answer arrived within the time-out.
    #[error("the server did not answer in time")]
    Timeout,
    /// The answer was not the JSON the contract describes.
    #[error("the server's answer could not be read: {0}")]
    Malformed(String),
    /// The caller went away and the request was aborted.
    #[error("the request was cancelled")]
    Cancelled,
}

impl ApiError {
    /// Tells whether the failure happened in transport rather than in the backend's logic.
    pub fn is_transport(&self) -> bool {
        !matches!(self, ApiError::Api { .. })
    }

    /// Returns the API error code, if the backend sent one.
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            ApiError::Api { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Returns a short label for log lines: the API code or the transport failure kind.
    pub fn log_label(&self) -> String {
        match self {
            ApiError::Api { code, .. } => code.to_string(),
            ApiError::Status(status) => format!("HTTP {status}"),
            ApiError::Network => "network".into(),
            ApiError::Timeout => "timeout".into(),
            ApiError::Malformed(_) => "malformed".into(),
            ApiError::Cancelled => "cancelled".into(),
        }
    }
}

/// Error codes of the contract; a code the app does not know is kept as `Other`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCode {
    /// The moderator session is missing or expired.
    InvalidKs,
    /// The user may not manage guest links.
    ServiceForbidden,
    /// The entry no longer exists.
    EntryIdNotFound,
    /// The entry is a media gallery room.
    GuestAccessNotSupported,
    /// The entry already has the maximum number of links.
    GuestLinkLimitReached,
    /// The link was deleted or never existed.
    GuestLinkNotFound,
    /// The link's duration has run out.
    GuestLinkExpired,
    /// The link's click limit is used up.
    GuestLinkExhausted,
    /// The owner turned guest access off.
    GuestAccessDisabled,
    /// The ticket is unknown or expired.
    GuestTicketNotFound,
    /// A required field is missing.
    CannotBeNull,
    /// A text field is empty.
    MinLength,
    /// A text field is too long.
    MaxLength,
    /// A number is too small.
    MinValue,
    /// A number is too large.
    MaxValue,
    /// A field has the wrong format, such as an email without `@`.
    WrongFormat,
    /// A code this version of the app does not know.
    Other(String),
}

static KNOWN_CODES: [(&str, ErrorCode); 16] = [
    ("INVALID_KS", ErrorCode::InvalidKs),
    ("SERVICE_FORBIDDEN", ErrorCode::ServiceForbidden),
    ("ENTRY_ID_NOT_FOUND", ErrorCode::EntryIdNotFound),
    (
        "GUEST_ACCESS_NOT_SUPPORTED",
        ErrorCode::GuestAccessNotSupported,
    ),
    ("GUEST_LINK_LIMIT_REACHED", ErrorCode::GuestLinkLimitReached),
    ("GUEST_LINK_NOT_FOUND", ErrorCode::GuestLinkNotFound),
    ("GUEST_LINK_EXPIRED", ErrorCode::GuestLinkExpired),
    ("GUEST_LINK_EXHAUSTED", ErrorCode::GuestLinkExhausted),
    ("GUEST_ACCESS_DISABLED", ErrorCode::GuestAccessDisabled),
    ("GUEST_TICKET_NOT_FOUND", ErrorCode::GuestTicketNotFound),
    (
        "PROPERTY_VALIDATION_CANNOT_BE_NULL",
        ErrorCode::CannotBeNull,
    ),
    ("PROPERTY_VALIDATION_MIN_LENGTH", ErrorCode::MinLength),
    ("PROPERTY_VALIDATION_MAX_LENGTH", ErrorCode::MaxLength),
    ("PROPERTY_VALIDATION_MIN_VALUE", ErrorCode::MinValue),
    ("PROPERTY_VALIDATION_MAX_VALUE", ErrorCode::MaxValue),
    ("PROPERTY_VALIDATION_WRONG_FORMAT", ErrorCode::WrongFormat),
];

impl ErrorCode {
    /// Returns the code as the backend spells it.
    pub fn as_str(&self) -> &str {
        match self {
            ErrorCode::Other(code) => code,
            known => KNOWN_CODES
                .iter()
                .find(|(_, code)| code == known)
                .map(|(text, _)| *text)
                .unwrap_or_default(),
        }
    }
}

impl From<&str> for ErrorCode {
    fn from(text: &str) -> Self {
        KNOWN_CODES
            .iter()
            .find(|(known, _)| *known == text)
            .map(|(_, code)| code.clone())
            .unwrap_or_else(|| ErrorCode::Other(text.to_owned()))
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}
