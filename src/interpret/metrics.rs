//! Metrics: every measured quantity a document states, with its subject, kind,
//! signed value, unit, and the period and baseline stated near it; from
//! sentences and list items here, from table cells in `tables`.
//!
//! What is not a metric: dates, years, phone and reference numbers (masked by
//! the quantity parser), numbers inside names ("Safer Streets 5"), ages,
//! ranks, structural counts ("the five themes", "all six areas"), time spans
//! ("a 12-month period", "for four weeks"), service numbers (999, 101), and
//! money that a grant already accounts for.

use super::passages::Sentence;
use super::quantities::{parse_number, Quantity, QuantityKind};
use super::text::{content_words, first_words};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A metric before IDs and themes are given.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundMetric {
    pub block: usize,
    pub subject: String,
    pub kind: &'static str,
    pub value: f64,
    pub unit: String,
    pub period: Option<String>,
    pub baseline: Option<String>,
    pub quote: String,
    /// Whether it came from a table cell (kept over a sentence stating the same).
    pub from_table: bool,
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid metric regex")
}

/// Words that say a percentage is a change, and which way.
static FALLING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(down|decrease[ds]?|decreasing|reduc(?:tion|tions|ed|ing|e)|fell|fall(?:en|ing|s)?|drop(?:ped|s)?|fewer|less|lower|declin(?:e|ed|ing)|cut)\b",
    )
});
static RISING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(up|increase[ds]?|increasing|rise|rises|rose|risen|rising|more|higher|grew|grown|growth|improve[ds]?|improvement)\b",
    )
});
/// "a reduction of 39.7%": a change however the sentence goes on.
static CHANGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(reduction|decrease|fall|drop|increase|rise|growth|cut)\s+of\s+(?:some\s+|about\s+|around\s+|almost\s+|nearly\s+|over\s+)?$",
    )
});
static PERCENT_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:to|and|-|–)\s*\d[\d,.]*\s*(?:%|per\s?cent)"));
static CHANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(higher|lower|more|fewer|less|up|down|increase|decrease|reduction|drop|rise|fall)\b",
    )
});
/// "fewer than 2%", "more than 900": bounds, not changes.
static BOUND: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:fewer|less|more|lower|higher)\s+than\b"));
/// A percentage that is a level reached, not a change: "from 72.3% to 68.9%", "rose to 13%".
static LEVEL_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(from|to|at|was|were|is|are|of|remains?|stable|reached)\s*$"));
static RATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(\d[\d,]*(?:\.\d+)?)\s+(?:[a-z]+\s+){0,2}per\s+(1,000|1000|100,000|100000|10,000)\s*(population|people|residents|head of population)?",
    )
});
static ONE_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bone\s+in\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\b")
});
static TIMES: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(doubled|tripled|trebled|quadrupled|halved)\b"));
static FOR_EVERY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bone\s+(\w+(?:\s+\w+){0,2}?)\s+for\s+every\s+(\d[\d,]*)\s+(\w+)"));
/// "a third of victims": a ratio of one in N.
static FRACTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:a|one)[- ](half|third|quarter|fifth|tenth)\b"));
static PENCE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})p\b"));
/// Units of time, as nouns after a number.
const TIME_UNITS: &str = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)";
/// Nouns after a count that make it a time span, not a count.
static TIME_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^[\s-]*(?:working\s+|calendar\s+|full\s+|whole\s+)?(?:{TIME_UNITS}|decades?|year-?olds?|yrs?)\b"
    ))
});
/// "four to 12 weeks": the first number of a range of time.
static RANGE_OF_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s*(?:to|or|and|-|–)\s*\w+[\s-]*{TIME_UNITS}\b"
    ))
});
/// "1,471 31 March 2010": a figure followed by the date it is for.
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:in\s+|at\s+|on\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:19|20)\d\d",
    )
});
/// Parts of how a plan or organisation is set up ("two main sources", "five themes").
static STRUCTURAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:main\s+|key\s+|core\s+|strategic\s+|national\s+)?(?:sources|themes|priorities|objectives|pillars|strands|districts|threats|commissioners|counties|local authorities|community safety partnerships|csps)\b",
    )
});
/// Determiners that make a small count a known set ("the five themes").
static DEFINITE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:\b(?:the|all|these|those|its|his|her|their|our|both|each|every)|\w['’]s)\s*$")
});
static MEASURED_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(average|averaged|around|approximately|about|typically|waiting|wait|waited|took|taken|take|takes|only|just|was|were|is|as)\s+(?:of\s+)?(?:an?\s+)?$",
    )
});
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b((?:in|during|for|over|throughout)\s+(?:the\s+)?(?:(?:19|20)\d\d\s*[-/–]\s*(?:19|20)?\d\d|(?:19|20)\d\d)|(?:the\s+)?(?:\d+|twelve|six|nine|three)[- ]months?\s+(?:to|ending|ended)\s+\w+\s+(?:19|20)\d\d|between\s+[^,.;]{3,40}?\s+and\s+[^,.;]{3,30}?(?:19|20)\d\d|since\s+(?:\w+\s+)?(?:19|20)\d\d|(?:the\s+)?(?:last|past|previous)\s+(?:year|12 months|twelve months)|(?:a|the)\s+(?:\d+|\w+)[- ]month\s+period(?:\s+to\s+\w+\s+(?:19|20)\d\d)?|year\s+ending\s+\w+\s+(?:19|20)\d\d)",
    )
});
static BASELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:compared\s+(?:to|with)|relative\s+to|vs\.?|against\s+a\s+baseline\s+of|on)\s+((?:the\s+)?(?:previous|last)\s+year|(?:the\s+)?(?:\w+\s+){0,3}(?:19|20)\d\d(?:\s*[-/]\s*\d\d)?)",
    )
});

