//! Text helpers shared by the recognisers: list markers, sentences, words, slugs.

/// Glyphs that mark list items in extracted text ("•", "▪", "✓", "-", "o").
const LIST_MARKERS: [&str; 10] = ["•", "▪", "●", "◦", "■", "✓", "✔", "➢", "", "·"];

/// A block's text without its list marker and with runs of spaces collapsed.
pub fn clean(text: &str) -> String {
    let mut t = text.trim();
    loop {
        let before = t;
        for m in LIST_MARKERS {
            t = t.strip_prefix(m).unwrap_or(t).trim_start();
        }
        if let Some(rest) = t.strip_prefix("- ") {
            t = rest.trim_start();
        }
        if t == before {
            break;
        }
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a cell holds only a list marker (bullet columns of lists laid out as tables).
pub fn is_marker(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && clean(t).is_empty()
}

/// Words that end a sentence only rarely when followed by a full stop.
const ABBREVIATIONS: [&str; 14] = [
    "no", "st", "mr", "mrs", "ms", "dr", "e.g", "i.e", "etc", "vs", "approx", "inc", "nos", "cllr",
];

/// Byte ranges of the sentences in a text. A sentence ends at ".", "!" or "?"
/// (with closing quotes or brackets) followed by a space and a capital, digit
/// or opening quote; abbreviations and decimals do not end one.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b')' | b'\'') {
                end += 1;
            }
            // closing curly quotes are three bytes
            while text[end..].starts_with('”') || text[end..].starts_with('’') {
                end += '”'.len_utf8();
            }
            let next = text[end..].trim_start();
            let spaced = text[end..].starts_with(char::is_whitespace);
            let opens = next
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "“‘\"'(£".contains(n));
            if spaced && opens && !is_abbreviation(&text[start..i]) {
                out.push((start, end));
                start = end + (text[end..].len() - next.len());
                i = start;
                continue;
            }
        }
        i += 1;
    }
    if text[start..].trim().len() > 1 {
        out.push((start, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let lead = text[s..e].len() - text[s..e].trim_start().len();
            (s + lead, s + text[s..e].trim_end().len())
        })
        .filter(|(s, e)| e > s)
        .collect()
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&word.as_str()) || (word.len() == 1 && word != "i")
}

/// Lower-case content words of a text (for overlap tests between names).
pub fn content_words(text: &str) -> Vec<String> {
    const STOP: [&str; 24] = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
        "of", "on", "or", "our", "the", "their", "this", "to", "was", "with",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stem(&w))
        .collect()
}

/// A light plural stem, so "burglaries" meets "burglary" and "crimes" "crime".
fn stem(word: &str) -> String {
    if let Some(base) = word.strip_suffix("ies").filter(|b| b.len() > 2) {
        format!("{base}y")
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

/// Abbreviations a document defines ("Independent Custody Visitors (ICVs)"): each
/// abbreviation (singular, upper case) with its long form, where the initials agree.
pub fn abbreviations(texts: &[&str]) -> std::collections::HashMap<String, String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|&)\s+)?){2,8})\(([A-Z]{2,8})s?\)")
            .expect("valid abbreviation regex")
    });
    let mut out = std::collections::HashMap::new();
    for text in texts {
        for c in DEFINED.captures_iter(text) {
            let abbr = c[2].to_string();
            let tokens: Vec<&str> = c[1].split_whitespace().collect();
            // from the end, take as many capitalised words as the abbreviation has letters
            let (mut capitals, mut from) = (0, tokens.len());
            while from > 0 && capitals < abbr.len() {
                from -= 1;
                if tokens[from].starts_with(char::is_uppercase) {
                    capitals += 1;
                }
            }
            let long = &tokens[from..];
            let initials: String = long
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect();
            if capitals == abbr.len() && initials.eq_ignore_ascii_case(&abbr) {
                out.entry(abbr).or_insert_with(|| long.join(" "));
            }
        }
    }
    out
}

/// A text with each defined abbreviation followed by its long form, once.
pub fn expand_abbreviations(
    text: &str,
    known: &std::collections::HashMap<String, String>,
) -> String {
    let mut out = text.to_string();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let key = word
            .strip_suffix('s')
            .filter(|k| known.contains_key(*k))
            .unwrap_or(word);
        if let Some(long) = known.get(key) {
            if !out.contains(long.as_str()) {
                out = out.replacen(word, &format!("{word} ({long})"), 1);
            }
        }
    }
    out
}

/// Text folded for comparing names: lower case, letters and digits only, single spaces.
pub fn fold(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A slug for IDs: "Putting communities first" gives "putting-communities-first".
pub fn slug(text: &str) -> String {
    fold(text).replace(' ', "-")
}

/// Whether every letter in a text is upper case (and there are some).
pub fn is_all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// "PUTTING COMMUNITIES FIRST" gives "Putting communities first"; other text is kept.
pub fn sentence_case(text: &str) -> String {
    if !is_all_caps(text) {
        return text.to_string();
    }
    let lower = text.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A text cut to at most `max` words.
pub fn first_words(text: &str, max: usize) -> String {
    text.split_whitespace()
        .take(max)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text without surrounding quotation marks.
pub fn unquote(text: &str) -> &str {
    let t = text.trim();
    let t = t.trim_start_matches(['“', '"', '‘', '\'']);
    t.trim_end_matches(['”', '"', '’', '\'']).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_abbreviations_or_decimals() {
        assert_eq!(
            split("Crime fell by 8.5% in 2023. Agenda Item No. 6 was noted. The end"),
            vec![
                "Crime fell by 8.5% in 2023.",
                "Agenda Item No. 6 was noted.",
                "The end"
            ]
        );
        assert_eq!(
            split("It said “well done.” Then it stopped."),
            vec!["It said “well done.”", "Then it stopped."]
        );
        assert_eq!(
            split("St. Neots and Huntingdon."),
            vec!["St. Neots and Huntingdon."]
        );
    }

    #[test]
    fn list_markers_are_removed() {
        assert_eq!(clean("• Road safety – more"), "Road safety – more");
        assert_eq!(clean("- ✓ Burglary is down"), "Burglary is down");
        assert!(is_marker("•"));
        assert!(!is_marker("1,732"));
    }

    #[test]
    fn content_words_meet_across_plurals() {
        assert_eq!(
            content_words("Residential burglaries"),
            vec!["residential", "burglary"]
        );
        assert_eq!(
            content_words("the crimes of the class"),
            vec!["crime", "class"]
        );
    }

    #[test]
    fn abbreviations_defined_in_a_document_are_expanded() {
        let known = abbreviations(&[
            "recruited Independent Custody Visitors (ICVs) from the community",
            "the Police and Crime Commissioner (PCC) and the Fire Service (XYZ)",
        ]);
        assert_eq!(
            known.get("ICV").map(String::as_str),
            Some("Independent Custody Visitors")
        );
        assert_eq!(
            known.get("PCC").map(String::as_str),
            Some("Police and Crime Commissioner")
        );
        assert!(!known.contains_key("XYZ"));
        assert_eq!(
            expand_abbreviations("six new ICVs", &known),
            "six new ICVs (Independent Custody Visitors)"
        );
    }

    #[test]
    fn names_fold_and_slug() {
        assert_eq!(
            slug("Putting Communities First!"),
            "putting-communities-first"
        );
        assert_eq!(sentence_case("ROBUST ENFORCEMENT"), "Robust enforcement");
        assert_eq!(sentence_case("Crime prevention"), "Crime prevention");
        assert_eq!(unquote("“We will act.”"), "We will act.");
    }
}
