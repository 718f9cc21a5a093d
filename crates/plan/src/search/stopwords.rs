//! The German stopword list: function words that carry no meaning of their own for a search.

use std::cmp::Ordering;

/// German stopwords in folded form (lower case, umlauts as plain vowels, ß as ss), sorted and
/// separated by single spaces: one string takes less than half the space of an array of strings
/// in the WebAssembly build.
///
/// The list is the Snowball German list, extended by question words ("wann", "warum", "welche" …)
/// and a few very frequent auxiliary forms, because visitors often type whole questions.
const STOPWORDS: &str = "\
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer \
    anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann das \
    dass dasselbe dazu dein deine deinem deinen deiner deines dem demselben den denn \
    denselben der derer derselbe derselben des desselben dessen dich die dies diese \
    dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem \
    einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas euch \
    euer eure eurem euren eurer eures fur gegen gewesen hab habe haben hat hatte hatten \
    hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist \
    jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem \
    keinen keiner keines konnen konnte machen man manche manchem manchen mancher manches \
    mein meine meinem meinen meiner meines mich mir mit muss musste nach nicht nichts noch \
    nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind \
    so solche solchem solchen solcher solches soll sollte sondern sonst uber um und uns \
    unsere unserem unseren unserer unseres unter viel vom von vor wahrend wann war waren \
    warst warum was weg weil welche welchem welchen welcher welches wem wen wenn wer werde \
    werden weshalb wessen wie wieder wieso will wir wird wo wodurch wofur woher wohin \
    wollen wollte womit worden wurde wurden zu zum zur zwar zwischen";

/// The length of the longest stopword, in bytes.
const LONGEST: usize = 9;

/// Returns whether the folded word is a stopword.
pub fn is_stopword(folded: &str) -> bool {
    if folded.len() > LONGEST {
        return false;
    }
    // A binary search over the byte range `from..to` of the list, which always starts at a word.
    let list = STOPWORDS.as_bytes();
    let (mut from, mut to) = (0, list.len());
    while from < to {
        let middle = (from + to) / 2;
        let start = list[from..middle]
            .iter()
            .rposition(|&b| b == b' ')
            .map_or(from, |space| from + space + 1);
        let end = list[start..to]
            .iter()
            .position(|&b| b == b' ')
            .map_or(to, |space| start + space);
        match list[start..end].cmp(folded.as_bytes()) {
            Ordering::Equal => return true,
            Ordering::Less => from = end + 1,
            Ordering::Greater => to = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    //! Tests of the stopword list.

    use super::*;

    #[test]
    fn list_is_sorted_and_unique() {
        assert!(
            STOPWORDS
                .split(' ')
                .collect::<Vec<_>>()
                .windows(2)
                .all(|w| !w[0].is_empty() && w[0] < w[1]),
            "stopword list must stay sorted"
        );
    }

    #[test]
    fn longest_is_the_longest_length() {
        assert_eq!(STOPWORDS.split(' ').map(str::len).max(), Some(LONGEST));
    }

    #[test]
    fn every_listed_word_is_found_and_no_other() {
        for word in STOPWORDS.split(' ') {
            assert!(is_stopword(word), "{word}");
            for other in [
                format!("{word}a"),
                word[..word.len() - 1].to_owned(),
                format!("a{word}"),
            ] {
                assert_eq!(
                    is_stopword(&other),
                    STOPWORDS.split(' ').any(|w| w == other),
                    "{other}"
                );
            }
        }
        assert!(!is_stopword(""));
    }

    #[test]
    fn lookups() {
        for (word, expected) in [
            ("und", true),
            ("fur", true),
            ("welche", true),
            ("wohnung", false),
        ] {
            assert_eq!(is_stopword(word), expected, "{word}");
        }
    }
}
