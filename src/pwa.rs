//! The app's side of offline use and installation: registers the service worker that
//! `cargo xtask dist` writes (`sw.js` under the base path), notices a waiting new version and
//! activates it on request, follows the network state, and keeps the browser's install prompt.
//!
//! Everything here runs in an effect, so only in the browser and after hydration; render code
//! only reads the signals of [`Pwa`]. Inside a frame (an embedding page) nothing is registered and
//! no installation is offered.

use crate::paths::{BASE_PATH, asset};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The message that tells a waiting service worker to take over (see `pwa/service-worker.js`).
const SKIP_WAITING: &str = "SKIP_WAITING";

/// The state that the notices and the install button show.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// A new version is installed and waits for the reader's consent to take over.
    pub update_ready: RwSignal<bool>,
    /// The device is offline.
    pub offline: RwSignal<bool>,
    /// The browser's deferred install prompt (`beforeinstallprompt`), while it is available.
    pub install_prompt: RwSignal<Option<web_sys::Event>, LocalStorage>,
    /// The app runs embedded: in embed mode, or inside a frame of another page.
    pub embedded: RwSignal<bool>,
    /// The service worker registration, once it exists.
    registration: RwSignal<Option<web_sys::ServiceWorkerRegistration>, LocalStorage>,
}

/// Creates the state, provides it as context and starts the browser side once. In embed mode
/// (`embedded`) nothing starts: no worker, no install prompt, nothing stored.
pub fn provide_pwa(embedded: bool) -> Pwa {
    let pwa = Pwa {
        update_ready: RwSignal::new(false),
        offline: RwSignal::new(false),
        install_prompt: RwSignal::new_local(None),
        embedded: RwSignal::new(embedded),
        registration: RwSignal::new_local(None),
    };
    provide_context(pwa);
    Effect::new(move |started: Option<()>| {
        if started.is_none() && !embedded {
            start(pwa);
        }
    });
    pwa
}

/// The state provided by [`provide_pwa`].
pub fn use_pwa() -> Pwa {
    expect_context::<Pwa>()
}

/// Wires the browser's events to the state; called once, in the browser, outside embed mode.
fn start(pwa: Pwa) {
    let window = window();
    let in_frame = window
        .top()
        .ok()
        .flatten()
        .is_some_and(|top| !js_sys::Object::is(&top, &window));
    if in_frame {
        pwa.embedded.set(true);
        return;
    }
    pwa.offline.set(!window.navigator().on_line());
    // The listeners stay for the page's life: dropping a handle does not remove its listener.
    _ = window_event_listener(ev::online, move |_| pwa.offline.set(false));
    _ = window_event_listener(ev::offline, move |_| pwa.offline.set(true));
    _ = window_event_listener_untyped("beforeinstallprompt", move |event| {
        // Keep the prompt for the button on the service page instead of the browser's banner.
        event.prevent_default();
        pwa.install_prompt.set(Some(event));
    });
    _ = window_event_listener_untyped("appinstalled", move |_| pwa.install_prompt.set(None));
    register_worker(pwa);
}

/// Registers the service worker and watches for a new version that waits.
fn register_worker(pwa: Pwa) {
    let navigator = window().navigator();
    // Browsers without service workers (or pages outside a secure context) lack the property.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&format!("{BASE_PATH}/"));
    let promise = container.register_with_options(&asset("sw.js"), &options);
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        pwa.registration.set(Some(registration.clone()));
        // A worker that waits already (installed during an earlier visit) is an update only when
        // another one controls this page; the very first worker takes over by itself.
        let has_controller = move || window().navigator().service_worker().controller().is_some();
        if registration.waiting().is_some() && has_controller() {
            pwa.update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state_change = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    pwa.update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
            on_state_change.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Activates the waiting version and reloads the page once it controls the page: the reader
/// asked for it, so the reload is expected.
pub fn update_now(pwa: Pwa) {
    let Some(waiting) = pwa
        .registration
        .get_untracked()
        .and_then(|registration| registration.waiting())
    else {
        return;
    };
    let container = window().navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &SKIP_WAITING.into());
    let _ = waiting.post_message(&message);
}

/// Shows the browser's install dialog from the kept prompt; the prompt can be used once.
pub fn install(pwa: Pwa) {
    let Some(prompt) = pwa.install_prompt.get_untracked() else {
        return;
    };
    pwa.install_prompt.set(None);
    let show = js_sys::Reflect::get(&prompt, &"prompt".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(show) = show {
        let _ = show.call0(&prompt);
    }
}
