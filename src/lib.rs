//! Guest access for Kaltura media pages: the app, the choice of its page and its start-up.

pub mod api;
pub mod browser;
pub mod components;
pub mod config;
#[cfg(feature = "gallery")]
pub mod fixtures;
pub mod form;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod guest;
pub mod i18n;
pub mod pages;
pub mod present;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
pub mod route;
pub mod task;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};

use crate::api::{fetch_text, ApiClient};
use crate::components::{AppLoading, ProblemPage};
use crate::config::{parse_config, AppConfig, ConfigError};
use crate::i18n::{negotiate, preferred_from_query, set_locale, Locale};
use crate::pages::{GuestPage, MediaPage, NotFoundPage};
use crate::route::{route, Route};

/// The whole app: loads `config.json`, then routes to the page for the address. The
/// component gallery, in builds that have it, needs no configuration and skips it.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    choose_language();

    view! {
        <Title formatter=|title: String| {
            if title.is_empty() { tr!("product-name") } else { tr!("page-title", title = title) }
        } />
        {app_content()}
    }
}

fn app_content() -> AnyView {
    #[cfg(feature = "gallery")]
    {
        let base_path = document_base().1;
        let pathname = window().location().pathname().unwrap_or_default();
        if gallery::is_gallery_path(&pathname, &base_path) {
            // The gallery's own pages are in English; each state's frame takes the
            // language from its address.
            if !pathname.ends_with("/frame") {
                apply_language(Locale::En, Vec::new());
            }
            return view! { <gallery::Gallery base_path /> }.into_any();
        }
    }
    let config = LocalResource::new(load_config);
    // No <Suspense> here or below: a resource read inside one would swap the whole page
    // for the fallback and back, which re-creates open modal dialogs.
    (move || match config.get() {
        None => view! { <AppLoading /> }.into_any(),
        Some(Ok(config)) => view! { <Routed config /> }.into_any(),
        Some(Err(error)) => view! { <ConfigErrorPage error /> }.into_any(),
    })
    .into_any()
}

/// The page for the address, with the configuration and client in context.
#[component]
fn Routed(config: AppConfig) -> impl IntoView {
    provide_context(ApiClient::new(&config));
    provide_context(config);
    let pathname = RwSignal::new(current_pathname());
    // No page links to another, but the history can still move within the document, as
    // when another script pushed an entry and the reader goes back.
    // A change of the fragment alone also fires popstate, and must not draw the page anew,
    // which would lose what the reader typed.
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let current = current_pathname();
        if pathname.with_untracked(|known| *known != current) {
            pathname.set(current);
        }
    });
    on_cleanup(move || listener.remove());
    let base_path = document_base().1;

    move || match route(&pathname.get(), &base_path) {
        Route::Media { entry_id } => view! { <MediaPage entry_id /> }.into_any(),
        Route::Guest { token } => view! { <GuestPage token /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

fn current_pathname() -> String {
    window().location().pathname().unwrap_or_default()
}

/// Shown when `config.json` is missing or invalid.
#[component]
pub fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    view! {
        <ProblemPage title=tr!("config-error-title")>
            <p>{tr!("config-error-body")}</p>
            <p class="ga-detail">{error.describe()}</p>
        </ProblemPage>
    }
}

/// Chooses the language from `?lang=` and the browser's languages, once at start-up.
fn choose_language() {
    let window = window();
    let search = window.location().search().unwrap_or_default();
    let browser_languages: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    let (locale, format_locales) = negotiate(preferred_from_query(&search), &browser_languages);
    apply_language(locale, format_locales);
}

/// Sets the language of the texts and marks the document with its `lang` and `dir`, which
/// mirror the layout for a right-to-left language.
pub fn apply_language(locale: Locale, format_locales: Vec<String>) {
    set_locale(locale, format_locales);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", locale.tag());
        let _ = root.set_attribute("dir", locale.direction());
    }
}

/// Fetches and parses `config.json` from the app's base URL, not from the current route.
async fn load_config() -> Result<AppConfig, ConfigError> {
    let (base_uri, _) = document_base();
    let url = web_sys::Url::new_with_base("config.json", &base_uri)
        .map_err(|_| ConfigError::Unreachable("the address of config.json is invalid".into()))?;
    let request = gloo_net::http::Request::get(&url.href());
    let (status, text) = fetch_text(request, None, crate::api::TIMEOUT_SECONDS)
        .await
        .map_err(|error| ConfigError::Unreachable(error.to_string()))?;
    if status != 200 {
        return Err(ConfigError::Status(status));
    }
    let origin = window().location().origin().unwrap_or_default();
    parse_config(&text, &origin)
}

/// Returns the document's base URI and its path.
fn document_base() -> (String, String) {
    let base_uri = document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| "/".into());
    let path = web_sys::Url::new(&base_uri)
        .map(|url| url.pathname())
        .unwrap_or_else(|_| "/".into());
    (base_uri, path)
}
