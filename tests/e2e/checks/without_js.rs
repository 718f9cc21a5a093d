//! Checks the pre-rendered pages with JavaScript switched off: every route shows its text, links
//! are plain links, the small-screen menu opens, and the search page says what it needs.

use fantoccini::Locator;
use libtest_mimic::Failed;
use serde_json::Value as Json;

use crate::env::{DEFAULT_VIEWPORT, Env};
use crate::routes::{ROUTES, Route, route};

/// A small screen, where the navigation hides behind the menu button.
const SMALL: (u32, u32) = (320, 700);

/// Runs `check` and switches JavaScript on again afterwards, whatever the check's outcome.
async fn with_scripts_restored(
    env: &Env,
    check: impl AsyncFnOnce(&Env) -> Result<(), Failed>,
) -> Result<(), Failed> {
    let outcome = check(env).await;
    env.set_scripts(true)?;
    outcome
}

/// Loads the route without JavaScript: its heading and main text show, every source sentence the
/// route holds is covered by `content::every_sentence_appears_without_javascript`.
pub async fn page_shows_its_text(env: &Env, route: &Route) -> Result<(), Failed> {
    with_scripts_restored(env, async |env| {
        env.open_without_scripts(route, DEFAULT_VIEWPORT).await?;
        let seen = env
            .js(
                "const main = document.querySelector('main'); \
                 return { text: main ? main.innerText.length : 0, \
                   links: Array.from(document.querySelectorAll('main a[href]')).length };",
                vec![],
            )
            .await?;
        // The shortest page, the not-found page, has over 300 characters of text.
        if seen["text"].as_u64().unwrap_or(0) < 300 {
            return Err(format!(
                "{}: <main> is (almost) empty without JavaScript: {seen}",
                route.path
            )
            .into());
        }
        Ok(())
    })
    .await
}

/// At 320 px without JavaScript, the menu button opens the navigation, and its link loads the
/// next page as a plain link.
pub async fn menu_opens_and_links_work(env: &Env) -> Result<(), Failed> {
    with_scripts_restored(env, async |env| {
        let (from, to) = (route("/"), route("/handlungsfelder"));
        env.open_without_scripts(&from, SMALL).await?;
        let visible = async |env: &Env| -> Result<Json, Failed> {
            env.js(
                "return document.getElementById('hauptnavigation').getClientRects().length > 0;",
                vec![],
            )
            .await
        };
        if visible(env).await? != true {
            let button = env
                .browser
                .client
                .find(Locator::Css(".toggle--menu > summary"))
                .await
                .map_err(|e| format!("no menu button without JavaScript: {e}"))?;
            button
                .click()
                .await
                .map_err(|e| format!("cannot click the menu button: {e}"))?;
        } else {
            return Err("at 320 px the navigation shows before the menu button was pressed".into());
        }
        if visible(env).await? != true {
            return Err("the menu button did not open the navigation without JavaScript".into());
        }
        let link = env
            .browser
            .client
            .find(Locator::Css(&format!(
                "#hauptnavigation a[href=\"{}{}\"]",
                env.base(),
                to.path
            )))
            .await
            .map_err(|e| format!("no navigation link to {}: {e}", to.path))?;
        link.click()
            .await
            .map_err(|e| format!("cannot click the link to {}: {e}", to.path))?;
        env.wait_for_static_heading(&to).await
    })
    .await
}

/// The search page without JavaScript says that search needs it and lists the eight areas, whose
/// links lead to their pages.
pub async fn search_page_explains_and_lists_areas(env: &Env) -> Result<(), Failed> {
    with_scripts_restored(env, async |env| {
        let search = route("/suche");
        env.open_without_scripts(&search, DEFAULT_VIEWPORT).await?;
        let seen = env
            .js(
                "const notice = Array.from(document.querySelectorAll('main .notice')) \
                   .find(n => n.getClientRects().length > 0); \
                 const areas = Array.from(document.querySelectorAll('main h2')) \
                   .find(h => h.textContent.trim() === 'Die Handlungsfelder'); \
                 return { notice: notice ? notice.textContent : null, \
                   areas: areas ? Array.from(areas.nextElementSibling.querySelectorAll('a'), \
                     a => routePath(a.getAttribute('href'))) : [] };",
                vec![],
            )
            .await?;
        let notice = seen["notice"].as_str().unwrap_or_default();
        if !notice.contains("braucht JavaScript") {
            return Err(format!(
                "/suche without JavaScript shows no notice that search needs it: {seen}"
            )
            .into());
        }
        let areas: Vec<&str> = seen["areas"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .collect();
        let expected: Vec<&str> = ROUTES
            .iter()
            .filter(|r| r.is_area())
            .map(|r| r.path)
            .collect();
        if areas != expected {
            return Err(format!(
                "/suche without JavaScript lists the areas {areas:?}, expected {expected:?}"
            )
            .into());
        }
        Ok(())
    })
    .await
}
