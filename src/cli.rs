//! The command line: argument parsing, loading articles, and the
//! non-interactive commands (`annotate`, `quotes`, `speakers`; the last two
//! in [`quotes`]).
//!
//! Errors are one `error:` line on stderr: exit status 1 for bad input,
//! 2 for bad usage (clap's own usage errors exit 2 as well).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine;
use crate::model::{Document, MentionForm, QuoteKind};
use crate::sanitize::inert;
use crate::source;

pub mod quotes;
use quotes::{ListFormat, QuoteFormat};

/// byline: read news articles in the terminal, with quotes, speakers,
/// entities and pledges marked.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open: files (text or saved web pages), `http(s)://` URLs,
    /// `-` for standard input, or a folder of .txt/.md/.html articles.
    /// With none, the bundled seed article opens.
    pub files: Vec<PathBuf>,
    /// Reading width cap for the article pane, in columns (default 100,
    /// or `[reader] width` of the config file).
    #[arg(long, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// The config file to read instead of `$XDG_CONFIG_HOME/byline/config.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the full default config (keys, theme, reader), commented, and exit.
    #[arg(long)]
    pub print_config: bool,
    /// Refuse input that is not UTF-8 instead of decoding it.
    #[arg(long)]
    pub strict: bool,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the annotated documents.
    Annotate {
        /// Articles: files, pages, URLs, `-` for standard input, folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Refuse input that is not UTF-8 instead of decoding it.
        #[arg(long)]
        strict: bool,
        /// Print which named rules of the engine fired, and on what text,
        /// instead of the document (`--format jsonl`: one object per rule).
        #[arg(long)]
        explain: bool,
    },
    /// Print the quotes of one or more articles, with their speakers.
    Quotes {
        /// Articles: files, pages, URLs, folders, or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Only quotes by this speaker, in every article (any of their names;
        /// case, accents, titles and initials do not matter).
        #[arg(long)]
        speaker: Option<String>,
        /// Include partial quotes (quoted phrases in the reporter's sentences).
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QuoteFormat::Text)]
        format: QuoteFormat,
        /// Refuse input that is not UTF-8 instead of decoding it.
        #[arg(long)]
        strict: bool,
    },
    /// List the speakers across the articles, with quote and article counts.
    Speakers {
        /// Articles or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Refuse input that is not UTF-8 instead of decoding it.
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
const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

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
            return Err(Failure::input(format!("{}: no articles (.txt, .md or .html) in this folder", shown(p))));
        }
    }
    Ok(out)
}

fn collect_articles(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    // The entry's own type (no stat per file); a symbolic link is followed.
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            let is_dir = match e.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => path.is_dir(),
            };
            (path, is_dir)
        })
        .collect();
    entries.sort();
    for (path, is_dir) in entries {
        if is_dir {
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
    let plain = read_plain(path, strict)?;
    Ok(annotate_plain(plain))
}

/// Annotates a document read by [`read_plain`] (keeping its source and warnings).
pub fn annotate_plain(plain: Document) -> Document {
    let mut doc = engine::annotate_string(plain.text);
    doc.source = plain.source;
    doc.warnings = plain.warnings;
    doc.captions = plain.captions;
    // A page's title is its headline even where the text rules see none
    // ("Will the ferry run?" ends like a sentence).
    doc.meta.headline = doc.meta.headline.or(plain.meta.headline);
    doc.meta.author = plain.meta.author;
    doc.meta.published = plain.meta.published;
    doc
}

/// Reads and decodes one article without annotating it (a page extracted
/// to its article text, a URL fetched): a document with only its text,
/// source, page meta and input warnings. `-` is standard input.
pub fn read_plain(path: &Path, strict: bool) -> Result<Document, Failure> {
    let origin = source::Origin::of(path);
    source::read_plain(origin, strict).map_err(|e| Failure::input(format!("{}: {}", label(path), inert(&e))))
}

/// An article argument as named in messages.
fn label(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".into()
    } else {
        shown(path)
    }
}

/// Writes a document's input warnings to stderr, one `warning:` line each.
pub(crate) fn warn(path: &Path, doc: &Document) {
    for w in &doc.warnings {
        eprintln!("warning: {}: {}", label(path), inert(w));
    }
}

