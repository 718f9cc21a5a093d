//! The code generator for embedding (`/service/einbetten`): choose a page and a theme, see a live
//! preview, copy the snippet, and read what the host page must allow and what this server sends.

use crate::components::marked_text::escape_into;
use crate::components::{breadcrumbs::Breadcrumbs, page_meta::PageMeta};
use crate::content::PLAN;
use crate::embed::resize::reported_height;
use crate::embed::snippet::{frame_snippet, loader_snippet, loader_url, preview_href};
use crate::embed::theme::{ACCENT_PARAM, DENSITY_PARAM, SCHEME_PARAM, Theme, WARNING_PREFIX};
use crate::paths::{FRAME_ANCESTORS, ORIGIN, link};
use crate::search::SEARCH_PATH;
use leptos::prelude::*;
use plan::routes::Route;

/// The page the generator starts with.
const DEFAULT_PAGE: &str = "/handlungsfelder";

/// The pages a host can embed: every route but this one, and the search, with their names.
fn embeddable_pages() -> Vec<(String, &'static str)> {
    Route::all()
        .into_iter()
        .filter_map(|route| {
            let label = match route {
                Route::Home => "Startseite",
                Route::Leitlinien => "Leitlinien",
                Route::Handlungsfelder => "Handlungsfelder (Übersicht)",
                Route::Area(slug) => PLAN.area(slug).map(|area| area.title)?,
                Route::Service => "Service",
                Route::Barrierefreiheit => "Erklärung zur Barrierefreiheit",
                Route::LeichteSprache => "Leichte Sprache",
                Route::Einbetten => return None,
            };
            Some((route.path(), label))
        })
        .chain([(SEARCH_PATH.to_owned(), "Hessen-Suche")])
        .collect()
}

