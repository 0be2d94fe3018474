//! Native tests of the wire format, driven by the JSON examples in `docs/backend-api.md`.

use guest_access_contract::{examples, examples_of};
use serde_json::Value;
use uuid::Uuid;

use super::request::{
    join_params, link_add_params, link_delete_params, link_list_params, resolve_params,
    settings_get_params, settings_update_params, ticket_params,
};
use super::*;

/// Decodes a response body with the decoder of the action's return type.
fn decode_response(action: &str, body: &str) -> Result<(), ApiError> {
    match action {
        "guestaccess_settings.get" | "guestaccess_settings.update" => {
            decode_object::<GuestAccessSettings>(body).map(drop)
        }
        "guestaccess_guestlink.list" => decode_object::<GuestLinkList>(body).map(drop),
        "guestaccess_guestlink.add" => decode_object::<GuestLink>(body).map(drop),
        "guestaccess_guestlink.delete" => decode_null(body),
        "guestaccess_guest.resolve" => decode_object::<GuestLinkInfo>(body).map(drop),
        "guestaccess_guest.join" | "guestaccess_guest.getTicket" => {
            decode_object::<GuestTicket>(body).map(drop)
        }
        other => panic!("the contract has an example for an unknown action {other}"),
    }
}

const MODERATOR_ACTIONS: [&str; 5] = [
    "guestaccess_settings.get",
    "guestaccess_settings.update",
    "guestaccess_guestlink.list",
    "guestaccess_guestlink.add",
    "guestaccess_guestlink.delete",
];

#[test]
fn contract_has_examples_for_every_action() {
    let all = examples();
    let actions = MODERATOR_ACTIONS.iter().chain(&[
        "guestaccess_guest.resolve",
        "guestaccess_guest.join",
        "guestaccess_guest.getTicket",
    ]);
    for action in actions {
        for kind in ["request", "response", "error"] {
            let present = all
                .iter()
                .any(|example| example.kind == kind && example.action == *action);
            assert!(present, "no {kind} example for {action}");
        }
    }
}

#[test]
fn contract_responses_decode() {
    for example in examples_of("response") {
        let result = decode_response(example.action, &example.json);
        assert!(
            result.is_ok(),
            "{}: {:?}\n{}",
            example.action,
            result,
            example.json
        );
    }
}

#[test]
fn contract_errors_decode_as_api_errors() {
    for example in examples_of("error") {
        let error = decode_response(example.action, &example.json).unwrap_err();
        let ApiError::Api { code, message, .. } = &error else {
            panic!("{}: expected an API error, got {error:?}", example.action);
        };
        assert!(!message.is_empty(), "{}: empty message", example.action);
        assert_ne!(code.as_str(), "", "{}: empty code", example.action);
    }
}

#[test]
fn contract_requests_carry_format_and_client_tag() {
    for example in examples_of("request") {
        let body: Value = serde_json::from_str(&example.json).unwrap();
        assert_eq!(body["format"], 1, "{}", example.action);
        assert!(body["clientTag"]
            .as_str()
            .unwrap()
            .starts_with("guest-access-ui:"));
        let moderator = MODERATOR_ACTIONS.contains(&example.action);
        assert_eq!(
            body.get("ks").is_some(),
            moderator,
            "{}: ks",
            example.action
        );
    }
}

/// Builds the body the client sends for each action, with the values of the examples.
fn built_requests() -> Vec<(&'static str, Value)> {
    let ks = Some("djJ8MTAwfGV4YW1wbGUtc2Vzc2lvbg==");
    let token = "3f9c2a7be41d08c65a1e7f2b9d4c6e80a5b7c3d1e9f20a4b";
    let new_link = NewGuestLink {
        entry_id: "1_demoroom".into(),
        name: "Guest speakers".into(),
        clicks_limit: Some(25),
        duration_days: Some(7),
    };
    let request_id = Uuid::parse_str("5b0f8d1e-3c2a-4e7b-9f61-2d8c4a7e1b90").unwrap();
    let guest = GuestDetails {
        name: "Dana Levi".into(),
        email: "dana.levi+guest@example.org".into(),
    };
    vec![
        (
            "guestaccess_settings.get",
            request_body(settings_get_params("1_demoroom"), ks),
        ),
        (
            "guestaccess_settings.update",
            request_body(settings_update_params("1_demoroom", false), ks),
        ),
        (
            "guestaccess_guestlink.list",
            request_body(link_list_params("1_demoroom"), ks),
        ),
        (
            "guestaccess_guestlink.add",
            request_body(link_add_params(&new_link, request_id), ks),
        ),
        (
            "guestaccess_guestlink.delete",
            request_body(link_delete_params("gl_3"), ks),
        ),
        (
            "guestaccess_guest.resolve",
            request_body(resolve_params(token), None),
        ),
        (
            "guestaccess_guest.join",
            request_body(join_params(token, &guest), None),
        ),
        (
            "guestaccess_guest.getTicket",
            request_body(ticket_params("tk_1a3c5e7f9b2d4f6a8c0e1b3d5f7a9c2e"), None),
        ),
    ]
}

