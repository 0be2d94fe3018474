//! Local stand-in for the Kaltura guest access backend.
//!
//! A development and test tool, never a production server: it keeps its data in memory,
//! serves the built app from `dist/` with a single-page fallback, serves a `config.json`
//! that points at itself, and implements the API of `docs/backend-api.md`. Paths under
//! `/__standin/` steer it from tests; the app never calls them.

mod api;
mod controls;
mod faults;
mod store;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::{DefaultBodyLimit, Path as UrlPath, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tower_http::services::{ServeDir, ServeFile};

pub use store::{ConfigMode, Store};

/// Largest request body the API accepts, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Shared state of a running stand-in.
#[derive(Clone)]
pub struct StandIn {
    store: Arc<Mutex<Store>>,
}

impl StandIn {
    /// Creates a stand-in with the demo data, reached at `origin`.
    pub fn new(origin: &str) -> Self {
        let ks = format!("demo-ks-{}", store::new_token());
        Self {
            store: Arc::new(Mutex::new(Store::demo(origin, &ks))),
        }
    }

    /// Locks the data. A panic in another request cannot leave it half-written, so a
    /// poisoned lock is still safe to use.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Builds the HTTP routes: the API, the test controls, `config.json` and the app's files.
pub fn router(standin: StandIn, dist: &Path) -> Router {
    let index = dist.join("index.html");
    // The build writes brotli and gzip copies beside each file; the browser gets one when
    // its Accept-Encoding allows it.
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(&index)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let app_files = axum::routing::any_service(files)
        .layer(axum::middleware::from_fn(with_cache_policy))
        .layer(axum::middleware::map_request(
            move |request: axum::extract::Request| {
                let index = index.clone();
                async move { route_long_paths_to_index(request, &index) }
            },
        ));
    let policy = content_security_policy(&standin.store().origin);
    Router::new()
        .route("/api_v3/service/{service}/action/{action}", post(api::call))
        .nest("/__standin", controls::router())
        .route("/config.json", get(config_json))
        .route("/session/{entry_id}", get(session_page))
        .fallback_service(app_files)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(move |response: Response| {
            let policy = policy.clone();
            async move { with_security_headers(response, policy) }
        }))
        .with_state(standin)
}

/// Returns the Content Security Policy of every response: scripts, styles and frames only
/// from the app's own origin, WebAssembly compilation allowed, no inline script or style,
/// and requests only to the app's origin and the API at `service_url`.
pub fn content_security_policy(service_url: &str) -> HeaderValue {
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self' {service_url}; object-src 'none'; base-uri 'self'; \
         form-action 'self'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
}

fn with_security_headers(mut response: Response, policy: HeaderValue) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Cache lifetime of a file whose name carries a hash of its content: a year, never
/// revalidated, since a new build gives a changed file a new name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Cache policy of every other app file, `index.html` first: kept, but checked with the
/// server before each use, so a new build is seen at once.
pub const REVALIDATE: &str = "no-cache";

/// Adds `Cache-Control` to an app file by its name, and `Vary` for the compressed copies.
async fn with_cache_policy(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let policy = if has_content_hash(request.uri().path()) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Tells whether the last segment of `path` is a name with a content hash, as Trunk
/// writes them: `main-32cdc4cf67e45e61.css`, `app-ae2c91957565fd11_bg.wasm`. Trunk drops
/// leading zeros from the hash, so it can be shorter than 16 digits.
pub fn has_content_hash(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((_, tail)) = name.rsplit_once('-') else {
        return false;
    };
    let Some((stem, extension)) = tail.split_once('.') else {
        return false;
    };
    let hash = stem.strip_suffix("_bg").unwrap_or(stem);
    (12..=16).contains(&hash.len())
        && hash
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        && !extension.is_empty()
        && extension.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Serves `standin` on `listener` until the process ends.
pub async fn serve(listener: TcpListener, standin: StandIn, dist: PathBuf) -> std::io::Result<()> {
    axum::serve(listener, router(standin, &dist)).await
}

async fn config_json(State(standin): State<StandIn>) -> Response {
    let store = standin.store();
    let no_store = [(header::CACHE_CONTROL, "no-store")];
    match store.config_mode {
        ConfigMode::Normal => (no_store, axum::Json(store.config_json())).into_response(),
        ConfigMode::Missing => {
            (StatusCode::NOT_FOUND, no_store, "config.json not found").into_response()
        }
        ConfigMode::Malformed => {
            let json_type = [(header::CONTENT_TYPE, "application/json")];
            (no_store, json_type, "{\"serviceUrl\": ").into_response()
        }
    }
}

/// Stands in for the Kaltura Room that an admitted guest's `joinUrl` opens.
async fn session_page(
    State(standin): State<StandIn>,
    UrlPath(entry_id): UrlPath<String>,
) -> Response {
    let store = standin.store();
    let Some(entry) = store.entry(&entry_id) else {
        return (StatusCode::NOT_FOUND, "No such session.").into_response();
    };
    let name = escape_html(&entry.name);
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{name}</title></head><body><main><h1>{name}</h1>\
         <p>You joined the session as a guest. This page stands in for the Kaltura Room.</p>\
         </main></body></html>"
    ))
    .into_response()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Longest path segment, in bytes, that is looked up as a file. Most file systems reject
/// longer names, so the lookup would fail with HTTP 500.
const MAX_FILE_NAME_BYTES: usize = 255;

/// Sends a path that cannot be a file of the app straight to `index.html`, so the app's
/// router shows its own page for it.
fn route_long_paths_to_index(
    mut request: axum::extract::Request,
    index: &Path,
) -> axum::extract::Request {
    let path = request.uri().path();
    let too_long = path.len() > 1024
        || path
            .split('/')
            .any(|segment| segment.len() > MAX_FILE_NAME_BYTES);
    if too_long {
        if let Some(name) = index.file_name().and_then(|name| name.to_str()) {
            if let Ok(uri) = format!("/{name}").parse() {
                *request.uri_mut() = uri;
            }
        }
    }
    request
}

#[cfg(test)]
mod tests {
    use super::has_content_hash;

    #[test]
    fn hashed_names_are_recognised() {
        for path in [
            "/main-32cdc4cf67e45e61.css",
            "/guest-access-ui-ae2c91957565fd11_bg.wasm",
            "/guest-access-ui-ae2c91957565fd11.js",
            "/favicon-b302f48db44060e.svg",
            "/app/loader-b200d2a0075fcf0e.js",
        ] {
            assert!(has_content_hash(path), "{path}");
        }
    }

    #[test]
    fn other_paths_are_not_hashed() {
        for path in [
            "/",
            "/index.html",
            "/config.json",
            "/gallery.css",
            "/media/1_demoroom",
            "/guest/Ab-abcdef0123456_Qz",
            "/guest/x-abcdef0123456789",
            "/main-32CDC4CF67E45E61.css",
            "/main-32cdc4cf.css",
        ] {
            assert!(!has_content_hash(path), "{path}");
        }
    }
}
