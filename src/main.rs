//! Entry point of the WebAssembly app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(guest_access_ui::App);
}
