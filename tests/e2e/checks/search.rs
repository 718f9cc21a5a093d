//! Checks of the Hessen-Suche: the header's combobox, the results page at `/suche`, the highlight
//! on the page a result leads to, odd input through the real UI, and axe-core on the search states.

use std::sync::Arc;

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use libtest_mimic::{Failed, Trial};
use serde_json::Value as Json;

use super::trial;
use crate::axe;
use crate::env::{DEFAULT_VIEWPORT, Env, Shared};
use crate::page::{SETTLE_LIMIT, normalize, within};
use crate::routes::{ROUTES, route};

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
    return { path: location.pathname, search: location.search, \
      h1: Array.from(document.querySelectorAll('h1'), h => norm(h.textContent)), \
      field: field ? field.value : null, \
      status: status ? norm(status.textContent) : null, \
      notices: Array.from(document.querySelectorAll('main .notice'), n => norm(n.textContent)), \
      lists: document.querySelectorAll('main ol.results').length, \
      images: document.querySelectorAll('main img').length, \
      results: Array.from(document.querySelectorAll('main ol.results > li.result'), li => { \
        const a = li.querySelector('a.result__link'); \
        return { first: !!li.firstElementChild && li.firstElementChild.matches('a.result__link'), \
          href: a ? a.getAttribute('href') : null, title: a ? norm(a.textContent) : null, \
          context: !!li.querySelector('.result__context'), \
          marks: li.querySelectorAll('.result__snippet mark').length }; }), \
      meant: meant ? { text: norm(meant.textContent), \
        links: Array.from(meant.querySelectorAll('a'), a => ({ text: norm(a.textContent), \
          href: a.getAttribute('href') })) } : null, \
      areas: areaList && areaList.matches('ul') \
        ? Array.from(areaList.querySelectorAll('a'), a => a.getAttribute('href')) : null };";

/// JavaScript counting markup that odd input must never create.
const INJECTED_JS: &str = "return { \
    scripts: document.querySelectorAll('body script').length, \
    images: document.querySelectorAll('img[src=\"x\"], form img, .search-status img, \
      ol.results img, #suchvorschlaege img').length, \
    handlers: document.querySelectorAll('[onerror]').length };";

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

/// Text typed into the header field and a suggestion it must bring up.
pub struct Suggestion {
    /// The trial's name.
    pub name: &'static str,
    /// What is typed.
    pub typed: &'static str,
    /// Text that one suggestion must contain.
    pub expected: &'static str,
}

/// The suggestions checked: a whole word, and unfinished words that must be completed.
pub const SUGGESTIONS: &[Suggestion] = &[
    Suggestion {
        name: "whole_word",
        typed: "Ehrenamt",
        expected: "Unterstützung des Ehrenamts",
    },
    Suggestion {
        name: "prefix_of_an_indexed_word",
        typed: "Unterbr",
        expected: "Unterbringung",
    },
    // "Unterkunft" is a common word that the plan has only inside "Flüchtlingsunterkünfte" and
    // as a synonym, and the whole word finds the Unterbringung page; its start must too.
    Suggestion {
        name: "prefix_of_unterkunft",
        typed: "Unterk",
        expected: "Unterbringung",
    },
];

/// Types into `#suchfeld` on the start page; the list must open with the expected suggestion.
pub async fn suggests_as_you_type(env: &Env, case: &Suggestion) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    let field = find(env, &format!("#{FIELD}")).await?;
    field
        .send_keys(case.typed)
        .await
        .map_err(|e| format!("cannot type into #{FIELD}: {e}"))?;
    let context = format!("after typing {:?} into #{FIELD} on /", case.typed);
    let state = expect_combobox(env, &context, "the list open with the suggestion", |c| {
        c["value"] == case.typed
            && c["expanded"] == "true"
            && c["shown"] == true
            && options(c).any(|o| {
                o["text"]
                    .as_str()
                    .is_some_and(|t| t.contains(case.expected))
            })
    })
    .await
    .map_err(within(format!(
        "expected a suggestion containing {:?}",
        case.expected
    )))?;
    let mut problems = Vec::new();
    if state["role"] != "combobox" || state["controls"] != "suchvorschlaege" {
        problems.push(format!(
            "#{FIELD} has role {} and aria-controls {}, expected \"combobox\" and \"suchvorschlaege\"",
            state["role"], state["controls"]
        ));
    }
    let count = options(&state).count();
    let status = state["status"].as_str().unwrap_or_default();
    if !status.starts_with(&format!("{count} Vorschl")) {
        problems.push(format!(
            "the form's status reads {status:?}, expected it to announce {count} suggestions"
        ));
    }
    report(&context, problems)
}

