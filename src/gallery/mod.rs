//! The component gallery for designers, built only with the `gallery` feature: every state
//! of every component, rendered by the product's own components from fixture data, with
//! no backend and no `config.json`.
//!
//! `/gallery` lists the states. `/gallery/{component}/{state}` shows one in a frame with a
//! toolbar for theme, direction and width, kept in the address. The frame itself is
//! `/gallery/{component}/{state}/frame`, a page of its own, so that media queries and
//! modal dialogs see the frame's width as the viewport.

mod catalogue;
mod play;
mod preview;

use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::path;

use crate::api::{FixtureBackend, FixtureData};
use crate::components::{
    Announcer, CreateLinkDialog, DeleteLinkDialog, LinkTable, LoadingState, ManageGuestAccessDialog,
};
use crate::config::ConfigError;
use crate::fixtures;
use crate::pages::{GuestFlow, MediaEntry, NotFoundPage};
use crate::ConfigErrorPage;
use catalogue::{catalogue, find, Entry, Subject};
use play::play;
use preview::{toolbar_groups, Preview};

/// Tells whether `pathname` is the gallery or one of its pages, for an app whose base
/// path is `base_path`.
pub fn is_gallery_path(pathname: &str, base_path: &str) -> bool {
    let Some(rest) = pathname.strip_prefix(base_path.trim_end_matches('/')) else {
        return false;
    };
    rest == "/gallery" || rest.starts_with("/gallery/")
}

/// The gallery's router and pages.
#[component]
pub fn Gallery(
    /// Path of the app's base, such as `/` or `/guest-access/`.
    base_path: String,
) -> impl IntoView {
    let base = crate::config::router_base(&base_path);
    provide_context(BasePath(base_path));

    view! {
        <Stylesheet id="ga-gallery-style" href="gallery.css" />
        <Router base>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/gallery") view=GalleryIndex />
                <Route path=path!("/gallery/:component/:state") view=StatePage />
                <Route path=path!("/gallery/:component/:state/frame") view=StateFrame />
            </Routes>
        </Router>
    }
}

/// Path of the app's base, ending in `/`, for building the gallery's addresses.
#[derive(Clone)]
struct BasePath(String);

impl BasePath {
    fn join(&self, path: &str) -> String {
        format!("{}/{path}", self.0.trim_end_matches('/'))
    }
}