/// The generator page.
#[component]
pub fn EmbedGeneratorPage() -> impl IntoView {
    let pages = embeddable_pages();
    // The form's fields as the reader set them; the form itself keeps their state (one input
    // handler copies it here), so the fields need no bindings of their own.
    let route = RwSignal::new(DEFAULT_PAGE.to_owned());
    let scheme = RwSignal::new(String::new());
    let accent = RwSignal::new(String::new());
    let compact = RwSignal::new(false);
    let on_input = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let target = ev.target();
        if let Some(field) = target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            match field.name().as_str() {
                SCHEME_PARAM => scheme.set(field.value()),
                ACCENT_PARAM => accent.set(field.value()),
                DENSITY_PARAM => compact.set(field.checked()),
                _ => {}
            }
        } else {
            route.set(event_target_value(&ev));
        }
    };
    // The theme exactly as the app will read it from the query, with the same checks.
    let checked = Memo::new(move |_| {
        let accent = accent.get();
        let scheme = scheme.get();
        let compact = compact.get();
        Theme::from_query(|name| match name {
            ACCENT_PARAM => Some(accent.trim().to_owned()).filter(|a| !a.is_empty()),
            SCHEME_PARAM => Some(scheme.clone()).filter(|s| !s.is_empty()),
            DENSITY_PARAM => compact.then(|| "kompakt".to_owned()),
            _ => None,
        })
    });
    let theme = move || checked.read().0;
    let accent_notes = move || {
        checked
            .read()
            .1
            .iter()
            .map(|w| w.trim_start_matches(WARNING_PREFIX).to_owned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let snippet = move || loader_snippet(&route.get(), &theme());
    let route_title = move || {
        let current = route.get();
        embeddable_pages()
            .into_iter()
            .find(|(path, _)| *path == current)
            .map_or("Aktionsplan Hessen", |(_, label)| label)
    };
    let plain_frame = move || {
        frame_snippet(
            &route.get(),
            &theme(),
            &format!("Aktionsplan Hessen: {}", route_title()),
        )
    };
    let copied = RwSignal::new(String::new());
    // The preview reports its height like any embedded page; this page sizes the frame from it.
    Effect::new(move |_| {
        let listener = window_event_listener(leptos::ev::message, size_preview);
        on_cleanup(move || listener.remove());
    });
    // The options as HTML: one attribute instead of code for each element.
    let options_html = pages
        .into_iter()
        .map(|(path, label)| {
            let selected = if path == DEFAULT_PAGE {
                " selected"
            } else {
                ""
            };
            let mut html = format!("<option value=\"{path}\"{selected}>");
            escape_into(&mut html, label);
            html + "</option>"
        })
        .collect::<String>();
    view! {
        <PageMeta
            title="App einbetten"
            description="So binden Behörden, Kreise und Gemeinden Seiten des Aktionsplans Hessen in ihre eigenen Internetseiten ein: Code-Generator, Vorschau und nötige Einstellungen."
        />
        <Breadcrumbs
            trail=vec![("Startseite", link(Route::Home)), ("Service", link(Route::Service))]
            current="App einbetten"
        />
        <h1 tabindex="-1">"App einbetten"</h1>
        <p>
            "Jede Seite dieser App lässt sich in eine andere Internetseite einbetten, zum Beispiel ein Handlungsfeld in die Seite eines Landkreises. Die eingebettete Seite zeigt nur ihren Inhalt und einen Link zur ganzen App, passt ihre Höhe selbst an, speichert nichts auf dem Gerät und lädt nichts von anderen Servern."
        </p>
        <noscript>
            <p class="notice">
                "Ohne JavaScript zeigt diese Seite nur den Code für die Übersicht der Handlungsfelder. Für eine andere Seite ersetzen Sie den Pfad in data-aktionsplan-embed, zum Beispiel durch /leitlinien."
            </p>
        </noscript>
        <form class="embed-form" aria-labelledby="einstellungen" autocomplete="off" on:input=on_input on:submit=|ev| ev.prevent_default()>
            <h2 id="einstellungen">"Seite und Aussehen wählen"</h2>
            <div class="form-field">
                <label for="einbetten-seite">"Seite"</label>
                <select id="einbetten-seite" name="seite" inner_html=options_html></select>
            </div>
            <fieldset class="form-field">
                <legend>"Farbschema"</legend>
                // Literal markup (the values are those of `Scheme`) compiles to static HTML.
                <label class="choice">
                    <input type="radio" name="farbschema" value="system" checked />
                    "wie auf dem Gerät der Lesenden eingestellt"
                </label>
                <label class="choice">
                    <input type="radio" name="farbschema" value="hell" />
                    "hell"
                </label>
                <label class="choice">
                    <input type="radio" name="farbschema" value="dunkel" />
                    "dunkel"
                </label>
            </fieldset>
            <div class="form-field">
                <label for="einbetten-akzent">"Akzentfarbe (freiwillig)"</label>
                <p id="einbetten-akzent-hilfe" class="form-field__help">
                    "Sechs Hexadezimalziffern wie #8a1538. Die App verwendet die Farbe für Links und Hervorhebungen, aber nur in dem Farbschema, in dem sie genug Kontrast hat."
                </p>
                <input
                    id="einbetten-akzent"
                    name="akzent"
                    type="text"
                    spellcheck="false"
                    aria-describedby="einbetten-akzent-hilfe einbetten-akzent-hinweis"
                />
                <p id="einbetten-akzent-hinweis" class="form-field__note" aria-live="polite">
                    {accent_notes}
                </p>
            </div>
            <div class="form-field">
                <label class="choice">
                    <input type="checkbox" name="dichte" value="kompakt" />
                    "kompakte Abstände (für schmale Spalten)"
                </label>
            </div>
        </form>
        <section aria-labelledby="code">
            <h2 id="code">"Code für Ihre Seite"</h2>
            <p>
                "Fügen Sie diese zwei Zeilen an der Stelle ein, an der die Seite erscheinen soll. Das Skript darf mehrmals auf einer Seite stehen; mehrere eingebettete Seiten brauchen es nur einmal."
            </p>
            // A read-only text area is never edited, so its text (which follows the choices) is
            // always its value.
            <label for="einbetten-code" class="visually-hidden">"Code zum Einbetten"</label>
            <textarea id="einbetten-code" class="code-box" readonly rows="4">
                {snippet}
            </textarea>
            <p>
                <button type="button" class="button" on:click=move |_| copy_snippet(copied)>
                    "Code kopieren"
                </button>
            </p>
            <p role="status" class="copy-status">{move || copied.get()}</p>
        </section>
        <section aria-labelledby="vorschau">
            <h2 id="vorschau">"Vorschau"</h2>
            // The preview shows this site's own page, so it needs no sandbox (and a sandbox with
            // scripts and the same origin would only earn the browser's warning that it does
            // nothing).
            <iframe
                id=PREVIEW_ID
                class="embed-preview"
                title=move || format!("Vorschau: {}", route_title())
                src=move || preview_href(&route.get(), &theme())
            ></iframe>
        </section>
        // Static text with this build's settings in it, written as HTML to keep the wasm small.
        <div inner_html=hosting_html()></div>
        <section aria-labelledby="ohne-skript">
            <h2 id="ohne-skript">"Einbetten ohne Skript"</h2>
            <p>
                "Wenn Ihre Seite keine fremden Skripte zulässt, betten Sie die Seite mit einem einfachen Rahmen ein. Er passt seine Höhe nicht an und zeigt bei längeren Seiten eine Bildlaufleiste."
            </p>
            <label for="einbetten-rahmen" class="visually-hidden">"Code für einen einfachen Rahmen"</label>
            <textarea id="einbetten-rahmen" class="code-box" readonly rows="4">
                {plain_frame}
            </textarea>
        </section>
    }
}

/// The sections on what the host page must allow and what this server sends, as HTML.
fn hosting_html() -> String {
    let code = |text: &str| {
        let mut html = String::from("<code>");
        escape_into(&mut html, text);
        html.push_str("</code>");
        html
    };
    format!(
        "<section aria-labelledby=\"erlauben\"><h2 id=\"erlauben\">Was Ihre Seite erlauben muss</h2>\
         <p>Wenn Ihre Seite eine Content-Security-Policy sendet, muss sie das Skript und die \
         eingebettete Seite von dieser Adresse erlauben:</p><p>{}</p>\
         <p>Das Skript ({}) braucht keine Skripte oder Stile direkt in Ihrer Seite und keine \
         weiteren Dateien. Es legt einen Rahmen mit einem Titel an, lädt ihn erst, wenn er in die \
         Nähe des sichtbaren Bereichs kommt, und erlaubt ihm nur, die App auszuführen, ihr \
         Suchformular zu senden und Links in einem neuen Tab zu öffnen.</p></section>\
         <section aria-labelledby=\"senden\"><h2 id=\"senden\">Was dieser Server sendet</h2>\
         <p>Der Server dieser App bestimmt mit der Angabe frame-ancestors, welche Seiten sie \
         einbetten dürfen. Diese Fassung sendet:</p><p>{}</p><p>{}</p></section>",
        code(&format!("script-src {ORIGIN}; frame-src {ORIGIN}")),
        code(&loader_url()),
        code(&format!(
            "Content-Security-Policy: frame-ancestors {FRAME_ANCESTORS}"
        )),
        frame_ancestors_note()
    )
}

/// What the `frame-ancestors` setting of this build means for hosts.
fn frame_ancestors_note() -> &'static str {
    match FRAME_ANCESTORS {
        "'self'" => {
            "Das heißt: Diese Fassung darf nur in ihre eigenen Seiten eingebettet werden. Damit andere Seiten sie einbetten können, trägt der Betreiber deren Adressen in die Einstellung AKTIONSPLAN_FRAME_ANCESTORS ein."
        }
        "'none'" => "Das heißt: Diese Fassung darf nirgends eingebettet werden.",
        _ => {
            "Das heißt: Nur die genannten Seiten dürfen diese Fassung einbetten. Weitere Adressen trägt der Betreiber in die Einstellung AKTIONSPLAN_FRAME_ANCESTORS ein."
        }
    }
}

