//! Checks of one page loaded by URL: heading, title, reload, document structure and the skip link.

use libtest_mimic::Failed;
use serde_json::Value as Json;

use crate::env::Env;
use crate::page::{SETTLE_LIMIT, within};
use crate::routes::Route;

/// Loads the route directly by URL, then reloads it; both times heading and title must be right.
pub async fn deep_link_and_reload(env: &Env, route: &Route) -> Result<(), Failed> {
    env.open(route).await?;
    check_title(env, route).await?;
    env.js("window.__e2e_marker = 1;", vec![]).await?;
    env.browser
        .client
        .refresh()
        .await
        .map_err(|e| format!("{}: cannot reload: {e}", route.path))?;
    env.wait_for_heading(route)
        .await
        .map_err(within("after reloading"))?;
    let marker = env.js("return window.__e2e_marker;", vec![]).await?;
    if !marker.is_null() {
        return Err(format!("{}: the reload did not reload the page", route.path).into());
    }
    check_title(env, route)
        .await
        .map_err(within("after reloading"))
}

/// Waits briefly for `document.title` to become the route's title.
async fn check_title(env: &Env, route: &Route) -> Result<(), Failed> {
    let expected = route.title();
    let (seen, done) = env
        .js_until("return document.title;", SETTLE_LIMIT, |v| *v == *expected)
        .await?;
    if done {
        Ok(())
    } else {
        Err(format!("{}: title is {seen}, expected {expected:?}", route.path).into())
    }
}

/// Checks `<html lang="de">`, exactly one `<h1>`, the skip link, `<main id="inhalt">` and a description.
pub async fn structure(env: &Env, route: &Route) -> Result<(), Failed> {
    env.open(route).await?;
    let facts = env
        .js(
            "const d = document.querySelector('meta[name=\"description\"]'); \
             return { lang: document.documentElement.getAttribute('lang'), \
               h1: document.querySelectorAll('h1').length, \
               skip: document.querySelectorAll('a.skip-link[href=\"#inhalt\"]').length, \
               main: document.querySelectorAll('main#inhalt').length, \
               description: d ? d.getAttribute('content') : null };",
            vec![],
        )
        .await?;
    let mut problems = Vec::new();
    if facts["lang"] != "de" {
        problems.push(format!("<html lang> is {}, expected \"de\"", facts["lang"]));
    }
    if facts["h1"] != 1 {
        problems.push(format!("{} <h1> elements, expected 1", facts["h1"]));
    }
    if facts["skip"] != 1 {
        problems.push(format!(
            "{} skip links a.skip-link[href=\"#inhalt\"], expected 1",
            facts["skip"]
        ));
    }
    if facts["main"] != 1 {
        problems.push(format!(
            "{} <main id=\"inhalt\">, expected 1",
            facts["main"]
        ));
    }
    if facts["description"]
        .as_str()
        .is_none_or(|d| d.trim().is_empty())
    {
        problems.push(format!(
            "meta description is {}, expected text",
            facts["description"]
        ));
    }
    report(route, problems)
}

/// Pressing Tab on a freshly loaded page must focus the skip link first.
pub async fn skip_link_first(env: &Env, route: &Route) -> Result<(), Failed> {
    env.open(route).await?;
    env.press_tab().await?;
    let on_skip_link = env
        .js(
            "const e = document.activeElement; \
             return e !== null && e.matches('a.skip-link[href=\"#inhalt\"]');",
            vec![],
        )
        .await?;
    if on_skip_link == Json::Bool(true) {
        Ok(())
    } else {
        let focus = env.describe_focus().await?;
        Err(format!(
            "{}: the first Tab focuses {focus}, expected the skip link",
            route.path
        )
        .into())
    }
}

/// Fails with every problem found on the route, one per line.
fn report(route: &Route, problems: Vec<String>) -> Result<(), Failed> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n  {}", route.path, problems.join("\n  ")).into())
    }
}
