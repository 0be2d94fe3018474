//! Every action of the contract and every error code it can return, over real HTTP.

mod common;

use std::thread;

use common::*;
use serde_json::{json, Value};

const DAY: i64 = 86_400;

fn settings_update(server: &Server, entry_id: &str, enabled: Value) -> Value {
    let params = json!({"entryId": entry_id, "settings": {"enabled": enabled}});
    server.moderator_call("guestaccess_settings", "update", params)
}

#[test]
fn settings_update_turns_access_off_and_on() {
    let server = Server::start();

    let settings = settings_update(&server, "1_demoroom", json!(false));
    assert_eq!(settings["objectType"], "KalturaGuestAccessSettings");
    assert_eq!(settings["enabled"], false);
    assert_eq!(server.links("1_demoroom")[0]["status"], "inactive");

    let settings = settings_update(&server, "1_demoroom", json!(true));
    assert_eq!(settings["enabled"], true);
    assert_eq!(server.links("1_demoroom")[0]["status"], "active");
}

#[test]
fn settings_update_errors() {
    let server = Server::start();

    let body = settings_update(&server, "1_viewonlyroom", json!(false));
    assert_eq!(error_code(&body), "SERVICE_FORBIDDEN");

    let body = settings_update(&server, "1_galleryroom", json!(true));
    assert_eq!(error_code(&body), "GUEST_ACCESS_NOT_SUPPORTED");

    let body = settings_update(&server, "1_none", json!(true));
    assert_eq!(error_code(&body), "ENTRY_ID_NOT_FOUND");

    let body = settings_update(&server, "1_demoroom", json!("yes"));
    assert_eq!(error_code(&body), "PROPERTY_VALIDATION_WRONG_FORMAT");
    assert_eq!(body["args"]["PROPERTY_NAME"], "enabled");

    let body = server.moderator_call(
        "guestaccess_settings",
        "update",
        json!({"entryId": "1_demoroom", "settings": {}}),
    );
    assert_eq!(error_code(&body), "PROPERTY_VALIDATION_CANNOT_BE_NULL");
    assert_eq!(body["args"]["PROPERTY_NAME"], "enabled");
}

#[test]
fn add_creates_link_with_expiry() {
    let server = Server::start();

    let link = server.add_link(
        "1_demoroom",
        "  Panel guests  ",
        json!({"clicksLimit": 25, "durationDays": 7}),
    );

    assert_eq!(link["objectType"], "KalturaGuestLink");
    assert_eq!(link["name"], "Panel guests");
    assert_eq!(link["clicksLimit"], 25);
    assert_eq!(link["clicksUsed"], 0);
    assert_eq!(link["status"], "active");
    let created = link["createdAt"].as_i64().unwrap();
    assert_eq!(link["expiresAt"].as_i64().unwrap(), created + 7 * DAY);
    assert_eq!(server.links("1_demoroom").len(), 2);
}

#[test]
fn add_without_limits_never_expires() {
    let server = Server::start();

    let link = server.add_link("1_demoroom", "Open door", json!({}));

    assert_eq!(link["expiresAt"], Value::Null);
    assert_eq!(link["clicksLimit"], Value::Null);
}

#[test]
fn add_accepts_null_optional_fields() {
    let server = Server::start();

    let link = server.add_link(
        "1_demoroom",
        "Nulls",
        json!({"clicksLimit": null, "durationDays": null}),
    );

    assert_eq!(link["objectType"], "KalturaGuestLink");
    assert_eq!(link["expiresAt"], Value::Null);
}