/// Words a subject should not start or end with.
const EDGE_WORDS: [&str; 28] = [
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "by", "for", "to", "with", "from", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "by", "some", "than", "that",
    "which",
];

/// Metrics stated in one sentence. `claimed` holds the byte offsets of
/// amounts that grants already account for.
pub fn sentence_metrics(s: &Sentence<'_>, claimed: &[usize]) -> Vec<FoundMetric> {
    let text = s.text.as_str();
    let mut taken = vec![false; text.len()];
    let mut out = Vec::new();
    if !text.chars().any(char::is_alphabetic) {
        return out;
    }
    special_forms(s, &mut taken, &mut out);
    for q in s.quantities.iter().cloned() {
        if taken[q.start..q.end].iter().any(|t| *t) || claimed.contains(&q.start) {
            continue;
        }
        let found = match q.kind {
            QuantityKind::Money => Some(("amount_gbp", q.value, "GBP".to_string())),
            QuantityKind::Percent => Some(percent(text, &q)),
            QuantityKind::Duration => is_measured_duration(text, &q)
                .then(|| ("duration_seconds", q.value, "s".to_string())),
            // "from 92 to 94 per cent": the first figure shares the second's unit
            QuantityKind::Count if PERCENT_RANGE.is_match(&text[q.end..]) => {
                Some(("percent", q.value, "%".to_string()))
            }
            QuantityKind::Count => {
                is_measured_count(text, &q).then(|| ("count", q.value, count_unit(text, &q)))
            }
        };
        if let Some((kind, value, unit)) = found {
            out.push(metric(s, subject(text, &q, kind), kind, value, unit));
        }
    }
    out
}

fn metric(
    s: &Sentence<'_>,
    subject: String,
    kind: &'static str,
    value: f64,
    unit: String,
) -> FoundMetric {
    FoundMetric {
        block: s.block.index as usize,
        subject,
        kind,
        value,
        unit,
        period: PERIOD.find(&s.text).map(|m| m.as_str().trim().to_string()),
        baseline: BASELINE.captures(&s.text).map(|c| c[1].trim().to_string()),
        quote: s.text.clone(),
        from_table: false,
    }
}

