//! The component gallery for designers, built only with the `gallery` feature: every state
//! of every component, rendered by the product's own components from fixture data, with
//! no backend and no `config.json`.
//!
//! `/gallery` lists the states. `/gallery/{component}/{state}` shows one in a frame with a
//! toolbar for language, theme, direction and width, kept in the address. The frame itself is
//! `/gallery/{component}/{state}/frame`, a page of its own, so that media queries and
//! modal dialogs see the frame's width as the viewport.

mod catalogue;
mod play;
mod preview;

use leptos::html;
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::path;

use crate::api::{FixtureBackend, FixtureData};
use crate::components::{
    Announcer, AppLoading, CreateLinkDialog, DeleteLinkDialog, LinkTable, ManageGuestAccessDialog,
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

/// Routes the gallery's pages: the index, each state, and each state's frame.
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
            <Routes fallback=UnknownState>
                <Route path=path!("/gallery") view=GalleryIndex />
                <Route path=path!("/gallery/:component/:state") view=StatePage />
                <Route path=path!("/gallery/:component/:state/frame") view=StateFrame />
            </Routes>
        </Router>
    }
}

/// Message a frame posts to the gallery page once its state is ready.
const READY_MESSAGE: &str = "ga-gallery-ready";

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
                 fixture data, with no backend. A state opens with a toolbar for language, theme, \
                 direction and width, and its address keeps them, so it can be shared."
            </p>
            {sections}
        </main>
    }
}

/// Shows one state in a frame, with the toolbar.
#[component]
fn StatePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let preview = Memo::new(move |_| query.with(|query| Preview::from_query(|key| query.get(key))));
    let position = Memo::new(move |_| {
        params.with(|params| {
            let component = params.get("component").unwrap_or_default();
            let state = params.get("state").unwrap_or_default();
            find(&component, &state).map(|(index, _)| index)
        })
    });
    let known = Memo::new(move |_| position.get().is_some());

    move || {
        if known.get() {
            view! { <StatePreview position preview /> }.into_any()
        } else {
            view! { <UnknownState /> }.into_any()
        }
    }
}

