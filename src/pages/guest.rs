//! The page a guest opens from a guest link: the entry form, waiting for admission, and
//! a page for each reason the guest cannot join.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use wasm_bindgen::JsCast;

use crate::api::{ApiClient, ApiError, GuestDetails, GuestLinkInfo, GuestTicket, TicketStatus};
use crate::browser::sleep;
use crate::components::{unique_id, FailureNotice, LoadingState, ProblemPage};
use crate::config::AppConfig;
use crate::guest::{
    guest_form_errors_from_api, join_allowed, poll_delay, validate_guest_form, GuestFormErrors,
    GuestFormInput,
};
use crate::i18n::text_around;
use crate::present::{describe_link_problem, LinkProblem};
use crate::task::TaskScope;
use crate::tr;

/// Step of joining that the guest has reached.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// The link is being checked.
    Checking,
    /// The link works; the guest fills in the form.
    Form(GuestLinkInfo),
    /// The guest waits for a moderator, with this ticket.
    Waiting(GuestLinkInfo, String),
    /// A moderator declined the guest.
    Denied(GuestLinkInfo),
    /// The browser is going to the session.
    Joining,
    /// The backend sent a `joinUrl` outside the allowed origins.
    Refused,
    /// The link or ticket cannot be used, or the server could not be reached.
    Failed(ApiError),
}

/// Entry page of the guest link in the address.
#[component]
pub fn GuestPage(
    /// The link's token, from the address.
    token: String,
) -> impl IntoView {
    view! { <GuestFlow token /> }
}

/// Walks a guest through one guest link, from checking it to entering the session.
#[component]
pub fn GuestFlow(
    /// The link's token.
    token: String,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let config = expect_context::<AppConfig>();
    let scope = TaskScope::current();
    let stage = RwSignal::new(Stage::Checking);
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());

    let check_link = {
        let (client, token, scope) = (client.clone(), token.clone(), scope.clone());
        Callback::new(move |()| {
            stage.set(Stage::Checking);
            let (client, token) = (client.clone(), token.clone());
            scope.spawn(async move {
                stage.set(match client.resolve(&token).await {
                    Ok(info) => Stage::Form(info),
                    Err(error) => Stage::Failed(error),
                });
            });
        })
    };
    check_link.run(());
    let on_ticket = Callback::new(move |(info, ticket): (GuestLinkInfo, GuestTicket)| {
        stage.set(next_stage(info, ticket, &config));
    });
    // Each stage replaces the page and the control that had focus, so after the first
    // check of the link focus moves to the new page's heading instead of <body>.
    let stage_count = StoredValue::new(0_u32);
    Effect::new(move |_| {
        stage.track();
        stage_count.update_value(|count| *count += 1);
        if stage_count.get_value() > 2 {
            request_animation_frame(focus_heading);
        }
    });

    view! {
        // The URL carries the link's token, so no page the guest leaves to may see it.
        <Meta name="referrer" content="no-referrer" />
        {move || match stage.get() {
            Stage::Checking => view! {
                <Title text=tr!("guest-checking") />
                <main class="ga-page ga-guest">
                    <LoadingState label=tr!("guest-checking") />
                </main>
            }
            .into_any(),
            Stage::Form(info) => view! {
                <EntryForm info token=token.clone() name email on_ticket
                    on_failure=move |error| stage.set(Stage::Failed(error)) />
            }
            .into_any(),
            Stage::Waiting(info, ticket) => view! {
                <WaitingRoom info ticket name on_ticket
                    on_leave=move |info| stage.set(Stage::Form(info))
                    on_failure=move |error| stage.set(Stage::Failed(error)) />
            }
            .into_any(),
            Stage::Denied(info) => view! {
                <DeniedPage info token=token.clone() name email on_ticket
                    on_failure=move |error| stage.set(Stage::Failed(error)) />
            }
            .into_any(),
            Stage::Joining => view! {
                <Title text=tr!("joining-title") />
                <main class="ga-page ga-guest"><LoadingState label=tr!("joining-session") /></main>
            }
            .into_any(),
            Stage::Refused => view! {
                <ProblemPage title=tr!("guest-unsafe-title")>
                    <p>{tr!("guest-unsafe-body")}</p>
                </ProblemPage>
            }
            .into_any(),
            Stage::Failed(error) => view! { <GuestFailure error on_retry=check_link /> }.into_any(),
        }}
    }
}

/// Moves focus to the page's main heading, which takes focus from script only.
fn focus_heading() {
    let Some(heading) = document().query_selector("main h1").ok().flatten() else {
        return;
    };
    let _ = heading.set_attribute("tabindex", "-1");
    if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
}