/// What is typed in the keyboard trials; it finds two sections, so that the arrows can wrap.
const KEYBOARD_QUERY: &str = "Ehrenamt";

/// Arrow keys move the active option and wrap; Escape closes the list, a second one clears it.
pub async fn arrow_keys_and_escape(env: &Env) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    tab_to_field(env).await?;
    press(env, KEYBOARD_QUERY).await?;
    let typed = format!("after typing {KEYBOARD_QUERY:?}");
    let state = expect_combobox(env, &typed, "the list open with two or more options", |c| {
        c["expanded"] == "true" && options(c).count() >= 2
    })
    .await?;
    let count = options(&state).count();
    let last = count - 1;
    let steps: [(&Key, &str, usize); 3] = [
        (&Key::Down, "ArrowDown", 0),
        (&Key::Up, "ArrowUp (wrapping to the last)", last),
        (&Key::Down, "ArrowDown (wrapping to the first)", 0),
    ];
    for (key, name, index) in steps {
        press(env, key).await?;
        let id = format!("suchvorschlag-{index}");
        let want = format!(
            "aria-activedescendant {id:?}, only that option aria-selected=true, focus on the field"
        );
        expect_combobox(env, &format!("after {name}"), &want, |c| {
            c["active"] == id.as_str()
                && c["focused"] == true
                && options(c).all(|o| (o["selected"] == "true") == (o["id"] == id.as_str()))
        })
        .await?;
    }
    // What the browser itself does on Escape, for the failure message: a search field's default
    // action is to clear itself, which fires an `input` event unless the app prevents it.
    env.js(
        "const f = document.getElementById('suchfeld'); window.__e2e_escape = []; \
         f.addEventListener('input', e => window.__e2e_escape.push('input ' + JSON.stringify(f.value))); \
         document.addEventListener('keydown', e => window.__e2e_escape.push( \
           'keydown ' + e.key + (e.defaultPrevented ? ' (default prevented)' : ' (default not prevented)')));",
        vec![],
    )
    .await?;
    press(env, &Key::Escape).await?;
    let closed = expect_combobox(
        env,
        "after Escape",
        "aria-expanded=false, no aria-activedescendant, the list hidden, the text kept",
        |c| {
            c["expanded"] == "false"
                && c["active"].is_null()
                && c["shown"] == false
                && c["value"] == KEYBOARD_QUERY
        },
    )
    .await;
    if let Err(failed) = closed {
        let events = env.js("return window.__e2e_escape;", vec![]).await?;
        return Err(format!(
            "{}\n  events during Escape, in order: {events}",
            failed.message().unwrap_or("failed")
        )
        .into());
    }
    press(env, &Key::Escape).await?;
    expect_combobox(env, "after a second Escape", "an empty field", |c| {
        c["value"] == "" && c["expanded"] == "false"
    })
    .await?;
    Ok(())
}

/// ArrowDown and Enter open the first suggestion's page inside the app, without a reload.
pub async fn enter_opens_active_option(env: &Env) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    tab_to_field(env).await?;
    set_marker(env).await?;
    press(env, KEYBOARD_QUERY).await?;
    press(env, &Key::Down).await?;
    let state = expect_combobox(
        env,
        &format!("after typing {KEYBOARD_QUERY:?} and ArrowDown"),
        "the first option active",
        |c| c["expanded"] == "true" && c["active"] == "suchvorschlag-0",
    )
    .await?;
    let title = state["options"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let target = ROUTES
        .iter()
        .find(|r| r.h1 == title)
        .ok_or_else(|| format!("the first suggestion's title {title:?} is no page's <h1>"))?;
    press(env, &Key::Enter).await?;
    let context = format!("after Enter on the suggestion {title:?}");
    env.wait_for_heading(target)
        .await
        .map_err(within(&context))?;
    let page = env
        .js(
            "return { marker: window.__e2e_marker === 1, path: location.pathname, \
               search: location.search, hash: location.hash, \
               field: document.getElementById('suchfeld').value, \
               expanded: document.getElementById('suchfeld').getAttribute('aria-expanded') };",
            vec![],
        )
        .await?;
    let mut problems = Vec::new();
    if page["marker"] != true {
        problems.push("the page was reloaded instead of navigated in the app".to_owned());
    }
    if page["path"] != target.path {
        problems.push(format!(
            "the path is {}, expected {:?}",
            page["path"], target.path
        ));
    }
    let search = page["search"].as_str().unwrap_or_default();
    if search != format!("?hervorheben={KEYBOARD_QUERY}") || page["hash"] == "" {
        problems.push(format!(
            "the URL ends {search}{}, expected ?hervorheben={KEYBOARD_QUERY}#<anchor>",
            page["hash"].as_str().unwrap_or_default()
        ));
    }
    if page["field"] != "" || page["expanded"] != "false" {
        problems.push(format!(
            "the header field still reads {} with aria-expanded {}, expected it emptied and closed",
            page["field"], page["expanded"]
        ));
    }
    report(&context, problems)
}

