//! Grants: money flows to or from a named recipient, service, programme or
//! fund, from three places:
//!
//! - grant tables (a recipient-like column and an amount-like column);
//! - "label £amount" lines in a section about grants, funds or commissioning;
//! - sentences in which an amount is awarded, invested, distributed, secured
//!   or received ("secured £820,000 of Home Office funding").
//!
//! Budgets, total funding, savings, reserves, contracts, confiscations and
//! spending totals are not grants: the metrics recogniser reports them.
//! The same grant stated twice in a document is kept once (the exact amount
//! over a rounded one).

use super::passages::{is_list_table, Sentence};
use super::periods::year_spans;
use super::quantities::{parse_money, parse_number, Quantity, QuantityKind};
use super::tables::scale_in;
use super::text::{clean, content_words, first_words};
use super::Context;
use crate::document::{BlockKind, Document, Table};
use regex::Regex;
use std::sync::LazyLock;

/// A grant before IDs and themes are given.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundGrant {
    pub block: usize,
    pub flow: &'static str,
    pub funder: Option<String>,
    pub recipient: Option<String>,
    pub programme: Option<String>,
    pub purpose: Option<String>,
    pub amount: f64,
    pub amount_text: String,
    pub financial_year: Option<String>,
    pub quote: String,
    /// Where it came from, most specific first: table 0, line 1, sentence 2.
    pub specificity: u8,
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid grant regex")
}

/// Words that make a money figure something other than a grant.
static NOT_A_GRANT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(budget|precept|council tax|reserves?|savings?|saved|underspend|overspend|spending|spent|expenditure|contract|maximum|confiscation|compensation|forfeiture|seized|costs?|a total of|in total|total funding received|paid back|pay back|efficienc\w+|turnover|salary|salaries|funding for the (?:period|year)|financ\w+)\b",
    )
});
/// Amounts a grant may be, not amounts given: "between £500 and £25,000", "up to £2,000".
static GRANT_SIZE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:between\s+£|up\s+to\s+(?:a\s+)?(?:maximum\s+)?(?:of\s+)?£|minimum|can\s+bid|can\s+apply|may\s+apply|could\s+apply)",
    )
});
/// Words anywhere in a sentence that make its amounts contracts or budgets.
static NOT_A_GRANT_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(contracts?|procurement|tender\w*|budget requirement|net budget)\b")
});
static LINE_PURPOSE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:for|to)\s+(.{3,160})$"));
/// Lines of a breakdown that are totals or budgets, not grants.
static NOT_A_LINE_GRANT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(total|sub-?total|budget|expenditure|income|precept|net )|\b(budget|expenditure)\b")
});
/// Verbs and nouns of a money flow out of the publisher.
static AWARDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(award\w*|grant(?:s|ed)?|invest\w*|provided|provides|distributed|allocat\w+|contribution|fund(?:ed|ing|s)?|commission\w*|monies|money|gave|given|donat\w+)\b",
    )
});
/// Verbs of a money flow into the publisher or its area.
static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(secured|securing|received|receiving|successful\s+(?:in\s+its\s+|\w+\s+){0,2}bids?|bid for|(?:brought|bringing)\s+(?:in\s+)?(?:an?\s+)?(?:extra\s+|additional\s+)?£|won|attracted|obtained)\b",
    )
});
/// Funders named in text, general to UK public bodies.
static FUNDER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(Home Office|Ministry of Justice|MoJ|Youth Justice Board|Department (?:for|of) [A-Z][\w]+(?: (?:and|&) [A-Z][\w]+)?|National Lottery(?: Community Fund)?|Arts Council|Sport England|Lottery|Police and Crime Commissioner|Office for [A-Z]\w+|NHS England|Public Health England|Cabinet Office|Treasury)\b",
    )
});
/// Named funds and programmes: capitalised words ending in a fund-like noun.
static PROGRAMME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b((?:[A-Z][\w'’&/-]*\s+)(?:(?:and|&|of|for|to)\s+|[A-Z0-9][\w'’&/-]*\s+){0,6}(?:(?i:Fund|Funding|Grant|Grants|Programme|Program|Scheme|Initiative|Project|Partnership|Service|Services)|Streets(?:\s+\d+(?:\s*(?:&|and)\s*\d+)?)?))\b",
    )
});
/// Where a recipient phrase starts ("to", "into", "in", "towards", "for") and ends.
static RECIPIENT_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:to|into|in|towards|for)\s+"));
static RECIPIENT_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s+(?:to|in order to|which|who|that|including|during|from|over|across|since|for|in\s+(?:19|20)\d\d|by)\b|[,.;()]",
    )
});
static PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:to|for)\s+((?:support|provide|help|tackle|develop|fund|deliver|enable|improve|prevent|reduce|divert|protect|keep|stop|build|establish|accelerate|research|pilot)\b[^.;]{3,160})",
    )
});
static MULTI_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(since|over (?:the|a) (?:\w+[- ])?years?|(?:two|three|four|five|\d)[- ]year|across a|cumulative)\b",
    )
});
static GRANT_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(grants?|funds?|funding|commissioning|awards?|allocations?|investment)\b")
});
static RECIPIENT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(partner|recipient|organi[sz]ation|provider|project|grantee|beneficiary|scheme|service|applicant|group|charity|awarded to)\b",
    )
});
static AMOUNT_HEADER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(allocation|award|amount|grant|funding|value|£)"));
static PURPOSE_HEADER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(rationale|purpose|description|detail|use|outcome|aim)"));

