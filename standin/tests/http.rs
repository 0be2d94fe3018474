//! The stand-in over real HTTP: each test starts its own server on a free loopback port.

mod common;

use common::*;
use serde_json::{json, Value};

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
    assert_eq!(body["args"]["PROPERTY_NAME"], "filter");

    let params = json!({"filter": {}});
    let body = server.moderator_call("guestaccess_guestlink", "list", params);
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
        let reply = server.post_raw("/api_v3/service/guestaccess_settings/action/get", body);
        assert_eq!(reply.status, 400, "{body:?}");
    }
}

#[test]
fn body_over_64_kib_is_rejected() {
    let server = Server::start();
    let padding = "x".repeat(64 * 1024);
    let body = json!({"entryId": "1_demoroom", "padding": padding}).to_string();

    let reply = server.post_raw("/api_v3/service/guestaccess_settings/action/get", &body);

    assert_eq!(reply.status, 413);
}

#[test]
fn config_points_at_standin_and_is_not_cached() {
    let server = Server::start();

    let reply = server.get("/config.json");

    assert_eq!(reply.cache_control.as_deref(), Some("no-store"));
    let config: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(config["serviceUrl"], server.origin);
    assert_eq!(config["ks"], server.ks);
    assert_eq!(config["allowedJoinOrigins"], json!([server.origin]));
}

#[test]
fn config_control_serves_missing_and_malformed() {
    let server = Server::start();

    assert_eq!(server.control("config", json!({"serve": "missing"})), 204);
    assert_eq!(server.get("/config.json").status, 404);

    assert_eq!(server.control("config", json!({"serve": "malformed"})), 204);
    let text = server.get("/config.json").body;
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");

    assert_eq!(server.control("config", json!({"serve": "normal"})), 204);
    assert!(serde_json::from_str::<Value>(&server.get("/config.json").body).is_ok());
}

#[test]
fn config_control_sets_request_timeout() {
    let server = Server::start();
    let body = json!({"serve": "normal", "requestTimeoutSeconds": 2});

    assert_eq!(server.control("config", body), 204);
    let config: Value = serde_json::from_str(&server.get("/config.json").body).unwrap();
    assert_eq!(config["requestTimeoutSeconds"], 2);

    assert_eq!(server.control("reset", json!({})), 204);
    let config: Value = serde_json::from_str(&server.get("/config.json").body).unwrap();
    assert_eq!(config.get("requestTimeoutSeconds"), None);
}

#[test]
fn every_response_has_strict_policy() {
    let server = Server::start();
    let expected = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self' {}; object-src 'none'; base-uri 'self'; form-action 'self'",
        server.origin
    );

    for path in [
        "/",
        "/media/1_demoroom",
        "/config.json",
        "/session/1_demoroom",
    ] {
        let policy = server.get(path).content_security_policy;
        assert_eq!(policy.as_deref(), Some(expected.as_str()), "{path}");
    }
    let api = server.post_raw("/api_v3/service/guestaccess_guest/action/resolve", "{}");
    assert_eq!(
        api.content_security_policy.as_deref(),
        Some(expected.as_str())
    );
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
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert!(reply.body.contains("<title>app</title>"), "{path}");
    }
}

#[test]
fn hashed_files_are_cached_for_good() {
    let server = Server::start();

    let reply = server.get(&format!("/{HASHED_FILE}"));

    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.cache_control.as_deref(),
        Some("public, max-age=31536000, immutable")
    );
}

#[test]
fn index_is_revalidated() {
    let server = Server::start();

    for path in ["/", "/index.html", "/media/1_demoroom", "/guest/abc"] {
        let reply = server.get(path);
        assert_eq!(reply.cache_control.as_deref(), Some("no-cache"), "{path}");
    }
    let config = server.get("/config.json");
    assert_eq!(config.cache_control.as_deref(), Some("no-store"));
}

#[test]
fn compressed_copies_follow_accept_encoding() {
    let server = Server::start();
    let url = format!("{}/{HASHED_FILE}", server.origin);
    let fetch = |accept: &str| {
        let response = ureq::get(&url)
            .set("Accept-Encoding", accept)
            .call()
            .unwrap();
        let encoding = response.header("Content-Encoding").unwrap_or("").to_owned();
        let vary = response.header("Vary").unwrap_or("").to_ascii_lowercase();
        let cache = response.header("Cache-Control").unwrap_or("").to_owned();
        (encoding, vary, cache, response.into_string().unwrap())
    };

    let (encoding, vary, cache, body) = fetch("gzip, deflate, br");
    assert_eq!((encoding.as_str(), body.as_str()), ("br", "brotli copy"));
    assert!(vary.contains("accept-encoding"), "{vary}");
    assert_eq!(cache, "public, max-age=31536000, immutable");

    let (encoding, _, _, body) = fetch("gzip");
    assert_eq!((encoding.as_str(), body.as_str()), ("gzip", "gzip copy"));

    let (encoding, _, _, body) = fetch("identity");
    assert_eq!(
        (encoding.as_str(), body.as_str()),
        ("", "body { color: black }")
    );
}

#[test]
fn long_paths_fall_back_to_index() {
    let server = Server::start();
    let long_segment = "a".repeat(300);

    for path in [
        format!("/{long_segment}"),
        format!("/media/{}", "b".repeat(5_000)),
    ] {
        let reply = server.get(&path);
        assert_eq!(reply.status, 200, "{} bytes", path.len());
        assert!(reply.body.contains("<title>app</title>"));
    }
}

#[test]
fn unknown_control_is_not_found() {
    let server = Server::start();

    assert_eq!(server.control("teleport", json!({})), 404);
}
