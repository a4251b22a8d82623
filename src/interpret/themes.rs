//! The plan a document reports on and the plan's themes, in order, from the
//! document's own structure:
//!
//! 1. a list introduced as the plan's themes, priorities or objectives ("The
//!    Plan focuses upon five themes. Those themes are:"), whose items are list
//!    items, rows of a bullet table, or the headings that follow;
//! 2. failing that, the run of same-level, same-style headings that follows a
//!    heading naming the plan.
//!
//! A theme's name takes the form of the heading that opens its section where
//! there is one, or of a lead-in paragraph ("Keeping people safe – resources
//! are ..."); its statement is the quoted or "We will ..." text, the "Shared
//! outcome:" sentence, or the lead-in's text after the dash.

use super::text::{clean, content_words, fold, is_all_caps, is_marker, sentence_case, unquote};
use crate::document::{Block, BlockKind, Document};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A plan's name as the document gives it, with its years when stated.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub name: String,
}

/// A theme found in a document, with the blocks that open its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTheme {
    pub name: String,
    pub statement: Option<String>,
    /// Indexes of blocks that open a section about this theme.
    pub anchors: Vec<usize>,
}

const MIN_THEMES: usize = 3;
const MAX_THEMES: usize = 10;
/// Longest theme name, in words.
const MAX_NAME_WORDS: usize = 9;

static PLAN_WITH_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:[A-Z][\w'’&-]*\s+)(?:(?:and|&|of|for|[A-Z][\w'’&-]*)\s+)*(?:Plan|Strategy)),?\s*((?:19|20)\d\d)\s*(?:-|–|to|/)\s*((?:19|20)?\d\d)\b",
    )
    .expect("valid plan regex")
});
static PLAN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][\w'’&-]*\s+)(?:(?:and|&|of|for|[A-Z][\w'’&-]*)\s+)*Plan)\b")
        .expect("valid plan regex")
});
/// Words that introduce a plan's themes.
static THEMES_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(themes|priorities|objectives|pillars|strategic aims|aims|goals|outcomes)\b")
        .expect("valid theme regex")
});
static COUNT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(three|four|five|six|seven|eight|nine|ten|\d)\s+(?:key\s+|main\s+|strategic\s+|core\s+)?(?:police and crime\s+)?(?:themes|priorities|objectives|pillars|aims|goals|outcomes)\b")
        .expect("valid count regex")
});
static NUMBER_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?(\d{1,2})[.)]\s+(.+)$").expect("valid label regex"));
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][^–—:.]{2,80}?)\s+[–—-]\s+(\S.+)$").expect("valid lead-in regex")
});

/// Leading words that are not part of a plan's name.
const PLAN_PREFIXES: [&str; 5] = ["The ", "Our ", "Commissioner's ", "Commissioner’s ", "His "];

/// The plan the document reports on: the one its title names, else the one it
/// names most often with years, else the plan it names most often without.
pub fn find_plan(doc: &Document) -> Option<Plan> {
    let title = doc.title.clone().unwrap_or_default();
    if let Some(p) = plans_with_years(&title).into_iter().next() {
        return Some(Plan { name: p });
    }
    let with_years = doc.blocks.iter().flat_map(|b| plans_with_years(&b.text));
    if let Some((name, _)) = most_named(with_years) {
        return Some(Plan { name });
    }
    let names = doc.blocks.iter().flat_map(|b| {
        PLAN_NAME
            .captures_iter(&b.text)
            .map(|c| trim_plan_name(&c[1]))
            .filter(|name| name.split_whitespace().count() >= 2)
            .collect::<Vec<_>>()
    });
    most_named(names)
        .filter(|&(_, n)| n >= 2)
        .map(|(name, _)| Plan { name })
}