/// Returns the stage a ticket leads to, and starts the navigation for an admitted guest.
fn next_stage(info: GuestLinkInfo, ticket: GuestTicket, config: &AppConfig) -> Stage {
    match ticket.status {
        TicketStatus::Admitted => match ticket
            .join_url
            .as_deref()
            .and_then(|url| join_target(url, config))
        {
            Some(url) => {
                if let Err(error) = window().location().assign(&url) {
                    leptos::logging::warn!("navigation to the session failed: {error:?}");
                }
                Stage::Joining
            }
            None => Stage::Refused,
        },
        TicketStatus::Denied => Stage::Denied(info),
        TicketStatus::Waiting | TicketStatus::Unknown => Stage::Waiting(info, ticket.ticket),
    }
}

/// Resolves a `joinUrl` against the app's origin and returns it if the guest may go there.
fn join_target(join_url: &str, config: &AppConfig) -> Option<String> {
    let app_origin = window().location().origin().ok()?;
    let url = web_sys::Url::new_with_base(join_url, &app_origin).ok()?;
    let allowed: Vec<String> = config
        .allowed_join_origins
        .iter()
        .filter_map(|origin| web_sys::Url::new(origin).ok().map(|url| url.origin()))
        .collect();
    join_allowed(&url.protocol(), &url.origin(), &app_origin, &allowed).then(|| url.href())
}

/// Returns the session's name for headings, or a stand-in when the room has none.
fn display_name(info: &GuestLinkInfo) -> String {
    match info.entry_name.trim() {
        "" => tr!("guest-untitled"),
        name => name.to_owned(),
    }
}

/// Sends one join request and hands the ticket, or the failure, to the page.
async fn send_join(
    client: ApiClient,
    token: String,
    guest: GuestDetails,
) -> Result<GuestTicket, ApiError> {
    client.join(&token, &guest).await
}

