//! Main content: which element of a page holds the article.
//!
//! Explicit markup first (`<main>`, `role="main"`, one dominant `<article>`),
//! then a text-density score in the manner of readability: paragraphs vote for
//! their parent and, at half weight, their grandparent; link-heavy containers
//! lose. Boilerplate inside the chosen root is dropped during the walk
//! ([`is_boilerplate`]).

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::{BTreeMap, HashMap};

/// A paragraph shorter than this (in characters) casts no vote.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// An article must hold at least this share of `<main>`'s text to replace it as the root.
const ARTICLE_SHARE_OF_MAIN: f64 = 0.5;

/// How many levels above the densest container a page's `<h1>` is looked for.
const TITLE_SEARCH_LEVELS: usize = 4;
/// Widening to take in the `<h1>` may add at most this share of the container's text.
const TITLE_MAX_ADDED_SHARE: f64 = 0.25;

/// Tags whose whole subtree is never content.
const NEVER_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "svg", "iframe", "object", "embed", "dialog", "menu", "head", "input", "label",
    "canvas", "audio", "video", "map",
];

/// ARIA landmark roles that are page furniture, not content.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
    "alert",
];

/// Class or id fragments that mark furniture in common CMS themes
/// (WordPress, Drupal, GOV.UK, Squiz): cookie notices, visually hidden text,
/// breadcrumbs, share bars, skip links.
const FURNITURE_NAME_PARTS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "breadcrumb",
    "skip-link",
    "skiplink",
    "skip-to",
    "share",
    "social",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "screenreader",
    "back-to-top",
    "backtotop",
    "feedback",
    "newsletter",
    "related-links",
    "sidebar",
    "site-header",
    "site-footer",
    "masthead",
    "pagination",
];

pub fn select(sel: &str) -> Selector {
    Selector::parse(sel).expect("static selector is valid")
}

/// The element that holds the page's main content, and whether it was found
/// from explicit markup (then header/footer inside it are kept).
pub fn main_content(doc: &Html) -> (ElementRef<'_>, bool) {
    let main = doc
        .select(&select("main, [role=main]"))
        .max_by_key(|e| text_len(*e));
    if let Some(main) = main {
        let main_len = text_len(main).max(1);
        let article = main.select(&select("article")).max_by_key(|e| text_len(*e));
        if let Some(article) = article {
            if text_len(article) as f64 >= ARTICLE_SHARE_OF_MAIN * main_len as f64 {
                return (article, true);
            }
        }
        return (main, true);
    }
    let articles: Vec<_> = doc.select(&select("article")).collect();
    if articles.len() == 1 {
        return (articles[0], true);
    }
    let body = doc
        .select(&select("body"))
        .next()
        .unwrap_or_else(|| doc.root_element());
    (
        densest_container(body).map(with_title).unwrap_or(body),
        false,
    )
}

