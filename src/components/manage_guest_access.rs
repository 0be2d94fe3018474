//! The Manage guest access dialog: the switch, the link table and the way to new links.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::{ApiClient, ApiError, GuestAccessSettings, GuestLink};
use crate::browser::copy_to_clipboard;
use crate::components::delete_link_dialog::DeleteOutcome;
use crate::components::{
    unique_id, AccessSwitch, Announcer, CreateLinkDialog, DeleteLinkDialog, FailureNotice,
    LinkTable, LiveRegion, LoadingState, ModalDialog,
};
use crate::i18n::text_around;
use crate::present::link_count_label;
use crate::task::api_resource;
use crate::task::TaskScope;
use crate::tr;

/// Element that takes focus once the link list has loaded again.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FocusTarget {
    /// The copy button of the link with this id, such as a link just created.
    CopyButtonOf(String),
    /// The copy button of the row at this index, or of the last row, or else the switch.
    RowAt(usize),
}

/// The Manage guest access dialog of one entry. The links load when it opens.
#[component]
pub fn ManageGuestAccessDialog(
    /// Settings of the entry; the switch updates them.
    settings: RwSignal<GuestAccessSettings>,
    /// Called when the user closes the dialog.
    #[prop(into)]
    on_close: Callback<()>,
    /// The menu button, which takes focus back when the dialog closes.
    return_focus: NodeRef<html::Button>,
) -> impl IntoView {
    let scope = TaskScope::current();
    let announcer = expect_context::<Announcer>();
    let entry_id = settings.with_untracked(|settings| settings.entry_id.clone());
    let max_links = settings.with_untracked(|settings| settings.max_links as usize);
    let reload = RwSignal::new(0_u32);
    let links = {
        let entry_id = entry_id.clone();
        api_resource(
            move || (entry_id.clone(), reload.get()),
            |client, (entry_id, _)| async move { client.list_links(&entry_id).await },
        )
    };
    let link_list = Memo::new(move |_| match links.get() {
        Some(Ok(list)) => Some(list.objects),
        _ => None,
    });
    let focus_after_reload = StoredValue::new(None::<FocusTarget>);
    let (creating, set_creating) = signal(false);
    let (deleting, set_deleting) = signal(None::<GuestLink>);
    let (copy_fallback, set_copy_fallback) = signal(None::<GuestLink>);
    let create_button = NodeRef::<html::Button>::new();
    // Settings may have changed elsewhere, or a change may have been cut off when the
    // dialog last closed, so they are read again on opening and after each change.
    let reload_settings = {
        let (client, scope, entry_id) = (
            expect_context::<ApiClient>(),
            scope.clone(),
            entry_id.clone(),
        );
        Callback::new(move |()| {
            let (client, entry_id) = (client.clone(), entry_id.clone());
            scope.spawn(async move {
                if let Ok(fresh) = client.get_settings(&entry_id).await {
                    settings.set(fresh);
                }
            });
        })
    };
    reload_settings.run(());
    let refresh = move |target: Option<FocusTarget>| {
        focus_after_reload.set_value(target);
        reload.update(|count| *count += 1);
        reload_settings.run(());
    };

    // Links may have changed in another tab or window, so they are read again whenever
    // this window takes the focus back.
    let focus_listener = window_event_listener(leptos::ev::focus, move |_| refresh(None));
    on_cleanup(move || focus_listener.remove());

    Effect::new(move |_| {
        if let Some(list) = link_list.get() {
            if let Some(target) = focus_after_reload.try_update_value(Option::take).flatten() {
                focus_target(&target, &list);
            }
        }
    });

    let on_copy = Callback::new(move |link: GuestLink| {
        scope.spawn(async move {
            match copy_to_clipboard(&link.url).await {
                Ok(()) => {
                    set_copy_fallback.set(None);
                    announcer.announce(tr!("link-copied"));
                }
                Err(_) => set_copy_fallback.set(Some(link)),
            }
        });
    });
    let on_delete = Callback::new(move |link: GuestLink| set_deleting.set(Some(link)));
    let on_deleted = Callback::new(move |outcome: DeleteOutcome| {
        let deleted_id = deleting.get_untracked().map(|link| link.id);
        let index = link_list.with_untracked(|list| {
            list.as_ref()
                .and_then(|list| {
                    list.iter()
                        .position(|link| Some(&link.id) == deleted_id.as_ref())
                })
                .unwrap_or(0)
        });
        set_deleting.set(None);
        set_copy_fallback.set(None);
        announcer.announce(match outcome {
            DeleteOutcome::Deleted => tr!("link-deleted"),
            DeleteOutcome::AlreadyGone => tr!("link-already-deleted"),
        });
        refresh(Some(FocusTarget::RowAt(index)));
    });
    let on_created = Callback::new(move |link: GuestLink| {
        set_creating.set(false);
        announcer.announce(tr!("link-created"));
        // The form returns the focus to this dialog, and the new row's Copy button takes
        // it once the list is drawn again.
        refresh(Some(FocusTarget::CopyButtonOf(link.id)));
    });
    // A cancelled Create may have reached the server, so the list is loaded again.
    let on_create_cancelled = Callback::new(move |()| {
        set_creating.set(false);
        refresh(None);
    });

    view! {
        <ModalDialog title=tr!("manage-guest-access") on_close return_focus class="ga-dialog--manage">
            <p class="ga-dialog__lead">{tr!("manage-lead", max = max_links)}</p>
            <GuestAccessToggle settings on_saved=move |_| refresh(None) />
            {move || match links.get() {
                None => view! { <LoadingState label=tr!("links-loading") /> }.into_any(),
                Some(Err(error)) => view! {
                    <FailureNotice error on_retry=move |_| refresh(None) />
                }
                .into_any(),
                Some(Ok(list)) => view! {
                    <p class="ga-link-count">{link_count_label(list.objects.len())}</p>
                }
                .into_any(),
            }}
            {move || link_list.get().filter(|list| !list.is_empty()).map(|list| view! {
                <LinkTable links=list on_copy on_delete />
            })}
            {move || copy_fallback.get().map(|link| view! {
                <CopyFallback link on_done=move |_| set_copy_fallback.set(None) />
            })}
            <CreateButton settings link_list max_links node_ref=create_button
                on_click=move |_| set_creating.set(true) />
            <LiveRegion />
            <Show when=move || creating.get()>
                <CreateLinkDialog entry_id=entry_id.clone() on_cancel=on_create_cancelled
                    on_created on_stale=move |_| refresh(None) />
            </Show>
            {move || deleting.get().map(|link| view! {
                <DeleteLinkDialog link on_cancel=move |_| set_deleting.set(None) on_done=on_deleted />
            })}
        </ModalDialog>
    }
}

