//! The component gallery for designers; built only with the `gallery` feature.

use leptos::prelude::*;
use leptos_meta::Title;

/// Index of the component gallery.
#[component]
pub fn GalleryPage() -> impl IntoView {
    view! {
        <Title text="Component gallery" />
        <main class="ga-page">
            <h1>"Component gallery"</h1>
            <p>"Each component of the app, in each of its states, rendered from fixture data."</p>
            // NOTE: no component has gallery states yet; this page only reserves the route.
            <p>"No components have gallery states yet."</p>
        </main>
    }
}
