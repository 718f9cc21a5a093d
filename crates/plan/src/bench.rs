//! Benchmark support shared by the native and the in-browser search benchmarks: how a GermanQuAD
//! passage is cut into the fields the index knows. The app never calls it.

/// Splits a GermanQuAD context into title (its first line, `_` as spaces), headings (the
/// `== … ==` lines, without the `=`) and text (the other lines), each line ending in `\n`.
pub fn split_passage(context: &str) -> (String, String, String) {
    let mut lines = context.lines();
    let title = lines.next().unwrap_or_default().replace('_', " ");
    let (mut heading, mut text) = (String::new(), String::new());
    for line in lines {
        let trimmed = line.trim();
        let target = if trimmed.len() > 4 && trimmed.starts_with("==") && trimmed.ends_with("==") {
            &mut heading
        } else {
            &mut text
        };
        target.push_str(trimmed.trim_matches('=').trim());
        target.push('\n');
    }
    (title, heading, text)
}

#[cfg(test)]
mod tests {
    use super::split_passage;

    #[test]
    fn split_passage_separates_title_headings_and_text() {
        let (title, heading, text) =
            split_passage("Berliner_Mauer\n\n=== Bau ===\nDie Mauer.\n ==\n");
        assert_eq!(title, "Berliner Mauer");
        assert_eq!(heading, "Bau\n");
        assert_eq!(text, "\nDie Mauer.\n\n");
    }
}