/// Enter without an active option submits the query to the results page, inside the app.
pub async fn enter_submits_query(env: &Env) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    tab_to_field(env).await?;
    set_marker(env).await?;
    press(env, KEYBOARD_QUERY).await?;
    expect_combobox(
        env,
        "after typing",
        "the list open without an active option",
        |c| c["expanded"] == "true" && c["active"].is_null(),
    )
    .await?;
    press(env, &Key::Enter).await?;
    let context = format!("after typing {KEYBOARD_QUERY:?} and Enter");
    env.wait_for_heading(&route(SEARCH))
        .await
        .map_err(within(&context))?;
    let page = results_page(env).await?;
    let mut problems = Vec::new();
    if page["search"] != format!("?q={KEYBOARD_QUERY}") {
        problems.push(format!(
            "the URL's query is {}, expected \"?q={KEYBOARD_QUERY}\"",
            page["search"]
        ));
    }
    if page["field"] != KEYBOARD_QUERY {
        problems.push(format!("#suchbegriff reads {}", page["field"]));
    }
    if results(&page).count() == 0 {
        problems.push(format!("no results; the status reads {}", page["status"]));
    }
    let marker = env.js("return window.__e2e_marker === 1;", vec![]).await?;
    if marker != true {
        problems.push("the page was reloaded instead of navigated in the app".to_owned());
    }
    report(&context, problems)
}

/// Presses Tab from the top of the page until the header field has focus.
async fn tab_to_field(env: &Env) -> Result<(), Failed> {
    let mut seen = Vec::new();
    for _ in 0..20 {
        env.press_tab().await?;
        let on_field = env
            .js(
                "return document.activeElement && document.activeElement.id === 'suchfeld';",
                vec![],
            )
            .await?;
        if on_field == true {
            return Ok(());
        }
        seen.push(env.describe_focus().await?);
    }
    Err(format!(
        "20 presses of Tab never reached #{FIELD}; focus went to:\n  {}",
        seen.join("\n  ")
    )
    .into())
}

/// A query whose best section is known.
pub struct DeepLink {
    /// The query, also the trials' name.
    pub query: &'static str,
    /// The path of the first result.
    pub first: &'static str,
}

/// The queries checked on the results page and followed to their first result.
pub const DEEP_LINKS: &[DeepLink] = &[
    DeepLink {
        query: "Unterkunft",
        first: "/handlungsfelder/unterbringung",
    },
    DeepLink {
        query: "Ehrenamt",
        first: "/handlungsfelder/unterstuetzung-des-ehrenamts",
    },
];

