//! The page for any address the app does not know.

use leptos::prelude::*;

use crate::components::ProblemPage;
use crate::tr;

/// "Page not found", for any address outside the app's routes.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <ProblemPage title=tr!("not-found-title")>
            <p>{tr!("not-found-typed")}</p>
            <p>{tr!("not-found-link")}</p>
        </ProblemPage>
    }
}
