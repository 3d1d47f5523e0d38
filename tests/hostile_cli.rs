//! Bad and unusual files given to `byline annotate` (and `quotes`): each gets
//! its documented outcome (PRODUCT.md section 5, README "Safety"): exit
//! status 0 with a document, or 1 with one `error:` line on stderr; never a
//! panic, never a raw control character on stderr.
//!
//! Cases already covered in tests/cli.rs: a missing file
//! (`missing_file_is_bad_input`), a binary file with NUL bytes
//! (`binary_file_is_refused`), a legacy encoding decoded / `--strict`
//! (`legacy_encoding_is_decoded_or_strict`), an empty folder
//! (`empty_folder_is_bad_input`). Pages and URLs: tests/hostile_web.rs.

use assert_cmd::Command;
use byline::Document;
use std::path::Path;

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

/// Runs `byline annotate --format json FILE`.
fn annotate(path: &Path) -> std::process::Output {
    byline().args(["annotate", "--format", "json"]).arg(path).output().unwrap()
}

/// Asserts exit status 1 and exactly one clean `error:` line; returns it.
fn one_error_line(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8");
    assert!(err.starts_with("error: "), "{err:?}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.chars().any(|c| byline::sanitize::is_unsafe(c) && c != '\n'), "inert: {err:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    err
}

/// Asserts success and returns the document printed.
fn document(out: &std::process::Output) -> Document {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let doc = Document::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    doc.validate().unwrap();
    doc
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn missing_file_in_quotes_and_in_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(dir.path(), "ok.txt", b"Fine.\n");
    // Several files are written in order as each is ready (complete
    // records for jsonl), then the run stops at the bad one with one error line.
    for format in ["json", "jsonl"] {
        let out = byline().args(["annotate", "--format", format]).arg(&ok).arg(dir.path().join("gone.txt")).output();
        let out = out.unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: ") && err.lines().count() == 1, "{err:?}");
        assert!(err.ends_with("gone.txt: no such file\n"), "{err}");
    }
    let out = byline().args(["quotes"]).arg(dir.path().join("gone.txt")).output().unwrap();
    assert!(one_error_line(&out).contains("no such file"));
}

#[test]
fn folder_without_articles_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.pdf", b"%PDF");
    std::fs::create_dir(dir.path().join("empty-sub")).unwrap();
    let err = one_error_line(&byline().args(["annotate"]).arg(dir.path()).output().unwrap());
    assert!(err.contains("no articles (.txt, .md or .html) in this folder"), "{err}");
    // `quotes` and `speakers` take folders like `annotate`: the same error.
    for cmd in ["quotes", "speakers"] {
        let err = one_error_line(&byline().args([cmd]).arg(dir.path()).output().unwrap());
        assert!(err.contains("no articles (.txt, .md or .html) in this folder"), "{cmd}: {err}");
    }
}

#[test]
fn unreadable_file_is_bad_input() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", b"You may not read this.\n");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = annotate(&p);
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // root reads any file: mode 000 cannot fail here. The loop below
        // and /proc/self/mem fail for root too.
        eprintln!("note: running as root; the mode-000 file is readable, its assertion is skipped");
        assert!(out.status.success());
    } else {
        assert!(one_error_line(&out).contains("secret.txt: permission denied"));
    }
    // Unreadable for everyone: a symbolic link loop, and a file whose read fails (EIO).
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).unwrap();
    let err = one_error_line(&annotate(&dir.path().join("loop.txt")));
    assert!(err.contains("loop.txt: too many levels of symbolic links"), "{err}");
    let err = one_error_line(&annotate(Path::new("/proc/self/mem")));
    assert!(err.contains("/proc/self/mem: input/output error"), "{err}");
}

#[test]
fn empty_file_is_an_empty_document() {
    let dir = tempfile::tempdir().unwrap();
    let doc = document(&annotate(&write(dir.path(), "empty.txt", b"")));
    assert!(doc.text.is_empty() && doc.quotes.is_empty() && doc.warnings.is_empty());
    // A BOM alone, or only blank lines, is empty too.
    let doc = document(&annotate(&write(dir.path(), "bom.txt", b"\xef\xbb\xbf\r\n\r\n")));
    assert_eq!(doc.text, "\n\n");
    let out = byline().args(["annotate", "--format", "text", "-"]).write_stdin("").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("quotes (0):"));
}