/// Rates, ratios and pence, which the quantity parser reads as plain counts.
fn special_forms(s: &Sentence<'_>, taken: &mut [bool], out: &mut Vec<FoundMetric>) {
    let text = s.text.as_str();
    let claim = |start: usize, end: usize, taken: &mut [bool]| {
        taken[start..end].iter_mut().for_each(|t| *t = true);
    };
    for c in RATE.captures_iter(text) {
        let m = c.get(0).expect("match");
        if let Some(v) = parse_number(&c[1]) {
            let unit = format!("per {} population", &c[2]);
            let q = span_quantity(m.start(), m.end(), v);
            out.push(metric(s, subject(text, &q, "rate"), "rate", v, unit));
            claim(m.start(), m.end(), taken);
        }
    }
    for c in ONE_IN.captures_iter(text) {
        let m = c.get(0).expect("match");
        if let Some(v) = parse_number(&c[1]) {
            let q = span_quantity(m.start(), m.end(), v);
            out.push(metric(
                s,
                subject(text, &q, "ratio"),
                "ratio",
                v,
                "1 in N".into(),
            ));
            claim(m.start(), m.end(), taken);
        }
    }
    for c in FRACTION.captures_iter(text) {
        let m = c.get(0).expect("match");
        let v = match c[1].to_lowercase().as_str() {
            "half" => 2.0,
            "third" => 3.0,
            "quarter" => 4.0,
            "fifth" => 5.0,
            _ => 10.0,
        };
        let q = span_quantity(m.start(), m.end(), v);
        out.push(metric(
            s,
            subject(text, &q, "ratio"),
            "ratio",
            v,
            "1 in N".into(),
        ));
        claim(m.start(), m.end(), taken);
    }
    for c in FOR_EVERY.captures_iter(text) {
        let m = c.get(0).expect("match");
        if let Some(v) = parse_number(&c[2]) {
            let unit = format!("{} per {}", &c[3], &c[1]);
            let q = span_quantity(m.start(), m.end(), v);
            out.push(metric(s, subject(text, &q, "ratio"), "ratio", v, unit));
            claim(m.start(), m.end(), taken);
        }
    }
    for c in TIMES.captures_iter(text) {
        let m = c.get(0).expect("match");
        let v = match c[1].to_lowercase().as_str() {
            "doubled" => 2.0,
            "tripled" | "trebled" => 3.0,
            "quadrupled" => 4.0,
            _ => 0.5,
        };
        let q = span_quantity(m.start(), m.end(), v);
        out.push(metric(
            s,
            subject(text, &q, "ratio"),
            "ratio",
            v,
            "x".into(),
        ));
    }
    for c in PENCE.captures_iter(text) {
        let m = c.get(0).expect("match");
        if let Some(v) = parse_number(&c[1]) {
            let q = span_quantity(m.start(), m.end(), v / 100.0);
            out.push(metric(
                s,
                subject(text, &q, "amount_gbp"),
                "amount_gbp",
                v / 100.0,
                "GBP".into(),
            ));
            claim(m.start(), m.end(), taken);
        }
    }
}

fn span_quantity(start: usize, end: usize, value: f64) -> Quantity {
    Quantity {
        kind: QuantityKind::Count,
        value,
        signed: false,
        start,
        end,
        text: String::new(),
    }
}