/// The Enable guest access switch with its saving and failure states.
///
/// Each click sets the state the user wants, and one request at a time brings the server
/// to it, so rapid toggling ends in the last state chosen.
#[component]
fn GuestAccessToggle(
    /// Settings of the entry, updated from the server's responses.
    settings: RwSignal<GuestAccessSettings>,
    /// Called after the server stored a change.
    #[prop(into)]
    on_saved: Callback<()>,
) -> impl IntoView {
    let scope = TaskScope::current();
    let client = expect_context::<ApiClient>();
    let announcer = expect_context::<Announcer>();
    let desired = RwSignal::new(settings.with_untracked(|settings| settings.enabled));
    let (saving, set_saving) = signal(false);
    // The failed change and the state it was meant to reach, which Retry requests again.
    let (failure, set_failure) = signal(None::<(ApiError, bool)>);

    // Settings read from the server move the switch, except while a change is being saved.
    Effect::new(move |_| {
        let enabled = settings.with(|settings| settings.enabled);
        if !saving.get_untracked() {
            desired.set(enabled);
        }
    });

    let sync = Callback::new(move |()| {
        if saving.get_untracked() {
            return;
        }
        set_saving.set(true);
        let client = client.clone();
        scope.spawn(async move {
            let entry_id = settings.with_untracked(|settings| settings.entry_id.clone());
            let mut changed = false;
            while desired.get_untracked() != settings.with_untracked(|settings| settings.enabled) {
                match client
                    .update_settings(&entry_id, desired.get_untracked())
                    .await
                {
                    Ok(updated) => {
                        settings.set(updated);
                        changed = true;
                    }
                    Err(error) => {
                        // The change may have reached the server, so its state is read again.
                        let requested = desired.get_untracked();
                        let landed = match client.get_settings(&entry_id).await {
                            Ok(fresh) => {
                                let landed = fresh.enabled == requested;
                                settings.set(fresh);
                                landed
                            }
                            Err(_) => false,
                        };
                        if landed {
                            changed = true;
                            continue;
                        }
                        desired.set(settings.with_untracked(|settings| settings.enabled));
                        set_failure.set(Some((error, requested)));
                        break;
                    }
                }
            }
            set_saving.set(false);
            if changed {
                let enabled = settings.with_untracked(|settings| settings.enabled);
                announcer.announce(if enabled {
                    tr!("access-turned-on")
                } else {
                    tr!("access-turned-off")
                });
                on_saved.run(());
            }
        });
    });
    let on_change = move |enabled: bool| {
        desired.set(enabled);
        set_failure.set(None);
        sync.run(());
    };

    view! {
        <div class="ga-toggle-row">
            <AccessSwitch checked=desired busy=saving on_change />
            <span class="ga-toggle-row__status" aria-hidden="true">
                {move || saving.get().then(|| tr!("saving"))}
            </span>
        </div>
        {move || failure.get().map(|(error, requested)| view! {
            <FailureNotice error on_retry=move |_| {
                desired.set(requested);
                set_failure.set(None);
                sync.run(());
            } />
        })}
    }
}