/// Index of the gallery: every state, grouped by component.
#[component]
fn GalleryIndex() -> impl IntoView {
    let base = expect_context::<BasePath>();
    let mut groups: Vec<(&'static str, Vec<Entry>)> = Vec::new();
    for entry in catalogue() {
        match groups.last_mut() {
            Some((group, entries)) if *group == entry.group => entries.push(entry),
            _ => groups.push((entry.group, vec![entry])),
        }
    }
    let sections = groups
        .into_iter()
        .map(|(group, entries)| {
            let items = entries
                .into_iter()
                .map(|entry| {
                    let path = entry.path();
                    view! {
                        <li>
                            <a href=base.join(&path) data-gallery-state=path>{entry.title}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="ga-gallery__group">
                    <h2>{group}</h2>
                    <ul class="ga-gallery__states">{items}</ul>
                </section>
            }
        })
        .collect_view();

    view! {
        <Title text="Component gallery" />
        <main class="ga-page ga-gallery">
            <h1>"Component gallery"</h1>
            <p>
                "Each state of each component, drawn by the app's own components from \
                 fixture data, with no backend. A state opens with a toolbar for theme, \
                 direction and width, and its address keeps them, so it can be shared."
            </p>
            {sections}
        </main>
    }
}

/// One state in a frame, with the toolbar.
#[component]
fn StatePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let preview = Memo::new(move |_| {
        query.with(|query| {
            Preview::from_query(
                query.get_str("theme"),
                query.get_str("dir"),
                query.get_str("width"),
            )
        })
    });

    move || {
        let (component, state) = params.with(|params| {
            (
                params.get("component").unwrap_or_default(),
                params.get("state").unwrap_or_default(),
            )
        });
        match find(&component, &state) {
            Some((index, entry)) => view! { <StatePreview index entry preview /> }.into_any(),
            None => view! { <UnknownState /> }.into_any(),
        }
    }
}

/// Toolbar and frame of one gallery state.
#[component]
fn StatePreview(
    /// Position of the entry in the catalogue.
    index: usize,
    /// The entry.
    entry: Entry,
    /// Theme, direction and width from the address.
    preview: Memo<Preview>,
) -> impl IntoView {
    let base = expect_context::<BasePath>();
    let entries = catalogue();
    let neighbour = |position: Option<usize>| {
        position
            .and_then(|position| entries.get(position))
            .map(|entry| (entry.path(), format!("{}: {}", entry.group, entry.title)))
    };
    let previous = neighbour(index.checked_sub(1));
    let next = neighbour(index.checked_add(1));
    let path = entry.path();
    let heading = format!("{}: {}", entry.group, entry.title);
    let link_to = {
        let base = base.clone();
        move |path: &str, preview: Preview| format!("{}?{}", base.join(path), preview.to_query())
    };
    let frame_src = {
        let (base, path) = (base.clone(), path.clone());
        move || {
            let preview = preview.get();
            format!(
                "{}/frame?theme={}&dir={}",
                base.join(&path),
                preview.theme.as_str(),
                preview.direction.as_str()
            )
        }
    };
    let step_link = {
        let link_to = link_to.clone();
        move |target: Option<(String, String)>, rel: &'static str, label: &'static str| {
            let link_to = link_to.clone();
            target.map(|(path, name)| {
                view! {
                    <a rel=rel href=move || link_to(&path, preview.get())
                        aria-label=format!("{label}: {name}")>{label}</a>
                }
            })
        }
    };
    let groups = toolbar_groups()
        .into_iter()
        .map(|(name, choices)| {
            let links = choices
                .into_iter()
                .map(|choice| {
                    let (link_to, path) = (link_to.clone(), path.clone());
                    view! {
                        <a class="ga-gallery__choice"
                            href=move || link_to(&path, choice.apply(preview.get()))
                            aria-current=move || choice.is_selected(preview.get()).then_some("true")>
                            {choice.label()}
                        </a>
                    }
                })
                .collect_view();
            view! { <div role="group" aria-label=name class="ga-gallery__choice-group">{links}</div> }
        })
        .collect_view();

    view! {
        <Title text=format!("{heading} · Component gallery") />
        <div class="ga-gallery-state">
            <header class="ga-gallery-toolbar">
                <nav class="ga-gallery-toolbar__nav" aria-label="Gallery">
                    <a href=base.join("gallery")>"All components"</a>
                    {step_link(previous, "prev", "Previous")}
                    {step_link(next, "next", "Next")}
                </nav>
                <h1 class="ga-gallery-toolbar__title">{heading.clone()}</h1>
                <div class="ga-gallery-toolbar__choices">
                    {groups}
                    <a href=frame_src.clone() target="_blank" rel="noopener noreferrer">"Open the frame alone"</a>
                </div>
            </header>
            <div class="ga-gallery-stage">
                <iframe class="ga-gallery-frame" title=format!("Preview of {heading}")
                    src=frame_src width=move || preview.get().width.to_string()></iframe>
            </div>
        </div>
    }
}

/// Shown for a gallery address that names no state.
#[component]
fn UnknownState() -> impl IntoView {
    let base = expect_context::<BasePath>();

    view! {
        <Title text="State not found · Component gallery" />
        <main class="ga-page ga-problem">
            <h1>"This gallery state does not exist"</h1>
            <p>"It may have been renamed. The index lists every state there is."</p>
            <p><a href=base.join("gallery")>"All components"</a></p>
        </main>
    }
}

/// One state on its own page: the component, rendered with the entry's fixture backend and
/// brought into its state by the entry's steps. `data-gallery-ready` on `<html>` becomes
/// `true` once the steps are done, or `failed` when one could not be done.
#[component]
fn StateFrame() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let query = use_query_map().get_untracked();
    let preview = Preview::from_query(query.get_str("theme"), query.get_str("dir"), None);
    let root = document().document_element();
    if let Some(root) = &root {
        let _ = root.set_attribute("data-theme", preview.theme.as_str());
        let _ = root.set_attribute("dir", preview.direction.as_str());
    }
    let found = find(
        &params.get("component").unwrap_or_default(),
        &params.get("state").unwrap_or_default(),
    );
    let Some((_, entry)) = found else {
        return view! { <UnknownState /> }.into_any();
    };

    let announcer = Announcer::provide();
    provide_context(fixtures::config());
    let backend = entry.replies.iter().fold(
        FixtureBackend::new(entry.data.clone()),
        |backend, (action, reply)| backend.reply(*action, reply.clone()),
    );
    provide_context(fixtures::client(backend));
    let steps = entry.steps.clone();
    leptos::task::spawn_local(async move {
        let result = play(&steps, announcer).await;
        let state = match result {
            Ok(()) => "true",
            Err(failure) => {
                leptos::logging::error!(
                    "gallery step {:?} failed: {}",
                    failure.step,
                    failure.reason
                );
                "failed"
            }
        };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-gallery-ready", state);
        }
    });

    view! {
        <Title text=entry.title />
        {render(entry.subject, entry.data)}
    }
    .into_any()
}

