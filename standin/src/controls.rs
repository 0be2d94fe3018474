//! Test controls under `/__standin/`. The app never calls them; tests use them to put the
//! stand-in into the state a test needs.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;

use crate::store::{ConfigMode, Store};
use crate::StandIn;

/// Routes of the test controls.
pub fn router() -> Router<StandIn> {
    Router::new()
        .route("/reset", post(reset))
        .route("/config", post(set_config))
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
struct ConfigRequest {
    /// `normal`, `missing` or `malformed`.
    serve: String,
}

/// Chooses what `GET /config.json` returns.
async fn set_config(
    State(standin): State<StandIn>,
    Json(request): Json<ConfigRequest>,
) -> Response {
    let mode = match request.serve.as_str() {
        "normal" => ConfigMode::Normal,
        "missing" => ConfigMode::Missing,
        "malformed" => ConfigMode::Malformed,
        other => {
            let message =
                format!("unknown config mode {other:?}: use normal, missing or malformed");
            return (StatusCode::BAD_REQUEST, message).into_response();
        }
    };
    standin.store().config_mode = mode;
    tracing::info!(control = "config", mode = %request.serve, "config.json mode set");
    StatusCode::NO_CONTENT.into_response()
}
