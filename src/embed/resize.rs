//! The browser side of embed mode: applies the host's theme to `<html>` and reports the page's
//! height to the host page whenever it changes.
//!
//! The messages are a public interface (README "Einbetten"). The app sends
//! `{ type: "aktionsplan:hoehe", version: 1, height, path, title }` to its parent window: on load,
//! after every change of the content's size (navigation, a narrower or wider frame, fonts,
//! opened details) and after every navigation. It answers
//! `{ type: "aktionsplan:hoehe-anfragen", version: 1 }` from the parent window, and only when the
//! host named its origin (`herkunft=`) and the message comes from there; it ignores everything else.

use super::theme::Theme;
use crate::paths::BASE_PATH;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The type of the app's size report.
pub const HEIGHT_MESSAGE: &str = "aktionsplan:hoehe";
/// The type of the host's request for a size report.
pub const REQUEST_MESSAGE: &str = "aktionsplan:hoehe-anfragen";
/// The version of the message format.
pub const MESSAGE_VERSION: u32 = 1;

thread_local! {
    /// The last report sent (height and path), so that unchanged sizes are not sent again.
    static LAST: RefCell<Option<(u32, String)>> = const { RefCell::new(None) };
}

/// Sets the theme on `<html>`: `data-einbettung`, `data-farbschema`, `data-dichte`, and the accent
/// colour as the custom properties `--akzent-hell` and `--akzent-dunkel`, which the style sheet
/// uses for its accent and link colours in the scheme the colour was checked for. Values reach
/// the style only as colours the app formatted itself, through the CSS object model (which a
/// Content-Security-Policy without `'unsafe-inline'` allows).
pub fn apply_theme(theme: &Theme) {
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = root.set_attribute("data-einbettung", "");
    match theme.scheme.attribute() {
        Some(scheme) => _ = root.set_attribute("data-farbschema", scheme),
        None => _ = root.remove_attribute("data-farbschema"),
    }
    if theme.compact {
        let _ = root.set_attribute("data-dichte", "kompakt");
    } else {
        let _ = root.remove_attribute("data-dichte");
    }
    if let Some(accent) = theme.accent {
        let style = root.style();
        let color = accent.color.to_string();
        if accent.light {
            let _ = style.set_property("--akzent-hell", &color);
        }
        if accent.dark {
            let _ = style.set_property("--akzent-dunkel", &color);
        }
    }
}

/// Starts the size reports: observes the document's size, reports after every navigation (see
/// [`report_after_navigation`]) and answers the host's requests. `host_origin` is where reports go;
/// without it they go to any parent (they hold nothing but the page's size, path and title), and
/// no request is answered.
pub fn start(host_origin: Option<String>) {
    let target = host_origin.clone().unwrap_or_else(|| "*".to_owned());
    let observed = target.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || report(&observed, false));
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        observer.observe(&root);
    }
    // The observer and its callback live as long as the page.
    on_resize.forget();
    if let Some(origin) = host_origin {
        let _ = window_event_listener(leptos::ev::message, move |event| {
            if is_request(&event, &origin) {
                report(&origin, true);
            }
        });
    }
    report(&target, true);
}

/// Reports the size once the next frame is laid out, after a navigation changed the page (the
/// size may be the same, but the host scrolls to the frame's top for a new page).
pub fn report_after_navigation(host_origin: Option<String>) {
    let target = host_origin.unwrap_or_else(|| "*".to_owned());
    request_animation_frame(move || report(&target, false));
}

/// Whether `event` is a size request from the parent window, sent from `origin`.
fn is_request(event: &web_sys::MessageEvent, origin: &str) -> bool {
    let from_parent = match (event.source(), window().parent().ok().flatten()) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    };
    if !from_parent || event.origin() != origin {
        return false;
    }
    is_message(&event.data(), REQUEST_MESSAGE)
}

/// Whether `data` is a message of this format: an object with the type `kind` and version
/// [`MESSAGE_VERSION`].
fn is_message(data: &wasm_bindgen::JsValue, kind: &str) -> bool {
    let field = |name: &str| js_sys::Reflect::get(data, &name.into()).ok();
    data.is_object()
        && field("type").and_then(|t| t.as_string()).as_deref() == Some(kind)
        && field("version").and_then(|v| v.as_f64()) == Some(f64::from(MESSAGE_VERSION))
}

/// The height of a size report from a frame of the app, if `event` is one: the type and version of
/// this format, and a height of at least 1 and at most a million pixels.
pub fn reported_height(event: &web_sys::MessageEvent) -> Option<u32> {
    let data = event.data();
    if !is_message(&data, HEIGHT_MESSAGE) {
        return None;
    }
    let height = js_sys::Reflect::get(&data, &"height".into())
        .ok()?
        .as_f64()?;
    (height.is_finite() && (1.0..=1_000_000.0).contains(&height)).then(|| height.ceil() as u32)
}

/// Sends the height of the document, the route path and the title to the parent window, unless
/// the same height and path were sent last and `always` is false.
fn report(target: &str, always: bool) {
    let Some(parent) = window().parent().ok().flatten() else {
        return;
    };
    let doc = document();
    let Some(root) = doc.document_element() else {
        return;
    };
    // The root element's own box is as tall as the content, whatever the frame's height; the
    // viewport-based `scrollHeight` would never shrink below the frame.
    let height = root.get_bounding_client_rect().height().ceil().max(0.0) as u32;
    let pathname = window().location().pathname().unwrap_or_default();
    let path = match pathname.strip_prefix(BASE_PATH) {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => "/".to_owned(),
    };
    let current = (height, path.clone());
    let unchanged = LAST.with(|last| last.borrow().as_ref() == Some(&current));
    if unchanged && !always {
        return;
    }
    LAST.with(|last| *last.borrow_mut() = Some(current));
    let message = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    };
    set("type", HEIGHT_MESSAGE.into());
    set("version", MESSAGE_VERSION.into());
    set("height", height.into());
    set("path", path.into());
    set("title", doc.title().into());
    let _ = parent.post_message(&message, target);
}
