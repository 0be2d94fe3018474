//! Wire types of the guest access API and the decoding of response bodies.
//!
//! Nothing here touches the browser, so the whole wire format is tested natively.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::{ApiError, ErrorCode};

/// `objectType` of an API error body.
pub const EXCEPTION_OBJECT_TYPE: &str = "KalturaAPIException";

/// Kind of a media entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EntryType {
    /// A Kaltura Room session.
    Room,
    /// A media gallery room, which does not support guest access.
    MediaGalleryRoom,
    /// A plain media entry.
    Media,
    /// A kind this version of the app does not know.
    #[serde(other)]
    Unknown,
}

/// State of a guest link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LinkStatus {
    /// Guests can join through the link.
    Active,
    /// The link's duration has run out.
    Expired,
    /// The link's click limit is used up.
    Exhausted,
    /// Guest access is turned off for the entry.
    Inactive,
    /// A state this version of the app does not know.
    #[serde(other)]
    Unknown,
}

/// State of a guest's request to join.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TicketStatus {
    /// The guest waits for a moderator.
    Waiting,
    /// The guest may join at the ticket's `joinUrl`.
    Admitted,
    /// A moderator declined the guest.
    Denied,
    /// A state this version of the app does not know.
    #[serde(other)]
    Unknown,
}

/// Guest access settings of one entry (`KalturaGuestAccessSettings`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestAccessSettings {
    /// Entry the settings belong to.
    pub entry_id: String,
    /// Display name of the entry.
    pub entry_name: String,
    /// Kind of the entry.
    pub entry_type: EntryType,
    /// Whether guests can join through the entry's links.
    pub enabled: bool,
    /// Maximum number of links on the entry.
    pub max_links: u32,
    /// Whether the current user may manage the entry's guest links.
    pub can_manage: bool,
}

/// One guest link (`KalturaGuestLink`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestLink {
    /// Opaque identifier of the link.
    pub id: String,
    /// Entry the link opens.
    pub entry_id: String,
    /// Name the moderator gave the link.
    pub name: String,
    /// Address that guests open; it contains the link's secret token.
    pub url: String,
    /// Creation time, in Unix seconds.
    pub created_at: i64,
    /// Expiry time in Unix seconds, or `None` for a link that never expires.
    pub expires_at: Option<i64>,
    /// Number of joins allowed, or `None` for unlimited.
    pub clicks_limit: Option<u32>,
    /// Number of joins so far.
    pub clicks_used: u32,
    /// Current state of the link.
    pub status: LinkStatus,
}

/// Page of guest links (`KalturaGuestLinkListResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestLinkList {
    /// The links, oldest first.
    pub objects: Vec<GuestLink>,
    /// Number of links that match the filter.
    pub total_count: u32,
}

/// Session a guest link leads to (`KalturaGuestLinkInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestLinkInfo {
    /// Entry the link opens.
    pub entry_id: String,
    /// Display name of the entry.
    pub entry_name: String,
    /// Whether a moderator has to admit each guest.
    pub requires_admission: bool,
}

/// A guest's request to join (`KalturaGuestTicket`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestTicket {
    /// Opaque identifier used to poll the ticket.
    pub ticket: String,
    /// Current state of the request.
    pub status: TicketStatus,
    /// Address of the session once admitted, else `None`.
    pub join_url: Option<String>,
}

/// A link to create: the fields of `guestaccess_guestlink.add`, already validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGuestLink {
    /// Entry the link opens.
    pub entry_id: String,
    /// Trimmed name of the link.
    pub name: String,
    /// Number of joins allowed, or `None` for unlimited.
    pub clicks_limit: Option<u32>,
    /// Lifetime in days, or `None` for a link that never expires.
    pub duration_days: Option<u32>,
}

/// Details a guest typed to join, already validated.
///
/// `Debug` hides both fields, because a name or an email never goes into a log line.
#[derive(Clone, PartialEq, Eq)]
pub struct GuestDetails {
    /// Trimmed name of the guest.
    pub name: String,
    /// Trimmed email address of the guest.
    pub email: String,
}

impl std::fmt::Debug for GuestDetails {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("GuestDetails(<hidden>)")
    }
}

/// A response body type, named by the `objectType` the server must send with it.
pub trait WireObject: DeserializeOwned {
    /// Expected `objectType`.
    const OBJECT_TYPE: &'static str;
}

impl WireObject for GuestAccessSettings {
    const OBJECT_TYPE: &'static str = "KalturaGuestAccessSettings";
}

impl WireObject for GuestLink {
    const OBJECT_TYPE: &'static str = "KalturaGuestLink";
}

impl WireObject for GuestLinkList {
    const OBJECT_TYPE: &'static str = "KalturaGuestLinkListResponse";
}

impl WireObject for GuestLinkInfo {
    const OBJECT_TYPE: &'static str = "KalturaGuestLinkInfo";
}

impl WireObject for GuestTicket {
    const OBJECT_TYPE: &'static str = "KalturaGuestTicket";
}

/// Decodes the body of an HTTP 200 response into `T` or the API error it carries.
pub fn decode_object<T: WireObject>(body: &str) -> Result<T, ApiError> {
    let object = parse_object(body)?;
    let object_type = object
        .get("objectType")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if object_type != T::OBJECT_TYPE {
        return Err(ApiError::Malformed(format!(
            "expected objectType {}, got {:?}",
            T::OBJECT_TYPE,
            object_type
        )));
    }
    serde_json::from_value(Value::Object(object))
        .map_err(|error| ApiError::Malformed(format!("invalid {}: {error}", T::OBJECT_TYPE)))
}

/// Decodes the body of an HTTP 200 response to an action that returns `null`.
pub fn decode_null(body: &str) -> Result<(), ApiError> {
    let value: Value = serde_json::from_str(body).map_err(malformed_json)?;
    match value {
        Value::Null => Ok(()),
        Value::Object(object) => match exception_in(&object) {
            Some(error) => Err(error),
            None => Err(ApiError::Malformed("expected null, got an object".into())),
        },
        _ => Err(ApiError::Malformed("expected null".into())),
    }
}

/// Parses a body that must be a JSON object, returning the API error it carries, if any.
fn parse_object(body: &str) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_str::<Value>(body).map_err(malformed_json)? {
        Value::Object(object) => match exception_in(&object) {
            Some(error) => Err(error),
            None => Ok(object),
        },
        _ => Err(ApiError::Malformed("expected a JSON object".into())),
    }
}

/// Returns the API error that `object` describes, if it is a `KalturaAPIException`.
fn exception_in(object: &Map<String, Value>) -> Option<ApiError> {
    if object.get("objectType").and_then(Value::as_str) != Some(EXCEPTION_OBJECT_TYPE) {
        return None;
    }
    let text = |key: &str| {
        object
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let args = match object.get("args") {
        Some(Value::Object(args)) => args
            .iter()
            .map(|(name, value)| (name.clone(), arg_text(value)))
            .collect(),
        _ => Default::default(),
    };
    Some(ApiError::Api {
        code: ErrorCode::from(text("code").as_str()),
        message: text("message"),
        args,
    })
}

/// Renders an error argument as text; servers send strings, but numbers are kept readable.
fn arg_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn malformed_json(error: serde_json::Error) -> ApiError {
    ApiError::Malformed(format!("the body is not valid JSON: {error}"))
}
