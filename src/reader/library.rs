//! Whole folders: the article list and the background loader.
//!
//! `byline DIR` opens at once on a list of the folder's articles (one row
//! per file, in path order) while a worker thread annotates them one by one,
//! in that order, and sends each [`Document`] over a channel. A row shows
//! "annotating…" until its document arrives, then its title (the headline,
//! else the file name), its speakers and its quote count.
//!
//! Each arriving document's speakers are read once ([`ArticleSpeakers`]);
//! the folder's speaker index ([`Index`]) is joined from those records, so
//! picking a speaker across the folder needs no second pass over the texts.

use std::sync::mpsc::{self, Receiver};

use ratatui::layout::Rect;

use crate::across::{ArticleSpeakers, At, Index};
use crate::model::{Document, QuoteKind};
use crate::sanitize::inert;

/// What the list knows of an article once it is annotated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The headline, else the file name (inert, one line).
    pub title: String,
    /// Speakers of direct quotes with their direct-quote counts, most quoted
    /// first (ties: first quoted first). Names are inert.
    pub speakers: Vec<(String, usize)>,
    /// Direct quotes.
    pub quotes: usize,
    /// Partial quotes.
    pub partial: usize,
}

impl Summary {
    /// The summary of `doc`; `name` is the title when it has no headline.
    pub fn of(doc: &Document, name: &str) -> Summary {
        let title =
            doc.meta.headline.map(|h| doc.slice(h).trim()).filter(|h| !h.is_empty()).unwrap_or(name).to_string();
        let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (speaker, count, first quote)
        let (mut quotes, mut partial) = (0, 0);
        for (i, q) in doc.quotes.iter().enumerate() {
            if q.kind == QuoteKind::Partial {
                partial += 1;
                continue;
            }
            quotes += 1;
            for s in q.speakers() {
                match counts.iter_mut().find(|c| c.0 == s) {
                    Some(c) => c.1 += 1,
                    None => counts.push((s, 1, i)),
                }
            }
        }
        counts.sort_by_key(|&(_, n, first)| (std::cmp::Reverse(n), first));
        let speakers = counts
            .into_iter()
            .map(|(s, n, _)| (doc.entity(s).map_or_else(|| "?".to_string(), |e| inert(&e.name).into_owned()), n))
            .collect();
        Summary { title: inert(&title).into_owned(), speakers, quotes, partial }
    }
}

/// Where one article of the list is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryState {
    /// Still being annotated.
    Annotating,
    Ready(Summary),
    /// It could not be read or annotated (the one-line reason).
    Failed(String),
}

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// The path as given (shown when nothing better is known; inert).
    pub path: String,
    /// The file name (inert).
    pub name: String,
    pub state: EntryState,
}

impl ListEntry {
    /// A row for `path`, annotating.
    pub fn new(path: &str) -> ListEntry {
        let name = path.rsplit('/').next().filter(|n| !n.is_empty()).unwrap_or(path);
        ListEntry { path: inert(path).into_owned(), name: inert(name).into_owned(), state: EntryState::Annotating }
    }

    /// The title shown: the headline once known, else the file name.
    pub fn title(&self) -> &str {
        match &self.state {
            EntryState::Ready(s) => &s.title,
            _ => &self.name,
        }
    }

    /// True once the document is there to read.
    pub fn is_ready(&self) -> bool {
        matches!(self.state, EntryState::Ready(_))
    }
}

/// The article list over a folder's articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    pub entries: Vec<ListEntry>,
    /// The selected row.
    pub cursor: usize,
    /// True while the list is on screen (false: reading an article).
    pub showing: bool,
    /// An article asked for while it was still annotating: it opens when it
    /// arrives.
    pub pending_open: Option<usize>,
    /// Articles done (annotated or failed).
    pub done: usize,
    /// Each article's speakers, read when it arrives.
    pub speakers: Vec<Option<ArticleSpeakers>>,
    /// The speakers joined across the folder, as of `indexed` articles done.
    pub index: Index,
    /// `done` when `index` was built (`None`: never).
    pub indexed: Option<usize>,
    /// The speaker whose quotes the list shows instead of the articles.
    pub across: Option<Across>,
}

/// One speaker's quotes across the folder, shown as the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Across {
    /// The speaker's name (inert).
    pub name: String,
    /// One `(article, entity)` of theirs: finds them again in a rebuilt index.
    pub anchor: (usize, usize),
    /// Their direct quotes, in folder order, then text order.
    pub quotes: Vec<At>,
    /// Articles they are quoted in.
    pub articles: usize,
    /// The selected row.
    pub cursor: usize,
}

