//! The command line: argument parsing, loading articles, and the
//! non-interactive commands (`annotate`, `quotes`).
//!
//! Errors are one `error:` line on stderr: exit status 1 for bad input,
//! 2 for bad usage (clap's own usage errors exit 2 as well).

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine;
use crate::model::{Document, MentionForm, QuoteKind};
use crate::sanitize::inert;

/// byline: read news articles in the terminal, with quotes, speakers,
/// entities and pledges marked.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open (`-` reads standard input; a folder opens every
    /// .txt/.md article in it). With none, the bundled seed article opens.
    pub files: Vec<PathBuf>,
    /// Reading width cap for the article pane, in columns.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: u16,
    /// Refuse invalid UTF-8 instead of replacing it.
    #[arg(long)]
    pub strict: bool,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the annotated documents.
    Annotate {
        /// Articles (`-` for standard input, folders for every article in them).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Refuse invalid UTF-8 instead of replacing it.
        #[arg(long)]
        strict: bool,
    },
    /// Print the quotes, one per line, with their speakers.
    Quotes {
        /// The article (`-` for standard input).
        file: PathBuf,
        /// Only quotes by this speaker (any of their names, case-insensitive).
        #[arg(long)]
        speaker: Option<String>,
        /// Include partial quotes (quoted phrases in the reporter's sentences).
        #[arg(long)]
        all: bool,
        /// Refuse invalid UTF-8 instead of replacing it.
        #[arg(long)]
        strict: bool,
    },
}

/// Output formats of `byline annotate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One pretty JSON document (a JSON array for several).
    Json,
    /// One document per line.
    Jsonl,
    /// A human-readable summary.
    Text,
}

/// A failure with its exit status; printed as one `error:` line.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    /// Bad input (exit status 1).
    pub fn input(message: impl Into<String>) -> Self {
        Failure { code: 1, message: message.into() }
    }
    /// Bad usage (exit status 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure { code: 2, message: message.into() }
    }
}

/// Article file extensions taken from folders.
const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// Expands the command-line paths: folders become the articles inside them
/// (recursively, sorted), `-` stays as standard input.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let before = out.len();
        collect_articles(p, &mut out).map_err(|e| Failure::input(format!("{}: {e}", shown(p))))?;
        if out.len() == before {
            return Err(Failure::input(format!("{}: no articles (.txt or .md) in this folder", shown(p))));
        }
    }
    Ok(out)
}

fn collect_articles(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_articles(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// A path as shown in messages (control characters made inert).
pub fn shown(p: &Path) -> String {
    inert(&p.to_string_lossy()).into_owned()
}

/// Reads and annotates one article; `-` is standard input.
pub fn load(path: &Path, strict: bool) -> Result<Document, Failure> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| Failure::input(format!("standard input: {e}")))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Failure::input(format!("{}: {}", shown(path), io_message(&e))))?
    };
    let mut doc = engine::annotate_bytes(&bytes, strict).map_err(|e| {
        Failure::input(format!("{}: {e}", if path.as_os_str() == "-" { "standard input".into() } else { shown(path) }))
    })?;
    if path.as_os_str() != "-" {
        doc.source = Some(path.to_string_lossy().into_owned());
    }
    Ok(doc)
}

/// A short, lowercase description of an I/O error.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a folder".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

/// Runs `byline annotate`.
///
/// With `--format json` and several files nothing is printed until every
/// file has loaded, so a bad file gives the error line alone, never half a
/// JSON array. `jsonl` and `text` print each document as soon as it is
/// ready (complete records), then stop at the first bad file.
pub fn annotate(files: &[PathBuf], format: Format, strict: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let files = expand_paths(files)?;
    if format == Format::Json {
        let docs = files.iter().map(|p| load(p, strict).map(|d| json_inert(&d.to_json()).into_owned()));
        let docs = docs.collect::<Result<Vec<String>, Failure>>()?;
        let written =
            if docs.len() == 1 { writeln!(out, "{}", docs[0]) } else { writeln!(out, "[\n{}\n]", docs.join(",\n")) };
        return written.map_err(write_failure);
    }
    for path in &files {
        let doc = load(path, strict)?;
        let written = match format {
            Format::Jsonl | Format::Json => writeln!(out, "{}", json_inert(&doc.to_json_line())),
            Format::Text => write!(out, "{}", text_summary(&doc)),
        };
        written.map_err(write_failure)?;
    }
    Ok(())
}

/// JSON that is also safe on a terminal: serde already escapes C0 controls
/// (`\u001b`); this writes the remaining unsafe characters (DEL, C1
/// controls, bidi controls) as `\uXXXX` escapes too. They can only occur
/// inside JSON strings, so the JSON means exactly the same.
pub fn json_inert(json: &str) -> std::borrow::Cow<'_, str> {
    use std::fmt::Write as _;
    if !json.chars().any(|c| c != '\n' && crate::sanitize::is_unsafe(c)) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut s = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if c != '\n' && crate::sanitize::is_unsafe(c) {
            let _ = write!(s, "\\u{:04x}", c as u32);
        } else {
            s.push(c);
        }
    }
    std::borrow::Cow::Owned(s)
}

fn write_failure(e: io::Error) -> Failure {
    Failure::input(format!("writing output: {e}"))
}

