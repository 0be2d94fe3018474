//! Message for a failed backend call, with the way out that fits the failure.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::present::{describe_failure, Remedy};
use crate::tr;

/// A failed call: what happened, and a Retry or Reload button when either can help.
#[component]
pub fn FailureNotice(
    /// The failure to describe.
    error: ApiError,
    /// Runs the failed call again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let (text, remedy) = describe_failure(&error);
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
        <div class="ga-failure" role="alert">
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