#[test]
fn built_requests_match_contract() {
    let built = built_requests();
    assert_eq!(built.len(), examples_of("request").len());
    for (action, mut body) in built {
        let example = examples_of("request")
            .into_iter()
            .find(|example| example.action == action);
        let mut expected: Value = serde_json::from_str(&example.unwrap().json).unwrap();
        assert_eq!(body["clientTag"], CLIENT_TAG, "{action}");
        // The example shows one fixed version; the body carries the crate's own.
        body["clientTag"] = Value::from("guest-access-ui:0.1.0");
        expected["clientTag"] = Value::from("guest-access-ui:0.1.0");
        assert_eq!(body, expected, "{action}");
    }
}

#[test]
fn add_leaves_out_unset_limits() {
    let link = NewGuestLink {
        entry_id: "1_x".into(),
        name: "Open".into(),
        clicks_limit: None,
        duration_days: None,
    };
    let params = link_add_params(&link, Uuid::new_v4());
    let fields = params["guestLink"].as_object().unwrap();
    assert!(!fields.contains_key("clicksLimit"));
    assert!(!fields.contains_key("durationDays"));
    let request_id = params["requestId"].as_str().unwrap();
    assert_eq!(Uuid::parse_str(request_id).unwrap().get_version_num(), 4);
}

#[test]
fn guest_details_hidden_from_debug() {
    let guest = GuestDetails {
        name: "Dana Levi".into(),
        email: "dana@example.org".into(),
    };
    let printed = format!("{guest:?}");
    assert!(!printed.contains("Dana"), "{printed}");
    assert!(!printed.contains("example.org"), "{printed}");
}

#[test]
fn settings_example_fields() {
    let example = examples_of("response")
        .into_iter()
        .find(|example| example.json.contains("\"1_galleryroom\""))
        .unwrap();
    let settings = decode_object::<GuestAccessSettings>(&example.json).unwrap();
    assert_eq!(settings.entry_type, EntryType::MediaGalleryRoom);
    assert!(!settings.enabled);
    assert_eq!(settings.max_links, 3);
}

#[test]
fn unknown_enum_values_decode_as_unknown() {
    let settings = examples_of("response")
        .into_iter()
        .find(|example| example.json.contains("liveWebcast"))
        .map(|example| decode_object::<GuestAccessSettings>(&example.json).unwrap())
        .unwrap();
    assert_eq!(settings.entry_type, EntryType::Unknown);
    let list = examples_of("response")
        .into_iter()
        .find(|example| example.json.contains("\"suspended\""))
        .map(|example| decode_object::<GuestLinkList>(&example.json).unwrap())
        .unwrap();
    assert_eq!(list.objects[0].status, LinkStatus::Unknown);
}

#[test]
fn null_fields_decode_as_none() {
    let list = examples_of("response")
        .into_iter()
        .find(|example| example.json.contains("Panel, day two"))
        .map(|example| decode_object::<GuestLinkList>(&example.json).unwrap())
        .unwrap();
    assert_eq!(list.objects[0].clicks_limit, None);
    assert_eq!(list.objects[0].expires_at, Some(1_779_537_600));
    assert_eq!(list.objects[1].expires_at, None);
    assert_eq!(list.objects[1].status, LinkStatus::Exhausted);
    assert_eq!(list.total_count, 2);
}

#[test]
fn api_error_keeps_code_message_args() {
    let body = r#"{"objectType": "KalturaAPIException", "code": "PROPERTY_VALIDATION_MAX_VALUE",
        "message": "clicksLimit must be at most 100000.",
        "args": {"PROPERTY_NAME": "clicksLimit", "MAX_VALUE": 100000}}"#;
    let error = decode_object::<GuestLink>(body).unwrap_err();
    let ApiError::Api {
        code,
        message,
        args,
    } = error
    else {
        panic!("not an API error")
    };
    assert_eq!(code, ErrorCode::MaxValue);
    assert_eq!(message, "clicksLimit must be at most 100000.");
    assert_eq!(args["PROPERTY_NAME"], "clicksLimit");
    assert_eq!(args["MAX_VALUE"], "100000");
}

