//! Message for a failed backend call, with the way out that fits the failure.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::present::{describe_failure, Remedy};
use crate::tr;

/// A failed call: what happened, and a Retry or Reload button when either can help.
///
/// The control that started the call is often disabled while the call runs, and that
/// drops the focus to the page. The notice then takes the focus, on its button if any.
#[component]
pub fn FailureNotice(
    /// The failure to describe.
    error: ApiError,
    /// Runs the failed call again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let (text, remedy) = describe_failure(&error);
    let notice_ref = NodeRef::<leptos::html::Div>::new();
    // The notice can be gone by the next frame, so its reference is read with try_.
    request_animation_frame(move || {
        let focus_lost = document()
            .active_element()
            .is_none_or(|active| Some(active) == document().body().map(Into::into));
        if !focus_lost {
            return;
        }
        if let Some(notice) = notice_ref.try_get_untracked().flatten() {
            let target = notice
                .query_selector("button")
                .ok()
                .flatten()
                .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
            match target {
                Some(button) => {
                    let _ = button.focus();
                }
                None => {
                    let _ = notice.focus();
                }
            }
        }
    });
    let action = match remedy {
        Remedy::Retry => Some(
            view! {
                <button type="button" class="ga-button" on:click=move |_| on_retry.run(())>
                    {tr!("retry")}
                </button>
            }
            .into_any(),
        ),
        Remedy::Reload => Some(
            view! {
                <button type="button" class="ga-button" on:click=|_| reload_page()>
                    {tr!("reload-page")}
                </button>
            }
            .into_any(),
        ),
        Remedy::None => None,
    };

    view! {
        <div class="ga-failure" role="alert" tabindex="-1" node_ref=notice_ref>
            <p class="ga-failure__text">{text}</p>
            {action}
        </div>
    }
}

/// Reloads the page, which fetches a fresh `config.json` and so a fresh session.
fn reload_page() {
    if let Err(error) = window().location().reload() {
        leptos::logging::warn!("reload failed: {error:?}");
    }
}
