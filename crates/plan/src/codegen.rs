//! Writes a validated [`Plan`] as a Rust expression, so the app embeds its content as constants.
//!
//! `build.rs` calls [`plan_to_rust`] and includes the result; string literals are written with
//! Rust's own `Debug` escaping, which always yields a valid literal.

use crate::model::{Area, Date, Figure, Plan, Site, Start};
use std::fmt::Write;

/// The plan as a Rust expression of type `plan::model::Plan`.
pub fn plan_to_rust(plan: &Plan) -> String {
    let mut out = String::new();
    out.push_str("::plan::model::Plan {\n");
    write_start(&mut out, &plan.start);
    out.push_str("    areas: &[\n");
    for area in plan.areas {
        write_area(&mut out, area);
    }
    out.push_str("    ],\n");
    write_site(&mut out, &plan.site);
    out.push('}');
    out
}

fn write_start(out: &mut String, start: &Start) {
    out.push_str("    start: ::plan::model::Start {\n");
    let _ = writeln!(out, "        title: {:?},", start.title);
    let _ = writeln!(out, "        intro: &{:?},", start.intro);
    out.push_str("        figures: &[\n");
    for Figure { value, label } in start.figures {
        let _ = writeln!(
            out,
            "            ::plan::model::Figure {{ value: {value:?}, label: {label:?} }},"
        );
    }
    out.push_str("        ],\n");
    let _ = writeln!(
        out,
        "        principles_intro: {:?},",
        start.principles_intro
    );
    let _ = writeln!(out, "        principles: &{:?},", start.principles);
    let _ = writeln!(out, "        areas_heading: {:?},", start.areas_heading);
    let _ = writeln!(out, "        areas_intro: {:?},", start.areas_intro);
    out.push_str("    },\n");
}

fn write_area(out: &mut String, area: &Area) {
    let Area {
        slug,
        order,
        title,
        caption,
        paragraphs,
    } = area;
    let _ = writeln!(
        out,
        "        ::plan::model::Area {{ slug: {slug:?}, order: {order}, title: {title:?}, caption: {caption:?}, paragraphs: &{paragraphs:?} }},"
    );
}

fn write_site(out: &mut String, site: &Site) {
    let Site {
        name,
        source_url,
        publisher,
        feedback_email,
        feedback_url,
        accessibility_statement_date,
        enforcement_url,
        enforcement_email,
    } = site;
    let date =
        accessibility_statement_date.map_or("None".to_owned(), |Date { year, month, day }| {
            format!("Some(::plan::model::Date {{ year: {year}, month: {month}, day: {day} }})")
        });
    let _ = writeln!(
        out,
        "    site: ::plan::model::Site {{ name: {name:?}, source_url: {source_url:?}, publisher: {publisher:?}, \
         feedback_email: {feedback_email:?}, feedback_url: {feedback_url:?}, \
         accessibility_statement_date: {date}, enforcement_url: {enforcement_url:?}, \
         enforcement_email: {enforcement_email:?} }},"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_escaped() {
        let plan = Plan {
            start: Start {
                title: "Ein \"Titel\" mit \\ und\nZeile",
                intro: &["Ä"],
                figures: &[Figure {
                    value: "1",
                    label: "„x“",
                }],
                principles_intro: "p",
                principles: &["a", "b"],
                areas_heading: "h",
                areas_intro: "i",
            },
            areas: &[],
            site: Site {
                name: "n",
                source_url: "https://x",
                publisher: None,
                feedback_email: Some("a@b"),
                feedback_url: None,
                accessibility_statement_date: Date::new(2026, 11, 26),
                enforcement_url: Some("https://e"),
                enforcement_email: None,
            },
        };
        let code = plan_to_rust(&plan);
        assert!(
            code.contains(r#"title: "Ein \"Titel\" mit \\ und\nZeile","#),
            "{code}"
        );
        assert!(code.contains(r#"principles: &["a", "b"],"#), "{code}");
        assert!(code.contains(r#"feedback_email: Some("a@b")"#), "{code}");
        assert!(code.contains(r#"publisher: None"#), "{code}");
        assert!(
            code.contains(
                "accessibility_statement_date: Some(::plan::model::Date { year: 2026, month: 11, day: 26 })"
            ),
            "{code}"
        );
        assert!(
            code.contains(r#"enforcement_url: Some("https://e")"#),
            "{code}"
        );
        assert!(code.contains("enforcement_email: None }"), "{code}");
    }
}
