//! Browser tests: the app mounted in headless chromium by wasm-bindgen-test (`cargo xtask test`
//! runs them with `--target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

/// Waits for the browser to run timers and render (the router renders after the first tick).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

/// Waits until the page's `h1` reads `text`, or fails after about two seconds.
async fn wait_for_heading(text: &str) -> web_sys::Element {
    for _ in 0..100 {
        let heading = document().query_selector("main h1").unwrap();
        if let Some(heading) = heading.filter(|h| h.text_content().as_deref() == Some(text)) {
            return heading;
        }
        sleep(20).await;
    }
    panic!("no h1 reading {text:?} appeared");
}

/// Guards the page frame, the start page at the runner's root URL, and focus management: after
/// following a navigation link, focus is on the new page's `h1` and the live region names it.
#[wasm_bindgen_test]
async fn frame_renders_and_navigation_moves_focus_to_the_new_heading() {
    leptos::mount::mount_to_body(aktionsplan::App);
    let doc = document();
    wait_for_heading(aktionsplan::content::PLAN.start.title).await;
    let first_link = doc.query_selector("body a").unwrap().expect("a link");
    assert_eq!(first_link.get_attribute("href").as_deref(), Some("#inhalt"));
    assert_eq!(first_link.class_name(), "skip-link");
    assert!(
        doc.get_element_by_id("inhalt")
            .is_some_and(|m| m.tag_name() == "MAIN")
    );
    let headings = doc.query_selector_all("h1").unwrap();
    assert_eq!(headings.length(), 1);
    let nav = doc
        .query_selector("nav[aria-label=Hauptnavigation]")
        .unwrap()
        .expect("main navigation");
    assert_eq!(nav.query_selector_all("a").unwrap().length(), 4);

    let link = nav
        .query_selector("a[href='/leitlinien']")
        .unwrap()
        .expect("Leitlinien link");
    link.unchecked_into::<web_sys::HtmlElement>().click();
    let heading = wait_for_heading("Leitlinien").await;
    for _ in 0..50 {
        if doc.active_element().as_ref() == Some(&heading) {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(
        doc.active_element().as_ref(),
        Some(&heading),
        "focus is on the new h1"
    );
    let live = doc.get_element_by_id("ansage").expect("live region");
    assert_eq!(live.text_content().as_deref(), Some("Leitlinien"));
    assert_eq!(doc.title(), "Leitlinien – Aktionsplan Hessen");
}
