//! The service page's section on installing the app and reading it offline.

use crate::pwa::{install, use_pwa};
use leptos::prelude::*;

/// How to install the app: a button where the browser offers installation, and step-by-step
/// instructions for browsers that install from their own menu (such as Safari on iPhone and
/// iPad). Inside a frame of another page the section is left out.
#[component]
pub fn InstallApp() -> impl IntoView {
    let pwa = use_pwa();
    let offered = move || pwa.install_prompt.with(Option::is_some);
    move || {
        (!pwa.embedded.get()).then(|| {
            view! {
                <section aria-labelledby="installieren">
                    <h2 id="installieren">"App installieren und offline lesen"</h2>
                    <p>
                        "Nach dem ersten Besuch funktioniert die App auch ohne Internetverbindung: alle Seiten und die Suche. Sie können sie außerdem wie eine App auf Ihrem Startbildschirm ablegen."
                    </p>
                    {move || {
                        offered()
                            .then(|| {
                                view! {
                                    <p>
                                        <button type="button" class="button" on:click=move |_| install(pwa)>
                                            "App installieren"
                                        </button>
                                    </p>
                                }
                            })
                    }}
                    <h3>"So installieren Sie die App über Ihren Browser"</h3>
                    <ul>
                        <li>
                            "iPhone und iPad (Safari): Tippen Sie auf das Symbol „Teilen“ (ein Quadrat mit Pfeil nach oben), dann auf „Zum Home-Bildschirm“ und auf „Hinzufügen“."
                        </li>
                        <li>
                            "Android (Chrome, Edge, Samsung Internet): Öffnen Sie das Browsermenü (drei Punkte) und wählen Sie „App installieren“ oder „Zum Startbildschirm hinzufügen“."
                        </li>
                        <li>
                            "Computer (Chrome, Edge): Wählen Sie das Installationssymbol am rechten Ende der Adresszeile oder im Browsermenü „App installieren“."
                        </li>
                    </ul>
                </section>
            }
        })
    }
}
