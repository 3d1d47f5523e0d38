//! Hostile pages and servers: each gives one `error:` line and exit status
//! 1 (or a best-effort article), within a bounded time, never a panic or a
//! hang. Servers run on 127.0.0.1, started by each test.

mod web_common;

use std::path::Path;
use std::time::{Duration, Instant};
use web_common::{byline, ok, serve, Reply};

/// Runs `byline annotate ARG` with a short HTTP timeout; returns the output
/// and how long it took.
fn annotate(arg: &str) -> (std::process::Output, Duration) {
    let start = Instant::now();
    let out = byline()
        .env("BYLINE_HTTP_TIMEOUT", "2")
        .args(["annotate", "--format", "json", arg])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    (out, start.elapsed())
}

/// Asserts exit status 1, one clean `error:` line and nothing on stdout;
/// returns the line.
fn one_error_line(out: &std::process::Output) -> String {
    let err = String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8");
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.starts_with("error: ") && err.lines().count() == 1, "{err:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
    err
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn a_page_of_100_000_nested_elements_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    for tag in ["div", "b"] {
        let page = format!("<html><body>{}deep{}</body></html>", format!("<{tag}>").repeat(100_000), "</x>");
        let (out, took) = annotate(&write(dir.path(), "deep.html", page.as_bytes()));
        assert!(one_error_line(&out).contains("too deeply nested"));
        assert!(took < Duration::from_secs(10), "{took:?}");
    }
}

#[test]
fn a_50_mb_page_is_refused_from_a_file_and_over_http() {
    let para = "<p>Words of a very long page that goes on and on without end.</p>\n";
    let page = format!("<!DOCTYPE html><html><body>{}</body></html>", para.repeat((50 << 20) / para.len()));
    let dir = tempfile::tempdir().unwrap();
    let (out, took) = annotate(&write(dir.path(), "big.html", page.as_bytes()));
    assert!(one_error_line(&out).contains("page too large"));
    assert!(took < Duration::from_secs(20), "{took:?}");
    let base = serve(move |_| ok("text/html", page.clone()));
    let (out, took) = annotate(&format!("{base}/big"));
    assert!(one_error_line(&out).contains("page too large"));
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn a_page_with_no_body_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for page in ["<!DOCTYPE html><html><head><title>Nothing</title></head></html>", "<html><body></body></html>"] {
        let (out, _) = annotate(&write(dir.path(), "empty.html", page.as_bytes()));
        assert!(one_error_line(&out).contains("no article text found"));
    }
}

#[test]
fn an_endless_redirect_stops() {
    let base = serve(|path| {
        let n: u64 = path.trim_start_matches("/r").parse().unwrap_or(0);
        Reply::Redirect(format!("/r{}", n + 1))
    });
    let (out, took) = annotate(&format!("{base}/r0"));
    assert!(one_error_line(&out).contains("too many redirects"));
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let base = serve(|_| Reply::Silence);
    let (out, took) = annotate(&format!("{base}/slow"));
    assert!(one_error_line(&out).contains("timed out"));
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_binary_body_is_refused() {
    let base = serve(|path| match path {
        "/img" => ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        "/liar" => ok("text/html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0binary".to_vec()),
        _ => Reply::Page(200, None, vec![0u8, 159, 146, 150, 0, 1, 2, 3]),
    });
    let (out, _) = annotate(&format!("{base}/img"));
    assert!(one_error_line(&out).contains("not a text page (content type image/png)"));
    for path in ["/liar", "/untyped"] {
        let (out, _) = annotate(&format!("{base}{path}"));
        assert!(one_error_line(&out).contains("binary"), "{path}");
    }
}

#[test]
fn http_errors_and_refused_connections_are_one_line() {
    let base = serve(|_| Reply::Page(404, Some("text/html"), b"<h1>Not found</h1>".to_vec()));
    let (out, _) = annotate(&format!("{base}/gone"));
    assert!(one_error_line(&out).contains("the server answered HTTP 404"));
    // A port nobody listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let (out, took) = annotate(&format!("http://127.0.0.1:{port}/"));
    assert!(one_error_line(&out).contains("connection refused"));
    assert!(took < Duration::from_secs(10), "{took:?}");
}
