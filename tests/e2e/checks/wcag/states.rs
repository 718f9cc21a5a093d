//! Pages in a state that a plain route does not show: search results, marked search words, embed
//! mode, the open menu and the search suggestions. The accessibility trials check them too.

use fantoccini::Locator;
use libtest_mimic::Failed;

use crate::env::Env;
use crate::routes::Route;

/// A page loaded by a URL with a query.
const fn state(path: &'static str, h1: &'static str) -> Route {
    Route {
        path,
        h1,
        image_alt: None,
        not_found: false,
    }
}

/// The states reached by URL alone.
pub const URL_STATES: &[Route] = &[
    state("/suche?q=Unterkunft", "Hessen-Suche"),
    state(
        "/handlungsfelder/unterbringung?hervorheben=Unterkunft",
        "Unterbringung",
    ),
    state("/leitlinien?einbettung=1", "Leitlinien"),
    state(
        "/handlungsfelder/sicherheit-und-werte?einbettung=1&farbschema=dunkel&dichte=kompakt&akzent=8a1538",
        "Sicherheit & Werte",
    ),
    state("/suche?einbettung=1&q=Sprache", "Hessen-Suche"),
];

/// A state reached by acting on a loaded page.
#[derive(Debug, Clone, Copy)]
pub enum Action {
    /// The menu button pressed on the start page (at 320 px the menu is behind it).
    MenuOpen,
    /// A word typed into the header's search field, so that suggestions show.
    SuggestionsOpen,
    /// A bad accent colour typed into the embed code generator, so that its note shows.
    GeneratorNote,
}

/// Every action state.
pub const ACTIONS: [Action; 3] = [
    Action::MenuOpen,
    Action::SuggestionsOpen,
    Action::GeneratorNote,
];

impl Action {
    /// The state's name in trial names.
    pub fn name(self) -> &'static str {
        match self {
            Action::MenuOpen => "menu_open",
            Action::SuggestionsOpen => "search_suggestions_open",
            Action::GeneratorNote => "embed_generator_with_a_note",
        }
    }

    /// The route the action starts from.
    pub fn route(self) -> Route {
        match self {
            Action::MenuOpen | Action::SuggestionsOpen => crate::routes::route("/"),
            Action::GeneratorNote => crate::routes::route("/service/einbetten"),
        }
    }

    /// Performs the action on the loaded page and waits until its result shows.
    pub async fn perform(self, env: &Env) -> Result<(), Failed> {
        let (script, wait) = match self {
            Action::MenuOpen => (
                "const s = document.querySelector('.toggle--menu > summary'); \
                 if (getComputedStyle(s).display !== 'none') s.click();",
                "return !!document.querySelector('#hauptnavigation a') && \
                 document.querySelector('#hauptnavigation').getBoundingClientRect().height > 0;",
            ),
            Action::SuggestionsOpen => (
                "const s = document.querySelector('.toggle--search > summary'); \
                 if (getComputedStyle(s).display !== 'none') s.click();",
                "const f = document.getElementById('suchfeld'); \
                 return !!f && f.getBoundingClientRect().height > 0;",
            ),
            Action::GeneratorNote => ("", "return !!document.getElementById('einbetten-akzent');"),
        };
        env.js(script, vec![]).await?;
        let (_, shown) = env
            .js_until(wait, crate::page::SETTLE_LIMIT, |v| *v == true)
            .await?;
        if !shown {
            return Err(format!("{}: the page did not get ready for typing", self.name()).into());
        }
        let typed = match self {
            Action::MenuOpen => return Ok(()),
            Action::SuggestionsOpen => ("#suchfeld", "Unterk"),
            Action::GeneratorNote => ("#einbetten-akzent", "rot"),
        };
        let field = env
            .browser
            .client
            .find(Locator::Css(typed.0))
            .await
            .map_err(|e| format!("cannot find {}: {e}", typed.0))?;
        field
            .send_keys(typed.1)
            .await
            .map_err(|e| format!("cannot type into {}: {e}", typed.0))?;
        let result = match self {
            Action::SuggestionsOpen => {
                "return document.querySelectorAll('[role=option]').length > 0;"
            }
            _ => {
                "return (document.getElementById('einbetten-akzent-hinweis') || {}).textContent !== '';"
            }
        };
        let (_, done) = env
            .js_until(result, crate::page::SETTLE_LIMIT, |v| *v == true)
            .await?;
        if done {
            Ok(())
        } else {
            Err(format!("{}: typing showed nothing", self.name()).into())
        }
    }
}
