//! Talks HTTP to a running `SiteServer` over a real socket.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use siteserver::SiteServer;

/// Sends one raw request and returns the status code, the header block (lower-cased) and the body.
fn request(server: &SiteServer, method: &str, target: &str) -> (u16, String, String) {
    let addr = server.url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (
        status,
        format!("{}\r\n", head.to_ascii_lowercase()),
        body.to_owned(),
    )
}

/// Checks status, body and that every `(header: value)` line in `headers` was sent.
fn check(
    server: &SiteServer,
    method: &str,
    target: &str,
    status: u16,
    body: &str,
    headers: &[&str],
) {
    let (got_status, head, got_body) = request(server, method, target);
    assert_eq!(
        (got_status, got_body.as_str()),
        (status, body),
        "{method} {target}\n{head}"
    );
    for header in headers {
        assert!(
            head.contains(&format!("\r\n{header}\r\n")),
            "{method} {target}: missing {header:?} in\n{head}"
        );
    }
}

#[test]
fn serves_files_routes_and_refusals_over_http() {
    let dist = tempfile::tempdir().unwrap();
    fs::write(dist.path().join("index.html"), "<p>shell</p>").unwrap();
    fs::write(
        dist.path().join("aktionsplan-3f2a9c1b2d4e5f60_bg.wasm"),
        "\0asm",
    )
    .unwrap();
    let server = SiteServer::start(dist.path(), "127.0.0.1:0").unwrap();
    assert!(
        server.url().starts_with("http://127.0.0.1:"),
        "{}",
        server.url()
    );

    let html = [
        "content-type: text/html; charset=utf-8",
        "cache-control: no-cache",
        "x-content-type-options: nosniff",
    ];
    check(&server, "GET", "/", 200, "<p>shell</p>", &html);
    check(
        &server,
        "GET",
        "/handlungsfelder/wohnen-und-integration-vor-ort",
        200,
        "<p>shell</p>",
        &html,
    );
    check(&server, "HEAD", "/", 200, "", &["content-length: 12"]);
    check(
        &server,
        "GET",
        "/aktionsplan-3f2a9c1b2d4e5f60_bg.wasm",
        200,
        "\0asm",
        &[
            "content-type: application/wasm",
            "cache-control: public, max-age=31536000, immutable",
        ],
    );
    check(&server, "GET", "/../secret", 400, "Bad Request\n", &[]);
    check(
        &server,
        "POST",
        "/",
        405,
        "Method Not Allowed\n",
        &["allow: get, head"],
    );

    fs::write(dist.path().join("404.html"), "<p>weg</p>").unwrap();
    check(&server, "GET", "/gibt-es-nicht", 404, "<p>weg</p>", &html);
}

#[test]
fn a_headers_file_decides_the_headers() {
    let dist = tempfile::tempdir().unwrap();
    fs::write(dist.path().join("index.html"), "<p>shell</p>").unwrap();
    fs::write(dist.path().join("app-3f2a9c1b2d4e5f60.js"), "x").unwrap();
    fs::write(
        dist.path().join("_headers"),
        "# a comment\n/*\n  Content-Security-Policy: default-src 'self'\n  Cache-Control: no-cache\n\n\
         /app-3f2a9c1b2d4e5f60.js\n  Cache-Control: public, max-age=31536000, immutable\n",
    )
    .unwrap();
    let server = SiteServer::start(dist.path(), "127.0.0.1:0").unwrap();
    let csp = "content-security-policy: default-src 'self'";
    check(
        &server,
        "GET",
        "/suche",
        200,
        "<p>shell</p>",
        &[csp, "cache-control: no-cache"],
    );
    check(
        &server,
        "GET",
        "/app-3f2a9c1b2d4e5f60.js",
        200,
        "x",
        &[csp, "cache-control: public, max-age=31536000, immutable"],
    );
    // Exactly the file's headers: the built-in nosniff is not added.
    let (_, head, _) = request(&server, "GET", "/");
    assert!(!head.contains("x-content-type-options"), "{head}");
    assert_eq!(head.matches("cache-control").count(), 1, "{head}");
    drop(server);

    fs::write(dist.path().join("_headers"), "/*\n  ! Cache-Control\n").unwrap();
    let error = SiteServer::start(dist.path(), "127.0.0.1:0")
        .err()
        .expect("a bad _headers file stops the start");
    let message = error.to_string();
    assert!(message.contains("_headers: line 2: detaching"), "{message}");
}