#[test]
fn add_field_errors() {
    let server = Server::start();
    let long_name = "n".repeat(101);
    let cases = [
        ("", json!({}), "PROPERTY_VALIDATION_MIN_LENGTH", "name"),
        (
            long_name.as_str(),
            json!({}),
            "PROPERTY_VALIDATION_MAX_LENGTH",
            "name",
        ),
        (
            "x",
            json!({"clicksLimit": 0}),
            "PROPERTY_VALIDATION_MIN_VALUE",
            "clicksLimit",
        ),
        (
            "x",
            json!({"clicksLimit": 100_001}),
            "PROPERTY_VALIDATION_MAX_VALUE",
            "clicksLimit",
        ),
        (
            "x",
            json!({"clicksLimit": 1.5}),
            "PROPERTY_VALIDATION_WRONG_FORMAT",
            "clicksLimit",
        ),
        (
            "x",
            json!({"clicksLimit": "3"}),
            "PROPERTY_VALIDATION_WRONG_FORMAT",
            "clicksLimit",
        ),
        (
            "x",
            json!({"durationDays": 0}),
            "PROPERTY_VALIDATION_MIN_VALUE",
            "durationDays",
        ),
        (
            "x",
            json!({"durationDays": 366}),
            "PROPERTY_VALIDATION_MAX_VALUE",
            "durationDays",
        ),
        (
            "x",
            json!({"durationDays": u64::MAX}),
            "PROPERTY_VALIDATION_MAX_VALUE",
            "durationDays",
        ),
        (
            "x",
            json!({"durationDays": 2.0}),
            "PROPERTY_VALIDATION_WRONG_FORMAT",
            "durationDays",
        ),
    ];
    for (name, extra, code, property) in cases {
        let body = server.add_link("1_demoroom", name, extra.clone());
        assert_eq!(error_code(&body), code, "{name:?} {extra}");
        assert_eq!(body["args"]["PROPERTY_NAME"], property, "{name:?} {extra}");
    }
    assert_eq!(
        server.links("1_demoroom").len(),
        1,
        "no failed add may create a link"
    );
}

#[test]
fn add_limits_carry_args() {
    let server = Server::start();

    let body = server.add_link("1_demoroom", "x", json!({"clicksLimit": 100_001}));
    assert_eq!(body["args"]["MAX_VALUE"], "100000");

    let body = server.add_link("1_demoroom", &"n".repeat(101), json!({}));
    assert_eq!(body["args"]["MAX_LENGTH"], "100");
}

#[test]
fn add_missing_name_is_null_error() {
    let server = Server::start();

    let params = json!({"guestLink": {"entryId": "1_demoroom"}});
    let body = server.moderator_call("guestaccess_guestlink", "add", params);

    assert_eq!(error_code(&body), "PROPERTY_VALIDATION_CANNOT_BE_NULL");
    assert_eq!(body["args"]["PROPERTY_NAME"], "name");
}

#[test]
fn add_counts_code_points() {
    let server = Server::start();

    let body = server.add_link("1_demoroom", &"é".repeat(100), json!({}));

    assert_eq!(body["objectType"], "KalturaGuestLink", "{body}");
}

#[test]
fn add_fourth_link_is_rejected() {
    let server = Server::start();
    server.add_link("1_demoroom", "Second", json!({}));
    server.add_link("1_demoroom", "Third", json!({}));

    let body = server.add_link("1_demoroom", "Fourth", json!({}));

    assert_eq!(error_code(&body), "GUEST_LINK_LIMIT_REACHED");
    assert_eq!(body["args"]["MAX_LINKS"], "3");
    assert_eq!(server.links("1_demoroom").len(), 3);
}

#[test]
fn add_entry_state_errors() {
    let server = Server::start();
    let cases = [
        ("1_newroom", "GUEST_ACCESS_DISABLED"),
        ("1_galleryroom", "GUEST_ACCESS_NOT_SUPPORTED"),
        ("1_viewonlyroom", "SERVICE_FORBIDDEN"),
        ("1_none", "ENTRY_ID_NOT_FOUND"),
    ];
    for (entry_id, code) in cases {
        let body = server.add_link(entry_id, "Guests", json!({}));
        assert_eq!(error_code(&body), code, "{entry_id}");
    }
}