#[test]
fn legacy_encoding_warning_and_strict_error_name_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "latin1.txt", b"\xabCa va\xbb, dit Ren\xe9.\n");
    let doc = document(&annotate(&p));
    assert_eq!(doc.warnings, vec!["decoded as windows-1252".to_string()]);
    assert!(doc.text.contains("\u{ab}Ca va\u{bb}, dit Ren\u{e9}."));
    let out = byline().args(["annotate", "--format", "text"]).arg(&p).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("warning: decoded as windows-1252"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("warning: ") && err.ends_with("latin1.txt: decoded as windows-1252\n"), "{err}");
    // UTF-8 with one damaged byte stays UTF-8, the byte replaced.
    let p2 = write(dir.path(), "damaged.txt", b"\xc2\xabCa va\xc2\xbb, dit Ren\xe9.\n");
    let doc = document(&annotate(&p2));
    assert_eq!(doc.warnings, vec!["invalid UTF-8 replaced with \u{fffd} (first at byte 18)".to_string()]);
    let out = byline().args(["annotate", "--strict"]).arg(&p).output().unwrap();
    assert!(one_error_line(&out).ends_with("latin1.txt: invalid UTF-8 at byte 0\n"));
    let out = byline().args(["quotes", "--strict"]).arg(&p).output().unwrap();
    assert!(one_error_line(&out).contains("invalid UTF-8 at byte 0"));
}

#[test]
fn binary_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // NUL bytes (a UTF-16 text file, a zip header).
    let utf16: Vec<u8> = "Hello".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    for (name, bytes) in [("utf16.txt", utf16), ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00".to_vec())] {
        let err = one_error_line(&annotate(&write(dir.path(), name, &bytes)));
        assert!(err.ends_with(&format!("{name}: not a text file (binary data)\n")), "{err}");
    }
    // Mostly non-text without a single NUL: pseudo-random bytes 1..=255.
    let mut x: u32 = 12345;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((x >> 16) % 255) as u8 + 1
        })
        .collect();
    let err = one_error_line(&annotate(&write(dir.path(), "noise.txt", &noise)));
    assert!(err.contains("not a text file (binary data)"), "{err}");
    // A long text header in front of binary data.
    let mut headed = "A text header of a binary file. ".repeat(4_000).into_bytes();
    headed.extend_from_slice(b"\x00\x00\x01\x02binary");
    let err = one_error_line(&annotate(&write(dir.path(), "headed.txt", &headed)));
    assert!(err.contains("not a text file (binary data)"), "{err}");
    // Standard input too.
    let out = byline().args(["annotate", "-"]).write_stdin(b"\x00\x01\x02\x03".to_vec()).output().unwrap();
    assert!(one_error_line(&out).contains("standard input: not a text file"));
}

#[test]
fn ten_megabyte_line_without_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "long.txt", &vec![b'x'; 10 * 1024 * 1024]);
    let out = byline().args(["annotate", "--format", "jsonl"]).arg(&p).output().unwrap();
    let doc = document(&out);
    assert_eq!(doc.text.len(), 10 * 1024 * 1024);
    assert_eq!(doc.paragraphs.len(), 1);
}

/// 50 MB of real article text, end to end (about 30 s in a debug build). It
/// reads the text summary: parsing 50 MB of JSON in a debug test would be
/// the slow part.
#[test]
fn fifty_megabyte_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = format!("{}\n\n", byline::SEED_ARTICLE);
    let big: String = article.repeat(50 * 1024 * 1024 / article.len() + 1);
    let p = write(dir.path(), "big.txt", big.as_bytes());
    let out = byline().args(["annotate", "--format", "text"]).arg(&p).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let count = |label: &str| -> usize {
        let line = text.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("no {label} line"));
        line[label.len()..].trim_start_matches(" (").split(')').next().unwrap().parse().unwrap()
    };
    assert!(count("quotes") > 1000, "quotes found all through the article");
    assert!(count("entities") > 0 && count("pledges") > 1000);
}

#[test]
fn crlf_and_lone_cr_become_newlines() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = write(dir.path(), "crlf.txt", b"Roads fixed\r\n\r\n\"We will start,\" Ana Ruiz said.\r\n");
    let doc = document(&annotate(&crlf));
    assert_eq!(doc.text, "Roads fixed\n\n\"We will start,\" Ana Ruiz said.\n");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.slice(doc.quotes[0].span()), "We will start,");
    let cr = write(dir.path(), "cr.txt", b"Roads fixed\r\r\"We will start,\" Ana Ruiz said.\r");
    assert_eq!(document(&annotate(&cr)).text, doc.text, "old Mac line ends read the same");
    let out = byline().args(["quotes"]).arg(&crlf).output().unwrap();
    let q = String::from_utf8(out.stdout).unwrap();
    assert!(q.contains("We will start,") && q.contains("Ana Ruiz") && !q.contains('\r'), "{q:?}");
}

