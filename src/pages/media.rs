//! The media page of one entry.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{EntryType, GuestAccessSettings};
use crate::components::{FailureNotice, LinkList, LoadingState};
use crate::task::api_resource;

/// Media page: the entry's name, its player area and its guest access.
#[component]
pub fn MediaPage() -> impl IntoView {
    let params = use_params_map();
    let entry_id = Memo::new(move |_| params.read().get("entry_id").unwrap_or_default());
    let settings = api_resource(
        move || entry_id.get(),
        |client, entry_id| async move { client.get_settings(&entry_id).await },
    );

    view! {
        <main class="ga-page">
            <Suspense fallback=|| view! { <LoadingState label="Loading media" /> }>
                {move || settings.get().map(|loaded| match loaded {
                    Ok(settings) => view! { <MediaContent settings /> }.into_any(),
                    Err(error) => view! {
                        <Title text="Media unavailable" />
                        <h1>"Media unavailable"</h1>
                        <FailureNotice error on_retry=move |_| settings.refetch() />
                    }
                    .into_any(),
                })}
            </Suspense>
        </main>
    }
}

/// Heading, player area and guest access section of a loaded entry.
#[component]
fn MediaContent(
    /// Settings of the entry, as loaded.
    settings: GuestAccessSettings,
) -> impl IntoView {
    let name = settings.entry_name.clone();

    view! {
        <Title text=name.clone() />
        <h1 class="ga-media-title">{name}</h1>
        <div class="ga-player" role="img" aria-label="Media player">
            <span class="ga-player__glyph" aria-hidden="true">"▶"</span>
        </div>
        <div class="ga-media-actions"></div>
        <section class="ga-panel" aria-labelledby="ga-guest-access-heading">
            <h2 id="ga-guest-access-heading">"Guest access"</h2>
            <GuestAccessSummary settings />
        </section>
    }
}

/// Whether guest access is on, and the links, or why the user cannot manage them.
#[component]
fn GuestAccessSummary(
    /// Settings of the entry, as loaded.
    settings: GuestAccessSettings,
) -> impl IntoView {
    if settings.entry_type == EntryType::MediaGalleryRoom {
        return view! { <p>"Guest access is not supported for media gallery rooms."</p> }
            .into_any();
    }
    if !settings.can_manage {
        return view! {
            <p>"You don't have permission to manage guest links for this media."</p>
        }
        .into_any();
    }
    let state = if settings.enabled {
        "Guest access is on."
    } else {
        "Guest access is off."
    };
    let entry_id = settings.entry_id;

    view! {
        <p class="ga-access-state">{state}</p>
        <LinkList entry_id />
    }
    .into_any()
}
