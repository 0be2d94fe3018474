//! In-memory data of the stand-in: entries, links, tickets, the moderator session, the
//! clock and the faults queued by tests.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

use crate::faults::Fault;

/// Lifetime of the demo links, in days.
const DEMO_LINK_DAYS: i64 = 30;
/// Seconds after which a ticket is forgotten and polling it gives `GUEST_TICKET_NOT_FOUND`.
pub const TICKET_LIFETIME_SECONDS: i64 = 3_600;

/// One media entry.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// `room`, `mediaGalleryRoom` or `media`.
    pub entry_type: String,
    pub enabled: bool,
    /// Whether the demo moderator may manage this entry's links.
    pub can_manage: bool,
    pub requires_admission: bool,
    /// Origin of the `joinUrl` given to admitted guests; the stand-in's own when `None`.
    pub join_origin: Option<String>,
}

/// One guest link.
#[derive(Clone, Debug)]
pub struct Link {
    pub id: String,
    pub entry_id: String,
    pub name: String,
    pub token: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub clicks_limit: Option<u32>,
    pub clicks_used: u32,
}

/// A guest's request to join.
#[derive(Clone, Debug)]
pub struct Ticket {
    pub id: String,
    pub entry_id: String,
    /// `waiting`, `admitted` or `denied`.
    pub status: &'static str,
    pub created_at: i64,
}

/// Body that `GET /config.json` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigMode {
    /// The configuration pointing at this stand-in.
    Normal,
    /// HTTP 404, as if the file were missing.
    Missing,
    /// HTTP 200 with a body that is not JSON.
    Malformed,
}

/// All data of the stand-in.
#[derive(Debug)]
pub struct Store {
    /// Origin the stand-in is reached at, such as `http://127.0.0.1:8080`.
    pub origin: String,
    /// The demo moderator's session.
    pub ks: String,
    pub entries: Vec<Entry>,
    pub links: Vec<Link>,
    pub tickets: Vec<Ticket>,
    /// Link id created for each `requestId` of `guestaccess_guestlink.add`.
    pub request_ids: HashMap<String, String>,
    pub config_mode: ConfigMode,
    /// `requestTimeoutSeconds` of the normal `config.json`; left out when `None`.
    pub request_timeout_seconds: Option<u32>,
    /// Seconds added to the real clock by the clock control.
    pub clock_offset: i64,
    /// Faults to inject, per action, in the order they were queued.
    pub faults: HashMap<String, Vec<Fault>>,
    next_number: u64,
}

impl Store {
    /// Creates the demo data for a stand-in reached at `origin`, with moderator session `ks`.
    pub fn demo(origin: &str, ks: &str) -> Self {
        let mut store = Store {
            origin: origin.to_owned(),
            ks: ks.to_owned(),
            entries: demo_entries(),
            links: Vec::new(),
            tickets: Vec::new(),
            request_ids: HashMap::new(),
            config_mode: ConfigMode::Normal,
            request_timeout_seconds: None,
            clock_offset: 0,
            faults: HashMap::new(),
            next_number: 1,
        };
        let expires_at = Some(store.now() + DEMO_LINK_DAYS * 86_400);
        store.insert_link("1_demoroom", "Guest speakers", expires_at, None);
        store.insert_link("1_viewonlyroom", "Alumni", None, Some(200));
        store.insert_link("1_lobbyroom", "Office hours guests", expires_at, Some(50));
        store
    }

    /// Returns the stand-in's current time in Unix seconds: the real clock plus the offset
    /// set by the clock control.
    pub fn now(&self) -> i64 {
        let real = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        real as i64 + self.clock_offset
    }

