//! The HTML engine on the corpus page and on common CMS page shapes.

use reportmine::document::{BlockKind, Document};
use reportmine::extract::extract_file;
use std::path::Path;

fn extract(rel: &str) -> Document {
    extract_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel), "id", rel).unwrap()
}

fn headings(doc: &Document) -> Vec<(u8, &str)> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| (b.level.unwrap(), b.text.as_str()))
        .collect()
}

fn table_rows(doc: &Document, n: usize) -> Vec<Vec<&str>> {
    let t = doc
        .blocks
        .iter()
        .filter_map(|b| b.table.as_ref())
        .nth(n)
        .expect("table");
    t.texts()
}

fn assert_absent(doc: &Document, words: &[&str]) {
    let text = doc.to_text();
    for w in words {
        assert!(!text.contains(w), "furniture {w:?} in the output");
    }
}

const CORPUS: &str = "raw/cambridgeshire-pcc/annual-report-2023-24.html";

#[test]
fn corpus_page_keeps_the_article_and_drops_the_furniture() {
    let doc = extract(CORPUS);
    assert_eq!(doc.title.as_deref(), Some("Annual report 2023-2024"));
    assert_absent(
        &doc,
        &[
            "We use cookies",
            "Accept",
            "Skip to",
            "Back to top",
            "Page last updated",
            "In this section",
            "Search",
        ],
    );
    // The theme tiles are the article's own contents (in-page links), so they stay.
    assert!(doc.to_text().contains("Robust\nenforcement"));
}

#[test]
fn corpus_page_headings_keep_their_levels() {
    let html = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS)).unwrap();
    let article = &html[html.find("<article").unwrap()..html.find("</article>").unwrap()];
    let re = regex::Regex::new(r"(?s)<h([1-6])[^>]*>(.*?)</h[1-6]>").unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let expected: Vec<(u8, String)> = re
        .captures_iter(article)
        .map(|c| {
            let text = tags.replace_all(&c[2], " ").replace("&amp;", "&");
            (
                c[1].parse().unwrap(),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    let doc = extract(CORPUS);
    let got: Vec<(u8, String)> = headings(&doc)
        .into_iter()
        .map(|(l, t)| (l, t.to_string()))
        .collect();
    assert_eq!(got, expected);
    // Sections follow the heading path (the statement is quoted twice; the second is in its own section).
    let statement = doc
        .blocks
        .iter()
        .rev()
        .find(|b| {
            b.text
                .starts_with("We will ensure the police and other partners, such as courts")
        })
        .unwrap();
    assert_eq!(
        statement.section,
        vec![
            "Annual report 2023-2024",
            "Robust enforcement",
            "ROBUST ENFORCEMENT"
        ]
    );
}

#[test]
fn corpus_page_tables_are_right() {
    let doc = extract(CORPUS);
    let contents = table_rows(&doc, 0);
    assert_eq!(contents.len(), 5);
    assert_eq!(contents[4], vec!["Ethical policing", "14", "", ""]);
    assert_eq!(
        contents[0],
        vec![
            "Tackling crime, keeping you safe",
            "3",
            "Robust enforcement",
            "17"
        ]
    );
    let caption_texts: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| b.text.as_str())
        .collect();
    assert!(
        !caption_texts.contains(&"Contents"),
        "a visually hidden caption is not shown: {caption_texts:?}"
    );
    assert_eq!(
        table_rows(&doc, 1),
        vec![
            vec!["Victim support services", "£2.2m"],
            vec!["Serious violence", "£352,000"],
            vec!["Domestic abuse perpetrator", "£375,000"],
            vec!["Safer Streets 4 and 5", "£698,000"],
        ]
    );
    assert_eq!(
        table_rows(&doc, 2),
        vec![
            vec!["Crime and disorder reduction", "£1.5m"],
            vec![
                "Casualty support and reduction reserve (road safety)",
                "£288,000"
            ],
            vec!["Youth Fund", "£70,000"],
        ]
    );
    assert!(
        caption_texts.contains(&"All government grants")
            && caption_texts.contains(&"Commissioner's funds")
    );
    for t in doc.blocks.iter().filter_map(|b| b.table.as_ref()) {
        let width = t.rows[0].len();
        assert!(t.rows.iter().all(|r| r.len() == width), "ragged table");
    }
}

#[test]
fn page_without_main_or_article() {
    let doc = extract("tests/fixtures/html/no-main-council-news.html");
    assert_eq!(
        doc.title.as_deref(),
        Some("Community safety grants awarded for 2024 to 2025")
    );
    assert_eq!(doc.published.as_deref(), Some("2024-05-14"));
    assert_eq!(
        headings(&doc),
        vec![
            (1, "Community safety grants awarded for 2024 to 2025"),
            (2, "Who received funding"),
            (2, "How to apply next year")
        ]
    );
    let items: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        items[0],
        "Fenshire Women's Aid – £22,000 for an outreach worker in rural villages."
    );
    assert_eq!(items.len(), 3);
    assert!(doc
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Quote && b.text.starts_with("These grants go")));
    assert_absent(
        &doc,
        &[
            "Skip to main content",
            "Bins and recycling",
            "Related pages",
            "Privacy notice",
            "Home",
        ],
    );
}

