//! A tiny static file server for the built app in `dist/`, used by the end-to-end tests and `cargo xtask serve`.
//!
//! Files are served as they are (or precompressed, see below); any other path is a route of the single-page app and gets
//! `dist/404.html` (status 404) when it exists, else the app shell `dist/index.html` (status 200).
//! All response headers are decided in [`headers_for_request`]: when `dist/_headers` exists (the
//! Netlify and Cloudflare Pages rules file that `cargo xtask dist` writes) the server reads it at
//! start and sends exactly its headers, so serving and deploying cannot disagree; without it the
//! server sends its built-in headers ([`headers_for`]).
//!
//! A site built for a base path such as `/aktionsplan/` is served under that prefix
//! ([`SiteServer::start_with_base`], [`reply_under`]): `dist/index.html` answers `/aktionsplan/`,
//! paths outside the prefix get the not-found page, and the `_headers` rules are matched against
//! the whole request path, as on a host that serves the files under that prefix.
//!
//! Precompressed files are negotiated as nginx's `brotli_static` and `gzip_static` do
//! ([`reply_negotiated`]): `cargo xtask dist` writes `X.br` (brotli) and `X.gz` (gzip) next to
//! each compressible file `X`, and when the file a request resolves to (a page, an asset, the app
//! shell or `404.html`) has such a sibling and the request's `Accept-Encoding` allows its coding
//! ([`acceptable_encodings`]: `;q=` weights, `q=0`, `*` and `identity` are honoured, brotli wins a
//! tie), the sibling's bytes are sent with `Content-Encoding: br` or `gzip`. The Content-Type and
//! the `_headers` headers stay those of `X`, and the Content-Length is that of the bytes sent.
//! Every response for a file with a sibling carries `Vary: Accept-Encoding`; without the header,
//! or without a sibling, the file is sent as it is. Byte ranges are not supported.

mod basepath;
mod encoding;
mod headers;
mod headers_file;
mod reply;
mod urlpath;

use std::fs::File;
use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::thread::JoinHandle;

pub use basepath::{BadBasePath, BasePath};
pub use encoding::{Encoding, acceptable_encodings};
pub use headers::{
    IMMUTABLE, NO_CACHE, headers_for, headers_for_message, headers_for_request, is_hashed_asset,
};
pub use headers_file::{HeaderRule, HeadersFile, ParseError, matches};
pub use reply::{Body, HEADERS_FILE, Reply, reply, reply_negotiated, reply_under, reply_with};

/// How many threads answer requests, so that one slow download does not hold up the others.
const WORKERS: usize = 4;

/// A running server; it stops and joins its threads when dropped.
pub struct SiteServer {
    server: Arc<tiny_http::Server>,
    addr: SocketAddr,
    base: BasePath,
    workers: Vec<JoinHandle<()>>,
}

impl SiteServer {
    /// Serves `dist` on `addr` (e.g. "127.0.0.1:0" for a free port), at the root of the server.
    ///
    /// Reads `dist/_headers` first when it exists; a file outside the supported subset is an
    /// error naming the file and line.
    pub fn start(dist: &Path, addr: &str) -> io::Result<SiteServer> {
        SiteServer::start_with_base(dist, addr, "/")
    }

