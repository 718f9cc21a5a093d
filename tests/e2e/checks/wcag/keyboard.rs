//! The main journey with the keyboard alone: start page → an area → the next area → search →
//! a result, asserting where focus is at every step.

use fantoccini::key::Key;
use libtest_mimic::Failed;

use crate::env::Env;
use crate::page::{SETTLE_LIMIT, within};
use crate::routes::route;

/// The character WebDriver uses for `key`.
fn key(key: Key) -> String {
    char::from(key).to_string()
}

/// Presses Tab (or Shift+Tab) until the focused element matches `selector`, at most 80 times.
async fn tab_to(env: &Env, selector: &str, backwards: bool) -> Result<(), Failed> {
    let check =
        format!("return !!document.activeElement && document.activeElement.matches({selector:?});");
    for _ in 0..80 {
        env.press_keys(&key(Key::Tab), backwards).await?;
        if env.js(&check, vec![]).await? == true {
            return Ok(());
        }
    }
    Err(format!(
        "{} never reached {selector}; focus ended on {}",
        if backwards { "Shift+Tab" } else { "Tab" },
        env.describe_focus().await?
    )
    .into())
}

/// Waits until the page shows `h1` and focus is on an element matching `focused`.
async fn expect_focus(env: &Env, h1: &str, focused: &str, step: &str) -> Result<(), Failed> {
    let script = format!(
        "const h = document.querySelector('main h1'); const e = document.activeElement; \
         return {{ h1: h ? h.textContent.trim() : null, ok: !!e && e.matches({focused:?}), \
           path: routePath(location.pathname) + location.search + location.hash }};"
    );
    let (seen, done) = env
        .js_until(&script, SETTLE_LIMIT, |v| v["h1"] == h1 && v["ok"] == true)
        .await?;
    if done {
        Ok(())
    } else {
        Err(format!(
            "{step}: expected <h1> {h1:?} and focus on {focused}; saw {seen}, focus on {}",
            env.describe_focus().await?
        )
        .into())
    }
}

/// The journey, at the desktop width where the search field is always in the header.
pub async fn main_journey(env: &Env) -> Result<(), Failed> {
    let home = route("/");
    env.open(&home).await?;
    let enter = key(Key::Enter);
    // 1. The first Tab reaches the skip link, and following it lands in the main content.
    env.press_tab().await?;
    let focused = env.describe_focus().await?;
    if !focused.contains("skip-link") {
        return Err(format!("the first Tab focused {focused}, not the skip link").into());
    }
    // 2. An area card's link, then Enter: the area page's heading takes focus.
    tab_to(env, "main a[href$='/handlungsfelder/unterbringung']", false)
        .await
        .map_err(within("start page → area link"))?;
    env.press_keys(&enter, false).await?;
    expect_focus(
        env,
        "Unterbringung",
        "main h1",
        "after Enter on the area link",
    )
    .await?;
    // 3. The "next area" link.
    tab_to(env, "a[rel~='next']", false)
        .await
        .map_err(within("area → next area link"))?;
    env.press_keys(&enter, false).await?;
    expect_focus(
        env,
        "Rückführungen",
        "main h1",
        "after Enter on the next area link",
    )
    .await?;
    // 4. Back up into the header's search field, type and press Enter: the results page.
    tab_to(env, "#suchfeld", true)
        .await
        .map_err(within("area → header search field"))?;
    env.press_keys("Unterkunft", false).await?;
    env.press_keys(&enter, false).await?;
    expect_focus(
        env,
        "Hessen-Suche",
        "main h1",
        "after Enter in the search field",
    )
    .await?;
    // 5. The first result, then Enter: the paragraph it names takes focus.
    tab_to(env, ".results a", false)
        .await
        .map_err(within("results → first result"))?;
    let target = env
        .js(
            "return new URL(document.activeElement.href).hash.slice(1);",
            vec![],
        )
        .await?;
    let target = target.as_str().unwrap_or_default().to_owned();
    if target.is_empty() {
        return Err("the first result link names no paragraph (#…)".into());
    }
    env.press_keys(&enter, false).await?;
    let script = format!("const e = document.activeElement; return !!e && e.id === {target:?};");
    let (_, done) = env.js_until(&script, SETTLE_LIMIT, |v| *v == true).await?;
    if !done {
        return Err(format!(
            "after Enter on the result, focus is on {}, not on #{target}",
            env.describe_focus().await?
        )
        .into());
    }
    Ok(())
}
