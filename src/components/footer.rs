//! The site footer: the service links, Leichte Sprache and the source of the text.

use super::external_link::ExternalLink;
use crate::content::PLAN;
use crate::paths::link;
use leptos::prelude::*;
use plan::routes::Route;

/// The footer with links to the service page, privacy, the accessibility statement, the page in
/// Leichte Sprache and the source.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let service = link(Route::Service);
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <nav aria-label="Service">
                    <ul class="site-footer__links">
                        <li>
                            <a class="site-footer__service" href=service.clone()>"Service"</a>
                        </li>
                        <li>
                            <a href=format!("{service}#datenschutz")>"Datenschutz"</a>
                        </li>
                        <li>
                            <a href=link(Route::Barrierefreiheit)>"Barrierefreiheit"</a>
                        </li>
                        <li>
                            <a href=link(Route::LeichteSprache)>"Leichte Sprache"</a>
                        </li>
                    </ul>
                </nav>
                <p class="site-footer__source">
                    "Der Text dieser App stammt von der Seite "
                    <ExternalLink href=PLAN.site.source_url>
                        "„Hessen handelt“ im Flüchtlingsportal des Landes Hessen"
                    </ExternalLink>
                    "."
                </p>
            </div>
        </footer>
    }
}
