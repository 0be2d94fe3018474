//! The guest access API: `POST /api_v3/service/{service}/action/{action}`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::store::Store;
use crate::StandIn;

/// An API error: answered, as in Kaltura, with HTTP 200 and a `KalturaAPIException` body.
#[derive(Debug)]
pub struct ApiFailure {
    code: &'static str,
    message: String,
    args: Map<String, Value>,
}

impl ApiFailure {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            args: Map::new(),
        }
    }

    fn with_arg(mut self, name: &str, value: &str) -> Self {
        self.args.insert(name.to_owned(), Value::from(value));
        self
    }

    fn body(&self) -> Value {
        json!({
            "objectType": "KalturaAPIException",
            "code": self.code,
            "message": self.message,
            "args": self.args,
        })
    }
}

type ActionResult = Result<Value, ApiFailure>;

/// Answers one API call and logs one line: action, status and error code, never a
/// session, token, name or email.
pub async fn call(
    State(standin): State<StandIn>,
    Path((service, action)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let name = format!("{service}.{action}");
    let Ok(Value::Object(params)) = serde_json::from_slice::<Value>(&body) else {
        tracing::warn!(action = %name, status = 400, "request body is not a JSON object");
        return (
            StatusCode::BAD_REQUEST,
            "The request body must be a JSON object.",
        )
            .into_response();
    };
    let result = dispatch(&mut standin.store(), &name, &params);
    match result {
        Ok(value) => {
            tracing::info!(action = %name, status = 200, "ok");
            Json(value).into_response()
        }
        Err(failure) => {
            tracing::info!(action = %name, status = 200, code = failure.code, "api error");
            Json(failure.body()).into_response()
        }
    }
}

fn dispatch(store: &mut Store, action: &str, params: &Map<String, Value>) -> ActionResult {
    match action {
        "guestaccess_settings.get" => {
            require_ks(store, params)?;
            settings_get(store, params)
        }
        "guestaccess_guestlink.list" => {
            require_ks(store, params)?;
            link_list(store, params)
        }
        _ => Err(ApiFailure::new(
            "SERVICE_ACTION_NOT_FOUND",
            format!("Action \"{action}\" does not exist."),
        )),
    }
}

fn require_ks(store: &Store, params: &Map<String, Value>) -> Result<(), ApiFailure> {
    match params.get("ks").and_then(Value::as_str) {
        Some(ks) if ks == store.ks => Ok(()),
        _ => Err(ApiFailure::new(
            "INVALID_KS",
            "The session is missing or has expired.",
        )),
    }
}

fn settings_get(store: &Store, params: &Map<String, Value>) -> ActionResult {
    let entry_id = required_str(params, "entryId")?;
    let entry = store
        .entry(entry_id)
        .ok_or_else(|| entry_not_found(entry_id))?;
    Ok(store.settings_json(entry))
}

fn link_list(store: &Store, params: &Map<String, Value>) -> ActionResult {
    let filter = params.get("filter").and_then(Value::as_object);
    let entry_id = filter
        .and_then(|filter| filter.get("entryIdEqual"))
        .and_then(Value::as_str)
        .ok_or_else(|| missing("entryIdEqual"))?;
    let entry = store
        .entry(entry_id)
        .ok_or_else(|| entry_not_found(entry_id))?;
    if !entry.can_manage {
        return Err(forbidden());
    }
    let objects: Vec<Value> = store
        .links_of(entry_id)
        .map(|link| store.link_json(link))
        .collect();
    Ok(json!({
        "objectType": "KalturaGuestLinkListResponse",
        "totalCount": objects.len(),
        "objects": objects,
    }))
}

fn required_str<'a>(params: &'a Map<String, Value>, name: &str) -> Result<&'a str, ApiFailure> {
    params
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| missing(name))
}

fn missing(property: &str) -> ApiFailure {
    ApiFailure::new(
        "PROPERTY_VALIDATION_CANNOT_BE_NULL",
        format!("{property} is required."),
    )
    .with_arg("PROPERTY_NAME", property)
}

fn entry_not_found(entry_id: &str) -> ApiFailure {
    ApiFailure::new(
        "ENTRY_ID_NOT_FOUND",
        format!("Entry id \"{entry_id}\" not found."),
    )
    .with_arg("ENTRY_ID", entry_id)
}

fn forbidden() -> ApiFailure {
    ApiFailure::new(
        "SERVICE_FORBIDDEN",
        "You may not manage guest links for this entry.",
    )
}
