//! The guest access API: `POST /api_v3/service/{service}/action/{action}`.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use guest_access_rules::{
    expiry_time, validate_clicks_limit, validate_duration_days, validate_email,
    validate_guest_name, validate_link_name, Violation, MAX_LINKS,
};
use serde_json::{json, Map, Value};

use crate::faults::{json_text, FaultKind};
use crate::store::{Link, Store};
use crate::StandIn;

/// An API error, sent as in Kaltura with HTTP 200 and a `KalturaAPIException` body.
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

    fn with_arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args
            .insert(name.to_owned(), Value::from(value.to_string()));
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
type Params = Map<String, Value>;

/// Handles one API call and logs one line: action, status, error code and injected fault,
/// never a session, token, name or email. The action comes from the URL, so it is logged
/// quoted and escaped, and cannot forge a log line.
pub async fn call(
    State(standin): State<StandIn>,
    Path((service, action)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let name = format!("{service}.{action}");
    let body = match body {
        Ok(body) => body,
        Err(rejection) => {
            let status = rejection.status();
            tracing::warn!(action = ?name, status = status.as_u16(), "request body rejected");
            return rejection.into_response();
        }
    };
    let Ok(Value::Object(params)) = serde_json::from_slice::<Value>(&body) else {
        tracing::warn!(action = ?name, status = 400, "request body is not a JSON object");
        return (
            StatusCode::BAD_REQUEST,
            "The request body must be a JSON object.",
        )
            .into_response();
    };

    // The lock is released before any delay, so a slow response never blocks other calls.
    let (fault, result) = {
        let mut store = standin.store();
        let fault = store.take_fault(&name).map(|fault| fault.kind);
        let runs = fault.as_ref().is_none_or(FaultKind::runs_action);
        (fault, runs.then(|| dispatch(&mut store, &name, &params)))
    };
    log_call(&name, fault.as_ref(), result.as_ref());

    let body = match result {
        None => {
            let fault = fault.expect("only a fault stops the action");
            return fault
                .answer_without_action()
                .expect("a fault that stops the action has its own response");
        }
        Some(Ok(value)) => value,
        Some(Err(failure)) => failure.body(),
    };
    match fault {
        Some(FaultKind::Delay { delay_seconds }) => {
            tokio::time::sleep(Duration::from_secs(delay_seconds)).await;
            Json(body).into_response()
        }
        Some(fault) => fault.spoil(body),
        None => json_text(body.to_string()),
    }
}

fn log_call(name: &str, fault: Option<&FaultKind>, result: Option<&ActionResult>) {
    let fault = fault.map_or("none", FaultKind::name);
    match result {
        Some(Err(failure)) => {
            tracing::info!(action = ?name, status = 200, code = failure.code, fault, "api error")
        }
        Some(Ok(_)) => tracing::info!(action = ?name, status = 200, fault, "ok"),
        None => tracing::info!(action = ?name, fault, "fault response sent"),
    }
}

fn dispatch(store: &mut Store, action: &str, params: &Params) -> ActionResult {
    let moderator_action: fn(&mut Store, &Params) -> ActionResult = match action {
        "guestaccess_settings.get" => settings_get,
        "guestaccess_settings.update" => settings_update,
        "guestaccess_guestlink.list" => link_list,
        "guestaccess_guestlink.add" => link_add,
        "guestaccess_guestlink.delete" => link_delete,
        "guestaccess_guest.resolve" => return guest_resolve(store, params),
        "guestaccess_guest.join" => return guest_join(store, params),
        "guestaccess_guest.getTicket" => return guest_get_ticket(store, params),
        _ => {
            let message = format!("Action \"{action}\" does not exist.");
            return Err(ApiFailure::new("SERVICE_ACTION_NOT_FOUND", message));
        }
    };
    require_ks(store, params)?;
    moderator_action(store, params)
}

fn require_ks(store: &Store, params: &Params) -> Result<(), ApiFailure> {
    match params.get("ks").and_then(Value::as_str) {
        Some(ks) if ks == store.ks => Ok(()),
        _ => Err(ApiFailure::new(
            "INVALID_KS",
            "The session is missing or has expired.",
        )),
    }
}

fn settings_get(store: &mut Store, params: &Params) -> ActionResult {
    let entry_id = required_str(params, "entryId")?;
    let entry = store
        .entry(entry_id)
        .ok_or_else(|| entry_not_found(entry_id))?;
    Ok(store.settings_json(entry))
}

fn settings_update(store: &mut Store, params: &Params) -> ActionResult {
    let entry_id = required_str(params, "entryId")?;
    let settings = required_object(params, "settings")?;
    let enabled = match settings.get("enabled") {
        None | Some(Value::Null) => return Err(missing("enabled")),
        Some(value) => value
            .as_bool()
            .ok_or_else(|| wrong_format("enabled", "true or false"))?,
    };
    let entry = store
        .entry_mut(entry_id)
        .ok_or_else(|| entry_not_found(entry_id))?;
    if !entry.can_manage {
        return Err(forbidden());
    }
    if enabled && entry.entry_type == "mediaGalleryRoom" {
        return Err(not_supported());
    }
    entry.enabled = enabled;
    let entry = entry.clone();
    Ok(store.settings_json(&entry))
}

fn link_list(store: &mut Store, params: &Params) -> ActionResult {
    let filter = required_object(params, "filter")?;
    let entry_id = required_str(filter, "entryIdEqual")?;
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
        "objects": objects,
        "totalCount": objects.len(),
    }))
}

