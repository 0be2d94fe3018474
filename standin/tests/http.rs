//! The stand-in over real HTTP: each test starts its own server on a free loopback port.

use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

use guest_access_standin::{router, StandIn};
use serde_json::{json, Value};

const CONTRACT: &str = include_str!("../../docs/backend-api.md");

/// A stand-in running on its own thread, serving a temporary `dist/`.
struct Server {
    origin: String,
    ks: String,
}

impl Server {
    fn start() -> Self {
        let dist = temporary_dist();
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let origin = format!("http://{}", listener.local_addr().unwrap());
                let standin = StandIn::new(&origin);
                let ks = standin.store().ks.clone();
                sender.send((origin, ks)).unwrap();
                axum::serve(listener, router(standin, &dist)).await.unwrap();
            });
        });
        let (origin, ks) = receiver.recv().unwrap();
        Server { origin, ks }
    }

    fn post_raw(&self, path: &str, body: &str) -> Result<ureq::Response, ureq::Error> {
        ureq::post(&format!("{}{path}", self.origin))
            .set("Content-Type", "application/json")
            .send_string(body)
    }

    /// Calls an action and returns the HTTP 200 body.
    fn call(&self, service: &str, action: &str, params: Value) -> Value {
        let path = format!("/api_v3/service/{service}/action/{action}");
        let response = self.post_raw(&path, &params.to_string()).unwrap();
        assert_eq!(response.status(), 200);
        response.into_json().unwrap()
    }

    /// Calls a moderator action with the demo session.
    fn moderator_call(&self, service: &str, action: &str, mut params: Value) -> Value {
        params["ks"] = Value::from(self.ks.as_str());
        params["format"] = Value::from(1);
        self.call(service, action, params)
    }

    fn get(&self, path: &str) -> Result<ureq::Response, ureq::Error> {
        ureq::get(&format!("{}{path}", self.origin)).call()
    }

    fn control(&self, name: &str, body: Value) -> u16 {
        match self.post_raw(&format!("/__standin/{name}"), &body.to_string()) {
            Ok(response) => response.status(),
            Err(ureq::Error::Status(status, _)) => status,
            Err(error) => panic!("control {name} failed: {error}"),
        }
    }

    fn links(&self, entry_id: &str) -> Vec<Value> {
        let list = self.moderator_call(
            "guestaccess_guestlink",
            "list",
            json!({"filter": {"entryIdEqual": entry_id}}),
        );
        list["objects"].as_array().unwrap().clone()
    }
}

