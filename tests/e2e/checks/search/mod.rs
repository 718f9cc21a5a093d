//! Checks of the Hessen-Suche: the header's combobox, the results page at `/suche`, the highlight
//! on the page a result leads to, odd input through the real UI, and axe-core on the search states.

mod accessibility;
mod bad_input;
mod combobox;
mod results_page;
mod typing;

use std::sync::Arc;

use fantoccini::Locator;
use fantoccini::elements::Element;
use libtest_mimic::{Failed, Trial};
use serde_json::Value as Json;

use super::trial;
use crate::env::{Env, Shared};
use crate::page::{SETTLE_LIMIT, within};
use crate::routes::route;
use accessibility::{AXE_STATES, axe_clean};
use bad_input::{ODD_QUERIES, odd_query_in_url, odd_query_typed};
use combobox::{arrow_keys_and_escape, enter_opens_active_option, enter_submits_query};
use results_page::{
    DEEP_LINKS, NO_RESULTS, deep_link, follow_result, no_results, typing_replaces_url,
};
use typing::{SUGGESTIONS, suggests_as_you_type};

/// The path of the results page.
const SEARCH: &str = "/suche";

/// The id of the header's search field, the combobox.
const FIELD: &str = "suchfeld";

/// JavaScript that collapses whitespace like [`normalize`].
const NORM_JS: &str =
    "const norm = s => (s || '').replace(/[\\u00ad\\u200b]/g, '').replace(/\\s+/g, ' ').trim();";

/// JavaScript describing the header's combobox: field, list, options and focus.
const COMBOBOX_JS: &str = "const input = document.getElementById('suchfeld'); \
    const list = document.getElementById('suchvorschlaege'); \
    const popup = list && list.closest('.search-box__popup'); \
    const status = input && input.form && input.form.querySelector('[role=status]'); \
    return input && { value: input.value, \
      role: input.getAttribute('role'), \
      controls: input.getAttribute('aria-controls'), \
      expanded: input.getAttribute('aria-expanded'), \
      active: input.getAttribute('aria-activedescendant'), \
      focused: document.activeElement === input, \
      shown: !!popup && !popup.hidden && popup.getClientRects().length > 0, \
      status: status ? norm(status.textContent) : null, \
      options: list ? Array.from(list.querySelectorAll('[role=option]'), o => ({ id: o.id, \
        selected: o.getAttribute('aria-selected'), \
        title: norm((o.querySelector('.suggestion__title') || o).textContent), \
        text: norm(o.textContent) })) : [] };";

/// JavaScript describing the results page: field, status, notices, results and the no-result help.
const RESULTS_JS: &str = "const field = document.getElementById('suchbegriff'); \
    const status = document.querySelector('main [role=status].search-status'); \
    const meant = Array.from(document.querySelectorAll('main p')) \
      .find(p => norm(p.textContent).startsWith('Meinten Sie')); \
    const areas = Array.from(document.querySelectorAll('main h2')) \
      .find(h => norm(h.textContent) === 'Die Handlungsfelder'); \
    const areaList = areas && areas.nextElementSibling; \
    return { path: routePath(location.pathname), search: location.search, \
      h1: Array.from(document.querySelectorAll('h1'), h => norm(h.textContent)), \
      field: field ? field.value : null, \
      status: status ? norm(status.textContent) : null, \
      notices: Array.from(document.querySelectorAll('main .notice'), n => norm(n.textContent)), \
      lists: document.querySelectorAll('main ol.results').length, \
      images: document.querySelectorAll('main img').length, \
      results: Array.from(document.querySelectorAll('main ol.results > li.result'), li => { \
        const a = li.querySelector('a.result__link'); \
        return { first: !!li.firstElementChild && li.firstElementChild.matches('a.result__link'), \
          href: a ? routePath(a.getAttribute('href')) : null, title: a ? norm(a.textContent) : null, \
          context: !!li.querySelector('.result__context'), \
          marks: li.querySelectorAll('.result__snippet mark').length }; }), \
      meant: meant ? { text: norm(meant.textContent), \
        links: Array.from(meant.querySelectorAll('a'), a => ({ text: norm(a.textContent), \
          href: routePath(a.getAttribute('href')) })) } : null, \
      areas: areaList && areaList.matches('ul') \
        ? Array.from(areaList.querySelectorAll('a'), a => routePath(a.getAttribute('href'))) : null };";