/// The name given most often, and how often: of names given as often, the
/// first given (on every run, as a hash map's order would not have it).
fn most_named(names: impl Iterator<Item = String>) -> Option<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for name in names {
        let at = *index.entry(name.clone()).or_insert_with(|| {
            counts.push((name, 0));
            counts.len() - 1
        });
        counts[at].1 += 1;
    }
    // (max_by_key keeps the last of equals: reversed, the first given)
    counts.into_iter().rev().max_by_key(|&(_, n)| n)
}

/// Plans named with years in a text, as "Name YYYY-YY".
fn plans_with_years(text: &str) -> Vec<String> {
    PLAN_WITH_YEARS
        .captures_iter(text)
        .filter_map(|c| {
            let name = trim_plan_name(&c[1]);
            let (first, last) = super::periods::span_years(&c[2], &c[3])?;
            Some(format!("{name} {first}-{:02}", last % 100))
        })
        .collect()
}

fn trim_plan_name(name: &str) -> String {
    // "Commissioner’s Police and Crime Plan": the plan's name follows the possessive
    let mut n = name.trim();
    for mark in ["’s ", "'s "] {
        if let Some(at) = n.rfind(mark) {
            n = &n[at + mark.len()..];
        }
    }
    loop {
        let before = n;
        for p in PLAN_PREFIXES {
            n = n.strip_prefix(p).unwrap_or(n);
        }
        if n == before {
            break;
        }
    }
    n.to_string()
}

/// The plan's themes, in the document's order.
pub fn find_themes(doc: &Document) -> Vec<FoundTheme> {
    let blocks = &doc.blocks;
    let mut themes = introduced_themes(blocks).unwrap_or_else(|| heading_run_themes(blocks));
    if themes.is_empty() {
        return themes;
    }
    adopt_heading_forms(blocks, &mut themes);
    adopt_lead_ins(blocks, &mut themes);
    for t in themes.iter_mut() {
        if t.statement.is_none() {
            t.statement = t
                .anchors
                .iter()
                .find_map(|&a| statement_after(blocks, a, false));
        }
    }
    themes
}

/// Themes listed after a block that introduces them.
fn introduced_themes(blocks: &[Block]) -> Option<Vec<FoundTheme>> {
    blocks.iter().enumerate().find_map(|(i, b)| {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            return None;
        }
        let text = b.text.trim();
        let introduces = text.ends_with(':') || COUNT_WORD.is_match(text);
        if !introduces || !THEMES_WORD.is_match(text) {
            return None;
        }
        let expected = COUNT_WORD
            .captures(text)
            .and_then(|c| super::quantities::parse_number(&c[1]));
        let items = list_after(blocks, i)
            .or_else(|| table_items_after(blocks, i))
            .or_else(|| headings_after(blocks, i))?;
        let fits = (MIN_THEMES..=MAX_THEMES).contains(&items.len())
            && expected.is_none_or(|n| n as usize == items.len());
        fits.then_some(items)
    })
}

fn short_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words) && !text.trim_end().ends_with(['.', ';', ','])
}

/// List items after block `i`: all of them, or only the numbered ones when
/// numbered items are interleaved with their own bullets.
fn list_after(blocks: &[Block], i: usize) -> Option<Vec<FoundTheme>> {
    let mut numbered = Vec::new();
    let mut plain = Vec::new();
    let mut plain_done = false;
    for (j, b) in blocks.iter().enumerate().skip(i + 1) {
        match b.kind {
            BlockKind::ListItem => {
                let text = clean(&b.text);
                if let Some(c) = NUMBER_LABEL.captures(&text) {
                    let n: usize = c[1].parse().unwrap_or(0);
                    if n == numbered.len() + 1 && short_name(&c[2]) {
                        numbered.push(theme(&c[2], j));
                    }
                } else if !plain_done && short_name(&text) {
                    plain.push(theme(&text, j));
                } else {
                    plain_done = true;
                }
            }
            BlockKind::Heading => break,
            // a list set as short lines of their own
            BlockKind::Paragraph
                if numbered.is_empty() && !plain_done && short_name(&clean(&b.text)) =>
            {
                plain.push(theme(&b.text, j));
            }
            _ if numbered.is_empty() && plain.is_empty() => return None,
            _ if !numbered.is_empty() => {
                plain_done = true;
                // numbered objectives may be separated by their own paragraphs
                continue;
            }
            _ => break,
        }
    }
    let items = if numbered.len() >= MIN_THEMES {
        numbered
    } else {
        plain
    };
    (!items.is_empty()).then_some(items)
}