/// Runs `byline annotate`.
///
/// One article is written straight to `out` as it serializes. Several are
/// annotated on all cores (rayon), each worker taking the next article in
/// path order, and written in that order as soon as each one's turn comes;
/// the first failure (in path order) stops the run. A progress bar goes to
/// stderr when it is a terminal.
pub fn annotate(files: &[PathBuf], format: Format, strict: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let files = expand_paths(files)?;
    if files.len() == 1 {
        let doc = load(&files[0], strict)?;
        warn(&files[0], &doc);
        let mut out = io::BufWriter::new(out);
        write_doc(&mut out, &doc, format, "").map_err(write_failure)?;
        return out.flush().map_err(write_failure);
    }
    let progress = Progress::new(files.len());
    let n = files.len();
    if format == Format::Json {
        writeln!(out, "[").map_err(write_failure)?;
    }
    for_each_in_order(
        &files,
        |i, path| {
            let doc = load(path, strict)?;
            let mut buf = Vec::with_capacity(doc.text.len() * 4);
            let sep = if i + 1 < n { "," } else { "" };
            write_doc(&mut buf, &doc, format, sep).map_err(write_failure)?;
            Ok((buf, doc.warnings))
        },
        |i, (bytes, warnings)| {
            progress.inc();
            for w in &warnings {
                eprintln!("warning: {}: {}", label(&files[i]), inert(w));
            }
            out.write_all(&bytes).map_err(write_failure)
        },
    )?;
    progress.finish();
    if format == Format::Json {
        writeln!(out, "]").map_err(write_failure)?;
    }
    out.flush().map_err(write_failure)
}

/// `byline annotate --explain`: every named rule that fired on each article,
/// in firing order, with the text it decided on (see [`engine::trace`]).
pub fn explain(files: &[PathBuf], format: Format, strict: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let mut out = io::BufWriter::new(out);
    for path in expand_paths(files)? {
        let (doc, fired) = engine::trace::collect(|| load(&path, strict));
        let doc = doc?;
        let source = shown(&path);
        if format != Format::Jsonl {
            writeln!(out, "== {}", inert(&source)).map_err(write_failure)?;
        }
        for f in fired {
            let text = doc.text.get(f.start..f.end).unwrap_or("");
            let line = if format == Format::Jsonl {
                let value = serde_json::json!({
                    "source": source, "stage": f.stage, "rule": f.rule, "start": f.start, "end": f.end, "text": text,
                });
                let mut w = InertJson::new(&mut out);
                serde_json::to_writer(&mut w, &value).map_err(io::Error::other).map_err(write_failure)?;
                w.flush().map_err(write_failure)?;
                String::new()
            } else {
                format!("{:<12} {:<40} {:>6}..{:<6} {}", f.stage, f.rule, f.start, f.end, inert(text))
            };
            writeln!(out, "{line}").map_err(write_failure)?;
        }
    }
    out.flush().map_err(write_failure)
}

/// The block serde_json's output is gathered in before [`InertJson`].
const JSON_BUFFER: usize = 32 << 10;

/// Writes one document in `format` (`sep` after a JSON document).
fn write_doc(out: &mut dyn Write, doc: &Document, format: Format, sep: &str) -> io::Result<()> {
    match format {
        // (serde_json writes many small pieces: buffered before the escaping,
        // which then scans large blocks.)
        Format::Json => {
            let mut w = io::BufWriter::with_capacity(JSON_BUFFER, InertJson::new(&mut *out));
            serde_json::to_writer_pretty(&mut w, doc).map_err(io::Error::other)?;
            w.flush()?;
            drop(w);
            writeln!(out, "{sep}")
        }
        Format::Jsonl => {
            let mut w = io::BufWriter::with_capacity(JSON_BUFFER, InertJson::new(&mut *out));
            serde_json::to_writer(&mut w, doc).map_err(io::Error::other)?;
            w.flush()?;
            drop(w);
            writeln!(out)
        }
        Format::Text => write!(out, "{}", text_summary(doc)),
    }
}

