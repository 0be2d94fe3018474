//! Test controls under `/__standin/`. The app never calls them; tests use them to put the
//! stand-in into the state a test needs. Each responds with HTTP 204, or 200 with a JSON body
//! where it reports something, and HTTP 400 or 404 with a message for a request it
//! cannot carry out.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::faults::{Fault, FaultKind};
use crate::store::{ConfigMode, Store};
use crate::StandIn;

/// Routes of the test controls.
pub fn router() -> Router<StandIn> {
    Router::new()
        .route("/reset", post(reset))
        .route("/config", post(set_config))
        .route("/clock", post(advance_clock))
        .route("/admission", post(decide_admission))
        .route("/entry", post(change_entry))
        .route("/link", post(change_link))
        .route("/fault", post(queue_fault))
        .fallback(unknown_control)
}

async fn unknown_control(uri: axum::http::Uri) -> (StatusCode, String) {
    rejected(
        StatusCode::NOT_FOUND,
        format!("no test control at {:?}", uri.path()),
    )
}

type ControlResult = Result<Response, (StatusCode, String)>;

fn rejected(status: StatusCode, message: impl Into<String>) -> (StatusCode, String) {
    let message = message.into();
    tracing::warn!(status = status.as_u16(), %message, "control rejected");
    (status, message)
}

/// Reads a JSON body, turning a bad one into a 400 with the parser's message.
fn body<T>(request: Result<Json<T>, JsonRejection>) -> Result<T, (StatusCode, String)> {
    request
        .map(|Json(value)| value)
        .map_err(|error| rejected(StatusCode::BAD_REQUEST, error.body_text()))
}