/// Rows of a list laid out as a table (a bullet column and a name column).
fn table_items_after(blocks: &[Block], i: usize) -> Option<Vec<FoundTheme>> {
    let b = blocks.get(i + 1)?;
    let table = b.table.as_ref()?;
    let names: Vec<String> = table
        .rows
        .iter()
        .map(|row| {
            let texts: Vec<&str> = row
                .iter()
                .map(|c| c.text.trim())
                .filter(|t| !t.is_empty() && !is_marker(t))
                .collect();
            clean(&texts.join(" "))
        })
        .collect();
    names
        .iter()
        .all(|n| short_name(n))
        .then(|| names.iter().map(|n| theme(n, i + 1)).collect())
}

/// Headings after block `i`, before the next heading at or above the
/// introducing section's level: the deepest level with a fitting count.
fn headings_after(blocks: &[Block], i: usize) -> Option<Vec<FoundTheme>> {
    let stop_level = section_level(blocks, i);
    let mut by_level: HashMap<u8, Vec<FoundTheme>> = HashMap::new();
    for (j, b) in blocks.iter().enumerate().skip(i + 1) {
        if b.kind != BlockKind::Heading {
            continue;
        }
        let level = b.level.unwrap_or(6);
        if level <= stop_level {
            break;
        }
        if short_name(&b.text) {
            by_level.entry(level).or_default().push(theme(&b.text, j));
        }
    }
    let mut levels: Vec<u8> = by_level.keys().copied().collect();
    levels.sort_unstable_by(|a, b| b.cmp(a));
    levels.into_iter().find_map(|l| {
        let items = by_level.remove(&l)?;
        (MIN_THEMES..=MAX_THEMES)
            .contains(&items.len())
            .then_some(items)
    })
}

/// The level of the heading whose section holds block `i` (0 at the top).
fn section_level(blocks: &[Block], i: usize) -> u8 {
    blocks[..i]
        .iter()
        .rev()
        .find(|b| b.kind == BlockKind::Heading)
        .and_then(|b| b.level)
        .unwrap_or(0)
}

/// Without an introducing list: the same-level, same-style headings after a
/// heading that names a plan.
fn heading_run_themes(blocks: &[Block]) -> Vec<FoundTheme> {
    for (i, b) in blocks.iter().enumerate() {
        let is_plan_heading = b.kind == BlockKind::Heading
            && (PLAN_WITH_YEARS.is_match(&b.text) || PLAN_NAME.is_match(&b.text));
        if !is_plan_heading {
            continue;
        }
        let level = b.level.unwrap_or(1);
        let run = heading_run(blocks, i, level);
        if (MIN_THEMES..=MAX_THEMES).contains(&run.len()) {
            let mut themes = run;
            for t in themes.iter_mut() {
                t.statement = statement_after(blocks, t.anchors[0], true);
            }
            return themes;
        }
    }
    Vec::new()
}