/// Sizes the preview frame from its size report: only from this site's origin and only from the
/// preview's own window.
fn size_preview(event: web_sys::MessageEvent) {
    use wasm_bindgen::JsCast;
    let Some(frame) = document()
        .get_element_by_id(PREVIEW_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok())
    else {
        return;
    };
    let own_origin = window().location().origin().ok();
    let from_preview = match (event.source(), frame.content_window()) {
        (Some(source), Some(preview)) => js_sys::Object::is(&source, &preview),
        _ => false,
    };
    if !from_preview || own_origin.as_deref() != Some(event.origin().as_str()) {
        return;
    }
    if let Some(height) = reported_height(&event) {
        let _ = web_sys::HtmlElement::style(&frame).set_property("height", &format!("{height}px"));
    }
}

/// The id of the preview frame.
const PREVIEW_ID: &str = "einbetten-vorschau";

/// Copies the snippet to the clipboard and says so; where the browser refuses, selects the code
/// so that the reader can copy it with the keyboard.
fn copy_snippet(status: RwSignal<String>) {
    use wasm_bindgen::JsCast;
    let Some(field) = document()
        .get_element_by_id("einbetten-code")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = field.value();
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok();
    let write = clipboard.as_ref().and_then(|c| {
        let write = js_sys::Reflect::get(c, &"writeText".into()).ok()?;
        write
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call1(c, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let select_instead = move || {
        let _ = field.focus();
        field.select();
        status.set(
            "Der Browser erlaubt das Kopieren nicht. Der Code ist markiert: Kopieren Sie ihn mit Strg+C (auf dem Mac mit Befehlstaste+C).".to_owned(),
        );
    };
    match write {
        Some(promise) => leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => status.set("Der Code ist in der Zwischenablage.".to_owned()),
                Err(_) => select_instead(),
            }
        }),
        None => select_instead(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_but_the_generator_can_be_embedded() {
        let pages = embeddable_pages();
        let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(pages.len(), Route::all().len(), "{paths:?}");
        assert!(!paths.contains(&"/service/einbetten"));
        assert!(paths.contains(&"/suche"));
        assert!(pages.iter().all(|(_, label)| !label.is_empty()));
    }
}
