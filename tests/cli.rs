//! The command line, run as a user would: outputs, errors and exit codes.

use assert_cmd::Command;
use std::io::Write;

const SEED: &str = "seeds/000_95e916f942a66a19.txt";

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

#[test]
fn annotate_json_loads_back_identically() {
    let out = byline().args(["annotate", SEED, "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let doc = byline::Document::from_json(&text).unwrap();
    assert_eq!(doc.schema, "byline.document/1");
    assert_eq!(doc.source.as_deref(), Some(SEED));
    let again = byline::Document::from_json(&doc.to_json()).unwrap();
    assert_eq!(again, doc);
}

#[test]
fn annotate_jsonl_one_document_per_line_with_source() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "\u{201c}We will win,\u{201d} Jane Doe said.\n").unwrap();
    std::fs::write(&b, "Nothing quoted here.\n").unwrap();
    let out = byline().args(["annotate", "--format", "jsonl"]).arg(&a).arg(&b).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let d0 = byline::Document::from_json(lines[0]).unwrap();
    assert_eq!(d0.source.as_deref(), Some(a.to_str().unwrap()));
    assert_eq!(d0.quotes.len(), 1);
}

#[test]
fn annotate_a_folder_takes_its_articles_in_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("b.txt"), "B.\n").unwrap();
    std::fs::write(dir.path().join("sub/a.md"), "A.\n").unwrap();
    std::fs::write(dir.path().join("skip.bin"), "x").unwrap();
    let out = byline().args(["annotate", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let sources: Vec<String> = text.lines().map(|l| byline::Document::from_json(l).unwrap().source.unwrap()).collect();
    assert_eq!(sources.len(), 2);
    assert!(sources[0].ends_with("b.txt") && sources[1].ends_with("sub/a.md"), "{sources:?}");
}

#[test]
fn annotate_text_format_is_readable() {
    let out = byline().args(["annotate", SEED, "--format", "text"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("headline: S. Korea pledges leading role"));
    assert!(text.contains("Chung Eui-yong"));
}

#[test]
fn quotes_by_speaker_prints_only_theirs() {
    let out = byline().args(["quotes", SEED, "--speaker", "chung"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines.iter().all(|l| l.contains("Chung Eui-yong")));
    let all = byline().args(["quotes", SEED]).output().unwrap();
    assert_eq!(String::from_utf8(all.stdout).unwrap().lines().count(), 8);
}

#[test]
fn standard_input_is_read_with_dash() {
    let out =
        byline().args(["quotes", "-"]).write_stdin("\u{201c}It is done,\u{201d} Maria Lopez said.\n").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("Maria Lopez"));
}

fn error_line(out: &std::process::Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.starts_with("error:"), "stderr starts with error: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn missing_file_is_bad_input() {
    let out = byline().args(["annotate", "no/such/file.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(error_line(&out).contains("no such file"));
}

#[test]
fn bad_usage_exits_2() {
    let out = byline().args(["annotate", SEED, "--format", "yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    error_line(&out);
    let out = byline().args(["annotate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn binary_file_is_refused() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(b"\x7fELF\x00\x00\x01binary").unwrap();
    let out = byline().args(["annotate"]).arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(error_line(&out).contains("binary"));
}

#[test]
fn legacy_encoding_is_decoded_or_strict() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(b"Caf\xe9 owner Jean Roy said it was fine.\n").unwrap();
    let out = byline().args(["annotate", "--format", "json"]).arg(f.path()).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("decoded as windows-1252"));
    let doc = byline::Document::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(doc.warnings, vec!["decoded as windows-1252".to_string()]);
    assert!(doc.text.starts_with("Caf\u{e9} owner"));
    let out = byline().args(["annotate", "--strict"]).arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(error_line(&out).contains("invalid UTF-8"));
}

#[test]
fn empty_folder_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = byline().args(["annotate"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(error_line(&out).contains("no articles"));
}

#[test]
fn reader_without_a_terminal_says_so() {
    let out = byline().arg(SEED).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(error_line(&out).contains("terminal"));
}

#[test]
fn control_characters_in_paths_and_text_stay_inert() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all("\u{201c}Hi\u{1b}]52;c;AAAA\u{7},\u{201d} Ann Lee said.\n".as_bytes()).unwrap();
    let out = byline().args(["quotes"]).arg(f.path()).output().unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07));
}

#[test]
fn annotate_folder_jsonl_is_in_path_order_and_matches_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for i in 0..24 {
        // Different sizes, so the workers finish out of order.
        let sub = if i % 3 == 0 { "z" } else { "a" };
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        let p = dir.path().join(sub).join(format!("{i:02}.txt"));
        let mut text = format!("Story {i}\n\n\u{201c}We will build {i} bridges,\u{201d} Mayor Ana Ruiz{i} said.\n");
        for k in 0..(24 - i) * 20 {
            text.push_str(&format!("\nParagraph {k} of story {i} says nothing quoted.\n"));
        }
        std::fs::write(&p, &text).unwrap();
        files.push((p, text));
    }
    files.sort();
    let out = byline().args(["annotate", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "no progress bar when stderr is not a terminal");
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<byline::Document> = text.lines().map(|l| byline::Document::from_json(l).unwrap()).collect();
    assert_eq!(docs.len(), files.len());
    for (doc, (path, content)) in docs.iter().zip(&files) {
        assert_eq!(doc.source.as_deref(), Some(path.to_str().unwrap()));
        let mut want = byline::annotate(content);
        want.source = doc.source.clone();
        assert_eq!(doc, &want);
    }
}

#[test]
fn annotate_folder_json_is_one_array_and_stops_at_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..6 {
        std::fs::write(dir.path().join(format!("{i}.txt")), format!("Story {i}.\n")).unwrap();
    }
    let out = byline().args(["annotate", "--format", "json"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 6);

    std::fs::write(dir.path().join("3.txt"), b"\x7fELF\x00\x00\x01binary").unwrap();
    let out = byline().args(["annotate", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = error_line(&out);
    assert!(err.contains("3.txt") && err.contains("binary") && err.lines().count() == 1, "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 3, "the articles before the bad one are written, in order");
}

// ----- the config file ------------------------------------------------------

#[test]
fn print_config_prints_the_defaults_and_they_parse_back() {
    let out = byline().arg("--print-config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# byline config"), "{text}");
    for want in ["preset = \"less\"", "[reader]", "[keys]", "next_quote = [\"]\"]", "[keys.list]", "[theme]"] {
        assert!(text.contains(want), "missing {want}");
    }
    let parsed = byline::reader::config::parse(&text, "printed");
    assert_eq!(parsed, byline::reader::config::Config::default());
}

#[test]
fn a_bad_config_is_one_warning_on_stderr_and_the_command_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[keys]\nnext_quote = [\"Hyper-q\"]\n").unwrap();
    // Without a terminal the reader stops with its usual error, after the warning.
    let out = byline().arg("--config").arg(&bad).arg(SEED).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    let want = format!("warning: config {}, line 2: cannot read the key \"Hyper-q\" for next_quote\n", bad.display());
    assert!(err.starts_with(&want), "{err}");
    assert!(err.contains("error: the reader needs a terminal"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    let missing = dir.path().join("missing.toml");
    let out = byline().arg("--config").arg(&missing).arg(SEED).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with(&format!("warning: config {}: cannot read it", missing.display())), "{err}");
}

#[test]
fn no_config_file_is_no_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = byline().env("XDG_CONFIG_HOME", dir.path()).arg(SEED).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("warning"), "{err}");
}