/// What is typed in the keyboard trials; it finds two sections, so that the arrows can wrap.
const KEYBOARD_QUERY: &str = "Ehrenamt";

/// Every search trial, in the order they run; each name starts with `search::`.
pub fn trials(shared: &Arc<Shared>) -> Vec<Trial> {
    let mut trials = Vec::new();
    trials.extend(SUGGESTIONS.iter().map(|case| {
        trial(
            shared,
            format!("search::header_field_suggests_as_you_type::{}", case.name),
            async move |env| suggests_as_you_type(env, case).await,
        )
    }));
    trials.push(trial(
        shared,
        "search::header_combobox_arrow_keys_wrap_and_escape_closes".to_owned(),
        async |env| arrow_keys_and_escape(env).await,
    ));
    trials.push(trial(
        shared,
        "search::header_combobox_enter_opens_the_active_suggestion_in_the_app".to_owned(),
        async |env| enter_opens_active_option(env).await,
    ));
    trials.push(trial(
        shared,
        "search::header_combobox_enter_without_choice_opens_the_results_page".to_owned(),
        async |env| enter_submits_query(env).await,
    ));
    trials.extend(DEEP_LINKS.iter().map(|case| {
        trial(
            shared,
            format!(
                "search::deep_link_lists_the_best_page_first::{}",
                case.query
            ),
            async move |env| deep_link(env, case).await,
        )
    }));
    trials.push(trial(
        shared,
        "search::typing_on_results_page_replaces_the_url".to_owned(),
        async |env| typing_replaces_url(env).await,
    ));
    trials.extend(DEEP_LINKS.iter().map(|case| {
        trial(
            shared,
            format!(
                "search::result_link_focuses_and_highlights_the_section::{}",
                case.query
            ),
            async move |env| follow_result(env, case).await,
        )
    }));
    trials.extend(NO_RESULTS.iter().map(|case| {
        trial(
            shared,
            format!(
                "search::no_result_page_offers_words_and_areas::{}",
                case.name
            ),
            async move |env| no_results(env, case).await,
        )
    }));
    trials.extend(ODD_QUERIES.iter().map(|case| {
        trial(
            shared,
            format!("search::odd_query_in_url_is_harmless::{}", case.name),
            async move |env| odd_query_in_url(env, case).await,
        )
    }));
    trials.extend(ODD_QUERIES.iter().map(|case| {
        trial(
            shared,
            format!(
                "search::odd_query_typed_into_header_is_harmless::{}",
                case.name
            ),
            async move |env| odd_query_typed(env, case).await,
        )
    }));
    trials.extend(AXE_STATES.iter().map(|state| {
        trial(
            shared,
            format!("search::axe_finds_no_violations::{}", state.name),
            async move |env| axe_clean(env, state).await,
        )
    }));
    trials
}

/// Loads `path` (with its query) at `viewport` and waits for the search page's heading.
///
/// The browser log is drained first, like [`Env::open_at`] does.
async fn open_path(env: &Env, path: &str, viewport: (u32, u32)) -> Result<(), Failed> {
    env.set_viewport(viewport).await?;
    env.browser.take_log()?;
    let url = env.url(path);
    env.browser
        .client
        .goto(&url)
        .await
        .map_err(|e| format!("cannot load {}: {e}", describe(&url)))?;
    let target = route(path_of(path));
    env.wait_for_heading(&target)
        .await
        .map_err(within(format!("loading {}", describe(path))))
}

/// The first element matching `css`.
async fn find(env: &Env, css: &str) -> Result<Element, Failed> {
    env.browser
        .client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("cannot find {css}: {e}").into())
}

