//! HTML reports into the Document model, through `scraper`.

mod content;
mod decode;
mod tables;

pub use decode::decode_html;

use super::ExtractError;
use crate::document::{BlockKind, Document, Format, RawBlock};
use content::{is_furniture, main_content, select};
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

pub fn extract(
    bytes: &[u8],
    document_id: &str,
    source_path: &str,
) -> Result<Document, ExtractError> {
    let (text, _encoding) = decode_html(bytes);
    let html = Html::parse_document(&text);
    let title = page_title(&html);
    let (root, explicit) = main_content(&html);
    let blocks = BlockWalker::new(!explicit).walk(root);
    let mut doc = Document::from_raw_blocks(
        document_id.to_string(),
        source_path.to_string(),
        Format::Html,
        title,
        None,
        blocks,
    );
    doc.published = published_date(&html, root);
    Ok(doc)
}

/// Meta tags that CMSs use for the publication date, most specific first.
const PUBLISHED_META: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[itemprop="datePublished"]"#,
    r#"meta[name="DC.date.issued"]"#,
    r#"meta[name="dcterms.issued"]"#,
    r#"meta[name="dcterms.created"]"#,
    r#"meta[name="DC.date"]"#,
    r#"meta[name="date"]"#,
];

/// The publication date: from the page's meta tags, else a `<time datetime>` in the content.
fn published_date(html: &Html, root: ElementRef<'_>) -> Option<String> {
    let from_meta = PUBLISHED_META.iter().find_map(|sel| {
        html.select(&select(sel))
            .filter_map(|m| m.value().attr("content"))
            .find_map(iso_date)
    });
    from_meta.or_else(|| {
        root.select(&select("time[datetime]"))
            .filter_map(|t| t.value().attr("datetime"))
            .find_map(iso_date)
    })
}

/// The YYYY-MM-DD a date or date-time starts with, if it is a real date.
fn iso_date(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.to_string())
}

