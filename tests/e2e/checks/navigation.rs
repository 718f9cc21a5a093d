//! Checks that links inside the app navigate without a reload and move focus and announcements.

use fantoccini::Locator;
use fantoccini::elements::Element;
use libtest_mimic::Failed;
use serde_json::Value as Json;

use crate::env::Env;
use crate::page::{SETTLE_LIMIT, within};
use crate::routes::route;

/// One click on a link inside the app.
pub struct Click {
    /// The trial's name.
    pub name: &'static str,
    /// The path of the page with the link.
    pub from: &'static str,
    /// A CSS selector for the candidate links; the one pointing at `to` is clicked.
    pub links: &'static str,
    /// The path the link leads to.
    pub to: &'static str,
}

/// The clicks checked: an area card, the "next area" link and the header navigation.
pub const CLICKS: &[Click] = &[
    Click {
        name: "area_card_link_on_start_page",
        from: "/",
        links: "main a",
        to: "/handlungsfelder/unterbringung",
    },
    Click {
        name: "next_area_link",
        from: "/handlungsfelder/unterbringung",
        links: "a[rel~=\"next\"]",
        to: "/handlungsfelder/rueckfuehrungen",
    },
    Click {
        name: "header_navigation_link",
        from: "/",
        links: "nav[aria-label=\"Hauptnavigation\"] a",
        to: "/leitlinien",
    },
];

/// Clicks the link and checks: same document, new heading focused and announced in `#ansage`.
pub async fn click_through(env: &Env, click: &Click) -> Result<(), Failed> {
    let (from, to) = (route(click.from), route(click.to));
    env.open(&from).await?;
    let link = find_link(env, click).await?;
    // The app scrolls smoothly (unless reduced motion is asked for), and WebDriver's own
    // scrolling before a click does not wait for that animation, so scroll instantly first.
    let element = serde_json::to_value(&link).map_err(|e| e.to_string())?;
    env.js(
        "arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' }); \
         window.__e2e_marker = 1;",
        vec![element],
    )
    .await?;
    link.click()
        .await
        .map_err(|e| format!("cannot click the link to {} on {}: {e}", to.path, from.path))?;
    let context = format!(
        "after clicking {} → {} on {}",
        click.links, to.path, from.path
    );
    env.wait_for_heading(&to).await.map_err(within(&context))?;
    let state = env
        .js(
            "return { marker: window.__e2e_marker === 1, path: routePath(location.pathname) };",
            vec![],
        )
        .await?;
    if state["marker"] != true {
        return Err(
            format!("{context}: the page was reloaded instead of navigated in the app").into(),
        );
    }
    if state["path"] != to.path {
        return Err(format!("{context}: the URL path is {}", state["path"]).into());
    }
    let (_, focused) = env
        .js_until(
            "const h = document.querySelector('h1'); return h !== null && document.activeElement === h;",
            SETTLE_LIMIT,
            |v| *v == true,
        )
        .await?;
    if !focused {
        let focus = env.describe_focus().await?;
        return Err(format!("{context}: focus is on {focus}, expected the <h1>").into());
    }
    let (announced, done) = env
        .js_until(
            "const a = document.getElementById('ansage'); \
             return a && { text: a.textContent.replace(/\\s+/g, ' ').trim(), \
               polite: a.getAttribute('aria-live') === 'polite' || a.getAttribute('role') === 'status' };",
            SETTLE_LIMIT,
            |v| v["text"].as_str().is_some_and(|t| t.contains(to.h1)),
        )
        .await?;
    if !done {
        return Err(format!(
            "{context}: #ansage reads {}, expected it to contain {:?}",
            announced["text"], to.h1
        )
        .into());
    }
    if announced["polite"] != true {
        let why = "#ansage is not a polite live region (aria-live=\"polite\" or role=\"status\")";
        return Err(format!("{context}: {why}").into());
    }
    Ok(())
}

/// The link among `click.links` whose target path is `click.to`.
async fn find_link(env: &Env, click: &Click) -> Result<Element, Failed> {
    let candidates = env
        .browser
        .client
        .find_all(Locator::Css(click.links))
        .await
        .map_err(|e| format!("cannot look for {}: {e}", click.links))?;
    let mut seen = Vec::new();
    for link in candidates {
        let href = link.prop("href").await.map_err(|e| e.to_string())?;
        let href = href.unwrap_or_default();
        if path_of(&href, &format!("{}{}", env.origin(), env.base())) == click.to {
            return Ok(link);
        }
        seen.push(Json::String(href));
    }
    Err(format!(
        "{}: no link {} points to {}; found {}",
        click.from,
        click.links,
        click.to,
        Json::Array(seen)
    )
    .into())
}

/// The path of an absolute URL on `origin`, without query, fragment or trailing slash.
fn path_of<'a>(href: &'a str, origin: &str) -> &'a str {
    let path = href.strip_prefix(origin).unwrap_or(href);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    match path.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => trimmed,
        _ => path,
    }
}