/// Every grant in the document, duplicates merged.
pub fn find_grants(doc: &Document, sentences: &[Sentence<'_>], ctx: &Context) -> Vec<FoundGrant> {
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if let Some(t) = b.table.as_ref().filter(|t| !is_list_table(t)) {
            out.extend(table_grants(doc, i, t, ctx));
        }
    }
    for s in sentences {
        if let Some(g) = line_grant(doc, s, ctx) {
            out.push(g);
        } else {
            out.extend(sentence_grants(s, ctx));
        }
    }
    merge_duplicates(out)
}

/// Rows of a table with a recipient column and an amount column.
fn table_grants(doc: &Document, i: usize, t: &Table, ctx: &Context) -> Vec<FoundGrant> {
    let header_rows = t.header_rows.max(1) as usize;
    let Some(header) = t.rows.first() else {
        return Vec::new();
    };
    let header: Vec<String> = (0..header.len())
        .map(|c| {
            t.rows[..header_rows.min(t.rows.len())]
                .iter()
                .filter_map(|r| r.get(c).map(|x| x.text.trim().to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let who = header.iter().position(|h| RECIPIENT_HEADER.is_match(h));
    let amount = header
        .iter()
        .enumerate()
        .position(|(c, h)| Some(c) != who && AMOUNT_HEADER.is_match(h));
    let (Some(who), Some(amount)) = (who, amount) else {
        return Vec::new();
    };
    let why = header
        .iter()
        .enumerate()
        .position(|(c, h)| c != who && c != amount && PURPOSE_HEADER.is_match(h));
    // an amounts column headed "£000" or "£m" gives its figures in thousands or millions
    let scale = scale_in(&header[amount]).unwrap_or(1.0);
    let context = section_context(doc, i);
    let programme = programme_of_section(doc, i);
    let mut out = Vec::new();
    let mut last_recipient = String::new();
    for row in t.rows.iter().skip(header_rows) {
        let cell = |c: usize| row.get(c).map(|x| clean(&x.text)).unwrap_or_default();
        let (own, amount_text) = (cell(who), cell(amount));
        // a recipient cell spanning rows is written in its first row only
        if !own.is_empty() {
            last_recipient = own;
        }
        let recipient = last_recipient.clone();
        let Some(value) = table_amount(&amount_text, scale) else {
            continue;
        };
        if recipient.is_empty() || recipient.to_lowercase().starts_with("total") {
            continue;
        }
        let purpose = why.map(cell).filter(|p| !p.is_empty());
        let quote = [recipient.as_str(), amount_text.as_str()]
            .into_iter()
            .chain(purpose.as_deref())
            .collect::<Vec<_>>()
            .join(" | ");
        out.push(FoundGrant {
            block: i,
            flow: "awarded",
            funder: Some(funder_named(&context).unwrap_or_else(|| ctx.publisher.to_string())),
            recipient: Some(recipient),
            programme: programme.clone(),
            purpose,
            amount: value,
            amount_text,
            financial_year: single_year(&context).or_else(|| ctx.financial_year.clone()),
            quote,
            specificity: 0,
        });
    }
    out
}

/// A grant table's amount cell in pounds: a bare figure in the column's
/// scale ("45,820", "45.8" under "£000"), or money with its own multiplier
/// ("£12.5k", "£1.2m"); a footnote mark after it is not part of it.
fn table_amount(text: &str, scale: f64) -> Option<f64> {
    let t = text
        .trim()
        .trim_end_matches(['*', '†', '¹', '²', '³'])
        .replace(['£', ' '], "");
    if t.is_empty() {
        return None;
    }
    let value = if t
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        parse_number(&t).map(|v| v * scale)
    } else {
        whole_money(&t)
    };
    value.filter(|v| *v > 0.0)
}

/// "12.5k", "1.2m", "2bn" (the pound sign taken off) as pounds, when that is all the text is.
fn whole_money(t: &str) -> Option<f64> {
    static MULTIPLIED: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^\d[\d,]*(?:\.\d+)?(?:k|m|bn|million|thousand)$"));
    MULTIPLIED
        .is_match(t)
        .then(|| parse_money(&format!("£{t}")))
        .flatten()
}

/// "Label £amount" lines (list items, rows of list tables) in a section about grants.
fn line_grant(doc: &Document, s: &Sentence<'_>, ctx: &Context) -> Option<FoundGrant> {
    let money: Vec<&Quantity> = s
        .quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Money)
        .collect();
    let [q] = money.as_slice() else { return None };
    let label = s.text[..q.start]
        .trim()
        .trim_end_matches(['–', '-', ':'])
        .trim();
    // "Label – £22,000 for an outreach worker": what it is for follows
    let rest = s.text[q.end..].trim().trim_end_matches('.');
    let purpose = LINE_PURPOSE.captures(rest).map(|c| trim_phrase(&c[1]));
    let is_line = (q.end >= s.text.trim_end_matches('.').len() || purpose.is_some())
        && (1..=10).contains(&label.split_whitespace().count())
        && !label.contains(['.', ','])
        && label.starts_with(|c: char| c.is_uppercase());
    let index = s.block.index as usize;
    let section = section_context(doc, index);
    if !is_line || !GRANT_SECTION.is_match(&section) || NOT_A_LINE_GRANT.is_match(label) {
        return None;
    }
    let heading = nearest_label(doc, index);
    let funder = if heading.to_lowercase().contains("government") {
        Some("Government".to_string())
    } else {
        Some(funder_named(label).unwrap_or_else(|| ctx.publisher.to_string()))
    };
    Some(FoundGrant {
        block: index,
        flow: "awarded",
        funder,
        recipient: None,
        programme: Some(label.to_string()),
        purpose,
        amount: q.value,
        amount_text: q.text.clone(),
        financial_year: single_year(&section).or_else(|| ctx.financial_year.clone()),
        quote: s.text.clone(),
        specificity: 1,
    })
}

/// Amounts in a sentence that flow to or from a named party.
fn sentence_grants(s: &Sentence<'_>, ctx: &Context) -> Vec<FoundGrant> {
    let text = &s.text;
    let received = RECEIVED.is_match(text);
    if !AWARDED.is_match(text) && !received || NOT_A_GRANT_SENTENCE.is_match(text) {
        return Vec::new();
    }
    let index = s.block.index as usize;
    s.quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Money && q.value >= 100.0)
        .filter(|q| {
            let near = around(text, q);
            !NOT_A_GRANT.is_match(&near)
                && !GRANT_SIZE.is_match(&near)
                && !is_change_in_amount(text, q)
        })
        .filter_map(|q| {
            let after = &text[q.end..];
            let recipient = recipient_phrases(after)
                .map(|r| trim_phrase(without_leading_year(r)))
                .find(|r| r.split_whitespace().count() >= 2 && !DATE_LIKE.is_match(r));
            // "invested £21.5m in the delivery of the Plan" is a spending total
            if recipient
                .as_deref()
                .is_some_and(|r| r.to_lowercase().contains("plan") || r.contains("priorities"))
            {
                return None;
            }
            let programme = PROGRAMME
                .captures_iter(text)
                .map(|c| c[1].trim().to_string())
                .map(|p| without_funder(&p))
                .find(|p| p.split_whitespace().count() >= 2 && !starts_with_determiner(p))
                .or_else(|| s.lead_in.clone());
            let funder = funder_named(text);
            let flow = if received && !near_awarding(text, q) {
                "received"
            } else {
                "awarded"
            };
            // who received it: the sentence's subject ("Three proposals ... secured £X"),
            // or what the amount is worth ("Three additional advisors funded – worth £220k")
            let recipient = recipient
                .or_else(|| {
                    (flow == "received")
                        .then(|| receiving_subject(text))
                        .flatten()
                })
                .or_else(|| clause_before(text, q));
            if recipient.is_none() && programme.is_none() {
                return None;
            }
            let funder = match flow {
                // the funder of money received is named after the verb, not as its subject
                "received" => RECEIVED
                    .find(text)
                    .and_then(|v| funder_named(&text[v.start()..])),
                // "the Police and Crime Commissioner awarded": the publisher itself
                _ => funder
                    .filter(|f| !ctx.publisher.contains(f.as_str()))
                    .or_else(|| Some(ctx.publisher.to_string())),
            };
            Some(FoundGrant {
                block: index,
                flow,
                funder,
                recipient,
                programme,
                purpose: PURPOSE.captures(text).map(|c| trim_phrase(&c[1])),
                amount: q.value,
                amount_text: q.text.clone(),
                financial_year: sentence_year(text)
                    .or_else(|| (!spans_years(text)).then(|| ctx.financial_year.clone())?),
                quote: text.clone(),
                specificity: 2,
            })
        })
        .collect()
}

/// Phrases after each "to", "into", "in", "towards" or "for", up to where they end:
/// "in grants to eleven local groups for the year" gives "grants", "eleven local groups", ...
fn recipient_phrases(text: &str) -> impl Iterator<Item = &str> {
    RECIPIENT_START.find_iter(text).filter_map(move |m| {
        let rest = &text[m.end()..];
        let end = RECIPIENT_END.find(rest).map_or(rest.len(), |e| e.start());
        let phrase = rest[..end].trim();
        (3..=90).contains(&phrase.len()).then_some(phrase)
    })
}

/// Whether an awarding verb sits closer to the amount than a receiving one.
fn near_awarding(text: &str, q: &Quantity) -> bool {
    let distance = |r: &Regex| {
        r.find_iter(text)
            .map(|m| m.start().abs_diff(q.start))
            .min()
            .unwrap_or(usize::MAX)
    };
    static AWARDING: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(award\w*|distributed|allocat\w+|gave|given|provided)\b"));
    distance(&AWARDING) < distance(&RECEIVED)
}

/// Phrases after "to" that are dates or spans, not recipients ("up to 31st March 2025").
static DATE_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+(?:19|20)\d\d|\bperiod\b|^(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    )
});

