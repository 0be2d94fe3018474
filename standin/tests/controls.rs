//! The test controls under `/__standin/`, and the contract's examples sent to the stand-in.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

const DAY: i64 = 86_400;

fn fault(server: &Server, body: Value) {
    assert_eq!(server.control("fault", body.clone()), 204, "{body}");
}

fn settings_reply(server: &Server, ks: &str) -> Reply {
    let body = json!({"entryId": "1_demoroom", "ks": ks, "format": 1});
    server.post_raw(
        "/api_v3/service/guestaccess_settings/action/get",
        &body.to_string(),
    )
}

#[test]
fn clock_expires_links() {
    let server = Server::start();
    let before = server.links("1_demoroom")[0]["expiresAt"].as_i64().unwrap();

    let moved = server.control_json("clock", json!({"advanceSeconds": 30 * DAY}));

    assert!(moved["now"].as_i64().unwrap() >= before);
    assert_eq!(server.links("1_demoroom")[0]["status"], "expired");
}

#[test]
fn config_control_rejects_bad_bodies() {
    let server = Server::start();

    assert_eq!(server.control("config", json!({})), 400);
    assert_eq!(server.control("config", json!({"serve": 1})), 400);
    let reply = ureq::post(&format!("{}/__standin/config", server.origin))
        .set("Content-Type", "text/plain")
        .send_string("{\"serve\": \"normal\"}");
    assert!(matches!(reply, Err(ureq::Error::Status(400, _))));
}

#[test]
fn clock_rejects_bad_requests() {
    let server = Server::start();

    assert_eq!(server.control("clock", json!({"advanceSeconds": -1})), 400);
    assert_eq!(server.control("clock", json!({"advance": 5})), 400);
    assert_eq!(
        server.control("clock", json!({"advanceSeconds": "soon"})),
        400
    );
}

#[test]
fn clock_sets_created_and_expiry_of_new_links() {
    let server = Server::start();
    let moved = server.control_json("clock", json!({"advanceSeconds": 10 * DAY}));

    let link = server.add_link("1_demoroom", "Later", json!({"durationDays": 1}));

    let created = link["createdAt"].as_i64().unwrap();
    assert!(created >= moved["now"].as_i64().unwrap());
    assert_eq!(link["expiresAt"].as_i64().unwrap(), created + DAY);
}

#[test]
fn admission_admits_waiting_guests() {
    let server = Server::start();
    let ticket = server.join(&server.token_of("1_lobbyroom"));
    assert_eq!(ticket["status"], "waiting");

    let decided = server.control_json("admission", json!({"decision": "admit"}));

    assert_eq!(decided["decided"], 1);
    let polled = server.guest_call("getTicket", json!({"ticket": ticket["ticket"]}));
    assert_eq!(polled["status"], "admitted");
    assert!(polled["joinUrl"]
        .as_str()
        .unwrap()
        .contains("/session/1_lobbyroom"));
}

#[test]
fn admission_denies_waiting_guests() {
    let server = Server::start();
    let token = server.token_of("1_lobbyroom");
    let first = server.join(&token);
    let second = server.join(&token);

    let decided = server.control_json("admission", json!({"decision": "deny"}));

    assert_eq!(decided["decided"], 2);
    for ticket in [first, second] {
        let polled = server.guest_call("getTicket", json!({"ticket": ticket["ticket"]}));
        assert_eq!(polled["status"], "denied");
        assert_eq!(polled["joinUrl"], Value::Null);
    }
}

#[test]
fn admission_filters_by_entry() {
    let server = Server::start();
    server.join(&server.token_of("1_lobbyroom"));

    let other = json!({"decision": "admit", "entryId": "1_demoroom"});
    assert_eq!(server.control_json("admission", other)["decided"], 0);
    let same = json!({"decision": "admit", "entryId": "1_lobbyroom"});
    assert_eq!(server.control_json("admission", same)["decided"], 1);
    assert_eq!(
        server.control("admission", json!({"decision": "maybe"})),
        400
    );
}

#[test]
fn entry_fields_can_be_set() {
    let server = Server::start();
    let fields = json!({
        "name": "Renamed room",
        "enabled": false,
        "canManage": false,
        "requiresAdmission": true,
        "entryType": "media",
    });

    let settings = server.control_json("entry", json!({"entryId": "1_demoroom", "fields": fields}));

    assert_eq!(settings["entryName"], "Renamed room");
    assert_eq!(settings["enabled"], false);
    assert_eq!(settings["canManage"], false);
    assert_eq!(settings["entryType"], "media");
    let fetched = server.moderator_call(
        "guestaccess_settings",
        "get",
        json!({"entryId": "1_demoroom"}),
    );
    assert_eq!(fetched, settings);
}