/// The entry form: name and email, validated when submitted, sent once.
#[component]
fn EntryForm(
    /// What the link leads to.
    info: GuestLinkInfo,
    /// The link's token.
    token: String,
    /// Text of the Name field, kept by the page.
    name: RwSignal<String>,
    /// Text of the Email field, kept by the page.
    email: RwSignal<String>,
    /// Called with the ticket a join returned.
    on_ticket: Callback<(GuestLinkInfo, GuestTicket)>,
    /// Called when the link turns out to be unusable.
    #[prop(into)]
    on_failure: Callback<ApiError>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let scope = TaskScope::current();
    let errors = RwSignal::new(GuestFormErrors::default());
    let (busy, set_busy) = signal(false);
    let (failure, set_failure) = signal(None::<ApiError>);
    let name_ref = NodeRef::<html::Input>::new();
    let email_ref = NodeRef::<html::Input>::new();
    let entry_name = display_name(&info);
    let summary_ref = NodeRef::<html::Div>::new();
    let name_id = unique_id("ga-guest-name");
    let email_id = unique_id("ga-guest-email");
    // Errors go to the summary at the top, which takes the focus, so a screen reader
    // reads them all before the guest moves to a field.
    let show_errors = move |found: GuestFormErrors| {
        errors.set(found);
        request_animation_frame(move || {
            if let Some(summary) = summary_ref.try_get_untracked().flatten() {
                let _ = summary.focus();
            }
        });
    };

    let submit = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let input = GuestFormInput {
            name: name.get_untracked(),
            email: email.get_untracked(),
        };
        set_failure.set(None);
        let guest = match validate_guest_form(&input) {
            Ok(guest) => guest,
            Err(found) => {
                show_errors(found);
                return;
            }
        };
        errors.set(GuestFormErrors::default());
        set_busy.set(true);
        let (client, token, info) = (client.clone(), token.clone(), info.clone());
        scope.spawn(async move {
            let result = send_join(client, token, guest).await;
            set_busy.set(false);
            match result {
                Ok(ticket) => on_ticket.run((info, ticket)),
                Err(error) => match guest_form_errors_from_api(&error) {
                    Some(found) => show_errors(found),
                    // API errors that are not about a field are not for this form, and the
                    // moderator's advice for an expired session must not reach a guest.
                    None if !error.is_transport() => on_failure.run(error),
                    None => set_failure.set(Some(error)),
                },
            }
        });
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        submit.run(());
    };
    let name_error = Signal::derive(move || errors.with(|errors| errors.name.clone()));
    let email_error = Signal::derive(move || errors.with(|errors| errors.email.clone()));

    let title = {
        let join_title = tr!("guest-join-title", name = &entry_name);
        move || {
            if errors.with(GuestFormErrors::is_empty) {
                join_title.clone()
            } else {
                tr!("title-error", title = &join_title)
            }
        }
    };
    let summary_items = {
        let (name_id, email_id) = (name_id.clone(), email_id.clone());
        move || {
            errors.with(|errors| {
                let fields = [
                    (errors.name.clone(), name_id.clone(), name_ref),
                    (errors.email.clone(), email_id.clone(), email_ref),
                ];
                fields
                    .into_iter()
                    .filter_map(|(message, id, input_ref)| {
                        message.map(|message| (message, id, input_ref))
                    })
                    .collect::<Vec<_>>()
            })
        }
    };

    view! {
        <Title text=title />
        <main class="ga-page ga-guest">
            <p class="ga-eyebrow">{tr!("guest-invited")}</p>
            <h1><bdi>{entry_name.clone()}</bdi></h1>
            <form class="ga-form ga-guest__form" novalidate on:submit=on_submit>
                <div class="ga-error-summary" role="alert" tabindex="-1" node_ref=summary_ref
                    hidden=move || errors.with(GuestFormErrors::is_empty)>
                    {move || (!errors.with(GuestFormErrors::is_empty)).then(|| view! {
                        <h2 class="ga-error-summary__title">{tr!("guest-summary-title")}</h2>
                        <ul class="ga-error-summary__list">
                            {summary_items()
                                .into_iter()
                                .map(|(message, id, input_ref)| view! {
                                    <li>
                                        <a href=format!("#{id}") on:click=move |event| {
                                            // The router would treat the fragment as a
                                            // navigation; moving the focus is the point.
                                            event.prevent_default();
                                            if let Some(input) = input_ref.get_untracked() {
                                                let _ = input.focus();
                                            }
                                        }>{message}</a>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    })}
                </div>
                <GuestField label=tr!("guest-name") id=name_id value=name error=name_error
                    input_ref=name_ref autocomplete="name" input_type="text" />
                <GuestField label=tr!("guest-email") id=email_id value=email error=email_error
                    input_ref=email_ref autocomplete="email" input_type="email"
                    hint=tr!("guest-email-hint") />
                {move || failure.get().map(|error| view! { <FailureNotice error on_retry=submit /> })}
                <button type="submit" class="ga-button ga-guest__submit" disabled=move || busy.get()
                    aria-busy=move || busy.get().to_string()>
                    {move || if busy.get() { tr!("joining") } else { tr!("join") }}
                </button>
            </form>
        </main>
    }
}

/// One labelled field of the entry form, with its hint and error message.
#[component]
fn GuestField(
    /// Visible label.
    label: String,
    /// `id` of the input, which the error summary links to.
    id: String,
    /// What the guest typed.
    value: RwSignal<String>,
    /// Error message of the field, if any.
    error: Signal<Option<String>>,
    /// The input element, for moving focus to it.
    input_ref: NodeRef<html::Input>,
    /// `autocomplete` token of the input.
    autocomplete: &'static str,
    /// `type` of the input.
    input_type: &'static str,
    /// Help text under the label.
    #[prop(optional, into)]
    hint: Option<String>,
) -> impl IntoView {
    let input_id = id;
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };

    view! {
        <div class="ga-field">
            <label class="ga-field__label" for=input_id.clone()>{label}</label>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="ga-field__hint">{hint}</p> })}
            {move || error.get().map(|text| view! {
                <p id=error_id.clone() class="ga-field__error">
                    <span class="ga-visually-hidden">{tr!("error-prefix")}" "</span>
                    {text}
                </p>
            })}
            <div class="ga-field__row">
                <input id=input_id node_ref=input_ref class="ga-input" dir="auto" type=input_type
                    autocomplete=autocomplete required aria-required="true"
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event)) />
            </div>
        </div>
    }
}

/// Waiting for a moderator: polls the ticket until it is decided or the guest leaves.
#[component]
fn WaitingRoom(
    /// What the link leads to.
    info: GuestLinkInfo,
    /// The ticket to poll.
    ticket: String,
    /// Name the guest joins with, shown back as text.
    name: RwSignal<String>,
    /// Called with each decided ticket.
    on_ticket: Callback<(GuestLinkInfo, GuestTicket)>,
    /// Called when the guest leaves.
    #[prop(into)]
    on_leave: Callback<GuestLinkInfo>,
    /// Called when the ticket cannot be used any more.
    #[prop(into)]
    on_failure: Callback<ApiError>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let scope = TaskScope::current();
    // The last failed poll, while polls keep failing.
    let (poll_failure, set_poll_failure) = signal(None::<ApiError>);
    let entry_name = display_name(&info);
    let leave_info = info.clone();
    let joining_as = text_around("waiting-as", "name");

    // The loop belongs to this component, so leaving the waiting room stops it.
    scope.spawn(async move {
        let mut failed_polls = 0;
        loop {
            sleep(poll_delay(failed_polls)).await;
            match client.get_ticket(&ticket).await {
                Ok(polled) if polled.status == TicketStatus::Waiting => {
                    failed_polls = 0;
                    set_poll_failure.set(None);
                }
                Ok(polled) => {
                    on_ticket.run((info.clone(), polled));
                    return;
                }
                Err(error) if describe_link_problem(&error).is_some() => {
                    on_failure.run(error);
                    return;
                }
                Err(error) => {
                    failed_polls += 1;
                    set_poll_failure.set(Some(error));
                }
            }
        }
    });

    view! {
        <Title text=tr!("waiting-title") />
        <main class="ga-page ga-guest">
            <p class="ga-eyebrow"><bdi>{entry_name}</bdi></p>
            <h1>{tr!("waiting-heading")}</h1>
            <p class="ga-loading" role="status">
                <span class="ga-loading__spinner" aria-hidden="true"></span>
                <span>
                    {joining_as.0}
                    <strong class="ga-guest__name" dir="auto">{move || name.get()}</strong>
                    {joining_as.1}
                </span>
            </p>
            {move || poll_failure.get().map(|error| view! {
                <p class="ga-field__hint">
                    {if error.is_transport() {
                        tr!("waiting-unsteady")
                    } else {
                        tr!("waiting-rejected")
                    }}
                </p>
            })}
            <button type="button" class="ga-button ga-button--secondary"
                on:click=move |_| on_leave.run(leave_info.clone())>
                {tr!("leave")}
            </button>
        </main>
    }
}

