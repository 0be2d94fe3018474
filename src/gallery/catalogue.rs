//! Every state of every component the gallery shows: which component, which fixture data
//! and backend replies, and which steps bring it into that state.

use crate::api::TicketStatus;
use crate::api::{api_error, Action, ApiError, ErrorCode, FixtureData, Reply};
use crate::fixtures::{
    data, inactive_links, links, links_in_each_state, links_with_long_name, settings, settings_off,
    ticket,
};
use crate::gallery::play::Step;

/// Component, or page, that a gallery entry renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The media page of the fixture entry, with its menu.
    MediaPage,
    /// The Manage guest access dialog.
    ManageDialog,
    /// The Create new link dialog.
    CreateDialog,
    /// The delete confirmation of the fixture's first link.
    DeleteDialog,
    /// The link table on its own.
    LinkTable,
    /// The guest page of the fixture link.
    GuestPage,
    /// The loading state of the whole app.
    AppLoading,
    /// The page for a configuration that could not be loaded.
    ConfigError,
    /// The page for an unknown address.
    NotFound,
}

/// One state of one component.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Heading of the index group the entry is listed under.
    pub group: &'static str,
    /// Component part of the entry's address.
    pub component: &'static str,
    /// State part of the entry's address.
    pub state: &'static str,
    /// Name of the state in the index and the toolbar.
    pub title: &'static str,
    /// Component or page the entry renders.
    pub subject: Subject,
    /// Data of the in-memory backend.
    pub data: FixtureData,
    /// Replies that differ from the default, which replies from the data.
    pub replies: Vec<(Action, Reply)>,
    /// Steps done after rendering.
    pub steps: Vec<Step>,
}

impl Entry {
    fn new(
        group: &'static str,
        component: &'static str,
        state: &'static str,
        title: &'static str,
        subject: Subject,
    ) -> Self {
        Self {
            group,
            component,
            state,
            title,
            subject,
            data: data(settings(), links(2)),
            replies: Vec::new(),
            steps: Vec::new(),
        }
    }

    fn data(mut self, data: FixtureData) -> Self {
        self.data = data;
        self
    }

    fn reply(mut self, action: Action, reply: Reply) -> Self {
        self.replies.push((action, reply));
        self
    }

    fn fail(self, action: Action, error: ApiError) -> Self {
        self.reply(action, Reply::Fail(error))
    }

    fn steps(mut self, steps: impl IntoIterator<Item = Step>) -> Self {
        self.steps.extend(steps);
        self
    }

    /// Returns the address of the entry, relative to the app's base.
    pub fn path(&self) -> String {
        format!("gallery/{}/{}", self.component, self.state)
    }
}

/// Finds the entry at `component` and `state`.
pub fn find(component: &str, state: &str) -> Option<(usize, Entry)> {
    catalogue()
        .into_iter()
        .enumerate()
        .find(|(_, entry)| entry.component == component && entry.state == state)
}

const MENU: &str = "Menu";
const MANAGE: &str = "Manage guest access dialog";
const CREATE: &str = "Create new link form";
const TABLE: &str = "Link table and rows";
const CONFIRM: &str = "Confirmation dialog";
const TOASTS: &str = "Toasts";
const GUEST_ENTRY: &str = "Guest entry page";
const WAITING: &str = "Waiting page";
const GUEST_ERRORS: &str = "Guest error pages";
const LOADING: &str = "Loading and failure states";

const SUBMIT: &str = "button[type='submit']";
const SWITCH: &str = "[role='switch']";

/// Name longer than a link name may be, with no space to wrap at.
const TOO_LONG_LINK_NAME: &str = "Department-of-Molecular-and-Cellular-Biology-visiting-\
                                  researchers-and-external-examiners-2026-2027-spring-term";

/// Returns every entry, in the order of the index.
pub fn catalogue() -> Vec<Entry> {
    let mut entries = Vec::new();
    entries.extend(menu_entries());
    entries.extend(manage_entries());
    entries.extend(create_entries());
    entries.extend(table_entries());
    entries.extend(confirm_entries());
    entries.extend(toast_entries());
    entries.extend(guest_entries());
    entries.extend(loading_entries());
    entries
}

fn menu_entries() -> Vec<Entry> {
    use Subject::MediaPage;
    vec![
        Entry::new(MENU, "more-actions-menu", "closed", "Closed", MediaPage),
        Entry::new(MENU, "more-actions-menu", "open", "Open", MediaPage)
            .steps([Step::Click(".ga-menu__button")]),
    ]
}