impl Across {
    /// The row of quote `quote` of article `article`, if it is theirs.
    pub fn row_of(&self, article: usize, quote: usize) -> Option<usize> {
        self.quotes.iter().position(|a| a.article == article && a.quote == quote)
    }
}

impl Library {
    /// A list of `paths`, all annotating, shown.
    pub fn new(paths: &[String]) -> Library {
        Library {
            entries: paths.iter().map(|p| ListEntry::new(p)).collect(),
            cursor: 0,
            showing: true,
            pending_open: None,
            done: 0,
            speakers: vec![None; paths.len()],
            index: Index::default(),
            indexed: None,
            across: None,
        }
    }

    /// True while some articles are still being annotated.
    pub fn loading(&self) -> bool {
        self.done < self.entries.len()
    }

    /// Rows of the list: articles, or the chosen speaker's quotes.
    pub fn row_count(&self) -> usize {
        self.across.as_ref().map_or(self.entries.len(), |a| a.quotes.len())
    }

    /// The selected row.
    pub fn row_cursor(&self) -> usize {
        self.across.as_ref().map_or(self.cursor, |a| a.cursor)
    }

    /// Selects row `row`.
    pub fn set_row_cursor(&mut self, row: usize) {
        match &mut self.across {
            Some(a) => a.cursor = row,
            None => self.cursor = row,
        }
    }

    /// Joins the speakers of the articles arrived so far (when some arrived
    /// since the last time), and keeps the chosen speaker's quotes current.
    pub fn refresh_index(&mut self) {
        if self.indexed == Some(self.done) {
            return;
        }
        let records = self.speakers.iter().enumerate().filter_map(|(i, s)| s.as_ref().map(|s| (i, s)));
        self.index = Index::build(records);
        self.indexed = Some(self.done);
        if let Some(a) = &mut self.across {
            if let Some(s) = self.index.speaker_of(a.anchor.0, a.anchor.1) {
                let sp = &self.index.speakers[s];
                a.quotes.clone_from(&sp.quotes);
                a.articles = sp.articles;
                a.cursor = a.cursor.min(a.quotes.len().saturating_sub(1));
            }
        }
    }

    /// Shows speaker `s` of the index as the list.
    pub fn choose(&mut self, s: usize) {
        let Some(sp) = self.index.speakers.get(s) else { return };
        let Some(&anchor) = sp.members.first() else { return };
        let name = inert(&sp.name).into_owned();
        self.across = Some(Across { name, anchor, quotes: sp.quotes.clone(), articles: sp.articles, cursor: 0 });
    }

    /// The index's speakers of direct quotes whose names contain `query`
    /// (case and accents aside), most quoted first.
    pub fn speaker_matches(&self, query: &str) -> Vec<usize> {
        let q = crate::across::fold(query);
        let named = |i: &usize| self.index.speakers[*i].names.iter().any(|n| crate::across::fold(n).contains(&q));
        let quoted = |i: &usize| !self.index.speakers[*i].quotes.is_empty();
        (0..self.index.speakers.len()).filter(quoted).filter(named).collect()
    }
}

/// The list pane (borders included) for a terminal of `area`: all of it
/// but the status bar.
pub fn list_pane(area: Rect) -> Rect {
    if area.width < super::layout::MIN_WIDTH || area.height < super::layout::MIN_HEIGHT {
        return Rect::new(area.x, area.y, 0, 0);
    }
    Rect { height: area.height - 1, ..area }
}

/// Where the list's rows go: inside the pane's borders, under the header row.
pub fn list_rows(area: Rect) -> Rect {
    let pane = list_pane(area);
    if pane.width < 3 || pane.height < 4 {
        return Rect::new(pane.x, pane.y, 0, 0);
    }
    Rect { x: pane.x + 1, y: pane.y + 2, width: pane.width - 2, height: pane.height - 3 }
}

/// What the loader sends: article `index` of the list, annotated or not.
#[derive(Debug)]
pub struct Loaded {
    pub index: usize,
    pub result: Result<Document, String>,
}

/// Starts a worker thread that runs `load` on each item (a path, a text),
/// in order, and sends each result as soon as it is ready. The thread stops
/// early when the receiver is dropped.
pub fn spawn_loader<T, F>(items: Vec<T>, load: F) -> std::io::Result<Receiver<Loaded>>
where
    T: Send + 'static,
    F: Fn(T) -> Result<Document, String> + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new().name("byline-loader".into()).spawn(move || {
        for (index, item) in items.into_iter().enumerate() {
            if tx.send(Loaded { index, result: load(item) }).is_err() {
                break;
            }
        }
    })?;
    Ok(rx)
}