/// A percentage's kind and signed value.
fn percent(text: &str, q: &Quantity) -> (&'static str, f64, String) {
    let unit = "%".to_string();
    if q.signed {
        return ("percent_change", q.value, unit);
    }
    let before = &text[..q.start];
    if let Some(c) = CHANGE_OF.captures(before) {
        let falling = FALLING.is_match(&c[1]);
        return (
            "percent_change",
            if falling { -q.value } else { q.value },
            unit,
        );
    }
    // "43% higher than", "19% more offences": a comparison, whatever comes before
    if let Some(c) = CHANGE_AFTER.captures(&text[q.end..]) {
        let falling = FALLING.is_match(&c[1]);
        return (
            "percent_change",
            if falling { -q.value } else { q.value },
            unit,
        );
    }
    if LEVEL_BEFORE.is_match(before) {
        return ("percent", q.value, unit);
    }
    let window = BOUND.replace_all(&change_window(text, q), "").to_string();
    let falling = FALLING.find(&window);
    let rising = RISING.find(&window);
    match (falling, rising) {
        (Some(_), None) => ("percent_change", -q.value, unit),
        (None, Some(_)) => ("percent_change", q.value, unit),
        (Some(f), Some(r)) => {
            // the nearer cue decides; the window is centred on the figure
            let mid = window.len() / 2;
            if f.start().abs_diff(mid) <= r.start().abs_diff(mid) {
                ("percent_change", -q.value, unit)
            } else {
                ("percent_change", q.value, unit)
            }
        }
        (None, None) => ("percent", q.value, unit),
    }
}

/// A few words either side of a quantity, within its clause.
fn change_window(text: &str, q: &Quantity) -> String {
    let before: Vec<&str> = clause_before(text, q.start)
        .split_whitespace()
        .rev()
        .take(5)
        .collect();
    let after: Vec<&str> = clause_after(text, q.end)
        .split_whitespace()
        .take(3)
        .collect();
    let mut words: Vec<&str> = before.into_iter().rev().collect();
    words.push("#");
    words.extend(after);
    words.join(" ")
}

/// Where clauses break: punctuation and dashes, but not the comma of "800,000".
fn is_break(text: &str, i: usize, c: char) -> bool {
    if c == ',' {
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        return !(before.is_some_and(|b| b.is_ascii_digit())
            && after.is_some_and(|a| a.is_ascii_digit()));
    }
    matches!(c, ';' | ':' | '(' | ')' | '–' | '—')
}