fn link_add(store: &mut Store, params: &Params) -> ActionResult {
    let fields = required_object(params, "guestLink")?;
    let request_id = optional_str(params, "requestId")?;
    if let Some(link_id) = request_id.and_then(|id| store.request_ids.get(id)) {
        // A retry of a submission that already created its link gets that link back.
        let link = store.link(link_id).ok_or_else(|| link_not_found(link_id))?;
        return Ok(store.link_json(link));
    }
    let entry_id = required_str(fields, "entryId")?;
    let entry = store
        .entry(entry_id)
        .ok_or_else(|| entry_not_found(entry_id))?;
    if !entry.can_manage {
        return Err(forbidden());
    }
    if entry.entry_type == "mediaGalleryRoom" {
        return Err(not_supported());
    }
    if !entry.enabled {
        return Err(disabled());
    }
    let name = validate_link_name(required_str(fields, "name")?).map_err(violation("name"))?;
    let clicks_limit = validate_clicks_limit(optional_whole_number(fields, "clicksLimit")?)
        .map_err(violation("clicksLimit"))?;
    let duration_days = validate_duration_days(optional_whole_number(fields, "durationDays")?)
        .map_err(violation("durationDays"))?;
    if store.links_of(entry_id).count() >= MAX_LINKS {
        let message = format!("This entry already has the maximum of {MAX_LINKS} guest links.");
        return Err(
            ApiFailure::new("GUEST_LINK_LIMIT_REACHED", message).with_arg("MAX_LINKS", MAX_LINKS)
        );
    }

    let expires_at = expiry_time(store.now(), duration_days);
    let link = store
        .insert_link(entry_id, &name, expires_at, clicks_limit)
        .clone();
    if let Some(request_id) = request_id {
        store
            .request_ids
            .insert(request_id.to_owned(), link.id.clone());
    }
    Ok(store.link_json(&link))
}

fn link_delete(store: &mut Store, params: &Params) -> ActionResult {
    let link_id = required_str(params, "id")?;
    let link = store.link(link_id).ok_or_else(|| link_not_found(link_id))?;
    if store
        .entry(&link.entry_id)
        .is_some_and(|entry| !entry.can_manage)
    {
        return Err(forbidden());
    }
    store.links.retain(|link| link.id != link_id);
    Ok(Value::Null)
}

fn guest_resolve(store: &mut Store, params: &Params) -> ActionResult {
    let link = usable_link(store, required_str(params, "token")?)?;
    let entry = store
        .entry(&link.entry_id)
        .ok_or_else(|| entry_not_found(&link.entry_id))?;
    Ok(json!({
        "objectType": "KalturaGuestLinkInfo",
        "entryId": entry.id,
        "entryName": entry.name,
        "requiresAdmission": entry.requires_admission,
    }))
}

fn guest_join(store: &mut Store, params: &Params) -> ActionResult {
    let link = usable_link(store, required_str(params, "token")?)?.clone();
    let guest = required_object(params, "guest")?;
    validate_guest_name(required_str(guest, "name")?).map_err(violation("name"))?;
    validate_email(required_str(guest, "email")?).map_err(violation("email"))?;
    let requires_admission = store
        .entry(&link.entry_id)
        .is_some_and(|entry| entry.requires_admission);

    // The store is locked for the whole call, so checking and using the click is atomic.
    if let Some(stored) = store.links.iter_mut().find(|stored| stored.id == link.id) {
        stored.clicks_used += 1;
    }
    let status = if requires_admission {
        "waiting"
    } else {
        "admitted"
    };
    let ticket = store.insert_ticket(&link.entry_id, status).clone();
    Ok(store.ticket_json(&ticket))
}

fn guest_get_ticket(store: &mut Store, params: &Params) -> ActionResult {
    let ticket_id = required_str(params, "ticket")?;
    let ticket = store.live_ticket(ticket_id).ok_or_else(|| {
        ApiFailure::new(
            "GUEST_TICKET_NOT_FOUND",
            "The ticket is unknown or has expired.",
        )
    })?;
    Ok(store.ticket_json(ticket))
}

