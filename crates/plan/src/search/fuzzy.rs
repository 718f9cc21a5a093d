//! Typo tolerance: indexed stems within a small edit distance of a query word.

use std::cmp::Reverse;

use super::index::Index;
use super::order::sorted;

/// Returns the number of typos tolerated in a word of `letters` letters: none under 5 letters,
/// one from 5 letters, two from 9 letters.
pub fn max_typos(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Returns the ids of indexed terms within `max` edits (insertions, deletions, substitutions and
/// transpositions of neighbours) of a query word, with their distance, closest and most frequent
/// first. A term is near when its stem is near the word's stem or its spelling is near the folded
/// word: stems alone fail when a typo moves the stemmer's regions ("ausbldung" keeps its "ung").
///
/// As in Lucene's fuzzy queries with a prefix length of 1, the first letter must be right: typos
/// there are rare, and it limits the comparison to a contiguous slice of the sorted stems.
pub fn near(
    index: &Index,
    stem: &str,
    folded: &str,
    max: usize,
    limit: usize,
) -> Vec<(u32, usize)> {
    let Some(first) = stem.chars().next().filter(|_| max > 0) else {
        return Vec::new();
    };
    let mut buf = [0u8; 4];
    let first: &str = first.encode_utf8(&mut buf);
    let from = index.terms.partition_point(|t| t.stem.as_str() < first);
    let (query_stem, query_word) = (letters(stem), letters(folded));
    let found: Vec<(u32, usize)> = index.terms[from..]
        .iter()
        .take_while(|t| t.stem.starts_with(first))
        .enumerate()
        .filter(|(_, t)| t.stem != stem)
        .filter_map(|(offset, t)| {
            let id = from + offset;
            let (stem_letters, word_letters) = index.signatures[id];
            // Each edit changes at most two letters of the signature: a cheap test first.
            let close = |a: u32, b: u32| (a ^ b).count_ones() as usize <= 2 * max;
            let by_stem = close(stem_letters, query_stem)
                .then(|| distance(&t.stem, stem, max))
                .flatten();
            let by_word = close(word_letters, query_word)
                .then(|| distance(&index.folded[id], folded, max))
                .flatten();
            let d = by_stem.into_iter().chain(by_word).min()?;
            Some((id as u32, d))
        })
        .collect();
    // Closest first, then most frequent.
    let key = |i: usize| {
        let (id, d) = found[i];
        (d, Reverse(index.terms[id as usize].postings.len()))
    };
    sorted(found.len(), &|a, b| key(a).cmp(&key(b)))
        .into_iter()
        .take(limit)
        .map(|i| found[i])
        .collect()
}

/// Returns the letter signature of a word: one bit for each letter a–z it contains, one for
/// digits and one for any other character.
pub fn letters(word: &str) -> u32 {
    word.bytes().fold(0, |mask, b| {
        mask | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << 26,
            _ => 1 << 27,
        }
    })
}

/// Returns the optimal-string-alignment distance of `a` and `b` when it is at most `max`: the
/// number of insertions, deletions, substitutions and transpositions of neighbouring characters.
///
/// The dynamic programme stops as soon as a row exceeds `max`.
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the dynamic programme: two rows back, the previous one and the current one.
    // Distances are capped at `max + 1` so that they fit in a byte.
    let width = b.len() + 1;
    let cap = (max + 1).min(255) as u8;
    let capped = |n: usize| n.min(usize::from(cap)) as u8;
    let mut rows = vec![0u8; 3 * width];
    for (j, cell) in rows[width..2 * width].iter_mut().enumerate() {
        *cell = capped(j);
    }
    for i in 1..=a.len() {
        let (older, rest) = rows.split_at_mut(width);
        let (previous, current) = rest.split_at_mut(width);
        current[0] = capped(i);
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(older[j - 2] + 1);
            }
            current[j] = d.min(cap);
            row_min = row_min.min(current[j]);
        }
        if usize::from(row_min) > max {
            return None;
        }
        rows.rotate_left(width);
    }
    let d = usize::from(rows[width + b.len()]);
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    //! Tests of the edit distance and the typo budget.

    use super::*;

    #[test]
    fn distances() {
        let cases = [
            ("wohnung", "wohnung", 1, Some(0)),
            ("wohnung", "wohnnug", 1, Some(1)),
            ("wohnung", "wohnug", 1, Some(1)),
            ("wohnung", "wohnungen", 1, None),
            ("wohnung", "wohnungen", 2, Some(2)),
            ("ausbildung", "ausbldung", 2, Some(1)),
            ("abc", "xyz", 2, None),
            ("", "ab", 2, Some(2)),
            ("straße", "strasse", 2, Some(2)),
            ("münchen", "munchen", 1, Some(1)),
        ];
        for (a, b, max, expected) in cases {
            assert_eq!(distance(a, b, max), expected, "{a} / {b}");
            assert_eq!(distance(b, a, max), expected, "{b} / {a}");
        }
    }

    #[test]
    fn typo_budget_grows_with_length() {
        let budgets: Vec<usize> = [1, 4, 5, 8, 9, 20].into_iter().map(max_typos).collect();
        assert_eq!(budgets, vec![0, 0, 1, 1, 2, 2]);
    }
}
