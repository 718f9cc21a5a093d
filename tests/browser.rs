//! Browser tests: the app mounted in headless chromium by wasm-bindgen-test (`cargo xtask test`
//! runs them with `--target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

/// Guards the page frame: one `h1`, the skip link first, the main landmark it points to.
#[wasm_bindgen_test]
fn mounted_app_has_skip_link_main_and_one_heading() {
    let _app = leptos::mount::mount_to_body(aktionsplan::App);
    let doc = document();
    let first_link = doc.query_selector("body a").unwrap().expect("a link");
    assert_eq!(first_link.get_attribute("href").as_deref(), Some("#inhalt"));
    assert_eq!(first_link.class_name(), "skip-link");
    assert!(
        doc.get_element_by_id("inhalt")
            .is_some_and(|m| m.tag_name() == "MAIN")
    );
    assert_eq!(doc.query_selector_all("h1").unwrap().length(), 1);
    let nav = doc
        .query_selector("nav[aria-label=Hauptnavigation]")
        .unwrap()
        .expect("main navigation");
    assert_eq!(nav.query_selector_all("a").unwrap().length(), 4);
}
