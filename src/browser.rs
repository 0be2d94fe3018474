//! Browser services the pages use: the clipboard, and dates and numbers in the viewer's
//! locale.

use std::cell::RefCell;
use std::thread::LocalKey;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::present::expiry_label;

/// Reason a copy to the clipboard did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyFailure {
    /// The page has no Clipboard API, as on plain http.
    Unavailable,
    /// The browser refused the write, as in an iframe without clipboard permission.
    Refused,
}

/// Writes `text` to the clipboard and returns only once the browser confirmed the write.
pub async fn copy_to_clipboard(text: &str) -> Result<(), CopyFailure> {
    let navigator = leptos::prelude::window().navigator();
    let present = Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !present {
        return Err(CopyFailure::Unavailable);
    }
    let write = navigator.clipboard().write_text(text);
    JsFuture::from(write)
        .await
        .map(drop)
        .map_err(|_| CopyFailure::Refused)
}

/// Formats an expiry time as a long date ("April 23, 2026" in English) in the viewer's
/// locale and time zone, "Never", or "Unknown date" for a time `Date` cannot hold.
pub fn local_expiry_label(expires_at: Option<i64>) -> String {
    expiry_label(expires_at, intl_long_date)
}

fn intl_long_date(seconds: i64) -> Option<String> {
    let date = Date::new(&JsValue::from_f64(seconds as f64 * 1000.0));
    // An invalid date makes `format` throw a RangeError, which becomes `None`.
    let formatted = long_date_format()
        .format()
        .call1(&JsValue::UNDEFINED, &date)
        .ok()?;
    formatted
        .dyn_into::<js_sys::JsString>()
        .ok()
        .map(String::from)
}

/// A formatter, with the locales it was made for.
type Cached<T> = RefCell<Option<(Vec<String>, T)>>;

thread_local! {
    // Making the first formatter loads the locale's data: about 20 ms for a date
    // formatter in Chromium on the benchmark machine, so each is made once.
    static LONG_DATE: Cached<Intl::DateTimeFormat> = const { RefCell::new(None) };
    static NUMBER: Cached<Intl::NumberFormat> = const { RefCell::new(None) };
}

/// Returns the formatter in `cell` when it was made for the current locales, or makes it.
fn cached<T: Clone>(cell: &'static LocalKey<Cached<T>>, make: impl FnOnce(&Array) -> T) -> T {
    let locales = crate::i18n::format_locales();
    cell.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((made_for, formatter)) = cell.as_ref() {
            if *made_for == locales {
                return formatter.clone();
            }
        }
        let tags: Array = locales.iter().map(|tag| JsValue::from_str(tag)).collect();
        let formatter = make(&tags);
        *cell = Some((locales, formatter.clone()));
        formatter
    })
}

fn long_date_format() -> Intl::DateTimeFormat {
    cached(&LONG_DATE, |locales| {
        let options = Object::new();
        for (key, value) in [("year", "numeric"), ("month", "long"), ("day", "numeric")] {
            let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        Intl::DateTimeFormat::new(locales, &options)
    })
}

fn number_format() -> Intl::NumberFormat {
    cached(&NUMBER, |locales| {
        Intl::NumberFormat::new(locales, &Object::new())
    })
}

/// Makes the date and number formatters in a task of their own, so that a page which
/// will show dates pays for the locale's data while it waits for the network, not while
/// it draws.
pub fn prepare_formatters() {
    leptos::prelude::set_timeout(
        || {
            long_date_format();
            number_format();
        },
        std::time::Duration::ZERO,
    );
}

/// Formats a number with `Intl.NumberFormat` in the reader's locale ("1,000", "1.000").
#[cfg(target_arch = "wasm32")]
pub fn format_number(number: f64) -> String {
    number_format()
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(number))
        .ok()
        .and_then(|text| text.as_string())
        // JavaScript's own conversion, so the wasm carries no float formatting of its own.
        .or_else(|| {
            js_sys::Number::from(number)
                .to_string_with_radix(10)
                .ok()
                .map(String::from)
        })
        .unwrap_or_default()
}

/// Formats a number the English way, as `Intl` does for "en", for native tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn format_number(number: f64) -> String {
    if number.fract() != 0.0 || number.abs() >= 1e15 {
        return number.to_string();
    }
    let digits = (number.abs() as u64).to_string();
    let mut grouped = String::from(if number < 0.0 { "-" } else { "" });
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// Waits for `duration` without blocking the page.
pub async fn sleep(duration: std::time::Duration) {
    let milliseconds = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let window = leptos::prelude::window();
        let scheduled =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds);
        if scheduled.is_err() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::format_number;

    #[test]
    fn native_numbers_group_thousands() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(1000.0), "1,000");
        assert_eq!(format_number(1_000_000.0), "1,000,000");
        assert_eq!(format_number(-12345.0), "-12,345");
        assert_eq!(format_number(2.5), "2.5");
    }
}
