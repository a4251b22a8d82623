//! Quantities in text: money, percentages, counts and durations, with their
//! values; and the numbers that are not quantities (dates, years, financial
//! years, phone numbers, postcodes, page, section and item numbers, list
//! labels), which are masked out first.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    /// Pounds sterling.
    Money,
    Percent,
    Count,
    /// Seconds.
    Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub kind: QuantityKind,
    pub value: f64,
    /// Whether the text gives an explicit sign ("+8.5%", "-11.8%").
    pub signed: bool,
    /// Byte range of the quantity in the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid quantity regex")
}

const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// Spans that hold numbers but no quantity.
static NOT_QUANTITIES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        // 31 March 2024, 1st April, March 2024
        re(&format!(
            r"(?i)\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b(?:,?\s+(?:19|20)\d\d)?"
        )),
        re(&format!(
            r"(?i)\b(?:{MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b"
        )),
        // 13/03/2024, 31.03.2021, 2024-03-13
        re(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b"),
        re(r"\b(?:19|20)\d\d-\d\d-\d\d\b"),
        // 2013-14, 2017-20, 2023/24, 2021-2024
        re(r"\b(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)\b"),
        // Phone numbers: 0300 333 3456, 01234 567890, and short codes after "call" or "dial"
        re(r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
        re(r"(?i)\b(?:call|dial|phone|telephone|tel\.?|text|ring)\s+(?:us\s+on\s+|on\s+)?\d{3,}\b"),
        // Service numbers: "999 calls", "101 and 999 call handling", "calls to 101"
        re(
            r"(?i)\b(?:999|101|111)(?:\s*(?:and|or|/|&)\s*(?:999|101|111))*\s+(?:non-emergency\s+|emergency\s+)?(?:phone\s+|telephone\s+)?(?:calls?|line|number|services?|performance|contacts?|call handling|demand)\b",
        ),
        re(r"(?i)\b(?:calls?|dial|dialling|ring|ringing|phoning)\s+(?:to\s+)?(?:999|101|111)\b"),
        // File sizes and named stages: "1.2MB", "quarter three", "Tier 2", "phase one"
        re(r"(?i)\b\d+(?:\.\d+)?\s?(?:kb|mb|gb)\b"),
        re(&format!(
            r"(?i)\b(?:quarter|phase|tier|level|stage|round|wave|cohort|year)\s+(?:\d+|{WORDS})\b"
        )),
        // Postcodes: CB23 6EA, PE1 1HF
        re(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"),
        // References: page 7, pages 3-5, section 3.2, item no. 6, appendix 1, table 2
        re(
            r"(?i)\b(?:pages?|pp?\.|sections?|paras?\.?|paragraphs?|items?|no\.|number|appendix|annex|tables?|figures?|fig\.|chapters?|priority|objective|theme|clause|version|v)\s*\d+(?:\.\d+)*(?:\s*(?:[-–&]|and|to)\s*\d+)?",
        ),
        // List labels at the start: "1.", "1.1", "2)"
        re(r"^\s*(?:\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?)\s"),
        // Years on their own: 2019, in 2023 (not amounts: those have a currency sign or a comma)
        re(r"\b(?:19|20)\d\d\b"),
        // Times of day: 8pm, 10.30am, 14:00
        re(r"(?i)\b\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)\b"),
        re(r"\b\d{1,2}:\d\d\b"),
        // Ordinals: 1st, 22nd
        re(r"(?i)\b\d+(?:st|nd|rd|th)\b"),
        // Scale markers of a heading: £'000, '000s, £000 (thousands), not an amount
        re(r"(?:[£$€]\s?)?['’]000s?\b|[£$€]000s?\b"),
    ]
});

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:£|\bGBP\s?)\s?(\d[\d,]*(?:\.\d+)?)(\s?(?:bn|billion|m|million|k|thousand)\b)?")
});
static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)([+\-−–]\s?)?\b(\d[\d,]*(?:\.\d+)?|{WORDS})\s?(%|per\s?cent\b|percent\b)"
    ))
});
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(\d[\d,]*(?:\.\d+)?|{WORDS})\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b"
    ))
});
static COUNT: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(\d[\d,]*(?:\.\d+)?|{WORDS})\b")));

/// Number words, longest first so "twenty-one" wins over "twenty".
const WORDS: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine";

fn word_value(w: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let w = w.to_ascii_lowercase();
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    let mut parts = w.split(['-', ' ']);
    let first = parts.next()?;
    let tens = TENS.iter().position(|t| *t == first)? as f64 * 10.0 + 20.0;
    let unit = match parts.next() {
        Some(u) => UNITS[1..10].iter().position(|x| *x == u)? as f64 + 1.0,
        None => 0.0,
    };
    Some(tens + unit)
}