/// The moderator declined; the guest may ask again, which is a new join.
#[component]
fn DeniedPage(
    /// What the link leads to.
    info: GuestLinkInfo,
    /// The link's token.
    token: String,
    /// Name the guest joined with.
    name: RwSignal<String>,
    /// Email the guest joined with.
    email: RwSignal<String>,
    /// Called with the ticket of the new join.
    on_ticket: Callback<(GuestLinkInfo, GuestTicket)>,
    /// Called when the link turns out to be unusable.
    #[prop(into)]
    on_failure: Callback<ApiError>,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let scope = TaskScope::current();
    let (busy, set_busy) = signal(false);
    let (failure, set_failure) = signal(None::<ApiError>);
    let entry_name = display_name(&info);

    let ask_again = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let input = GuestFormInput {
            name: name.get_untracked(),
            email: email.get_untracked(),
        };
        let Ok(guest) = validate_guest_form(&input) else {
            return;
        };
        set_busy.set(true);
        set_failure.set(None);
        let (client, token, info) = (client.clone(), token.clone(), info.clone());
        scope.spawn(async move {
            let result = send_join(client, token, guest).await;
            set_busy.set(false);
            match result {
                Ok(ticket) => on_ticket.run((info, ticket)),
                Err(error) if !error.is_transport() => on_failure.run(error),
                Err(error) => set_failure.set(Some(error)),
            }
        });
    });

    view! {
        <Title text=tr!("denied-title") />
        <main class="ga-page ga-guest">
            <p class="ga-eyebrow"><bdi>{entry_name}</bdi></p>
            <h1>{tr!("denied-title")}</h1>
            <p>{tr!("denied-body")}</p>
            {move || failure.get().map(|error| view! { <FailureNotice error on_retry=ask_again /> })}
            <button type="button" class="ga-button" disabled=move || busy.get()
                on:click=move |_| ask_again.run(())>
                {tr!("ask-again")}
            </button>
        </main>
    }
}

/// The page for a link or ticket that cannot be used, or for a server that could not be
/// reached, with the next step the guest can take.
#[component]
fn GuestFailure(
    /// The failure.
    error: ApiError,
    /// Checks the link again, which starts over.
    on_retry: Callback<()>,
) -> impl IntoView {
    match describe_link_problem(&error) {
        Some(LinkProblem { title, explanation }) => {
            let restart =
                (error.code() == Some(&crate::api::ErrorCode::GuestTicketNotFound)).then(|| {
                    view! {
                        <button type="button" class="ga-button" on:click=move |_| on_retry.run(())>
                            {tr!("start-again")}
                        </button>
                    }
                });
            view! {
                <ProblemPage title>
                    <p>{explanation}</p>
                    {restart}
                </ProblemPage>
            }
            .into_any()
        }
        None if error.is_transport() => view! {
            <ProblemPage title=tr!("guest-unreachable")>
                <FailureNotice error on_retry />
            </ProblemPage>
        }
        .into_any(),
        // Other API errors come with the server's own explanation; guests have no session,
        // so the moderator's advice for an expired one does not apply.
        None => {
            let message = match &error {
                ApiError::Api { message, .. } if !message.trim().is_empty() => message.clone(),
                _ => tr!("guest-rejected"),
            };
            view! {
                <ProblemPage title=tr!("guest-blocked-title")>
                    <p>{message}</p>
                    <button type="button" class="ga-button" on:click=move |_| on_retry.run(())>
                        {tr!("try-again")}
                    </button>
                </ProblemPage>
            }
            .into_any()
        }
    }
}