/// Consecutive headings at the plan heading's level (or the first deeper level
/// used) after block `i`, sharing one letter case style.
fn heading_run(blocks: &[Block], i: usize, plan_level: u8) -> Vec<FoundTheme> {
    let mut run: Vec<FoundTheme> = Vec::new();
    let mut run_level = None;
    let mut caps = None;
    for (j, b) in blocks.iter().enumerate().skip(i + 1) {
        if b.kind != BlockKind::Heading {
            continue;
        }
        let level = b.level.unwrap_or(6);
        if level < plan_level {
            break;
        }
        let Some(l) = run_level else {
            if short_name(&b.text) && level <= plan_level + 1 && is_all_caps(&b.text) {
                run_level = Some(level);
                caps = Some(true);
                run.push(theme(&b.text, j));
            } else if level == plan_level {
                run_level = Some(level);
                caps = Some(is_all_caps(&b.text));
                run.push(theme(&b.text, j));
            }
            continue;
        };
        if level > l {
            continue;
        }
        if level < l || Some(is_all_caps(&b.text)) != caps || !short_name(&b.text) {
            break;
        }
        run.push(theme(&b.text, j));
    }
    run
}

/// "Priority 1: Preventing crime", "Theme two – Victims", "3. Offenders" name
/// the themes "Preventing crime", "Victims", "Offenders".
static NAME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:strategic\s+)?(?:priority|theme|objective|aim|pillar|outcome|goal)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:.–—-]?\s+|\d{1,2}[.)]\s+)")
        .expect("valid label regex")
});

fn without_label(name: &str) -> &str {
    NAME_LABEL.find(name).map_or(name, |m| &name[m.end()..])
}

fn theme(name: &str, anchor: usize) -> FoundTheme {
    let name = clean(name);
    FoundTheme {
        name: sentence_case(without_label(&name).trim_end_matches(':')),
        statement: None,
        anchors: vec![anchor],
    }
}

/// Every heading whose text is a theme's name anchors that theme; the name
/// takes the heading's form (mixed case preferred over capitals).
fn adopt_heading_forms(blocks: &[Block], themes: &mut [FoundTheme]) {
    for t in themes.iter_mut() {
        let key = fold(&t.name);
        let mut forms: Vec<&str> = Vec::new();
        for (j, b) in blocks.iter().enumerate() {
            let text = without_label(b.text.trim());
            if b.kind == BlockKind::Heading && fold(text) == key {
                if !t.anchors.contains(&j) {
                    t.anchors.push(j);
                }
                forms.push(text);
            }
        }
        if let Some(form) = forms.iter().find(|f| !is_all_caps(f)) {
            t.name = form.to_string();
        }
        t.anchors.sort_unstable();
    }
}

/// Lead-in paragraphs ("Name – statement"), one per theme in the same order,
/// each sharing a word with its theme, give the themes' names and statements.
fn adopt_lead_ins(blocks: &[Block], themes: &mut [FoundTheme]) {
    let lead_ins: Vec<(usize, String, String)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph)
        .filter_map(|(j, b)| {
            let c = LEAD_IN.captures(b.text.trim())?;
            short_name(&c[1]).then(|| (j, c[1].trim().to_string(), c[2].trim().to_string()))
        })
        .collect();
    // windows of consecutive lead-ins, in order, that pair with the themes
    for window in lead_ins.windows(themes.len()) {
        let pairs = window.iter().zip(themes.iter()).all(|((_, name, _), t)| {
            let a = content_words(name);
            content_words(&t.name).iter().any(|w| a.contains(w))
        });
        if pairs {
            for ((j, name, statement), t) in window.iter().zip(themes.iter_mut()) {
                t.name = name.clone();
                t.statement = Some(statement.clone());
                t.anchors.push(*j);
                t.anchors.sort_unstable();
            }
            return;
        }
    }
}