/// The densest container often holds the body text but not the page's `<h1>`,
/// which CMS templates put a level or two above it. Widen to the nearest
/// ancestor that holds an `<h1>`, if that adds little text besides.
fn with_title(container: ElementRef<'_>) -> ElementRef<'_> {
    let h1 = select("h1");
    if container.select(&h1).next().is_some() {
        return container;
    }
    let own = text_len(container) as f64;
    for ancestor in container
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(TITLE_SEARCH_LEVELS)
    {
        if ancestor.select(&h1).next().is_some() {
            let added = unlinked_text_len(ancestor) as f64 - unlinked_text_len(container) as f64;
            return if added <= TITLE_MAX_ADDED_SHARE * own {
                ancestor
            } else {
                container
            };
        }
    }
    container
}

fn unlinked_text_len(el: ElementRef<'_>) -> usize {
    let linked: usize = el.select(&select("a")).map(text_len).sum();
    text_len(el).saturating_sub(linked)
}

/// The container with the best paragraph score, readability-style.
fn densest_container(body: ElementRef<'_>) -> Option<ElementRef<'_>> {
    // (in the tree's order, so that of containers scored alike the same one,
    // the first, is read on every run: a hash map's order changes from run
    // to run)
    let mut scores: BTreeMap<NodeId, f64> = BTreeMap::new();
    let counts = text_counts(body);
    for p in body.select(&select("p, pre, td, li, blockquote")) {
        if is_furniture(p) {
            continue;
        }
        let text = counts[&p.id()];
        let len = text.trimmed_chars();
        if len < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let score = 1.0 + text.commas as f64 + (len as f64 / 100.0).min(3.0);
        let mut weight = 1.0;
        for ancestor in p.ancestors().filter_map(ElementRef::wrap).take(2) {
            *scores.entry(ancestor.id()).or_default() += score * weight;
            weight /= 2.0;
        }
    }
    let mut best: Option<(ElementRef<'_>, f64)> = None;
    for (id, score) in scores {
        let Some(el) = body.tree().get(id).and_then(ElementRef::wrap) else {
            continue;
        };
        if is_furniture(el) {
            continue;
        }
        let density = match counts.get(&id) {
            Some(text) => (text.linked as f64 / text.len.max(1) as f64).min(1.0),
            None => link_density(el),
        };
        let adjusted = score * (1.0 - density);
        if best.as_ref().is_none_or(|(_, s)| adjusted > *s) {
            best = Some((el, adjusted));
        }
    }
    best.map(|(el, _)| el)
}

/// What the scores read of an element's text, counted in one pass from the
/// leaves up (`text_counts`): read element by element, a container's text
/// is read again for each container round it, on a page nested thousands
/// deep the square of its size.
#[derive(Debug, Clone, Copy, Default)]
struct TextCounts {
    /// Its text nodes' lengths, each trimmed (as `text_len` counts).
    len: usize,
    /// The part of `len` in links (as `link_density` counts).
    linked: usize,
    /// Characters of its text joined, and the whitespace they start and
    /// end with (all of them in text all whitespace).
    chars: usize,
    lead: usize,
    trail: usize,
    commas: usize,
}

impl TextCounts {
    fn of_text(t: &str) -> Self {
        let chars = t.chars().count();
        let lead = t.chars().take_while(|c| c.is_whitespace()).count();
        let trail = if lead == chars {
            chars
        } else {
            t.chars().rev().take_while(|c| c.is_whitespace()).count()
        };
        TextCounts {
            len: t.trim().len(),
            linked: 0,
            chars,
            lead,
            trail,
            commas: t.matches(',').count(),
        }
    }

    /// The counts of this text followed by `next`'s.
    fn then(self, next: Self) -> Self {
        let blank = |t: &Self| t.lead == t.chars;
        TextCounts {
            len: self.len + next.len,
            linked: self.linked + next.linked,
            chars: self.chars + next.chars,
            lead: if blank(&self) {
                self.chars + next.lead
            } else {
                self.lead
            },
            trail: if blank(&next) {
                next.chars + self.trail
            } else {
                next.trail
            },
            commas: self.commas + next.commas,
        }
    }

    /// Characters of the text joined and trimmed.
    fn trimmed_chars(&self) -> usize {
        if self.lead == self.chars {
            0
        } else {
            self.chars - self.lead - self.trail
        }
    }
}

/// The `TextCounts` of every element under `body`.
fn text_counts(body: ElementRef<'_>) -> HashMap<NodeId, TextCounts> {
    let nodes: Vec<_> = body.descendants().collect();
    let mut counts: HashMap<NodeId, TextCounts> = HashMap::new();
    // (in reverse document order, every element's children come before it)
    for node in nodes.into_iter().rev() {
        if !node.value().is_element() {
            continue;
        }
        let mut joined = TextCounts::default();
        for child in node.children() {
            let next = match child.value() {
                Node::Text(t) => TextCounts::of_text(t),
                Node::Element(e) => {
                    let inner = counts[&child.id()];
                    let linked = if e.name() == "a" {
                        inner.len
                    } else {
                        inner.linked
                    };
                    TextCounts { linked, ..inner }
                }
                _ => continue,
            };
            joined = joined.then(next);
        }
        counts.insert(node.id(), joined);
    }
    counts
}

fn text_len(el: ElementRef<'_>) -> usize {
    el.text().map(|t| t.trim().len()).sum()
}

fn link_density(el: ElementRef<'_>) -> f64 {
    let total = text_len(el).max(1) as f64;
    let linked: usize = el.select(&select("a")).map(text_len).sum();
    (linked as f64 / total).min(1.0)
}

/// Whether an element is page furniture by its tag, role, hiddenness or class names.
pub fn is_furniture(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if e.name() == "nav" && is_in_page_contents(el) {
        return false;
    }
    if NEVER_CONTENT.contains(&e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = e.attr("role") {
        if FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    let names =
        format!("{} {}", e.attr("class").unwrap_or(""), e.id().unwrap_or("")).to_ascii_lowercase();
    names.split(|c: char| c.is_whitespace()).any(|name| {
        FURNITURE_NAME_PARTS
            .iter()
            .any(|part| name_matches(name, part))
    })
}

/// A `<nav>` whose links all point within the page is the document's own
/// contents (theme tiles, "on this page"), which readers read as part of it;
/// site navigation links to other pages.
fn is_in_page_contents(nav: ElementRef<'_>) -> bool {
    let anchors = select("a[href]");
    let mut links = nav.select(&anchors).peekable();
    links.peek().is_some()
        && links.all(|a| a.value().attr("href").is_some_and(|h| h.starts_with('#')))
}

/// `part` matches a class name when it is the whole name or a hyphen/underscore-delimited piece
/// of it (`cookie-banner`, `c-breadcrumb__item`), not any substring (`shareholders`).
fn name_matches(name: &str, part: &str) -> bool {
    if name == part {
        return true;
    }
    name.split(['_', '-'])
        .collect::<Vec<_>>()
        .windows(part.split('-').count())
        .any(|w| w.join("-") == part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_match_whole_pieces_only() {
        assert!(name_matches("cookie-banner", "cookie"));
        assert!(name_matches("c-breadcrumb__item", "breadcrumb"));
        assert!(name_matches("govuk-visually-hidden", "visually-hidden"));
        assert!(!name_matches("shareholders", "share"));
    }

    #[test]
    fn in_page_contents_are_kept_and_site_navigation_dropped() {
        let doc = Html::parse_document(
            "<nav id=a><a href='#victims'>Victims</a><a href='#offenders'>Offenders</a></nav>\
             <nav id=b><a href='/news'>News</a><a href='#top'>Top</a></nav>",
        );
        let navs: Vec<_> = doc.select(&select("nav")).collect();
        assert!(!is_furniture(navs[0]));
        assert!(is_furniture(navs[1]));
    }

    #[test]
    fn picks_the_dense_column_beside_a_sidebar() {
        let long =
            "The commissioner funded victim services across the county, with grants to partners. ";
        let html = format!(
            "<body><div id=nav><a href=#>Home</a> <a href=#>News</a></div>\
             <div class=col><p>{long}</p><p>{long}</p><p>{long}</p></div>\
             <div class=side><p><a href=#>{long}</a></p></div></body>"
        );
        let doc = Html::parse_document(&html);
        let (root, explicit) = main_content(&doc);
        assert!(!explicit);
        assert_eq!(root.value().attr("class"), Some("col"));
    }

    #[test]
    fn text_counted_from_the_leaves_up_counts_as_read_element_by_element() {
        let doc = Html::parse_document(
            "<body><div> \u{a0}<p>  One, two <a href=#>three,</a> </p>\n\
             <ul><li> <b> </b> </li><li>four <i>five, <a href=#> six </a></i>\u{2003}</li></ul>\
             <table><tr><td>\t</td><td>seven,eight</td></tr></table></div></body>",
        );
        let body = doc.select(&select("body")).next().unwrap();
        let counts = text_counts(body);
        for el in body.select(&select("*")) {
            let text: String = el.text().collect();
            let c = counts[&el.id()];
            let name = el.value().name();
            assert_eq!(c.trimmed_chars(), text.trim().chars().count(), "{name}");
            assert_eq!(c.commas, text.matches(',').count(), "{name}");
            assert_eq!(c.len, text_len(el), "{name}");
            let linked: usize = el.select(&select("a")).map(text_len).sum();
            assert_eq!(c.linked, linked, "{name}");
        }
    }

    #[test]
    fn of_columns_scored_alike_the_first_is_read_on_every_run() {
        let long =
            "The commissioner funded victim services across the county, with grants to partners. ";
        let html = format!(
            "<body><section><div class=first><p>{long}</p><p>{long}</p></div></section>\
             <section><div class=second><p>{long}</p><p>{long}</p></div></section></body>"
        );
        let doc = Html::parse_document(&html);
        for _ in 0..20 {
            let (root, _) = main_content(&doc);
            assert_eq!(root.value().attr("class"), Some("first"));
        }
    }
}
