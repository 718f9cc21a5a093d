//! The Leptos app: the route table and the layout around every page.
//!
//! Pages live in `pages/`, one per file; shared pieces in `components/`. Content comes from the
//! static `content::PLAN` that `build.rs` compiles from `content/`; nothing is fetched or parsed at
//! run time.

pub mod components;
pub mod content;
pub mod embed;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod pwa;
pub mod search;

use components::layout::Layout;
use leptos::prelude::*;
use leptos_meta::{Link, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{
    area::AreaPage, barrierefreiheit::BarrierefreiheitPage, embed_generator::EmbedGeneratorPage,
    handlungsfelder::HandlungsfelderPage, home::HomePage, leichte_sprache::LeichteSprachePage,
    leitlinien::LeitlinienPage, not_found::NotFoundPage, search::SearchPage, service::ServicePage,
};

/// The whole app: the route table, declared once here. Paths match `plan::routes::Route::path`;
/// the router adds the base path the site is built for.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        // The web app manifest and the home-screen icon that `cargo xtask dist` writes.
        <Link rel="manifest" href=paths::asset("manifest.webmanifest") />
        <Link rel="apple-touch-icon" href=paths::asset("icons/apple-touch-icon.png") />
        <Router base=paths::BASE_PATH>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/leitlinien") view=LeitlinienPage />
                    <Route path=path!("/handlungsfelder") view=HandlungsfelderPage />
                    <Route path=path!("/handlungsfelder/:slug") view=AreaPage />
                    <Route path=path!("/service") view=ServicePage />
                    <Route path=path!("/service/einbetten") view=EmbedGeneratorPage />
                    <Route path=path!("/barrierefreiheit") view=BarrierefreiheitPage />
                    <Route path=path!("/leichte-sprache") view=LeichteSprachePage />
                    <Route path=path!("/suche") view=SearchPage />
                </Routes>
            </Layout>
        </Router>
    }
}