/// Scrolls `element` into view at once, marks the document, and clicks it.
async fn click(env: &Env, element: &Element) -> Result<(), Failed> {
    // The app scrolls smoothly, and WebDriver's own scrolling does not wait for it; see navigation.rs.
    let value = serde_json::to_value(element).map_err(|e| e.to_string())?;
    env.js(
        "arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' }); \
         window.__e2e_marker = 1;",
        vec![value],
    )
    .await?;
    element
        .click()
        .await
        .map_err(|e| format!("cannot click {}: {e}", element.element_id()).into())
}

/// Marks the document, so that a later check can tell an in-app navigation from a reload.
async fn set_marker(env: &Env) -> Result<(), Failed> {
    env.js("window.__e2e_marker = 1;", vec![]).await.map(|_| ())
}

/// Presses and releases each character of `keys` (text or [`Key`] codes) on the focused element.
async fn press(env: &Env, keys: &str) -> Result<(), Failed> {
    env.press_keys(keys, false).await.map_err(|e| {
        format!(
            "cannot press {}: {}",
            describe(keys),
            e.message().unwrap_or("failed")
        )
        .into()
    })
}

/// Waits until the combobox's state satisfies `done`; fails with `context`, `want` and what was seen.
async fn expect_combobox(
    env: &Env,
    context: &str,
    want: &str,
    done: impl Fn(&Json) -> bool,
) -> Result<Json, Failed> {
    let script = format!("{NORM_JS} {COMBOBOX_JS}");
    let (state, ok) = env
        .js_until(&script, SETTLE_LIMIT, |c| !c.is_null() && done(c))
        .await?;
    if ok {
        return Ok(state);
    }
    if state.is_null() {
        return Err(format!("{context}: there is no #{FIELD}").into());
    }
    let options: Vec<String> = options(&state)
        .map(|o| {
            format!(
                "{} aria-selected={} {:?}",
                text(&o["id"]),
                text(&o["selected"]),
                text(&o["text"])
            )
        })
        .collect();
    Err(format!(
        "{context}: expected {want}; #{FIELD} reads {} with aria-expanded {}, \
         aria-activedescendant {}, {}focused; the list is {}; options:\n    {}",
        describe(state["value"].as_str().unwrap_or_default()),
        state["expanded"],
        state["active"],
        if state["focused"] == true { "" } else { "not " },
        if state["shown"] == true {
            "shown"
        } else {
            "hidden"
        },
        if options.is_empty() {
            "(none)".to_owned()
        } else {
            options.join("\n    ")
        }
    )
    .into())
}

/// Reads the results page once its status sentence is there.
async fn results_page(env: &Env) -> Result<Json, Failed> {
    let script = format!("{NORM_JS} {RESULTS_JS}");
    let (page, _) = env
        .js_until(&script, SETTLE_LIMIT, |p| {
            p["status"].as_str().is_some_and(|s| !s.is_empty())
        })
        .await?;
    Ok(page)
}

/// The options in a combobox state.
fn options(state: &Json) -> impl Iterator<Item = &Json> {
    state["options"].as_array().into_iter().flatten()
}

/// The results in a results-page state.
fn results(page: &Json) -> impl Iterator<Item = &Json> {
    page["results"].as_array().into_iter().flatten()
}

/// A JSON string's text, or its JSON form for other values.
fn text(value: &Json) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// The search page's path for `query`, encoded as the app encodes it.
fn search_path(query: &str) -> String {
    format!("{SEARCH}?q={}", encode(query))
}

/// Percent-encodes every byte but ASCII letters and digits, as the app's links do.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The path of a link or URL path, without query or fragment.
fn path_of(href: &str) -> &str {
    href.split(['?', '#']).next().unwrap_or_default()
}

/// A text for a failure message: quoted, and shortened when very long.
fn describe(text: &str) -> String {
    let count = text.chars().count();
    if count <= 80 {
        format!("{text:?}")
    } else {
        let start: String = text.chars().take(60).collect();
        format!("{start:?}… ({count} characters)")
    }
}

/// Fails with every problem found, one per line, after `context`.
fn report(context: &str, problems: Vec<String>) -> Result<(), Failed> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{context}:\n  {}", problems.join("\n  ")).into())
    }
}