fn clause_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let cut = head
        .char_indices()
        .rev()
        .find(|&(i, c)| is_break(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[cut..]
}

fn clause_after(text: &str, at: usize) -> &str {
    let tail = &text[at..];
    let cut = tail
        .char_indices()
        .find(|&(i, c)| is_break(text, at + i, c))
        .map_or(tail.len(), |(i, _)| i);
    &tail[..cut]
}

fn is_measured_duration(text: &str, q: &Quantity) -> bool {
    let unit = text[q.start..q.end].to_lowercase();
    let short_unit = unit.contains("sec")
        || unit.contains("min")
        || unit.contains("hour")
        || unit.contains("hr");
    short_unit && MEASURED_DURATION.is_match(&text[..q.start])
}

/// Whether a number counts something measured (see the module notes).
fn is_measured_count(text: &str, q: &Quantity) -> bool {
    let before = &text[..q.start];
    let after = &text[q.end..];
    let is_word = q.text.chars().next().is_some_and(char::is_alphabetic);
    // numbers in names and compounds: "Safer Streets 5", "12-month", "Covid-19", "1.2MB"
    if after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if after.starts_with('-') && after[1..].starts_with(char::is_alphabetic)
        || before.ends_with('-')
        || after.starts_with(|c: char| c.is_alphanumeric())
    {
        return false;
    }
    if TIME_NOUN.is_match(after) || RANGE_OF_TIME.is_match(after) {
        return false;
    }
    // a mark glued to the figure before it ("52%1", "report1") is a footnote,
    // as is a lone digit after a figure at the end ("... average of 12% 1")
    if before.ends_with(|c: char| c.is_alphanumeric() || c == '%' || c == '/') {
        return false;
    }
    let prev_token = before.split_whitespace().next_back().unwrap_or("");
    if q.value < 10.0
        && at_line_end(after)
        && prev_token.ends_with(|c: char| c.is_ascii_digit() || c == '%')
    {
        return false;
    }
    // ages and ranges of ages
    let lower_before = before.to_lowercase();
    if lower_before.trim_end().ends_with("aged") || lower_before.trim_end().ends_with("age") {
        return false;
    }
    let prev_word = before.split_whitespace().last().unwrap_or("");
    let in_name = prev_word.starts_with(|c: char| c.is_uppercase())
        && prev_word.chars().all(|c| c.is_alphanumeric() || c == '&')
        && !before.trim_end().ends_with(['.', ':'])
        && before.split_whitespace().count() > 1
        && !at_line_end(after);
    if in_name && !is_word {
        return false;
    }
    if DEFINITE.is_match(before) && (is_word || q.value <= 12.0) {
        return false;
    }
    if q.value <= 12.0 && STRUCTURAL.is_match(after) {
        return false;
    }
    // a count needs something counted after it, or a label before it at a line's end
    let noun_after = after
        .trim_start()
        .starts_with(|c: char| c.is_alphabetic() || c == '(');
    let labelled = at_line_end(after)
        || after.trim_start().starts_with([')', ',', ';', '.', '–'])
        || DATE_AFTER.is_match(after);
    noun_after || labelled
}

fn at_line_end(after: &str) -> bool {
    let t = after.trim();
    t.is_empty() || t.chars().all(|c| ".*,;:)".contains(c)) || t.starts_with(". ")
}

fn count_unit(text: &str, q: &Quantity) -> String {
    let after = text[q.end..].to_lowercase();
    if after.trim_start().starts_with("fte") || after.contains("full time equivalent") {
        "FTE".into()
    } else {
        "count".into()
    }
}

/// What a quantity measures: the words of its clause around it, without the
/// figure and its cue words.
fn subject(text: &str, q: &Quantity, kind: &str) -> String {
    let after = clause_after(text, q.end);
    let before_clause = nearest_clause_before(text, q.start);
    // a label before a figure at the end of a line is read from its start
    let label = label_before_dash(text, q.start);
    let before_words = if let Some(label) = label.filter(|_| at_line_end(after)) {
        head_and_tail(label)
    } else if at_line_end(after) {
        head_and_tail(&before_clause)
    } else {
        tidy(&before_clause)
    };
    // "19% more drug offences", "a 54% reduction in bike crime": what changed follows
    if let Some(c) = CHANGE_THEN_SUBJECT.captures(after) {
        let what = tidy_from_start(&c[1]);
        if content_words(&what).len() >= 2 {
            return what;
        }
    }
    let after_words = tidy_from_start(after);
    // "92% of women ...": what the share is of
    let share_of = after.trim_start().starts_with("of ");
    let prefer_after = match kind {
        "count" | "ratio" => {
            !after_words.is_empty() && !at_line_end(after) && !starts_with_function_word(after)
        }
        _ => share_of || content_words(&before_words).len() < 2,
    };
    let (first, second) = if prefer_after {
        (after_words, before_words)
    } else {
        (before_words, after_words)
    };
    let mut s = first;
    if content_words(&s).len() < 3 && !second.is_empty() {
        s = if prefer_after {
            format!("{second} … {s}")
        } else {
            format!("{s} … {second}")
        };
    }
    s.trim_matches(|c: char| c == '…' || c.is_whitespace())
        .to_string()
}

static CHANGE_THEN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:more|fewer|less|(?:drop|reduction|increase|rise|fall|decrease|cut)\s+in)\s+(.+)$",
    )
});

/// The first 12 words of a clause part, without edge words.
/// "General enquiries such as ... – 202.": the whole label before a dash or colon.
fn label_before_dash(text: &str, at: usize) -> Option<&str> {
    let head = text[..at].trim_end();
    let label = head
        .strip_suffix('–')
        .or_else(|| head.strip_suffix('—'))
        .or_else(|| head.strip_suffix(':'))?;
    Some(label.trim()).filter(|l| !l.is_empty())
}

/// A label before a figure at a line's end: its head and the words next to the figure.
fn head_and_tail(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() <= 12 {
        return tidy(part);
    }
    let head = tidy(&words[..6].join(" "));
    let tail = tidy(&words[words.len() - 6..].join(" "));
    format!("{head} … {tail}")
}

