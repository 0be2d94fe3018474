//! Browser tests of the Create new link form in headless Chromium, against the in-memory
//! fixture backend, so no server is needed.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test create_link_form`.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use guest_access_ui::api::{Action, ApiClient, ApiError, FixtureBackend, GuestLink, Reply};
use guest_access_ui::components::CreateLinkDialog;
use guest_access_ui::fixtures;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted form, its backend and the links its `on_created` received. The mount handle
/// must stay alive for the form to stay on the page.
struct MountedForm<Handle> {
    container: HtmlElement,
    backend: Arc<FixtureBackend>,
    created: Arc<Mutex<Vec<GuestLink>>>,
    _handle: Handle,
}

/// Mounts the form for the fixture entry, with `backend` in place of the server.
fn mount_with(backend: FixtureBackend) -> MountedForm<impl Sized> {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let backend = Arc::new(backend);
    let created = Arc::new(Mutex::new(Vec::new()));
    let handle = {
        let (backend, created) = (backend.clone(), created.clone());
        mount_to(container.clone(), move || {
            provide_context(ApiClient::with_fixture(backend.clone()));
            let created = created.clone();
            view! {
                <CreateLinkDialog entry_id=fixtures::ENTRY_ID.to_owned() on_cancel=|_| {}
                    on_created=move |link| created.lock().unwrap().push(link) />
            }
        })
    };
    MountedForm {
        container,
        backend,
        created,
        _handle: handle,
    }
}

/// Mounts the form for a fixture entry with one link.
fn mount_form() -> (HtmlElement, impl Sized) {
    let mounted = mount_with(backend_with_links(1));
    (mounted.container.clone(), mounted)
}

fn backend_with_links(count: usize) -> FixtureBackend {
    FixtureBackend::new(fixtures::data(fixtures::settings(), fixtures::links(count)))
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

#[wasm_bindgen_test]
async fn valid_form_creates_link() {
    let form = mount_with(backend_with_links(1));
    settle().await;

    type_into(
        &input_labelled(&form.container, "Link Name"),
        "  Guest panel ",
    );
    type_into(&input_labelled(&form.container, "# of clicks"), "10");
    type_into(&input_labelled(&form.container, "Duration"), "7");
    press_create(&form.container);
    settle().await;

    let created = form.created.lock().unwrap().clone();
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].name, "Guest panel");
    assert_eq!(created[0].clicks_limit, Some(10));
    assert_eq!(created[0].expires_at, Some(fixtures::NOW + 7 * 86_400));
    assert_eq!(form.backend.snapshot().links.len(), 2);
}

#[wasm_bindgen_test]
async fn limit_reached_is_form_error() {
    let form = mount_with(backend_with_links(3));
    settle().await;
    let name = input_labelled(&form.container, "Link Name");

    type_into(&name, "Fourth");
    press_create(&form.container);
    settle().await;

    let alert = form
        .container
        .query_selector(".ga-form__error[role='alert']")
        .unwrap()
        .map(|element| element.text_content().unwrap_or_default());
    assert_eq!(
        alert.as_deref(),
        Some("This media already has 3 guest links. Delete one to create another.")
    );
    assert_eq!(name.value(), "Fourth");
    assert!(form.created.lock().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn failed_request_offers_retry() {
    let backend = backend_with_links(0).reply(Action::AddLink, Reply::Fail(ApiError::Network));
    let form = mount_with(backend);
    settle().await;
    let name = input_labelled(&form.container, "Link Name");

    type_into(&name, "Guest speakers");
    press_create(&form.container);
    settle().await;

    let failure = form
        .container
        .query_selector(".ga-failure[role='alert']")
        .unwrap()
        .expect("a failure notice");
    let text = failure.text_content().unwrap_or_default();
    assert!(text.contains("Couldn't reach the server"), "{text}");
    assert!(text.contains("Retry"), "{text}");
    assert_eq!(name.value(), "Guest speakers");
    assert!(form.backend.snapshot().links.is_empty());
}

#[wasm_bindgen_test]
async fn submitting_disables_create() {
    let backend = backend_with_links(0).reply(Action::AddLink, Reply::Pending);
    let form = mount_with(backend);
    settle().await;

    type_into(
        &input_labelled(&form.container, "Link Name"),
        "Guest speakers",
    );
    press_create(&form.container);
    settle().await;

    let button: HtmlElement = form
        .container
        .query_selector("button[type='submit']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Creating…"));
    assert!(button.has_attribute("disabled"));
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
}
