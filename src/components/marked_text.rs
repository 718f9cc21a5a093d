//! Text with marked words: a snippet's ranges rendered as `<mark>` elements.

use leptos::prelude::*;
use plan::search::Snippet;

/// Renders `snippet.text`, wrapping each range of `snippet.marks` in `<mark>`.
#[component]
pub fn MarkedText(
    /// The text and the byte ranges to mark (ascending, on character boundaries).
    snippet: Snippet,
) -> impl IntoView {
    let text = snippet.text;
    let mut parts = Vec::new();
    let mut position = 0;
    for range in snippet.marks {
        // Ranges come ascending and on character boundaries; anything else is skipped, not a panic.
        if range.start < position
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            continue;
        }
        if range.start > position {
            parts.push(text[position..range.start].to_owned().into_any());
        }
        parts.push(view! { <mark>{text[range.clone()].to_owned()}</mark> }.into_any());
        position = range.end;
    }
    if position < text.len() {
        parts.push(text[position..].to_owned().into_any());
    }
    parts.collect_view()
}
