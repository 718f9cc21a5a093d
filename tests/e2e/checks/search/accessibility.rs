//! axe-core on the search states: the results page, the no-result page, and the header search
//! opened at 1280 and 320 pixels wide.

use fantoccini::key::Key;
use libtest_mimic::Failed;

use super::{FIELD, KEYBOARD_QUERY, SEARCH, expect_combobox, find, open_path};
use crate::axe;
use crate::env::Env;
use crate::page::SETTLE_LIMIT;

/// A state of the search UI that axe-core checks.
pub struct AxeState {
    /// The trial's name.
    pub name: &'static str,
    /// The path loaded.
    pub path: &'static str,
    /// The window size.
    pub viewport: (u32, u32),
    /// What is done on the page before axe runs.
    pub action: Action,
}

/// What a trial does on the loaded page before axe runs.
#[derive(Clone, Copy)]
pub enum Action {
    /// Nothing.
    None,
    /// Types into the header field and makes the first suggestion active.
    OpenCombobox,
    /// Opens the header search with its button (the summary of `.toggle--search`).
    OpenSearchButton,
    /// Opens the header search with its button and then the combobox.
    OpenSearchButtonAndCombobox,
}

/// The header's search button.
const SEARCH_BUTTON: &str = ".toggle--search > summary";

/// The search states checked.
pub const AXE_STATES: &[AxeState] = &[
    AxeState {
        name: "results_page",
        path: "/suche?q=Unterkunft",
        viewport: (1280, 900),
        action: Action::None,
    },
    AxeState {
        name: "no_result_page",
        path: "/suche?q=Ehrnamtt",
        viewport: (1280, 900),
        action: Action::None,
    },
    AxeState {
        name: "header_combobox_open_at_1280px",
        path: "/suche?q=Unterkunft",
        viewport: (1280, 900),
        action: Action::OpenCombobox,
    },
    AxeState {
        name: "header_search_opened_by_button_at_320px",
        path: SEARCH,
        viewport: (320, 800),
        action: Action::OpenSearchButton,
    },
    AxeState {
        name: "header_combobox_open_at_320px",
        path: SEARCH,
        viewport: (320, 800),
        action: Action::OpenSearchButtonAndCombobox,
    },
];

/// Loads the state's page, does its action and fails with every axe violation found.
pub async fn axe_clean(env: &Env, state: &AxeState) -> Result<(), Failed> {
    open_path(env, state.path, state.viewport).await?;
    let context = format!(
        "{} at {}×{} ({})",
        state.path, state.viewport.0, state.viewport.1, state.name
    );
    if matches!(
        state.action,
        Action::OpenSearchButton | Action::OpenSearchButtonAndCombobox
    ) {
        let button = find(env, SEARCH_BUTTON).await?;
        button
            .click()
            .await
            .map_err(|e| format!("{context}: cannot click {SEARCH_BUTTON}: {e}"))?;
        let (seen, open) = env
            .js_until(
                "const t = document.querySelector('.toggle--search'); \
                 const f = document.getElementById('suchfeld'); \
                 return { open: t.open, \
                   visible: f.getClientRects().length > 0, focused: document.activeElement === f };",
                SETTLE_LIMIT,
                |s| s["open"] == true && s["visible"] == true && s["focused"] == true,
            )
            .await?;
        if !open {
            return Err(format!(
                "{context}: after clicking {SEARCH_BUTTON}: {seen}, expected it open \
                 and the focused, visible #suchfeld"
            )
            .into());
        }
    }
    if matches!(
        state.action,
        Action::OpenCombobox | Action::OpenSearchButtonAndCombobox
    ) {
        let field = find(env, &format!("#{FIELD}")).await?;
        field
            .send_keys(&(KEYBOARD_QUERY.to_owned() + &Key::Down))
            .await
            .map_err(|e| format!("{context}: cannot type into #{FIELD}: {e}"))?;
        expect_combobox(env, &context, "the list open with an active option", |c| {
            c["expanded"] == "true" && c["shown"] == true && c["active"] == "suchvorschlag-0"
        })
        .await?;
    }
    let violations = axe::violations(env).await?;
    if violations.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = violations.iter().map(|v| format!("  - {v}")).collect();
    Err(format!(
        "{context}: {} axe violations\n{}",
        violations.len(),
        list.join("\n")
    )
    .into())
}
