//! Notices about the app itself: that the device is offline (and everything stays readable), and
//! that a new version is ready, with a button to switch to it.

use crate::pwa::{update_now, use_pwa};
use leptos::prelude::*;

/// The offline and update notices; each shows only while it applies.
///
/// Nothing here reloads the page by itself: a new version takes over only when the reader presses
/// the button.
#[component]
pub fn AppNotices() -> impl IntoView {
    let pwa = use_pwa();
    view! {
        <div class="app-notices" role="status">
            {move || {
                pwa.offline
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice notice--offline">
                                "Sie sind offline. Alle Seiten und die Suche bleiben lesbar."
                            </p>
                        }
                    })
            }}
            {move || {
                pwa.update_ready
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice notice--update">
                                "Eine neue Version ist verfügbar. "
                                <button type="button" on:click=move |_| update_now(pwa)>
                                    "Jetzt aktualisieren"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}
