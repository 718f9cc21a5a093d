//! Checks the Content-Security-Policy that siteserver sends from `dist/_headers`: strict, and enforced by the browser.

use std::time::Duration;

use libtest_mimic::Failed;
use serde_json::{Value as Json, json};

use crate::env::Env;
use crate::routes::route;

/// JavaScript (asynchronous) that fetches pages and the app's hashed script and wasm, and
/// returns their security and caching headers, with the hashes of the page's inline scripts.
/// Its argument is the base path (`""` at the root); the wasm is found among the loaded resources,
/// since only the script is preloaded.
const HEADERS_JS: &str = "const base = arguments[0]; const done = arguments[arguments.length - 1]; \
    const script = document.querySelector('link[rel=modulepreload]'); \
    const wasm = performance.getEntriesByType('resource').map(e => e.name) \
      .find(n => n.endsWith('_bg.wasm')); \
    const assets = [script && script.href, wasm].filter(a => a); \
    const names = ['content-security-policy', 'cache-control', 'x-content-type-options', \
      'referrer-policy', 'content-type']; \
    const headers = url => fetch(url, { method: 'HEAD', cache: 'no-store' }).then(r => \
      ({ url, status: r.status, ...Object.fromEntries(names.map(n => [n, r.headers.get(n)])) })); \
    const inline = Array.from(document.querySelectorAll('script:not([src])'), s => s.textContent); \
    const hash = text => crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)) \
      .then(d => \"'sha256-\" + btoa(String.fromCharCode(...new Uint8Array(d))) + \"'\"); \
    Promise.all([Promise.all([location.origin + base + '/', \
        location.origin + base + '/handlungsfelder/unterbringung', \
        location.origin + base + '/gibt-es-nicht', \
        ...assets].map(headers)), Promise.all(inline.map(hash))]) \
      .then(([responses, hashes]) => done({ responses, assets: assets.length, hashes }), \
        e => done({ error: String(e) }));";

/// Fetches `/`, a deep link, an unknown path and the hashed assets, and checks their headers and
/// the policy.
pub async fn header_is_sent_and_strict(env: &Env) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    let seen = env
        .browser
        .client
        .execute_async(HEADERS_JS, vec![Json::from(env.base())])
        .await
        .map_err(|e| format!("fetching the headers failed: {e}"))?;
    if let Some(error) = seen.get("error") {
        return Err(format!("fetching the headers failed: {error}").into());
    }
    let mut problems = Vec::new();
    if seen["assets"] != 2 {
        problems.push(format!(
            "expected the preloaded script and the loaded wasm, found {}",
            seen["assets"]
        ));
    }
    let hashes: Vec<&str> = seen["hashes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Json::as_str)
        .collect();
    if hashes.is_empty() {
        problems.push("the page has no inline script (Trunk's loader) to check".to_owned());
    }
    let responses = seen["responses"].as_array().cloned().unwrap_or_default();
    let mut policies = Vec::new();
    for response in &responses {
        let url = response["url"].as_str().unwrap_or_default();
        let header = |name: &str| response[name].as_str().unwrap_or_default().to_owned();
        let is_asset = url.ends_with(".js") || url.ends_with(".wasm");
        let cache = if is_asset {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        for (name, expect) in [
            ("cache-control", cache),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "strict-origin-when-cross-origin"),
        ] {
            if header(name) != expect {
                problems.push(format!(
                    "{url}: {name} is {:?}, expected {expect:?}",
                    header(name)
                ));
            }
        }
        // An unknown path gets the not-found page with status 404, under the same policy.
        let expected_status = if url.ends_with("/gibt-es-nicht") {
            404
        } else {
            200
        };
        if response["status"] != expected_status {
            problems.push(format!(
                "{url}: status {}, expected {expected_status}",
                response["status"]
            ));
        }
        policies.push((url.to_owned(), header("content-security-policy")));
    }
    if responses.len() < 3 {
        problems.push(format!("too few responses: {seen}"));
    }
    let Some((_, policy)) = policies.first().cloned() else {
        return Err(format!("no responses: {seen}").into());
    };
    for (url, other) in &policies {
        if *other != policy {
            problems.push(format!("{url} has another policy: {other:?}"));
        }
    }
    problems.extend(policy_problems(&policy, &hashes));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "Content-Security-Policy: {policy}\n  {}",
            problems.join("\n  ")
        )
        .into())
    }
}