/// Renders the product component an entry shows.
fn render(subject: Subject, data: FixtureData) -> AnyView {
    let entry_id = data.settings.entry_id.clone();
    match subject {
        Subject::MediaPage => view! { <MediaEntry entry_id /> }.into_any(),
        Subject::ManageDialog => reopenable(move |close| {
            let settings = RwSignal::new(data.settings.clone());
            view! {
                <ManageGuestAccessDialog settings on_close=close return_focus=NodeRef::new() />
            }
            .into_any()
        }),
        Subject::CreateDialog => reopenable(move |close| {
            view! {
                <CreateLinkDialog entry_id=entry_id.clone() on_cancel=close
                    on_created=move |_| close.run(()) />
            }
            .into_any()
        }),
        Subject::DeleteDialog => {
            let link = data
                .links
                .first()
                .cloned()
                .unwrap_or_else(|| fixtures::links(1).remove(0));
            reopenable(move |close| {
                view! {
                    <DeleteLinkDialog link=link.clone() on_cancel=close
                        on_done=move |_| close.run(()) />
                }
                .into_any()
            })
        }
        Subject::LinkTable => view! {
            <main class="ga-page">
                <h1 class="ga-visually-hidden">"Guest links"</h1>
                <LinkTable links=data.links on_copy=|_| {} on_delete=|_| {} />
            </main>
        }
        .into_any(),
        Subject::GuestPage => view! { <GuestFlow token=fixtures::TOKEN.to_owned() /> }.into_any(),
        Subject::AppLoading => view! { <LoadingState label="Loading" /> }.into_any(),
        Subject::ConfigError => {
            view! { <ConfigErrorPage error=ConfigError::Status(404) /> }.into_any()
        }
        Subject::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Wraps a dialog so that it is open at first and a button opens it again once closed.
fn reopenable(dialog: impl Fn(Callback<()>) -> AnyView + Send + Sync + 'static) -> AnyView {
    let open = RwSignal::new(true);
    let close = Callback::new(move |()| open.set(false));

    view! {
        <main class="ga-page">
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" class="ga-button" on:click=move |_| open.set(true)>
                    "Open the dialog again"
                </button>
            }>
                {dialog(close)}
            </Show>
        </main>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::is_gallery_path;

    #[test]
    fn gallery_paths_at_root() {
        assert!(is_gallery_path("/gallery", "/"));
        assert!(is_gallery_path("/gallery/", "/"));
        assert!(is_gallery_path("/gallery/toast/link-copied", "/"));
        assert!(!is_gallery_path("/galleryx", "/"));
        assert!(!is_gallery_path("/media/gallery", "/"));
    }

    #[test]
    fn gallery_paths_under_base() {
        assert!(is_gallery_path("/app/gallery", "/app/"));
        assert!(is_gallery_path("/app/gallery/page/not-found", "/app"));
        assert!(!is_gallery_path("/gallery", "/app/"));
    }
}