#[test]
fn tabs_are_kept_in_the_document_and_inert_in_text_output() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "tabs.txt", b"Head\tline\n\n\t\"Indented,\" Tom Lee said.\n");
    let doc = document(&annotate(&p));
    assert!(doc.text.contains("\t\"Indented,\""));
    assert_eq!(doc.quotes.len(), 1);
    let out = byline().args(["annotate", "--format", "text"]).arg(&p).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("headline: Head\u{2409}line"), "{text}");
}

#[test]
fn bom_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bom.txt", b"\xef\xbb\xbfSeoul talks\n\n\"Yes,\" Kim Min-jun said.\n");
    let doc = document(&annotate(&p));
    assert!(doc.text.starts_with("Seoul talks"));
    assert_eq!(doc.slice(doc.meta.headline.unwrap()), "Seoul talks");
}

#[test]
fn cjk_and_emoji_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "東京で会談 🇯🇵🤝🇰🇷\n\n「協力を強化する」と田中外相は述べた。👍🏽\n\n\"We agree 😀,\" Kim Min-jun said.\n";
    let p = write(dir.path(), "cjk.txt", text.as_bytes());
    let doc = document(&annotate(&p));
    assert_eq!(doc.text, text);
    assert!(doc.quotes.iter().any(|q| q.text == "We agree 😀,"), "{:?}", doc.quotes);
    let out = byline().args(["quotes"]).arg(&p).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("We agree 😀,"));
    let out = byline().args(["annotate", "--format", "text"]).arg(&p).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("headline: 東京で会談 🇯🇵🤝🇰🇷"));
}

#[test]
fn escapes_in_text_and_file_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let article = "Head \u{1b}]0;pwned\u{7}\n\n\"Hi \u{1b}]52;c;cHduZWQ=\u{7} \u{9b}2J \u{202e}x,\" Ann Lee said.\n";
    let p = write(dir.path(), "evil\u{1b}[2J.txt", article.as_bytes());
    for args in [vec!["annotate", "--format", "text"], vec!["quotes"]] {
        let out = byline().args(&args).arg(&p).output().unwrap();
        assert!(out.status.success());
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(!s.chars().any(|c| byline::sanitize::is_unsafe(c) && c != '\n'), "{args:?}: {s:?}");
        assert!(s.contains("\u{241b}]52;c;cHduZWQ=\u{2407}"), "{s}");
    }
    // JSON is inert too: C0 controls as serde's escapes (\u001b), C1 and
    // bidi controls as \u escapes; the document reads back unchanged.
    for format in ["json", "jsonl"] {
        let out = byline().args(["annotate", "--format", format]).arg(&p).output().unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(!s.chars().any(|c| byline::sanitize::is_unsafe(c) && c != '\n'), "{format}: {s:?}");
        assert!(s.contains("\\u009b2J \\u202ex"), "{s}");
        let doc = Document::from_json(s.trim_end()).unwrap();
        assert_eq!(doc.text, article);
    }
    // An error about a file with escapes in its name.
    let err = one_error_line(&annotate(&dir.path().join("gone\u{1b}]0;t\u{7}.txt")));
    assert!(err.contains("gone\u{241b}]0;t\u{2407}.txt: no such file"), "{err}");
}

#[test]
fn inert_json_writer_escapes_characters_cut_between_writes() {
    use std::io::Write;
    let json = serde_json::to_string("a\u{9b}b\u{202e}c\u{1b}d\u{7f}é😀").unwrap();
    let bytes = json.as_bytes();
    for cut in 0..=bytes.len() {
        let mut out = Vec::new();
        let mut w = byline::cli::InertJson::new(&mut out);
        w.write_all(&bytes[..cut]).unwrap();
        w.write_all(&bytes[cut..]).unwrap();
        w.flush().unwrap();
        drop(w);
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "\"a\\u009bb\\u202ec\\u001bd\\u007fé😀\"", "cut at {cut}");
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), "a\u{9b}b\u{202e}c\u{1b}d\u{7f}é😀");
    }
}