fn tidy_from_start(part: &str) -> String {
    // up to the next figure: "6 dwelling burglaries 66 thefts" gives "dwelling burglaries"
    let words: Vec<&str> = part
        .split_whitespace()
        .enumerate()
        .take_while(|(i, w)| *i == 0 || !w.starts_with(|c: char| c.is_ascii_digit() || c == '£'))
        .map(|(_, w)| w)
        .take(12)
        .collect();
    tidy(&words.join(" "))
}

fn starts_with_function_word(text: &str) -> bool {
    const FUNCTION: [&str; 16] = [
        "of", "with", "which", "and", "in", "on", "at", "for", "to", "from", "by", "was", "were",
        "is", "are", "will",
    ];
    text.split_whitespace()
        .next()
        .is_some_and(|w| FUNCTION.contains(&w.to_lowercase().as_str()))
}

/// The clause before a position with some content: "Incidents of ASB – down 27%"
/// gives "Incidents of ASB", not the empty "down".
fn nearest_clause_before(text: &str, at: usize) -> String {
    let mut end = at;
    let mut parts: Vec<&str> = Vec::new();
    while end > 0 {
        let clause = clause_before(text, end);
        parts.insert(0, clause);
        let joined = parts.join(" ");
        if content_words(&tidy(&joined)).len() >= 2 {
            return joined;
        }
        let start = end - clause.len();
        // step over the separator
        end = text[..start].char_indices().last().map_or(0, |(i, _)| i);
    }
    parts.join(" ")
}

/// A clause part cut to 12 words, without cue and edge words.
fn tidy(part: &str) -> String {
    const CUES: [&str; 14] = [
        "down",
        "up",
        "by",
        "some",
        "around",
        "approximately",
        "about",
        "over",
        "more",
        "than",
        "just",
        "under",
        "nearly",
        "almost",
    ];
    let mut words: Vec<&str> = part
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| "\"“”‘’'.".contains(c)))
        .filter(|w| !w.is_empty())
        .collect();
    while words.last().is_some_and(|w| {
        EDGE_WORDS.contains(&w.to_lowercase().as_str()) || CUES.contains(&w.to_lowercase().as_str())
    }) {
        words.pop();
    }
    while words
        .first()
        .is_some_and(|w| EDGE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    let n = words.len();
    let keep = if n > 12 { &words[n - 12..] } else { &words[..] };
    first_words(&keep.join(" "), 12)
}

/// Enough shared subject words to call two statements of one value the same:
/// one distinctive word for a distinctive value, two otherwise.
fn shared_enough(a: &[String], b: &[String], value: f64) -> bool {
    let shared: Vec<&String> = a.iter().filter(|w| b.contains(w)).collect();
    let distinctive_value = value.abs() >= 100.0 || value.fract() != 0.0;
    shared.len() >= 2 || (distinctive_value && shared.iter().any(|w| w.len() >= 4))
}

/// A kept metric's index and its subject's words.
type KeptWords = (usize, Vec<String>);

