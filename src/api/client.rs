//! Transport: one `fetch` per call, with a time-out and abort on drop.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use serde_json::{Map, Value};
use web_sys::AbortController;

use super::error::{ApiError, TIMEOUT_SECONDS};
use super::request::{action_path, link_list_params, request_body, settings_get_params};
use super::wire::{decode_object, GuestAccessSettings, GuestLinkList, WireObject};
use crate::config::{AppConfig, Ks};

/// Client of the guest access API, cheap to clone.
#[derive(Clone, Debug)]
pub struct ApiClient {
    service_url: Arc<str>,
    ks: Option<Ks>,
}

impl ApiClient {
    /// Creates a client for the service and moderator session named in the configuration.
    pub fn new(config: &AppConfig) -> Self {
        Self {
            service_url: config.service_url.as_str().into(),
            ks: config.ks.clone(),
        }
    }

    /// Loads the guest access settings of an entry (`guestaccess_settings.get`).
    pub async fn get_settings(&self, entry_id: &str) -> Result<GuestAccessSettings, ApiError> {
        let params = settings_get_params(entry_id);
        self.moderator_call("guestaccess_settings", "get", params)
            .await
    }

    /// Lists the guest links of an entry (`guestaccess_guestlink.list`).
    pub async fn list_links(&self, entry_id: &str) -> Result<GuestLinkList, ApiError> {
        let params = link_list_params(entry_id);
        self.moderator_call("guestaccess_guestlink", "list", params)
            .await
    }

    async fn moderator_call<T: WireObject>(
        &self,
        service: &str,
        action: &str,
        params: Map<String, Value>,
    ) -> Result<T, ApiError> {
        let body = request_body(params, self.ks.as_ref().map(Ks::expose));
        let result = self
            .post(service, action, &body)
            .await
            .and_then(|text| decode_object(&text));
        log_failure(service, action, &result);
        result
    }

    /// Sends one call and returns the body of its HTTP 200 answer.
    async fn post(&self, service: &str, action: &str, body: &Value) -> Result<String, ApiError> {
        let url = format!("{}{}", self.service_url, action_path(service, action));
        let request = Request::post(&url).header("Content-Type", "application/json");
        let (status, text) = fetch_text(request, Some(body.to_string())).await?;
        if status != 200 {
            return Err(ApiError::Status(status));
        }
        Ok(text)
    }
}

/// Sends a request with the client's time-out and returns the status and body text.
///
/// Dropping the returned future aborts the `fetch`.
pub(crate) async fn fetch_text(
    request: RequestBuilder,
    body: Option<String>,
) -> Result<(u16, String), ApiError> {
    let abort = AbortGuard::start()?;
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

/// Aborts the `fetch` after the time-out, or as soon as the call's future is dropped, so a
/// page that goes away leaves no request running and no late answer to handle.
struct AbortGuard {
    controller: AbortController,
    timer: TimeoutHandle,
    timed_out: Rc<Cell<bool>>,
}

impl AbortGuard {
    fn start() -> Result<Self, ApiError> {
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
        let limit = Duration::from_secs(TIMEOUT_SECONDS.into());
        let timer = set_timeout_with_handle(on_timeout, limit).map_err(|_| ApiError::Network)?;
        Ok(Self {
            controller,
            timer,
            timed_out,
        })
    }

    /// Classifies a failed `fetch` or body read.
    fn failure(&self) -> ApiError {
        if self.timed_out.get() {
            ApiError::Timeout
        } else if self.controller.signal().aborted() {
            ApiError::Cancelled
        } else {
            ApiError::Network
        }
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        self.timer.clear();
        // Aborting a finished fetch does nothing, so this is safe after a success too.
        self.controller.abort();
    }
}

/// Logs a failed call with its action and error kind, and nothing the user typed.
fn log_failure<T>(service: &str, action: &str, result: &Result<T, ApiError>) {
    if let Err(error) = result {
        if *error != ApiError::Cancelled {
            leptos::logging::warn!("{service}.{action} failed: {}", error.log_label());
        }
    }
}