    /// Finds an entry by id.
    pub fn entry(&self, entry_id: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.id == entry_id)
    }

    /// Finds an entry by id, for changing it.
    pub fn entry_mut(&mut self, entry_id: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|entry| entry.id == entry_id)
    }

    /// Returns the links of an entry, oldest first.
    pub fn links_of<'a>(&'a self, entry_id: &'a str) -> impl Iterator<Item = &'a Link> + 'a {
        self.links
            .iter()
            .filter(move |link| link.entry_id == entry_id)
    }

    /// Finds a link by id.
    pub fn link(&self, link_id: &str) -> Option<&Link> {
        self.links.iter().find(|link| link.id == link_id)
    }

    /// Finds a link by the token in its URL.
    pub fn link_by_token(&self, token: &str) -> Option<&Link> {
        self.links.iter().find(|link| link.token == token)
    }

    /// Adds a link with a fresh id and token and returns it.
    pub fn insert_link(
        &mut self,
        entry_id: &str,
        name: &str,
        expires_at: Option<i64>,
        clicks_limit: Option<u32>,
    ) -> &Link {
        let link = Link {
            id: format!("gl_{}", self.take_number()),
            entry_id: entry_id.to_owned(),
            name: name.to_owned(),
            token: new_token(),
            created_at: self.now(),
            expires_at,
            clicks_limit,
            clicks_used: 0,
        };
        self.links.push(link);
        self.links.last().expect("a link was just pushed")
    }

    /// Adds a ticket for a guest of `entry_id` and returns it.
    pub fn insert_ticket(&mut self, entry_id: &str, status: &'static str) -> &Ticket {
        let ticket = Ticket {
            id: format!("tk_{}", new_token()),
            entry_id: entry_id.to_owned(),
            status,
            created_at: self.now(),
        };
        self.tickets.push(ticket);
        self.tickets.last().expect("a ticket was just pushed")
    }

    /// Finds a ticket that has not outlived `TICKET_LIFETIME_SECONDS`.
    pub fn live_ticket(&self, ticket_id: &str) -> Option<&Ticket> {
        let now = self.now();
        self.tickets
            .iter()
            .find(|ticket| ticket.id == ticket_id)
            .filter(|ticket| now - ticket.created_at < TICKET_LIFETIME_SECONDS)
    }

    /// Returns the address guests open for a link.
    pub fn link_url(&self, link: &Link) -> String {
        format!("{}/guest/{}", self.origin, link.token)
    }

    /// Returns a link's state: inactive while guest access is off, then expired, then used up.
    pub fn link_status(&self, link: &Link) -> &'static str {
        let enabled = self
            .entry(&link.entry_id)
            .is_some_and(|entry| entry.enabled);
        if !enabled {
            "inactive"
        } else if link.expires_at.is_some_and(|expiry| expiry <= self.now()) {
            "expired"
        } else if link
            .clicks_limit
            .is_some_and(|limit| link.clicks_used >= limit)
        {
            "exhausted"
        } else {
            "active"
        }
    }

    /// Encodes an entry's settings as `KalturaGuestAccessSettings`.
    pub fn settings_json(&self, entry: &Entry) -> Value {
        json!({
            "objectType": "KalturaGuestAccessSettings",
            "entryId": entry.id,
            "entryName": entry.name,
            "entryType": entry.entry_type,
            "enabled": entry.enabled,
            "maxLinks": guest_access_rules::MAX_LINKS,
            "canManage": entry.can_manage,
        })
    }

    /// Encodes a link as `KalturaGuestLink`.
    pub fn link_json(&self, link: &Link) -> Value {
        json!({
            "objectType": "KalturaGuestLink",
            "id": link.id,
            "entryId": link.entry_id,
            "name": link.name,
            "url": self.link_url(link),
            "createdAt": link.created_at,
            "expiresAt": link.expires_at,
            "clicksLimit": link.clicks_limit,
            "clicksUsed": link.clicks_used,
            "status": self.link_status(link),
        })
    }

    /// Encodes a ticket as `KalturaGuestTicket`; only an admitted ticket has a `joinUrl`.
    pub fn ticket_json(&self, ticket: &Ticket) -> Value {
        let join_origin = self
            .entry(&ticket.entry_id)
            .and_then(|entry| entry.join_origin.as_deref())
            .unwrap_or(&self.origin);
        let join_url = (ticket.status == "admitted").then(|| {
            format!(
                "{join_origin}/session/{}?ticket={}",
                ticket.entry_id, ticket.id
            )
        });
        json!({
            "objectType": "KalturaGuestTicket",
            "ticket": ticket.id,
            "status": ticket.status,
            "joinUrl": join_url,
        })
    }

    /// Returns the body of `GET /config.json` in normal mode.
    pub fn config_json(&self) -> Value {
        let mut config = json!({
            "serviceUrl": self.origin,
            "ks": self.ks,
            "partnerId": 100,
            "allowedJoinOrigins": [self.origin],
        });
        if let Some(seconds) = self.request_timeout_seconds {
            config["requestTimeoutSeconds"] = json!(seconds);
        }
        config
    }

    /// Removes and returns the next fault queued for `action`, if any.
    pub fn take_fault(&mut self, action: &str) -> Option<Fault> {
        let queue = self.faults.get_mut(action)?;
        let fault = queue.first_mut()?.clone();
        if queue[0].remaining <= 1 {
            queue.remove(0);
        } else {
            queue[0].remaining -= 1;
        }
        Some(fault)
    }

    fn take_number(&mut self) -> u64 {
        self.next_number += 1;
        self.next_number - 1
    }
}

fn demo_entries() -> Vec<Entry> {
    let entry =
        |id: &str, name: &str, entry_type: &str, enabled, can_manage, requires_admission| Entry {
            id: id.to_owned(),
            name: name.to_owned(),
            entry_type: entry_type.to_owned(),
            enabled,
            can_manage,
            requires_admission,
            join_origin: None,
        };
    vec![
        entry(
            "1_demoroom",
            "Design review with guest speakers",
            "room",
            true,
            true,
            false,
        ),
        entry(
            "1_galleryroom",
            "Course media gallery",
            "mediaGalleryRoom",
            false,
            true,
            false,
        ),
        entry(
            "1_viewonlyroom",
            "Department all-hands",
            "room",
            true,
            false,
            false,
        ),
        entry("1_lobbyroom", "Office hours", "room", true, true, true),
        entry("1_newroom", "Research seminar", "room", false, true, false),
    ]
}

/// Makes a URL-safe token of 192 random bits.
pub fn new_token() -> String {
    let bytes: [u8; 24] = rand::random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
