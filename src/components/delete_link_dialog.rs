//! Confirmation before a guest link is deleted.

use leptos::prelude::*;

use crate::api::{ApiClient, ApiError, ErrorCode, GuestLink};
use crate::components::{unique_id, FailureNotice, ModalDialog};
use crate::task::TaskScope;
use crate::tr;

/// Outcome of a delete, for the dialog's owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteOutcome {
    /// The link was deleted now.
    Deleted,
    /// The link had already been deleted elsewhere.
    AlreadyGone,
}

/// An `alertdialog` that names the link, explains what deleting means, and deletes on
/// confirmation. Cancel has the focus, so Enter does not delete.
#[component]
pub fn DeleteLinkDialog(
    /// The link to delete.
    link: GuestLink,
    /// Called when the user cancels.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// Called once the link is gone.
    #[prop(into)]
    on_done: Callback<DeleteOutcome>,
) -> impl IntoView {
    let scope = TaskScope::current();
    let client = expect_context::<ApiClient>();
    let (busy, set_busy) = signal(false);
    let (failure, set_failure) = signal(None::<ApiError>);
    let description_id = unique_id("ga-delete-description");
    let link_id = link.id.clone();

    let delete = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        set_busy.set(true);
        set_failure.set(None);
        let client = client.clone();
        let link_id = link_id.clone();
        scope.spawn(async move {
            let result = client.delete_link(&link_id).await;
            set_busy.set(false);
            match result {
                Ok(()) => on_done.run(DeleteOutcome::Deleted),
                Err(error) if error.code() == Some(&ErrorCode::GuestLinkNotFound) => {
                    on_done.run(DeleteOutcome::AlreadyGone)
                }
                Err(error) => set_failure.set(Some(error)),
            }
        });
    });

    view! {
        <ModalDialog
            title=tr!("delete-title", name = &link.name)
            title_name=link.name.clone()
            role="alertdialog"
            described_by=description_id.clone()
            close_button=false
            on_close=move |_| {
                // A delete in flight finishes first, so the table never shows a deleted link.
                if !busy.get_untracked() {
                    on_cancel.run(());
                }
            }
            class="ga-dialog--small"
        >
            <div id=description_id class="ga-dialog__body">
                <p>{tr!("delete-permanent")}</p>
                <p>{tr!("delete-joined")}</p>
            </div>
            {move || failure.get().map(|error| view! {
                <FailureNotice error on_retry=delete />
            })}
            <div class="ga-dialog__actions">
                <button type="button" class="ga-button ga-button--secondary" autofocus
                    disabled=move || busy.get()
                    on:click=move |_| on_cancel.run(())>
                    {tr!("cancel")}
                </button>
                <button type="button" class="ga-button ga-button--danger"
                    disabled=move || busy.get()
                    on:click=move |_| delete.run(())>
                    {move || if busy.get() { tr!("deleting") } else { tr!("delete") }}
                </button>
            </div>
        </ModalDialog>
    }
}
