//! The page a guest opens from a guest link.

use leptos::prelude::*;
use leptos_meta::Title;

/// Entry page of a guest link.
#[component]
pub fn GuestPage() -> impl IntoView {
    // NOTE: the entry form (resolve, name and email, join) is not built yet; the route is
    // reserved so that guest links printed by the stand-in already lead here.
    view! {
        <Title text="Join as a guest" />
        <main class="ga-page">
            <h1>"Join as a guest"</h1>
            <p>"Guest entry is not available in this version of the app yet."</p>
        </main>
    }
}