#[test]
fn add_same_request_id_creates_one_link() {
    let server = Server::start();
    let request_id = "5b0f8d1e-3c2a-4e7b-9f61-2d8c4a7e1b90";
    let params = json!({
        "guestLink": {"entryId": "1_demoroom", "name": "Retry me"},
        "requestId": request_id,
    });

    let first = server.moderator_call("guestaccess_guestlink", "add", params.clone());
    let second = server.moderator_call("guestaccess_guestlink", "add", params);

    assert_eq!(first["objectType"], "KalturaGuestLink");
    assert_eq!(first, second);
    assert_eq!(server.links("1_demoroom").len(), 2);
}

#[test]
fn add_request_id_wins_over_limit() {
    let server = Server::start();
    server.add_link("1_demoroom", "Second", json!({}));
    let params = json!({
        "guestLink": {"entryId": "1_demoroom", "name": "Third"},
        "requestId": "0b6e2f61-8d3c-4a9e-b7f1-5c2d8e4a6b13",
    });

    let first = server.moderator_call("guestaccess_guestlink", "add", params.clone());
    let retry = server.moderator_call("guestaccess_guestlink", "add", params);

    assert_eq!(
        retry["id"], first["id"],
        "a retry returns its link even when the entry is full"
    );
}

#[test]
fn add_different_request_ids_create_two() {
    let server = Server::start();
    let add = |request_id: &str| {
        let params = json!({
            "guestLink": {"entryId": "1_demoroom", "name": "Same name"},
            "requestId": request_id,
        });
        server.moderator_call("guestaccess_guestlink", "add", params)
    };

    let first = add("11111111-1111-4111-8111-111111111111");
    let second = add("22222222-2222-4222-8222-222222222222");

    assert_ne!(first["id"], second["id"]);
    assert_eq!(server.links("1_demoroom").len(), 3);
}

#[test]
fn delete_removes_link() {
    let server = Server::start();
    let link_id = server.link_id_of("1_demoroom");
    let token = server.token_of("1_demoroom");

    let body = server.moderator_call("guestaccess_guestlink", "delete", json!({"id": link_id}));

    assert_eq!(body, Value::Null);
    assert!(server.links("1_demoroom").is_empty());
    let body = server.guest_call("resolve", json!({"token": token}));
    assert_eq!(error_code(&body), "GUEST_LINK_NOT_FOUND");
}

#[test]
fn delete_errors() {
    let server = Server::start();

    let body = server.moderator_call("guestaccess_guestlink", "delete", json!({"id": "gl_404"}));
    assert_eq!(error_code(&body), "GUEST_LINK_NOT_FOUND");
    assert_eq!(body["args"]["ID"], "gl_404");

    let link_id = unmanaged_link_id(&server);
    let body = server.moderator_call("guestaccess_guestlink", "delete", json!({"id": link_id}));
    assert_eq!(error_code(&body), "SERVICE_FORBIDDEN");

    let body = server.call("guestaccess_guestlink", "delete", json!({"id": "gl_1"}));
    assert_eq!(error_code(&body), "INVALID_KS");
}

/// Returns the id of the view-only room's link, which the moderator may not list.
fn unmanaged_link_id(server: &Server) -> String {
    let fields = json!({"entryId": "1_viewonlyroom", "fields": {"canManage": true}});
    assert_eq!(server.control_json("entry", fields)["canManage"], true);
    let link_id = server.link_id_of("1_viewonlyroom");
    let fields = json!({"entryId": "1_viewonlyroom", "fields": {"canManage": false}});
    server.control_json("entry", fields);
    link_id
}

#[test]
fn resolve_returns_info_without_using_a_click() {
    let server = Server::start();
    let token = server.token_of("1_lobbyroom");

    for _ in 0..3 {
        let info = server.guest_call("resolve", json!({"token": token}));
        assert_eq!(info["objectType"], "KalturaGuestLinkInfo");
        assert_eq!(info["entryId"], "1_lobbyroom");
        assert_eq!(info["entryName"], "Office hours");
        assert_eq!(info["requiresAdmission"], true);
    }

    assert_eq!(server.links("1_lobbyroom")[0]["clicksUsed"], 0);
    assert_eq!(
        sorted_keys(&server.guest_call("resolve", json!({"token": token}))),
        example_keys("guestaccess_guest.resolve")
    );
}

