//! The header combobox by keyboard alone: arrows, Escape, Enter on an option and on the query.

use fantoccini::key::Key;
use libtest_mimic::Failed;

use super::{
    FIELD, KEYBOARD_QUERY, SEARCH, expect_combobox, options, press, report, results, results_page,
    set_marker,
};
use crate::env::Env;
use crate::page::within;
use crate::routes::{ROUTES, route};

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
            "return { marker: window.__e2e_marker === 1, path: routePath(location.pathname), \
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
