//! The plan cut into sections: the units that search finds and links to, each with its route and
//! anchor. Pages put the same anchors on their paragraphs, through the functions here.
//!
//! The build indexes [`sections`] in order and the app maps a hit's document number back to the
//! same list, so both sides must call this one function on the same plan.

use crate::model::Plan;
use crate::routes::Route;
use crate::search::{Document, Index, Synonyms};

/// One findable block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The page the block is on.
    pub route: Route<'static>,
    /// The `id` of the block on that page.
    pub anchor: String,
    /// The page's title, shown as the result's link text.
    pub title: &'static str,
    /// Where the page belongs ("Handlungsfeld", "Leitlinien", "Einleitung"), shown with the result.
    pub context: &'static str,
    /// Extra words that describe the block but are not in its text (an area's image caption).
    pub keywords: &'static str,
    /// The block's text.
    pub text: &'static str,
}

/// The anchor of the `n`-th (0-based) paragraph of the start page's introduction.
pub fn intro_anchor(n: usize) -> String {
    format!("einleitung-{}", n + 1)
}

/// The anchor of the sentence that introduces the guiding principles.
pub const PRINCIPLES_INTRO_ANCHOR: &str = "leitlinien-einleitung";

/// The anchor of the `n`-th (0-based) guiding principle.
pub fn principle_anchor(n: usize) -> String {
    format!("leitlinie-{}", n + 1)
}

/// The anchor of the sentence that introduces the action areas.
pub const AREAS_INTRO_ANCHOR: &str = "einleitung";

/// The anchor of the `n`-th (0-based) paragraph of an area's page.
pub fn paragraph_anchor(n: usize) -> String {
    format!("absatz-{}", n + 1)
}

/// Every section of the plan, in a fixed order: introduction, principles, areas.
pub fn sections(plan: &'static Plan) -> Vec<Section> {
    let start = &plan.start;
    let mut out = Vec::new();
    for (i, text) in start.intro.iter().enumerate() {
        out.push(Section {
            route: Route::Home,
            anchor: intro_anchor(i),
            title: start.title,
            context: "Einleitung",
            keywords: "",
            text,
        });
    }
    let principles = |anchor: String, text: &'static str| Section {
        route: Route::Leitlinien,
        anchor,
        title: "Leitlinien",
        context: "Leitlinien",
        keywords: "",
        text,
    };
    out.push(principles(
        PRINCIPLES_INTRO_ANCHOR.to_owned(),
        start.principles_intro,
    ));
    for (i, text) in start.principles.iter().enumerate() {
        out.push(principles(principle_anchor(i), text));
    }
    out.push(Section {
        route: Route::Handlungsfelder,
        anchor: AREAS_INTRO_ANCHOR.to_owned(),
        title: start.areas_heading,
        context: "Handlungsfelder",
        keywords: "",
        text: start.areas_intro,
    });
    for area in plan.areas {
        for (i, text) in area.paragraphs.iter().enumerate() {
            out.push(Section {
                route: Route::Area(area.slug),
                anchor: paragraph_anchor(i),
                title: area.title,
                context: "Handlungsfeld",
                keywords: area.caption,
                text,
            });
        }
    }
    out
}

/// The search documents of the sections, in the same order: the page title as title, extra
/// keywords (an area's image caption) as heading, the block as text.
pub fn documents(sections: &[Section]) -> Vec<Document<'static>> {
    sections
        .iter()
        .map(|s| Document {
            title: s.title,
            heading: s.keywords,
            text: s.text,
        })
        .collect()
}

/// The search index of the plan, as the build embeds it.
pub fn index(plan: &'static Plan, synonyms: &Synonyms) -> Index {
    Index::build(&documents(&sections(plan)), synonyms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn plan() -> &'static Plan {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        Box::leak(Box::new(crate::content::load(&dir).unwrap()))
    }

    #[test]
    fn every_paragraph_is_one_section_with_a_unique_anchor_per_page() {
        let plan = plan();
        let sections = sections(plan);
        let paragraphs: usize = plan.areas.iter().map(|a| a.paragraphs.len()).sum();
        let expected = plan.start.intro.len() + 1 + plan.start.principles.len() + 1 + paragraphs;
        assert_eq!(sections.len(), expected);
        for (i, a) in sections.iter().enumerate() {
            for b in &sections[i + 1..] {
                assert!(
                    a.route != b.route || a.anchor != b.anchor,
                    "{:?}#{} twice",
                    a.route,
                    a.anchor
                );
            }
        }
    }

    #[test]
    fn area_sections_carry_the_caption_as_keywords() {
        let sections = sections(plan());
        let police = sections
            .iter()
            .find(|s| s.keywords == "Polizei")
            .expect("Polizei caption");
        assert_eq!(police.route, Route::Area("sicherheit-und-werte"));
    }
}