#[test]
fn entry_can_be_deleted() {
    let server = Server::start();

    assert_eq!(
        server.control("entry", json!({"entryId": "1_demoroom", "delete": true})),
        204
    );

    let body = server.moderator_call(
        "guestaccess_settings",
        "get",
        json!({"entryId": "1_demoroom"}),
    );
    assert_eq!(error_code(&body), "ENTRY_ID_NOT_FOUND");
    assert_eq!(
        server.control("entry", json!({"entryId": "1_demoroom", "delete": true})),
        404
    );
}

#[test]
fn entry_control_rejects_bad_requests() {
    let server = Server::start();

    assert_eq!(
        server.control("entry", json!({"entryId": "1_none", "fields": {}})),
        404
    );
    let unknown_field = json!({"entryId": "1_demoroom", "fields": {"colour": "red"}});
    assert_eq!(server.control("entry", unknown_field), 400);
    assert_eq!(server.control("entry", json!({})), 400);
}

#[test]
fn link_fields_can_be_set_and_cleared() {
    let server = Server::start();
    let link_id = server.link_id_of("1_demoroom");
    let fields = json!({"name": "Renamed", "clicksLimit": 3, "clicksUsed": 3, "expiresAt": null});

    let link = server.control_json("link", json!({"id": link_id, "fields": fields}));

    assert_eq!(link["name"], "Renamed");
    assert_eq!(link["clicksLimit"], 3);
    assert_eq!(link["expiresAt"], Value::Null);
    assert_eq!(link["status"], "exhausted");
    let cleared = server.control_json(
        "link",
        json!({"id": link_id, "fields": {"clicksLimit": null}}),
    );
    assert_eq!(cleared["clicksLimit"], Value::Null);
    assert_eq!(
        cleared["name"], "Renamed",
        "fields left out keep their value"
    );
}

#[test]
fn link_can_be_deleted() {
    let server = Server::start();
    let link_id = server.link_id_of("1_demoroom");

    assert_eq!(
        server.control("link", json!({"id": link_id, "delete": true})),
        204
    );

    assert!(server.links("1_demoroom").is_empty());
    assert_eq!(
        server.control("link", json!({"id": link_id, "delete": true})),
        404
    );
    assert_eq!(
        server.control("link", json!({"id": "gl_404", "fields": {}})),
        404
    );
}

#[test]
fn fault_http_500() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_settings.get", "kind": "http500"}),
    );

    let reply = settings_reply(&server, &server.ks);

    assert_eq!(reply.status, 500);
    assert_eq!(
        settings_reply(&server, &server.ks).status,
        200,
        "one call only by default"
    );
}

#[test]
fn fault_html_502() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_settings.get", "kind": "html502"}),
    );

    let reply = settings_reply(&server, &server.ks);

    assert_eq!(reply.status, 502);
    assert!(reply.body.starts_with("<html>"), "{}", reply.body);
}

#[test]
fn fault_malformed_body() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_settings.get", "kind": "malformed"}),
    );

    let reply = settings_reply(&server, &server.ks);

    assert_eq!(reply.status, 200);
    assert!(
        serde_json::from_str::<Value>(&reply.body).is_err(),
        "{}",
        reply.body
    );
}

#[test]
fn fault_truncated_body_still_runs_action() {
    let server = Server::start();
    let action = "guestaccess_guestlink.add";
    fault(&server, json!({"action": action, "kind": "truncated"}));

    let params =
        json!({"guestLink": {"entryId": "1_demoroom", "name": "Cut off"}, "ks": server.ks});
    let reply = server.post_raw(
        "/api_v3/service/guestaccess_guestlink/action/add",
        &params.to_string(),
    );

    assert_eq!(reply.status, 200);
    assert!(
        serde_json::from_str::<Value>(&reply.body).is_err(),
        "{}",
        reply.body
    );
    assert!(reply.body.starts_with("{\""), "{}", reply.body);
    assert_eq!(server.links("1_demoroom").len(), 2, "the link was created");
}

#[test]
fn fault_wrong_object_type() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_settings.get", "kind": "wrongObjectType"}),
    );

    let reply = settings_reply(&server, &server.ks);

    let body: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(body["objectType"], "KalturaMediaEntry");
    assert_eq!(body["entryId"], "1_demoroom");
}

#[test]
fn fault_api_error() {
    let server = Server::start();
    let body = json!({
        "action": "guestaccess_settings.get",
        "kind": "apiError",
        "code": "ROOMS_CLOSED",
        "message": "Rooms are closed.",
        "count": 2,
    });
    fault(&server, body);

    for _ in 0..2 {
        let reply = settings_reply(&server, &server.ks);
        let error: Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(error_code(&error), "ROOMS_CLOSED");
        assert_eq!(error["message"], "Rooms are closed.");
    }
    let reply = settings_reply(&server, &server.ks);
    let settings: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(settings["objectType"], "KalturaGuestAccessSettings");
}

