//! Browser tests of the Create new link form's validation states, in headless Chromium.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test create_link_form`; the
//! form validates before it sends anything, so no server is needed.
#![cfg(target_arch = "wasm32")]

use guest_access_ui::api::ApiClient;
use guest_access_ui::components::CreateLinkDialog;
use guest_access_ui::config::AppConfig;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the form in a fresh container and returns the container and the mount handle,
/// which must stay alive for the form to stay on the page.
fn mount_form() -> (HtmlElement, impl Drop) {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let config = AppConfig {
        service_url: "http://127.0.0.1:9".into(),
        ks: None,
        partner_id: None,
        allowed_join_origins: Vec::new(),
    };
    let handle = mount_to(container.clone(), move || {
        provide_context(ApiClient::new(&config));
        view! { <CreateLinkDialog entry_id="1_x".to_owned() on_cancel=|_| {} on_created=|_| {} /> }
    });
    (container, handle)
}

async fn settle() {
    leptos::task::tick().await;
    gloo_timers_tick().await;
}

/// Waits one macrotask, so effects and focus changes have run.
async fn gloo_timers_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn input_labelled(container: &HtmlElement, label: &str) -> HtmlInputElement {
    let labels = container.query_selector_all("label").unwrap();
    let label = (0..labels.length())
        .filter_map(|index| labels.item(index))
        .map(|node| node.unchecked_into::<Element>())
        .find(|element| {
            element
                .text_content()
                .unwrap_or_default()
                .trim_end_matches(" *")
                == label
        })
        .unwrap_or_else(|| panic!("no label {label}"));
    let id = label.get_attribute("for").unwrap();
    document().get_element_by_id(&id).unwrap().unchecked_into()
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn press_create(container: &HtmlElement) {
    let button: HtmlElement = container
        .query_selector("button[type='submit']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
}

fn error_of(input: &HtmlInputElement) -> Option<String> {
    let ids = input.get_attribute("aria-describedby").unwrap_or_default();
    ids.split_whitespace()
        .filter(|id| id.ends_with("-error"))
        .filter_map(|id| document().get_element_by_id(id))
        .map(|element| element.text_content().unwrap_or_default())
        .next()
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|element| element.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn form_opens_with_focus_in_link_name() {
    let (container, _handle) = mount_form();
    settle().await;

    let name = input_labelled(&container, "Link Name");

    assert_eq!(focused_id(), name.id());
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(error_of(&name), None);
}

#[wasm_bindgen_test]
async fn empty_name_shows_error_and_focus() {
    let (container, _handle) = mount_form();
    settle().await;

    press_create(&container);
    settle().await;

    let name = input_labelled(&container, "Link Name");
    assert_eq!(error_of(&name).as_deref(), Some("Error: Enter a link name"));
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(focused_id(), name.id());
}

#[wasm_bindgen_test]
async fn invalid_clicks_keeps_typed_text() {
    let (container, _handle) = mount_form();
    settle().await;
    let name = input_labelled(&container, "Link Name");
    let clicks = input_labelled(&container, "# of clicks");

    type_into(&name, "Guest speakers");
    type_into(&clicks, "1e3");
    press_create(&container);
    settle().await;

    let message = error_of(&clicks).unwrap();
    assert!(message.contains("whole number"), "{message}");
    assert_eq!(clicks.value(), "1e3");
    assert_eq!(name.value(), "Guest speakers");
    assert_eq!(error_of(&name), None);
    assert_eq!(focused_id(), clicks.id());
}

#[wasm_bindgen_test]
async fn duration_range_errors() {
    let (container, _handle) = mount_form();
    settle().await;
    let name = input_labelled(&container, "Link Name");
    let duration = input_labelled(&container, "Duration");
    type_into(&name, "Week");

    for (typed, expected) in [("0", "at least 1 day"), ("366", "365 days or fewer")] {
        type_into(&duration, typed);
        press_create(&container);
        settle().await;
        let message = error_of(&duration).unwrap();
        assert!(message.contains(expected), "{typed}: {message}");
        assert_eq!(
            duration.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
    }
}

#[wasm_bindgen_test]
async fn fixing_a_field_clears_its_error() {
    let (container, _handle) = mount_form();
    settle().await;
    let name = input_labelled(&container, "Link Name");
    let clicks = input_labelled(&container, "# of clicks");
    type_into(&clicks, "0");
    press_create(&container);
    settle().await;
    assert!(error_of(&name).is_some());
    assert!(error_of(&clicks).is_some());

    type_into(&name, "Fixed");
    type_into(&clicks, "");
    press_create(&container);
    settle().await;

    assert_eq!(error_of(&name), None);
    assert_eq!(error_of(&clicks), None);
}
