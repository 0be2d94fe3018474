//! Whole-page message for something that stops the page from working.

use leptos::prelude::*;
use leptos_meta::Title;

/// A page with a heading that names the problem and children that explain what to do.
#[component]
pub fn ProblemPage(
    /// Heading and document title.
    #[prop(into)]
    title: String,
    /// Explanation and next steps.
    children: Children,
) -> impl IntoView {
    view! {
        <Title text=title.clone() />
        <main class="ga-page ga-problem">
            <h1>{title}</h1>
            {children()}
        </main>
    }
}
