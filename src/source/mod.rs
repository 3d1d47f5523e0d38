//! Where articles come from: files, standard input and URLs. Bytes are
//! decoded ([`crate::engine::input`]); web pages are turned into article
//! text ([`html`]) before the engine sees them. The network is used only
//! for a URL argument ([`fetch`]).
//!
//! Nothing here runs for a plain-text article beyond a look at its first
//! bytes, so text articles pay nothing for page support.

pub mod fetch;
pub mod html;

use std::io::Read;
use std::path::Path;

use crate::engine::input::{decode_declared, decode_owned, InputError};
use crate::model::{Document, Span};

/// One article argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'a> {
    Stdin,
    File(&'a Path),
    Url(&'a str),
}

impl<'a> Origin<'a> {
    /// The origin an argument names: `-`, an `http(s)://` URL, or a path.
    pub fn of(arg: &'a Path) -> Origin<'a> {
        match arg.to_str() {
            Some("-") => Origin::Stdin,
            Some(s) if fetch::is_url(s) => Origin::Url(s),
            _ => Origin::File(arg),
        }
    }

    /// The `source` a document from here records (none for standard input).
    pub fn source(&self) -> Option<String> {
        match self {
            Origin::Stdin => None,
            Origin::File(p) => Some(p.to_string_lossy().into_owned()),
            Origin::Url(u) => Some(u.to_string()),
        }
    }
}

/// What the bytes are, as far as their origin tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Html,
    Text,
    /// Look at the bytes.
    Unknown,
}

/// Raw bytes and what their origin says about them.
struct Raw {
    bytes: Vec<u8>,
    kind: Kind,
    charset: Option<String>,
}

/// Reads an article and decodes it, a page extracted to article text: a
/// document with only its text, source, page meta and input warnings.
/// Errors are short messages without the origin's name.
pub fn read_plain(origin: Origin<'_>, strict: bool) -> Result<Document, String> {
    let raw = read_raw(origin)?;
    let is_html = match raw.kind {
        Kind::Html => true,
        Kind::Text => false,
        Kind::Unknown => html::looks_like_html(&raw.bytes),
    };
    let mut doc = if is_html { page_document(raw, origin, strict)? } else { text_document(raw, strict)? };
    doc.source = origin.source();
    Ok(doc)
}

fn text_document(raw: Raw, strict: bool) -> Result<Document, String> {
    // The bytes become the text (no copy when they are UTF-8 already).
    let Raw { bytes, charset, .. } = raw;
    let decoded = decode_owned(bytes, charset.as_deref(), strict).map_err(input_message)?;
    let mut doc = Document::empty(decoded.text);
    doc.warnings = decoded.warnings;
    Ok(doc)
}

/// A page's document: the HTTP charset first, then the page's own.
fn page_document(raw: Raw, origin: Origin<'_>, strict: bool) -> Result<Document, String> {
    if raw.bytes.len() > html::MAX_PAGE_BYTES {
        let (mb, max) = (raw.bytes.len() >> 20, html::MAX_PAGE_BYTES >> 20);
        return Err(format!("page too large ({mb} MB; the limit is {max} MB)"));
    }
    let charset = raw.charset.clone().or_else(|| html::declared_charset(&raw.bytes));
    let decoded = decode_declared(&raw.bytes, charset.as_deref(), strict).map_err(input_message)?;
    drop(raw);
    let url = match origin {
        Origin::Url(u) => Some(u),
        _ => None,
    };
    let page = html::extract(&decoded.text, url)?;
    let (text, headline) = page.text();
    let mut doc = Document::empty(text);
    if headline > 0 {
        doc.meta.headline = Some(Span::new(0, headline));
    }
    doc.meta.author = page.author;
    doc.meta.published = page.published;
    doc.captions = page.captions;
    doc.warnings = decoded.warnings;
    Ok(doc)
}

fn read_raw(origin: Origin<'_>) -> Result<Raw, String> {
    match origin {
        Origin::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| io_message(&e))?;
            Ok(Raw { bytes, kind: Kind::Unknown, charset: None })
        }
        Origin::File(path) => {
            let bytes = std::fs::read(path).map_err(|e| io_message(&e))?;
            let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            let kind = match ext.as_deref() {
                Some("html" | "htm" | "xhtml") => Kind::Html,
                _ => Kind::Unknown,
            };
            Ok(Raw { bytes, kind, charset: None })
        }
        Origin::Url(url) => {
            let f = fetch::fetch(url)?;
            let kind = match f.mime.as_deref() {
                Some("text/html" | "application/xhtml+xml") => Kind::Html,
                Some("text/plain") => Kind::Text,
                _ => Kind::Unknown,
            };
            Ok(Raw { bytes: f.bytes, kind, charset: f.charset })
        }
    }
}

fn input_message(e: InputError) -> String {
    e.to_string()
}

/// A short, lowercase description of an I/O error.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a folder".into(),
        _ => plain_message(e),
    }
}

/// An error's message, lowercase, without the "(os error N)" suffix.
pub(crate) fn plain_message(e: &impl std::fmt::Display) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_from_arguments() {
        assert_eq!(Origin::of(Path::new("-")), Origin::Stdin);
        assert_eq!(Origin::of(Path::new("https://news.example/a")), Origin::Url("https://news.example/a"));
        assert_eq!(Origin::of(Path::new("a.html")), Origin::File(Path::new("a.html")));
        assert_eq!(Origin::Stdin.source(), None);
    }

    #[test]
    fn a_page_file_becomes_article_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("page.htm");
        let body = "<p>The council met on Monday and agreed to reopen the old library on the hill next spring.</p>";
        std::fs::write(&p, format!("<title>Library to reopen | Hill Times</title><body>{body}</body>")).unwrap();
        let doc = read_plain(Origin::File(&p), false).unwrap();
        assert!(doc.text.starts_with("Library to reopen\n\nThe council met"), "{:?}", doc.text);
        assert_eq!(doc.meta.headline, Some(Span::new(0, "Library to reopen".len())));
        assert_eq!(doc.source.as_deref(), p.to_str());
    }
}
