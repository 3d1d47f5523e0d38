//! A tiny HTTP server on 127.0.0.1 for the URL tests: each test starts its
//! own, with a function from the request path to a reply. No internet.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// What the server does for one request.
pub enum Reply {
    /// Status, content type (none: no header) and body.
    Page(u16, Option<&'static str>, Vec<u8>),
    /// A 302 to this location.
    Redirect(String),
    /// Reads the request and then says nothing, holding the connection.
    Silence,
}

/// Starts a server answering with `route(path)`; returns its base URL
/// (`http://127.0.0.1:PORT`). The server thread lives as long as the test.
pub fn serve(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let route = std::sync::Arc::new(route);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let route = route.clone();
            std::thread::spawn(move || answer(stream, &*route));
        }
    });
    base
}

fn answer(mut stream: TcpStream, route: &dyn Fn(&str) -> Reply) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let line = String::from_utf8_lossy(&request).lines().next().unwrap_or("").to_string();
    let path = line.split(' ').nth(1).unwrap_or("/").to_string();
    let (status, headers, body) = match route(&path) {
        Reply::Silence => {
            std::thread::sleep(Duration::from_secs(60));
            return;
        }
        Reply::Redirect(to) => (302, format!("Location: {to}\r\n"), Vec::new()),
        Reply::Page(status, ctype, body) => {
            (status, ctype.map(|c| format!("Content-Type: {c}\r\n")).unwrap_or_default(), body)
        }
    };
    let head = format!("HTTP/1.1 {status} X\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// The `byline` binary with no proxy settings from the environment (the
/// loopback servers must be reached directly).
pub fn byline() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("byline").unwrap();
    for var in ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"] {
        cmd.env_remove(var);
    }
    cmd
}

/// A 200 reply with this content type.
pub fn ok(ctype: &'static str, body: impl Into<Vec<u8>>) -> Reply {
    Reply::Page(200, Some(ctype), body.into())
}
