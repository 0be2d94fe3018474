//! Plain table of an entry's guest links.

use chrono::Local;
use leptos::prelude::*;

use crate::api::GuestLink;
use crate::components::{FailureNotice, LoadingState};
use crate::present::{clicks_label, expiry_label, link_count_label, status_label};
use crate::task::api_resource;

/// Loads and lists the guest links of one entry.
#[component]
pub fn LinkList(
    /// Entry whose links are listed.
    #[prop(into)]
    entry_id: Signal<String>,
) -> impl IntoView {
    let links = api_resource(
        move || entry_id.get(),
        |client, entry_id| async move { client.list_links(&entry_id).await },
    );

    view! {
        <Suspense fallback=|| view! { <LoadingState label="Loading guest links" /> }>
            {move || links.get().map(|loaded| match loaded {
                Ok(list) => view! { <LinkTable links=list.objects /> }.into_any(),
                Err(error) => {
                    view! { <FailureNotice error on_retry=move |_| links.refetch() /> }.into_any()
                }
            })}
        </Suspense>
    }
}

/// The count line and, when there are links, one table row per link.
#[component]
fn LinkTable(
    /// Links to show, in the order given.
    links: Vec<GuestLink>,
) -> impl IntoView {
    let count = link_count_label(links.len());
    let table = (!links.is_empty()).then(|| {
        view! {
            <table class="ga-table">
                <thead>
                    <tr>
                        <th scope="col">"Link name"</th>
                        <th scope="col">"Expiration date"</th>
                        <th scope="col">"# of clicks"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>{links.into_iter().map(link_row).collect_view()}</tbody>
            </table>
        }
    });

    view! {
        <p class="ga-link-count">{count}</p>
        {table}
    }
}

fn link_row(link: GuestLink) -> impl IntoView {
    view! {
        <tr>
            <th scope="row" class="ga-table__name">{link.name.clone()}</th>
            <td>{expiry_label(link.expires_at, &Local)}</td>
            <td>{clicks_label(&link)}</td>
            <td>{status_label(link.status)}</td>
        </tr>
    }
}
