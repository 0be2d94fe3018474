//! Request bodies and paths of the guest access API.

use serde_json::{Map, Value};
use uuid::Uuid;

use super::wire::{GuestDetails, NewGuestLink};

/// `clientTag` sent with every call: the app's name and version.
pub const CLIENT_TAG: &str = concat!("guest-access-ui:", env!("CARGO_PKG_VERSION"));

/// Returns the path of an action, relative to the service URL.
pub fn action_path(service: &str, action: &str) -> String {
    format!("/api_v3/service/{service}/action/{action}")
}

/// Builds the JSON body of a call: the action's parameters plus `format`, `clientTag` and,
/// for moderator calls, `ks`.
pub fn request_body(params: Map<String, Value>, ks: Option<&str>) -> Value {
    let mut body = params;
    body.insert("format".into(), Value::from(1));
    body.insert("clientTag".into(), Value::from(CLIENT_TAG));
    if let Some(ks) = ks {
        body.insert("ks".into(), Value::from(ks));
    }
    Value::Object(body)
}

/// Parameters of `guestaccess_settings.get`.
pub fn settings_get_params(entry_id: &str) -> Map<String, Value> {
    object([("entryId", Value::from(entry_id))])
}

/// Parameters of `guestaccess_guestlink.list`.
pub fn link_list_params(entry_id: &str) -> Map<String, Value> {
    let filter = object([("entryIdEqual", Value::from(entry_id))]);
    object([("filter", Value::Object(filter))])
}

/// Parameters of `guestaccess_settings.update`.
pub fn settings_update_params(entry_id: &str, enabled: bool) -> Map<String, Value> {
    let settings = object([("enabled", Value::from(enabled))]);
    object([
        ("entryId", Value::from(entry_id)),
        ("settings", Value::Object(settings)),
    ])
}

/// Parameters of `guestaccess_guestlink.add`; optional limits are left out when not set.
pub fn link_add_params(link: &NewGuestLink, request_id: Uuid) -> Map<String, Value> {
    let mut fields = object([
        ("entryId", Value::from(link.entry_id.as_str())),
        ("name", Value::from(link.name.as_str())),
    ]);
    if let Some(clicks_limit) = link.clicks_limit {
        fields.insert("clicksLimit".into(), Value::from(clicks_limit));
    }
    if let Some(duration_days) = link.duration_days {
        fields.insert("durationDays".into(), Value::from(duration_days));
    }
    object([
        ("guestLink", Value::Object(fields)),
        ("requestId", Value::from(request_id.to_string())),
    ])
}

/// Parameters of `guestaccess_guestlink.delete`.
pub fn link_delete_params(link_id: &str) -> Map<String, Value> {
    object([("id", Value::from(link_id))])
}

/// Parameters of `guestaccess_guest.resolve`.
pub fn resolve_params(token: &str) -> Map<String, Value> {
    object([("token", Value::from(token))])
}

/// Parameters of `guestaccess_guest.join`.
pub fn join_params(token: &str, guest: &GuestDetails) -> Map<String, Value> {
    let details = object([
        ("name", Value::from(guest.name.as_str())),
        ("email", Value::from(guest.email.as_str())),
    ]);
    object([
        ("token", Value::from(token)),
        ("guest", Value::Object(details)),
    ])
}

/// Parameters of `guestaccess_guest.getTicket`.
pub fn ticket_params(ticket: &str) -> Map<String, Value> {
    object([("ticket", Value::from(ticket))])
}

fn object<const N: usize>(fields: [(&str, Value); N]) -> Map<String, Value> {
    fields
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect()
}