/// Loads `/suche?q=…`; the first result must be the expected page, the status must count them.
pub async fn deep_link(env: &Env, case: &DeepLink) -> Result<(), Failed> {
    let path = search_path(case.query);
    open_path(env, &path, DEFAULT_VIEWPORT).await?;
    let page = results_page(env).await?;
    let list: Vec<&Json> = results(&page).collect();
    let mut problems = Vec::new();
    match list.first() {
        None => problems.push("ol.results > li.result lists nothing".to_owned()),
        Some(first) => {
            let href = first["href"].as_str().unwrap_or_default();
            if path_of(href) != case.first {
                problems.push(format!(
                    "the first result links to {href}, expected {}",
                    case.first
                ));
            }
        }
    }
    let expected_status = match list.len() {
        1 => format!("1 Ergebnis für „{}“.", case.query),
        n => format!("{n} Ergebnisse für „{}“.", case.query),
    };
    if page["status"] != expected_status.as_str() {
        problems.push(format!(
            "the status reads {}, expected {expected_status:?}",
            page["status"]
        ));
    }
    if page["field"] != case.query {
        problems.push(format!(
            "#suchbegriff reads {}, expected {:?}",
            page["field"], case.query
        ));
    }
    let marked = format!("?hervorheben={}#", encode(case.query));
    for (i, item) in list.iter().enumerate() {
        let href = item["href"].as_str().unwrap_or_default();
        if item["first"] != true || item["context"] != true {
            problems.push(format!(
                "result {} does not start with a.result__link followed by .result__context: {item}",
                i + 1
            ));
        }
        if !href.contains(&marked) {
            problems.push(format!(
                "result {} links to {href}, expected …{marked}<anchor>",
                i + 1
            ));
        }
        if item["marks"] == 0 {
            problems.push(format!("result {}'s snippet marks no word: {item}", i + 1));
        }
    }
    report(&path, problems)
}

/// Types on `/suche`; the URL's `q` follows with history replace, and the results follow too.
pub async fn typing_replaces_url(env: &Env) -> Result<(), Failed> {
    open_path(env, SEARCH, DEFAULT_VIEWPORT).await?;
    set_marker(env).await?;
    let before = env.js("return history.length;", vec![]).await?;
    let field = find(env, "#suchbegriff").await?;
    let typed = "Ehrenamt";
    field
        .send_keys(typed)
        .await
        .map_err(|e| format!("cannot type into #suchbegriff: {e}"))?;
    let context = format!("after typing {typed:?} into #suchbegriff on {SEARCH}");
    let expected = format!("?q={typed}");
    let script = format!("{NORM_JS} {RESULTS_JS}");
    let (page, done) = env
        .js_until(&script, SETTLE_LIMIT, |p| {
            p["search"] == expected.as_str() && results(p).count() > 0
        })
        .await?;
    let mut problems = Vec::new();
    if !done {
        problems.push(format!(
            "the URL's query is {} with {} results (status {}), expected {expected:?} and results",
            page["search"],
            results(&page).count(),
            page["status"]
        ));
    }
    let after = env
        .js(
            "return { length: history.length, marker: window.__e2e_marker === 1 };",
            vec![],
        )
        .await?;
    if after["length"] != before {
        problems.push(format!(
            "history.length went from {before} to {}: typing pushed entries instead of replacing",
            after["length"]
        ));
    }
    if after["marker"] != true {
        problems.push("typing reloaded the page".to_owned());
    }
    if !page["status"]
        .as_str()
        .is_some_and(|s| s.contains(&format!("„{typed}“")))
    {
        problems.push(format!(
            "the status reads {}, expected it to name „{typed}“",
            page["status"]
        ));
    }
    report(&context, problems)
}

