//! WCAG 2.2 AA, proven on every route and state: axe-core (WCAG 2.0–2.2 A and AA and best
//! practices) at 320 and 1280 px in the light and dark schemes and in forced colours, the keyboard
//! journey, reflow and text spacing, target sizes, landmarks, headings and link texts, and focus
//! that stays visible and uncovered.

mod keyboard;
mod layout;
mod looks;
mod states;

use std::sync::Arc;

use libtest_mimic::{Failed, Trial};

use super::accessibility::{VIEWPORTS, axe_clean, fail_on};
use super::trial;
use crate::env::{Env, Shared};
use crate::routes::{ROUTES, Route};
use looks::{LOOKS, Look, with_look};
use states::{ACTIONS, Action, URL_STATES};

/// Every route and URL state, with the trials for each.
pub fn trials(shared: &Arc<Shared>) -> Vec<Trial> {
    let mut trials = Vec::new();
    let pages = ROUTES
        .iter()
        .map(|route| (route, false))
        .chain(URL_STATES.iter().map(|route| (route, true)));
    for (&route, is_state) in pages {
        let name = |guard: &str| format!("wcag::{guard}::{}", route.path);
        // The routes' light-scheme axe trials are `axe_finds_no_violations_at_…` in
        // `checks/mod.rs`; the states get theirs here.
        let looks: &[Look] = if is_state {
            &LOOKS
        } else {
            &[Look::Dark, Look::Forced]
        };
        for &look in looks {
            for viewport in VIEWPORTS {
                trials.push(trial(
                    shared,
                    name(&format!(
                        "axe_finds_no_violations_in_{}_at_{}px",
                        look.name(),
                        viewport.0
                    )),
                    async move |env| axe_in(env, &route, viewport, look).await,
                ));
            }
        }
        trials.push(trial(
            shared,
            name("reflows_at_320px_and_keeps_text_with_wider_spacing"),
            async move |env| layout::reflow_and_text_spacing(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("targets_are_at_least_44px"),
            async move |env| layout::target_sizes(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("landmarks_are_named_headings_nest_and_link_texts_stand_alone"),
            async move |env| layout::landmarks_headings_and_links(env, &route).await,
        ));
        trials.push(trial(
            shared,
            name("focus_is_visible_and_uncovered_at_320px"),
            async move |env| {
                env.open_at(&route, (320, 800)).await?;
                layout::focus_walk(env, &route).await
            },
        ));
        trials.push(trial(
            shared,
            name("forced_colours_keep_controls_and_focus_visible"),
            async move |env| {
                with_look(env, Look::Forced, async || {
                    layout::forced_colours_keep_controls_and_focus_visible(env, &route).await
                })
                .await
            },
        ));
    }
    for action in ACTIONS {
        for look in LOOKS {
            for viewport in VIEWPORTS {
                trials.push(trial(
                    shared,
                    format!(
                        "wcag::axe_finds_no_violations_in_{}_at_{}px::{}",
                        look.name(),
                        viewport.0,
                        action.name()
                    ),
                    async move |env| axe_after(env, action, viewport, look).await,
                ));
            }
        }
    }
    trials.push(trial(
        shared,
        "wcag::keyboard_journey_start_area_next_area_search_result".to_owned(),
        async |env| keyboard::main_journey(env).await,
    ));
    trials
}

/// Runs axe on `route` at `viewport` with `look` emulated.
async fn axe_in(env: &Env, route: &Route, viewport: (u32, u32), look: Look) -> Result<(), Failed> {
    with_look(env, look, async || axe_clean(env, route, viewport).await).await
}

/// Loads the action's page at `viewport` with `look` emulated, performs the action and runs axe.
async fn axe_after(
    env: &Env,
    action: Action,
    viewport: (u32, u32),
    look: Look,
) -> Result<(), Failed> {
    with_look(env, look, async || {
        let route = action.route();
        env.open_at(&route, viewport).await?;
        action.perform(env).await?;
        let violations = crate::axe::violations(env).await?;
        fail_on(
            &format!("{} at {} px in {}", action.name(), viewport.0, look.name()),
            &violations,
        )
    })
    .await
}
