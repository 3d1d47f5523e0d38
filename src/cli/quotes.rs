//! `byline quotes` and `byline speakers` over any number of articles: one
//! speaker across them all (see [`crate::across`]), in text, Markdown or
//! JSON lines. Article text is made inert for text and Markdown; JSON goes
//! through [`InertJson`].

use std::io::{self, Write};
use std::path::PathBuf;

use clap::ValueEnum;

use super::{expand_paths, for_each_in_order, load, speaker_matches, write_failure, Failure, InertJson};
use crate::across::{ArticleSpeakers, Index};
use crate::model::{Document, Quote, QuoteKind};
use crate::sanitize::{inert, inert_with};

/// Output formats of `byline quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteFormat {
    /// One quote per line, with its speaker and the article's title.
    Text,
    /// A heading per speaker, each quote a blockquote with its citation.
    Markdown,
    /// One JSON object per quote.
    Jsonl,
}

/// Output formats of `byline speakers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One speaker per line: quotes, articles, name.
    Text,
    /// One JSON object per speaker.
    Jsonl,
}

/// The articles of `files` (folders expanded), annotated on all cores, in
/// path order; their input warnings go to stderr.
pub fn load_all(files: &[PathBuf], strict: bool) -> Result<Vec<Document>, Failure> {
    let files = expand_paths(files)?;
    let mut docs = Vec::with_capacity(files.len());
    for_each_in_order(
        &files,
        |_, p| load(p, strict),
        |i, d| {
            super::warn(&files[i], &d);
            docs.push(d);
            Ok(())
        },
    )?;
    Ok(docs)
}

/// The folder's speaker index over `docs`.
pub fn index(docs: &[Document]) -> Index {
    let records: Vec<ArticleSpeakers> = docs.iter().map(ArticleSpeakers::of).collect();
    Index::build(records.iter().enumerate())
}

/// One selected quote: article, quote, and its speaker in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pick {
    article: usize,
    quote: usize,
    speaker: Option<usize>,
}

/// Runs `byline quotes`.
pub fn quotes(
    files: &[PathBuf],
    speaker: Option<&str>,
    all: bool,
    format: QuoteFormat,
    strict: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let docs = load_all(files, strict)?;
    let ix = index(&docs);
    let speakers = speaker.map(|name| matching(&docs, &ix, name));
    let picks = select(&docs, &ix, speakers.as_deref(), all);
    let mut out = io::BufWriter::new(out);
    match format {
        QuoteFormat::Text => {
            for p in &picks {
                writeln!(out, "{}", text_line(&docs, &ix, p)).map_err(write_failure)?;
            }
        }
        QuoteFormat::Jsonl => {
            for p in &picks {
                json_line(&mut out, &docs, &ix, p).map_err(write_failure)?;
            }
        }
        QuoteFormat::Markdown => markdown(&mut out, &docs, &ix, &picks, speakers.as_deref()).map_err(write_failure)?,
    }
    out.flush().map_err(write_failure)
}

/// The speakers `name` names: across the articles (see [`Index::find`]),
/// and every speaker whom one article calls by that name (any of its name
/// or alias mentions, as for one article).
fn matching(docs: &[Document], ix: &Index, name: &str) -> Vec<usize> {
    let mut found = ix.find(name);
    for (i, s) in ix.speakers.iter().enumerate() {
        if !found.contains(&i) && s.members.iter().any(|&(a, e)| speaker_matches(&docs[a], e, name)) {
            found.push(i);
        }
    }
    found.sort_unstable();
    found
}

/// The quotes to print, in folder order then text order: those of
/// `speakers` when given, else all; partial quotes only with `all`.
fn select(docs: &[Document], ix: &Index, speakers: Option<&[usize]>, all: bool) -> Vec<Pick> {
    let Some(speakers) = speakers else {
        let mut picks = Vec::new();
        for (a, d) in docs.iter().enumerate() {
            for (i, q) in d.quotes.iter().enumerate() {
                if all || q.kind != QuoteKind::Partial {
                    let speaker = q.speaker.and_then(|e| ix.speaker_of(a, e));
                    picks.push(Pick { article: a, quote: i, speaker });
                }
            }
        }
        return picks;
    };
    let mut picks: Vec<Pick> = speakers
        .iter()
        .flat_map(|&s| {
            let sp = &ix.speakers[s];
            let partial = if all { &sp.partial[..] } else { &[][..] };
            sp.quotes.iter().chain(partial).map(move |at| Pick {
                article: at.article,
                quote: at.quote,
                speaker: Some(s),
            })
        })
        .collect();
    picks.sort();
    picks
}

/// The speaker's name for a pick: the folder's name for them, else the article's.
fn who<'a>(docs: &'a [Document], ix: &'a Index, p: &Pick) -> Option<&'a str> {
    match p.speaker {
        Some(s) => Some(ix.speakers[s].name.as_str()),
        None => docs[p.article].speaker_name(&docs[p.article].quotes[p.quote]),
    }
}

/// The article's title: its headline, else its file name.
pub fn title(doc: &Document) -> String {
    let headline = doc.meta.headline.map(|h| doc.slice(h).trim()).filter(|h| !h.is_empty());
    let file = doc.source.as_deref().map(|s| s.rsplit('/').next().unwrap_or(s)).unwrap_or("(standard input)");
    headline.unwrap_or(file).to_string()
}