#[test]
fn resolve_link_state_errors() {
    let server = Server::start();
    let token = server.token_of("1_demoroom");
    let link_id = server.link_id_of("1_demoroom");
    let resolve = || server.guest_call("resolve", json!({"token": token}));

    let body = server.guest_call("resolve", json!({"token": "no-such-token"}));
    assert_eq!(error_code(&body), "GUEST_LINK_NOT_FOUND");

    server.control_json(
        "link",
        json!({"id": link_id, "fields": {"clicksLimit": 2, "clicksUsed": 2}}),
    );
    assert_eq!(error_code(&resolve()), "GUEST_LINK_EXHAUSTED");

    server.control_json(
        "link",
        json!({"id": link_id, "fields": {"clicksLimit": null}}),
    );
    server.control_json("clock", json!({"advanceSeconds": 31 * DAY}));
    assert_eq!(error_code(&resolve()), "GUEST_LINK_EXPIRED");

    settings_update(&server, "1_demoroom", json!(false));
    assert_eq!(error_code(&resolve()), "GUEST_ACCESS_DISABLED");

    server.control_json(
        "entry",
        json!({"entryId": "1_demoroom", "fields": {"entryType": "mediaGalleryRoom"}}),
    );
    assert_eq!(error_code(&resolve()), "GUEST_ACCESS_NOT_SUPPORTED");

    assert_eq!(
        server.control("entry", json!({"entryId": "1_demoroom", "delete": true})),
        204
    );
    assert_eq!(error_code(&resolve()), "ENTRY_ID_NOT_FOUND");
}

#[test]
fn join_admits_and_uses_a_click() {
    let server = Server::start();
    let token = server.token_of("1_demoroom");

    let ticket = server.join(&token);

    assert_eq!(ticket["objectType"], "KalturaGuestTicket");
    assert_eq!(ticket["status"], "admitted");
    let join_url = ticket["joinUrl"].as_str().unwrap();
    assert!(
        join_url.starts_with(&format!("{}/session/1_demoroom", server.origin)),
        "{join_url}"
    );
    assert_eq!(server.links("1_demoroom")[0]["clicksUsed"], 1);
    assert_eq!(sorted_keys(&ticket), example_keys("guestaccess_guest.join"));
    assert_eq!(server.get(&join_url[server.origin.len()..]).status, 200);
}

#[test]
fn join_waits_when_admission_required() {
    let server = Server::start();
    let token = server.token_of("1_lobbyroom");

    let ticket = server.join(&token);

    assert_eq!(ticket["status"], "waiting");
    assert_eq!(ticket["joinUrl"], Value::Null);
    let polled = server.guest_call("getTicket", json!({"ticket": ticket["ticket"]}));
    assert_eq!(polled["status"], "waiting");
}

#[test]
fn join_field_errors_use_no_click() {
    let server = Server::start();
    let token = server.token_of("1_demoroom");
    let cases = [
        (
            json!({"name": " ", "email": "a@b.co"}),
            "PROPERTY_VALIDATION_MIN_LENGTH",
            "name",
        ),
        (
            json!({"name": "x".repeat(101), "email": "a@b.co"}),
            "PROPERTY_VALIDATION_MAX_LENGTH",
            "name",
        ),
        (
            json!({"email": "a@b.co"}),
            "PROPERTY_VALIDATION_CANNOT_BE_NULL",
            "name",
        ),
        (
            json!({"name": "Dana", "email": ""}),
            "PROPERTY_VALIDATION_MIN_LENGTH",
            "email",
        ),
        (
            json!({"name": "Dana", "email": "dana"}),
            "PROPERTY_VALIDATION_WRONG_FORMAT",
            "email",
        ),
        (
            json!({"name": "Dana", "email": format!("{}@example.com", "a".repeat(250))}),
            "PROPERTY_VALIDATION_MAX_LENGTH",
            "email",
        ),
        (
            json!({"name": "Dana"}),
            "PROPERTY_VALIDATION_CANNOT_BE_NULL",
            "email",
        ),
    ];
    for (guest, code, property) in cases {
        let body = server.guest_call("join", json!({"token": token, "guest": guest}));
        assert_eq!(error_code(&body), code, "{guest}");
        assert_eq!(body["args"]["PROPERTY_NAME"], property, "{guest}");
    }
    let body = server.guest_call("join", json!({"token": token}));
    assert_eq!(error_code(&body), "PROPERTY_VALIDATION_CANNOT_BE_NULL");
    assert_eq!(server.links("1_demoroom")[0]["clicksUsed"], 0);
}

