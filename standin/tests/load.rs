//! The stand-in under load: 200 mixed requests from 20 concurrent clients. Every response
//! must follow the contract, and afterwards each link's clicks must equal the joins that
//! succeeded through it, and no entry may have more than 3 links.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

use common::Server;
use serde_json::{json, Value};

const CLIENTS: usize = 20;
const REQUESTS_PER_CLIENT: usize = 10;
const ROOM: &str = "1_demoroom";
const LOBBY: &str = "1_lobbyroom";
const MAX_LINKS: usize = 3;

/// What the clients saw: joins admitted or queued per token, links they made, tickets.
#[derive(Default)]
struct Tally {
    joins: HashMap<String, u32>,
    created: Vec<String>,
    tickets: Vec<String>,
    answers: usize,
}

/// Checks one response against the contract and returns its body unless it is an error.
fn check_response(action: &str, status: u16, body: &str) -> Option<Value> {
    assert_eq!(status, 200, "{action}: HTTP {status}: {body}");
    let value: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("{action}: {body}"));
    if value.is_null() {
        assert_eq!(action, "guestaccess_guestlink.delete", "null from {action}");
        return Some(value);
    }
    let object_type = value["objectType"].as_str().unwrap_or_default();
    if object_type == "KalturaAPIException" {
        let code = value["code"].as_str().unwrap_or_default();
        let known = guest_access_contract::error_codes();
        assert!(known.contains(&code), "{action}: unknown code {code}");
        assert!(value["message"].is_string(), "{action}: {body}");
        return None;
    }
    let expected = match action {
        "guestaccess_settings.get" | "guestaccess_settings.update" => "KalturaGuestAccessSettings",
        "guestaccess_guestlink.list" => "KalturaGuestLinkListResponse",
        "guestaccess_guestlink.add" => "KalturaGuestLink",
        "guestaccess_guest.resolve" => "KalturaGuestLinkInfo",
        "guestaccess_guest.join" | "guestaccess_guest.getTicket" => "KalturaGuestTicket",
        other => panic!("unexpected action {other}"),
    };
    assert_eq!(object_type, expected, "{action}: {body}");
    if expected == "KalturaGuestLinkListResponse" {
        let count = value["objects"].as_array().map_or(0, Vec::len);
        assert!(count <= MAX_LINKS, "{action}: {count} links");
    }
    Some(value)
}

/// Sends request `index` of client `client`, one of eight kinds in turn.
fn send(server: &Server, tokens: &[String; 2], client: usize, index: usize, tally: &Mutex<Tally>) {
    let kind = (client * 3 + index) % 8;
    // Clients take turns in pairs, so joins reach both links.
    let token = &tokens[(client / 2) % 2];
    let (action, params, moderator) = match kind {
        0 => ("guestaccess_settings.get", json!({"entryId": ROOM}), true),
        1 => {
            let enabled = index % 4 != 1;
            (
                "guestaccess_settings.update",
                json!({"entryId": "1_newroom", "settings": {"enabled": enabled}}),
                true,
            )
        }
        2 => (
            "guestaccess_guestlink.list",
            json!({"filter": {"entryIdEqual": ROOM}}),
            true,
        ),
        3 => {
            let name = format!("Load {client}-{index}");
            let link = json!({"entryId": ROOM, "name": name, "clicksLimit": 5});
            (
                "guestaccess_guestlink.add",
                json!({"guestLink": link}),
                true,
            )
        }
        4 => {
            let created = tally.lock().unwrap().created.pop();
            let id = created.unwrap_or_else(|| "gl_none".into());
            ("guestaccess_guestlink.delete", json!({"id": id}), true)
        }
        5 => ("guestaccess_guest.resolve", json!({"token": token}), false),
        6 => {
            let guest = json!({"name": format!("Guest {client}"), "email": "guest@example.org"});
            (
                "guestaccess_guest.join",
                json!({"token": token, "guest": guest}),
                false,
            )
        }
        _ => {
            let ticket = tally.lock().unwrap().tickets.last().cloned();
            let ticket = ticket.unwrap_or_else(|| "none".into());
            (
                "guestaccess_guest.getTicket",
                json!({"ticket": ticket}),
                false,
            )
        }
    };

    let mut params = params;
    params["format"] = json!(1);
    if moderator {
        params["ks"] = json!(server.ks);
    }
    let (service, name) = action.split_once('.').unwrap();
    let path = format!("/api_v3/service/{service}/action/{name}");
    let reply = server.post_raw(&path, &params.to_string());
    let value = check_response(action, reply.status, &reply.body);

    let mut tally = tally.lock().unwrap();
    tally.answers += 1;
    match (action, value) {
        ("guestaccess_guestlink.add", Some(link)) => {
            tally.created.push(link["id"].as_str().unwrap().to_owned());
        }
        ("guestaccess_guest.join", Some(ticket)) => {
            *tally.joins.entry(token.clone()).or_default() += 1;
            tally
                .tickets
                .push(ticket["ticket"].as_str().unwrap().to_owned());
        }
        _ => {}
    }
}

#[test]
fn mixed_load_keeps_state_consistent() {
    let server = Arc::new(Server::start());
    let tokens = Arc::new([server.token_of(ROOM), server.token_of(LOBBY)]);
    let tally = Arc::new(Mutex::new(Tally::default()));
    let start = Arc::new(Barrier::new(CLIENTS));

    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (server, tokens, tally, start) =
                (server.clone(), tokens.clone(), tally.clone(), start.clone());
            thread::spawn(move || {
                start.wait();
                for index in 0..REQUESTS_PER_CLIENT {
                    send(&server, &tokens, client, index, &tally);
                }
            })
        })
        .collect();
    for client in clients {
        client.join().expect("a client thread panicked");
    }

    let tally = tally.lock().unwrap();
    assert_eq!(tally.answers, CLIENTS * REQUESTS_PER_CLIENT);
    for entry_id in [ROOM, LOBBY, "1_newroom"] {
        let links = server.links(entry_id);
        assert!(
            links.len() <= MAX_LINKS,
            "{entry_id} has {} links",
            links.len()
        );
    }
    for entry_id in [ROOM, LOBBY] {
        let token = server.token_of(entry_id);
        let link = server
            .links(entry_id)
            .into_iter()
            .find(|link| link["url"].as_str().unwrap().ends_with(&token))
            .unwrap();
        let joins = tally.joins.get(&token).copied().unwrap_or(0);
        assert_eq!(link["clicksUsed"], json!(joins), "{entry_id}");
        assert!(joins > 0, "no join succeeded through {entry_id}");
    }
}
