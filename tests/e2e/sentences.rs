//! Splits the verbatim source text into the sentences that the app must show somewhere.

use libtest_mimic::{Failed, Trial};

/// The source page's text as captured, one paragraph, heading or caption per line.
pub const SOURCE: &str = include_str!("../fixtures/aktionsplan-hessen.txt");

/// The sentences of `text`, in order, without duplicates.
///
/// Lines are trimmed and a leading bullet `•` is stripped; each non-empty line is split after
/// `.`, `!` or `?` when whitespace follows, except after a digit, so that ordinals such as
/// "der 18. Legislaturperiode" stay whole (numbers such as "107.000" have no whitespace anyway).
pub fn sentences(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let line = line.strip_prefix('•').unwrap_or(line).trim();
        for sentence in split_line(line) {
            if !out.contains(&sentence) {
                out.push(sentence);
            }
        }
    }
    out
}

/// Splits one line at sentence ends (see [`sentences`]).
fn split_line(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let at_end = matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            && !i
                .checked_sub(1)
                .and_then(|p| chars.get(p))
                .is_some_and(|p| p.is_ascii_digit());
        if at_end {
            push_trimmed(&mut out, &current);
            current.clear();
        }
    }
    push_trimmed(&mut out, &current);
    out
}

/// Adds `sentence` without surrounding whitespace, unless nothing is left.
fn push_trimmed(out: &mut Vec<String>, sentence: &str) {
    let sentence = sentence.trim();
    if !sentence.is_empty() {
        out.push(sentence.to_owned());
    }
}

/// The splitter's own unit tests, run as trials of the end-to-end harness (they need no browser).
pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test(
            "sentences::split_after_full_stops_question_and_exclamation_marks",
            || {
                check(
                    "Eins. Zwei? Drei! Vier",
                    &["Eins.", "Zwei?", "Drei!", "Vier"],
                )
            },
        ),
        Trial::test("sentences::keep_ordinals_after_digits", || {
            check(
                "Die Enquetekommission der 18. Legislaturperiode tagte. Danach nicht.",
                &[
                    "Die Enquetekommission der 18. Legislaturperiode tagte.",
                    "Danach nicht.",
                ],
            )
        }),
        Trial::test("sentences::keep_numbers_with_thousands_separators", || {
            check(
                "Seit 2015 sind rund 107.000 Flüchtlinge gekommen. 1,3 Milliarden Euro.",
                &[
                    "Seit 2015 sind rund 107.000 Flüchtlinge gekommen.",
                    "1,3 Milliarden Euro.",
                ],
            )
        }),
        Trial::test("sentences::strip_bullets_and_blank_lines", || {
            check(
                "Leitlinien:\n\n  • Kompetent mit Vielfalt umgehen,\n   \n• Fachkräfte gewinnen.\n",
                &[
                    "Leitlinien:",
                    "Kompetent mit Vielfalt umgehen,",
                    "Fachkräfte gewinnen.",
                ],
            )
        }),
        Trial::test("sentences::drop_repeated_lines", || {
            check(
                "Hessen handelt\n\nHessen handelt\nSERVICE",
                &["Hessen handelt", "SERVICE"],
            )
        }),
        Trial::test(
            "sentences::do_not_split_without_following_whitespace",
            || check("Ende.Anfang z.B.so", &["Ende.Anfang z.B.so"]),
        ),
        Trial::test("sentences::split_the_source_fixture", check_source_fixture),
    ]
}

/// Checks that `text` splits into exactly `expect`.
fn check(text: &str, expect: &[&str]) -> Result<(), Failed> {
    let got = sentences(text);
    if got == expect {
        Ok(())
    } else {
        Err(format!("sentences({text:?})\n  got:    {got:?}\n  expect: {expect:?}").into())
    }
}

/// Spot-checks the split of the real fixture, so that a changed fixture cannot silently yield nothing.
fn check_source_fixture() -> Result<(), Failed> {
    let got = sentences(SOURCE);
    let expected = [
        "Aktionsplan zur Integration von Flüchtlingen und Bewahrung des gesellschaftlichen Zusammenhalts",
        "Seit 2015 sind rund 107.000 Flüchtlinge nach Hessen gekommen, mehr als 20.000 von ihnen haben Hessen wieder verlassen.",
        "Wesentliche Basis des Integrationsplans sind die Erkenntnisse und Handlungsempfehlungen der Enquetekommission „Migration und Integration“ der 18. Legislaturperiode.",
        "Schaffung von Chancengerechtigkeit durch Bildung (Sprache als Schlüssel für Integration),",
        "HEAE Gießen",
        "Sprachförderung & Schule",
        "SERVICE",
    ];
    let missing: Vec<&str> = expected
        .into_iter()
        .filter(|e| !got.iter().any(|g| g == e))
        .collect();
    if !missing.is_empty() {
        return Err(format!("the fixture's sentences lack {missing:#?}\ngot {got:#?}").into());
    }
    if got.iter().any(|s| s.starts_with('•') || s != s.trim()) {
        return Err(format!("untrimmed or bulleted sentences in {got:#?}").into());
    }
    if got.iter().filter(|s| *s == "Hessen handelt").count() != 1 {
        return Err("\"Hessen handelt\" is not listed exactly once".into());
    }
    Ok(())
}