fn manage_entries() -> Vec<Entry> {
    use Subject::ManageDialog;
    let with_links = |state, title, count| {
        Entry::new(MANAGE, "manage-guest-access", state, title, ManageDialog)
            .data(data(settings(), links(count)))
    };
    let entry = |state, title| with_links(state, title, 2);
    vec![
        with_links("no-links", "No links", 0),
        with_links("one-link", "One link", 1),
        with_links("two-links", "Two links", 2),
        with_links("three-links", "Three links, the maximum", 3),
        entry("access-off", "Guest access off").data(data(settings_off(), inactive_links(2))),
        entry("long-name", "Very long link name").data(data(settings(), links_with_long_name())),
        entry("loading", "Loading links").reply(Action::ListLinks, Reply::Pending),
        entry("load-failed", "Links failed to load").fail(Action::ListLinks, ApiError::Network),
        entry("session-expired", "Session expired")
            .fail(Action::ListLinks, api_error(ErrorCode::InvalidKs)),
        entry("saving", "Saving the switch")
            .reply(Action::UpdateSettings, Reply::Pending)
            .steps([Step::Click(SWITCH)]),
        entry("save-failed", "Switch change failed")
            .fail(Action::UpdateSettings, ApiError::Timeout)
            .steps([Step::Click(SWITCH)]),
    ]
}

fn create_entries() -> Vec<Entry> {
    use Subject::CreateDialog;
    let entry = |state, title| Entry::new(CREATE, "create-link-form", state, title, CreateDialog);
    let name = Step::Type("field-link-name", "Guest speakers");
    vec![
        entry("empty", "Empty"),
        entry("filled", "Filled").steps([
            name.clone(),
            Step::Type("field-clicks", "25"),
            Step::Type("field-duration", "7"),
        ]),
        entry("name-missing", "Name missing").steps([Step::Click(SUBMIT)]),
        entry("name-too-long", "Name too long").steps([
            Step::Type("field-link-name", TOO_LONG_LINK_NAME),
            Step::Click(SUBMIT),
        ]),
        entry("clicks-invalid", "# of clicks not a number").steps([
            name.clone(),
            Step::Type("field-clicks", "ten"),
            Step::Click(SUBMIT),
        ]),
        entry("duration-too-long", "Duration too long").steps([
            name.clone(),
            Step::Type("field-duration", "400"),
            Step::Click(SUBMIT),
        ]),
        entry("all-invalid", "Every field invalid").steps([
            Step::Type("field-clicks", "0"),
            Step::Type("field-duration", "-1"),
            Step::Click(SUBMIT),
        ]),
        entry("limit-reached", "Limit reached elsewhere")
            .data(data(settings(), links(3)))
            .steps([name.clone(), Step::Click(SUBMIT)]),
        entry("submitting", "Submitting")
            .reply(Action::AddLink, Reply::Pending)
            .steps([name.clone(), Step::Click(SUBMIT)]),
        entry("failed", "Request failed")
            .fail(Action::AddLink, ApiError::Network)
            .steps([name, Step::Click(SUBMIT)]),
    ]
}

fn table_entries() -> Vec<Entry> {
    use Subject::LinkTable;
    let entry = |state, title| Entry::new(TABLE, "link-table", state, title, LinkTable);
    vec![
        entry("active", "Active links").data(data(settings(), links(3))),
        entry("expired-and-used-up", "Expired and used up")
            .data(data(settings(), links_in_each_state())),
        entry("inactive", "Inactive, access off").data(data(settings_off(), inactive_links(3))),
        entry("long-name", "Very long name").data(data(settings(), links_with_long_name())),
    ]
}

fn confirm_entries() -> Vec<Entry> {
    use Subject::DeleteDialog;
    let entry =
        |state, title| Entry::new(CONFIRM, "delete-link-dialog", state, title, DeleteDialog);
    let delete = Step::Click(".ga-button--danger");
    vec![
        entry("confirm", "Delete confirmation"),
        entry("long-name", "Very long link name").data(data(settings(), links_with_long_name())),
        entry("deleting", "Deleting")
            .reply(Action::DeleteLink, Reply::Pending)
            .steps([delete.clone()]),
        entry("failed", "Delete failed")
            .fail(Action::DeleteLink, ApiError::Status(503))
            .steps([delete]),
    ]
}

fn toast_entries() -> Vec<Entry> {
    use Subject::ManageDialog;
    let entry = |state, title| Entry::new(TOASTS, "toast", state, title, ManageDialog);
    vec![
        entry("link-copied", "Link copied").steps([Step::Announce("link-copied")]),
        entry("link-deleted", "Link deleted")
            .data(data(settings(), links(1)))
            .steps([Step::Announce("link-deleted")]),
        entry("access-turned-off", "Guest access turned off")
            .data(data(settings_off(), inactive_links(2)))
            .steps([Step::Announce("access-turned-off")]),
        entry("copy-fallback", "Copy fallback")
            .steps([Step::RejectClipboard, Step::Click("[data-action='copy']")]),
    ]
}

