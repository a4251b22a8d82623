//! Themes, grants and metrics read from the corpus documents in `raw/`: the
//! plans and their themes in order, grant rows with their flows and funders,
//! and metrics with signed values, as a user of the datasets would check them.

use reportmine::document::Document;
use reportmine::extract::extract_file;
use reportmine::interpret::periods::parse_period;
use reportmine::interpret::{interpret, Context, Interpretation};
use std::path::Path;

const PCC: &str = "Cambridgeshire and Peterborough Police and Crime Commissioner";

fn read(name: &str, period: &str) -> (Document, Interpretation) {
    let rel = format!("raw/cambridgeshire-pcc/{name}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&rel);
    let doc = extract_file(&path, "doc", &rel).expect("corpus document reads");
    let ctx = Context::new(PCC, parse_period(period));
    let i = interpret(&doc, &ctx);
    (doc, i)
}

fn theme_names(i: &Interpretation) -> Vec<(String, String)> {
    i.themes
        .iter()
        .map(|t| (t.plan.clone(), t.name.clone()))
        .collect()
}

fn has_metric(i: &Interpretation, kind: &str, value: f64, subject_word: &str) -> bool {
    i.metrics.iter().any(|m| {
        m.kind == kind
            && (m.value - value).abs() < 1e-6
            && m.subject.to_lowercase().contains(subject_word)
    })
}

#[test]
fn panel_report_themes_grants_and_metrics() {
    let (_, i) = read("2024-03-13-panel-plan-progress-report.pdf", "2023-24");
    let plan = "Police and Crime Plan 2021-24".to_string();
    assert_eq!(
        theme_names(&i),
        [
            "Putting communities first",
            "Crime prevention",
            "Supporting victims and witnesses",
            "Ethical policing",
            "Robust enforcement",
        ]
        .map(|n| (plan.clone(), n.to_string()))
    );
    assert!(i.themes[0]
        .statement
        .as_deref()
        .is_some_and(|s| s.starts_with("We will ensure the police")));

    // the Commissioning and Grants breakdown, line for line, with funders by heading
    let line = |amount: i64| i.grants.iter().find(|g| g.amount_pence == amount * 100);
    let victims = line(2_321_845).expect("victim support services line");
    assert_eq!(victims.funder.as_deref(), Some("Government"));
    assert_eq!(victims.financial_year.as_deref(), Some("2023-24"));
    let youth = line(70_023).expect("youth fund line");
    assert_eq!(youth.funder.as_deref(), Some(PCC));
    // "secured £820,000 of Home Office funding" is received, the £820k CSP investment awarded
    let flows: Vec<&str> = i
        .grants
        .iter()
        .filter(|g| g.amount_pence == 82_000_000)
        .map(|g| g.flow.as_str())
        .collect();
    assert_eq!(flows, vec!["awarded", "received"]);
    // £350k of Home Office funding is the table's £352,195, listed once
    assert!(line(350_000).is_none());
    // the £21.5m invested in the Plan's priorities and the £185.2m received are metrics
    assert!(line(21_500_000).is_none() && line(185_200_000).is_none());
    assert!(has_metric(&i, "amount_gbp", 185_200_000.0, "funding"));
    assert!(has_metric(
        &i,
        "percent_change",
        -37.0,
        "residential burglaries"
    ));
    assert!(has_metric(&i, "percent_change", 26.8, "999 calls"));
    assert!(has_metric(&i, "count", 197.0, "offenders"));
    // grants and metrics carry the theme of the section they sit in
    let burglary = i.metrics.iter().find(|m| m.value == -37.0).unwrap();
    assert!(burglary
        .theme_id
        .as_deref()
        .is_some_and(|t| t.ends_with("/robust-enforcement")));
    // page numbers and list labels are not metrics
    assert!(!i.metrics.iter().any(|m| m.quote.trim() == "1."));
}

#[test]
fn annual_report_2013_14_grant_tables_become_grants() {
    let (_, i) = read("annual-report-2013-14.pdf", "2013-14");
    let names: Vec<String> = i.themes.iter().map(|t| t.name.clone()).collect();
    assert_eq!(
        names,
        vec![
            "Maintain local police performance",
            "Deliver policing within the available budget",
            "Continue to tackle crime and disorder",
            "Keeping people safe",
            "Maintain the resilience of protective services",
        ]
    );
    let from_tables: Vec<_> = i
        .grants
        .iter()
        .filter(|g| g.quote.contains(" | "))
        .collect();
    assert!(
        from_tables.len() >= 25,
        "{} table grants",
        from_tables.len()
    );
    let watch = from_tables
        .iter()
        .find(|g| g.recipient.as_deref() == Some("Neighbourhood Watch"))
        .expect("Neighbourhood Watch row");
    assert_eq!(watch.amount_pence, 250_000);
    assert_eq!(watch.financial_year.as_deref(), Some("2013-14"));
    // a budget and savings are metrics, not grants
    assert!(!i.grants.iter().any(|g| g.amount_pence == 13_106_000_000));
    assert!(has_metric(&i, "amount_gbp", 131_060_000.0, "budget"));
    assert!(has_metric(&i, "percent", 78.0, "capital programme"));
}

#[test]
fn annual_report_2020_21_tables_give_metrics_by_row_and_column() {
    let (_, i) = read("annual-report-2020-21.pdf", "2020-21");
    let names: Vec<String> = i.themes.iter().map(|t| t.name.clone()).collect();
    assert_eq!(
        names,
        vec!["Victims", "Offenders", "Communities", "Transformation"]
    );
    assert_eq!(i.themes[0].plan, "Police and Crime Plan 2017-21");
    let all_crime: Vec<(String, f64)> = i
        .metrics
        .iter()
        .filter(|m| m.subject.starts_with("All crime") && m.table_id.is_some())
        .map(|m| (m.kind.clone(), m.value))
        .collect();
    assert_eq!(
        all_crime,
        vec![
            ("percent_change".to_string(), -11.8),
            ("count".to_string(), 67_882.0),
            ("count".to_string(), 59_883.0)
        ]
    );
    // the funding table is in £m
    assert!(has_metric(&i, "amount_gbp", 156_500_000.0, "total"));
    // the £500k in the foreword is the body's £546k Safer Streets bid
    assert!(i
        .grants
        .iter()
        .any(|g| g.amount_pence == 54_600_000 && g.flow == "received"));
    assert!(!i.grants.iter().any(|g| g.amount_pence == 50_000_000));
}

#[test]
fn plan_2017_20_appendix_is_in_pounds_with_its_split_off_header() {
    let (_, i) = read("police-and-crime-plan-2017-20.pdf", "2017-20");
    assert_eq!(i.themes.len(), 4);
    assert!(i.themes[0]
        .statement
        .as_deref()
        .is_some_and(|s| s.starts_with("Victims and witnesses are placed")));
    // "Total Income -2,382" under a "£'000" header split off by the layout
    assert!(has_metric(&i, "amount_gbp", -2_382_000.0, "total income"));
    assert!(i.grants.is_empty(), "{:#?}", i.grants);
}

#[test]
fn a_council_news_page_gives_its_awards_as_grants() {
    // Another publisher's page shape: a news item listing awards "Name – £amount for purpose".
    let rel = "tests/fixtures/html/no-main-council-news.html";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let doc = extract_file(&path, "doc", rel).expect("fixture reads");
    let i = interpret(&doc, &Context::new("Fenshire District Council", None));
    let got: Vec<(i64, Option<&str>)> = i
        .grants
        .iter()
        .map(|g| {
            (
                g.amount_pence / 100,
                g.programme.as_deref().or(g.recipient.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (84_500, Some("Community Safety Partnership")),
            (22_000, Some("Fenshire Women's Aid")),
            (15_750, Some("Youth Matters")),
            (6_200, Some("Street Pastors")),
        ]
    );
    assert!(i
        .grants
        .iter()
        .all(|g| g.funder.as_deref() == Some("Fenshire District Council")));
    // "Groups can bid for between £500 and £25,000" is the size a grant may be
    assert!(has_metric(&i, "amount_gbp", 25_000.0, "bid"));
}

/// A table fixture's interpretation, for a council that is no commissioner.
fn fixture_interpretation(name: &str) -> Interpretation {
    let rel = format!("tests/fixtures/pdf/{name}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&rel);
    let doc = extract_file(&path, "doc", &rel).expect("fixture reads");
    interpret(&doc, &Context::new("Fenshire District Council", None))
}

/// Each grant's whole pounds and recipient.
fn awards(i: &Interpretation) -> Vec<(i64, &str)> {
    i.grants
        .iter()
        .map(|g| (g.amount_pence / 100, g.recipient.as_deref().unwrap_or("")))
        .collect()
}

#[test]
fn a_borderless_grants_table_gives_whole_recipients_and_purposes() {
    // a word processor's table with its borders off, purposes wrapped over up to five lines
    let i = fixture_interpretation("borderless-tables.pdf");
    assert_eq!(
        awards(&i),
        vec![
            (48_250, "Northfield Youth Action Trust"),
            (12_000, "Victim Support"),
            (36_400, "Riverside Domestic Abuse Advocacy Service"),
            (9_500, "Safer Roads Partnership"),
            (2_750, "Eastgate Neighbourhood Watch Association"),
        ]
    );
    let youth = &i.grants[0];
    assert!(youth.purpose.as_deref().is_some_and(
        |p| p.starts_with("Detached youth workers") && p.ends_with("on the outcomes achieved.")
    ));
}

#[test]
fn a_grants_table_ruled_between_rows_gives_every_award() {
    // "Amount (£)" flush left stands clear of the amounts flush right beneath it
    let i = fixture_interpretation("word-grants-table.pdf");
    assert_eq!(
        awards(&i),
        vec![
            (45_000, "Cambridge Women's Aid"),
            (12_500, "Peterborough Youth Trust"),
            (8_750, "Fenland Rural Watch"),
            (20_000, "Huntingdon Mind"),
        ]
    );
}
