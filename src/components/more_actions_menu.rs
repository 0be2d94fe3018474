//! The three-dots menu below the player, following the WAI-ARIA menu button pattern.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Node};

use crate::components::modal_dialog::unique_id;
use crate::tr;

/// One item of a menu.
#[derive(Clone)]
pub struct MenuItem {
    /// Text of the item, which is also its accessible name.
    pub label: String,
    /// Runs when the item is chosen.
    pub on_select: Callback<()>,
}

/// A "More actions" button that opens a menu of `items`.
///
/// Enter, Space and ArrowDown open the menu on its first item, ArrowUp on its last.
/// Arrow keys, Home and End move between items, Enter and Space choose one, Escape closes
/// the menu and returns focus to the button, and Tab or a click outside closes it.
#[component]
pub fn MoreActionsMenu(
    /// Items of the menu, in order.
    items: Vec<MenuItem>,
    /// The menu button, so that a dialog opened from the menu can return focus to it.
    button_ref: NodeRef<html::Button>,
) -> impl IntoView {
    let (open, set_open) = signal(false);
    let (active, set_active) = signal(0_usize);
    let menu_ref = NodeRef::<html::Ul>::new();
    let wrapper_ref = NodeRef::<html::Div>::new();
    let menu_id = unique_id("ga-menu");
    let count = items.len();

    let open_at = move |index: usize| {
        set_active.set(index);
        set_open.set(true);
    };
    let close = move |refocus: bool| {
        set_open.set(false);
        if refocus {
            if let Some(button) = button_ref.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    // Focus follows the active item while the menu is open.
    Effect::new(move |_| {
        if open.get() {
            focus_item(menu_ref, active.get());
        }
    });
    let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<Node>().ok());
        let inside = wrapper_ref
            .get_untracked()
            .is_some_and(|wrapper| wrapper.contains(target.as_ref()));
        if open.get_untracked() && !inside {
            close(false);
        }
    });
    on_cleanup(move || outside.remove());

    let on_button_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Enter" | " " | "ArrowDown" => {
            event.prevent_default();
            open_at(0);
        }
        "ArrowUp" => {
            event.prevent_default();
            open_at(count.saturating_sub(1));
        }
        _ => {}
    };
    let items_for_keys = items.clone();
    let on_menu_keydown = move |event: KeyboardEvent| {
        if count == 0 {
            return;
        }
        let current = active.get_untracked();
        match event.key().as_str() {
            "ArrowDown" => set_active.set((current + 1) % count),
            "ArrowUp" => set_active.set((current + count - 1) % count),
            "Home" => set_active.set(0),
            "End" => set_active.set(count - 1),
            "Escape" => close(true),
            "Tab" => {
                close(false);
                return;
            }
            "Enter" | " " => {
                close(true);
                if let Some(item) = items_for_keys.get(current) {
                    item.on_select.run(());
                }
            }
            _ => return,
        }
        event.prevent_default();
    };
    let entries = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            view! {
                <li role="menuitem" tabindex="-1" class="ga-menu__item"
                    on:click=move |_| {
                        close(true);
                        item.on_select.run(());
                    }
                    on:pointermove=move |_| set_active.set(index)>
                    {item.label}
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="ga-menu" node_ref=wrapper_ref>
            <button
                type="button"
                class="ga-menu__button"
                node_ref=button_ref
                aria-label=tr!("more-actions")
                aria-haspopup="menu"
                aria-controls=menu_id.clone()
                aria-expanded=move || open.get().to_string()
                on:click=move |_| if open.get_untracked() { close(false) } else { open_at(0) }
                on:keydown=on_button_keydown
            >
                <span aria-hidden="true">"⋯"</span>
            </button>
            <ul
                id=menu_id
                role="menu"
                aria-label=tr!("more-actions")
                class="ga-menu__list"
                node_ref=menu_ref
                hidden=move || !open.get()
                on:keydown=on_menu_keydown
            >
                {entries}
            </ul>
        </div>
    }
}

fn focus_item(menu_ref: NodeRef<html::Ul>, index: usize) {
    let Some(menu) = menu_ref.get_untracked() else {
        return;
    };
    let item = menu
        .query_selector_all("[role='menuitem']")
        .ok()
        .and_then(|items| items.item(index as u32))
        .and_then(|node| node.dyn_into::<HtmlElement>().ok());
    if let Some(item) = item {
        let _ = item.focus();
    }
}