/// "2023/24 into the provision of support" gives "the provision of support".
fn without_leading_year(text: &str) -> &str {
    static LEADING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?:19|20)\d\d(?:\s*[-/–]\s*\d{2,4})?\s*(?:(?:into|in|to|towards|for)\s+)?")
    });
    LEADING_YEAR.find(text).map_or(text, |m| &text[m.end()..])
}

/// "Home Office Safer Streets fund" gives "Safer Streets fund": the funder is its own column.
fn without_funder(name: &str) -> String {
    match FUNDER.find(name) {
        Some(f) if f.start() == 0 => name[f.end()..].trim().to_string(),
        _ => name.to_string(),
    }
}

fn starts_with_determiner(name: &str) -> bool {
    const DETERMINERS: [&str; 9] = ["The", "A", "An", "This", "That", "Our", "Its", "His", "Her"];
    name.split_whitespace()
        .next()
        .is_some_and(|w| DETERMINERS.contains(&w))
}

fn receiving_subject(text: &str) -> Option<String> {
    let verb = RECEIVED.find(text)?;
    let head = &text[..verb.start()];
    // after a lead-in ("Safer Streets 5 – Three proposals ... secured")
    let head = head.split_once(" – ").map_or(head, |(_, rest)| rest);
    let head = head.split([',', '–', ';']).next()?.trim();
    let words = head.split_whitespace().count();
    (1..=12).contains(&words).then(|| head.to_string())
}

