//! One module per route.

#[cfg(feature = "gallery")]
mod gallery;
mod guest;
mod media;
mod not_found;

use leptos::prelude::*;

pub use guest::GuestPage;
pub use media::MediaPage;
pub use not_found::NotFoundPage;

/// The component gallery, or "Page not found" in builds without the `gallery` feature.
#[component]
pub fn GalleryOrNotFound() -> impl IntoView {
    #[cfg(feature = "gallery")]
    return gallery::GalleryPage();
    #[cfg(not(feature = "gallery"))]
    return NotFoundPage();
}