fn temporary_dist() -> PathBuf {
    let dist = std::env::temp_dir().join(format!("standin-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!DOCTYPE html><title>app</title>").unwrap();
    dist
}

fn error_code(body: &Value) -> &str {
    assert_eq!(body["objectType"], "KalturaAPIException", "{body}");
    body["code"].as_str().unwrap()
}

/// Returns the keys of the first response example of `action` in the contract.
fn example_keys(action: &str) -> Vec<String> {
    let marker = format!("```json response {action}\n");
    let start = CONTRACT.find(&marker).unwrap() + marker.len();
    let end = start + CONTRACT[start..].find("```").unwrap();
    let example: Value = serde_json::from_str(&CONTRACT[start..end]).unwrap();
    sorted_keys(&example)
}

fn sorted_keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn settings_get_returns_settings() {
    let server = Server::start();

    let settings = server.moderator_call(
        "guestaccess_settings",
        "get",
        json!({"entryId": "1_demoroom"}),
    );

    assert_eq!(settings["objectType"], "KalturaGuestAccessSettings");
    assert_eq!(settings["entryName"], "Design review with guest speakers");
    assert_eq!(settings["entryType"], "room");
    assert_eq!(settings["enabled"], true);
    assert_eq!(settings["maxLinks"], 3);
    assert_eq!(settings["canManage"], true);
    assert_eq!(
        sorted_keys(&settings),
        example_keys("guestaccess_settings.get")
    );
}

#[test]
fn settings_get_unknown_entry() {
    let server = Server::start();

    let body = server.moderator_call("guestaccess_settings", "get", json!({"entryId": "1_none"}));

    assert_eq!(error_code(&body), "ENTRY_ID_NOT_FOUND");
    assert_eq!(body["args"]["ENTRY_ID"], "1_none");
}

#[test]
fn settings_get_missing_entry_id() {
    let server = Server::start();

    let body = server.moderator_call("guestaccess_settings", "get", json!({}));

    assert_eq!(error_code(&body), "PROPERTY_VALIDATION_CANNOT_BE_NULL");
    assert_eq!(body["args"]["PROPERTY_NAME"], "entryId");
}

#[test]
fn moderator_call_without_ks_is_rejected() {
    let server = Server::start();

    let body = server.call(
        "guestaccess_settings",
        "get",
        json!({"entryId": "1_demoroom"}),
    );
    assert_eq!(error_code(&body), "INVALID_KS");

    let params = json!({"entryId": "1_demoroom", "ks": "not-the-session"});
    let body = server.call("guestaccess_settings", "get", params);
    assert_eq!(error_code(&body), "INVALID_KS");
}

#[test]
fn list_returns_links_of_entry() {
    let server = Server::start();

    let list = server.moderator_call(
        "guestaccess_guestlink",
        "list",
        json!({"filter": {"entryIdEqual": "1_demoroom"}}),
    );

    assert_eq!(list["objectType"], "KalturaGuestLinkListResponse");
    assert_eq!(list["totalCount"], 1);
    let link = &list["objects"][0];
    assert_eq!(link["name"], "Guest speakers");
    assert_eq!(link["status"], "active");
    assert_eq!(link["clicksLimit"], Value::Null);
    assert_eq!(
        link["expiresAt"].as_i64().unwrap() - link["createdAt"].as_i64().unwrap(),
        30 * 86_400
    );
    assert_eq!(sorted_keys(link), example_keys("guestaccess_guestlink.add"));
}

#[test]
fn link_url_has_long_url_safe_token() {
    let server = Server::start();

    let links = server.links("1_demoroom");
    let url = links[0]["url"].as_str().unwrap();

    let token = url
        .strip_prefix(&format!("{}/guest/", server.origin))
        .unwrap();
    assert!(
        token.len() * 4 >= 128,
        "token too short: {} characters",
        token.len()
    );
    assert!(token
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'));
}

#[test]
fn list_of_entry_without_links_is_empty() {
    let server = Server::start();

    let links = server.links("1_newroom");

    assert!(links.is_empty());
}

#[test]
fn list_forbidden_without_manage_permission() {
    let server = Server::start();

    let params = json!({"filter": {"entryIdEqual": "1_viewonlyroom"}});
    let body = server.moderator_call("guestaccess_guestlink", "list", params);

    assert_eq!(error_code(&body), "SERVICE_FORBIDDEN");
}

#[test]
fn list_missing_filter() {
    let server = Server::start();

    let body = server.moderator_call("guestaccess_guestlink", "list", json!({}));

    assert_eq!(error_code(&body), "PROPERTY_VALIDATION_CANNOT_BE_NULL");
    assert_eq!(body["args"]["PROPERTY_NAME"], "entryIdEqual");
}

#[test]
fn list_unknown_entry() {
    let server = Server::start();

    let params = json!({"filter": {"entryIdEqual": "1_none"}});
    let body = server.moderator_call("guestaccess_guestlink", "list", params);

    assert_eq!(error_code(&body), "ENTRY_ID_NOT_FOUND");
}

#[test]
fn unknown_action_is_api_error() {
    let server = Server::start();

    let body = server.moderator_call("guestaccess_guestlink", "rename", json!({}));

    assert_eq!(error_code(&body), "SERVICE_ACTION_NOT_FOUND");
}

#[test]
fn non_object_body_is_bad_request() {
    let server = Server::start();

    for body in ["", "[1, 2]", "{\"entryId\": "] {
        let result = server.post_raw("/api_v3/service/guestaccess_settings/action/get", body);
        assert!(
            matches!(result, Err(ureq::Error::Status(400, _))),
            "{body:?}"
        );
    }
}

#[test]
fn body_over_64_kib_is_rejected() {
    let server = Server::start();
    let padding = "x".repeat(64 * 1024);
    let body = json!({"entryId": "1_demoroom", "padding": padding}).to_string();

    let result = server.post_raw("/api_v3/service/guestaccess_settings/action/get", &body);

    assert!(
        matches!(result, Err(ureq::Error::Status(413, _))),
        "{result:?}"
    );
}

#[test]
fn config_points_at_standin_and_is_not_cached() {
    let server = Server::start();

    let response = server.get("/config.json").unwrap();

    assert_eq!(response.header("Cache-Control"), Some("no-store"));
    let config: Value = response.into_json().unwrap();
    assert_eq!(config["serviceUrl"], server.origin);
    assert_eq!(config["ks"], server.ks);
    assert_eq!(config["allowedJoinOrigins"], json!([server.origin]));
}

#[test]
fn config_control_serves_missing_and_malformed() {
    let server = Server::start();

    assert_eq!(server.control("config", json!({"serve": "missing"})), 204);
    assert!(matches!(
        server.get("/config.json"),
        Err(ureq::Error::Status(404, _))
    ));

    assert_eq!(server.control("config", json!({"serve": "malformed"})), 204);
    let text = server.get("/config.json").unwrap().into_string().unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");

    assert_eq!(server.control("config", json!({"serve": "normal"})), 204);
    assert!(server
        .get("/config.json")
        .unwrap()
        .into_json::<Value>()
        .is_ok());
}

#[test]
fn config_control_rejects_unknown_mode() {
    let server = Server::start();

    assert_eq!(server.control("config", json!({"serve": "sometimes"})), 400);
}

#[test]
fn reset_restores_demo_data_with_new_tokens() {
    let server = Server::start();
    let before = server.links("1_demoroom");

    assert_eq!(server.control("reset", json!({})), 204);

    let after = server.links("1_demoroom");
    assert_eq!(after.len(), before.len());
    assert_eq!(after[0]["name"], before[0]["name"]);
    assert_ne!(after[0]["url"], before[0]["url"]);
    let settings = server.moderator_call(
        "guestaccess_settings",
        "get",
        json!({"entryId": "1_demoroom"}),
    );
    assert_eq!(settings["enabled"], true);
}

#[test]
fn app_routes_fall_back_to_index() {
    let server = Server::start();

    for path in ["/", "/media/1_demoroom", "/guest/abc", "/no/such/page"] {
        let response = server.get(path).unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            response
                .into_string()
                .unwrap()
                .contains("<title>app</title>"),
            "{path}"
        );
    }
}