/// The Create new link button, disabled with a visible reason when no link can be added.
#[component]
fn CreateButton(
    /// Settings of the entry.
    settings: RwSignal<GuestAccessSettings>,
    /// The links as loaded, or `None` while they load.
    link_list: Memo<Option<Vec<GuestLink>>>,
    /// Maximum number of links.
    max_links: usize,
    /// The button element.
    node_ref: NodeRef<html::Button>,
    /// Opens the Create new link dialog.
    #[prop(into)]
    on_click: Callback<()>,
) -> impl IntoView {
    let reason_id = unique_id("ga-create-reason");
    let reason = move || {
        if !settings.with(|settings| settings.enabled) {
            Some(tr!("create-needs-access"))
        } else if link_list.with(|list| list.as_ref().is_some_and(|list| list.len() >= max_links)) {
            Some(tr!("create-limit", max = max_links))
        } else {
            None
        }
    };
    let disabled = move || reason().is_some() || link_list.with(Option::is_none);

    view! {
        <div class="ga-create">
            <button type="button" class="ga-button" node_ref=node_ref disabled=disabled
                aria-describedby={
                    let reason_id = reason_id.clone();
                    move || reason().map(|_| reason_id.clone())
                }
                on:click=move |_| on_click.run(())>
                {tr!("create-new-link")}
            </button>
            {move || reason().map(|text| view! {
                <p id=reason_id.clone() class="ga-create__reason">{text}</p>
            })}
        </div>
    }
}

/// Shown when the clipboard cannot be written: the URL, selected, with a hint to copy it.
#[component]
fn CopyFallback(
    /// The link to copy.
    link: GuestLink,
    /// Hides the fallback.
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let input_ref = NodeRef::<html::Input>::new();
    let input_id = unique_id("ga-copy-fallback");
    let hint_id = format!("{input_id}-hint");
    let label = text_around("copy-fallback-label", "name");

    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
            input.select();
        }
    });

    view! {
        <div class="ga-copy-fallback">
            <label for=input_id.clone() class="ga-field__label">
                {label.0}<bdi>{link.name.clone()}</bdi>{label.1}
            </label>
            <p id=hint_id.clone() class="ga-field__hint">
                {tr!("copy-fallback-hint")}
            </p>
            <div class="ga-field__row">
                // A URL reads left to right in every language.
                <input id=input_id node_ref=input_ref class="ga-input" type="text" readonly dir="ltr"
                    aria-describedby=hint_id value=link.url.clone()
                    on:focus=move |_| if let Some(input) = input_ref.get_untracked() { input.select() } />
                <button type="button" class="ga-button ga-button--secondary"
                    on:click=move |_| on_done.run(())>
                    {tr!("done")}
                </button>
            </div>
        </div>
    }
}

/// Moves focus to a row's copy button once the list has been drawn.
fn focus_target(target: &FocusTarget, list: &[GuestLink]) {
    let link_id = match target {
        FocusTarget::CopyButtonOf(link_id) => Some(link_id.clone()),
        FocusTarget::RowAt(index) => list.get(*index).or(list.last()).map(|link| link.id.clone()),
    };
    request_animation_frame(move || {
        let element = match link_id {
            Some(link_id) => copy_button_of(&link_id),
            None => first_element(".ga-dialog--manage [role='switch']"),
        };
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Finds the copy button of a link's row; ids are opaque, so they are compared, not
/// written into a selector.
fn copy_button_of(link_id: &str) -> Option<HtmlElement> {
    let rows = document().query_selector_all("tr[data-link-id]").ok()?;
    let row = (0..rows.length())
        .filter_map(|index| rows.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .find(|row| row.get_attribute("data-link-id").as_deref() == Some(link_id))?;
    row.query_selector("[data-action='copy']")
        .ok()
        .flatten()?
        .dyn_into::<HtmlElement>()
        .ok()
}

fn first_element(selector: &str) -> Option<HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<HtmlElement>()
        .ok()
}
