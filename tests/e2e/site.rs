//! Finds the built app and serves it on a free local port, relays a server so that trials can
//! stop it, and copies directories into temporary ones for trials that change files.

use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use siteserver::SiteServer;

/// The environment variable that points the tests at another build than `<crate>/dist`.
pub const DIST_VAR: &str = "AKTIONSPLAN_DIST";

/// The directory holding the built app: `$AKTIONSPLAN_DIST`, else `dist/` beside Cargo.toml.
pub fn dist_dir() -> PathBuf {
    std::env::var_os(DIST_VAR)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"))
}

/// The base path the build in [`dist_dir`] was made for: the same setting as the build's,
/// `AKTIONSPLAN_BASE_PATH`, as `/` or `/aktionsplan/`.
pub fn base_path() -> Result<String, String> {
    let var = plan::deploy::BASE_PATH_VAR;
    let value = std::env::var(var).unwrap_or_default();
    plan::deploy::base_path(&value)
        .map(|base| format!("{base}/"))
        .map_err(|why| format!("{var}={value:?}: {why}"))
}

/// Serves the built app; fails with instructions when there is no build.
pub fn serve() -> Result<SiteServer, String> {
    let dist = dist_dir();
    let index = dist.join("index.html");
    if !index.is_file() {
        return Err(format!(
            "{} is missing: run `cargo xtask dist` first (or point {DIST_VAR} at a built site)",
            index.display()
        ));
    }
    let base = base_path()?;
    SiteServer::start_with_base(&dist, "127.0.0.1:0", &base)
        .map_err(|e| format!("cannot serve {} under {base}: {e}", dist.display()))
}

/// A directory of its own under the system's temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates a new directory whose name contains `purpose`, the process id and the time.
    pub fn new(purpose: &str) -> Result<TempDir, String> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = std::env::temp_dir().join(format!(
            "aktionsplan-e2e-{purpose}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(TempDir(dir))
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies the directory `from` with everything in it into the existing directory `to`, such as
/// the build into a [`TempDir`] for a trial that changes files.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", from.display()))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            std::fs::create_dir_all(&target)
                .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
            copy_dir(&source, &target)?;
        } else {
            std::fs::copy(&source, &target).map_err(|e| {
                format!(
                    "cannot copy {} to {}: {e}",
                    source.display(),
                    target.display()
                )
            })?;
        }
    }
    Ok(())
}

/// A TCP relay in front of a server, which can be stopped the way a server process ends: its
/// port refuses connections and every open connection is closed.
///
/// Dropping a [`SiteServer`] closes its listener but leaves the browser's keep-alive connections
/// open and unanswered (tiny_http's connection threads outlive the server), so a browser that
/// reuses one waits forever instead of seeing the server gone. Trials that stop a server serve
/// it through a relay and stop the relay.
pub struct Relay {
    /// The address the relay listens on.
    addr: SocketAddr,
    /// Set when the relay stops; the accepting thread ends when it sees it.
    stopping: Arc<AtomicBool>,
    /// Both ends of every relayed connection, for closing them when the relay stops.
    streams: Arc<Mutex<Vec<TcpStream>>>,
    /// The accepting thread, until the relay stopped.
    acceptor: Option<JoinHandle<()>>,
}

impl Relay {
    /// Listens on `addr` (such as `127.0.0.1:0`) and relays every connection to `backend`.
    pub fn start(addr: &str, backend: SocketAddr) -> std::io::Result<Relay> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        // Polling lets the accepting thread see the stop flag without a connection waking it.
        listener.set_nonblocking(true)?;
        let stopping = Arc::new(AtomicBool::new(false));
        let streams = Arc::new(Mutex::new(Vec::new()));
        let acceptor = {
            let (stopping, streams) = (Arc::clone(&stopping), Arc::clone(&streams));
            std::thread::Builder::new()
                .name(format!("relay-{}", addr.port()))
                .spawn(move || accept(&listener, backend, &stopping, &streams))?
        };
        Ok(Relay {
            addr,
            stopping,
            streams,
            acceptor: Some(acceptor),
        })
    }

    /// The origin the relay serves, such as `http://127.0.0.1:39211`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the relay listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Closes the port and every relayed connection; nothing is listening when this returns.
    pub fn stop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        if let Some(acceptor) = self.acceptor.take() {
            // The thread owns the listener, so the port is closed once it ended.
            let _ = acceptor.join();
        }
        let streams = std::mem::take(&mut *self.streams.lock().unwrap_or_else(|e| e.into_inner()));
        for stream in streams {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Accepts connections on `listener` until `stopping` is set, and relays each to `backend`.
fn accept(
    listener: &TcpListener,
    backend: SocketAddr,
    stopping: &AtomicBool,
    streams: &Mutex<Vec<TcpStream>>,
) {
    while !stopping.load(Ordering::SeqCst) {
        let client = match listener.accept() {
            Ok((client, _)) => client,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
            Err(_) => continue,
        };
        let relayed =
            TcpStream::connect(backend).and_then(|server| relay(&client, server, streams));
        if relayed.is_err() {
            // A connection that cannot be relayed is closed: the browser sees an error, as from
            // a server.
            let _ = client.shutdown(Shutdown::Both);
        }
    }
}

/// Relays `client` to `server` in both directions, keeping both ends in `streams`.
fn relay(
    client: &TcpStream,
    server: TcpStream,
    streams: &Mutex<Vec<TcpStream>>,
) -> std::io::Result<()> {
    // On Linux an accepted socket does not inherit the listener's non-blocking mode; this makes
    // sure everywhere.
    client.set_nonblocking(false)?;
    let mut list = streams.lock().unwrap_or_else(|e| e.into_inner());
    list.push(client.try_clone()?);
    list.push(server.try_clone()?);
    pipe(client.try_clone()?, server.try_clone()?)?;
    pipe(server, client.try_clone()?)
}

/// Copies everything from `from` to `to` in a thread of its own, then ends `to`'s sending side.
fn pipe(mut from: TcpStream, mut to: TcpStream) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("relay-pipe".to_owned())
        .spawn(move || {
            let _ = std::io::copy(&mut from, &mut to);
            let _ = to.shutdown(Shutdown::Write);
        })
        .map(drop)
}