#[test]
fn unknown_code_is_still_api_error() {
    let body =
        r#"{"objectType": "KalturaAPIException", "code": "ROOMS_CLOSED", "message": "Closed."}"#;
    let error = decode_object::<GuestAccessSettings>(body).unwrap_err();
    assert!(!error.is_transport());
    assert_eq!(error.code(), Some(&ErrorCode::Other("ROOMS_CLOSED".into())));
    assert_eq!(error.to_string(), "Closed. (ROOMS_CLOSED)");
}

#[test]
fn api_error_on_null_action() {
    let body = r#"{"objectType": "KalturaAPIException", "code": "GUEST_LINK_NOT_FOUND",
        "message": "Not found.", "args": {}}"#;
    assert_eq!(
        decode_null(body).unwrap_err().code(),
        Some(&ErrorCode::GuestLinkNotFound)
    );
}

#[test]
fn every_known_code_round_trips() {
    // The stand-in's own code for an unknown action is not one the client needs to know.
    let codes = guest_access_contract::error_codes()
        .into_iter()
        .filter(|code| *code != "SERVICE_ACTION_NOT_FOUND");
    for text in codes {
        let code = ErrorCode::from(text);
        assert!(!matches!(code, ErrorCode::Other(_)), "{text} is not known");
        assert_eq!(code.as_str(), text);
    }
}

#[test]
fn wrong_object_type_is_malformed() {
    let body = r#"{"objectType": "KalturaMediaEntry", "id": "1_x"}"#;
    let error = decode_object::<GuestAccessSettings>(body).unwrap_err();
    assert!(matches!(error, ApiError::Malformed(_)), "{error:?}");
    assert!(error.is_transport());
}

#[test]
fn malformed_bodies_are_transport_errors() {
    let bodies = [
        "",
        "<html><body>502 Bad Gateway</body></html>",
        "{\"objectType\": \"KalturaGuestAccessSettings\", \"entryId\": ",
        "[]",
        "42",
        "null",
        "{\"objectType\": \"KalturaGuestAccessSettings\"}",
        "{\"objectType\": \"KalturaGuestAccessSettings\", \"entryId\": 5, \"entryName\": \"x\", \
         \"entryType\": \"room\", \"enabled\": true, \"maxLinks\": 3, \"canManage\": true}",
    ];
    for body in bodies {
        let error = decode_object::<GuestAccessSettings>(body).unwrap_err();
        assert!(
            matches!(error, ApiError::Malformed(_)),
            "{body:?}: {error:?}"
        );
    }
}

#[test]
fn null_action_rejects_other_bodies() {
    for body in ["", "{}", "true", "\"deleted\""] {
        assert!(
            matches!(decode_null(body), Err(ApiError::Malformed(_))),
            "{body:?}"
        );
    }
    assert_eq!(decode_null("null"), Ok(()));
    assert_eq!(decode_null(" null\n"), Ok(()));
}

#[test]
fn transport_error_kinds_are_distinct() {
    let errors = [
        ApiError::Status(500),
        ApiError::Network,
        ApiError::Timeout,
        ApiError::Malformed("x".into()),
        ApiError::Cancelled,
    ];
    for error in &errors {
        assert!(error.is_transport(), "{error:?}");
        assert_eq!(error.code(), None);
    }
    assert_eq!(ApiError::Status(502).log_label(), "HTTP 502");
    assert_eq!(
        ApiError::Timeout.to_string(),
        "the server did not answer in time"
    );
}

#[test]
fn request_body_adds_format_client_tag_and_ks() {
    let body = request_body(settings_get_params("1_x"), Some("session"));
    assert_eq!(body["format"], 1);
    assert_eq!(body["clientTag"], CLIENT_TAG);
    assert_eq!(body["ks"], "session");
    assert_eq!(body["entryId"], "1_x");
    let guest_body = request_body(settings_get_params("1_x"), None);
    assert!(guest_body.get("ks").is_none());
}

#[test]
fn action_path_format() {
    assert_eq!(
        action_path("guestaccess_guestlink", "list"),
        "/api_v3/service/guestaccess_guestlink/action/list"
    );
}

#[test]
fn non_200_status_is_transport_error() {
    for status in [201, 204, 301, 400, 404, 500, 502, 503] {
        let error = accept_status(status, "{}".into()).unwrap_err();
        assert_eq!(error, ApiError::Status(status));
        assert!(error.is_transport());
    }
    assert_eq!(accept_status(200, "null".into()), Ok("null".into()));
}

#[test]
fn fetch_failures_are_classified() {
    assert_eq!(
        fetch_failure(true, true),
        ApiError::Timeout,
        "the time-out aborts too"
    );
    assert_eq!(fetch_failure(false, true), ApiError::Cancelled);
    assert_eq!(fetch_failure(false, false), ApiError::Network);
}
