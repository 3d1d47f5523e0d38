//! Web pages to article text: the main content block found the way reader
//! modes do it (`dom_smoothie`, a port of Mozilla's Readability on
//! html5ever), then walked into one paragraph per block. (`dom_smoothie` is
//! maintained and follows Readability.js; the `readability` crate is an
//! old port that pulls in an HTTP client, and `scraper` would leave the
//! content scoring to us.)
//!
//! Kept: the headline (the page title without its site-name suffix), the
//! author and date when the page gives them, and the story's paragraphs,
//! block quotes, list items and subheadings, character references decoded.
//! Figure captions are kept apart. Dropped: navigation, headers, footers,
//! asides, ads, scripts, styles, forms, share bars, related links, comments.

use dom_query::NodeRef;
use dom_smoothie::{Config, Readability, ReadabilityError};

/// Pages larger than this are refused (a parsed page takes many times its
/// size in memory, and no article is this large).
pub const MAX_PAGE_BYTES: usize = 16 << 20;

/// Pages with more elements than this are refused rather than scored.
pub const MAX_ELEMENTS: usize = 50_000;

/// Deeper than this the walk takes a subtree's text as one run.
const MAX_DEPTH: usize = 200;

/// Pages whose tags nest deeper than this are refused before parsing (the
/// HTML parser's work grows with the square of the depth).
pub const MAX_NESTING: usize = 1000;

/// Elements that are never open (void) or close themselves implicitly:
/// not counted as nesting.
const NOT_NESTING: [&str; 35] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "rb", "rt", "rp", "tbody", "thead", "tfoot", "colgroup",
    "caption", "html", "head", "body", "keygen",
];

/// Inline elements: their text runs on inside the current paragraph.
const INLINE: [&str; 33] = [
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var", "wbr",
];

/// Elements whose content is never article text.
const SKIPPED: [&str; 14] = [
    "script", "style", "noscript", "template", "svg", "math", "button", "form", "input", "select", "textarea",
    "iframe", "object", "canvas",
];

/// An article extracted from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The headline, without the site-name suffix.
    pub title: String,
    pub author: Option<String>,
    pub published: Option<String>,
    /// One entry per block, whitespace collapsed.
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
}

impl Page {
    /// The article as byline's normalized text (headline, blank line, one
    /// paragraph per block) and the headline's length in bytes (0 for none).
    pub fn text(&self) -> (String, usize) {
        let mut blocks: Vec<&str> = Vec::with_capacity(self.paragraphs.len() + 1);
        if !self.title.is_empty() {
            blocks.push(&self.title);
        }
        blocks.extend(self.paragraphs.iter().map(String::as_str));
        let mut text = blocks.join("\n\n");
        if !text.is_empty() {
            text.push('\n');
        }
        (text, self.title.len())
    }
}

/// True when the bytes look like an HTML document (after a BOM and
/// leading whitespace: a doctype, `<html`, `<head`, `<body`, `<meta`,
/// `<title`, or a comment before `<html`). Cheap: looks at the start only.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 4096)];
    if head.first() != Some(&b'<') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    let opens = ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"];
    opens.iter().any(|o| lower.starts_with(o.as_bytes()))
        || (lower.starts_with(b"<!--") && lower.windows(5).any(|w| w == b"<html"))
}

/// The charset a page declares in a `<meta>` tag of its first 4 KB
/// (`<meta charset=...>` or `http-equiv` content `...; charset=...`).
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let lower = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let mut rest = &lower[..];
    while let Some(i) = find(rest, b"<meta") {
        let tag = &rest[i..];
        let tag = &tag[..tag.iter().position(|&b| b == b'>').unwrap_or(tag.len())];
        if let Some(j) = find(tag, b"charset=") {
            let value = tag[j + 8..].iter().skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ');
            let label: String = value
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .map(|&b| b as char)
                .collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
        rest = &rest[i + 5..];
    }
    None
}

