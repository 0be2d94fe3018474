//! The media page of one entry.

use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{EntryType, GuestAccessSettings};
use crate::components::{
    Announcer, FailureNotice, LiveRegion, LoadingState, ManageGuestAccessDialog, MenuItem,
    MoreActionsMenu,
};
use crate::task::api_resource;
use crate::tr;

/// Media page of the entry named in the address.
#[component]
pub fn MediaPage(
    /// Entry named in the address.
    entry_id: String,
) -> impl IntoView {
    view! { <MediaEntry entry_id=Signal::stored(entry_id) /> }
}

/// Media page of one entry: its name, its player area and the three-dots menu below it.
#[component]
pub fn MediaEntry(
    /// Entry to show.
    #[prop(into)]
    entry_id: Signal<String>,
) -> impl IntoView {
    let settings = api_resource(
        move || entry_id.get(),
        |client, entry_id| async move { client.get_settings(&entry_id).await },
    );
    // After Retry the page is drawn anew and the button is gone, so the heading takes the
    // focus rather than leaving it on the page.
    let retried = StoredValue::new(false);
    // The link table shows dates and counts; its formatters are made while the settings load.
    crate::browser::prepare_formatters();

    view! {
        <main class="ga-page">
            {move || match settings.get() {
                None => view! { <LoadingState label=tr!("media-loading") /> }.into_any(),
                Some(Ok(settings)) => {
                    view! { <MediaContent settings take_focus=retried.get_value() /> }.into_any()
                }
                Some(Err(error)) => view! {
                    <Title text=tr!("media-unavailable") />
                    <h1>{tr!("media-unavailable")}</h1>
                    <FailureNotice error on_retry=move |_| {
                        retried.set_value(true);
                        settings.refetch();
                    } />
                }
                .into_any(),
            }}
        </main>
    }
}

/// Heading, player area and menu of a loaded entry.
#[component]
fn MediaContent(
    /// Settings of the entry, as loaded.
    settings: GuestAccessSettings,
    /// Whether the heading takes the focus once drawn.
    take_focus: bool,
) -> impl IntoView {
    let heading_ref = NodeRef::<html::H1>::new();
    if take_focus {
        request_animation_frame(move || {
            if let Some(heading) = heading_ref.try_get_untracked().flatten() {
                let _ = heading.focus();
            }
        });
    }
    Announcer::provide();
    let name = match settings.entry_name.trim() {
        "" => tr!("media-untitled"),
        name => name.to_owned(),
    };
    let manageable = settings.can_manage && settings.entry_type != EntryType::MediaGalleryRoom;
    let settings = RwSignal::new(settings);
    let (managing, set_managing) = signal(false);
    let menu_button = NodeRef::<html::Button>::new();
    let items = manageable
        .then(|| MenuItem {
            label: tr!("manage-guest-access"),
            on_select: Callback::new(move |()| set_managing.set(true)),
        })
        .into_iter()
        .collect::<Vec<_>>();
    let menu =
        (!items.is_empty()).then(|| view! { <MoreActionsMenu items button_ref=menu_button /> });

    view! {
        <Title text=name.clone() />
        <h1 class="ga-media-title" tabindex="-1" node_ref=heading_ref><bdi>{name}</bdi></h1>
        <div class="ga-player" role="img" aria-label=tr!("media-player")>
            <span class="ga-player__glyph" aria-hidden="true">"▶"</span>
        </div>
        <div class="ga-media-actions">{menu}</div>
        <Show when=move || managing.get()>
            <ManageGuestAccessDialog settings on_close=move |_| set_managing.set(false)
                return_focus=menu_button />
        </Show>
        <LiveRegion />
    }
}
