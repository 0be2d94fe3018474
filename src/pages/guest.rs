//! The page a guest opens from a guest link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{ApiError, GuestLinkInfo};
use crate::components::{FailureNotice, LoadingState, ProblemPage};
use crate::present::{describe_link_problem, LinkProblem};
use crate::task::api_resource;

/// Entry page of a guest link: checks the link without using a click, then names the
/// session it leads to.
#[component]
pub fn GuestPage() -> impl IntoView {
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let info = api_resource(
        move || token.get(),
        |client, token| async move { client.resolve(&token).await },
    );

    view! {
        {move || match info.get() {
            None => view! {
                <main class="ga-page">
                    <LoadingState label="Checking your link" />
                </main>
            }
            .into_any(),
            Some(Ok(info)) => view! { <GuestWelcome info /> }.into_any(),
            Some(Err(error)) => {
                view! { <GuestLinkFailure error on_retry=move |_| info.refetch() /> }.into_any()
            }
        }}
    }
}

/// The session a working link leads to.
#[component]
fn GuestWelcome(
    /// What the link leads to.
    info: GuestLinkInfo,
) -> impl IntoView {
    let name = info.entry_name;

    view! {
        <Title text=format!("Join {name}") />
        <main class="ga-page">
            <p class="ga-eyebrow">"You're invited to join as a guest"</p>
            <h1>{name}</h1>
            // NOTE: the name and email form that joins the session is not built yet.
            <p>"Joining from this page is not available in this version of the app yet."</p>
        </main>
    }
}

/// Why a link cannot be used, or a failed check with Retry.
#[component]
fn GuestLinkFailure(
    /// The failure of the link check.
    error: ApiError,
    /// Checks the link again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    match describe_link_problem(&error) {
        Some(LinkProblem { title, explanation }) => view! {
            <ProblemPage title>
                <p>{explanation}</p>
            </ProblemPage>
        }
        .into_any(),
        None => view! {
            <ProblemPage title="Your link could not be checked">
                <FailureNotice error on_retry />
            </ProblemPage>
        }
        .into_any(),
    }
}