/// The clause before an amount, when it names something ("… advisors funded for two years – worth £220k").
fn clause_before(text: &str, q: &Quantity) -> Option<String> {
    let head = text[..q.start].trim_end();
    let head = head
        .rsplit_once(['–', ';', '(', ':'])
        .map_or(head, |(before, after)| {
            if after.split_whitespace().count() >= 3 {
                after
            } else {
                before
            }
        });
    let words: Vec<&str> = head.split_whitespace().collect();
    let keep = &words[words.len().saturating_sub(12)..];
    (keep.len() >= 2).then(|| trim_phrase(&keep.join(" ")))
}

/// "a £6m increase", "a reduction of £1.74m": a change in an amount, not a flow.
fn is_change_in_amount(text: &str, q: &Quantity) -> bool {
    static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^\s*(?:increase|decrease|reduction|rise|cut|drop|fall|uplift)\b")
    });
    static CHANGE_OF: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:increase|decrease|reduction|rise|cut|drop|fall|uplift)\s+of\s+(?:more than\s+|over\s+|almost\s+|nearly\s+)?$",
        )
    });
    CHANGE.is_match(&text[q.end..]) || CHANGE_OF.is_match(&text[..q.start])
}

/// Ten words before an amount and six after: where words that make it a
/// budget, a total or a saving sit.
fn around(text: &str, q: &Quantity) -> String {
    let before: Vec<&str> = text[..q.start].split_whitespace().collect();
    let after: Vec<&str> = text[q.end..].split_whitespace().take(6).collect();
    let from = before.len().saturating_sub(10);
    format!(
        "{} {} {}",
        before[from..].join(" "),
        q.text,
        after.join(" ")
    )
}

