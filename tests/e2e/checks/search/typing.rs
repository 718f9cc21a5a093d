//! Header suggestions as you type: the combobox opens with the expected suggestion.

use libtest_mimic::Failed;

use super::{FIELD, expect_combobox, find, options, report};
use crate::env::Env;
use crate::page::within;
use crate::routes::route;

/// Text typed into the header field and a suggestion it must bring up.
pub struct Suggestion {
    /// The trial's name.
    pub name: &'static str,
    /// What is typed.
    pub typed: &'static str,
    /// Text that one suggestion must contain.
    pub expected: &'static str,
}

/// The suggestions checked: a whole word, and unfinished words that must be completed.
pub const SUGGESTIONS: &[Suggestion] = &[
    Suggestion {
        name: "whole_word",
        typed: "Ehrenamt",
        expected: "Unterstützung des Ehrenamts",
    },
    Suggestion {
        name: "prefix_of_an_indexed_word",
        typed: "Unterbr",
        expected: "Unterbringung",
    },
    // "Unterkunft" is a common word that the plan has only inside "Flüchtlingsunterkünfte" and
    // as a synonym, and the whole word finds the Unterbringung page; its start must too.
    Suggestion {
        name: "prefix_of_unterkunft",
        typed: "Unterk",
        expected: "Unterbringung",
    },
];

/// Types into `#suchfeld` on the start page; the list must open with the expected suggestion.
pub async fn suggests_as_you_type(env: &Env, case: &Suggestion) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    let field = find(env, &format!("#{FIELD}")).await?;
    field
        .send_keys(case.typed)
        .await
        .map_err(|e| format!("cannot type into #{FIELD}: {e}"))?;
    let context = format!("after typing {:?} into #{FIELD} on /", case.typed);
    let state = expect_combobox(env, &context, "the list open with the suggestion", |c| {
        c["value"] == case.typed
            && c["expanded"] == "true"
            && c["shown"] == true
            && options(c).any(|o| {
                o["text"]
                    .as_str()
                    .is_some_and(|t| t.contains(case.expected))
            })
    })
    .await
    .map_err(within(format!(
        "expected a suggestion containing {:?}",
        case.expected
    )))?;
    let mut problems = Vec::new();
    if state["role"] != "combobox" || state["controls"] != "suchvorschlaege" {
        problems.push(format!(
            "#{FIELD} has role {} and aria-controls {}, expected \"combobox\" and \"suchvorschlaege\"",
            state["role"], state["controls"]
        ));
    }
    let count = options(&state).count();
    let status = state["status"].as_str().unwrap_or_default();
    if !status.starts_with(&format!("{count} Vorschl")) {
        problems.push(format!(
            "the form's status reads {status:?}, expected it to announce {count} suggestions"
        ));
    }
    report(&context, problems)
}
