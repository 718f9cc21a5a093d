//! The browser entry point: mounts the app into the page's body.

fn main() {
    leptos::mount::mount_to_body(aktionsplan::App);
}
