//! Faults that tests queue for the next calls of an action.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;

/// Seconds a `delay` fault waits by default: longer than the client's 15-second time-out.
pub const DEFAULT_DELAY_SECONDS: u64 = 20;

/// Kind of failure injected into a call.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FaultKind {
    /// HTTP 500 with a plain-text body; the action does not run.
    Http500,
    /// HTTP 502 with an HTML body, as from a proxy; the action does not run.
    Html502,
    /// The action runs, and its response is sent after `delaySeconds`.
    #[serde(rename_all = "camelCase")]
    Delay {
        #[serde(default = "default_delay")]
        delay_seconds: u64,
    },
    /// HTTP 200 with a body that is not JSON; the action does not run.
    Malformed,
    /// The action runs, and only the first half of its JSON response is sent.
    Truncated,
    /// The action runs, and its response carries the `objectType` `KalturaMediaEntry`.
    WrongObjectType,
    /// An API error with this code, message and arguments; the action does not run.
    ApiError {
        code: String,
        message: String,
        #[serde(default)]
        args: serde_json::Map<String, Value>,
    },
}

fn default_delay() -> u64 {
    DEFAULT_DELAY_SECONDS
}

/// A fault and the number of calls it still applies to.
#[derive(Clone, Debug)]
pub struct Fault {
    pub kind: FaultKind,
    pub remaining: u32,
}

impl FaultKind {
    /// Tells whether the action still runs, so its effects happen though the response is bad.
    pub fn runs_action(&self) -> bool {
        matches!(
            self,
            FaultKind::Delay { .. } | FaultKind::Truncated | FaultKind::WrongObjectType
        )
    }

    /// Returns the short name used in log lines.
    pub fn name(&self) -> &'static str {
        match self {
            FaultKind::Http500 => "http500",
            FaultKind::Html502 => "html502",
            FaultKind::Delay { .. } => "delay",
            FaultKind::Malformed => "malformed",
            FaultKind::Truncated => "truncated",
            FaultKind::WrongObjectType => "wrongObjectType",
            FaultKind::ApiError { .. } => "apiError",
        }
    }

    /// Builds the response for a fault whose action does not run.
    pub fn answer_without_action(&self) -> Option<Response> {
        let response = match self {
            FaultKind::Http500 => {
                (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response()
            }
            FaultKind::Html502 => (
                StatusCode::BAD_GATEWAY,
                [(header::CONTENT_TYPE, "text/html")],
                "<html><head><title>502 Bad Gateway</title></head>\
                 <body><h1>502 Bad Gateway</h1></body></html>",
            )
                .into_response(),
            FaultKind::Malformed => json_text("{\"objectType\": oops, }".to_owned()),
            FaultKind::ApiError {
                code,
                message,
                args,
            } => json_text(
                serde_json::json!({
                    "objectType": "KalturaAPIException",
                    "code": code,
                    "message": message,
                    "args": args,
                })
                .to_string(),
            ),
            _ => return None,
        };
        Some(response)
    }

    /// Spoils the response of an action that ran.
    pub fn spoil(&self, mut body: Value) -> Response {
        match self {
            FaultKind::Truncated => {
                let text = body.to_string();
                let half = &text.as_bytes()[..text.len() / 2];
                json_text(String::from_utf8_lossy(half).into_owned())
            }
            FaultKind::WrongObjectType => {
                if let Value::Object(object) = &mut body {
                    object.insert("objectType".into(), Value::from("KalturaMediaEntry"));
                } else {
                    body = serde_json::json!({"objectType": "KalturaMediaEntry"});
                }
                json_text(body.to_string())
            }
            _ => json_text(body.to_string()),
        }
    }
}

/// Builds an HTTP 200 response with a JSON content type and exactly this text.
pub fn json_text(text: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}
