//! Words broken over a table cell's lines with no hyphen.
//!
//! A word processor that cannot fit a word on a line of a narrow column
//! breaks it where the line ends, with no hyphen (LibreOffice and Word do so
//! for a word wider than its column): "Huntingdonshi" over "re CSP". Read
//! line by line, the cell says "Huntingdonshi re CSP". Nothing on the page
//! marks such a break; the document's own words do: a line holding one word
//! alone (a word set alone on its line is one too wide to share it), and
//! the next line's first word, that together spell a word the document
//! writes whole elsewhere, more often than it writes the second part as a
//! word, are one word. A figure broken inside its digit groups
//! ("735,5" over "39") or before its per cent sign is one figure, as no line
//! may break there.

use crate::document::Table;
use std::collections::HashMap;

/// How often the document writes each word (its surrounding punctuation
/// trimmed), leaving out the parts of words that may be broken: a table
/// cell's line holding one word with lines under it, and the first word of
/// the line after it.
#[derive(Debug, Default)]
pub struct Vocabulary {
    counts: HashMap<String, usize>,
}

impl Vocabulary {
    /// The words of running text (paragraphs, headings) and of tables' cells.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>, tables: &[&Table]) -> Self {
        let mut vocabulary = Vocabulary::default();
        for text in texts {
            text.split_whitespace().for_each(|w| vocabulary.add(w));
        }
        for cell in tables.iter().flat_map(|t| t.rows.iter().flatten()) {
            let mut after_lone_word = false;
            let mut lines = cell.text.split('\n').peekable();
            while let Some(line) = lines.next() {
                let mut words = line.split_whitespace();
                // (a word alone on a line with lines under it may be a
                // broken word's first part; the first word after it, its
                // last)
                let lone = lone_word(line).is_some();
                if after_lone_word || (lone && lines.peek().is_some()) {
                    words.next();
                }
                words.for_each(|w| vocabulary.add(w));
                after_lone_word = lone;
            }
        }
        vocabulary
    }

    fn add(&mut self, word: &str) {
        let word = trimmed(word);
        if !word.is_empty() {
            *self.counts.entry(word.to_string()).or_default() += 1;
        }
    }

    fn count(&self, word: &str) -> usize {
        self.counts.get(trimmed(word)).copied().unwrap_or(0)
    }
}

/// A word without the punctuation round it: quotes, brackets, and a
/// sentence's or a list's marks after it.
fn trimmed(word: &str) -> &str {
    word.trim_start_matches(['(', '[', '"', '\'', '\u{2018}', '\u{201c}'])
        .trim_end_matches([
            ',', '.', ';', ':', '!', '?', ')', ']', '"', '\'', '\u{2019}', '\u{201d}',
        ])
}

/// The word a line holds alone, if it holds one only.
fn lone_word(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    let word = words.next()?;
    words.next().is_none().then_some(word)
}

/// Whether a cell of the table holds a line of one word with a line under
/// it: the only place a word may be broken.
pub fn may_hold_breaks(table: &Table) -> bool {
    table.rows.iter().flatten().any(|cell| {
        let mut lines = cell.text.split('\n').peekable();
        while let Some(line) = lines.next() {
            if lines.peek().is_some() && lone_word(line).is_some() {
                return true;
            }
        }
        false
    })
}

/// Mends the words broken over the lines of a table's cells; whether any was.
pub fn mend_table(table: &mut Table, vocabulary: &Vocabulary) -> bool {
    let mut mended = false;
    for cell in table.rows.iter_mut().flatten() {
        if let Some(text) = mend_cell(&cell.text, vocabulary) {
            cell.text = text;
            mended = true;
        }
    }
    mended
}

/// Most lines one word is broken over.
const MOST_PARTS: usize = 3;

/// A cell's text with each word broken at a line's end joined up again;
/// None when no word is broken.
fn mend_cell(text: &str, vocabulary: &Vocabulary) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = lines[0].to_string();
    let mut mended = false;
    let mut i = 1;
    while i < lines.len() {
        let last_line = out.rsplit('\n').next().unwrap_or_default();
        match carried_over(last_line, &lines[i..], vocabulary) {
            Some(carrying) => {
                for line in &lines[i..i + carrying] {
                    out.push_str(line.trim());
                }
                mended = true;
                i += carrying;
            }
            None => {
                out.push('\n');
                out.push_str(lines[i]);
                i += 1;
            }
        }
    }
    mended.then_some(out)
}