/// Runs `work` on every item on all cores (rayon's threads, each taking the
/// next item in order) and hands the results to `sink` in item order, on the
/// calling thread, each as soon as all before it are done. The first error
/// (in item order, from `work` or `sink`) stops the run and is returned.
pub fn for_each_in_order<T, R, W, S>(items: &[T], work: W, mut sink: S) -> Result<(), Failure>
where
    T: Sync,
    R: Send,
    W: Fn(usize, &T) -> Result<R, Failure> + Sync,
    S: FnMut(usize, R) -> Result<(), Failure>,
{
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc;

    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Result<R, Failure>)>();
    std::thread::scope(|scope| {
        let (next, stop, work) = (&next, &stop, &work);
        scope.spawn(move || {
            rayon::broadcast(|_| {
                let tx = tx.clone();
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(i, item))).is_err() {
                        break;
                    }
                }
            });
        });
        // Results that came early wait here for their turn.
        let mut waiting: BTreeMap<usize, Result<R, Failure>> = BTreeMap::new();
        let mut turn = 0;
        let result = loop {
            if turn == items.len() {
                break Ok(());
            }
            let r = match waiting.remove(&turn) {
                Some(r) => r,
                None => match rx.recv() {
                    Ok((i, r)) if i == turn => r,
                    Ok((i, r)) => {
                        waiting.insert(i, r);
                        continue;
                    }
                    Err(_) => break Err(Failure::input("a worker thread stopped")),
                },
            };
            if let Err(f) = r.and_then(|r| sink(turn, r)) {
                break Err(f);
            }
            turn += 1;
        };
        stop.store(true, Ordering::Relaxed);
        drop(rx);
        result
    })
}

