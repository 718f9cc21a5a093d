//! Checks that a page fetches nothing from other origins and logs no errors.

use libtest_mimic::Failed;
use serde_json::Value as Json;

use crate::env::Env;
use crate::routes::Route;

/// Loads the route; every fetched URL must be on the test server, and the log must hold no error.
pub async fn stays_on_origin(env: &Env, route: &Route) -> Result<(), Failed> {
    env.open(route).await?;
    env.wait_for_images().await?;
    let names = env
        .js(
            "return performance.getEntries() \
               .filter(e => e.entryType === 'navigation' || e.entryType === 'resource') \
               .map(e => e.name);",
            vec![],
        )
        .await?;
    let origin = format!("{}/", env.origin());
    let names: Vec<&str> = names
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Json::as_str)
        .collect();
    let mut problems: Vec<String> = names
        .iter()
        .filter(|name| !name.starts_with(&origin))
        .map(|name| format!("request to another origin: {name}"))
        .collect();
    if names.is_empty() {
        problems.push("no navigation or resource entries at all".to_owned());
    }
    let page_url = env.url(route.path);
    problems.extend(
        env.log()?
            .iter()
            .filter(|entry| entry["level"] == "SEVERE" && !expected_404(route, &page_url, entry))
            .map(|entry| format!("browser log: {}", entry["message"])),
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n  {}", route.path, problems.join("\n  ")).into())
    }
}

/// Whether a log entry is the browser noting the 404 status of a not-found page itself,
/// which is expected once `404.html` is served for unknown paths.
pub(super) fn expected_404(route: &Route, page_url: &str, entry: &Json) -> bool {
    let message = entry["message"].as_str().unwrap_or_default();
    route.not_found && message.starts_with(page_url) && message.contains("status of 404")
}
