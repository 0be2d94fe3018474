//! Steps that bring a rendered component into the state a gallery entry shows, done
//! through the page as a user would: clicks, typing and a clipboard that rejects writes.

use std::time::Duration;

use js_sys::{Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

use crate::browser::sleep;
use crate::components::Announcer;

/// Time a step waits for the element it acts on to appear.
const ELEMENT_WAIT: Duration = Duration::from_secs(5);

/// Interval between two looks for an element.
const POLL_INTERVAL: Duration = Duration::from_millis(20);

/// One action on a rendered component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Clicks the first element that matches a CSS selector.
    Click(&'static str),
    /// Types text into the input whose label starts with the catalogue message of the
    /// given id, so the step works in every language.
    Type(&'static str, &'static str),
    /// Waits until an element matches a CSS selector.
    WaitFor(&'static str),
    /// Makes every clipboard write fail, as a browser that denies the permission does.
    RejectClipboard,
    /// Shows the catalogue message of the given id in the live region until another
    /// replaces it.
    Announce(&'static str),
}

/// Failure of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFailed {
    /// The step.
    pub step: Step,
    /// Description of the failure.
    pub reason: String,
}

/// Does `steps` in order, each once the page has drawn the previous one's result.
/// Announcements go to `announcer`.
pub async fn play(steps: &[Step], announcer: Announcer) -> Result<(), StepFailed> {
    settle().await;
    for step in steps {
        run(step, announcer).await.map_err(|reason| StepFailed {
            step: step.clone(),
            reason,
        })?;
        settle().await;
    }
    Ok(())
}

async fn run(step: &Step, announcer: Announcer) -> Result<(), String> {
    match step {
        Step::Click(selector) => {
            let element: HtmlElement = wait_for(selector).await?.unchecked_into();
            element.click();
        }
        Step::Type(label, text) => {
            let input = input_labelled(&crate::i18n::text(label)).await?;
            let _ = input.focus();
            input.set_value(text);
            let init = EventInit::new();
            init.set_bubbles(true);
            let event = Event::new_with_event_init_dict("input", &init)
                .map_err(|_| "the input event could not be created".to_owned())?;
            let _ = input.dispatch_event(&event);
        }
        Step::WaitFor(selector) => {
            wait_for(selector).await?;
        }
        Step::RejectClipboard => reject_clipboard_writes()?,
        Step::Announce(id) => announcer.hold(crate::i18n::text(id)),
    }
    Ok(())
}

/// Waits until the page has handled pending updates and drawn a frame.
async fn settle() {
    leptos::task::tick().await;
    sleep(Duration::from_millis(30)).await;
}

async fn wait_for(selector: &str) -> Result<Element, String> {
    let mut waited = Duration::ZERO;
    loop {
        let found = document()
            .query_selector(selector)
            .map_err(|_| format!("\"{selector}\" is not a valid selector"))?;
        if let Some(element) = found {
            return Ok(element);
        }
        if waited >= ELEMENT_WAIT {
            return Err(format!("no element matches \"{selector}\""));
        }
        sleep(POLL_INTERVAL).await;
        waited += POLL_INTERVAL;
    }
}

async fn input_labelled(label: &str) -> Result<HtmlInputElement, String> {
    let mut waited = Duration::ZERO;
    loop {
        if let Some(input) = find_input_labelled(label) {
            return Ok(input);
        }
        if waited >= ELEMENT_WAIT {
            return Err(format!("no input has a label starting with \"{label}\""));
        }
        sleep(POLL_INTERVAL).await;
        waited += POLL_INTERVAL;
    }
}

fn find_input_labelled(label: &str) -> Option<HtmlInputElement> {
    let labels = document().query_selector_all("label[for]").ok()?;
    let id = (0..labels.length())
        .filter_map(|index| labels.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .find(|element| {
            element
                .text_content()
                .is_some_and(|text| text.trim().starts_with(label))
        })?
        .get_attribute("for")?;
    document().get_element_by_id(&id)?.dyn_into().ok()
}

/// Replaces `navigator.clipboard` with one whose writes are rejected.
fn reject_clipboard_writes() -> Result<(), String> {
    let reject = Closure::<dyn Fn(JsValue) -> Promise>::new(|_text| {
        Promise::reject(&JsValue::from_str("NotAllowedError"))
    });
    let clipboard = Object::new();
    let failed = || "the clipboard could not be replaced".to_owned();
    Reflect::set(&clipboard, &"writeText".into(), reject.as_ref()).map_err(|_| failed())?;
    // The page lives as long as the preview, so the function may too.
    reject.forget();
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"value".into(), &clipboard).map_err(|_| failed())?;
    Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).map_err(|_| failed())?;
    let navigator = window().navigator();
    let defined = Reflect::define_property(&navigator, &"clipboard".into(), &descriptor)
        .map_err(|_| failed())?;
    defined.then_some(()).ok_or_else(failed)
}
