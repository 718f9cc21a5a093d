//! Snippets: a short excerpt of a section around the matched words, with the words marked.

use std::cmp::Reverse;
use std::ops::Range;

use super::compound::MIN_PART;
use super::order::sorted;
use super::text::{analyse, fold, stem, tokenize};

/// An excerpt with marked words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt: white space collapsed, control characters removed, "… " in front when it
    /// does not start at the beginning of the text and " …" behind when it stops before the end.
    pub text: String,
    /// Byte ranges of the marked words in `text`, ascending, on character boundaries.
    pub marks: Vec<Range<usize>>,
}

/// The most characters of context shown before the first marked word.
const CONTEXT: usize = 30;
/// The most marks considered when choosing the excerpt.
const MAX_MARKS: usize = 200;

/// Returns the stems of the searchable words of a query, for [`snippet`] without a search.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in analyse(super::text::cut(query, 4 * super::MAX_QUERY_CHARS)) {
        if !word.stop && !word.token.joined && !terms.contains(&word.stem) {
            terms.push(word.stem);
        }
    }
    terms
}

/// Returns whether a word of the text matches one of the stems: its own stem is one of them, or
/// it contains one of at least [`MIN_PART`] letters (a compound part or a completed prefix).
fn matches<S: AsRef<str>>(lower: &str, terms: &[S]) -> Option<usize> {
    let own = stem(lower);
    let folded = fold(lower);
    terms.iter().position(|t| {
        let t = t.as_ref();
        t == own || (t.chars().count() >= MIN_PART && contains(&folded, t))
    })
}

/// Returns whether `part` occurs in `word`; a plain comparison at every position, which is
/// fast enough for single words and smaller in the WebAssembly build than [`str::contains`].
fn contains(word: &str, part: &str) -> bool {
    part.is_empty()
        || word
            .as_bytes()
            .windows(part.len())
            .any(|window| window == part.as_bytes())
}

/// Cuts an excerpt of at most `max_chars` characters out of `text` around the words matching
/// `terms` (stems, e.g. [`super::Hit::terms`] or [`query_terms`]) and marks those words.
pub fn snippet<S: AsRef<str>>(text: &str, terms: &[S], max_chars: usize) -> Snippet {
    if max_chars == 0 || text.is_empty() {
        return Snippet::default();
    }
    // The marked words as byte ranges of `text` with the index of the term they match.
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    if !terms.is_empty() {
        for token in tokenize(text) {
            if let Some(term) = matches(&token.lower, terms) {
                found.push((token.range, term));
            }
        }
    }
    // By start, the longer of two words with the same start first.
    let key = |i: usize| (found[i].0.start, Reverse(found[i].0.end));
    let mut marks: Vec<(Range<usize>, usize)> = Vec::new();
    for i in sorted(found.len(), &|a, b| key(a).cmp(&key(b))) {
        let (range, term) = found[i].clone();
        match marks.last_mut() {
            Some((last, _)) if range.start < last.end => last.end = last.end.max(range.end),
            _ => marks.push((range, term)),
        }
    }
    marks.truncate(MAX_MARKS);
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let char_at = |byte: usize| starts.partition_point(|&s| s < byte);
    let total = starts.len();
    // Choose the mark that starts the window with the most different terms (then the most marks).
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, (range, _)) in marks.iter().enumerate() {
        let first = char_at(range.start);
        let window: Vec<&(Range<usize>, usize)> = marks[i..]
            .iter()
            .take_while(|(r, _)| char_at(r.end) <= first + max_chars)
            .collect();
        // The number of different terms in the window.
        let mut seen = vec![false; terms.len()];
        window.iter().for_each(|(_, t)| seen[*t] = true);
        let kinds = seen.iter().filter(|&&s| s).count();
        if best.is_none_or(|(k, n, _)| (kinds, window.len()) > (k, n)) {
            best = Some((kinds, window.len(), first));
        }
    }
    let mut start = match best {
        Some((_, _, first)) => first.saturating_sub(CONTEXT.min(max_chars / 4)),
        None => 0,
    };
    // Use all the room when the window would reach beyond the end of the text.
    start = start.min(total.saturating_sub(max_chars));
    let chars: Vec<char> = text.chars().collect();
    if let Some((_, _, first)) = best {
        // Begin at a word start rather than in the middle of a word.
        while start > 0 && start < first && !chars[start - 1].is_whitespace() {
            start += 1;
        }
    }
    let mut end = (start + max_chars).min(total);
    if end < total && !chars[end].is_whitespace() {
        // End at a word end rather than in the middle of a word.
        if let Some(space) = (start + max_chars / 2..end)
            .rev()
            .find(|&i| chars[i].is_whitespace())
        {
            end = space;
        }
    }
    render(&starts, &chars, start..end, &marks)
}

/// Writes the characters `window` of the text with collapsed white space and maps the marks.
fn render(
    starts: &[usize],
    chars: &[char],
    window: Range<usize>,
    marks: &[(Range<usize>, usize)],
) -> Snippet {
    let mut out = String::new();
    if window.start > 0 {
        out.push_str("… ");
    }
    let body_start = out.len();
    let mut out_marks = Vec::new();
    let mut open: Option<usize> = None;
    let mut pending_space = false;
    let mut m = 0;
    for (&c, &byte) in chars[window.clone()].iter().zip(&starts[window.clone()]) {
        while m < marks.len() && marks[m].0.end <= byte {
            m += 1;
        }
        let inside = m < marks.len() && marks[m].0.start <= byte;
        if !inside && let Some(from) = open.take() {
            out_marks.push(from..out.len());
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = out.len() > body_start;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if inside && open.is_none() {
            open = Some(out.len());
        }
        out.push(c);
    }
    if let Some(from) = open {
        out_marks.push(from..out.len());
    }
    if window.end < chars.len() {
        out.push_str(" …");
    }
    Snippet {
        text: out,
        marks: out_marks,
    }
}