/// Clicks the first result; its page must focus and mark the section, and the mark can be removed.
pub async fn follow_result(env: &Env, case: &DeepLink) -> Result<(), Failed> {
    let path = search_path(case.query);
    open_path(env, &path, DEFAULT_VIEWPORT).await?;
    let link = find(env, "main ol.results > li.result a.result__link").await?;
    let href = link
        .attr("href")
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    let anchor = href
        .split_once('#')
        .map(|(_, a)| a.to_owned())
        .unwrap_or_default();
    let target = route(case.first);
    click(env, &link).await?;
    let context = format!("after following {href} from {path}");
    env.wait_for_heading(&target)
        .await
        .map_err(within(&context))?;
    let script = format!(
        "{NORM_JS} const target = document.getElementById({}); \
         const note = document.querySelector('main .highlight-note'); \
         return {{ marker: window.__e2e_marker === 1, path: location.pathname, \
           hash: location.hash, focus: document.activeElement ? document.activeElement.id : null, \
           target: !!target, \
           marks: target ? Array.from(target.querySelectorAll('mark'), m => norm(m.textContent)) : [], \
           note: note ? norm(note.textContent) : null, \
           remove: note ? Array.from(note.querySelectorAll('a'), a => norm(a.textContent)) : [] }};",
        Json::String(anchor.clone())
    );
    let (page, done) = env
        .js_until(&script, SETTLE_LIMIT, |p| p["focus"] == anchor.as_str())
        .await?;
    let mut problems = Vec::new();
    if anchor.is_empty() {
        problems.push(format!("the result link {href} names no anchor"));
    }
    if page["marker"] != true {
        problems.push("the page was reloaded instead of navigated in the app".to_owned());
    }
    if page["path"] != case.first || page["hash"] != format!("#{anchor}") {
        problems.push(format!("the URL is {}{}", page["path"], page["hash"]));
    }
    if page["target"] != true {
        problems.push(format!("no element has the id {anchor:?}"));
    }
    if !done {
        let focus = env.describe_focus().await?;
        problems.push(format!("focus is on {focus}, expected #{anchor}"));
    }
    if page["marks"].as_array().is_none_or(Vec::is_empty) {
        problems.push(format!("#{anchor} contains no <mark>"));
    }
    if page["note"].is_null()
        || !page["remove"]
            .as_array()
            .is_some_and(|r| r.iter().any(|t| t == "Hervorhebung entfernen"))
    {
        problems.push(format!(
            "the highlight note is {} with links {}, expected a link \"Hervorhebung entfernen\"",
            page["note"], page["remove"]
        ));
    }
    if !problems.is_empty() {
        return report(&context, problems);
    }
    let remove = find(env, "main .highlight-note a").await?;
    click(env, &remove).await?;
    let (after, removed) = env
        .js_until(
            "return { marks: document.querySelectorAll('main mark').length, \
               notes: document.querySelectorAll('main .highlight-note').length, \
               search: location.search, path: location.pathname, \
               marker: window.__e2e_marker === 1 };",
            SETTLE_LIMIT,
            |a| a["marks"] == 0 && a["notes"] == 0,
        )
        .await?;
    let context = format!("{context}, then \"Hervorhebung entfernen\"");
    let mut problems = Vec::new();
    if !removed {
        problems.push(format!(
            "main still has {} <mark> and {} .highlight-note",
            after["marks"], after["notes"]
        ));
    }
    if after["path"] != case.first || after["search"] != "" {
        problems.push(format!("the URL is {}{}", after["path"], after["search"]));
    }
    if after["marker"] != true {
        problems.push("the page was reloaded instead of navigated in the app".to_owned());
    }
    report(&context, problems)
}

/// A query that finds nothing, with the words the page must offer instead.
pub struct NoResult {
    /// The trial's name.
    pub name: &'static str,
    /// The query.
    pub query: &'static str,
    /// The words after "Meinten Sie:", in order; empty when the engine knows none.
    pub meant: &'static [&'static str],
}

/// The queries that find nothing: an unknown word and a misspelling beyond the typo tolerance.
pub const NO_RESULTS: &[NoResult] = &[
    NoResult {
        name: "unknown_word",
        query: "Quantenphysik",
        meant: &[],
    },
    NoResult {
        name: "misspelling",
        query: "Ehrnamtt",
        meant: &["Ehrenamt"],
    },
];