/// Finds the link of a token and checks that a guest may use it now.
fn usable_link<'a>(store: &'a Store, token: &str) -> Result<&'a Link, ApiFailure> {
    let link = store.link_by_token(token).ok_or_else(|| {
        ApiFailure::new(
            "GUEST_LINK_NOT_FOUND",
            "This guest link does not exist or was deleted.",
        )
    })?;
    let entry = store
        .entry(&link.entry_id)
        .ok_or_else(|| entry_not_found(&link.entry_id))?;
    if entry.entry_type == "mediaGalleryRoom" {
        return Err(not_supported());
    }
    match store.link_status(link) {
        "inactive" => Err(disabled()),
        "expired" => Err(ApiFailure::new(
            "GUEST_LINK_EXPIRED",
            "This guest link has expired.",
        )),
        "exhausted" => Err(ApiFailure::new(
            "GUEST_LINK_EXHAUSTED",
            "This guest link has been used the maximum number of times.",
        )),
        _ => Ok(link),
    }
}

fn required_str<'a>(params: &'a Params, name: &str) -> Result<&'a str, ApiFailure> {
    optional_str(params, name)?.ok_or_else(|| missing(name))
}

fn optional_str<'a>(params: &'a Params, name: &str) -> Result<Option<&'a str>, ApiFailure> {
    match params.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_str()
            .map(Some)
            .ok_or_else(|| wrong_format(name, "a string")),
    }
}

fn required_object<'a>(params: &'a Params, name: &str) -> Result<&'a Params, ApiFailure> {
    match params.get(name) {
        None | Some(Value::Null) => Err(missing(name)),
        Some(value) => value
            .as_object()
            .ok_or_else(|| wrong_format(name, "an object")),
    }
}

/// Reads an optional whole number; a number too large for `i64` reads as `i64::MAX`.
fn optional_whole_number(params: &Params, name: &str) -> Result<Option<i64>, ApiFailure> {
    match params.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(number)) if number.is_i64() || number.is_u64() => {
            Ok(Some(number.as_i64().unwrap_or(i64::MAX)))
        }
        Some(_) => Err(wrong_format(name, "a whole number")),
    }
}

/// Turns a rule violation of `property` into the contract's field error.
fn violation(property: &'static str) -> impl Fn(Violation) -> ApiFailure {
    move |violation| {
        let failure = |message: String| {
            ApiFailure::new(violation.error_code(), message).with_arg("PROPERTY_NAME", property)
        };
        match violation {
            Violation::Missing => failure(format!("{property} is required.")),
            Violation::Empty => {
                failure(format!("{property} must not be empty.")).with_arg("MIN_LENGTH", 1)
            }
            Violation::TooLong { max } => {
                failure(format!("{property} must be at most {max} characters."))
                    .with_arg("MAX_LENGTH", max)
            }
            Violation::TooSmall { min } => {
                failure(format!("{property} must be at least {min}.")).with_arg("MIN_VALUE", min)
            }
            Violation::TooLarge { max } => {
                failure(format!("{property} must be at most {max}.")).with_arg("MAX_VALUE", max)
            }
            Violation::NotWholeNumber => failure(format!("{property} must be a whole number.")),
            Violation::InvalidEmail => failure(format!("{property} is not a valid email address.")),
            Violation::ControlCharacter => failure(format!(
                "{property} may not contain control or text-direction override characters."
            )),
        }
    }
}

fn missing(property: &str) -> ApiFailure {
    ApiFailure::new(
        Violation::Missing.error_code(),
        format!("{property} is required."),
    )
    .with_arg("PROPERTY_NAME", property)
}

fn wrong_format(property: &str, expected: &str) -> ApiFailure {
    let message = format!("{property} must be {expected}.");
    ApiFailure::new(Violation::NotWholeNumber.error_code(), message)
        .with_arg("PROPERTY_NAME", property)
}

fn entry_not_found(entry_id: &str) -> ApiFailure {
    ApiFailure::new(
        "ENTRY_ID_NOT_FOUND",
        format!("Entry id \"{entry_id}\" not found."),
    )
    .with_arg("ENTRY_ID", entry_id)
}

fn link_not_found(link_id: &str) -> ApiFailure {
    ApiFailure::new(
        "GUEST_LINK_NOT_FOUND",
        format!("Guest link \"{link_id}\" not found."),
    )
    .with_arg("ID", link_id)
}

fn forbidden() -> ApiFailure {
    ApiFailure::new(
        "SERVICE_FORBIDDEN",
        "You may not manage guest links for this entry.",
    )
}

fn not_supported() -> ApiFailure {
    ApiFailure::new(
        "GUEST_ACCESS_NOT_SUPPORTED",
        "Guest access is not supported for media gallery rooms.",
    )
}

fn disabled() -> ApiFailure {
    ApiFailure::new(
        "GUEST_ACCESS_DISABLED",
        "Guest access is turned off for this session.",
    )
}
