//! Reporting periods: "2013-14" (a UK financial year), "2017-20", "2023/24",
//! "2021-2024", "2023", or explicit "2013-04-01/2014-03-31".

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

pub type Period = (NaiveDate, NaiveDate);

/// A span of UK public-sector financial years: 1 April of the first to 31 March after the last.
fn financial_years(first: i32, last_end: i32) -> Option<Period> {
    Some((
        NaiveDate::from_ymd_opt(first, 4, 1)?,
        NaiveDate::from_ymd_opt(last_end, 3, 31)?,
    ))
}

/// Parses a period as written in configuration.
pub fn parse_period(text: &str) -> Option<Period> {
    let t = text.trim();
    if let Some((a, b)) = t.split_once('/') {
        if let (Ok(a), Ok(b)) = (
            NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d"),
            NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d"),
        ) {
            return (a <= b).then_some((a, b));
        }
    }
    if let Some(p) = year_span(t).filter(|_| YEAR_SPAN.find(t).is_some_and(|m| m.as_str() == t)) {
        return Some(p);
    }
    if t.len() == 4 {
        let y: i32 = t.parse().ok()?;
        return Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        ));
    }
    None
}

static YEAR_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)\b").expect("valid regex")
});

/// The first year span in a text ("Annual Report 2013-14" gives April 2013 to March 2014).
pub fn year_span(text: &str) -> Option<Period> {
    let caps = YEAR_SPAN.captures(text)?;
    let (first, last) = span_years(&caps[1], &caps[2])?;
    financial_years(first, last)
}

/// Every year span in a text as (first year, last year): "2023/24" gives (2023, 2024).
pub fn year_spans(text: &str) -> Vec<(i32, i32)> {
    YEAR_SPAN
        .captures_iter(text)
        .filter_map(|c| span_years(&c[1], &c[2]))
        .collect()
}

/// The years of a span written "2013" and "14" (or "2014"); spans that run
/// backwards or over more than 10 years are not periods.
pub fn span_years(first: &str, second: &str) -> Option<(i32, i32)> {
    let first: i32 = first.parse().ok()?;
    let last: i32 = if second.len() == 2 {
        let century = first / 100 * 100;
        let mut y = century + second.parse::<i32>().ok()?;
        if y < first {
            y += 100;
        }
        y
    } else {
        second.parse().ok()?
    };
    // "2013-14" is one financial year; spans longer than 10 years are not periods.
    (last > first && last - first <= 10).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn financial_years_and_spans() {
        assert_eq!(
            parse_period("2013-14"),
            Some((d(2013, 4, 1), d(2014, 3, 31)))
        );
        assert_eq!(
            parse_period("2017-20"),
            Some((d(2017, 4, 1), d(2020, 3, 31)))
        );
        assert_eq!(
            parse_period("2023/24"),
            Some((d(2023, 4, 1), d(2024, 3, 31)))
        );
        assert_eq!(
            parse_period("2021-2024"),
            Some((d(2021, 4, 1), d(2024, 3, 31)))
        );
        assert_eq!(
            parse_period("1999-00"),
            Some((d(1999, 4, 1), d(2000, 3, 31)))
        );
        assert_eq!(parse_period("2023"), Some((d(2023, 1, 1), d(2023, 12, 31))));
        assert_eq!(
            parse_period("2020-01-01/2020-06-30"),
            Some((d(2020, 1, 1), d(2020, 6, 30)))
        );
        assert_eq!(parse_period("2020-06-30/2020-01-01"), None);
        assert_eq!(parse_period("next year"), None);
    }

    #[test]
    fn spans_found_in_titles() {
        assert_eq!(
            year_span("Annual Report 2020-21"),
            Some((d(2020, 4, 1), d(2021, 3, 31)))
        );
        assert_eq!(
            year_span("Police and Crime Plan 2017-20 draft"),
            Some((d(2017, 4, 1), d(2020, 3, 31)))
        );
        assert_eq!(year_span("Call 0300 333 3456"), None);
        assert_eq!(year_span("2024-03-13 panel"), None);
    }
}
