//! Table of an entry's guest links, with copy and delete buttons on each row.

use leptos::prelude::*;

use crate::api::{GuestLink, LinkStatus};
use crate::browser::local_expiry_label;
use crate::present::{clicks_label, status_label};
use crate::tr;

/// The links of an entry: name, expiration date, clicks and actions.
#[component]
pub fn LinkTable(
    /// Links to show, oldest first.
    #[prop(into)]
    links: Signal<Vec<GuestLink>>,
    /// Copies a link's URL.
    #[prop(into)]
    on_copy: Callback<GuestLink>,
    /// Asks to delete a link.
    #[prop(into)]
    on_delete: Callback<GuestLink>,
) -> impl IntoView {
    view! {
        <table class="ga-table">
            <thead>
                <tr>
                    <th scope="col">{tr!("column-name")}</th>
                    <th scope="col">{tr!("column-expiry")}</th>
                    <th scope="col">{tr!("column-clicks")}</th>
                    <th scope="col" class="ga-table__actions">{tr!("column-actions")}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || links.get() key=|link| link.id.clone() let:link>
                    <LinkRow link on_copy on_delete />
                </For>
            </tbody>
        </table>
    }
}

/// One row of the link table.
#[component]
fn LinkRow(
    /// The link of this row.
    link: GuestLink,
    /// Copies the link's URL.
    on_copy: Callback<GuestLink>,
    /// Asks to delete the link.
    on_delete: Callback<GuestLink>,
) -> impl IntoView {
    let status = (link.status != LinkStatus::Active).then(|| {
        view! { <span class="ga-badge" data-status=format!("{:?}", link.status)>{status_label(link.status)}</span> }
    });
    let copy_link = link.clone();
    let delete_link = link.clone();

    view! {
        <tr data-link-id=link.id.clone()>
            <th scope="row" class="ga-table__name">
                <span class="ga-table__name-text"><bdi>{link.name.clone()}</bdi></span>
                {status}
            </th>
            <td data-label=tr!("column-expiry")>{local_expiry_label(link.expires_at)}</td>
            <td data-label=tr!("column-clicks")>{clicks_label(&link)}</td>
            <td class="ga-table__actions">
                <button type="button" class="ga-icon-button" data-action="copy"
                    aria-label=tr!("copy-link", name = &link.name)
                    on:click=move |_| on_copy.run(copy_link.clone())>
                    <CopyIcon />
                </button>
                <button type="button" class="ga-icon-button ga-icon-button--danger" data-action="delete"
                    aria-label=tr!("delete-link", name = &link.name)
                    on:click=move |_| on_delete.run(delete_link.clone())>
                    <TrashIcon />
                </button>
            </td>
        </tr>
    }
}

/// Two overlapping sheets: the copy icon.
#[component]
fn CopyIcon() -> impl IntoView {
    view! {
        <svg class="ga-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="8" y="8" width="12" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
    }
}

/// A trash can: the delete icon.
#[component]
fn TrashIcon() -> impl IntoView {
    view! {
        <svg class="ga-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