fn trim_phrase(text: &str) -> String {
    const TRAILING: [&str; 8] = ["to", "of", "for", "in", "and", "the", "a", "with"];
    let t = text.trim().trim_end_matches(['.', ',', ';']);
    let mut words: Vec<&str> = t.split_whitespace().take(14).collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| TRAILING.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    first_words(&words.join(" "), 14)
}

/// The section heading and the paragraph before a block: where tables and
/// lists say what their amounts are.
fn section_context(doc: &Document, i: usize) -> String {
    let mut parts: Vec<String> = doc.blocks[i].section.clone();
    for b in doc.blocks[..i].iter().rev().take(3) {
        if b.kind == BlockKind::Heading {
            break;
        }
        if b.kind == BlockKind::Paragraph {
            parts.push(b.text.clone());
        }
    }
    parts.join(" ")
}

/// The nearest heading or short label paragraph above a block ("All government grants").
fn nearest_label(doc: &Document, i: usize) -> String {
    doc.blocks[..i]
        .iter()
        .rev()
        .find(|b| {
            b.kind == BlockKind::Heading
                || (b.kind == BlockKind::Paragraph && b.text.split_whitespace().count() <= 8)
        })
        .map(|b| b.text.clone())
        .unwrap_or_default()
}

/// A table's programme: its section heading without a "Grants –" prefix.
fn programme_of_section(doc: &Document, i: usize) -> Option<String> {
    let h = doc.blocks[i].section.last()?;
    let h = h.split_once(['–', '-']).map_or(h.as_str(), |(a, b)| {
        if a.to_lowercase().contains("grant") {
            b
        } else {
            h
        }
    });
    Some(h.trim().to_string()).filter(|h| !h.is_empty())
}