/// One row per metric: the same kind, value and a shared subject word within
/// a document is one statement (the table's, or else the first, is kept).
pub fn merge_duplicates(metrics: Vec<FoundMetric>) -> Vec<FoundMetric> {
    let mut kept: Vec<FoundMetric> = Vec::with_capacity(metrics.len());
    // kept metrics by kind and value, with their subject words: only those can match
    let mut by_value: HashMap<(&'static str, u64), Vec<KeptWords>> = HashMap::new();
    let mut order: Vec<FoundMetric> = metrics;
    // tables first so their rows win, then reading order
    order.sort_by_key(|m| (!m.from_table, m.block));
    for m in order {
        let words = content_words(&m.subject);
        let key = (m.kind, m.value.to_bits());
        let same = by_value.entry(key).or_default();
        let duplicate = same.iter().any(|(k, k_words)| {
            let k = &kept[*k];
            // cells of one table and figures of one sentence are distinct
            k.block != m.block && k.quote != m.quote && shared_enough(k_words, &words, m.value)
        });
        if !duplicate {
            same.push((kept.len(), words));
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.block);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind};

    fn block() -> Block {
        Block {
            index: 0,
            kind: BlockKind::Paragraph,
            text: String::new(),
            page: Some(1),
            bbox: None,
            level: None,
            depth: None,
            section: vec![],
            table: None,
        }
    }

    fn found(text: &str) -> Vec<(&'static str, f64)> {
        let b = block();
        let s = Sentence::new(&b, text.to_string(), None);
        sentence_metrics(&s, &[])
            .into_iter()
            .map(|m| (m.kind, m.value))
            .collect()
    }

    #[test]
    fn changes_are_signed() {
        assert_eq!(
            found("Residential burglaries are down by 37%"),
            vec![("percent_change", -37.0)]
        );
        assert_eq!(
            found("the Constabulary received 26.8% more 999 calls"),
            vec![("percent_change", 26.8)]
        );
        assert_eq!(
            found("a 13% reduction in knife crime"),
            vec![("percent_change", -13.0)]
        );
        assert_eq!(
            found("Online crime increased by 108%."),
            vec![("percent_change", 108.0)]
        );
        assert_eq!(found("violence +8.5%"), vec![("percent_change", 8.5)]);
        assert_eq!(found("22% fewer calls"), vec![("percent_change", -22.0)]);
    }

    #[test]
    fn levels_are_percentages() {
        assert_eq!(
            found("92% of women did not reoffend"),
            vec![("percent", 92.0)]
        );
        assert_eq!(
            found("has fallen from 72.3% to 68.9% according to local data"),
            vec![("percent", 72.3), ("percent", 68.9)]
        );
        assert_eq!(
            found("the outcome rate rose to 13%."),
            vec![("percent", 13.0)]
        );
    }

    #[test]
    fn counts_of_things_but_not_names_spans_or_known_sets() {
        assert_eq!(
            found("the team risk assessed 197 offenders"),
            vec![("count", 197.0)]
        );
        assert_eq!(found("three marked police vans"), vec![("count", 3.0)]);
        assert_eq!(found("Anti-social behaviour 37"), vec![("count", 37.0)]);
        assert_eq!(
            found("dissatisfaction with the Constabulary (149)"),
            vec![("count", 149.0)]
        );
        assert!(found("the Commissioner's five themes").is_empty());
        assert!(found("All six areas have taken up the offer").is_empty());
        assert!(found("Safer Streets 5 bid").is_empty());
        assert!(found("in a 12-month period").is_empty());
        assert!(found("for four to 12 weeks").is_empty());
        assert!(found("young people aged 16").is_empty());
        assert!(found("contacted within two working days").is_empty());
        assert!(found("The hub is open 24/7.").is_empty());
        assert!(found("Read the quarter three report (PDF, 1.2MB).").is_empty());
    }

    #[test]
    fn durations_only_when_measured() {
        assert_eq!(
            found("Web chats had an average 41 seconds taken to respond."),
            vec![("duration_seconds", 41.0)]
        );
        assert!(found("answered within 10 seconds").is_empty());
    }

    #[test]
    fn rates_ratios_and_pence() {
        assert_eq!(
            found("There are 2.84 officers per 1,000 population."),
            vec![("rate", 2.84)]
        );
        assert_eq!(
            found("a factor in one in seven calls"),
            vec![("ratio", 7.0)]
        );
        assert_eq!(
            found("use of the system has quadrupled."),
            vec![("ratio", 4.0)]
        );
        assert_eq!(
            found("Policing costs 43p a day per person"),
            vec![("amount_gbp", 0.43)]
        );
    }

    #[test]
    fn money_is_an_amount_unless_claimed_by_a_grant() {
        assert_eq!(
            found("spending was £129.4m"),
            vec![("amount_gbp", 129_400_000.0)]
        );
    }
}