/// The page's title: Open Graph first (the CMS's clean title), then the first
/// `<h1>`, then `<title>` (which usually carries the site name too).
fn page_title(html: &Html) -> Option<String> {
    let og = html
        .select(&select(r#"meta[property="og:title"]"#))
        .filter_map(|m| m.value().attr("content"))
        .map(normalise_space)
        .find(|t| !t.is_empty());
    let h1 = || {
        html.select(&select("h1"))
            .map(|h| normalise_space(&h.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let title = || {
        html.select(&select("title"))
            .map(|h| strip_site_name(&normalise_space(&h.text().collect::<String>())))
            .find(|t| !t.is_empty())
    };
    og.or_else(h1).or_else(title)
}

/// A page title without the site name CMSs append ("Annual report | The PCC").
pub fn strip_site_name(title: &str) -> String {
    match title.split_once(" | ") {
        Some((page, _)) if !page.trim().is_empty() => page.trim().to_string(),
        _ => title.to_string(),
    }
}

/// Collapses runs of whitespace (including non-breaking spaces) to one space.
pub fn normalise_space(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Walks the content root in document order and cuts it into blocks. The walk
/// is iterative (ego-tree's traverse), so a page nested thousands deep cannot
/// overflow the stack.
struct BlockWalker {
    drop_header_footer: bool,
    blocks: Vec<RawBlock>,
    buffer: String,
    /// Open block-level elements, innermost last.
    open: Vec<&'static str>,
    /// Inside `<pre>`: keep whitespace.
    pre_depth: usize,
}

impl BlockWalker {
    fn new(drop_header_footer: bool) -> Self {
        BlockWalker {
            drop_header_footer,
            blocks: Vec::new(),
            buffer: String::new(),
            open: Vec::new(),
            pre_depth: 0,
        }
    }

    fn walk(mut self, root: ElementRef<'_>) -> Vec<RawBlock> {
        let mut skip_until: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skip_until.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => self.push_text(t),
                        Node::Element(_) => {
                            let el = ElementRef::wrap(node).expect("element node");
                            if el.id() != root.id() && self.is_skipped(el) {
                                skip_until = Some(node.id());
                            } else if el.value().name() == "table" && tables::is_data_table(el) {
                                self.flush();
                                self.blocks.extend(tables::table_blocks(el));
                                skip_until = Some(node.id());
                            } else {
                                self.open_element(el);
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skip_until {
                        if id == node.id() {
                            skip_until = None;
                        }
                        continue;
                    }
                    if let Some(el) = ElementRef::wrap(node) {
                        self.close_element(el);
                    }
                }
            }
        }
        self.flush();
        self.blocks
    }

    fn is_skipped(&self, el: ElementRef<'_>) -> bool {
        let name = el.value().name();
        (self.drop_header_footer && (name == "header" || name == "footer")) || is_furniture(el)
    }

    fn open_element(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        if name == "br" {
            self.buffer.push('\n');
            return;
        }
        if let Some(tag) = BLOCK_TAGS.iter().find(|t| **t == name) {
            self.flush();
            self.open.push(tag);
            if *tag == "pre" {
                self.pre_depth += 1;
            }
        }
    }

    fn close_element(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        if BLOCK_TAGS.contains(&name) {
            self.flush();
            if let Some(pos) = self.open.iter().rposition(|t| *t == name) {
                self.open.truncate(pos);
            }
            if name == "pre" {
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        self.buffer.push_str(text);
    }

    /// Ends the current block, giving it the kind of the innermost element that names one.
    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.buffer);
        let text = if self.pre_depth > 0 {
            raw.trim_matches('\n').to_string()
        } else {
            raw.split('\n')
                .map(normalise_space)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        if text.trim().is_empty() {
            return;
        }
        let mut block = RawBlock::new(BlockKind::Paragraph, text);
        for tag in self.open.iter().rev() {
            match *tag {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    block.kind = BlockKind::Heading;
                    block.level = tag[1..].parse().ok();
                }
                "li" => {
                    block.kind = BlockKind::ListItem;
                    let depth = self
                        .open
                        .iter()
                        .filter(|t| **t == "ul" || **t == "ol")
                        .count();
                    block.depth = Some(depth.clamp(1, 255) as u8);
                }
                "figcaption" | "caption" => block.kind = BlockKind::Caption,
                "blockquote" => block.kind = BlockKind::Quote,
                _ => continue,
            }
            break;
        }
        self.blocks.push(block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        extract(html.as_bytes(), "id", "p")
            .unwrap()
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn main_article_without_furniture() {
        let got = blocks(
            "<html><body><div class=cookie-banner>We use cookies</div><nav>Home</nav>\
             <main><article><h1>Annual  report</h1><p>Crime fell by <strong>5%</strong>.</p>\
             <ul><li>One<ul><li>Nested</li></ul></li></ul></article><p>Back to top</p></main>\
             <footer>Contact us</footer></body></html>",
        );
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, "Annual report".into()),
                (BlockKind::Paragraph, "Crime fell by 5%.".into()),
                (BlockKind::ListItem, "One".into()),
                (BlockKind::ListItem, "Nested".into()),
            ]
        );
    }

    #[test]
    fn list_depth_and_sections() {
        let doc = extract(
            b"<main><h2>Victims</h2><ul><li>a<ol><li>b</li></ol></li></ul><h3>Sub</h3><p>c</p></main>",
            "id",
            "p",
        )
        .unwrap();
        let depths: Vec<_> = doc.blocks.iter().map(|b| b.depth).collect();
        assert_eq!(depths, vec![None, Some(1), Some(2), None, None]);
        assert_eq!(doc.blocks[4].section, vec!["Victims", "Sub"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut html = String::from("<body>");
        for _ in 0..20_000 {
            html.push_str("<div><span>");
        }
        html.push_str("deep grant text");
        let doc = extract(html.as_bytes(), "id", "p").unwrap();
        assert!(doc.to_text().contains("deep grant text"));
    }

    #[test]
    fn title_prefers_open_graph_then_h1() {
        let doc = extract(
            b"<head><title>Report | Site</title><meta property='og:title' content='Report'></head><h1>X</h1>",
            "i",
            "p",
        )
        .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Report"));
        let doc = extract(
            b"<head><title>Report | Site</title></head><h1>Heading</h1>",
            "i",
            "p",
        )
        .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Heading"));
    }
}
