//! Fixture data for the component gallery and the component tests: one entry, its links
//! and a guest's view of them, all at a fixed time so that dates never change.

use std::sync::Arc;

use guest_access_rules::{expiry_time, MAX_LINKS};

use crate::api::{
    ApiClient, EntryType, FixtureBackend, FixtureData, GuestAccessSettings, GuestLink,
    GuestLinkInfo, GuestTicket, LinkStatus, TicketStatus,
};
use crate::config::AppConfig;

/// Time the fixtures take as now: 2026-12-01 12:00 UTC, in Unix seconds.
pub const NOW: i64 = 1_796_126_400;

/// Id of the fixture entry.
pub const ENTRY_ID: &str = "1_fixture";

/// Token of the fixture guest link.
pub const TOKEN: &str = "fixture-token";

/// Name of a link that is exactly as long as a link name may be, with no space to wrap at.
pub const LONG_LINK_NAME: &str = "Department-of-Molecular-and-Cellular-Biology-visiting-\
                                  researchers-and-external-examiners-2026-2027v2";

/// Returns the settings of the fixture entry: a room with guest access on, which the
/// signed-in user may manage.
pub fn settings() -> GuestAccessSettings {
    GuestAccessSettings {
        entry_id: ENTRY_ID.into(),
        entry_name: "Cell biology: weekly seminar".into(),
        entry_type: EntryType::Room,
        enabled: true,
        max_links: MAX_LINKS as u32,
        can_manage: true,
    }
}

/// Returns the settings of the fixture entry with guest access turned off.
pub fn settings_off() -> GuestAccessSettings {
    GuestAccessSettings {
        enabled: false,
        ..settings()
    }
}

/// Returns the first `count` of three active links, which differ in clicks and expiry.
pub fn links(count: usize) -> Vec<GuestLink> {
    let samples = [
        ("Guest speakers", Some(25), 3, Some(7)),
        ("Parents' evening", None, 12, None),
        ("External examiners", Some(5), 1, Some(30)),
    ];
    samples
        .into_iter()
        .take(count)
        .enumerate()
        .map(|(index, (name, clicks_limit, clicks_used, days))| {
            link(index + 1, name, clicks_limit, clicks_used, days)
        })
        .collect()
}

/// Returns the links of `links`, made inactive because guest access is off.
pub fn inactive_links(count: usize) -> Vec<GuestLink> {
    links(count)
        .into_iter()
        .map(|link| GuestLink {
            status: LinkStatus::Inactive,
            ..link
        })
        .collect()
}

/// Returns an active link, an expired one and one whose clicks are used up.
pub fn links_in_each_state() -> Vec<GuestLink> {
    let mut expired = link(2, "Open day (last week)", Some(50), 8, Some(1));
    expired.created_at = NOW - 8 * 86_400;
    expired.expires_at = expiry_time(expired.created_at, Some(1));
    expired.status = LinkStatus::Expired;
    let mut used_up = link(3, "Visiting lecturer", Some(1), 1, Some(14));
    used_up.status = LinkStatus::Exhausted;
    vec![links(1).remove(0), expired, used_up]
}

/// Returns a link whose name has the maximum length and no space, and a short one.
pub fn links_with_long_name() -> Vec<GuestLink> {
    vec![
        link(1, LONG_LINK_NAME, Some(100_000), 99_999, Some(365)),
        links(2).remove(1),
    ]
}

fn link(
    number: usize,
    name: &str,
    clicks_limit: Option<u32>,
    clicks_used: u32,
    duration_days: Option<u32>,
) -> GuestLink {
    GuestLink {
        id: format!("fixture-link-{number}"),
        entry_id: ENTRY_ID.into(),
        name: name.into(),
        url: format!("https://media.example.org/guest/fixture-token-{number}"),
        created_at: NOW,
        expires_at: expiry_time(NOW, duration_days),
        clicks_limit,
        clicks_used,
        status: LinkStatus::Active,
    }
}

/// Returns what the fixture guest link leads to.
pub fn link_info() -> GuestLinkInfo {
    GuestLinkInfo {
        entry_id: ENTRY_ID.into(),
        entry_name: settings().entry_name,
        requires_admission: true,
    }
}

/// Returns a ticket with `status`. An admitted ticket carries a session address outside
/// the origins the app may open, so the page never leaves the gallery.
pub fn ticket(status: TicketStatus) -> GuestTicket {
    GuestTicket {
        ticket: "fixture-ticket".into(),
        status,
        join_url: (status == TicketStatus::Admitted)
            .then(|| "https://elsewhere.example.org/session".into()),
    }
}

/// Returns backend data with the fixture entry's `settings` and `links`.
pub fn data(settings: GuestAccessSettings, links: Vec<GuestLink>) -> FixtureData {
    FixtureData {
        settings,
        links,
        link_info: link_info(),
        ticket: ticket(TicketStatus::Waiting),
        now: NOW,
    }
}

/// Returns a client that sends no request and takes every result from `backend`.
pub fn client(backend: FixtureBackend) -> ApiClient {
    ApiClient::with_fixture(Arc::new(backend))
}

/// Returns a configuration with no session and no extra origin the guest page may open.
pub fn config() -> AppConfig {
    AppConfig {
        service_url: "https://media.example.org".into(),
        ks: None,
        partner_id: None,
        allowed_join_origins: Vec::new(),
        request_timeout_seconds: crate::api::TIMEOUT_SECONDS,
    }
}

#[cfg(test)]
mod tests {
    use guest_access_rules::{validate_link_name, LINK_NAME_MAX_CHARS};

    use super::*;

    #[test]
    fn long_name_is_at_limit() {
        assert_eq!(LONG_LINK_NAME.chars().count(), LINK_NAME_MAX_CHARS);
        assert!(validate_link_name(LONG_LINK_NAME).is_ok());
        assert!(!LONG_LINK_NAME.contains(' '));
    }

    #[test]
    fn each_state_has_its_status() {
        let statuses: Vec<LinkStatus> = links_in_each_state()
            .iter()
            .map(|link| link.status)
            .collect();
        assert_eq!(
            statuses,
            [
                LinkStatus::Active,
                LinkStatus::Expired,
                LinkStatus::Exhausted
            ]
        );
    }

    #[test]
    fn link_ids_are_unique() {
        let mut ids: Vec<String> = links(MAX_LINKS).into_iter().map(|link| link.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), MAX_LINKS);
    }
}
