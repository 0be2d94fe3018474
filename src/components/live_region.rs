//! Short messages about the result of an action, shown and announced politely.

use std::time::Duration;

use leptos::prelude::*;

/// How long a message stays on screen.
const MESSAGE_SECONDS: u64 = 5;

/// The message to show; a context value shared by the page and its dialogs.
#[derive(Clone, Copy)]
pub struct Announcer {
    message: RwSignal<Option<(u64, String)>>,
}

impl Announcer {
    /// Creates an announcer and provides it to the components below the current owner.
    pub fn provide() -> Self {
        let announcer = Announcer {
            message: RwSignal::new(None),
        };
        provide_context(announcer);
        announcer
    }

    /// Shows `text` and announces it, replacing any earlier message.
    pub fn announce(&self, text: impl Into<String>) {
        let serial = self.show(text.into());
        let message = self.message;
        set_timeout(
            move || {
                // A newer message keeps its own full time on screen.
                if message
                    .try_get_untracked()
                    .flatten()
                    .is_some_and(|(current, _)| current == serial)
                {
                    message.set(None);
                }
            },
            Duration::from_secs(MESSAGE_SECONDS),
        );
    }

    /// Shows `text` and announces it until another message replaces it, for the gallery.
    #[cfg(feature = "gallery")]
    pub fn hold(&self, text: impl Into<String>) {
        self.show(text.into());
    }

    /// Shows `text` and returns its serial number.
    fn show(&self, text: String) -> u64 {
        let serial = self
            .message
            .get_untracked()
            .map_or(1, |(serial, _)| serial + 1);
        self.message.set(Some((serial, text)));
        serial
    }
}

/// A polite live region that shows the announcer's message.
///
/// A modal dialog makes the page behind it inert, and inert content is not announced, so
/// each open dialog that reports results renders its own region.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    let text = move || announcer.message.get().map(|(_, text)| text);

    view! {
        <div class="ga-toast" role="status" aria-live="polite" aria-atomic="true"
            data-state=move || if text().is_some() { "shown" } else { "hidden" }>
            {text}
        </div>
    }
}
