//! Talks HTTP to a running `SiteServer` over a real socket.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use siteserver::SiteServer;

/// Sends one raw request and returns the status code, the header block (lower-cased) and the body.
fn request(server: &SiteServer, method: &str, target: &str) -> (u16, String, String) {
    let (status, head, body) = request_with(server, method, target, "");
    (status, head, String::from_utf8(body).unwrap())
}

/// Like [`request`], with the header lines `extra` (each ending in `\r\n`) and a body of bytes.
fn request_with(
    server: &SiteServer,
    method: &str,
    target: &str,
    extra: &str,
) -> (u16, String, Vec<u8>) {
    let addr = server.url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..end].to_vec()).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (
        status,
        format!("{}\r\n", head.to_ascii_lowercase()),
        raw[end + 4..].to_vec(),
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

/// Compresses `bytes` with brotli, as `cargo xtask dist` does.
fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams::default();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out
}

/// Compresses `bytes` with gzip, as `cargo xtask dist` does.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Decodes a body sent with the Content-Encoding `encoding`.
fn decode(encoding: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        "br" => brotli::Decompressor::new(body, 4096)
            .read_to_end(&mut out)
            .unwrap(),
        "gzip" => flate2::read::GzDecoder::new(body)
            .read_to_end(&mut out)
            .unwrap(),
        _ => panic!("unknown encoding {encoding}"),
    };
    out
}

/// The value of the (lower-cased) header `name` in the header block `head`, if it was sent.
fn header_value<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.split("\r\n")
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(": "))
}

#[test]
fn precompressed_siblings_are_negotiated_over_http() {
    let dist = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| fs::write(dist.path().join(name), bytes).unwrap();
    let shell = "<!doctype html><p>Aktionsplan</p>\n"
        .repeat(200)
        .into_bytes();
    let script: Vec<u8> = (0..4_000u32)
        .flat_map(|n| format!("v{}=", n.wrapping_mul(2_654_435_761)).into_bytes())
        .collect();
    let missing = b"<p>weg</p>".repeat(50);
    // Larger than the 32 KiB from which tiny_http would send chunks without Content-Length.
    let image = vec![7u8; 40_000];
    write("index.html", &shell);
    write("index.html.br", &brotli(&shell));
    write("index.html.gz", &gzip(&shell));
    write("app-3f2a9c1b2d4e5f60.js", &script);
    write("app-3f2a9c1b2d4e5f60.js.br", &brotli(&script));
    write("404.html", &missing);
    write("404.html.gz", &gzip(&missing));
    write("bild.png", &image);
    let server = SiteServer::start(dist.path(), "127.0.0.1:0").unwrap();

    // The request, the Accept-Encoding lines, then the expected status, coding and original body.
    for (target, accept, status, encoding, original) in [
        (
            "/",
            "Accept-Encoding: gzip, deflate, br\r\n",
            200,
            Some("br"),
            &shell,
        ),
        (
            "/index.html",
            "Accept-Encoding: gzip\r\n",
            200,
            Some("gzip"),
            &shell,
        ),
        (
            "/",
            "Accept-Encoding: br;q=0.5, gzip;q=0.9\r\n",
            200,
            Some("gzip"),
            &shell,
        ),
        (
            "/",
            "Accept-Encoding: identity;q=0.5\r\nAccept-Encoding: gzip\r\n",
            200,
            Some("gzip"),
            &shell,
        ),
        ("/", "Accept-Encoding: identity\r\n", 200, None, &shell),
        ("/", "", 200, None, &shell),
        (
            "/app-3f2a9c1b2d4e5f60.js",
            "Accept-Encoding: br, gzip\r\n",
            200,
            Some("br"),
            &script,
        ),
        (
            "/app-3f2a9c1b2d4e5f60.js",
            "Accept-Encoding: gzip\r\n",
            200,
            None,
            &script,
        ),
        (
            "/gibt-es-nicht",
            "Accept-Encoding: br, gzip\r\n",
            404,
            Some("gzip"),
            &missing,
        ),
        (
            "/bild.png",
            "Accept-Encoding: br, gzip\r\n",
            200,
            None,
            &image,
        ),
    ] {
        let (got_status, head, body) = request_with(&server, "GET", target, accept);
        let what = format!("GET {target} with {accept:?}\n{head}");
        assert_eq!(got_status, status, "{what}");
        assert_eq!(header_value(&head, "content-encoding"), encoding, "{what}");
        let decoded = match encoding {
            Some(encoding) => decode(encoding, &body),
            None => body.clone(),
        };
        assert!(decoded == *original, "{what}: the decoded body differs");
        let length = body.len().to_string();
        assert_eq!(
            header_value(&head, "content-length"),
            Some(length.as_str()),
            "{what}"
        );
        assert_eq!(header_value(&head, "transfer-encoding"), None, "{what}");
        let vary = (target != "/bild.png").then_some("accept-encoding");
        assert_eq!(header_value(&head, "vary"), vary, "{what}");
        // The Content-Type is that of the original file, not of its sibling.
        let content_type = match target {
            "/app-3f2a9c1b2d4e5f60.js" => "text/javascript; charset=utf-8",
            "/bild.png" => "image/png",
            _ => "text/html; charset=utf-8",
        };
        assert_eq!(
            header_value(&head, "content-type"),
            Some(content_type),
            "{what}"
        );

        // HEAD gets the same headers, apart from the Date, and no body.
        let undated = |head: &str| -> Vec<String> {
            head.split("\r\n")
                .filter(|line| !line.starts_with("date: "))
                .map(str::to_owned)
                .collect()
        };
        let (head_status, head_head, head_body) = request_with(&server, "HEAD", target, accept);
        assert_eq!(
            (head_status, undated(&head_head), head_body.as_slice()),
            (status, undated(&head), &[][..]),
            "HEAD {target} with {accept:?}"
        );
    }

    // A sibling asked for by its own path is a plain file.
    let (status, head, body) =
        request_with(&server, "GET", "/index.html.br", "Accept-Encoding: br\r\n");
    assert_eq!(status, 200);
    assert_eq!(header_value(&head, "content-encoding"), None, "{head}");
    assert_eq!(
        header_value(&head, "content-type"),
        Some("application/octet-stream")
    );
    assert!(decode("br", &body) == shell);
}
