//! Request bodies and paths of the guest access API.

use serde_json::{Map, Value};

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

fn object<const N: usize>(fields: [(&str, Value); N]) -> Map<String, Value> {
    fields
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect()
}
