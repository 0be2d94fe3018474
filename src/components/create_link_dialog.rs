//! The Create new link dialog and its form.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use uuid::Uuid;

use crate::api::{ApiClient, ApiError, GuestLink};
use crate::components::{unique_id, FailureNotice, ModalDialog};
use crate::form::{
    form_errors_from_api, validate_link_form, LinkField, LinkFormErrors, LinkFormInput,
};
use crate::task::TaskScope;
use crate::tr;

/// The form that creates a guest link. Create stays enabled while the form is invalid:
/// pressing it shows each error next to its field and focuses the first invalid field.
/// While the request runs Create is disabled, so a double click makes one link.
#[component]
pub fn CreateLinkDialog(
    /// Entry the link is for.
    entry_id: String,
    /// Called when the user closes the dialog without creating a link.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// Called with the link once it is created.
    #[prop(into)]
    on_created: Callback<GuestLink>,
    /// Called when the server rejected the link because the entry changed elsewhere, such
    /// as a link made in another tab that reached the limit, so the owner can reload.
    #[prop(optional, into)]
    on_stale: Option<Callback<()>>,
) -> impl IntoView {
    let scope = TaskScope::current();
    let client = expect_context::<ApiClient>();
    let name = RwSignal::new(String::new());
    let clicks_limit = RwSignal::new(String::new());
    let duration_days = RwSignal::new(String::new());
    let errors = RwSignal::new(LinkFormErrors::default());
    let (busy, set_busy) = signal(false);
    let (failure, set_failure) = signal(None::<ApiError>);
    // After a success the focus goes to the dialog around the form, not back to Create
    // new link, where a second Enter would open the form again.
    let succeeded = RwSignal::new(false);
    // The submission a request id belongs to; a retry of the same input reuses the id.
    let submission = StoredValue::new(None::<(LinkFormInput, Uuid)>);
    let field_refs = [
        NodeRef::<html::Input>::new(),
        NodeRef::new(),
        NodeRef::new(),
    ];

    let focus_field = move |field: LinkField| {
        let index = match field {
            LinkField::Name => 0,
            LinkField::ClicksLimit => 1,
            LinkField::DurationDays => 2,
        };
        if let Some(input) = field_refs[index].get_untracked() {
            let _ = input.focus();
        }
    };
    let submit = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let input = LinkFormInput {
            name: name.get_untracked(),
            clicks_limit: clicks_limit.get_untracked(),
            duration_days: duration_days.get_untracked(),
        };
        set_failure.set(None);
        let link = match validate_link_form(&entry_id, &input) {
            Ok(link) => link,
            Err(found) => {
                let first = found.first_invalid_field();
                errors.set(found);
                if let Some(field) = first {
                    focus_field(field);
                }
                return;
            }
        };
        errors.set(LinkFormErrors::default());
        let request_id = submission.with_value(|stored| match stored {
            Some((previous, id)) if *previous == input => *id,
            _ => Uuid::new_v4(),
        });
        submission.set_value(Some((input, request_id)));
        set_busy.set(true);
        let client = client.clone();
        scope.spawn(async move {
            let result = client.add_link(&link, request_id).await;
            set_busy.set(false);
            match result {
                Ok(created) => {
                    succeeded.set(true);
                    on_created.run(created);
                }
                Err(error) => match form_errors_from_api(&error) {
                    Some(found) => {
                        if found.form.is_some() {
                            if let Some(on_stale) = on_stale {
                                on_stale.run(());
                            }
                        }
                        if let Some(field) = found.first_invalid_field() {
                            focus_field(field);
                        }
                        errors.set(found);
                    }
                    None => set_failure.set(Some(error)),
                },
            }
        });
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        submit.run(());
    };

    view! {
        <ModalDialog title=tr!("create-new-link") on_close=on_cancel class="ga-dialog--form"
            return_to_enclosing_dialog=succeeded>
            <form class="ga-form" novalidate on:submit=on_submit>
                <p class="ga-dialog__lead">{tr!("create-lead")}</p>
                {move || errors.get().form.map(|message| view! {
                    <p class="ga-form__error" role="alert">{message}</p>
                })}
                <FormField field=LinkField::Name label=tr!("field-link-name") required=true value=name
                    errors input_ref=field_refs[0] />
                <FormField field=LinkField::ClicksLimit label=tr!("field-clicks") value=clicks_limit
                    hint=tr!("field-clicks-hint") numeric=true
                    errors input_ref=field_refs[1] />
                <FormField field=LinkField::DurationDays label=tr!("field-duration") value=duration_days
                    suffix=tr!("field-duration-unit") numeric=true errors input_ref=field_refs[2] />
                {move || failure.get().map(|error| view! {
                    <FailureNotice error on_retry=submit />
                })}
                <div class="ga-dialog__actions">
                    <button type="button" class="ga-button ga-button--secondary"
                        on:click=move |_| on_cancel.run(())>
                        {tr!("cancel")}
                    </button>
                    <button type="submit" class="ga-button" disabled=move || busy.get()
                        aria-busy=move || busy.get().to_string()>
                        {move || if busy.get() { tr!("creating") } else { tr!("create") }}
                    </button>
                </div>
            </form>
        </ModalDialog>
    }
}

/// One labelled text field with its hint and error message.
#[component]
fn FormField(
    /// Which field of the form this is.
    field: LinkField,
    /// Visible label.
    label: String,
    /// What the user typed.
    value: RwSignal<String>,
    /// Errors of the whole form; this field shows its own.
    errors: RwSignal<LinkFormErrors>,
    /// The input element, for moving focus to it.
    input_ref: NodeRef<html::Input>,
    /// Whether the field is required.
    #[prop(optional)]
    required: bool,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// Unit shown after the input, such as "Day/s".
    #[prop(optional)]
    suffix: Option<String>,
    /// Whether the field takes a whole number.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let input_id = unique_id("ga-field");
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let suffix_id = format!("{input_id}-suffix");
    let message = Memo::new(move |_| errors.with(|errors| errors.field(field).cloned()));
    let autofocus = field == LinkField::Name;
    let has_hint = hint.is_some();
    let has_suffix = suffix.is_some();
    let described_by = {
        let (hint_id, error_id, suffix_id) = (hint_id.clone(), error_id.clone(), suffix_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if has_suffix {
                ids.push(suffix_id.clone());
            }
            if message.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };

    view! {
        <div class="ga-field" data-invalid=move || message.get().is_some().to_string()>
            <label class="ga-field__label" for=input_id.clone()>
                {label}
                {required.then(|| view! { <span class="ga-field__required" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="ga-field__hint">{hint}</p> })}
            {move || message.get().map(|text| view! {
                <p id=error_id.clone() class="ga-field__error">
                    <span class="ga-visually-hidden">{tr!("error-prefix")}" "</span>
                    {text}
                </p>
            })}
            <div class="ga-field__row">
                <input
                    id=input_id
                    node_ref=input_ref
                    class="ga-input" dir="auto"
                    class:ga-input--number=numeric
                    type="text"
                    inputmode=numeric.then_some("numeric")
                    autocomplete="off"
                    autofocus=autofocus
                    aria-required=required.then_some("true")
                    aria-invalid=move || message.get().is_some().to_string()
                    aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
                {suffix.map(|suffix| view! { <span id=suffix_id class="ga-field__suffix">{suffix}</span> })}
            </div>
        </div>
    }
}