    /// Serves `dist` on `addr` under the base path `base`, such as `/aktionsplan/` (see [`reply_under`]).
    ///
    /// The base `/` serves exactly as [`SiteServer::start`]. A base that does not start and end
    /// with `/` (or that [`BasePath::new`] refuses otherwise) is an `InvalidInput` error that
    /// names it, before anything is read or bound; `dist/_headers` is read as for
    /// [`SiteServer::start`].
    pub fn start_with_base(dist: &Path, addr: &str, base: &str) -> io::Result<SiteServer> {
        let base = BasePath::new(base)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
        let rules = Arc::new(read_rules(dist)?);
        let server = tiny_http::Server::http(addr).map_err(io::Error::other)?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| io::Error::other("the server does not listen on an IP address"))?;
        let server = Arc::new(server);
        let workers = (0..WORKERS)
            .map(|n| {
                let server = Arc::clone(&server);
                let dist = dist.to_path_buf();
                let rules = Arc::clone(&rules);
                let base = base.clone();
                std::thread::Builder::new()
                    .name(format!("siteserver-{n}"))
                    .spawn(move || serve(&server, &dist, rules.as_ref().as_ref(), &base))
            })
            .collect::<io::Result<Vec<_>>>()?;
        Ok(SiteServer {
            server,
            addr,
            base,
            workers,
        })
    }

    /// The origin, such as `http://127.0.0.1:8080`, without a trailing slash and without the base path.
    pub fn url(&self) -> String {
        let mut addr = self.addr;
        if addr.ip().is_unspecified() {
            addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
        }
        format!("http://{addr}")
    }

    /// The URL of the site's start page: the origin and the base path, such as
    /// `http://127.0.0.1:8080/aktionsplan/` (`http://127.0.0.1:8080/` for the base `/`).
    pub fn base_url(&self) -> String {
        format!("{}{}", self.url(), self.base)
    }

    /// The base path the site is served under, such as `/` or `/aktionsplan/`.
    pub fn base(&self) -> &BasePath {
        &self.base
    }

    /// Blocks forever, serving requests (used by `cargo xtask serve`).
    pub fn wait(mut self) {
        for worker in std::mem::take(&mut self.workers) {
            let _ = worker.join();
        }
    }
}

impl Drop for SiteServer {
    fn drop(&mut self) {
        // Each call wakes one worker blocked in `incoming_requests`, which then ends its loop.
        for _ in &self.workers {
            self.server.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// Reads and parses `dist/_headers`, or `None` when there is no such file.
fn read_rules(dist: &Path) -> io::Result<Option<HeadersFile>> {
    let path = dist.join(HEADERS_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
    };
    HeadersFile::parse(&text).map(Some).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {e}", path.display()),
        )
    })
}

/// Answers requests until the server is unblocked.
fn serve(server: &tiny_http::Server, dist: &Path, rules: Option<&HeadersFile>, base: &BasePath) {
    for request in server.incoming_requests() {
        let accept_encoding = accept_encoding(request.headers());
        let planned = reply_negotiated(
            dist,
            rules,
            base,
            request.method().as_str(),
            request.url(),
            accept_encoding.as_deref(),
        );
        // A client that went away is not the server's problem.
        let _ = answer(request, planned);
    }
}

/// The request's `Accept-Encoding` value, or `None` when it has none; several field lines are
/// joined with commas, which is how HTTP defines their combined value.
fn accept_encoding(headers: &[tiny_http::Header]) -> Option<String> {
    let values: Vec<&str> = headers
        .iter()
        .filter(|header| header.field.equiv("Accept-Encoding"))
        .map(|header| header.value.as_str())
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// Sends a planned reply; a file that vanished since planning becomes a 404.
fn answer(request: tiny_http::Request, planned: Reply) -> io::Result<()> {
    let headers: Vec<tiny_http::Header> = planned
        .headers
        .iter()
        .filter_map(|(k, v)| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).ok())
        .collect();
    match planned.body {
        Body::File(path) => match File::open(&path) {
            Ok(file) => {
                // tiny_http sends a file of 32 KiB or more in chunks, without Content-Length;
                // static hosts send the length of every file, and so does this server.
                let mut response = tiny_http::Response::from_file(file)
                    .with_status_code(planned.status)
                    .with_chunked_threshold(usize::MAX);
                for header in headers {
                    response.add_header(header);
                }
                request.respond(response)
            }
            Err(_) => request.respond(tiny_http::Response::empty(404)),
        },
        Body::Message(text) => {
            let mut response =
                tiny_http::Response::from_data(text.as_bytes()).with_status_code(planned.status);
            for header in headers {
                response.add_header(header);
            }
            request.respond(response)
        }
    }
}