#[test]
fn dropping_the_server_stops_it() {
    let dist = tempfile::tempdir().unwrap();
    let server = SiteServer::start(dist.path(), "127.0.0.1:0").unwrap();
    let addr = server.url().trim_start_matches("http://").to_owned();
    assert!(
        TcpStream::connect(&addr).is_ok(),
        "{addr} does not accept connections"
    );
    drop(server);
    // tiny_http closes its listening socket on its own accept thread, so allow it a moment.
    let deadline = Instant::now() + Duration::from_secs(5);
    while TcpStream::connect(&addr).is_ok() {
        assert!(
            Instant::now() < deadline,
            "{addr} still accepts connections"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn serves_the_site_under_its_base_path() {
    let dist = tempfile::tempdir().unwrap();
    fs::write(dist.path().join("index.html"), "<p>shell</p>").unwrap();
    fs::write(dist.path().join("404.html"), "<p>weg</p>").unwrap();
    fs::create_dir_all(dist.path().join("leitlinien")).unwrap();
    fs::write(dist.path().join("leitlinien/index.html"), "<p>leit</p>").unwrap();
    fs::write(dist.path().join("app-3f2a9c1b2d4e5f60.js"), "x").unwrap();
    fs::write(
        dist.path().join("_headers"),
        "/aktionsplan/*\n  Content-Security-Policy: default-src 'self'\n  Cache-Control: no-cache\n\n\
         /aktionsplan/app-3f2a9c1b2d4e5f60.js\n  Cache-Control: public, max-age=31536000, immutable\n",
    )
    .unwrap();
    let server = SiteServer::start_with_base(dist.path(), "127.0.0.1:0", "/aktionsplan/").unwrap();
    assert_eq!(server.base_url(), format!("{}/aktionsplan/", server.url()));
    assert!(!server.url().ends_with('/'), "{}", server.url());
    assert_eq!(server.base().as_str(), "/aktionsplan/");

    let csp = "content-security-policy: default-src 'self'";
    let page = [csp, "cache-control: no-cache"];
    check(&server, "GET", "/aktionsplan/", 200, "<p>shell</p>", &page);
    check(
        &server,
        "GET",
        "/aktionsplan/leitlinien",
        200,
        "<p>leit</p>",
        &page,
    );
    check(
        &server,
        "GET",
        "/aktionsplan/suche",
        404,
        "<p>weg</p>",
        &page,
    );
    check(
        &server,
        "GET",
        "/aktionsplan/app-3f2a9c1b2d4e5f60.js",
        200,
        "x",
        &[csp, "cache-control: public, max-age=31536000, immutable"],
    );
    check(
        &server,
        "GET",
        "/aktionsplan?q=1",
        301,
        "Moved Permanently\n",
        &["location: /aktionsplan/?q=1", csp],
    );
    for outside in [
        "/",
        "/leitlinien",
        "/app-3f2a9c1b2d4e5f60.js",
        "/aktionsplanx/",
    ] {
        check(&server, "GET", outside, 404, "<p>weg</p>", &[]);
        let (_, head, _) = request(&server, "GET", outside);
        assert!(
            !head.contains("content-security-policy"),
            "{outside}: {head}"
        );
    }
    drop(server);

    let root = SiteServer::start(dist.path(), "127.0.0.1:0").unwrap();
    assert_eq!(root.base_url(), format!("{}/", root.url()));
    drop(root);

    for bad in ["aktionsplan", "/aktionsplan", "aktionsplan/", "", "/a//b/"] {
        let error = SiteServer::start_with_base(dist.path(), "127.0.0.1:0", bad)
            .err()
            .unwrap_or_else(|| panic!("the base {bad:?} was accepted"));
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput, "{bad:?}");
        assert!(
            error.to_string().contains(&format!("base path {bad:?}")),
            "{error}"
        );
    }
}
