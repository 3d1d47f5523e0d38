//! Fetching a page over HTTP(S), only for a URL the user gave: `ureq` with
//! rustls, a connect and a total timeout, a size cap, a redirect limit and
//! a User-Agent that says what is asking.

use std::time::Duration;

/// The largest body read (after decompression).
pub const MAX_BODY_BYTES: u64 = super::html::MAX_PAGE_BYTES as u64;
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;
/// Seconds for the whole request, unless `BYLINE_HTTP_TIMEOUT` says otherwise.
pub const TOTAL_TIMEOUT_SECS: f64 = 30.0;
/// Seconds to connect (at most the total).
pub const CONNECT_TIMEOUT_SECS: f64 = 10.0;
/// The User-Agent sent.
pub const USER_AGENT: &str = concat!("byline/", env!("CARGO_PKG_VERSION"), " (terminal news reader)");

/// A fetched body with what the server said about it.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The media type, lowercase ("text/html"), when the server gave one.
    pub mime: Option<String>,
    /// The charset of the Content-Type header, when given.
    pub charset: Option<String>,
}

/// True when `arg` is a URL to fetch (`http://` or `https://`).
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The total timeout: `BYLINE_HTTP_TIMEOUT` (seconds, fractions allowed)
/// when set to a positive number, else [`TOTAL_TIMEOUT_SECS`].
pub fn total_timeout() -> Duration {
    let secs = std::env::var("BYLINE_HTTP_TIMEOUT").ok().and_then(|s| s.trim().parse::<f64>().ok());
    Duration::from_secs_f64(secs.filter(|s| s.is_finite() && *s > 0.0).unwrap_or(TOTAL_TIMEOUT_SECS).min(3600.0))
}

/// Fetches `url`. Errors are short lowercase messages.
pub fn fetch(url: &str) -> Result<Fetched, String> {
    let total = total_timeout();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(total))
        .timeout_connect(Some(total.min(Duration::from_secs_f64(CONNECT_TIMEOUT_SECS))))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        .http_status_as_error(true)
        .build()
        .into();
    let timeout = |e| message(e, total);
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
        .call()
        .map_err(timeout)?;
    let body = response.body_mut();
    let mime = body.mime_type().map(str::to_ascii_lowercase);
    let charset = body.charset().map(str::to_string);
    if let Some(m) = mime.as_deref().filter(|m| !is_text_type(m)) {
        return Err(format!("not a text page (content type {m})"));
    }
    let bytes = body.with_config().limit(MAX_BODY_BYTES).read_to_vec().map_err(timeout)?;
    Ok(Fetched { bytes, mime, charset })
}

/// Media types read as articles: any `text/*`, XHTML and XML.
fn is_text_type(mime: &str) -> bool {
    mime.starts_with("text/") || matches!(mime, "application/xhtml+xml" | "application/xml")
}

/// One short message for a request error.
fn message(e: ureq::Error, total: Duration) -> String {
    use ureq::Error as E;
    match e {
        E::StatusCode(code) => format!("the server answered HTTP {code}"),
        E::Timeout(_) => format!("no answer within {:.1} s (timed out)", total.as_secs_f64()),
        E::HostNotFound => "host not found".into(),
        E::TooManyRedirects => format!("too many redirects (more than {MAX_REDIRECTS})"),
        E::BodyExceedsLimit(_) => format!("page too large (more than {} MB)", MAX_BODY_BYTES >> 20),
        E::ConnectionFailed => "connection failed".into(),
        E::BadUri(_) => "not a valid URL".into(),
        E::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
        E::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            format!("no answer within {:.1} s (timed out)", total.as_secs_f64())
        }
        other => super::plain_message(&other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.org/a") && is_url("HTTP://x"));
        assert!(!is_url("news/http.txt") && !is_url("-") && !is_url("ftp://x"));
    }

    #[test]
    fn text_types_are_articles() {
        assert!(is_text_type("text/html") && is_text_type("text/plain") && is_text_type("application/xhtml+xml"));
        assert!(!is_text_type("image/png") && !is_text_type("application/octet-stream"));
    }
}