/// `“text” — Speaker (cue) [partial], in “Title”` (inert).
fn text_line(docs: &[Document], ix: &Index, p: &Pick) -> String {
    let d = &docs[p.article];
    let q = &d.quotes[p.quote];
    let kind = if q.kind == QuoteKind::Partial { " [partial]" } else { "" };
    let cue = q.cue.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
    // A quote spoken together names everyone: "Ana Ruiz and Joe Tamsin".
    let joint = (!q.with.is_empty()).then(|| d.speakers_label(q)).flatten();
    let speaker = joint.as_deref().or(who(docs, ix, p)).unwrap_or("(unattributed)");
    let line = format!("\u{201c}{}\u{201d} \u{2014} {speaker}{cue}{kind}, in \u{201c}{}\u{201d}", q.text, title(d));
    inert(&line).into_owned()
}

/// The 1-based paragraph holding `q`, when the document has paragraphs.
fn paragraph(doc: &Document, q: &Quote) -> Option<usize> {
    let n = doc.paragraphs.partition_point(|p| p.start <= q.start);
    (n > 0).then_some(n)
}

/// One JSON object for a pick (with its article: path or URL, title).
fn json_line(out: &mut dyn Write, docs: &[Document], ix: &Index, p: &Pick) -> io::Result<()> {
    let d = &docs[p.article];
    let q = &d.quotes[p.quote];
    let mut article = serde_json::Map::new();
    if let Some(src) = d.source.as_deref() {
        let is_url = src.starts_with("http://") || src.starts_with("https://");
        article.insert(if is_url { "url" } else { "path" }.into(), src.into());
    }
    article.insert("title".into(), title(d).into());
    if let Some(date) = d.meta.day() {
        article.insert("date".into(), date.into());
    }
    // The others who speak it with the one named, by their folder names.
    let shown = |e: usize| match p.speaker {
        Some(sp) => ix.speaker_of(p.article, e) == Some(sp),
        None => q.speaker == Some(e),
    };
    let name = |e: usize| match ix.speaker_of(p.article, e) {
        Some(sp) => Some(ix.speakers[sp].name.as_str()),
        None => d.entity(e).map(|x| x.name.as_str()),
    };
    let with: Vec<&str> = q.speakers().filter(|&e| !shown(e)).filter_map(name).collect();
    let mut value = serde_json::json!({
        "speaker": who(docs, ix, p),
        "text": q.text,
        "kind": if q.kind == QuoteKind::Partial { "partial" } else { "direct" },
        "start": q.start,
        "end": q.end,
        "paragraph": paragraph(d, q),
        "article": article,
    });
    if !with.is_empty() {
        value["with"] = with.into();
    }
    let mut w = InertJson::new(&mut *out);
    serde_json::to_writer(&mut w, &value).map_err(io::Error::other)?;
    w.flush()?;
    writeln!(out)
}

/// Markdown: a heading per speaker (those asked for, else every speaker,
/// most quoted first, then the unattributed), each quote a blockquote
/// followed by its citation: the article's title and file.
fn markdown(
    out: &mut dyn Write,
    docs: &[Document],
    ix: &Index,
    picks: &[Pick],
    speakers: Option<&[usize]>,
) -> io::Result<()> {
    let order: Vec<Option<usize>> = match speakers {
        Some(s) => s.iter().copied().map(Some).collect(),
        None => (0..ix.speakers.len()).map(Some).chain([None]).collect(),
    };
    let mut first = true;
    for s in order {
        let mine: Vec<&Pick> = picks.iter().filter(|p| p.speaker == s).collect();
        if mine.is_empty() {
            continue;
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        let heading = s.map_or("Unattributed", |s| ix.speakers[s].name.as_str());
        writeln!(out, "## {}", md(heading))?;
        for p in mine {
            let d = &docs[p.article];
            writeln!(out)?;
            for line in inert_with(d.quotes[p.quote].text.trim(), true).lines() {
                writeln!(out, "> {}", md(line))?;
            }
            let file = d.source.as_deref().unwrap_or("standard input");
            let file = if file.contains('`') { md(file) } else { format!("`{}`", inert(file)) };
            let date = d.meta.day().map(|x| format!(", {}", md(x))).unwrap_or_default();
            writeln!(out, "\n\u{2014} *{}*{date}, {file}", md(&title(d)))?;
        }
    }
    Ok(())
}

/// Inert text with Markdown's special characters escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in inert(s).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs `byline speakers`: every speaker of the articles with their quote
/// and article counts, most quoted first.
pub fn speakers(files: &[PathBuf], format: ListFormat, strict: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let docs = load_all(files, strict)?;
    let ix = index(&docs);
    let mut out = io::BufWriter::new(out);
    if format == ListFormat::Text {
        writeln!(out, "{:>6} {:>8}  speaker", "quotes", "articles").map_err(write_failure)?;
    }
    for s in &ix.speakers {
        if format == ListFormat::Jsonl {
            let value = serde_json::json!({
                "speaker": s.name, "kind": s.kind.as_str(), "quotes": s.quotes.len(),
                "partial": s.partial.len(), "articles": s.articles, "names": s.names,
            });
            let mut w = InertJson::new(&mut out);
            serde_json::to_writer(&mut w, &value).map_err(io::Error::other).map_err(write_failure)?;
            w.flush().map_err(write_failure)?;
            writeln!(out).map_err(write_failure)?;
            continue;
        }
        let others: Vec<&str> = s.names.iter().map(String::as_str).filter(|n| *n != s.name).collect();
        let also = if others.is_empty() { String::new() } else { format!(" (also: {})", others.join(", ")) };
        let line = format!("{:>6} {:>8}  {}{also}", s.quotes.len(), s.articles, s.name);
        writeln!(out, "{}", inert(&line)).map_err(write_failure)?;
    }
    out.flush().map_err(write_failure)
}