/// A number as written: digits with thousands commas, or a number word.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.chars().next()?.is_ascii_digit() {
        let digits = t.replace(',', "");
        return digits.parse().ok();
    }
    word_value(t)
}

fn multiplier(suffix: &str) -> f64 {
    match suffix.trim().to_ascii_lowercase().as_str() {
        "bn" | "billion" => 1e9,
        "m" | "million" => 1e6,
        "k" | "thousand" => 1e3,
        _ => 1.0,
    }
}

fn seconds(unit: &str) -> f64 {
    let u = unit.to_ascii_lowercase();
    if u.starts_with("sec") {
        1.0
    } else if u.starts_with("min") {
        60.0
    } else if u.starts_with('h') {
        3600.0
    } else if u.starts_with('d') {
        86_400.0
    } else {
        604_800.0
    }
}

/// An amount of money as written, in pounds: "£2,321,845", "£2.2m", "£698K", "£634,285k".
pub fn parse_money(text: &str) -> Option<f64> {
    let caps = MONEY.captures(text)?;
    let value = parse_number(&caps[1])?;
    Some(value * caps.get(2).map_or(1.0, |m| multiplier(m.as_str())))
}

/// Every quantity in a text, in order of position.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut taken = vec![false; text.len()];
    let mut out = Vec::new();
    let free = |taken: &[bool], s: usize, e: usize| !taken[s..e].iter().any(|t| *t);
    let claim =
        |taken: &mut Vec<bool>, s: usize, e: usize| taken[s..e].iter_mut().for_each(|t| *t = true);

    // Money first: "£2,019" is an amount even though 2019 looks like a year.
    for caps in MONEY.captures_iter(text) {
        let m = caps.get(0).expect("whole match");
        // "£000" is a heading's scale (thousands of pounds), not an amount
        if caps[1].starts_with("00") {
            continue;
        }
        if let Some(v) = parse_number(&caps[1]) {
            // to the penny: "£16.1m" is 16100000, not 16100000.000000002
            let scaled = v * caps.get(2).map_or(1.0, |s| multiplier(s.as_str()));
            let value = (scaled * 100.0).round() / 100.0;
            out.push(quantity(
                QuantityKind::Money,
                value,
                false,
                text,
                m.start(),
                m.end(),
            ));
            claim(&mut taken, m.start(), m.end());
        }
    }
    for caps in PERCENT.captures_iter(text) {
        let m = caps.get(0).expect("whole match");
        if !free(&taken, m.start(), m.end()) {
            continue;
        }
        if let Some(v) = parse_number(&caps[2]) {
            // "10-15%": a dash after a figure joins a range, it is not a sign
            let sign = caps
                .get(1)
                .filter(|s| {
                    !text[..s.start()]
                        .trim_end()
                        .ends_with(|c: char| c.is_ascii_digit())
                })
                .map(|s| s.as_str().trim());
            let negative = matches!(sign, Some("-" | "−" | "–"));
            let value = if negative { -v } else { v };
            out.push(quantity(
                QuantityKind::Percent,
                value,
                sign.is_some(),
                text,
                m.start(),
                m.end(),
            ));
            claim(&mut taken, m.start(), m.end());
        }
    }
    for r in NOT_QUANTITIES.iter() {
        for m in r.find_iter(text) {
            if free(&taken, m.start(), m.end()) {
                claim(&mut taken, m.start(), m.end());
            }
        }
    }
    for caps in DURATION.captures_iter(text) {
        let m = caps.get(0).expect("whole match");
        if !free(&taken, m.start(), m.end()) {
            continue;
        }
        if let Some(v) = parse_number(&caps[1]) {
            out.push(quantity(
                QuantityKind::Duration,
                v * seconds(&caps[2]),
                false,
                text,
                m.start(),
                m.end(),
            ));
            claim(&mut taken, m.start(), m.end());
        }
    }
    for caps in COUNT.captures_iter(text) {
        let m = caps.get(0).expect("whole match");
        // "one" is a pronoun far more often than a count.
        if !free(&taken, m.start(), m.end()) || m.as_str().eq_ignore_ascii_case("one") {
            continue;
        }
        if let Some(v) = parse_number(m.as_str()) {
            out.push(quantity(
                QuantityKind::Count,
                v,
                false,
                text,
                m.start(),
                m.end(),
            ));
        }
    }
    out.sort_by_key(|q| q.start);
    out
}

