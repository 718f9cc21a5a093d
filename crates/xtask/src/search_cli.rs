//! `cargo xtask search "<query>"`: the app's search engine run natively over the same content, so
//! that editors can check what a query finds and how their synonyms work.

use crate::run::root;
use plan::search::snippet;
use plan::sections::{documents, sections};

/// How many results the command prints.
const RESULTS: usize = 10;

/// Loads `content/`, builds the index as the build does, and prints the ranked results.
pub fn search(args: &[String]) -> Result<(), String> {
    let query = args.join(" ");
    if query.trim().is_empty() {
        return Err("usage: cargo xtask search \"<query>\"".into());
    }
    let dir = root().join("content");
    let plan = plan::content::load(&dir).map_err(|e| e.to_string())?;
    let synonyms = plan::content::load_synonyms(&dir).map_err(|e| e.to_string())?;
    let plan: &'static plan::model::Plan = Box::leak(Box::new(plan));
    let sections = sections(plan);
    let index = plan::search::Index::build(&documents(&sections), &synonyms);
    let results = index.search(&query, RESULTS);
    println!("query: {query:?}");
    if results.query_truncated {
        println!("(the query was cut to the engine's limit)");
    }
    match (results.hits.is_empty(), results.mode) {
        (true, _) => println!(
            "no results; did you mean: {}",
            results.suggestions.join(", ")
        ),
        (false, plan::search::MatchMode::All) => println!(
            "{} results containing every query word:",
            results.hits.len()
        ),
        (false, plan::search::MatchMode::Any) => println!(
            "{} results containing some query words (none has all):",
            results.hits.len()
        ),
    }
    for (rank, hit) in results.hits.iter().enumerate() {
        let section = &sections[hit.doc];
        let excerpt = snippet(section.text, &hit.terms, 160);
        println!(
            "\n{:>2}. {:>7.3}  {}#{}  {} ({})",
            rank + 1,
            hit.score,
            section.route.path(),
            section.anchor,
            section.title,
            section.context
        );
        println!("    {}", marked(&excerpt.text, &excerpt.marks));
        println!("    matched: {}", hit.terms.join(", "));
    }
    Ok(())
}

/// The text with every marked range wrapped in »«, for a terminal.
fn marked(text: &str, marks: &[std::ops::Range<usize>]) -> String {
    let mut out = String::new();
    let mut position = 0;
    for range in marks {
        out.push_str(&text[position..range.start]);
        out.push('»');
        out.push_str(&text[range.clone()]);
        out.push('«');
        position = range.end;
    }
    out.push_str(&text[position..]);
    out
}

#[cfg(test)]
mod tests {
    use super::marked;

    #[test]
    fn marked_wraps_ranges() {
        assert_eq!(
            marked("Straße und Weg", &[0..7, 12..15]),
            "»Straße« und »Weg«"
        );
        assert_eq!(marked("ohne", &[]), "ohne");
    }
}
