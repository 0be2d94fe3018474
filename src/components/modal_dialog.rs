//! Modal dialog on the native `<dialog>` element, following the WAI-ARIA dialog pattern.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::tr;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Elements that take focus with Tab, for keeping Tab inside the dialog.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), a[href], \
                         [tabindex]:not([tabindex='-1'])";

/// Returns a page-unique id with the given prefix, for `aria-labelledby` and similar.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A modal dialog that is open while it is mounted.
///
/// `showModal()` makes the page behind it inert and moves focus to the first control with
/// `autofocus`, or else the first focusable one. Tab and Shift+Tab cycle inside the dialog,
/// Escape and the ✕ button call `on_close`, and when the dialog goes away focus returns to
/// `return_focus`, or else to the element that had it when the dialog opened.
#[component]
pub fn ModalDialog(
    /// Heading of the dialog, which also names it.
    #[prop(into)]
    title: String,
    /// Called when the user asks to close the dialog.
    #[prop(into)]
    on_close: Callback<()>,
    /// A name typed by a person that ends the title, such as a link's name. The heading
    /// isolates its last occurrence in `<bdi>`, so a name in another script cannot
    /// reorder the words and marks around it.
    #[prop(optional, into)]
    title_name: Option<String>,
    /// `dialog`, or `alertdialog` for a confirmation.
    #[prop(default = "dialog")]
    role: &'static str,
    /// Id of the element that describes the dialog, for `aria-describedby`.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// Whether the header shows the ✕ close button.
    #[prop(default = true)]
    close_button: bool,
    /// Element that takes focus when the dialog goes away.
    #[prop(optional)]
    return_focus: Option<NodeRef<html::Button>>,
    /// Whether focus goes to the dialog around the opener, not to the opener, when the
    /// dialog goes away. After a form's success, an Enter pressed again would otherwise
    /// press the opener and open the form a second time.
    #[prop(optional, into)]
    return_to_enclosing_dialog: Signal<bool>,
    /// Extra class on the dialog element.
    #[prop(optional, into)]
    class: String,
    /// Content of the dialog.
    children: Children,
) -> impl IntoView {
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("ga-dialog-title");
    let labelled_by = title_id.clone();
    let opener = document()
        .active_element()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());

    Effect::new(move |_| {
        if let Some(dialog) = dialog_ref.get() {
            if !dialog.open() {
                if let Err(error) = dialog.show_modal() {
                    leptos::logging::warn!("showModal failed: {error:?}");
                }
                // Without a control marked autofocus the dialog itself takes focus, so a
                // held Enter key cannot press the first button by accident.
                if dialog
                    .query_selector("[autofocus]")
                    .ok()
                    .flatten()
                    .is_none()
                {
                    let _ = dialog.focus();
                }
            }
        }
    });
    on_cleanup(move || {
        // Closing first lifts the inertness of the page, so the target can take focus.
        if let Some(dialog) = dialog_ref.try_get_untracked().flatten() {
            dialog.close();
        }
        let to_enclosing_dialog = return_to_enclosing_dialog
            .try_get_untracked()
            .unwrap_or(false);
        let target = if to_enclosing_dialog {
            opener.as_ref().and_then(enclosing_dialog)
        } else {
            return_focus
                .and_then(|button| button.try_get_untracked().flatten())
                .map(Into::into)
        };
        let target = target.or(opener);
        if let Some(target) = target {
            let _ = target.focus();
        }
    });

    let on_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            event.stop_propagation();
            on_close.run(());
        }
        "Tab" => keep_tab_inside(&event, dialog_ref),
        _ => {}
    };
    let close = close_button.then(|| {
        view! {
            <button type="button" class="ga-dialog__close" aria-label=tr!("close")
                on:click=move |_| on_close.run(())>
                <span aria-hidden="true">"✕"</span>
            </button>
        }
    });

    view! {
        <dialog
            node_ref=dialog_ref
            class=format!("ga-dialog {class}")
            role=role
            aria-modal="true"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            tabindex="-1"
            on:keydown=on_keydown
            on:focusout=move |_| keep_focus_inside(dialog_ref)
            on:cancel=move |event: leptos::ev::Event| {
                // Escape while focus is outside every control still closes the dialog.
                event.prevent_default();
                on_close.run(());
            }
        >
            <div class="ga-dialog__header">
                <h2 id=title_id class="ga-dialog__title">{isolate_name(title, title_name)}</h2>
                {close}
            </div>
            {children()}
        </dialog>
    }
}

/// Moves focus back to the dialog when the focused control disappears or is disabled,
/// which would otherwise leave focus on `<body>`, where Escape and Tab no longer reach
/// the dialog. Focus that left for another frame or window, as when the page is embedded
/// in a learning platform, stays where the user put it.
fn keep_focus_inside(dialog_ref: NodeRef<html::Dialog>) {
    request_animation_frame(move || {
        // The dialog may have closed since, and its node reference with it.
        let Some(dialog) = dialog_ref.try_get_untracked().flatten() else {
            return;
        };
        let lost = match document().active_element() {
            None => true,
            Some(active) => Some(active) == document().body().map(Into::into),
        };
        let page_has_focus = document().has_focus().unwrap_or(true);
        if lost && page_has_focus && dialog.matches(":modal").unwrap_or(false) {
            let _ = dialog.focus();
        }
    });
}

/// Moves focus from the last control to the first on Tab, and back on Shift+Tab.
fn keep_tab_inside(event: &KeyboardEvent, dialog_ref: NodeRef<html::Dialog>) {
    let Some(dialog) = dialog_ref.get_untracked() else {
        return;
    };
    let Ok(nodes) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let focusable: Vec<HtmlElement> = (0..nodes.length())
        .filter_map(|index| nodes.item(index))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        return;
    };
    let active = document().active_element();
    let at_edge = |element: &HtmlElement| active.as_ref() == Some(element.as_ref());
    // The dialog itself has focus when it opens, and Shift+Tab from there would leave it.
    let on_dialog = active.as_ref() == Some(dialog.as_ref());
    if event.shift_key() && (at_edge(first) || on_dialog) {
        event.prevent_default();
        let _ = last.focus();
    } else if !event.shift_key() && at_edge(last) {
        event.prevent_default();
        let _ = first.focus();
    }
}

/// Returns `title` with the last occurrence of `name` wrapped in `<bdi>`.
fn isolate_name(title: String, name: Option<String>) -> AnyView {
    let Some((name, start)) = name
        .filter(|name| !name.is_empty())
        .and_then(|name| title.rfind(&name).map(|start| (name, start)))
    else {
        return title.into_any();
    };
    let before = title[..start].to_owned();
    let after = title[start + name.len()..].to_owned();
    view! { {before}<bdi>{name}</bdi>{after} }.into_any()
}

/// Returns the dialog that contains `element`, if any.
fn enclosing_dialog(element: &HtmlElement) -> Option<HtmlElement> {
    let dialog = element.parent_element()?.closest("dialog").ok()??;
    dialog.dyn_into::<HtmlElement>().ok()
}
