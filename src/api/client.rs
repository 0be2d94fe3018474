//! Transport: one `fetch` per call, with a time-out and abort on drop.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use serde_json::{Map, Value};
use uuid::Uuid;
use web_sys::AbortController;

use super::error::ApiError;
use super::request::{
    action_path, join_params, link_add_params, link_delete_params, link_list_params, request_body,
    resolve_params, settings_get_params, settings_update_params, ticket_params,
};
use super::wire::{
    decode_null, decode_object, GuestAccessSettings, GuestDetails, GuestLink, GuestLinkInfo,
    GuestLinkList, GuestTicket, NewGuestLink, WireObject,
};
use crate::config::{AppConfig, Ks};

#[cfg(feature = "gallery")]
use super::fixture::FixtureBackend;

/// Client of the guest access API, cheap to clone.
#[derive(Clone, Debug)]
pub struct ApiClient {
    service_url: Arc<str>,
    ks: Option<Ks>,
    timeout_seconds: u32,
    /// In-memory backend that returns each call's result in place of the network.
    #[cfg(feature = "gallery")]
    fixture: Option<Arc<FixtureBackend>>,
}

/// Returns early with the in-memory backend's result when the client has one.
macro_rules! answer_from_fixture {
    ($client:expr, $call:ident($($argument:expr),*)) => {
        #[cfg(feature = "gallery")]
        if let Some(fixture) = &$client.fixture {
            return fixture.$call($($argument),*).await;
        }
    };
}

impl ApiClient {
    /// Creates a client for the service and moderator session named in the configuration.
    pub fn new(config: &AppConfig) -> Self {
        Self {
            service_url: config.service_url.as_str().into(),
            ks: config.ks.clone(),
            timeout_seconds: config.request_timeout_seconds,
            #[cfg(feature = "gallery")]
            fixture: None,
        }
    }

    /// Creates a client that sends no request and takes every result from `fixture`.
    #[cfg(feature = "gallery")]
    pub fn with_fixture(fixture: Arc<FixtureBackend>) -> Self {
        Self {
            service_url: "".into(),
            ks: None,
            timeout_seconds: super::error::TIMEOUT_SECONDS,
            fixture: Some(fixture),
        }
    }

    /// Loads the guest access settings of an entry (`guestaccess_settings.get`).
    pub async fn get_settings(&self, entry_id: &str) -> Result<GuestAccessSettings, ApiError> {
        answer_from_fixture!(self, get_settings());
        let params = settings_get_params(entry_id);
        self.call_object("guestaccess_settings", "get", params, Caller::Moderator)
            .await
    }

    /// Turns guest access for an entry on or off (`guestaccess_settings.update`).
    pub async fn update_settings(
        &self,
        entry_id: &str,
        enabled: bool,
    ) -> Result<GuestAccessSettings, ApiError> {
        answer_from_fixture!(self, update_settings(enabled));
        let params = settings_update_params(entry_id, enabled);
        self.call_object("guestaccess_settings", "update", params, Caller::Moderator)
            .await
    }

    /// Lists the guest links of an entry (`guestaccess_guestlink.list`).
    pub async fn list_links(&self, entry_id: &str) -> Result<GuestLinkList, ApiError> {
        answer_from_fixture!(self, list_links());
        let params = link_list_params(entry_id);
        self.call_object("guestaccess_guestlink", "list", params, Caller::Moderator)
            .await
    }

    /// Creates a guest link (`guestaccess_guestlink.add`).
    ///
    /// `request_id` is made once per submission of the form and sent again on a retry of
    /// that submission, so the server creates at most one link for it.
    pub async fn add_link(
        &self,
        link: &NewGuestLink,
        request_id: Uuid,
    ) -> Result<GuestLink, ApiError> {
        answer_from_fixture!(self, add_link(link));
        let params = link_add_params(link, request_id);
        self.call_object("guestaccess_guestlink", "add", params, Caller::Moderator)
            .await
    }

    /// Deletes a guest link (`guestaccess_guestlink.delete`).
    pub async fn delete_link(&self, link_id: &str) -> Result<(), ApiError> {
        answer_from_fixture!(self, delete_link(link_id));
        let params = link_delete_params(link_id);
        let result = self
            .send("guestaccess_guestlink", "delete", params, Caller::Moderator)
            .await
            .and_then(|text| decode_null(&text));
        log_failure("guestaccess_guestlink", "delete", &result);
        result
    }

    /// Looks up what a guest link leads to, without using a click (`guestaccess_guest.resolve`).
    pub async fn resolve(&self, token: &str) -> Result<GuestLinkInfo, ApiError> {
        answer_from_fixture!(self, resolve());
        let params = resolve_params(token);
        self.call_object("guestaccess_guest", "resolve", params, Caller::Guest)
            .await
    }

    /// Asks to join through a guest link, which uses one click (`guestaccess_guest.join`).
    pub async fn join(&self, token: &str, guest: &GuestDetails) -> Result<GuestTicket, ApiError> {
        answer_from_fixture!(self, join(guest));
        let params = join_params(token, guest);
        self.call_object("guestaccess_guest", "join", params, Caller::Guest)
            .await
    }