#[test]
fn content_in_nested_divs_beside_a_sidebar() {
    let doc = extract("tests/fixtures/html/nested-divs-sidebar.html");
    assert_eq!(
        doc.title.as_deref(),
        Some("Police and Crime Plan progress: quarter three")
    );
    assert_eq!(doc.published.as_deref(), Some("2023-02-09"));
    assert_eq!(
        headings(&doc),
        vec![
            (1, "Police and Crime Plan progress: quarter three"),
            (2, "Priority 1: Preventing crime"),
            (3, "Rural crime"),
            (2, "Priority 2: Supporting victims")
        ]
    );
    let text = doc.to_text();
    // Undeclared in bytes but declared windows-1252 in http-equiv: quotes and pound signs decode.
    assert!(
        text.contains("Commissioner’s Victims’ Fund awarded £48,000"),
        "{text}"
    );
    let depths: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| b.depth)
        .collect();
    assert_eq!(depths, vec![Some(1), Some(1), Some(2)]);
    assert!(doc
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Caption && b.text.starts_with("Figure 1:")));
    assert_absent(
        &doc,
        &[
            "cookies",
            "Latest news",
            "Follow us",
            "About the Commissioner",
            "Freedom of information",
        ],
    );
}

#[test]
fn table_with_colspan_and_rowspan() {
    let doc = extract("tests/fixtures/html/table-colspan-rowspan.html");
    assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Caption
        && b.text == "Table 1: Funding by source, 2023/24 and 2024/25"));
    assert_eq!(
        table_rows(&doc, 0),
        vec![
            vec!["Source", "Amount (£m)", "", "Change"],
            vec!["", "2023/24", "2024/25", ""],
            vec!["Central government", "180.2", "191.4", "+6.2%"],
            vec!["", "Includes the pension grant", "", "–"],
            vec!["Council tax precept", "205.1", "216.7", "+5.7%"],
            vec!["Reserves", "4.5", "4.5", "0.0%"],
            vec!["Total", "389.8", "412.6", "+5.8%"],
        ]
    );
    let t = doc.blocks.iter().find_map(|b| b.table.as_ref()).unwrap();
    assert_eq!(t.header_rows, 2);
    assert_eq!((t.rows[2][0].row_span, t.rows[3][1].col_span), (2, 2));
    assert_absent(&doc, &["Northshire PCC", "Old Bank House", "News"]);
}

#[test]
fn malformed_pages_give_their_text() {
    let doc = extract(
        "tests/fixtures/malformed/annual-report-2023-24-extract.windows-1252-no-charset.html",
    );
    let text = doc.to_text();
    assert!(text.contains('£') && text.contains('’'), "{text}");
    assert!(!text.contains('\u{fffd}'));
    assert!(doc.blocks.iter().any(|b| b.table.is_some()));
    let deep = extract("tests/fixtures/malformed/deeply-nested-unclosed-tags.html");
    let grants: Vec<&str> = deep.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(grants.len(), 6, "{grants:?}");
    assert_eq!(
        grants[0],
        "Cambridge City Community Safety Partnership 45,820"
    );
}
