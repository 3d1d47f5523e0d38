//! The annotated-document model: one serde `Document` that every pane, the
//! CLI and the tests read. It knows nothing of terminals.
//!
//! All positions are byte offsets into [`Document::text`], half-open
//! `[start, end)`, always on UTF-8 character boundaries.

use serde::{Deserialize, Serialize};

/// The JSON schema tag written into every serialized document.
pub const SCHEMA: &str = "byline.document/1";

/// A half-open byte range `[start, end)` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the byte offset `pos` lies inside the span.
    pub const fn contains_pos(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text the span covers (empty if it is out of bounds).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Article metadata found in the text, when present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meta {
    /// The headline (first short line before the body).
    pub headline: Option<Span>,
    /// The dateline place (`SEOUL` in `SEOUL--`).
    pub dateline: Option<Span>,
    /// The credit (`Yonhap News Agency` in `Source: Yonhap News Agency`).
    pub credit: Option<Span>,
    /// The author a web page names (its byline or author metadata).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The publication date a web page gives, as printed there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl Meta {
    /// The publication date to show, when the page gave one (the day of an
    /// ISO time: "2026-03-02" for "2026-03-02T08:00:00Z").
    pub fn day(&self) -> Option<&str> {
        self.published.as_deref().map(|d| d.split('T').next().unwrap_or(d).trim()).filter(|d| !d.is_empty())
    }
}

/// What kind of real-world thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Document,
    Event,
    Other,
}

impl EntityKind {
    /// All kinds, in sidebar order.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Document,
        EntityKind::Event,
        EntityKind::Other,
    ];
    /// The lowercase name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Document => "document",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// The name or a part of it ("Chung Eui-yong", "Chung").
    Name,
    /// Another name for the same thing ("U.N.", "the world body").
    Alias,
    /// A pronoun resolved to the entity ("he").
    Pronoun,
}

/// One place in the text that refers to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub form: MentionForm,
}

impl Mention {
    /// The mention's byte span.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One real-world thing the article names, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: usize,
    pub kind: EntityKind,
    /// The fullest form of the name in the text.
    pub name: String,
    /// Titles or roles the text gives ("Defense Minister", "top diplomat").
    #[serde(default)]
    pub titles: Vec<String>,
    /// Every mention, in text order. A mention may lie inside another
    /// entity's ("Lisbon" inside "University of Lisbon").
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// Direct quote (a quoted sentence or clause) or partial quote (a quoted
/// word or phrase inside the reporter's own sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
}

/// A quotation with its attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub id: usize,
    /// Start of the content (inside the marks).
    pub start: usize,
    /// End of the content (inside the marks).
    pub end: usize,
    /// The span including the marks (the closing mark may be missing).
    pub outer: Span,
    /// The content text.
    pub text: String,
    /// The speaking entity's id, or `None` when the text does not say.
    pub speaker: Option<usize>,
    /// The speech cue ("said", "added", "reads"), when there is one.
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// Others who speak the quote together with `speaker`, in text order
    /// ("“We love cats!” reply Ana and Joe": `speaker` Ana, `with` Joe).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<usize>,
}

impl Quote {
    /// The content span (inside the marks).
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// Everyone who speaks the quote: `speaker`, then those `with` them.
    pub fn speakers(&self) -> impl Iterator<Item = usize> + '_ {
        self.speaker.into_iter().chain(self.with.iter().copied())
    }
}

/// A commitment the article reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pledge {
    pub id: usize,
    pub start: usize,
    pub end: usize,
    /// The pledge text (the span's content).
    pub text: String,
    /// The committing entity's id, when known.
    pub actor: Option<usize>,
    /// A short normalized form of the action ("offer 16 500MD helicopters").
    pub action: String,
    /// The money or count tied to the pledge, as printed.
    pub amount: Option<String>,
}

impl Pledge {
    /// The pledge's byte span.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The annotated article. Produced by [`crate::engine::annotate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The input path or URL; absent for standard input and built-in articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article text after the input rules (BOM dropped, CRLF folded).
    pub text: String,
    pub meta: Meta,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub pledges: Vec<Pledge>,
    /// A web page's figure captions, kept apart from the story text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<String>,
    /// Notes about the input ("decoded as windows-1252"), for the status bar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Document {
    /// An empty document over `text` (no annotations yet).
    pub fn empty(text: String) -> Self {
        Document {
            schema: SCHEMA.to_string(),
            source: None,
            text,
            meta: Meta::default(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            pledges: Vec::new(),
            captions: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: usize) -> Option<&Entity> {
        self.entities.get(id).filter(|e| e.id == id).or_else(|| self.entities.iter().find(|e| e.id == id))
    }

    /// The speaker's name for a quote, if it has one.
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote.speaker.and_then(|id| self.entity(id)).map(|e| e.name.as_str())
    }

    /// Everyone who speaks a quote, as one label: "Ana Morel", "Ana Morel
    /// and Joe Tamsin", "A, B and C".
    pub fn speakers_label(&self, quote: &Quote) -> Option<String> {
        let first = self.speaker_name(quote)?;
        let names: Vec<&str> = std::iter::once(first)
            .chain(quote.with.iter().filter_map(|&id| self.entity(id)).map(|e| e.name.as_str()))
            .collect();
        Some(match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => first.to_string(),
        })
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Every span the document holds, for validity checks.
    pub fn all_spans(&self) -> Vec<Span> {
        let mut v: Vec<Span> = Vec::new();
        v.extend(self.meta.headline);
        v.extend(self.meta.dateline);
        v.extend(self.meta.credit);
        v.extend(self.paragraphs.iter().copied());
        v.extend(self.sentences.iter().copied());
        for e in &self.entities {
            v.extend(e.mentions.iter().map(Mention::span));
        }
        for q in &self.quotes {
            v.push(q.span());
            v.push(q.outer);
        }
        v.extend(self.pledges.iter().map(Pledge::span));
        v
    }

    /// Checks that every span is in bounds, ordered and on character
    /// boundaries, and that every id reference resolves.
    pub fn validate(&self) -> Result<(), String> {
        for s in self.all_spans() {
            if s.start > s.end || s.end > self.text.len() {
                return Err(format!("span {}..{} out of bounds ({})", s.start, s.end, self.text.len()));
            }
            if !self.text.is_char_boundary(s.start) || !self.text.is_char_boundary(s.end) {
                return Err(format!("span {}..{} not on a character boundary", s.start, s.end));
            }
        }
        for (i, e) in self.entities.iter().enumerate() {
            if e.id != i {
                return Err(format!("entity {} has id {}", i, e.id));
            }
        }
        let n = self.entities.len();
        for q in &self.quotes {
            if q.speaker.is_some_and(|s| s >= n) || q.with.iter().any(|&s| s >= n) {
                return Err(format!("quote {} speaker out of range", q.id));
            }
            if !q.outer.contains(q.span()) {
                return Err(format!("quote {} content outside its outer span", q.id));
            }
        }
        for p in &self.pledges {
            if p.actor.is_some_and(|s| s >= n) {
                return Err(format!("pledge {} actor out of range", p.id));
            }
        }
        Ok(())
    }

    /// Serializes to pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Document always serializes")
    }

    /// Serializes to one JSON line.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("a Document always serializes")
    }

    /// Loads a document from JSON written by [`Document::to_json`].
    pub fn from_json(s: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(s)
    }
}