/// The statement that follows a theme's opening block, if any: a "Shared
/// outcome:" sentence, a quoted text, or "We will ..." paragraphs; with
/// `plain`, also a first paragraph that is one short sentence.
fn statement_after(blocks: &[Block], anchor: usize, plain: bool) -> Option<String> {
    let level = blocks[anchor].level.unwrap_or(6);
    let mut parts: Vec<String> = Vec::new();
    for b in blocks.iter().skip(anchor + 1).take(4) {
        let text = b.text.trim();
        if let Some(outcome) = labelled_outcome(text) {
            return Some(outcome);
        }
        if b.kind == BlockKind::Heading {
            if b.level.unwrap_or(6) <= level || !parts.is_empty() {
                break;
            }
            continue;
        }
        if text.starts_with(['“', '"']) && parts.is_empty() {
            return Some(unquote(text).to_string());
        }
        let we_will = text.starts_with("We will") || text.starts_with("We aim");
        if we_will || (!parts.is_empty() && follows_statement(text)) {
            parts.push(text.to_string());
            continue;
        }
        if parts.is_empty() && plain && one_short_sentence(text) {
            return Some(text.to_string());
        }
        break;
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn labelled_outcome(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("outcome:")? + "outcome:".len();
    let rest = &text[at..];
    let end = rest.find(" Aim:").unwrap_or(rest.len());
    let s = rest[..end].trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn follows_statement(text: &str) -> bool {
    text.split_whitespace().count() <= 25 && !text.chars().any(|c| c.is_ascii_digit())
}

fn one_short_sentence(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let stops = text.matches(". ").count();
    (6..=35).contains(&words) && stops == 0 && !text.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format, RawBlock};

    fn doc(title: &str, blocks: Vec<RawBlock>) -> Document {
        Document::from_raw_blocks(
            "d1".into(),
            "x.pdf".into(),
            Format::Pdf,
            Some(title.into()),
            Some(1),
            blocks,
        )
    }
    fn h(level: u8, text: &str) -> RawBlock {
        let mut b = RawBlock::new(BlockKind::Heading, text);
        b.level = Some(level);
        b
    }
    fn p(text: &str) -> RawBlock {
        RawBlock::new(BlockKind::Paragraph, text)
    }
    fn li(text: &str) -> RawBlock {
        RawBlock::new(BlockKind::ListItem, text)
    }
    fn names(themes: &[FoundTheme]) -> Vec<&str> {
        themes.iter().map(|t| t.name.as_str()).collect()
    }

    #[test]
    fn plans_are_named_with_their_years() {
        let d = doc(
            "Annual report",
            vec![
                p("Key to this is the Commissioner’s Police and Crime Plan 2021-2024."),
                p("the Police and Crime Plan, 2021 to 2024"),
                p("the Medium Term Financial Plan 2020-24"),
            ],
        );
        assert_eq!(find_plan(&d).unwrap().name, "Police and Crime Plan 2021-24");
        let d = doc("Community Safety Strategy 2022-2025", vec![]);
        assert_eq!(
            find_plan(&d).unwrap().name,
            "Community Safety Strategy 2022-25"
        );
        let d = doc(
            "Report",
            vec![p("The Council Plan says."), p("Our Council Plan.")],
        );
        assert_eq!(find_plan(&d).unwrap().name, "Council Plan");
    }

    #[test]
    fn of_plans_named_as_often_the_first_named_is_taken_on_every_run() {
        let d = doc(
            "Annual report",
            vec![p(
                "The Police and Crime Plan 2021-24 and the Medium Term Financial Plan 2020-24.",
            )],
        );
        for _ in 0..20 {
            assert_eq!(find_plan(&d).unwrap().name, "Police and Crime Plan 2021-24");
        }
    }

    #[test]
    fn themes_from_an_introduced_list_take_their_headings_form() {
        let d = doc(
            "Progress report",
            vec![
                p("The Plan focuses upon three themes. Those themes are:"),
                li("• Safer Streets"),
                li("• Strong Communities"),
                li("• Fair Justice"),
                p("Within the Plan each theme has a summary."),
                h(2, "Safer streets"),
                p("“We will keep streets safe.”"),
                p("Burglary fell by 10%."),
                h(2, "Strong communities"),
                p("We will listen."),
                p("From parish to city."),
                h(2, "Fair justice"),
                p("The courts sat more often in 2023 than in 2022 and cleared 4,000 cases."),
            ],
        );
        let t = find_themes(&d);
        assert_eq!(
            names(&t),
            vec!["Safer streets", "Strong communities", "Fair justice"]
        );
        assert_eq!(
            t[0].statement.as_deref(),
            Some("We will keep streets safe.")
        );
        assert_eq!(
            t[1].statement.as_deref(),
            Some("We will listen. From parish to city.")
        );
        assert_eq!(t[2].statement, None);
        assert!(t[0].anchors.contains(&5));
    }

    #[test]
    fn numbered_priority_headings_name_their_themes() {
        let d = doc(
            "Police and Crime Plan 2024-29",
            vec![
                p("The plan has three priorities:"),
                h(2, "Priority 1: Preventing crime"),
                p("We will stop crime before it happens."),
                h(2, "Priority 2: Supporting victims"),
                h(2, "Priority 3: Fair justice"),
            ],
        );
        let t = find_themes(&d);
        assert_eq!(
            names(&t),
            vec!["Preventing crime", "Supporting victims", "Fair justice"]
        );
        assert_eq!(
            t[0].statement.as_deref(),
            Some("We will stop crime before it happens.")
        );
    }

    #[test]
    fn a_list_set_as_short_paragraphs() {
        let d = doc(
            "Police and Crime Plan 2024-29",
            vec![
                p("Our four priorities are:"),
                p("Keeping people safe"),
                p("Cutting crime"),
                p("Supporting victims"),
                p("Fair and effective justice"),
                p("Each is described in turn below, with what we will do."),
            ],
        );
        assert_eq!(
            names(&find_themes(&d)),
            vec![
                "Keeping people safe",
                "Cutting crime",
                "Supporting victims",
                "Fair and effective justice"
            ]
        );
    }

    #[test]
    fn a_count_that_disagrees_with_the_list_is_not_a_theme_list() {
        let d = doc(
            "Report",
            vec![
                p("Our five priorities are:"),
                li("Roads"),
                li("Homes"),
                li("Parks"),
            ],
        );
        assert!(find_themes(&d).is_empty());
    }

    #[test]
    fn numbered_objectives_take_the_form_of_their_lead_in_paragraphs() {
        let d = doc(
            "Annual report",
            vec![
                h(2, "Objectives - overview"),
                p("The three Police and Crime Objectives have remained unchanged. Highlights:"),
                li("1. Maintain police performance"),
                li("• Satisfaction improved."),
                li("2. Reduce Crime"),
                li("3. Keeping People Safe"),
                h(2, "Objectives - in focus"),
                p("Maintain local police performance – to provide an effective service."),
                p("Some narrative."),
                p("Continue to tackle crime and disorder – to drive crime down."),
                p("Keeping people safe – resources protect those at risk."),
            ],
        );
        let t = find_themes(&d);
        assert_eq!(
            names(&t),
            vec![
                "Maintain local police performance",
                "Continue to tackle crime and disorder",
                "Keeping people safe"
            ]
        );
        assert_eq!(t[1].statement.as_deref(), Some("to drive crime down."));
    }

    #[test]
    fn without_a_list_the_capitalised_headings_after_the_plan_heading() {
        let d = doc(
            "Annual Report 2020-21",
            vec![
                h(3, "The Police and Crime Plan 2017-21"),
                h(5, "Working together"),
                h(3, "VICTIMS"),
                p("Victims are placed at the heart of the criminal justice system."),
                h(5, "Victims can access support"),
                h(3, "OFFENDERS"),
                p("Over the year, staff provided leadership. They did much. It went well in 2020."),
                h(3, "COMMUNITIES"),
                h(3, "Tackling Crime"),
            ],
        );
        let t = find_themes(&d);
        assert_eq!(names(&t), vec!["Victims", "Offenders", "Communities"]);
        assert!(t[0].statement.is_some());
        assert_eq!(t[1].statement, None);
    }
}
