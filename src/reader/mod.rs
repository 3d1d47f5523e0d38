//! The terminal reader: event loop and panes over annotated documents.

use crate::model::Document;

/// Reader settings from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The article pane's maximum width, in columns.
    pub width_cap: u16,
}

/// Runs the interactive reader until the user quits.
pub fn run(docs: Vec<Document>, options: Options) -> anyhow::Result<()> {
    let _ = (docs, options);
    anyhow::bail!("the reader is not built yet")
}