/// How many of the lines after a line holding one word alone (`line`)
/// carry that word on: the last of them opens with its last part, any
/// before it hold a part alone ("Hunting" over "donshir" over "e CSP").
fn carried_over(line: &str, rest: &[&str], vocabulary: &Vocabulary) -> Option<usize> {
    let mut word = lone_word(line)?.to_string();
    for (k, next) in rest.iter().take(MOST_PARTS - 1).enumerate() {
        let tail = next.split_whitespace().next()?;
        if broken_between(&word, tail, vocabulary) {
            return Some(k + 1);
        }
        // (a middle part stands alone on its line, in small letters)
        let part = lone_word(next).filter(|p| p.starts_with(char::is_lowercase))?;
        word.push_str(part);
    }
    None
}

/// Whether a word's first part (`head`, alone on its line) and the first
/// word of the next line (`tail`) are one word broken at the line's end.
fn broken_between(head: &str, tail: &str, vocabulary: &Vocabulary) -> bool {
    let (Some(last), Some(first)) = (head.chars().last(), tail.chars().next()) else {
        return false;
    };
    if figure_broken_between(head, tail) || broken_at_a_mark(head, tail) {
        return true;
    }
    // (the second part may be a word too, a letter or a syllable, as a
    // broken word's parts set apart elsewhere are; the whole is written
    // more often)
    // (a letter alone is no word, but for "a" and "I": the second part of
    // a word spelt whole anywhere, however often the document's other
    // broken words leave it alone; after a first part of a few letters, as
    // a list of letters one to a line is none)
    let whole = format!("{head}{tail}");
    let a_letter_alone = {
        let mut letters = tail.chars();
        letters.next().is_some_and(char::is_alphabetic)
            && letters.next().is_none()
            && !matches!(tail, "a" | "A" | "I")
            && head.chars().count() >= 3
    };
    let spelt_whole = || {
        let count = vocabulary.count(&whole);
        count > vocabulary.count(tail) || (a_letter_alone && count > 0)
    };
    // (a word's second part opens in a small letter, or in an apostrophe
    // before one, broken where a possessive's "'s" starts: a name's second
    // word opens in a capital, a list's or an index's line in a figure or a
    // mark)
    let apostrophe = |c: char| matches!(c, '\'' | '\u{2019}');
    let opens_a_part = first.is_lowercase()
        || (apostrophe(first) && tail.chars().nth(1).is_some_and(char::is_lowercase));
    let in_a_word = (last.is_alphabetic() || apostrophe(last)) && opens_a_part;
    // (a figure's digits run on only where a mark in it shows it unfinished:
    // "2022/2" over "3"; lines of figures are figures each)
    let in_a_figure = last.is_ascii_digit()
        && first.is_ascii_digit()
        && head.contains(|c: char| !c.is_ascii_digit() && !matches!(c, ',' | '.'));
    (in_a_word || in_a_figure) && spelt_whole()
}

/// How the last line of a cell a page break cut (`head`) and the first line
/// of its rest on the next page (`tail`) hold one word or figure broken at
/// the break, told without the document's words: a figure broken inside its
/// digit groups or its range of years, or before its per cent sign; or a
/// word of three letters or more alone on its line (no mark, no figure in
/// it) whose rest opens the next line in a small letter (a record's cell
/// opens in a capital or a figure; but so may a word after a letter or a
/// syllable alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrokenAtTheBreak {
    Figure,
    Word,
}

/// See `BrokenAtTheBreak`; None where nothing shows the two broken apart.
pub fn broken_at_the_break(head: &str, tail: &str) -> Option<BrokenAtTheBreak> {
    let (head, tail) = (lone_word(head)?, tail.split_whitespace().next()?);
    let first = tail.chars().next()?;
    let a_words_part = head.chars().all(char::is_alphabetic) && head.chars().count() >= 3;
    if figure_broken_between(head, tail) {
        Some(BrokenAtTheBreak::Figure)
    } else {
        (a_words_part && first.is_lowercase()).then_some(BrokenAtTheBreak::Word)
    }
}

/// Whether a figure's first part (`head`, alone on its line) and the first
/// word of the next line (`tail`) are one figure broken inside its digit
/// groups or its range of years, or before its per cent sign: where no line
/// may break, so the two are one figure, not two.
pub fn figure_broken_between(head: &str, tail: &str) -> bool {
    head.ends_with(|c: char| c.is_ascii_digit())
        && (tail.starts_with('%')
            || completes_digit_group(head, tail)
            || completes_a_years_range(head, tail))
}

/// Whether a line (`next`) opens with the rest of a figure broken at the end
/// of the line above (`head`, that line's text): see `figure_broken_between`.
pub fn figure_broken_onto(head: &str, next: &str) -> bool {
    figure_broken_between(head, next.split_whitespace().next().unwrap_or_default())
}

