//! Property tests: arbitrary input never makes search, snippets or decoding panic.

use plan::search::{Document, Index, Synonyms, query_terms, snippet};
use proptest::prelude::*;

/// Builds a small index once per test case set.
fn index() -> Index {
    let docs = [
        Document {
            title: "Wohnen",
            heading: "Unterkunft",
            text: "Flüchtlingsunterkünfte und Wohnungen",
        },
        Document {
            title: "Sprache",
            heading: "Kurse",
            text: "Deutsch-Kurse in der Straße",
        },
    ];
    Index::build(&docs, &Synonyms::new())
}

proptest! {
    #[test]
    fn search_accepts_any_string(query in any::<String>()) {
        let results = index().search(&query, 5);
        prop_assert!(results.hits.len() <= 5);
    }

    #[test]
    fn search_accepts_german_like_strings(query in "[a-zA-ZäöüÄÖÜß -]{0,40}") {
        let _ = index().search(&query, 5);
    }

    #[test]
    fn snippets_keep_marks_on_char_boundaries(text in any::<String>(), query in any::<String>(), max in 0usize..80) {
        let s = snippet(&text, &query_terms(&query), max);
        for mark in &s.marks {
            prop_assert!(mark.start < mark.end && mark.end <= s.text.len());
            prop_assert!(s.text.is_char_boundary(mark.start) && s.text.is_char_boundary(mark.end));
        }
        prop_assert!(s.text.chars().count() <= max + 4);
    }

    #[test]
    fn snippets_mark_words_from_the_text(words in prop::collection::vec("[a-zA-ZäöüÄÖÜß]{1,12}", 1..20), pick in 0usize..20) {
        let text = words.join(" ");
        let word = &words[pick % words.len()];
        let s = snippet(&text, &query_terms(word), 500);
        prop_assert_eq!(&s.text, &text);
    }

    #[test]
    fn decoding_accepts_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut with_magic = b"DSI1".to_vec();
        with_magic.extend(&bytes);
        let _ = Index::from_bytes(&bytes);
        let _ = Index::from_bytes(&with_magic);
    }

    #[test]
    fn decoding_survives_flipped_bytes(position in any::<prop::sample::Index>(), value in any::<u8>()) {
        let mut bytes = index().to_bytes();
        let at = position.index(bytes.len());
        bytes[at] = value;
        if let Ok(decoded) = Index::from_bytes(&bytes) {
            let _ = decoded.search("Unterkunft Kurse", 5);
        }
    }
}