fn funder_named(text: &str) -> Option<String> {
    FUNDER.captures(text).map(|c| c[1].to_string())
}

/// The one financial year a text names ("2023-24", "2023/24"), normalised.
fn single_year(text: &str) -> Option<String> {
    let years: Vec<String> = year_spans(text)
        .into_iter()
        .filter(|(first, last)| last - first == 1)
        .map(|(first, last)| format!("{first}-{:02}", last % 100))
        .collect();
    let first = years.first()?;
    years.iter().all(|y| y == first).then(|| first.clone())
}

fn sentence_year(text: &str) -> Option<String> {
    if spans_years(text) {
        return None;
    }
    single_year(text)
}

/// Whether a text speaks of a flow over several years ("since 2021", "during 2022-25").
fn spans_years(text: &str) -> bool {
    MULTI_YEAR.is_match(text)
        || year_spans(text)
            .into_iter()
            .any(|(first, last)| last - first > 1)
}

/// One row per grant: the same amount with a shared word (or a rounded
/// amount within 2% of an exact one) is the same grant; the most specific
/// statement is kept.
fn merge_duplicates(mut grants: Vec<FoundGrant>) -> Vec<FoundGrant> {
    let mut order: Vec<usize> = (0..grants.len()).collect();
    order.sort_by_key(|&i| {
        let g = &grants[i];
        (
            g.specificity,
            std::cmp::Reverse(significant_digits(&g.amount_text)),
            i,
        )
    });
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        let g = &grants[i];
        let duplicate = kept.iter().any(|&k| same_grant(&grants[k], g));
        if !duplicate {
            kept.push(i);
        }
    }
    kept.sort_unstable();
    let mut out = Vec::with_capacity(kept.len());
    for (i, g) in grants.drain(..).enumerate() {
        if kept.contains(&i) {
            out.push(g);
        }
    }
    out
}

/// Significant digits of an amount as written: "£500k" 1, "£546k" 3, "£352,195" 6.
fn significant_digits(amount_text: &str) -> usize {
    let digits: String = amount_text.chars().filter(|c| c.is_ascii_digit()).collect();
    let whole = amount_text.split('.').next().unwrap_or("");
    let whole_digits = whole.chars().filter(|c| c.is_ascii_digit()).count();
    if digits.len() > whole_digits {
        digits.trim_start_matches('0').len()
    } else {
        digits.trim_matches('0').len()
    }
}

