//! The content model: the plan as static data, shared by the build script and the app.
//!
//! Every field is `&'static` so that `build.rs` can write the validated content as Rust
//! constants (see [`crate::codegen`]); the loader in [`crate::content`] produces the same types.

pub use crate::date::Date;

/// The whole plan: start page, the eight action areas and the site settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The start page: introduction, key figures, guiding principles.
    pub start: Start,
    /// The action areas, sorted by their `order`.
    pub areas: &'static [Area],
    /// Operator settings (publisher, feedback and enforcement contacts, statement date); unset
    /// values stay `None`.
    pub site: Site,
}

/// The start page's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    /// The plan's full title, the start page's only `h1`.
    pub title: &'static str,
    /// The introduction, one entry per paragraph.
    pub intro: &'static [&'static str],
    /// Key figures taken from the introduction and the areas.
    pub figures: &'static [Figure],
    /// The sentence that introduces the guiding principles.
    pub principles_intro: &'static str,
    /// The five guiding principles, as worded in the source.
    pub principles: &'static [&'static str],
    /// The heading above the action areas ("Hessen handelt").
    pub areas_heading: &'static str,
    /// The sentence that introduces the action areas.
    pub areas_intro: &'static str,
}

/// One key figure: a value shown large and a label that says what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The value as written in the source, e.g. "107.000".
    pub value: &'static str,
    /// What the value counts, restating the source's sentence.
    pub label: &'static str,
}

/// One action area ("Handlungsfeld") with its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// The stable URL segment, one of [`crate::routes::AREA_SLUGS`].
    pub slug: &'static str,
    /// Position in the list of areas, starting at 1.
    pub order: u32,
    /// The area's title, its page's only `h1`.
    pub title: &'static str,
    /// The source's image caption, used as the illustration's alt text.
    pub caption: &'static str,
    /// The area's text, one entry per paragraph.
    pub paragraphs: &'static [&'static str],
}

/// Operator settings from `content/site.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    /// The short name of the app, used in document titles.
    pub name: &'static str,
    /// The source page this app's text is taken from.
    pub source_url: &'static str,
    /// Who publishes this app; `None` until an operator sets it.
    pub publisher: Option<&'static str>,
    /// Where readers send feedback (an e-mail address); `None` until set.
    pub feedback_email: Option<&'static str>,
    /// Where readers send feedback (a web form); `None` until set.
    pub feedback_url: Option<&'static str>,
    /// When the operator made the accessibility statement; `None` until set.
    pub accessibility_statement_date: Option<Date>,
    /// The web page of the enforcement body for accessibility complaints; `None` until set.
    pub enforcement_url: Option<&'static str>,
    /// The e-mail address of the enforcement body for accessibility complaints; `None` until set.
    pub enforcement_email: Option<&'static str>,
}

impl Site {
    /// Whether readers have any way to send feedback: an e-mail address or a web form.
    pub fn has_feedback(&self) -> bool {
        self.feedback_email.is_some() || self.feedback_url.is_some()
    }
}

impl Plan {
    /// Finds an area by its slug.
    pub fn area(&self, slug: &str) -> Option<&'static Area> {
        self.areas.iter().find(|area| area.slug == slug)
    }

    /// The areas before and after the given one, for previous/next links.
    pub fn neighbours(&self, slug: &str) -> (Option<&'static Area>, Option<&'static Area>) {
        let areas: &'static [Area] = self.areas;
        match areas.iter().position(|area| area.slug == slug) {
            Some(i) => (i.checked_sub(1).map(|p| &areas[p]), areas.get(i + 1)),
            None => (None, None),
        }
    }
}

impl Area {
    /// A short description for the page's meta tag: the area's first sentence.
    pub fn summary(&self) -> &'static str {
        first_sentence(self.paragraphs.first().copied().unwrap_or(""))
    }
}

/// The first sentence of a paragraph: up to the first `.`, `!` or `?` that ends a sentence.
///
/// A full stop right after a digit ("18. Legislaturperiode", "107.000") does not end a sentence.
pub fn first_sentence(text: &str) -> &str {
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '.' | '!' | '?')
            && !previous.is_some_and(|p| p.is_ascii_digit())
            && text[end..].starts_with(char::is_whitespace)
        {
            return &text[..end];
        }
        previous = Some(c);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &str) {
        assert_eq!(first_sentence(text), expected, "first sentence of {text:?}");
    }

    #[test]
    fn first_sentence_cases() {
        check("Eins. Zwei.", "Eins.");
        check("Nur einer.", "Nur einer.");
        check("Ohne Punkt", "Ohne Punkt");
        check("", "");
        check(
            "Die 18. Legislaturperiode endet. Dann",
            "Die 18. Legislaturperiode endet.",
        );
        check("Rund 107.000 kamen. Danach", "Rund 107.000 kamen.");
        check("Wirklich? Ja.", "Wirklich?");
        check("Größe ändern! Später", "Größe ändern!");
    }
}
