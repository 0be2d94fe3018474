//! Ties a backend call to the reactive owner that started it.

use std::future::Future;

use futures_util::future::{AbortHandle, Abortable};
use leptos::prelude::on_cleanup;

use crate::api::ApiError;

/// Runs `call` until it finishes or the current reactive owner is cleaned up.
///
/// Cleaning up drops the call, and dropping a call aborts its `fetch`, so a component that
/// goes away leaves no request running and no late answer to write into disposed state.
/// A call dropped this way ends with `ApiError::Cancelled`.
pub fn cancel_on_cleanup<T>(
    call: impl Future<Output = Result<T, ApiError>>,
) -> impl Future<Output = Result<T, ApiError>> {
    let (handle, registration) = AbortHandle::new_pair();
    on_cleanup(move || handle.abort());
    async move {
        Abortable::new(call, registration)
            .await
            .unwrap_or(Err(ApiError::Cancelled))
    }
}