fn same_grant(kept: &FoundGrant, g: &FoundGrant) -> bool {
    // rows of one table and lines of one list are distinct grants by construction
    if kept.specificity == g.specificity && g.specificity < 2 {
        return false;
    }
    let precision = significant_digits(&g.amount_text);
    let rounded = precision < significant_digits(&kept.amount_text);
    let exact = (kept.amount - g.amount).abs() < 0.5;
    // the same precise amount stated twice ("£698K" and "£698,000") is one grant,
    // as is the same amount flowing the same way
    if exact && (precision >= 3 || kept.flow == g.flow) {
        return true;
    }
    let near = rounded && (kept.amount - g.amount).abs() <= 0.02 * kept.amount;
    let roughly = rounded && (kept.amount - g.amount).abs() <= 0.1 * kept.amount;
    if roughly && !near && !exact {
        // "an extra £500k ... Safer Streets fund" and "£546k from the Safer Streets fund"
        let names = |x: &FoundGrant| {
            let mut w = content_words(x.programme.as_deref().unwrap_or(""));
            w.extend(content_words(x.recipient.as_deref().unwrap_or("")));
            w
        };
        let a = names(kept);
        return kept.flow == g.flow && names(g).iter().filter(|w| a.contains(w)).count() >= 2;
    }
    if !(exact || near) {
        return false;
    }
    let words = |x: &FoundGrant| {
        let mut w = content_words(x.programme.as_deref().unwrap_or(""));
        w.extend(content_words(x.recipient.as_deref().unwrap_or("")));
        w.extend(content_words(x.purpose.as_deref().unwrap_or("")));
        w.retain(|w| w.len() > 2);
        w
    };
    let a = words(kept);
    let shared = words(g).iter().filter(|w| a.contains(w)).count();
    shared >= 2 && kept.flow == g.flow || shared >= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, RawBlock};
    use crate::interpret::passages::sentences_of;

    const PCC: &str = "The Commissioner";

    fn ctx() -> Context<'static> {
        Context {
            publisher: PCC,
            financial_year: Some("2023-24".into()),
            plan: None,
        }
    }

    fn grants_of(blocks: Vec<RawBlock>) -> Vec<FoundGrant> {
        let doc =
            Document::from_raw_blocks("d".into(), "x".into(), Format::Pdf, None, None, blocks);
        let s = sentences_of(&doc);
        find_grants(&doc, &s, &ctx())
    }

    fn p(t: &str) -> RawBlock {
        RawBlock::new(BlockKind::Paragraph, t)
    }

    fn heading(t: &str) -> RawBlock {
        let mut b = RawBlock::new(BlockKind::Heading, t);
        b.level = Some(2);
        b
    }

    #[test]
    fn sentences_give_flows_funders_and_recipients() {
        let g = grants_of(vec![
            p("Three partnership proposals secured £820,000 of Home Office funding."),
            p("Flexing to respond to needs, £59,450 was awarded by the Commissioner to voluntary and community organisations."),
            p("The Commissioner received a total of £185.2m of funding for the year."),
            p("In a four-year period the Commissioner has invested £21.5m in the delivery of the Police and Crime Plan priorities."),
        ]);
        assert_eq!(g.len(), 2, "{g:#?}");
        assert_eq!((g[0].flow, g[0].amount), ("received", 820_000.0));
        assert_eq!(g[0].funder.as_deref(), Some("Home Office"));
        assert_eq!(g[1].flow, "awarded");
        assert_eq!(g[1].funder.as_deref(), Some(PCC));
        assert_eq!(
            g[1].recipient.as_deref(),
            Some("voluntary and community organisations")
        );
    }

    #[test]
    fn lines_in_a_grants_section_and_rounded_repeats() {
        let g = grants_of(vec![
            p("Tackling serious violence – the Commissioner distributed £350k of Home Office funding in 2023/24 to early intervention projects."),
            heading("Commissioning and Grants"),
            p("In 2023-24 this is broken down into:"),
            heading("All government grants"),
            RawBlock::new(BlockKind::ListItem, "• Serious Violence £352,195"),
            RawBlock::new(BlockKind::ListItem, "• Youth Fund £70,023"),
        ]);
        let amounts: Vec<f64> = g.iter().map(|g| g.amount).collect();
        assert_eq!(amounts, vec![352_195.0, 70_023.0], "{g:#?}");
        assert_eq!(g[0].funder.as_deref(), Some("Government"));
        assert_eq!(g[0].programme.as_deref(), Some("Serious Violence"));
        assert_eq!(g[0].financial_year.as_deref(), Some("2023-24"));
    }

    #[test]
    fn money_the_publisher_receives_names_its_funder_after_the_verb() {
        let g = grants_of(vec![p(
            "In December 2013 the Office of the Police and Crime Commissioner received £299k from the Ministry of Justice to commission victims services.",
        )]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].flow, "received");
        assert_eq!(g[0].funder.as_deref(), Some("Ministry of Justice"));
    }

    #[test]
    fn award_lists_with_purposes_and_eligibility_ranges() {
        let g = grants_of(vec![
            p("The Community Safety Partnership has awarded £84,500 in grants to eleven local groups for the coming year."),
            RawBlock::new(BlockKind::ListItem, "Street Pastors – £6,200 for volunteer patrols in the town centre."),
            p("Groups can bid for between £500 and £25,000."),
        ]);
        let got: Vec<(f64, Option<&str>, Option<&str>)> = g
            .iter()
            .map(|g| (g.amount, g.recipient.as_deref(), g.purpose.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (84_500.0, Some("eleven local groups"), None),
                (6_200.0, None, Some("volunteer patrols in the town centre")),
            ]
        );
        assert_eq!(g[1].programme.as_deref(), Some("Street Pastors"));
    }

    #[test]
    fn grant_tables_give_one_grant_per_row() {
        let mut t = RawBlock::new(BlockKind::Table, "");
        t.table = Some(Table::from_texts(
            vec![
                vec!["Partner", "Allocation 2013-14 (£)", "Rationale"],
                vec!["Neighbourhood Watch", "2,500", "Marketing"],
                vec!["", "1,000", "Training"],
                vec!["Total", "3,500", ""],
            ],
            1,
        ));
        let g = grants_of(vec![heading("Grants – Victims Services"), t]);
        assert_eq!(g.len(), 2);
        // the second row's recipient cell spans from the row above
        assert_eq!(g[1].recipient.as_deref(), Some("Neighbourhood Watch"));
        assert_eq!(g[1].amount, 1000.0);
        assert_eq!(g[0].recipient.as_deref(), Some("Neighbourhood Watch"));
        assert_eq!(g[0].programme.as_deref(), Some("Victims Services"));
        assert_eq!(g[0].purpose.as_deref(), Some("Marketing"));
        assert_eq!(g[0].amount, 2500.0);
    }

    fn table(rows: Vec<Vec<&str>>) -> RawBlock {
        let mut t = RawBlock::new(BlockKind::Table, "");
        t.table = Some(Table::from_texts(rows, 1));
        t
    }

    #[test]
    fn grant_tables_in_thousands_and_amounts_with_their_own_multiplier() {
        let g = grants_of(vec![
            heading("Community safety grants"),
            table(vec![
                vec!["Applicant", "Amount (£000)"],
                vec!["Fenland Youth Group", "12.5"],
                vec!["Wisbech Community Church", "40"],
            ]),
            table(vec![
                vec!["Awarded to", "Grant"],
                vec!["Victim Support", "£1.2m"],
                vec!["Street Pastors", "£45k*"],
                vec!["Rural watch", "£ 2,000"],
            ]),
        ]);
        let got: Vec<(&str, f64)> = g
            .iter()
            .map(|g| (g.recipient.as_deref().unwrap(), g.amount))
            .collect();
        assert_eq!(
            got,
            [
                ("Fenland Youth Group", 12_500.0),
                ("Wisbech Community Church", 40_000.0),
                ("Victim Support", 1_200_000.0),
                ("Street Pastors", 45_000.0),
                ("Rural watch", 2_000.0),
            ]
        );
        assert_eq!(g[0].amount_text, "12.5", "the figure as printed");
    }
}
