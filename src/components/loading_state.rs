//! Busy indicator for content that is still loading.

use leptos::prelude::*;

use crate::tr;

/// Shows the whole app's busy page until `config.json` has arrived.
#[component]
pub fn AppLoading() -> impl IntoView {
    view! {
        <main class="ga-page">
            <LoadingState label=tr!("loading") />
        </main>
    }
}

/// A busy line, announced politely to screen readers.
#[component]
pub fn LoadingState(
    /// What is loading, such as "Loading guest links".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <p class="ga-loading" role="status">
            <span class="ga-loading__spinner" aria-hidden="true"></span>
            {label}
        </p>
    }
}