/// Loads `/suche?q=…` for a query without results: a plain message, the close words, the areas.
pub async fn no_results(env: &Env, case: &NoResult) -> Result<(), Failed> {
    let path = search_path(case.query);
    open_path(env, &path, DEFAULT_VIEWPORT).await?;
    let page = results_page(env).await?;
    let mut problems = Vec::new();
    let expected_status = format!("Keine Ergebnisse für „{}“.", case.query);
    if page["status"] != expected_status.as_str() {
        problems.push(format!(
            "the status reads {}, expected {expected_status:?}",
            page["status"]
        ));
    }
    if page["lists"] != 0 {
        problems.push(format!("{} ol.results shown, expected none", page["lists"]));
    }
    let meant: Vec<(String, String)> = page["meant"]["links"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| (text(&l["text"]), text(&l["href"])))
        .collect();
    let expected_meant: Vec<(String, String)> = case
        .meant
        .iter()
        .map(|w| (w.to_string(), search_path(w)))
        .collect();
    if case.meant.is_empty() && !page["meant"].is_null() {
        problems.push(format!(
            "offers {}, expected no \"Meinten Sie\"",
            page["meant"]["text"]
        ));
    }
    if !case.meant.is_empty() && meant != expected_meant {
        problems.push(format!(
            "\"Meinten Sie\" offers {meant:?} (text {}), expected {expected_meant:?}",
            page["meant"]["text"]
        ));
    }
    let areas: Vec<&str> = ROUTES
        .iter()
        .filter(|r| r.is_area())
        .map(|r| r.path)
        .collect();
    let shown: Vec<String> = page["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .map(text)
        .collect();
    if shown != areas {
        problems.push(format!(
            "the list after \"Die Handlungsfelder\" links to {}, expected the eight areas {areas:?}",
            page["areas"]
        ));
    }
    if !problems.is_empty() {
        return report(&path, problems);
    }
    if let Some(word) = case.meant.first() {
        // The offered word must lead to results.
        let link = find(env, &format!("main p a[href=\"{}\"]", search_path(word))).await?;
        click(env, &link).await?;
        let script = format!("{NORM_JS} {RESULTS_JS}");
        let (page, done) = env
            .js_until(&script, SETTLE_LIMIT, |p| results(p).count() > 0)
            .await?;
        if !done {
            return Err(format!(
                "{path}: following \"{word}\" shows no results; the status reads {}",
                page["status"]
            )
            .into());
        }
    }
    Ok(())
}

/// What the results page must show for an odd query.
#[derive(Clone, Copy, PartialEq)]
pub enum Shows {
    /// The prompt to enter a word, as for an empty field.
    Prompt,
    /// The query itself, as text, in the status sentence.
    Query,
    /// Any status sentence, for input the browser cannot decode exactly (it shows U+FFFD).
    Something,
}

/// An odd query, given in the URL and typed into the header field.
pub struct OddQuery {
    /// The trial's name.
    pub name: &'static str,
    /// The text, typed as it is and percent-encoded into the URL.
    pub text: &'static str,
    /// The URL's query string (after `q=`) when it is not the encoded text, such as broken encodings.
    pub raw: Option<&'static str>,
    /// What the results page shows when the query comes in the URL.
    pub shows: Shows,
    /// Whether the page must note that the query was cut.
    pub cut: bool,
}

/// The odd queries checked, both in the URL and typed.
pub const ODD_QUERIES: &[OddQuery] = &[
    OddQuery {
        name: "empty",
        text: "",
        raw: None,
        shows: Shows::Prompt,
        cut: false,
    },
    OddQuery {
        name: "whitespace_only",
        text: "   \u{a0} \u{3000}  ",
        raw: None,
        shows: Shows::Prompt,
        cut: false,
    },
    OddQuery {
        name: "ten_thousand_characters",
        text: LONG,
        raw: None,
        shows: Shows::Query,
        cut: true,
    },
    OddQuery {
        name: "emoji_only",
        text: "😀🎉👍🏽",
        raw: None,
        shows: Shows::Query,
        cut: false,
    },
    OddQuery {
        name: "arabic",
        text: "مرحبا بالعالم",
        raw: None,
        shows: Shows::Query,
        cut: false,
    },
    OddQuery {
        name: "hebrew",
        text: "שלום עולם",
        raw: None,
        shows: Shows::Query,
        cut: false,
    },
    OddQuery {
        name: "script_tag",
        text: "<script>alert(1)</script>",
        raw: None,
        shows: Shows::Query,
        cut: false,
    },
    OddQuery {
        name: "img_onerror",
        text: "<img src=x onerror=alert(1)>",
        raw: None,
        shows: Shows::Query,
        cut: false,
    },
    OddQuery {
        name: "broken_percent_encoding",
        text: "%E0%A4%A",
        raw: Some("%E0%A4%A"),
        shows: Shows::Something,
        cut: false,
    },
    OddQuery {
        name: "lone_percent_sign",
        text: "%",
        raw: Some("%"),
        shows: Shows::Something,
        cut: false,
    },
];

/// A query of exactly 10,000 characters: "Unterkunft " over and over.
const LONG: &str = {
    const WORD: &[u8] = b"Unterkunft ";
    const BYTES: [u8; 10_000] = {
        let mut out = [0u8; 10_000];
        let mut i = 0;
        while i < out.len() {
            out[i] = WORD[i % WORD.len()];
            i += 1;
        }
        out
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("ASCII is UTF-8"),
    }
};

/// Loads the odd query by URL: no crash, no console error, no markup from the query, no alert.
pub async fn odd_query_in_url(env: &Env, case: &OddQuery) -> Result<(), Failed> {
    let path = match case.raw {
        Some(raw) => format!("{SEARCH}?q={raw}"),
        None => format!("{SEARCH}?q={}", encode(case.text)),
    };
    let context = format!("{SEARCH}?q= with {}", describe(case.text));
    open_path(env, &path, DEFAULT_VIEWPORT)
        .await
        .map_err(within(&context))?;
    let mut problems = harm(env).await?;
    let page = results_page(env).await?;
    problems.extend(shown(&page, case, case.text, case.shows));
    report(&context, problems)
}

/// Types the odd query into the header field and submits it: the same checks as by URL.
pub async fn odd_query_typed(env: &Env, case: &OddQuery) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    let field = find(env, &format!("#{FIELD}")).await?;
    let context = format!("typing {} into #{FIELD} on /", describe(case.text));
    field
        .send_keys(case.text)
        .await
        .map_err(|e| format!("{context}: cannot type: {e}"))?;
    let (state, typed) = env
        .js_until(&format!("{NORM_JS} {COMBOBOX_JS}"), SETTLE_LIMIT, |c| {
            c["value"] == case.text
        })
        .await?;
    if !typed {
        return Err(format!(
            "{context}: the field reads {} instead",
            describe(state["value"].as_str().unwrap_or_default())
        )
        .into());
    }
    let mut problems = harm(env).await.map_err(within(&context))?;
    if !problems.is_empty() {
        return report(&context, problems);
    }
    field
        .send_keys(&Key::Enter)
        .await
        .map_err(|e| format!("{context}: cannot press Enter: {e}"))?;
    let context = format!("{context} and pressing Enter");
    env.wait_for_heading(&route(SEARCH))
        .await
        .map_err(within(&context))?;
    problems = harm(env).await.map_err(within(&context))?;
    let page = results_page(env).await?;
    // The header trims the query before it submits it, so whitespace alone asks for nothing.
    let text = case.text.trim();
    let shows = if text.is_empty() {
        Shows::Prompt
    } else {
        Shows::Query
    };
    problems.extend(shown(&page, case, text, shows));
    report(&context, problems)
}