/// Whether the first word of a line (`tail`) carries on a figure broken at
/// the end of the line above (`head`, its last word): inside its digit
/// groups or its range of years, before its per cent sign
/// (`figure_broken_between`), or at a mark in it (`broken_at_a_mark`).
pub fn carries_a_figure_on(head: &str, tail: &str) -> bool {
    let (Some(head), Some(tail)) = (
        head.split_whitespace().last(),
        tail.split_whitespace().next(),
    ) else {
        return false;
    };
    figure_broken_between(head, tail) || broken_at_a_mark(head, tail)
}

/// Whether a figure is broken where a line may break at a mark in it: after
/// a minus sign, alone on its line over the digits ("-" over "17.0%"); before
/// the stroke of a year's range ("2022" over "/23"), or after it or its
/// hyphen ("2023/" over "24", "2019-" over "20"). Nothing else sets a mark
/// so at a line's end or start, against digits.
fn broken_at_a_mark(head: &str, tail: &str) -> bool {
    let opens_with_digit = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    let minus = matches!(head, "-" | "\u{2212}" | "\u{2013}") && opens_with_digit(tail);
    let before_stroke = head.ends_with(|c: char| c.is_ascii_digit())
        && tail.strip_prefix('/').is_some_and(opens_with_digit);
    let after_mark = head
        .strip_suffix(['-', '/'])
        .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()))
        && opens_with_digit(tail);
    minus || before_stroke || after_mark
}

/// Whether a range of years broken inside its second year ("2023/2", or
/// "2019-2") is made whole by the one digit the next line opens with ("4"):
/// the second year then has two, as the first has four.
fn completes_a_years_range(head: &str, tail: &str) -> bool {
    let Some((first, second)) = head.rsplit_once(['/', '-', '\u{2013}']) else {
        return false;
    };
    let carried = tail.chars().take_while(char::is_ascii_digit).count();
    first.len() >= 4
        && first[first.len() - 4..].chars().all(|c| c.is_ascii_digit())
        && second.len() == 1
        && second.chars().all(|c| c.is_ascii_digit())
        && carried == 1
}

