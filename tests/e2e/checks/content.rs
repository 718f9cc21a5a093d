//! Checks that the app shows the whole source text and the photos' alt texts.

use libtest_mimic::Failed;
use serde_json::Value as Json;

use crate::env::Env;
use crate::page::normalize;
use crate::routes::{ROUTES, Route};
use crate::sentences::{SOURCE, sentences};

/// JavaScript collecting a page's visible text and its `alt` and `aria-label` texts.
const TEXTS_JS: &str = "const parts = [document.body.innerText]; \
    for (const e of document.querySelectorAll('img[alt]')) parts.push(e.getAttribute('alt')); \
    for (const e of document.querySelectorAll('[aria-label]')) parts.push(e.getAttribute('aria-label')); \
    return parts;";

/// Every sentence of the source must appear whole in some route's text, `alt` or `aria-label`,
/// in the running app (`scripts`) or in the pre-rendered pages with JavaScript off.
pub async fn every_sentence_appears(env: &Env, scripts: bool) -> Result<(), Failed> {
    let outcome = sentences_on_routes(env, scripts).await;
    env.set_scripts(true)?;
    outcome
}

/// [`every_sentence_appears`] without restoring JavaScript.
async fn sentences_on_routes(env: &Env, scripts: bool) -> Result<(), Failed> {
    let mut texts = Vec::new();
    for route in ROUTES.iter().filter(|r| !r.not_found) {
        if scripts {
            env.open(route).await?;
        } else {
            env.open_without_scripts(route, crate::env::DEFAULT_VIEWPORT)
                .await?;
        }
        let parts = env.js(TEXTS_JS, vec![]).await?;
        texts.extend(
            parts
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .map(normalize),
        );
    }
    let appears = |sentence: &str| {
        let sentence = normalize(sentence);
        texts.iter().any(|t| t.contains(&sentence))
    };
    let all = sentences(SOURCE);
    let missing: Vec<&String> = all.iter().filter(|s| !appears(s)).collect();
    let mut problems = Vec::new();
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|s| format!("  - {s}")).collect();
        problems.push(format!(
            "{} of {} source sentences appear on no route:\n{}",
            missing.len(),
            all.len(),
            list.join("\n")
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// The area page shows its photo with the expected `alt` text.
pub async fn area_photo_alt(env: &Env, route: &Route) -> Result<(), Failed> {
    let expected = route.image_alt.expect("only area routes have photos");
    env.open(route).await?;
    let alts = env
        .js(
            "return Array.from(document.images, i => i.getAttribute('alt'));",
            vec![],
        )
        .await?;
    let found = alts
        .as_array()
        .is_some_and(|a| a.iter().any(|alt| *alt == *expected));
    if found {
        Ok(())
    } else {
        Err(format!(
            "{}: images have alt texts {alts}, expected one {expected:?}",
            route.path
        )
        .into())
    }
}
