//! One module per route.

mod guest;
mod media;
mod not_found;

pub use guest::{GuestFlow, GuestPage};
pub use media::{MediaEntry, MediaPage};
pub use not_found::NotFoundPage;
