//! The Enable guest access switch.

use leptos::prelude::*;

use crate::components::modal_dialog::unique_id;
use crate::tr;

/// A switch (`role="switch"`) labelled "Enable guest access".
#[component]
pub fn AccessSwitch(
    /// Whether the switch is on.
    #[prop(into)]
    checked: Signal<bool>,
    /// Whether a change is being saved.
    #[prop(into)]
    busy: Signal<bool>,
    /// Called with the state the user chose.
    #[prop(into)]
    on_change: Callback<bool>,
) -> impl IntoView {
    let label_id = unique_id("ga-switch-label");

    view! {
        <div class="ga-switch">
            <span id=label_id.clone() class="ga-switch__label">{tr!("enable-guest-access")}</span>
            <button
                type="button"
                role="switch"
                class="ga-switch__control"
                aria-labelledby=label_id
                aria-checked=move || checked.get().to_string()
                aria-busy=move || busy.get().to_string()
                on:click=move |_| on_change.run(!checked.get_untracked())
            >
                <span class="ga-switch__thumb" aria-hidden="true"></span>
            </button>
        </div>
    }
}
