//! Contact details from the operator's settings (`content/site.toml`): links to an e-mail address
//! and a web page, or a plain sentence that nothing is configured yet; nothing is ever invented.

use super::external_link::external_link_html;
use super::marked_text::escape_into;
use plan::model::Site;

/// The publisher as configured, or a plain statement that none is configured.
pub fn publisher(site: &Site) -> &'static str {
    site.publisher
        .unwrap_or("Für diese App ist noch kein Herausgeber eingetragen.")
}

/// One sentence with the configured ways of contact, such as "…: a@b oder über das
/// Rückmeldeformular."; without any, the `unset` sentence alone.
#[derive(Debug, Clone, Copy)]
pub struct Contact {
    /// The words before the contacts, ending with a colon and a space.
    pub intro: &'static str,
    /// The e-mail address, if configured.
    pub email: Option<&'static str>,
    /// The web page (a form or a site), if configured.
    pub url: Option<&'static str>,
    /// The text of the link to `url`, such as "Rückmeldeformular".
    pub url_text: &'static str,
    /// The words between the e-mail address and the web page when both are set.
    pub joiner: &'static str,
    /// The sentence shown when neither is configured.
    pub unset: &'static str,
}

impl Contact {
    /// Appends the sentence as HTML, every text escaped; the links are those of
    /// `ExternalLink` (`embedded` as `crate::embed::is_embedded` tells).
    pub fn write_html(&self, html: &mut String, embedded: bool) {
        if self.email.is_none() && self.url.is_none() {
            escape_into(html, self.unset);
            return;
        }
        escape_into(html, self.intro);
        if let Some(email) = self.email {
            external_link_html(html, &format!("mailto:{email}"), email, embedded);
        }
        if self.email.is_some() && self.url.is_some() {
            escape_into(html, self.joiner);
        }
        if let Some(url) = self.url {
            external_link_html(html, url, self.url_text, embedded);
        }
        html.push('.');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_become_one_sentence_and_none_the_unset_one() {
        let contact = |email, url| Contact {
            intro: "Schreiben Sie: ",
            email,
            url,
            url_text: "Formular",
            joiner: " oder über das ",
            unset: "Noch keine Adresse.",
        };
        let mail = "<a href=\"mailto:a@example.org\" rel=\"external\">a@example.org</a>";
        let form = "<a href=\"https://example.org/f?a=1&amp;b=2\" rel=\"external\">Formular</a>";
        for (email, url, expected) in [
            (None, None, "Noch keine Adresse.".to_owned()),
            (
                Some("a@example.org"),
                None,
                format!("Schreiben Sie: {mail}."),
            ),
            (
                None,
                Some("https://example.org/f?a=1&b=2"),
                format!("Schreiben Sie: {form}."),
            ),
            (
                Some("a@example.org"),
                Some("https://example.org/f?a=1&b=2"),
                format!("Schreiben Sie: {mail} oder über das {form}."),
            ),
        ] {
            let mut html = String::new();
            contact(email, url).write_html(&mut html, false);
            assert_eq!(html, expected, "{email:?} {url:?}");
        }
    }
}