/// A progress bar on stderr, only when stderr is a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(n: usize) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::with_draw_target(Some(n as u64), indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template("annotating {pos}/{len} {wide_bar} {elapsed}") {
            bar.set_style(style);
        }
        Progress(Some(bar))
    }

    fn inc(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// A writer for JSON that is also safe on a terminal: serde already escapes
/// C0 controls (`\u001b`); this writes the characters it leaves raw (DEL,
/// C1 controls, bidi controls) as `\uXXXX` escapes too. They can only occur
/// inside JSON strings, so the JSON means exactly the same. A character cut
/// in two between writes waits for its other half.
pub struct InertJson<W: Write> {
    inner: W,
    partial: Vec<u8>,
}

impl<W: Write> InertJson<W> {
    pub fn new(inner: W) -> Self {
        InertJson { inner, partial: Vec::new() }
    }

    fn write_str(&mut self, s: &str) -> io::Result<()> {
        let (b, mut start, mut i) = (s.as_bytes(), 0, 0);
        // (Printable ASCII and newlines, most of the text, are safe: skipped
        // 16 bytes at a time, a test without branches the compiler widens.)
        let safe = |x: u8| x.wrapping_sub(b' ') < 95 || x == b'\n';
        while i < b.len() {
            if let Some(chunk) = b.get(i..i + 16) {
                if chunk.iter().fold(true, |ok, &x| ok & safe(x)) {
                    i += 16;
                    continue;
                }
            }
            if safe(b[i]) {
                i += 1;
                continue;
            }
            let c = s[i..].chars().next().unwrap_or_default();
            if crate::sanitize::is_unsafe(c) {
                self.inner.write_all(&b[start..i])?;
                write!(self.inner, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
        self.inner.write_all(&b[start..])
    }

    /// Writes the complete characters of `data`, keeps a cut-off last one.
    fn write_bytes(&mut self, data: &[u8]) -> io::Result<()> {
        match std::str::from_utf8(data) {
            Ok(s) => self.write_str(s),
            Err(e) if e.error_len().is_none() => {
                let (done, rest) = data.split_at(e.valid_up_to());
                self.write_str(std::str::from_utf8(done).map_err(io::Error::other)?)?;
                self.partial = rest.to_vec();
                Ok(())
            }
            // Not UTF-8 (never from serde_json): passed on as is.
            Err(_) => self.inner.write_all(data),
        }
    }
}

impl<W: Write> Write for InertJson<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.partial.is_empty() {
            self.write_bytes(buf)?;
        } else {
            let mut data = std::mem::take(&mut self.partial);
            data.extend_from_slice(buf);
            self.write_bytes(&data)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let rest = std::mem::take(&mut self.partial);
        self.inner.write_all(&rest)?;
        self.inner.flush()
    }
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
    for (label, value) in [("author", &doc.meta.author), ("published", &doc.meta.published)] {
        if let Some(v) = value {
            let _ = writeln!(s, "{label}: {}", inert(v));
        }
    }
    for c in &doc.captions {
        let _ = writeln!(s, "caption: {}", inert(c));
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
    let speaker = doc.speakers_label(q).unwrap_or_else(|| "(unattributed)".to_string());
    let kind = if q.kind == QuoteKind::Partial { " [partial]" } else { "" };
    let cue = q.cue.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
    format!("\u{201c}{}\u{201d} \u{2014} {}{}{}", inert(&q.text), inert(&speaker), inert(&cue), kind)
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
        Some(Command::Annotate { files, format, strict, explain: false }) => {
            annotate(files, *format, *strict, &mut stdout.lock())
        }
        Some(Command::Annotate { files, format, strict, explain: true }) => {
            explain(files, *format, *strict, &mut stdout.lock())
        }
        Some(Command::Quotes { files, speaker, all, format, strict }) => {
            quotes::quotes(files, speaker.as_deref(), *all, *format, *strict, &mut stdout.lock())
        }
        Some(Command::Speakers { files, format, strict }) => {
            quotes::speakers(files, *format, *strict, &mut stdout.lock())
        }
        None if cli.print_config => {
            let text = crate::reader::config::default_text();
            stdout.lock().write_all(text.as_bytes()).map_err(|e| Failure::input(e.to_string()))
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
    let mut config = crate::reader::config::load(cli.config.as_deref());
    if let Some(w) = &config.warning {
        eprintln!("warning: {w}");
    }
    if let Some(width) = cli.width {
        config.options.width_cap = width;
    }
    let shown = |e: anyhow::Error| Failure::input(inert(&format!("{e:#}")).into_owned());
    if cli.files.iter().any(|p| p.as_os_str() != "-" && p.is_dir()) {
        // A folder: the article list at once, the articles annotated behind it.
        if cli.files.iter().any(|p| p.as_os_str() == "-") {
            return Err(Failure::usage("standard input (-) cannot be opened with a folder"));
        }
        let files = expand_paths(&cli.files)?;
        need_terminal()?;
        let strict = cli.strict;
        let load_one = move |p: &Path| load(p, strict).map_err(|f| f.message);
        return crate::reader::run_library(files, load_one, &config).map_err(shown);
    }
    if cli.files.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::usage("standard input (-) can be given only once"));
    }
    if !cli.files.is_empty() {
        let plain = cli.files.iter().map(|p| read_plain(p, cli.strict)).collect::<Result<Vec<_>, _>>()?;
        need_terminal()?;
        if plain.iter().map(|d| d.text.len()).sum::<usize>() >= PROGRESSIVE_BYTES {
            // Large: the text shows at once, the annotations when they are ready.
            return crate::reader::run_progressive(plain, annotate_plain, &config).map_err(shown);
        }
        // Short: the text is drawn while it is annotated (a few ms), keys wait for it.
        return crate::reader::run_text_first(plain, annotate_plain, &config).map_err(shown);
    }
    need_terminal()?;
    // The bundled seed, the same way.
    let mut seed = Document::empty(engine::input::normalize_str(crate::SEED_ARTICLE));
    seed.source = Some(crate::SEED_NAME.to_string());
    let annotate_seed = |plain: Document| {
        let mut doc = engine::annotate_string(plain.text);
        doc.source = plain.source;
        doc
    };
    crate::reader::run_text_first(vec![seed], annotate_seed, &config).map_err(shown)
}

/// From this much text on, the reader shows the articles before their
/// annotations are ready (annotating takes more than a few tens of ms).
const PROGRESSIVE_BYTES: usize = 256 << 10;

fn need_terminal() -> Result<(), Failure> {
    if io::stdout().is_terminal() {
        return Ok(());
    }
    Err(Failure::usage("the reader needs a terminal on standard output (try `byline annotate FILE --format text`)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn in_order_whatever_order_the_workers_finish() {
        let items: Vec<u64> = (0..40).collect();
        let mut seen = Vec::new();
        for_each_in_order(
            &items,
            |i, &x| {
                std::thread::sleep(Duration::from_micros(100 * (40 - x)));
                Ok((i, x * 2))
            },
            |turn, (i, y)| {
                assert_eq!(turn, i);
                seen.push(y);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..40).map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn the_first_failure_in_order_wins() {
        let items: Vec<u64> = (0..30).collect();
        let mut seen = Vec::new();
        let err = for_each_in_order(
            &items,
            |_, &x| match x {
                // The later failure is quick, the earlier one slow.
                20 => Err(Failure::input("twenty")),
                9 => {
                    std::thread::sleep(Duration::from_millis(20));
                    Err(Failure::input("nine"))
                }
                _ => Ok(x),
            },
            |_, x| {
                seen.push(x);
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(err.message, "nine");
        assert_eq!(seen, (0..9).collect::<Vec<_>>());
        let err =
            for_each_in_order(&items, |_, &x| Ok(x), |_, x| if x == 3 { Err(Failure::input("sink")) } else { Ok(()) })
                .unwrap_err();
        assert_eq!(err.message, "sink");
    }
}