/// Problems the current page shows after odd input: console errors, an alert, injected markup,
/// and not exactly one `<h1>` (a crashed app shows none).
async fn harm(env: &Env) -> Result<Vec<String>, Failed> {
    let mut problems = Vec::new();
    if let Ok(text) = env.browser.client.get_alert_text().await {
        problems.push(format!("an alert opened: {text:?}"));
        let _ = env.browser.client.dismiss_alert().await;
    }
    problems.extend(
        env.log()?
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| format!("browser log: {}", entry["message"])),
    );
    let injected = env.js(INJECTED_JS, vec![]).await?;
    if injected["scripts"] != 0 || injected["images"] != 0 || injected["handlers"] != 0 {
        problems.push(format!(
            "markup appeared: {} scripts in the body, {} images from the query, \
             {} elements with onerror",
            injected["scripts"], injected["images"], injected["handlers"]
        ));
    }
    let headings = env
        .js(
            "return Array.from(document.querySelectorAll('h1'), h => h.textContent.trim());",
            vec![],
        )
        .await?;
    if headings.as_array().is_none_or(|h| h.len() != 1) {
        problems.push(format!(
            "the page has the <h1> elements {headings}, expected one"
        ));
    }
    Ok(problems)
}

/// Problems with what the results page shows for the odd query `query`.
fn shown(page: &Json, case: &OddQuery, query: &str, shows: Shows) -> Vec<String> {
    let mut problems = Vec::new();
    let status = page["status"].as_str().unwrap_or_default();
    if page["h1"]
        .as_array()
        .is_none_or(|h| !h.iter().any(|t| t == "Hessen-Suche"))
    {
        problems.push(format!(
            "the <h1> elements read {}, expected \"Hessen-Suche\"",
            page["h1"]
        ));
    }
    match shows {
        Shows::Prompt if !status.starts_with("Geben Sie ein Suchwort ein") => {
            problems.push(format!(
                "the status reads {status:?}, expected the prompt for a word"
            ));
        }
        Shows::Query if !status.contains(&normalize(query)) => {
            problems.push(format!(
                "the status reads {}, expected it to quote the query {} as text",
                describe(status),
                describe(query)
            ));
        }
        Shows::Something if status.is_empty() => {
            problems.push("the status is empty or missing".to_owned());
        }
        _ => {}
    }
    if shows == Shows::Query && page["field"] != query {
        problems.push(format!(
            "#suchbegriff reads {}, expected {}",
            describe(page["field"].as_str().unwrap_or("(missing)")),
            describe(query)
        ));
    }
    if page["images"] != 0 {
        problems.push(format!(
            "main holds {} <img> elements, expected none",
            page["images"]
        ));
    }
    let notices: Vec<String> = page["notices"]
        .as_array()
        .into_iter()
        .flatten()
        .map(text)
        .collect();
    let cut = notices
        .iter()
        .any(|n| n.contains("Ihre Eingabe ist sehr lang"));
    if case.cut && !cut {
        problems.push(format!(
            "no .notice says the query was cut; notices: {notices:?}"
        ));
    }
    problems
}

