//! The browser trials, one per route and concern, each named after what it guards.

mod accessibility;
mod content;
mod csp;
mod embed;
mod hydration;
mod navigation;
mod pages;
mod pwa;
mod requests;
mod search;
mod wcag;
mod without_js;

use std::sync::Arc;

use libtest_mimic::{Failed, Trial};

use crate::env::{Env, Shared};
use crate::routes::ROUTES;

/// Every browser trial, in the order they run.
pub fn trials(shared: &Arc<Shared>) -> Vec<Trial> {
    let mut trials = Vec::new();
    for &route in ROUTES {
        let name = |guard: &str| format!("{guard}::{}", route.path);
        trials.push(trial(
            shared,
            name("deep_link_and_reload_show_the_page"),
            async move |env| pages::deep_link_and_reload(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("page_has_lang_heading_landmark_and_description"),
            async move |env| pages::structure(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("skip_link_is_the_first_tab_stop"),
            async move |env| pages::skip_link_first(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("no_request_leaves_the_origin_and_no_console_errors"),
            async move |env| requests::stays_on_origin(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("prerendered_page_hydrates_without_warnings_or_layout_shift"),
            async move |env| hydration::hydrates_cleanly(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("without_javascript::page_shows_its_text"),
            async move |env| without_js::page_shows_its_text(env, &route).await,
        ));
        if route.is_area() {
            trials.push(trial(
                shared,
                name("area_photo_has_its_alt_text"),
                async move |env| content::area_photo_alt(env, &route).await,
            ));
        }
        for viewport in accessibility::VIEWPORTS {
            trials.push(trial(
                shared,
                name(&format!("axe_finds_no_violations_at_{}px", viewport.0)),
                async move |env| accessibility::axe_clean(env, &route, viewport).await,
            ));
        }
    }
    trials.push(trial(
        shared,
        "every_source_sentence_appears_on_some_route".to_owned(),
        async |env| content::every_sentence_appears(env, true).await,
    ));
    trials.push(trial(
        shared,
        "without_javascript::every_source_sentence_appears_on_some_route".to_owned(),
        async |env| content::every_sentence_appears(env, false).await,
    ));
    trials.push(trial(
        shared,
        "without_javascript::menu_opens_at_320px_and_links_work".to_owned(),
        async |env| without_js::menu_opens_and_links_work(env).await,
    ));
    trials.push(trial(
        shared,
        "without_javascript::search_page_explains_and_lists_the_areas".to_owned(),
        async |env| without_js::search_page_explains_and_lists_areas(env).await,
    ));
    trials.extend(navigation::CLICKS.iter().map(|click| {
        trial(
            shared,
            format!("in_app_navigation::{}", click.name),
            async move |env| navigation::click_through(env, click).await,
        )
    }));
    trials.push(trial(
        shared,
        "csp_header_is_sent_and_strict".to_owned(),
        async |env| csp::header_is_sent_and_strict(env).await,
    ));
    trials.push(trial(
        shared,
        "inline_script_outside_the_policy_is_blocked".to_owned(),
        async |env| csp::inline_script_is_blocked(env).await,
    ));
    trials.extend(search::trials(shared));
    trials.extend(pwa::trials(shared));
    trials.extend(wcag::trials(shared));
    trials.extend(embed::trials(shared));
    trials
}

/// A trial that runs `check` in the shared browser.
fn trial(
    shared: &Arc<Shared>,
    name: String,
    check: impl AsyncFnOnce(&Env) -> Result<(), Failed> + Send + 'static,
) -> Trial {
    let shared = Arc::clone(shared);
    Trial::test(name, move || shared.run(check))
}