/// Whether a figure broken inside a group of digits ("735,5") is made whole
/// by the digits the next line opens with ("39"): the group after its last
/// separator then holds three.
fn completes_digit_group(head: &str, tail: &str) -> bool {
    let Some((before, group)) = head.rsplit_once(',') else {
        return false;
    };
    let carried = tail.chars().take_while(char::is_ascii_digit).count();
    before.ends_with(|c: char| c.is_ascii_digit())
        && (1..=2).contains(&group.len())
        && group.chars().all(|c| c.is_ascii_digit())
        && carried == 3 - group.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Cell;

    fn table_of(cells: &[&str]) -> Table {
        Table {
            page: None,
            bbox: None,
            rows: vec![cells.iter().map(|&t| Cell::new(t)).collect()],
            header_rows: 0,
        }
    }

    fn mended(cell: &str, running_text: &str) -> String {
        let mut table = table_of(&[cell]);
        let vocabulary = Vocabulary::of([running_text], &[&table]);
        mend_table(&mut table, &vocabulary);
        table.rows[0][0].text.clone()
    }

    #[test]
    fn a_word_alone_on_its_line_joins_the_next_lines_first_when_the_document_spells_them_whole() {
        let text = "Grants to Huntingdonshire CSP and the Community Safety Partnership.";
        assert_eq!(mended("Huntingdonshi\nre CSP", text), "Huntingdonshire CSP");
        assert_eq!(
            mended("Communit\ny Safety\nPartnershi\np", text),
            "Community Safety\nPartnership"
        );
        // (not spelt whole anywhere: two words)
        assert_eq!(
            mended("Huntingdonshi\nre CSP", "Grants"),
            "Huntingdonshi\nre CSP"
        );
    }

    #[test]
    fn words_that_are_words_of_their_own_stay_apart() {
        // ("one" is a word of the document's; "Anyone" too, but the cell
        // may say "Any one")
        let text = "Anyone may apply for one grant.";
        assert_eq!(mended("Any\none of them", text), "Any\none of them");
        // (a capital opens a word of its own: a name's second word)
        assert_eq!(
            mended("Cambridge\nWomen's Aid", "CambridgeWomen's"),
            "Cambridge\nWomen's Aid"
        );
        // (nor a mark or a figure: an index's leaders, a list's numbers)
        assert_eq!(
            mended("\\normalfont\n. . 1241", "\\normalfont"),
            "\\normalfont\n. . 1241"
        );
        assert_eq!(mended("1\n4", "14"), "1\n4");
        // (a word sharing its line with another was not too wide for it)
        assert_eq!(
            mended("Grants to Huntingdonshi\nre CSP", "Huntingdonshire"),
            "Grants to Huntingdonshi\nre CSP"
        );
    }

    #[test]
    fn a_word_broken_over_three_lines_is_whole() {
        let text = "Huntingdonshire, Women's Aid and the 2022/23 budget";
        assert_eq!(
            mended("Hunting\ndonshir\ne CSP", text),
            "Huntingdonshire CSP"
        );
        assert_eq!(mended("Women'\ns Aid", text), "Women's Aid");
        assert_eq!(mended("2022/2\n3", text), "2022/23");
    }

    #[test]
    fn a_range_of_years_broken_inside_its_second_year_is_whole() {
        assert_eq!(mended("2023/2\n4", ""), "2023/24");
        assert_eq!(mended("2019-2\n0", ""), "2019-20");
        // (a year and a figure, or a range whole over a figure)
        assert_eq!(mended("2023/24\n4", ""), "2023/24\n4");
        assert_eq!(mended("2023/2\n45", ""), "2023/2\n45");
    }

    #[test]
    fn a_words_last_letter_alone_joins_it_where_the_word_is_spelt_whole() {
        // (the document's other broken words leave "e" alone more often
        // than it spells "Outcome")
        let text = "Outcome e e";
        assert_eq!(mended("Outcom\ne", text), "Outcome");
        // ("a" is a word; letters listed one to a line are letters)
        assert_eq!(mended("Dat\na", "Data a a"), "Dat\na");
        assert_eq!(mended("r\nc\nl", "rcl l l"), "r\nc\nl");
    }

    #[test]
    fn a_word_broken_before_its_apostrophe_is_whole() {
        // (a possessive's "'s" opens the next line)
        let text = "Grants to Cambridge Women's Aid and Women\u{2019}s Refuge";
        assert_eq!(
            mended("Cambridge\nWomen\n's Aid", text),
            "Cambridge\nWomen's Aid"
        );
        assert_eq!(
            mended("Women\n\u{2019}s Refuge", text),
            "Women\u{2019}s Refuge"
        );
        // (not spelt whole anywhere: a quotation's opening mark)
        assert_eq!(mended("Women\n'said so'", "Women"), "Women\n'said so'");
    }

    #[test]
    fn a_figure_broken_inside_its_digit_groups_or_before_its_per_cent_sign_is_whole() {
        assert_eq!(mended("735,5\n39", ""), "735,539");
        assert_eq!(mended("12.4\n%", ""), "12.4%");
        assert_eq!(mended("£1,2\n34,567", ""), "£1,234,567");
        // (whole groups: two figures, one under the other)
        assert_eq!(mended("62,785\n11,200", ""), "62,785\n11,200");
        assert_eq!(mended("735,5\n3", ""), "735,5\n3");
    }

    #[test]
    fn a_figure_broken_at_its_minus_sign_or_its_ranges_stroke_or_hyphen_is_whole() {
        assert_eq!(mended("-\n17.0%", ""), "-17.0%");
        assert_eq!(mended("2022\n/23", ""), "2022/23");
        assert_eq!(mended("2019-\n20 budget", ""), "2019-20 budget");
        assert_eq!(mended("2023/\n24", ""), "2023/24");
        // (a dash over words, or a figure over a figure, stays apart)
        assert_eq!(mended("-\nnone", ""), "-\nnone");
        assert_eq!(mended("2022\n23", ""), "2022\n23");
        assert_eq!(mended("Budget-\n20", ""), "Budget-\n20");
    }

    #[test]
    fn a_word_or_figure_a_page_break_cut_is_told_without_the_documents_words() {
        use BrokenAtTheBreak::{Figure, Word};
        assert_eq!(broken_at_the_break("275,05", "0"), Some(Figure));
        assert_eq!(broken_at_the_break("2022/2", "3 outturn"), Some(Figure));
        assert_eq!(broken_at_the_break("Counci", "l youth"), Some(Word));
        assert_eq!(broken_at_the_break("Worke", "rs"), Some(Word));
        // (whole figures, a line of words, a record's cell opening in a
        // capital: no break)
        assert_eq!(broken_at_the_break("275,050", "12"), None);
        assert_eq!(broken_at_the_break("Council youth", "workers"), None);
        assert_eq!(broken_at_the_break("Council", "Youth work"), None);
        // (a mark or a figure in it, or a letter or two, is no word's part)
        assert_eq!(broken_at_the_break("\\blockingname", "v2.02"), None);
        assert_eq!(broken_at_the_break("Up", "perc"), None);
    }
}