/// What is not strict about `policy`, given the hashes of the page's inline scripts.
fn policy_problems(policy: &str, hashes: &[&str]) -> Vec<String> {
    let directives: Vec<Vec<&str>> = policy
        .split(';')
        .map(|d| d.split_whitespace().collect::<Vec<_>>())
        .filter(|d| !d.is_empty())
        .collect();
    let directive = |name: &str| {
        directives
            .iter()
            .find(|d| d[0] == name)
            .map(|d| d[1..].to_vec())
    };
    let mut problems = Vec::new();
    if policy.is_empty() {
        return vec!["no Content-Security-Policy header".to_owned()];
    }
    for unsafe_source in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:"] {
        if directives.iter().any(|d| d[1..].contains(&unsafe_source)) {
            problems.push(format!("a directive allows {unsafe_source}"));
        }
    }
    match directive("script-src") {
        None => problems.push("no script-src directive".to_owned()),
        Some(sources) => {
            if !sources.contains(&"'wasm-unsafe-eval'") {
                problems.push("script-src lacks 'wasm-unsafe-eval'".to_owned());
            }
            if !sources.iter().any(|s| s.starts_with("'sha256-")) {
                problems.push("script-src has no sha256 source".to_owned());
            }
            for hash in hashes {
                if !sources.contains(hash) {
                    problems.push(format!("script-src lacks the inline script's hash {hash}"));
                }
            }
        }
    }
    for (name, expect) in [
        ("default-src", "'self'"),
        ("style-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
    ] {
        if directive(name) != Some(vec![expect]) {
            problems.push(format!("{name} is not just {expect}"));
        }
    }
    if directive("frame-ancestors").is_none_or(|s| s.is_empty()) {
        problems.push("no frame-ancestors directive".to_owned());
    }
    problems
}

/// JavaScript (asynchronous) that listens for policy violations, then appends an inline script
/// that the policy does not allow, and reports whether it ran and which violations were seen.
const INJECT_JS: &str = "const done = arguments[arguments.length - 1]; \
    const seen = []; \
    document.addEventListener('securitypolicyviolation', e => seen.push({ \
      directive: e.effectiveDirective, blocked: e.blockedURI, disposition: e.disposition })); \
    const script = document.createElement('script'); \
    script.textContent = 'window.__csp_broken = 1;'; \
    document.head.appendChild(script); \
    const started = Date.now(); \
    const wait = () => (seen.length > 0 || Date.now() - started > 3000) \
      ? done({ broken: typeof window.__csp_broken, seen }) : setTimeout(wait, 50); \
    wait();";

/// Appends an inline script that the policy does not allow; it must not run, and the browser must
/// report the violation.
pub async fn inline_script_is_blocked(env: &Env) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    let seen = env
        .browser
        .client
        .execute_async(INJECT_JS, vec![])
        .await
        .map_err(|e| format!("injecting the script failed: {e}"))?;
    // Whatever the script did, make sure no later check sees its flag.
    env.js("delete window.__csp_broken;", vec![]).await?;
    let blocked = seen["seen"].as_array().into_iter().flatten().any(|v| {
        v["directive"]
            .as_str()
            .is_some_and(|d| d.starts_with("script-src"))
            && v["blocked"] == "inline"
            && v["disposition"] == "enforce"
    });
    // Give a late violation report a moment to arrive in the log, so that the next page load drains it.
    tokio::time::sleep(Duration::from_millis(100)).await;
    if seen["broken"] == json!("undefined") && blocked {
        Ok(())
    } else {
        Err(format!(
            "the injected inline script ran ({}) or no enforced script-src violation was reported: {}",
            seen["broken"], seen["seen"]
        )
        .into())
    }
}
