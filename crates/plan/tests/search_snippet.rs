//! Tests of snippets and their marks.

use plan::search::{query_terms, snippet};

/// Renders a snippet with its marks as `[…]` for compact expectations.
fn render(text: &str, query: &str, max_chars: usize) -> String {
    let snippet = snippet(text, &query_terms(query), max_chars);
    let mut out = String::new();
    let mut at = 0;
    for mark in &snippet.marks {
        assert!(
            snippet.text.is_char_boundary(mark.start) && snippet.text.is_char_boundary(mark.end)
        );
        out.push_str(&snippet.text[at..mark.start]);
        out.push('[');
        out.push_str(&snippet.text[mark.clone()]);
        out.push(']');
        at = mark.end;
    }
    out.push_str(&snippet.text[at..]);
    out
}

/// Checks `(text, query, max_chars)` against the rendered snippet.
fn check(cases: &[(&str, &str, usize, &str)]) {
    for (text, query, max, expected) in cases {
        assert_eq!(
            render(text, query, *max),
            *expected,
            "text: {text:?}, query: {query:?}"
        );
    }
}

#[test]
fn marks_words_across_spellings() {
    check(&[
        (
            "Die Straße ist lang.",
            "strasse",
            100,
            "Die [Straße] ist lang.",
        ),
        (
            "Die Strasse ist lang.",
            "Straße",
            100,
            "Die [Strasse] ist lang.",
        ),
        (
            "Hilfe für Flüchtlinge in München",
            "fluechtling muenchen",
            100,
            "Hilfe für [Flüchtlinge] in [München]",
        ),
        (
            "Neue Flüchtlingsunterkünfte entstehen.",
            "Unterkunft",
            100,
            "Neue [Flüchtlingsunterkünfte] entstehen.",
        ),
        (
            "Der Deutsch-Kurs beginnt.",
            "Kurs",
            100,
            "Der Deutsch-[Kurs] beginnt.",
        ),
        (
            "Der Deutsch-Kurs beginnt.",
            "Deutschkurs",
            100,
            "Der [Deutsch-Kurs] beginnt.",
        ),
        ("Ärger über Öl", "arger ol", 100, "[Ärger] über [Öl]"),
        ("Nichts passt hier.", "Wohnung", 100, "Nichts passt hier."),
        ("", "Wohnung", 100, ""),
        ("Text", "", 100, "Text"),
    ]);
}

#[test]
fn cuts_around_the_matches() {
    let long = format!(
        "{} Die Wohnung liegt zentral. {}",
        "Anfang ".repeat(30),
        "Ende ".repeat(30)
    );
    check(&[
        (
            &long,
            "Wohnung",
            40,
            "… Die [Wohnung] liegt zentral. Ende Ende …",
        ),
        ("Eins zwei drei vier fünf sechs", "", 14, "Eins zwei drei …"),
        (
            "Zeile eins\n\n\tZeile\u{7}zwei",
            "zwei",
            100,
            "Zeile eins Zeile [zwei]",
        ),
        ("Wohnung", "Wohnung", 0, ""),
    ]);
}
