//! byline: a terminal reader for news articles.
//!
//! The crate is laid out in separate rooms:
//!
//! - [`model`]: the annotated [`Document`](model::Document), serde, no terminal.
//! - [`engine`]: the annotation stages that turn text into a `Document`.
//! - [`reader`]: the terminal UI (event loop, panes) over documents.
//! - [`across`]: speakers joined across articles (one person, every article), no terminal.
//! - [`cli`]: the command line (`byline`, `byline annotate`, `byline quotes`, `byline speakers`).
//! - [`source`]: where articles come from (files, standard input, URLs);
//!   web pages extracted to article text, HTTP only for a URL argument.
//! - [`sanitize`]: making article text inert before it reaches a terminal.

pub mod across;
pub mod cli;
pub mod engine;
pub mod model;
pub mod reader;
pub mod sanitize;
pub mod source;

pub use engine::annotate;
pub use model::Document;

/// The seed article, built into the binary: `byline` with no argument opens it.
pub const SEED_ARTICLE: &str = include_str!("../seeds/000_95e916f942a66a19.txt");
/// The seed article's file name, shown as its source label.
pub const SEED_NAME: &str = "seeds/000_95e916f942a66a19.txt";
