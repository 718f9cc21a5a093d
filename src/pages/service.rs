//! The service page: about this app, installing it, embedding it, privacy, and the way to the
//! accessibility statement.
//!
//! All text here is about the app itself. Operator details come from `content/site.toml`; where
//! they are unset, the page says so instead of showing an address that nobody reads.

use crate::components::{
    breadcrumbs::Breadcrumbs, contact::publisher, external_link::ExternalLink,
    install_app::InstallApp, page_meta::PageMeta,
};
use crate::content::PLAN;
use crate::paths::link;
use leptos::prelude::*;
use plan::routes::Route;

/// About the app, installing, embedding, privacy and the way to the accessibility statement.
#[component]
pub fn ServicePage() -> impl IntoView {
    let site = &PLAN.site;
    view! {
        <PageMeta
            title="Service"
            description="Über diese App, Datenschutz und Barrierefreiheit des Aktionsplans Hessen."
        />
        <Breadcrumbs trail=vec![("Startseite", link(Route::Home))] current="Service" />
        <h1 tabindex="-1">"Service"</h1>
        <nav class="toc" aria-label="Inhalt dieser Seite">
            <ul>
                <li><a href="#ueber">"Über diese App"</a></li>
                <li><a href="#installieren">"App installieren und offline lesen"</a></li>
                <li><a href="#einbetten">"In andere Internetseiten einbetten"</a></li>
                <li><a href="#datenschutz">"Datenschutz"</a></li>
                <li><a href=link(Route::Barrierefreiheit)>"Barrierefreiheit"</a></li>
            </ul>
        </nav>
        <section aria-labelledby="ueber">
            <h2 id="ueber">"Über diese App"</h2>
            <p>
                "Diese App zeigt den „" {PLAN.start.title}
                "“ mit seinen Leitlinien und Handlungsfeldern. Der Text stammt wörtlich von der Seite "
                <ExternalLink href=site.source_url>"„Hessen handelt“ im Flüchtlingsportal des Landes Hessen"</ExternalLink>
                ". Die Illustrationen sind eigens für diese App gezeichnet; als Alternativtexte dienen die Bildunterschriften der Quelle."
            </p>
            <p>
                "Die App funktioniert ganz in Ihrem Browser. Alle Inhalte sind in ihr enthalten; beim Lesen lädt sie nichts nach."
            </p>
            <h3>"Herausgeber"</h3>
            <p>{publisher(site)}</p>
        </section>
        <InstallApp />
        <section aria-labelledby="einbetten">
            <h2 id="einbetten">"In andere Internetseiten einbetten"</h2>
            <p>
                "Behörden, Kreise und Gemeinden können jede Seite dieser App in ihre eigenen Internetseiten einbetten. Die eingebettete Seite passt ihre Höhe selbst an und speichert nichts auf dem Gerät. "
                <a href=link(Route::Einbetten)>"Code zum Einbetten erzeugen"</a>
            </p>
        </section>
        <section aria-labelledby="datenschutz">
            <h2 id="datenschutz">"Datenschutz"</h2>
            <p>
                "Diese App speichert keine Angaben über Sie: keine Cookies, keinen lokalen Speicher, keine Kennungen."
            </p>
            <p>
                "Damit Sie die App auch ohne Internetverbindung lesen können, legt Ihr Browser beim ersten Besuch die Dateien der App (ihre Seiten, ihr Programm und ihre Bilder, zusammen weniger als ein Megabyte) in seinem Zwischenspeicher ab, wie er es auch sonst mit Webseiten tut. Es sind nur die Inhalte der App selbst. Sie können sie jederzeit in den Einstellungen Ihres Browsers löschen („Websitedaten“). In einer anderen Webseite eingebettet legt die App nichts ab. Die einbettende Seite nennt der App dabei nur ihre eigene Adresse (nicht Ihre), damit die App ihre Höhe nur an diese Seite meldet."
            </p>
            <p>
                "Sie lädt nichts von anderen Servern: keine Schriften, keine Karten, keine Videos und keine Statistik- oder Analysedienste. Jede Anfrage geht nur an den Server, von dem Sie die App geladen haben."
            </p>
            <p>
                "Die Hessen-Suche läuft ganz in Ihrem Browser: Ihre Suchwörter werden beim Tippen an niemanden geschickt. Sie stehen aber in der Adresse der Ergebnisseite (/suche?q=…); wenn Sie diese Seite neu laden oder ihren Link teilen, erreicht die Adresse den Server wie jede andere."
            </p>
            <p>
                "Wie jeder Webserver kann dieser Server technische Zugriffsdaten (zum Beispiel die Uhrzeit und die aufgerufene Adresse) protokollieren. Ob und wie lange das geschieht, legt der Betreiber des Servers fest."
            </p>
        </section>
        <section aria-labelledby="barrierefreiheit">
            <h2 id="barrierefreiheit">"Barrierefreiheit"</h2>
            <p>
                "Wie barrierefrei diese App ist, was noch fehlt und wie Sie Barrieren melden, steht in der "
                <a href=link(Route::Barrierefreiheit)>"Erklärung zur Barrierefreiheit"</a>
                ". Was die App enthält und wie Sie sie bedienen, erklärt die Seite "
                <a href=link(Route::LeichteSprache)>"Leichte Sprache"</a>
                "."
            </p>
        </section>
    }
}
