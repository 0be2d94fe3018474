//! Shared helpers of the stand-in's HTTP tests: a server on a free loopback port per test,
//! a blocking HTTP client, and the contract's JSON examples.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{mpsc, OnceLock};
use std::thread;

use guest_access_standin::{router, StandIn};
use serde_json::{json, Value};

/// A stand-in running on its own thread, serving a temporary `dist/`.
pub struct Server {
    pub origin: String,
    pub ks: String,
}

impl Server {
    pub fn start() -> Self {
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

    pub fn post_raw(&self, path: &str, body: &str) -> Reply {
        let request =
            ureq::post(&format!("{}{path}", self.origin)).set("Content-Type", "application/json");
        Reply::from(request.send_string(body))
    }

    /// Calls an action and returns the HTTP 200 body.
    pub fn call(&self, service: &str, action: &str, params: Value) -> Value {
        let path = format!("/api_v3/service/{service}/action/{action}");
        let reply = self.post_raw(&path, &params.to_string());
        assert_eq!(reply.status, 200, "{}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    }

    /// Calls a moderator action with the demo session.
    pub fn moderator_call(&self, service: &str, action: &str, mut params: Value) -> Value {
        params["ks"] = Value::from(self.ks.as_str());
        params["format"] = Value::from(1);
        self.call(service, action, params)
    }

    pub fn get(&self, path: &str) -> Reply {
        Reply::from(ureq::get(&format!("{}{path}", self.origin)).call())
    }

    pub fn control(&self, name: &str, body: Value) -> u16 {
        self.post_raw(&format!("/__standin/{name}"), &body.to_string())
            .status
    }

    /// Calls a control that reports something and returns its JSON body.
    pub fn control_json(&self, name: &str, body: Value) -> Value {
        let reply = self.post_raw(&format!("/__standin/{name}"), &body.to_string());
        assert_eq!(reply.status, 200, "{}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    }

    /// Calls a guest action, which carries no session.
    pub fn guest_call(&self, action: &str, mut params: Value) -> Value {
        params["format"] = Value::from(1);
        self.call("guestaccess_guest", action, params)
    }

    /// Returns the token of the first link of an entry.
    pub fn token_of(&self, entry_id: &str) -> String {
        let links = self.links(entry_id);
        let url = links[0]["url"].as_str().unwrap();
        url.rsplit('/').next().unwrap().to_owned()
    }

    /// Returns the id of the first link of an entry.
    pub fn link_id_of(&self, entry_id: &str) -> String {
        self.links(entry_id)[0]["id"].as_str().unwrap().to_owned()
    }

    /// Joins through a link as a valid guest.
    pub fn join(&self, token: &str) -> Value {
        let guest = json!({"name": "Dana Levi", "email": "dana@example.org"});
        self.guest_call("join", json!({"token": token, "guest": guest}))
    }

    /// Adds a link to an entry with the given extra fields.
    pub fn add_link(&self, entry_id: &str, name: &str, extra: Value) -> Value {
        let mut link = json!({"entryId": entry_id, "name": name});
        if let Value::Object(extra) = extra {
            link.as_object_mut().unwrap().extend(extra);
        }
        self.moderator_call("guestaccess_guestlink", "add", json!({"guestLink": link}))
    }

    pub fn links(&self, entry_id: &str) -> Vec<Value> {
        let list = self.moderator_call(
            "guestaccess_guestlink",
            "list",
            json!({"filter": {"entryIdEqual": entry_id}}),
        );
        list["objects"].as_array().unwrap().clone()
    }
}

/// Status, `Cache-Control` header and body of an HTTP response, whatever its status.
pub struct Reply {
    pub status: u16,
    pub cache_control: Option<String>,
    pub content_security_policy: Option<String>,
    pub body: String,
}

impl From<Result<ureq::Response, ureq::Error>> for Reply {
    fn from(result: Result<ureq::Response, ureq::Error>) -> Self {
        let response = match result {
            Ok(response) | Err(ureq::Error::Status(_, response)) => response,
            Err(error) => panic!("request failed: {error}"),
        };
        let status = response.status();
        let cache_control = response.header("Cache-Control").map(str::to_owned);
        let content_security_policy = response
            .header("Content-Security-Policy")
            .map(str::to_owned);
        Reply {
            status,
            cache_control,
            content_security_policy,
            body: response.into_string().unwrap(),
        }
    }
}

/// Returns a `dist/` folder with a small `index.html`, written once for all tests.
/// A file of the temporary `dist/` whose name carries a content hash.
pub const HASHED_FILE: &str = "main-32cdc4cf67e45e61.css";

pub fn temporary_dist() -> PathBuf {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        let dist = std::env::temp_dir().join(format!("standin-dist-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<!DOCTYPE html><title>app</title>").unwrap();
        // A hashed file and placeholder compressed copies whose contents differ, so a test can
        // see which one was sent.
        std::fs::write(dist.join(HASHED_FILE), "body { color: black }").unwrap();
        std::fs::write(dist.join(format!("{HASHED_FILE}.br")), "brotli copy").unwrap();
        std::fs::write(dist.join(format!("{HASHED_FILE}.gz")), "gzip copy").unwrap();
        dist
    })
    .clone()
}

pub fn error_code(body: &Value) -> &str {
    assert_eq!(body["objectType"], "KalturaAPIException", "{body}");
    body["code"].as_str().unwrap()
}

/// Returns the keys of the first response example of `action` in the contract.
pub fn example_keys(action: &str) -> Vec<String> {
    let example = guest_access_contract::first_example("response", action).unwrap();
    sorted_keys(&serde_json::from_str(&example.json).unwrap())
}

pub fn sorted_keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

/// Returns the contract's examples of one kind, each with its action, in the order they
/// appear.
pub fn examples(kind: &str) -> Vec<(String, Value)> {
    guest_access_contract::examples_of(kind)
        .into_iter()
        .map(|example| {
            (
                example.action.to_owned(),
                serde_json::from_str(&example.json).unwrap(),
            )
        })
        .collect()
}
