//! Text with marked words as escaped HTML, for `inner_html`: a snippet's ranges in `<mark>`.
//!
//! Search results, suggestions and highlighted paragraphs are written as escaped HTML in one go
//! rather than as lists of views: it is the same markup, and in WebAssembly far less code than a
//! dynamic list of text and element views. Everything inserted goes through [`escape_into`].

use plan::search::Snippet;

/// The snippet as HTML: every character escaped, every valid range inside `<mark>`.
///
/// Ranges that overlap an earlier one, leave the text or split a character are skipped.
pub fn marked_html(snippet: &Snippet) -> String {
    let text = &snippet.text;
    let mut html = String::with_capacity(text.len() + 16 * snippet.marks.len());
    let mut position = 0;
    for range in &snippet.marks {
        let valid = range.start >= position
            && range.start < range.end
            && text.is_char_boundary(range.start)
            && text.get(range.clone()).is_some();
        if !valid {
            continue;
        }
        escape_into(&mut html, &text[position..range.start]);
        html.push_str("<mark>");
        escape_into(&mut html, &text[range.clone()]);
        html.push_str("</mark>");
        position = range.end;
    }
    escape_into(&mut html, &text[position..]);
    html
}

/// Appends `text` with the characters that HTML gives meaning to escaped.
pub fn escape_into(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            c => html.push(c),
        }
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // The cases are lists of ranges; one is a list too.
mod tests {
    use super::*;

    fn check(text: &str, marks: &[std::ops::Range<usize>], expected: &str) {
        let snippet = Snippet {
            text: text.to_owned(),
            marks: marks.to_vec(),
        };
        assert_eq!(marked_html(&snippet), expected, "{text:?} {marks:?}");
    }

    #[test]
    fn marked_html_cases() {
        check("Straße und Weg", &[0..7], "<mark>Straße</mark> und Weg");
        check("a b", &[], "a b");
        check("Flüchtlinge", &[0..12], "<mark>Flüchtlinge</mark>");
        check("Flüchtlinge", &[0..13], "Flüchtlinge");
        check(
            "<script>&\"'",
            &[1..7],
            "&lt;<mark>script</mark>&gt;&amp;&quot;&#39;",
        );
        check("ab", &[1..1, 0..9], "ab");
        check("über", &[1..2], "über");
        check("eins zwei", &[5..9, 0..4], "eins <mark>zwei</mark>");
    }
}