fn quantity(
    kind: QuantityKind,
    value: f64,
    signed: bool,
    text: &str,
    start: usize,
    end: usize,
) -> Quantity {
    Quantity {
        kind,
        value,
        signed,
        start,
        end,
        text: text[start..end].trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuantityKind::*;

    fn found(text: &str) -> Vec<(QuantityKind, f64)> {
        find_quantities(text)
            .into_iter()
            .map(|q| (q.kind, q.value))
            .collect()
    }

    #[test]
    fn money_in_every_written_form() {
        assert_eq!(parse_money("£2,321,845"), Some(2_321_845.0));
        assert_eq!(parse_money("£2.2m"), Some(2_200_000.0));
        assert_eq!(parse_money("£698K"), Some(698_000.0));
        assert_eq!(parse_money("£1.1m"), Some(1_100_000.0));
        assert_eq!(parse_money("£634,285k"), Some(634_285_000.0));
        assert_eq!(parse_money("£1.3 billion"), Some(1_300_000_000.0));
        assert_eq!(parse_money("£ 45,820"), Some(45_820.0));
        assert_eq!(parse_money("45,820"), None);
        assert_eq!(
            found("secured £820,000 of Home Office funding"),
            vec![(Money, 820_000.0)]
        );
        assert_eq!(found("more than £700k in 2020"), vec![(Money, 700_000.0)]);
    }

    #[test]
    fn a_heading_in_thousands_holds_no_amount() {
        for heading in [
            "Forecast Outturn 2017/18 £’000",
            "Budget (£000)",
            "Staff '000s",
        ] {
            assert_eq!(found(heading), vec![], "{heading}");
        }
    }

    #[test]
    fn a_bare_number_under_a_pounds_heading_is_read_by_the_caller() {
        assert_eq!(parse_number("35,000"), Some(35_000.0));
        assert_eq!(parse_number("1,543.49"), Some(1543.49));
    }

    #[test]
    fn percentages_with_signs_and_words() {
        assert_eq!(found("crime fell by 37%"), vec![(Percent, 37.0)]);
        assert_eq!(
            found("violence +8.5% and robbery -28.6%"),
            vec![(Percent, 8.5), (Percent, -28.6)]
        );
        assert_eq!(found("+ 8.5%"), vec![(Percent, 8.5)]);
        assert_eq!(found("94.5 per cent of victims"), vec![(Percent, 94.5)]);
        assert_eq!(found("Seventy-eight per cent"), vec![(Percent, 78.0)]);
        assert!(find_quantities("-11.8%")[0].signed);
        assert!(!find_quantities("37%")[0].signed);
        assert_eq!(
            found("between 10-15%"),
            vec![(Count, 10.0), (Percent, 15.0)]
        );
    }

    #[test]
    fn counts_with_digits_and_number_words() {
        assert_eq!(found("1,732 officers"), vec![(Count, 1732.0)]);
        assert_eq!(found("29,218 calls"), vec![(Count, 29_218.0)]);
        assert_eq!(
            found("five projects and nine partners"),
            vec![(Count, 5.0), (Count, 9.0)]
        );
        assert_eq!(found("twenty-one schemes"), vec![(Count, 21.0)]);
        assert_eq!(found("ninety-nine visits"), vec![(Count, 99.0)]);
        assert_eq!(found("one of the best"), vec![]);
    }

    #[test]
    fn durations_in_seconds() {
        assert_eq!(found("answered within four seconds"), vec![(Duration, 4.0)]);
        assert_eq!(found("18 hours"), vec![(Duration, 64_800.0)]);
        assert_eq!(found("3 minutes"), vec![(Duration, 180.0)]);
    }

    #[test]
    fn numbers_that_are_not_quantities() {
        for text in [
            "31 March 2024",
            "1st April",
            "in March 2023",
            "13/03/2024",
            "2024-03-13",
            "in 2019",
            "the 2013-14 report",
            "Police and Crime Plan 2017-20",
            "2023/24",
            "call 0300 333 3456",
            "999 calls were answered",
            "101 and 999 call handling",
            "calls to 999",
            "the 101 phone number",
            "the quarter three report (PDF, 1.2MB)",
            "Tier 2 areas",
            "Call 101 or dial 999",
            "CB23 6EA",
            "see page 7",
            "section 3.2",
            "Agenda Item No. 6",
            "1.1 The Commissioner",
            "open until 8pm",
            "the 22nd meeting",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn quantities_keep_their_position_and_text() {
        let q = find_quantities("In 2023 we gave £5,000 to 12 groups");
        let got: Vec<(&str, QuantityKind)> = q.iter().map(|q| (q.text.as_str(), q.kind)).collect();
        assert_eq!(got, vec![("£5,000", Money), ("12", Count)]);
        assert_eq!(
            &"In 2023 we gave £5,000 to 12 groups"[q[0].start..q[0].end],
            "£5,000"
        );
    }
}