#[test]
fn join_accepts_valid_email_shapes() {
    let server = Server::start();
    let token = server.token_of("1_demoroom");

    for email in [
        "first.last+tag@mail.example.co.uk",
        "a@b.museum",
        "user@bücher.de",
    ] {
        let guest = json!({"name": "Dana", "email": email});
        let ticket = server.guest_call("join", json!({"token": token, "guest": guest}));
        assert_eq!(ticket["status"], "admitted", "{email}");
    }
}

#[test]
fn join_last_click_then_exhausted() {
    let server = Server::start();
    let token = server.token_of("1_demoroom");
    let link_id = server.link_id_of("1_demoroom");
    server.control_json("link", json!({"id": link_id, "fields": {"clicksLimit": 1}}));

    assert_eq!(server.join(&token)["status"], "admitted");
    let body = server.join(&token);

    assert_eq!(error_code(&body), "GUEST_LINK_EXHAUSTED");
    assert_eq!(server.links("1_demoroom")[0]["status"], "exhausted");
}

#[test]
fn parallel_joins_admit_exactly_one() {
    let server = Server::start();
    let token = server.token_of("1_demoroom");
    let link_id = server.link_id_of("1_demoroom");
    server.control_json(
        "link",
        json!({"id": link_id, "fields": {"clicksLimit": 5, "clicksUsed": 4}}),
    );

    let bodies: Vec<Value> = thread::scope(|scope| {
        let handles: Vec<_> = (0..10)
            .map(|_| scope.spawn(|| server.join(&token)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    });

    let admitted = bodies
        .iter()
        .filter(|body| body["status"] == "admitted")
        .count();
    let exhausted = bodies
        .iter()
        .filter(|body| body["code"] == "GUEST_LINK_EXHAUSTED")
        .count();
    assert_eq!(admitted, 1);
    assert_eq!(exhausted, 9);
    assert_eq!(server.links("1_demoroom")[0]["clicksUsed"], 5);
}

#[test]
fn get_ticket_unknown_or_expired() {
    let server = Server::start();
    let ticket = server.join(&server.token_of("1_lobbyroom"));

    let body = server.guest_call("getTicket", json!({"ticket": "tk_nope"}));
    assert_eq!(error_code(&body), "GUEST_TICKET_NOT_FOUND");

    server.control_json("clock", json!({"advanceSeconds": 3_600}));
    let body = server.guest_call("getTicket", json!({"ticket": ticket["ticket"]}));
    assert_eq!(error_code(&body), "GUEST_TICKET_NOT_FOUND");
}

#[test]
fn guest_actions_need_no_session() {
    let server = Server::start();
    let token = server.token_of("1_demoroom");

    let info = server.call("guestaccess_guest", "resolve", json!({"token": token}));

    assert_eq!(info["objectType"], "KalturaGuestLinkInfo");
}

#[test]
fn every_moderator_action_needs_session() {
    let server = Server::start();
    let actions = [
        ("guestaccess_settings", "get"),
        ("guestaccess_settings", "update"),
        ("guestaccess_guestlink", "list"),
        ("guestaccess_guestlink", "add"),
        ("guestaccess_guestlink", "delete"),
    ];
    for (service, action) in actions {
        let body = server.call(service, action, json!({"ks": "expired"}));
        assert_eq!(error_code(&body), "INVALID_KS", "{service}.{action}");
    }
}