fn guest_entries() -> Vec<Entry> {
    use Subject::GuestPage;
    let entry =
        |group, component, state, title| Entry::new(group, component, state, title, GuestPage);
    let form = |state, title| entry(GUEST_ENTRY, "guest-entry", state, title);
    let waiting = |state, title| entry(WAITING, "guest-waiting", state, title);
    let problem = |state, title| entry(GUEST_ERRORS, "guest-error", state, title);
    let resolve_fails = |state, title, error| problem(state, title).fail(Action::Resolve, error);
    let fill = [
        Step::Type("guest-name", "Dana Levi"),
        Step::Type("guest-email", "dana.levi@example.org"),
    ];
    let join = || fill.iter().cloned().chain([Step::Click(SUBMIT)]);
    let with_ticket = |status| {
        let mut data = data(settings(), links(2));
        data.ticket = ticket(status);
        data
    };
    let unsteady = "main p.ga-field__hint";

    let link_problems = [
        (
            "access-off",
            "Guest access off",
            ErrorCode::GuestAccessDisabled,
        ),
        (
            "link-not-found",
            "Link deleted or mistyped",
            ErrorCode::GuestLinkNotFound,
        ),
        ("link-expired", "Link expired", ErrorCode::GuestLinkExpired),
        (
            "link-used-up",
            "Link used up",
            ErrorCode::GuestLinkExhausted,
        ),
        ("room-deleted", "Room deleted", ErrorCode::EntryIdNotFound),
        (
            "gallery-room",
            "Media gallery room",
            ErrorCode::GuestAccessNotSupported,
        ),
    ]
    .map(|(state, title, code)| resolve_fails(state, title, api_error(code)));

    let mut entries = vec![
        form("checking", "Checking the link").reply(Action::Resolve, Reply::Pending),
        form("empty", "Empty"),
        form("filled", "Filled").steps(fill.clone()),
        form("invalid", "Both fields missing").steps([Step::Click(SUBMIT)]),
        form("invalid-email", "Email invalid").steps([
            Step::Type("guest-name", "Dana Levi"),
            Step::Type("guest-email", "dana.levi"),
            Step::Click(SUBMIT),
        ]),
        form("submitting", "Submitting")
            .reply(Action::Join, Reply::Pending)
            .steps(join()),
        form("failed", "Request failed")
            .fail(Action::Join, ApiError::Network)
            .steps(join()),
        waiting("waiting", "Waiting for the moderator")
            .reply(Action::GetTicket, Reply::Pending)
            .steps(join()),
        waiting("unsteady", "Waiting, connection unsteady")
            .fail(Action::GetTicket, ApiError::Network)
            .steps(join().chain([Step::WaitFor(unsteady)])),
        waiting("denied", "Declined by the moderator")
            .data(with_ticket(TicketStatus::Denied))
            .steps(join()),
    ];
    entries.extend(link_problems);
    entries.extend([
        problem("ticket-expired", "Request to join expired")
            .fail(Action::GetTicket, api_error(ErrorCode::GuestTicketNotFound))
            .steps(join().chain([Step::WaitFor(".ga-problem")])),
        resolve_fails("unreachable", "Server unreachable", ApiError::Network),
        resolve_fails("server-error", "Server error", ApiError::Status(500)),
        resolve_fails(
            "rejected",
            "Rejected with the server's message",
            ApiError::Api {
                code: ErrorCode::Other("SERVICE_UNAVAILABLE".into()),
                message: "Guest access is paused for maintenance until 14:00 UTC.".into(),
                args: Default::default(),
            },
        ),
        problem("unsafe-session-address", "Session address not allowed")
            .data(with_ticket(TicketStatus::Admitted))
            .steps(join()),
    ]);
    entries
}

fn loading_entries() -> Vec<Entry> {
    let entry = |state, title, subject| Entry::new(LOADING, "page", state, title, subject);
    vec![
        entry("app-loading", "App loading", Subject::AppLoading),
        entry("media-loading", "Media page loading", Subject::MediaPage)
            .reply(Action::GetSettings, Reply::Pending),
        entry("media-failed", "Media page failed", Subject::MediaPage)
            .fail(Action::GetSettings, ApiError::Timeout),
        entry(
            "media-session-expired",
            "Media page, session expired",
            Subject::MediaPage,
        )
        .fail(Action::GetSettings, api_error(ErrorCode::InvalidKs)),
        entry(
            "config-error",
            "Configuration missing",
            Subject::ConfigError,
        ),
        entry("not-found", "Page not found", Subject::NotFound),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn addresses_are_unique() {
        let entries = catalogue();
        let paths: HashSet<String> = entries.iter().map(Entry::path).collect();
        assert_eq!(paths.len(), entries.len());
    }

    #[test]
    fn addresses_are_url_safe() {
        for entry in catalogue() {
            let path = entry.path();
            let safe = path
                .chars()
                .all(|character| character.is_ascii_lowercase() || "-/".contains(character));
            assert!(safe, "{path}");
        }
    }

    #[test]
    fn groups_are_contiguous() {
        let groups: Vec<&str> = catalogue().iter().map(|entry| entry.group).collect();
        let mut seen = Vec::new();
        for group in groups {
            if seen.last() != Some(&group) {
                assert!(!seen.contains(&group), "{group} is split");
                seen.push(group);
            }
        }
    }

    #[test]
    fn find_returns_position() {
        let (index, entry) = find("create-link-form", "failed").unwrap();
        assert_eq!(entry.title, "Request failed");
        assert_eq!(catalogue()[index].path(), entry.path());
        assert!(find("create-link-form", "missing").is_none());
    }

    #[test]
    fn too_long_name_exceeds_limit() {
        let length = TOO_LONG_LINK_NAME.chars().count();
        assert!(length > guest_access_rules::LINK_NAME_MAX_CHARS);
    }
}