#[test]
fn fault_delay_answers_late_after_acting() {
    let server = Server::start();
    let action = "guestaccess_guestlink.add";
    fault(
        &server,
        json!({"action": action, "kind": "delay", "delaySeconds": 1}),
    );
    let started = Instant::now();

    let link = server.add_link("1_demoroom", "Slow", json!({}));

    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(link["name"], "Slow");
    assert_eq!(server.links("1_demoroom").len(), 2);
}

#[test]
fn fault_delay_does_not_block_other_calls() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_settings.get", "kind": "delay", "delaySeconds": 2}),
    );

    std::thread::scope(|scope| {
        let slow = scope.spawn(|| settings_reply(&server, &server.ks));
        std::thread::sleep(Duration::from_millis(200));
        let started = Instant::now();
        assert_eq!(server.links("1_demoroom").len(), 1);
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(slow.join().unwrap().status, 200);
    });
}

#[test]
fn fault_default_delay_exceeds_client_timeout() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_settings.get", "kind": "delay"}),
    );
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(16))
        .build();
    let url = format!(
        "{}/api_v3/service/guestaccess_settings/action/get",
        server.origin
    );

    let result = agent.post(&url).send_string("{}");

    assert!(
        matches!(result, Err(ureq::Error::Transport(_))),
        "answered within 16 s"
    );
}

#[test]
fn fault_control_rejects_bad_requests() {
    let server = Server::start();

    assert_eq!(
        server.control("fault", json!({"action": "x.y", "kind": "gremlins"})),
        400
    );
    assert_eq!(server.control("fault", json!({"kind": "http500"})), 400);
    assert_eq!(
        server.control(
            "fault",
            json!({"action": "x.y", "kind": "http500", "count": 0})
        ),
        400
    );
    assert_eq!(
        server.control("fault", json!({"action": "x.y", "kind": "apiError"})),
        400
    );
}

#[test]
fn faults_apply_only_to_their_action() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_guestlink.list", "kind": "http500"}),
    );

    assert_eq!(settings_reply(&server, &server.ks).status, 200);
}

#[test]
fn reset_clears_faults_clock_and_tickets() {
    let server = Server::start();
    fault(
        &server,
        json!({"action": "guestaccess_settings.get", "kind": "http500"}),
    );
    let ticket = server.join(&server.token_of("1_lobbyroom"));
    assert_eq!(ticket["status"], "waiting");
    server.control_json("clock", json!({"advanceSeconds": 60 * DAY}));

    assert_eq!(server.control("reset", json!({})), 204);

    assert_eq!(settings_reply(&server, &server.ks).status, 200);
    assert_eq!(server.links("1_demoroom")[0]["status"], "active");
    let body = server.guest_call("getTicket", json!({"ticket": ticket["ticket"]}));
    assert_eq!(error_code(&body), "GUEST_TICKET_NOT_FOUND");
}

/// Replaces the example's placeholders with values that exist on this server.
fn fill_in(server: &Server, action: &str, mut request: Value) -> Value {
    request["ks"] = Value::from(server.ks.as_str());
    let object = request.as_object_mut().unwrap();
    if object.contains_key("token") {
        object.insert("token".into(), Value::from(server.token_of("1_demoroom")));
    }
    if action == "guestaccess_guestlink.delete" {
        object.insert("id".into(), Value::from(server.link_id_of("1_demoroom")));
    }
    if action == "guestaccess_guest.getTicket" {
        let ticket = server.join(&server.token_of("1_lobbyroom"));
        object.insert("ticket".into(), ticket["ticket"].clone());
    }
    request
}

#[test]
fn contract_requests_get_contract_responses() {
    let server = Server::start();
    let requests = examples("request");
    assert_eq!(requests.len(), 8);

    for (action, request) in requests {
        let (service, name) = action.split_once('.').unwrap();
        let request = fill_in(&server, &action, request);

        let response = server.call(service, name, request);

        let expected = examples("response")
            .into_iter()
            .find(|(other, _)| *other == action);
        let (_, expected) = expected.unwrap();
        if expected.is_null() {
            assert_eq!(response, Value::Null, "{action}");
        } else {
            assert_eq!(
                response["objectType"], expected["objectType"],
                "{action}: {response}"
            );
            assert_eq!(sorted_keys(&response), sorted_keys(&expected), "{action}");
        }
        // Put the settings back so that later examples find guest access on.
        server.control("reset", json!({}));
    }
}

#[test]
fn contract_errors_have_error_shape() {
    let server = Server::start();
    let produced = server.moderator_call("guestaccess_settings", "get", json!({"entryId": "1_x"}));

    for (action, error) in examples("error") {
        assert_eq!(sorted_keys(&error), sorted_keys(&produced), "{action}");
        assert_eq!(error["objectType"], "KalturaAPIException", "{action}");
    }
}
