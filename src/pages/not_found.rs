//! The page for any address the app does not know.

use leptos::prelude::*;

use crate::components::ProblemPage;

/// "Page not found", for any address outside the app's routes.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <ProblemPage title="Page not found">
            <p>"If you typed the address, check that it is correct."</p>
            <p>"If you followed a guest link, ask the person who sent it for a new one."</p>
        </ProblemPage>
    }
}