    /// Polls a guest's ticket while the guest waits (`guestaccess_guest.getTicket`).
    pub async fn get_ticket(&self, ticket: &str) -> Result<GuestTicket, ApiError> {
        answer_from_fixture!(self, get_ticket());
        let params = ticket_params(ticket);
        self.call_object("guestaccess_guest", "getTicket", params, Caller::Guest)
            .await
    }

    /// Sends a call whose response is an object of type `T`, and logs a failure.
    async fn call_object<T: WireObject>(
        &self,
        service: &str,
        action: &str,
        params: Map<String, Value>,
        caller: Caller,
    ) -> Result<T, ApiError> {
        let result = self
            .send(service, action, params, caller)
            .await
            .and_then(|text| decode_object(&text));
        log_failure(service, action, &result);
        result
    }

    /// Sends a call, with the session for moderator calls, and returns the body of its
    /// HTTP 200 response.
    async fn send(
        &self,
        service: &str,
        action: &str,
        params: Map<String, Value>,
        caller: Caller,
    ) -> Result<String, ApiError> {
        let ks = match caller {
            Caller::Moderator => self.ks.as_ref().map(Ks::expose),
            Caller::Guest => None,
        };
        let body = request_body(params, ks);
        self.post(service, action, &body).await
    }

    /// Sends one call and returns the body of its HTTP 200 response.
    async fn post(&self, service: &str, action: &str, body: &Value) -> Result<String, ApiError> {
        let url = format!("{}{}", self.service_url, action_path(service, action));
        let request = Request::post(&url).header("Content-Type", "application/json");
        let (status, text) =
            fetch_text(request, Some(body.to_string()), self.timeout_seconds).await?;
        accept_status(status, text)
    }
}

/// Sends a request that fails with `ApiError::Timeout` after `timeout_seconds`, and
/// returns the status and body text.
///
/// Dropping the returned future aborts the `fetch`.
pub(crate) async fn fetch_text(
    request: RequestBuilder,
    body: Option<String>,
    timeout_seconds: u32,
) -> Result<(u16, String), ApiError> {
    let abort = AbortGuard::start(timeout_seconds)?;
    let request = request.abort_signal(Some(&abort.controller.signal()));
    let request = match body {
        Some(body) => request.body(body),
        None => request.build(),
    };
    let response = request
        .map_err(|_| ApiError::Network)?
        .send()
        .await
        .map_err(|_| abort.failure())?;
    let text = response.text().await.map_err(|_| abort.failure())?;
    Ok((response.status(), text))
}

/// Kind of caller: moderator calls carry the session, guest calls never do.
#[derive(Clone, Copy)]
enum Caller {
    Moderator,
    Guest,
}

/// Aborts the `fetch` after the time-out, or as soon as the call's future is dropped, so a
/// page that goes away leaves no request running and no late answer to handle.
struct AbortGuard {
    controller: AbortController,
    timer: TimeoutHandle,
    timed_out: Rc<Cell<bool>>,
}

impl AbortGuard {
    fn start(timeout_seconds: u32) -> Result<Self, ApiError> {
        let controller = AbortController::new().map_err(|_| ApiError::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            move || {
                timed_out.set(true);
                controller.abort();
            }
        };
        let limit = Duration::from_secs(timeout_seconds.into());
        let timer = set_timeout_with_handle(on_timeout, limit).map_err(|_| ApiError::Network)?;
        Ok(Self {
            controller,
            timer,
            timed_out,
        })
    }

    /// Classifies a failed `fetch` or body read.
    fn failure(&self) -> ApiError {
        fetch_failure(self.timed_out.get(), self.controller.signal().aborted())
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        self.timer.clear();
        // Aborting a finished fetch does nothing, so this is safe after a success too.
        self.controller.abort();
    }
}

/// Returns the body of an answer, or `ApiError::Status` unless its status is 200, because
/// every answer of the API, errors included, comes with 200.
pub(crate) fn accept_status(status: u16, body: String) -> Result<String, ApiError> {
    if status == 200 {
        Ok(body)
    } else {
        Err(ApiError::Status(status))
    }
}

/// Classifies a `fetch` that failed: the time-out fired, the caller went away and aborted
/// it, or the network failed.
pub(crate) fn fetch_failure(timed_out: bool, aborted: bool) -> ApiError {
    if timed_out {
        ApiError::Timeout
    } else if aborted {
        ApiError::Cancelled
    } else {
        ApiError::Network
    }
}

/// Logs a failed call with its action and error kind, and nothing the user typed.
///
/// Release builds leave the guest page's console silent, so guest calls are logged in
/// debug builds only.
fn log_failure<T>(service: &str, action: &str, result: &Result<T, ApiError>) {
    let guest_call = service == "guestaccess_guest";
    if guest_call && !cfg!(debug_assertions) {
        return;
    }
    if let Err(error) = result {
        if *error != ApiError::Cancelled {
            leptos::logging::warn!("{service}.{action} failed: {}", error.log_label());
        }
    }
}