/// Restores the demo data with fresh link tokens, keeping the moderator session.
async fn reset(State(standin): State<StandIn>) -> StatusCode {
    let mut store = standin.store();
    let (origin, ks) = (store.origin.clone(), store.ks.clone());
    *store = Store::demo(&origin, &ks);
    tracing::info!(control = "reset", "demo data restored");
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct ConfigRequest {
    serve: String,
    request_timeout_seconds: Option<u32>,
}

/// Chooses what `GET /config.json` returns: `normal`, `missing` or `malformed`, and the
/// `requestTimeoutSeconds` that the normal file carries, if any.
async fn set_config(
    State(standin): State<StandIn>,
    request: Result<Json<ConfigRequest>, JsonRejection>,
) -> ControlResult {
    let request = body(request)?;
    let mode = match request.serve.as_str() {
        "normal" => ConfigMode::Normal,
        "missing" => ConfigMode::Missing,
        "malformed" => ConfigMode::Malformed,
        other => {
            let message =
                format!("unknown config mode {other:?}: use normal, missing or malformed");
            return Err(rejected(StatusCode::BAD_REQUEST, message));
        }
    };
    let mut store = standin.store();
    store.config_mode = mode;
    store.request_timeout_seconds = request.request_timeout_seconds;
    tracing::info!(
        control = "config",
        mode = %request.serve,
        request_timeout_seconds = ?request.request_timeout_seconds,
        "config.json mode set"
    );
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ClockRequest {
    advance_seconds: i64,
}

/// Moves the stand-in's clock forward, so links expire and tickets age without waiting.
async fn advance_clock(
    State(standin): State<StandIn>,
    request: Result<Json<ClockRequest>, JsonRejection>,
) -> ControlResult {
    let request = body(request)?;
    if request.advance_seconds < 0 {
        return Err(rejected(
            StatusCode::BAD_REQUEST,
            "advanceSeconds must not be negative",
        ));
    }
    let mut store = standin.store();
    store.clock_offset = store.clock_offset.saturating_add(request.advance_seconds);
    tracing::info!(
        control = "clock",
        offset = store.clock_offset,
        "clock moved"
    );
    Ok(Json(json!({"now": store.now()})).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AdmissionRequest {
    /// `admit` or `deny`.
    decision: String,
    /// Only the guests waiting for this entry; all waiting guests when absent.
    entry_id: Option<String>,
}

/// Admits or denies the waiting guests and reports how many were decided.
async fn decide_admission(
    State(standin): State<StandIn>,
    request: Result<Json<AdmissionRequest>, JsonRejection>,
) -> ControlResult {
    let request = body(request)?;
    let status = match request.decision.as_str() {
        "admit" => "admitted",
        "deny" => "denied",
        other => {
            let message = format!("unknown decision {other:?}: use admit or deny");
            return Err(rejected(StatusCode::BAD_REQUEST, message));
        }
    };
    let mut store = standin.store();
    let mut count = 0;
    for ticket in store
        .tickets
        .iter_mut()
        .filter(|ticket| ticket.status == "waiting")
    {
        if request
            .entry_id
            .as_ref()
            .is_none_or(|entry_id| *entry_id == ticket.entry_id)
        {
            ticket.status = status;
            count += 1;
        }
    }
    tracing::info!(
        control = "admission",
        decision = status,
        count,
        "waiting guests decided"
    );
    Ok(Json(json!({"decided": count})).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct EntryRequest {
    entry_id: String,
    #[serde(default)]
    delete: bool,
    #[serde(default)]
    fields: EntryFields,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct EntryFields {
    name: Option<String>,
    entry_type: Option<String>,
    enabled: Option<bool>,
    can_manage: Option<bool>,
    requires_admission: Option<bool>,
    join_origin: Option<String>,
}

/// Changes fields of an entry, or deletes it (its links stay, as on a real backend).
async fn change_entry(
    State(standin): State<StandIn>,
    request: Result<Json<EntryRequest>, JsonRejection>,
) -> ControlResult {
    let request = body(request)?;
    let mut store = standin.store();
    if request.delete {
        let before = store.entries.len();
        store.entries.retain(|entry| entry.id != request.entry_id);
        if store.entries.len() == before {
            return Err(entry_missing(&request.entry_id));
        }
        tracing::info!(control = "entry", entry_id = %request.entry_id, "entry deleted");
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let entry = store
        .entry_mut(&request.entry_id)
        .ok_or_else(|| entry_missing(&request.entry_id))?;
    let fields = request.fields;
    if let Some(name) = fields.name {
        entry.name = name;
    }
    if let Some(entry_type) = fields.entry_type {
        entry.entry_type = entry_type;
    }
    if let Some(enabled) = fields.enabled {
        entry.enabled = enabled;
    }
    if let Some(can_manage) = fields.can_manage {
        entry.can_manage = can_manage;
    }
    if let Some(requires_admission) = fields.requires_admission {
        entry.requires_admission = requires_admission;
    }
    if let Some(join_origin) = fields.join_origin {
        entry.join_origin = Some(join_origin);
    }
    let entry = entry.clone();
    tracing::info!(control = "entry", entry_id = %entry.id, "entry changed");
    Ok(Json(store.settings_json(&entry)).into_response())
}

fn entry_missing(entry_id: &str) -> (StatusCode, String) {
    rejected(StatusCode::NOT_FOUND, format!("no entry {entry_id:?}"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct LinkRequest {
    id: String,
    #[serde(default)]
    delete: bool,
    #[serde(default)]
    fields: LinkFields,
}

/// Link fields a test may set. `expiresAt` and `clicksLimit` accept `null`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct LinkFields {
    name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    expires_at: Option<Option<i64>>,
    #[serde(default, deserialize_with = "present")]
    clicks_limit: Option<Option<u32>>,
    clicks_used: Option<u32>,
}

/// Tells a field set to `null` (`Some(None)`) from an absent one (`None`).
fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Changes fields of a link, or deletes it.
async fn change_link(
    State(standin): State<StandIn>,
    request: Result<Json<LinkRequest>, JsonRejection>,
) -> ControlResult {
    let request = body(request)?;
    let mut store = standin.store();
    let missing = || rejected(StatusCode::NOT_FOUND, format!("no link {:?}", request.id));
    if request.delete {
        let before = store.links.len();
        store.links.retain(|link| link.id != request.id);
        if store.links.len() == before {
            return Err(missing());
        }
        tracing::info!(control = "link", link_id = %request.id, "link deleted");
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let link = store
        .links
        .iter_mut()
        .find(|link| link.id == request.id)
        .ok_or_else(missing)?;
    let fields = request.fields;
    if let Some(name) = fields.name {
        link.name = name;
    }
    if let Some(expires_at) = fields.expires_at {
        link.expires_at = expires_at;
    }
    if let Some(clicks_limit) = fields.clicks_limit {
        link.clicks_limit = clicks_limit;
    }
    if let Some(clicks_used) = fields.clicks_used {
        link.clicks_used = clicks_used;
    }
    let link = link.clone();
    tracing::info!(control = "link", link_id = %link.id, "link changed");
    Ok(Json(store.link_json(&link)).into_response())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FaultRequest {
    /// `service.action`, such as `guestaccess_guestlink.list`.
    action: String,
    #[serde(default = "one")]
    count: u32,
    #[serde(flatten)]
    kind: FaultKind,
}

fn one() -> u32 {
    1
}

/// Queues a fault for the next `count` calls of an action.
async fn queue_fault(
    State(standin): State<StandIn>,
    request: Result<Json<Value>, JsonRejection>,
) -> ControlResult {
    let value = body(request)?;
    let request: FaultRequest = serde_json::from_value(value)
        .map_err(|error| rejected(StatusCode::BAD_REQUEST, format!("invalid fault: {error}")))?;
    if request.count == 0 {
        return Err(rejected(
            StatusCode::BAD_REQUEST,
            "count must be at least 1",
        ));
    }
    tracing::info!(control = "fault", action = %request.action, fault = request.kind.name(), count = request.count, "fault queued");
    let fault = Fault {
        kind: request.kind,
        remaining: request.count,
    };
    standin
        .store()
        .faults
        .entry(request.action)
        .or_default()
        .push(fault);
    Ok(StatusCode::NO_CONTENT.into_response())
}
