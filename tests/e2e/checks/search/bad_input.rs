//! Odd queries, given in the URL and typed into the header field, must do no harm.

use fantoccini::key::Key;
use libtest_mimic::Failed;
use serde_json::Value as Json;

use super::{
    COMBOBOX_JS, FIELD, NORM_JS, SEARCH, describe, encode, find, open_path, report, results_page,
    text,
};
use crate::env::{DEFAULT_VIEWPORT, Env};
use crate::page::{SETTLE_LIMIT, normalize, within};
use crate::routes::route;

/// JavaScript counting markup that odd input must never create.
const INJECTED_JS: &str = "return { \
    scripts: document.querySelectorAll('body script').length, \
    images: document.querySelectorAll('img[src=\"x\"], form img, .search-status img, \
      ol.results img, #suchvorschlaege img').length, \
    handlers: document.querySelectorAll('[onerror]').length };";

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
