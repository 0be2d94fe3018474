//! Property tests: any input to the response decoder, the configuration parser and the
//! form validators gives a value or a typed error, never a panic.

use guest_access_contract::examples;
use proptest::prelude::*;
use serde_json::{Map, Value};

use crate::api::{
    decode_null, decode_object, ApiError, GuestAccessSettings, GuestLink, GuestLinkInfo,
    GuestLinkList, GuestTicket,
};
use crate::config::parse_config;
use crate::form::{validate_link_form, LinkFormInput};
use crate::guest::{validate_guest_form, GuestFormInput};

/// Field names of the contract, so that random objects often reach the decoder's checks.
const KEYS: [&str; 16] = [
    "objectType",
    "code",
    "message",
    "args",
    "objects",
    "totalCount",
    "id",
    "entryId",
    "name",
    "url",
    "createdAt",
    "expiresAt",
    "clicksLimit",
    "status",
    "ticket",
    "enabled",
];

/// `objectType` values of the contract, and one it does not have.
const OBJECT_TYPES: [&str; 7] = [
    "KalturaAPIException",
    "KalturaGuestAccessSettings",
    "KalturaGuestLink",
    "KalturaGuestLinkListResponse",
    "KalturaGuestLinkInfo",
    "KalturaGuestTicket",
    "KalturaMediaEntry",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        prop::sample::select(OBJECT_TYPES.to_vec()).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..8).prop_map(
                |fields| {
                    let object: Map<String, Value> = fields
                        .into_iter()
                        .map(|(key, value)| (key.to_owned(), value))
                        .collect();
                    Value::Object(object)
                }
            ),
        ]
    })
}

/// Runs every decoder of the client on `body`. Each returns, whatever the body.
fn decode_with_every_type(body: &str) {
    let results: [Result<(), ApiError>; 6] = [
        decode_object::<GuestAccessSettings>(body).map(drop),
        decode_object::<GuestLinkList>(body).map(drop),
        decode_object::<GuestLink>(body).map(drop),
        decode_object::<GuestLinkInfo>(body).map(drop),
        decode_object::<GuestTicket>(body).map(drop),
        decode_null(body),
    ];
    for result in results {
        if let Err(error) = result {
            // Every error is one of the typed kinds, and it formats without panicking.
            assert!(!error.to_string().is_empty());
        }
    }
}

#[test]
fn every_prefix_of_every_example_decodes_or_fails() {
    for example in examples() {
        let body = &example.json;
        for end in (0..body.len()).filter(|end| body.is_char_boundary(*end)) {
            decode_with_every_type(&body[..end]);
        }
    }
}

proptest! {
    #[test]
    fn any_text_decodes_or_fails(body in any::<String>()) {
        decode_with_every_type(&body);
    }

    #[test]
    fn any_json_decodes_or_fails(value in json_value()) {
        decode_with_every_type(&value.to_string());
    }

    #[test]
    fn changed_examples_decode_or_fail(
        index in any::<prop::sample::Index>(),
        key in prop::sample::select(KEYS.to_vec()),
        value in json_value(),
    ) {
        let all = examples();
        let example = index.get(&all);
        if let Ok(Value::Object(mut object)) = serde_json::from_str::<Value>(&example.json) {
            object.insert(key.to_owned(), value);
            decode_with_every_type(&Value::Object(object).to_string());
        }
    }

    #[test]
    fn any_config_parses_or_fails(text in any::<String>(), value in json_value()) {
        let origin = "http://127.0.0.1:8080";
        let _ = parse_config(&text, origin);
        let _ = parse_config(&value.to_string(), origin);
    }

    #[test]
    fn any_link_form_validates_or_fails(
        name in any::<String>(),
        clicks_limit in any::<String>(),
        duration_days in any::<String>(),
    ) {
        let input = LinkFormInput { name, clicks_limit, duration_days };
        match validate_link_form("1_room", &input) {
            Ok(link) => prop_assert_eq!(link.name.as_str(), input.name.trim()),
            Err(errors) => prop_assert!(errors.first_invalid_field().is_some() || errors.form.is_some()),
        }
    }

    #[test]
    fn any_guest_form_validates_or_fails(name in any::<String>(), email in any::<String>()) {
        let input = GuestFormInput { name, email };
        match validate_guest_form(&input) {
            Ok(guest) => prop_assert_eq!(guest.email.as_str(), input.email.trim()),
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}
