//! An in-memory backend that a client can use in place of the network, for the component
//! gallery and the component tests. It sends no request: every call returns a result from
//! the data it holds, or the reply set for that action.

use std::future::pending;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use guest_access_rules::{expiry_time, MAX_LINKS};

use super::error::{ApiError, ErrorCode};
use super::wire::{
    GuestAccessSettings, GuestDetails, GuestLink, GuestLinkInfo, GuestLinkList, GuestTicket,
    LinkStatus, NewGuestLink,
};

/// One action of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `guestaccess_settings.get`.
    GetSettings,
    /// `guestaccess_settings.update`.
    UpdateSettings,
    /// `guestaccess_guestlink.list`.
    ListLinks,
    /// `guestaccess_guestlink.add`.
    AddLink,
    /// `guestaccess_guestlink.delete`.
    DeleteLink,
    /// `guestaccess_guest.resolve`.
    Resolve,
    /// `guestaccess_guest.join`.
    Join,
    /// `guestaccess_guest.getTicket`.
    GetTicket,
}

/// How the in-memory backend replies to one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Replies from the backend's data, and changes it as the real backend would.
    Data,
    /// Never replies, like a call still in flight.
    Pending,
    /// Fails with this error.
    Fail(ApiError),
}

/// State of the in-memory backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixtureData {
    /// Settings of the one entry, whatever entry id a call names.
    pub settings: GuestAccessSettings,
    /// Links of the entry, oldest first.
    pub links: Vec<GuestLink>,
    /// What every guest token resolves to.
    pub link_info: GuestLinkInfo,
    /// Ticket that `join` and `getTicket` return.
    pub ticket: GuestTicket,
    /// Time the backend takes as now, in Unix seconds, so fixture dates never change.
    pub now: i64,
}

/// A backend in memory; `ApiClient::with_fixture` makes a client that calls it.
#[derive(Debug)]
pub struct FixtureBackend {
    data: Mutex<FixtureData>,
    replies: Vec<(Action, Reply)>,
    next_link: AtomicU32,
}

impl FixtureBackend {
    /// Creates a backend that replies from `data` to every action.
    pub fn new(data: FixtureData) -> Self {
        Self {
            data: Mutex::new(data),
            replies: Vec::new(),
            next_link: AtomicU32::new(1),
        }
    }

    /// Sets how the backend replies to `action`.
    #[must_use]
    pub fn reply(mut self, action: Action, reply: Reply) -> Self {
        self.replies.retain(|(known, _)| *known != action);
        self.replies.push((action, reply));
        self
    }

    /// Returns a copy of the current data, for tests that check what a call changed.
    pub fn snapshot(&self) -> FixtureData {
        self.data().clone()
    }

    pub(super) async fn get_settings(&self) -> Result<GuestAccessSettings, ApiError> {
        self.answer(Action::GetSettings, |data| Ok(data.settings.clone()))
            .await
    }

    pub(super) async fn update_settings(
        &self,
        enabled: bool,
    ) -> Result<GuestAccessSettings, ApiError> {
        self.answer(Action::UpdateSettings, |data| {
            data.settings.enabled = enabled;
            for link in &mut data.links {
                link.status = match (link.status, enabled) {
                    (LinkStatus::Active, false) => LinkStatus::Inactive,
                    (LinkStatus::Inactive, true) => LinkStatus::Active,
                    (status, _) => status,
                };
            }
            Ok(data.settings.clone())
        })
        .await
    }

    pub(super) async fn list_links(&self) -> Result<GuestLinkList, ApiError> {
        self.answer(Action::ListLinks, |data| {
            Ok(GuestLinkList {
                objects: data.links.clone(),
                total_count: u32::try_from(data.links.len()).unwrap_or(u32::MAX),
            })
        })
        .await
    }

    pub(super) async fn add_link(&self, link: &NewGuestLink) -> Result<GuestLink, ApiError> {
        let number = self.next_link.fetch_add(1, Ordering::Relaxed);
        self.answer(Action::AddLink, |data| {
            if !data.settings.enabled {
                return Err(api_error(ErrorCode::GuestAccessDisabled));
            }
            if data.links.len() >= data.settings.max_links as usize {
                return Err(api_error(ErrorCode::GuestLinkLimitReached));
            }
            let created = GuestLink {
                id: format!("fixture-new-{number}"),
                entry_id: data.settings.entry_id.clone(),
                name: link.name.clone(),
                url: format!("https://media.example.org/guest/fixture-token-new-{number}"),
                created_at: data.now,
                expires_at: expiry_time(data.now, link.duration_days),
                clicks_limit: link.clicks_limit,
                clicks_used: 0,
                status: LinkStatus::Active,
            };
            data.links.push(created.clone());
            Ok(created)
        })
        .await
    }

    pub(super) async fn delete_link(&self, link_id: &str) -> Result<(), ApiError> {
        self.answer(Action::DeleteLink, |data| {
            let before = data.links.len();
            data.links.retain(|link| link.id != link_id);
            if data.links.len() == before {
                Err(api_error(ErrorCode::GuestLinkNotFound))
            } else {
                Ok(())
            }
        })
        .await
    }

    pub(super) async fn resolve(&self) -> Result<GuestLinkInfo, ApiError> {
        self.answer(Action::Resolve, |data| Ok(data.link_info.clone()))
            .await
    }

    pub(super) async fn join(&self, _guest: &GuestDetails) -> Result<GuestTicket, ApiError> {
        self.answer(Action::Join, |data| Ok(data.ticket.clone()))
            .await
    }

    pub(super) async fn get_ticket(&self) -> Result<GuestTicket, ApiError> {
        self.answer(Action::GetTicket, |data| Ok(data.ticket.clone()))
            .await
    }

    /// Replies to `action` as set, running `from_data` for `Reply::Data`.
    async fn answer<T>(
        &self,
        action: Action,
        from_data: impl FnOnce(&mut FixtureData) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let reply = self
            .replies
            .iter()
            .find(|(known, _)| *known == action)
            .map_or(Reply::Data, |(_, reply)| reply.clone());
        match reply {
            Reply::Data => from_data(&mut self.data()),
            Reply::Fail(error) => Err(error),
            Reply::Pending => pending().await,
        }
    }

    fn data(&self) -> MutexGuard<'_, FixtureData> {
        // A panic while the lock was held cannot leave the data half changed, because
        // each change is one assignment or one `retain`.
        self.data.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Returns an API error with `code` and a message worded like the stand-in's.
pub fn api_error(code: ErrorCode) -> ApiError {
    let message = match code {
        ErrorCode::InvalidKs => "The session is missing or has expired.",
        ErrorCode::GuestAccessDisabled => "Guest access is turned off for this session.",
        ErrorCode::GuestLinkLimitReached => {
            return ApiError::Api {
                code,
                message: format!("This entry already has the maximum of {MAX_LINKS} guest links."),
                args: Default::default(),
            };
        }
        ErrorCode::GuestLinkNotFound => "This guest link does not exist or was deleted.",
        ErrorCode::GuestLinkExpired => "This guest link has expired.",
        ErrorCode::GuestLinkExhausted => {
            "This guest link has been used the maximum number of times."
        }
        ErrorCode::EntryIdNotFound => "The entry was not found.",
        ErrorCode::GuestTicketNotFound => "The ticket is unknown or has expired.",
        ErrorCode::GuestAccessNotSupported => {
            "Guest access is not supported for media gallery rooms."
        }
        _ => "The request was rejected.",
    };
    ApiError::Api {
        code,
        message: message.into(),
        args: Default::default(),
    }
}