/// A state of the search UI that axe-core checks.
pub struct AxeState {
    /// The trial's name.
    pub name: &'static str,
    /// The path loaded.
    pub path: &'static str,
    /// The window size.
    pub viewport: (u32, u32),
    /// What is done on the page before axe runs.
    pub action: Action,
}

/// What a trial does on the loaded page before axe runs.
#[derive(Clone, Copy)]
pub enum Action {
    /// Nothing.
    None,
    /// Types into the header field and makes the first suggestion active.
    OpenCombobox,
    /// Opens the header search with `.search-button`.
    OpenSearchButton,
    /// Opens the header search with `.search-button` and then the combobox.
    OpenSearchButtonAndCombobox,
}

/// The search states checked.
pub const AXE_STATES: &[AxeState] = &[
    AxeState {
        name: "results_page",
        path: "/suche?q=Unterkunft",
        viewport: (1280, 900),
        action: Action::None,
    },
    AxeState {
        name: "no_result_page",
        path: "/suche?q=Ehrnamtt",
        viewport: (1280, 900),
        action: Action::None,
    },
    AxeState {
        name: "header_combobox_open_at_1280px",
        path: "/suche?q=Unterkunft",
        viewport: (1280, 900),
        action: Action::OpenCombobox,
    },
    AxeState {
        name: "header_search_opened_by_button_at_320px",
        path: SEARCH,
        viewport: (320, 800),
        action: Action::OpenSearchButton,
    },
    AxeState {
        name: "header_combobox_open_at_320px",
        path: SEARCH,
        viewport: (320, 800),
        action: Action::OpenSearchButtonAndCombobox,
    },
];

/// Loads the state's page, does its action and fails with every axe violation found.
pub async fn axe_clean(env: &Env, state: &AxeState) -> Result<(), Failed> {
    open_path(env, state.path, state.viewport).await?;
    let context = format!(
        "{} at {}×{} ({})",
        state.path, state.viewport.0, state.viewport.1, state.name
    );
    if matches!(
        state.action,
        Action::OpenSearchButton | Action::OpenSearchButtonAndCombobox
    ) {
        let button = find(env, "button.search-button").await?;
        button
            .click()
            .await
            .map_err(|e| format!("{context}: cannot click .search-button: {e}"))?;
        let (seen, open) = env
            .js_until(
                "const b = document.querySelector('.search-button'); \
                 const f = document.getElementById('suchfeld'); \
                 return { expanded: b.getAttribute('aria-expanded'), \
                   visible: f.getClientRects().length > 0, focused: document.activeElement === f };",
                SETTLE_LIMIT,
                |s| s["expanded"] == "true" && s["visible"] == true && s["focused"] == true,
            )
            .await?;
        if !open {
            return Err(format!(
                "{context}: after clicking .search-button: {seen}, expected aria-expanded=true \
                 and the focused, visible #suchfeld"
            )
            .into());
        }
    }
    if matches!(
        state.action,
        Action::OpenCombobox | Action::OpenSearchButtonAndCombobox
    ) {
        let field = find(env, &format!("#{FIELD}")).await?;
        field
            .send_keys(&(KEYBOARD_QUERY.to_owned() + &Key::Down))
            .await
            .map_err(|e| format!("{context}: cannot type into #{FIELD}: {e}"))?;
        expect_combobox(env, &context, "the list open with an active option", |c| {
            c["expanded"] == "true" && c["shown"] == true && c["active"] == "suchvorschlag-0"
        })
        .await?;
    }
    let violations = axe::violations(env).await?;
    if violations.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = violations.iter().map(|v| format!("  - {v}")).collect();
    Err(format!(
        "{context}: {} axe violations\n{}",
        violations.len(),
        list.join("\n")
    )
    .into())
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
    let mut actions = KeyActions::new("keyboard".to_owned());
    for key in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    env.browser
        .client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("cannot press {}: {e}", describe(keys)).into())
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