/// How deep the page's tags nest and how many start tags it has: a quick
/// linear scan (comments, scripts and styles skipped), an estimate made
/// before the real parser sees the page.
pub fn tag_shape(html: &str) -> (usize, usize) {
    let b = html.as_bytes();
    let (mut depth, mut deepest, mut tags, mut i) = (0usize, 0usize, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i += find(&b[i..], b"-->").map_or(b.len() - i, |j| j + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = b[start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if len == 0 {
            continue;
        }
        let name = b[start..start + len].to_ascii_lowercase();
        let name = std::str::from_utf8(&name).unwrap_or("");
        let end = find(&b[start..], b">").map_or(b.len(), |j| start + j);
        if closing {
            if !NOT_NESTING.contains(&name) {
                depth = depth.saturating_sub(1);
            }
        } else {
            tags += 1;
            if matches!(name, "script" | "style" | "textarea" | "title") {
                let close = format!("</{name}");
                let rest = b[end.min(b.len())..].to_ascii_lowercase();
                i = end + find(&rest, close.as_bytes()).unwrap_or(rest.len());
                continue;
            }
            if !NOT_NESTING.contains(&name) && b.get(end.saturating_sub(1)) != Some(&b'/') {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = end.min(b.len());
    }
    (deepest, tags)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Extracts the article from a page; `url` (absolute) is where it came from.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, String> {
    if html.len() > MAX_PAGE_BYTES {
        return Err(format!("page too large ({} MB; the limit is {} MB)", html.len() >> 20, MAX_PAGE_BYTES >> 20));
    }
    let (depth, tags) = tag_shape(html);
    if depth > MAX_NESTING {
        return Err(format!("page too deeply nested (more than {MAX_NESTING} levels)"));
    }
    if tags > MAX_ELEMENTS {
        return Err(format!("page too complex ({tags} elements; the limit is {MAX_ELEMENTS})"));
    }
    let cfg = Config { max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::new(html, url, Some(cfg)).map_err(readability_message)?;
    let h1s: Vec<String> = readability.doc.select("h1").iter().take(4).map(|h| collapse(&h.text())).collect();
    remove_clutter(&readability.doc);
    let article = readability.parse().map_err(readability_message)?;
    let content = dom_query::Document::from(article.content.as_ref());
    let mut walk = Walk::default();
    walk.node(&content.root(), 0);
    walk.flush();
    let title = clean_title(&article.title, article.site_name.as_deref(), &h1s);
    let mut paragraphs = walk.paragraphs;
    if paragraphs.first().is_some_and(|p| p.eq_ignore_ascii_case(&title)) {
        paragraphs.remove(0);
    }
    if paragraphs.is_empty() {
        return Err("no article text found in the page".into());
    }
    let meta = |s: Option<String>| s.map(|s| collapse(&s)).filter(|s| !s.is_empty());
    let author = meta(article.byline).map(|a| clean_author(&a)).filter(|a| !a.is_empty());
    Ok(Page { title, author, published: meta(article.published_time), paragraphs, captions: walk.captions })
}

/// Class or id words of clutter that Readability's own patterns miss:
/// ad slots, cookie and consent banners, share bars, newsletter boxes.
fn is_clutter_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    matches!(w.as_str(), "ad" | "ads" | "advert" | "advertisement" | "adsbygoogle" | "dfp")
        || w.starts_with("ad-")
        || w.ends_with("-ad")
        || ["cookie", "consent", "gdpr", "newsletter", "share", "social"].iter().any(|k| w.contains(k))
}

/// Removes clutter elements (see [`is_clutter_word`]) before extraction;
/// the page's `html`, `body`, `main` and `article` always stay.
fn remove_clutter(doc: &dom_query::Document) {
    for node in doc.select("[class], [id]").nodes() {
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "main" | "article") {
            continue;
        }
        let words = format!("{} {}", node.attr_or("class", ""), node.attr_or("id", ""));
        if words.split_whitespace().any(is_clutter_word) {
            node.remove_from_parent();
        }
    }
}

fn readability_message(e: ReadabilityError) -> String {
    match e {
        ReadabilityError::TooManyElements(n, max) => format!("page too complex ({n} elements; the limit is {max})"),
        ReadabilityError::GrabFailed => "no article text found in the page".into(),
        other => other.to_string(),
    }
}

/// The title without its site-name suffix (" | Harbor Daily"): the site
/// name the page gives, else an `h1` the title starts with, else the part
/// before a last " | ". An empty title falls back to the first `h1`.
fn clean_title(title: &str, site: Option<&str>, h1s: &[String]) -> String {
    let title = collapse(title);
    if title.is_empty() {
        return h1s.iter().find(|h| !h.is_empty()).cloned().unwrap_or_default();
    }
    if let Some(site) = site.map(collapse).filter(|s| !s.is_empty() && *s != title) {
        for sep in [" | ", " - ", " \u{2014} ", " \u{2013} ", " \u{b7} ", " :: "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{site}")) {
                return head.trim().to_string();
            }
        }
    }
    if let Some(h1) = h1s.iter().find(|h| !h.is_empty() && h.len() < title.len() && title.starts_with(h.as_str())) {
        return h1.clone();
    }
    match title.rsplit_once(" | ") {
        Some((head, _)) if head.split_whitespace().count() >= 2 => head.to_string(),
        _ => title,
    }
}

/// A byline without its "By " and anything after a " · " or " | " (a date).
fn clean_author(byline: &str) -> String {
    let a = byline.strip_prefix("By ").or_else(|| byline.strip_prefix("by ")).unwrap_or(byline);
    let end = [" \u{b7} ", " | "].iter().filter_map(|sep| a.find(sep)).min().unwrap_or(a.len());
    a[..end].trim().to_string()
}

/// Whitespace runs (newlines, tabs, no-break spaces) as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The walk over the extracted content: blocks become paragraphs.
#[derive(Default)]
struct Walk {
    paragraphs: Vec<String>,
    captions: Vec<String>,
    inline: String,
    /// Inside an article's `<header>`: kickers and dates are dropped there.
    in_header: usize,
    /// The text of `<time>` elements: a paragraph of only a date is dropped.
    times: Vec<String>,
}

impl Walk {
    fn node(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.inline.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            match name.as_str() {
                n if SKIPPED.contains(&n) => {}
                "br" | "hr" => self.flush(),
                "figcaption" | "caption" => {
                    self.flush();
                    let caption = collapse(&child.text());
                    if !caption.is_empty() {
                        self.captions.push(caption);
                    }
                }
                "time" => {
                    self.times.push(collapse(&child.text()));
                    self.node(&child, depth + 1);
                }
                "header" => {
                    self.flush();
                    self.in_header += 1;
                    self.node(&child, depth + 1);
                    self.flush();
                    self.in_header -= 1;
                }
                "q" => {
                    self.inline.push('\u{201c}');
                    self.node(&child, depth + 1);
                    self.inline.push('\u{201d}');
                }
                n if INLINE.contains(&n) || depth >= MAX_DEPTH => {
                    if depth >= MAX_DEPTH {
                        self.inline.push_str(&child.text());
                    } else {
                        self.node(&child, depth + 1);
                    }
                }
                _ => {
                    self.flush();
                    self.node(&child, depth + 1);
                    self.flush();
                }
            }
        }
    }

    /// Ends the current paragraph. Dropped: a date alone, a lone ad label,
    /// and in a header anything shorter than a standfirst (a section kicker).
    fn flush(&mut self) {
        let p = collapse(&self.inline);
        self.inline.clear();
        let label = matches!(p.to_ascii_lowercase().as_str(), "advertisement" | "sponsored" | "ad");
        let kicker = self.in_header > 0 && p.split_whitespace().count() < 5;
        if !p.is_empty() && !label && !kicker && !self.times.contains(&p) {
            self.paragraphs.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferry fares frozen for winter | Harbor Daily</title>
<meta property="og:site_name" content="Harbor Daily"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry fares frozen for winter</h1>
<p>The harbor board voted on Monday to freeze ferry fares until March, its chair said.</p>
<figure><img src="f.jpg"><figcaption>The morning ferry leaves Pier 4.</figcaption></figure>
<p>&ldquo;Nobody should pay more to cross the water in winter,&rdquo; said board chair Ines Marlow, who proposed the freeze at the meeting.</p>
<blockquote><p>First quoted paragraph.</p><p>Second <q>quoted</q> paragraph.</p></blockquote>
<ul><li>Fares stay at $3.</li><li>Passes stay at $40.</li></ul>
</article><footer>Copyright Harbor Daily</footer></body></html>"#;

    #[test]
    fn blocks_become_paragraphs_and_captions_stay_apart() {
        let page = extract(PAGE, None).unwrap();
        assert_eq!(page.title, "Ferry fares frozen for winter");
        assert_eq!(page.captions, vec!["The morning ferry leaves Pier 4."]);
        assert!(page.paragraphs[1].starts_with("\u{201c}Nobody should pay more"), "{:?}", page.paragraphs);
        assert!(page.paragraphs.contains(&"Second \u{201c}quoted\u{201d} paragraph.".to_string()));
        assert!(page.paragraphs.contains(&"Passes stay at $40.".to_string()));
        let (text, headline) = page.text();
        assert!(text.starts_with("Ferry fares frozen for winter\n\nThe harbor board"));
        assert_eq!(headline, "Ferry fares frozen for winter".len());
        assert!(!text.contains("Copyright") && !text.contains("Home"), "{text}");
    }

    #[test]
    fn titles_and_bylines_lose_their_decoration() {
        let h1s = ["Tide tables change".to_string()];
        assert_eq!(clean_title("Tide tables change - Coast Times", None, &h1s), "Tide tables change");
        assert_eq!(clean_title("Tide tables change :: Coast Times", Some("Coast Times"), &[]), "Tide tables change");
        assert_eq!(clean_title("Old pier reopens | Local | Coast Times", None, &[]), "Old pier reopens | Local");
        assert_eq!(clean_title("Pier - a history", None, &[]), "Pier - a history");
        assert_eq!(clean_title("", None, &h1s), "Tide tables change");
        assert_eq!(clean_author("By Ann Lee \u{b7} May 2, 2026"), "Ann Lee");
        assert_eq!(clean_author("Ann Lee | Staff"), "Ann Lee");
    }

    #[test]
    fn clutter_words() {
        for w in ["ad", "ad-slot", "sidebar-ad", "cookie-banner", "gdpr-consent", "share-tools", "newsletter-box"] {
            assert!(is_clutter_word(w), "{w}");
        }
        for w in ["article-body", "headline", "adventure", "reader-comments", "lead"] {
            assert!(!is_clutter_word(w), "{w}");
        }
    }

    #[test]
    fn html_is_recognized_by_its_start() {
        assert!(looks_like_html(b"\xef\xbb\xbf\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><body>x"));
        assert!(looks_like_html(b"<!-- saved --><html>"));
        assert!(!looks_like_html(b"Headline\n\n<b>not a page</b>"));
        assert!(!looks_like_html(b"<3 this story"));
    }

    #[test]
    fn the_meta_charset_is_found() {
        assert_eq!(declared_charset(b"<head><meta charset=\"windows-1252\">").as_deref(), Some("windows-1252"));
        let equiv = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(declared_charset(equiv).as_deref(), Some("iso-8859-1"));
        assert_eq!(declared_charset(b"<p>charset=koi8-r</p>"), None);
    }

    #[test]
    fn the_tag_shape_is_estimated_before_parsing() {
        assert_eq!(tag_shape(PAGE).0, 3, "article>blockquote>q; html, body, p, li and img not counted");
        let deep = format!("<html><body>{}x{}</body></html>", "<div>".repeat(5000), "</div>".repeat(5000));
        assert_eq!(tag_shape(&deep), (5000, 5002));
        let unclosed = format!("<body>{}", "<p>para<li>item<br>".repeat(3000));
        assert_eq!(tag_shape(&unclosed).0, 0);
        let script = "<script>for (i = 0; i < 9; i++) s += '<div>';</script><!-- <div> --><div/>";
        assert_eq!(tag_shape(script), (0, 2));
        assert!(extract(&deep, None).unwrap_err().contains("too deeply nested"));
    }

    #[test]
    fn a_page_without_a_body_is_an_error() {
        let err = extract("<html><head><title>Nothing here</title></head></html>", None).unwrap_err();
        assert!(err.contains("no article text"), "{err}");
    }
}
