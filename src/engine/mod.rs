//! The annotation engine: text in, [`Document`] out, in clear stages.
//!
//! 1. [`input`]: bytes to normalized text (BOM, line ends, UTF-8).
//! 2. [`segment`]: meta (headline, dateline, credit), paragraphs, sentences.
//! 3. [`quotes`]: quote marks paired into quotes, direct or partial.
//! 4. [`entities`]: names found, typed and linked; pronouns resolved.
//! 5. [`attribution`]: each direct quote's speaker and cue.
//! 6. [`pledges`]: commitments with actor, action and amount.
//!
//! Word lists come from [`lexicon`], built from `assets/`. The engine has no
//! terminal dependency.

pub mod input;

use crate::model::Document;

/// Annotates an article. `text` should already be normalized (see
/// [`input::decode`]); line ends are folded here too for safety.
pub fn annotate(text: &str) -> Document {
    let text = input::normalize_str(text);
    Document::empty(text)
}

/// Decodes bytes (see [`input::decode`]) and annotates them.
pub fn annotate_bytes(bytes: &[u8], strict: bool) -> Result<Document, input::InputError> {
    let decoded = input::decode(bytes, strict)?;
    let mut doc = annotate(&decoded.text);
    doc.warnings = decoded.warnings;
    Ok(doc)
}
