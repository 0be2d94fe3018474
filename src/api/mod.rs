//! Client of the guest access backend: the only code that depends on the wire format.

mod client;
mod error;
#[cfg(feature = "gallery")]
mod fixture;
mod request;
mod wire;

pub(crate) use client::fetch_text;
pub use client::ApiClient;
#[cfg(test)]
use client::{accept_status, fetch_failure};
pub use error::{ApiError, ErrorCode, TIMEOUT_SECONDS};
#[cfg(feature = "gallery")]
pub use fixture::{api_error, Action, FixtureBackend, FixtureData, Reply};
pub use request::{action_path, request_body, CLIENT_TAG};
pub use wire::{
    decode_null, decode_object, EntryType, GuestAccessSettings, GuestDetails, GuestLink,
    GuestLinkInfo, GuestLinkList, GuestTicket, LinkStatus, NewGuestLink, TicketStatus, WireObject,
};

#[cfg(test)]
mod tests;
