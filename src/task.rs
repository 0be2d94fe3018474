//! Ties a backend call to the reactive owner that started it.

use std::future::Future;

use futures_util::future::{AbortHandle, Abortable};
use leptos::prelude::{expect_context, on_cleanup, LocalResource, Owner};
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::api::{ApiClient, ApiError};

/// Creates a resource that loads through the app's client, loads again when the value
/// returned by `key` changes, and cancels its call when its owner is cleaned up.
pub fn api_resource<K, T, Call>(
    key: impl Fn() -> K + 'static,
    load: impl Fn(ApiClient, K) -> Call + 'static,
) -> LocalResource<Result<T, ApiError>>
where
    K: 'static,
    T: 'static,
    Call: Future<Output = Result<T, ApiError>> + 'static,
{
    let client = expect_context::<ApiClient>();
    LocalResource::new(move || cancel_on_cleanup(load(client.clone(), key())))
}

/// Runs `call` until it finishes or the current reactive owner is cleaned up.
///
/// Cleaning up drops the call, and dropping a call aborts its `fetch`, so a component that
/// goes away leaves no request running and no late response to write into disposed state.
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

/// The component a task belongs to: tasks it spawns are cancelled when that component goes
/// away, whichever element's event handler starts them.
///
/// `spawn_local_scoped_with_cancellation` alone ties a task to the owner current when it is
/// called, and in a handler of a child that owner can be the child's. A Retry button that
/// hides itself when pressed would then cancel the very request it started.
#[derive(Clone)]
pub struct TaskScope(Owner);

impl TaskScope {
    /// Captures the component that is being created.
    pub fn current() -> Self {
        TaskScope(Owner::current().unwrap_or_default())
    }

    /// Runs `task` until it finishes or the component goes away.
    pub fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        self.0.with(|| spawn_local_scoped_with_cancellation(task));
    }
}