/// Toolbar and frame of the gallery state at `position`.
///
/// The frame stays one element while the address changes, and a new address replaces the
/// page in it: setting a frame's `src` would add an entry to the browser's history, and
/// Back would then move only the frame.
#[component]
fn StatePreview(
    /// Position of the shown entry in the catalogue.
    position: Memo<Option<usize>>,
    /// Theme, direction and width from the address.
    preview: Memo<Preview>,
) -> impl IntoView {
    let base = StoredValue::new(expect_context::<BasePath>());
    let entries = StoredValue::new(catalogue());
    let entry_at = move |index: usize| entries.with_value(|entries| entries.get(index).cloned());
    let index = move || position.get().unwrap_or_default();
    let path = Memo::new(move |_| {
        entry_at(index())
            .map(|entry| entry.path())
            .unwrap_or_default()
    });
    let heading = Memo::new(move |_| {
        entry_at(index())
            .map(|entry| format!("{}: {}", entry.group, entry.title))
            .unwrap_or_default()
    });
    let link_to = move |path: &str, preview: Preview| {
        format!(
            "{}?{}",
            base.with_value(|base| base.join(path)),
            preview.to_query()
        )
    };
    let frame_src = move || {
        let preview = preview.get();
        format!(
            "{}/frame?lang={}&theme={}&dir={}",
            base.with_value(|base| base.join(&path.get())),
            preview.language.tag(),
            preview.theme.as_str(),
            preview.direction.as_str()
        )
    };

    // A dialog in the frame takes the focus and keeps Tab inside itself, which would keep
    // keyboard users from the toolbar, so the heading takes the focus back once the frame
    // reports that its state is ready.
    let heading_ref = NodeRef::<html::H1>::new();
    let ready_listener = window_event_listener(leptos::ev::message, move |event| {
        let own_origin = window().location().origin().ok();
        let ready = event.data().as_string().as_deref() == Some(READY_MESSAGE)
            && Some(event.origin()) == own_origin;
        if ready {
            if let Some(heading) = heading_ref.get_untracked() {
                let _ = heading.focus();
            }
        }
    });
    on_cleanup(move || ready_listener.remove());

    let frame_ref = NodeRef::<html::Iframe>::new();
    let initial_frame_src = untrack(frame_src);
    Effect::new(move |shown: Option<String>| {
        let src = frame_src();
        if shown.is_some_and(|shown| shown != src) {
            let frame_window = frame_ref
                .get_untracked()
                .and_then(|frame| frame.content_window());
            if let Some(frame_window) = frame_window {
                let _ = frame_window.location().replace(&src);
            }
        }
        src
    });

    let step_link = move |offset: isize, rel: &'static str, label: &'static str| {
        move || {
            let target = index().checked_add_signed(offset).and_then(entry_at)?;
            let name = format!("{}: {}", target.group, target.title);
            Some(view! {
                <a rel=rel href=link_to(&target.path(), preview.get())
                    aria-label=format!("{label}: {name}")>{label}</a>
            })
        }
    };
    let groups = toolbar_groups()
        .into_iter()
        .map(|(name, choices)| {
            let links = choices
                .into_iter()
                .map(|choice| {
                    view! {
                        <a class="ga-gallery__choice"
                            href=move || link_to(&path.get(), choice.apply(preview.get()))
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
        <Title text=move || format!("{} · Component gallery", heading.get()) />
        <div class="ga-gallery-state">
            <header class="ga-gallery-toolbar">
                <nav class="ga-gallery-toolbar__nav" aria-label="Gallery">
                    <a href=base.with_value(|base| base.join("gallery"))>"All components"</a>
                    {step_link(-1, "prev", "Previous")}
                    {step_link(1, "next", "Next")}
                </nav>
                <h1 class="ga-gallery-toolbar__title" tabindex="-1" node_ref=heading_ref>
                    {move || heading.get()}
                </h1>
                <div class="ga-gallery-toolbar__choices">
                    {groups}
                    <a href=frame_src target="_blank" rel="noopener noreferrer">"Open the frame alone"</a>
                </div>
            </header>
            <div class="ga-gallery-stage" tabindex="0" role="region" aria-label="Preview">
                <iframe class="ga-gallery-frame" node_ref=frame_ref src=initial_frame_src
                    title=move || format!("Preview of {}", heading.get())
                    width=move || preview.get().width.to_string()></iframe>
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
    let preview = Preview::from_query(|key| query.get(key));
    crate::apply_language(preview.language, Vec::new());
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
        report_ready_to_gallery();
    });

    view! {
        <Title text=entry.title />
        {render(entry.subject, entry.data)}
    }
    .into_any()
}

/// Tells the gallery page around this frame, if any, that the state is ready, so that it
/// can take the focus back to its toolbar.
fn report_ready_to_gallery() {
    if !matches!(window().frame_element(), Ok(Some(_))) {
        return;
    }
    let origin = window().location().origin().unwrap_or_default();
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&READY_MESSAGE.into(), &origin);
    }
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
                <h1 class="ga-visually-hidden">{crate::tr!("guest-links")}</h1>
                <LinkTable links=data.links on_copy=|_| {} on_delete=|_| {} />
            </main>
        }
        .into_any(),
        Subject::GuestPage => view! { <GuestFlow token=fixtures::TOKEN.to_owned() /> }.into_any(),
        Subject::AppLoading => view! { <AppLoading /> }.into_any(),
        Subject::ConfigError => {
            view! { <ConfigErrorPage error=ConfigError::Status(404) /> }.into_any()
        }
        Subject::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Wraps a dialog so that it is open at first. Once it is closed, a button takes the focus
/// and shows the state again: it reloads the frame, which replays the entry's steps on a
/// fresh fixture backend.
fn reopenable(dialog: impl Fn(Callback<()>) -> AnyView + Send + Sync + 'static) -> AnyView {
    let open = RwSignal::new(true);
    let reopen_button = NodeRef::<html::Button>::new();
    let close = Callback::new(move |()| {
        open.set(false);
        // The closed dialog hands the focus back to the page, which had it when it opened.
        request_animation_frame(move || {
            if let Some(button) = reopen_button.get_untracked() {
                let _ = button.focus();
            }
        });
    });
    let reload = |_| {
        if let Err(error) = window().location().reload() {
            leptos::logging::warn!("reload failed: {error:?}");
        }
    };

    view! {
        <main class="ga-page">
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" class="ga-button" node_ref=reopen_button on:click=reload>
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
