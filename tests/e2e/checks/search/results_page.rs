//! The results page: deep links, history replace while typing, following a result to its
//! highlighted section, and the page for queries without results.

use libtest_mimic::Failed;
use serde_json::Value as Json;

use super::{
    NORM_JS, RESULTS_JS, SEARCH, click, encode, find, open_path, path_of, report, results,
    results_page, search_path, set_marker, text,
};
use crate::env::{DEFAULT_VIEWPORT, Env};
use crate::page::{SETTLE_LIMIT, within};
use crate::routes::{ROUTES, route};

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
         return {{ marker: window.__e2e_marker === 1, path: routePath(location.pathname), \
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
               search: location.search, path: routePath(location.pathname), \
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
        let href = format!("{}{}", env.base(), search_path(word));
        let link = find(env, &format!("main p a[href=\"{href}\"]")).await?;
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
