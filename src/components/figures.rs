//! The key figures of the plan, shown large.

use leptos::prelude::*;
use plan::model::Figure;

/// The key figures as a list of value and label.
#[component]
pub fn KeyFigures(
    /// The figures, from `content/start.toml`.
    figures: &'static [Figure],
) -> impl IntoView {
    view! {
        <section class="figures" aria-labelledby="zahlen">
            <h2 id="zahlen">"Zahlen im Überblick"</h2>
            <ul class="figures__list">
                {figures
                    .iter()
                    .map(|figure| {
                        view! {
                            <li class="figure">
                                <span class="figure__value">{figure.value}</span>
                                " "
                                <span class="figure__label">{figure.label}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