/// A human-readable summary of a document (inert: safe for a terminal).
pub fn text_summary(doc: &Document) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let src = doc.source.as_deref().unwrap_or("(standard input)");
    let _ = writeln!(s, "# {}", inert(src));
    if let Some(h) = doc.meta.headline {
        let _ = writeln!(s, "headline: {}", inert(doc.slice(h)));
    }
    if let Some(d) = doc.meta.dateline {
        let _ = writeln!(s, "dateline: {}", inert(doc.slice(d)));
    }
    if let Some(c) = doc.meta.credit {
        let _ = writeln!(s, "credit: {}", inert(doc.slice(c)));
    }
    for w in &doc.warnings {
        let _ = writeln!(s, "warning: {}", inert(w));
    }
    let _ = writeln!(s, "entities ({}):", doc.entities.len());
    for e in &doc.entities {
        let titles = if e.titles.is_empty() { String::new() } else { format!(" [{}]", e.titles.join("; ")) };
        let _ = writeln!(
            s,
            "  {:>3} {:<12} {}{} ({} mentions)",
            e.id,
            e.kind.as_str(),
            inert(&e.name),
            inert(&titles),
            e.mentions.len()
        );
    }
    let _ = writeln!(s, "quotes ({}):", doc.quotes.len());
    for q in &doc.quotes {
        let _ = writeln!(s, "  {}", quote_line(doc, q));
    }
    let _ = writeln!(s, "pledges ({}):", doc.pledges.len());
    for p in &doc.pledges {
        let actor = p.actor.and_then(|a| doc.entity(a)).map_or("?", |e| e.name.as_str());
        let amount = p.amount.as_deref().map(|a| format!(" [{a}]")).unwrap_or_default();
        let _ = writeln!(s, "  {:>3} {}: {}{}", p.id, inert(actor), inert(&p.action), inert(&amount));
    }
    s
}

/// One line for a quote: `"text" -- Speaker (cue)`.
pub fn quote_line(doc: &Document, q: &crate::model::Quote) -> String {
    let speaker = doc.speaker_name(q).unwrap_or("(unattributed)");
    let kind = if q.kind == QuoteKind::Partial { " [partial]" } else { "" };
    let cue = q.cue.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
    format!("\u{201c}{}\u{201d} \u{2014} {}{}{}", inert(&q.text), inert(speaker), inert(&cue), kind)
}

/// True when `name` names entity `id`: its canonical name, any of its name
/// or alias mentions, or one word of its name (case-insensitive).
pub fn speaker_matches(doc: &Document, id: usize, name: &str) -> bool {
    let Some(e) = doc.entity(id) else { return false };
    let want = name.trim().to_lowercase();
    if want.is_empty() {
        return false;
    }
    if e.name.to_lowercase() == want || e.name.split_whitespace().any(|w| w.to_lowercase() == want) {
        return true;
    }
    e.mentions.iter().filter(|m| m.form != MentionForm::Pronoun).any(|m| doc.slice(m.span()).to_lowercase() == want)
}

/// Runs `byline quotes`.
pub fn quotes(file: &Path, speaker: Option<&str>, all: bool, strict: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let doc = load(file, strict)?;
    for q in &doc.quotes {
        if q.kind == QuoteKind::Partial && !all {
            continue;
        }
        if let Some(name) = speaker {
            if !q.speaker.is_some_and(|id| speaker_matches(&doc, id, name)) {
                continue;
            }
        }
        writeln!(out, "{}", quote_line(&doc, q)).map_err(write_failure)?;
    }
    Ok(())
}

/// Loads the articles for the reader: the seed when no file is given.
pub fn reader_documents(files: &[PathBuf], strict: bool) -> Result<Vec<Document>, Failure> {
    if files.is_empty() {
        let mut doc = engine::annotate(crate::SEED_ARTICLE);
        doc.source = Some(crate::SEED_NAME.to_string());
        return Ok(vec![doc]);
    }
    if files.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::usage("standard input (-) can be given only once"));
    }
    let files = expand_paths(files)?;
    files.iter().map(|p| load(p, strict)).collect()
}

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return code;
        }
    };
    let stdout = io::stdout();
    let result = match &cli.command {
        Some(Command::Annotate { files, format, strict }) => annotate(files, *format, *strict, &mut stdout.lock()),
        Some(Command::Quotes { file, speaker, all, strict }) => {
            quotes(file, speaker.as_deref(), *all, *strict, &mut stdout.lock())
        }
        None => run_reader(&cli),
    };
    match result {
        Ok(()) => 0,
        Err(f) => {
            // A closed pipe (`byline annotate x | head`) is not an error worth a line.
            if !f.message.contains("Broken pipe") {
                eprintln!("error: {}", f.message);
            }
            f.code
        }
    }
}

fn run_reader(cli: &Cli) -> Result<(), Failure> {
    let docs = reader_documents(&cli.files, cli.strict)?;
    if !io::stdout().is_terminal() {
        return Err(Failure::usage(
            "the reader needs a terminal on standard output (try `byline annotate FILE --format text`)",
        ));
    }
    let options = crate::reader::Options { width_cap: cli.width };
    crate::reader::run(docs, options).map_err(|e| Failure::input(inert(&format!("{e:#}")).into_owned()))
}
