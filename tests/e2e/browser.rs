//! Starts chromedriver with a headless Chromium session, and ends both whatever happens.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::wd::{Capabilities, TimeoutConfiguration};
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value as Json, json};

/// The WebDriver server; Debian's `chromium-driver` package puts it here.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The browser; Debian's `chromium` package puts it here.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Chromium's switches: headless, able to run as root, and unable to reach any host but 127.0.0.1.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
];

/// The shell script that runs chromedriver (`$1 $2`) while the test process (`$3`) lives, then
/// ends the rest of its process group, removes the browser profile (`$4`) and ends itself.
/// It does the same when chromedriver exits on its own.
const WATCHDOG: &str = r#"
"$1" "$2" </dev/null >/dev/null 2>&1 &
driver=$!
while kill -0 "$3" 2>/dev/null && kill -0 "$driver" 2>/dev/null; do sleep 1; done
trap '' TERM
kill -TERM 0
sleep 1
rm -rf "$4"
kill -KILL 0
"#;

/// How long chromedriver may take to answer its status endpoint after it was started.
const STARTUP: Duration = Duration::from_secs(15);

/// A WebDriver session in headless Chromium.
pub struct Browser {
    /// The WebDriver client of the session.
    pub client: Client,
    /// The chromedriver process (and, through its process group, the browser).
    driver: Driver,
    /// The session id, for chromedriver's own endpoints that fantoccini has no method for.
    session: String,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a session with a `width`×`height` window.
    pub async fn start(width: u32, height: u32) -> Result<Browser, String> {
        let port = free_port()?;
        let mut driver = Driver::spawn(port)?;
        driver.wait_until_ready().await?;
        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", driver.profile.display()));
        args.push(format!("--window-size={width},{height}"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": CHROMIUM, "args": args }),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let client = ClientBuilder::rustls()
            .map_err(|e| format!("cannot set up the WebDriver client: {e}"))?
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("cannot open a {CHROMIUM} session via {CHROMEDRIVER}: {e}"))?;
        let session = client
            .session_id()
            .await
            .map_err(|e| e.to_string())?
            .ok_or("chromedriver gave the session no id")?;
        let timeouts = TimeoutConfiguration::new(
            Some(Duration::from_secs(60)),
            Some(Duration::from_secs(30)),
            Some(Duration::ZERO),
        );
        client
            .update_timeouts(timeouts)
            .await
            .map_err(|e| format!("cannot set the session's timeouts: {e}"))?;
        Ok(Browser {
            client,
            driver,
            session,
        })
    }

    /// Sends `body` to chromedriver's session endpoint `path` (such as `se/log`) and returns the `value`.
    ///
    /// These vendor endpoints have no fantoccini method, and implementing fantoccini's
    /// `WebDriverCompatibleCommand` would need the `url` and `http` crates as further
    /// dependencies, so this speaks HTTP to chromedriver on localhost directly (see [`exchange`]).
    pub fn driver_command(&self, path: &str, body: &Json) -> Result<Json, String> {
        let path = format!("/session/{}/{path}", self.session);
        let (status, answer) = exchange(self.driver.port, "POST", &path, &body.to_string())
            .map_err(|e| format!("POST {path}: {e}"))?;
        if status != 200 {
            return Err(format!("POST {path} {body}: status {status}\n{answer}"));
        }
        let answer: Json =
            serde_json::from_str(&answer).map_err(|e| format!("POST {path}: {e} in {answer:?}"))?;
        Ok(answer.get("value").cloned().unwrap_or(Json::Null))
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Json) -> Result<Json, String> {
        self.driver_command("goog/cdp/execute", &json!({ "cmd": cmd, "params": params }))
    }

    /// The browser's console and network log entries since the last call (the log is drained).
    pub fn take_log(&self) -> Result<Vec<Json>, String> {
        match self.driver_command("se/log", &json!({ "type": "browser" }))? {
            Json::Array(entries) => Ok(entries),
            other => Err(format!("chromedriver's browser log is not a list: {other}")),
        }
    }
}

/// The chromedriver process group (led by its watchdog shell), with the browser profile it uses.
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Driver {
    /// Starts chromedriver on `port` in a new process group, with a fresh profile directory.
    ///
    /// A small shell leads the group and watches this test process: when it is gone without
    /// running destructors (Ctrl-C, a kill, an abort), the shell kills the group within a second.
    fn spawn(port: u16) -> Result<Driver, String> {
        let profile = fresh_profile_dir()?;
        let child = Command::new("sh")
            .args(["-c", WATCHDOG, "watchdog", CHROMEDRIVER])
            .arg(format!("--port={port}"))
            .arg(std::process::id().to_string())
            .arg(&profile)
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {CHROMEDRIVER} through sh: {e}"))?;
        Ok(Driver {
            child,
            port,
            profile,
        })
    }

    /// Waits until chromedriver reports that it is ready for a session.
    async fn wait_until_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + STARTUP;
        loop {
            if status_is_ready(self.port) {
                return Ok(());
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "{CHROMEDRIVER} --port={} exited at start ({status}); \
                     are Debian's chromium and chromium-driver installed?",
                    self.port
                ));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{CHROMEDRIVER} did not answer on port {} within {STARTUP:?}",
                    self.port
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Killing the whole group also ends the browser processes chromedriver started.
        let group = format!("-{}", self.child.id());
        let killed = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !killed {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Whether chromedriver on `port` answers its status endpoint with `"ready": true`.
fn status_is_ready(port: u16) -> bool {
    exchange(port, "GET", "/status", "")
        .is_ok_and(|(status, answer)| status == 200 && answer.contains("\"ready\":true"))
}

/// One HTTP/1.1 request to chromedriver on localhost; returns the status code and the body.
///
/// Chromedriver needs a `Host` header naming its own port, answers with a `Content-Length`,
/// and may keep the connection open despite `Connection: close`, so the body is read by length.
fn exchange(port: u16, method: &str, path: &str, body: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut chunk)? {
            0 => {
                return Err(std::io::Error::other(
                    "connection closed before the headers ended",
                ));
            }
            n => raw.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("malformed status line in {head:?}")))?;
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let mut body = raw.split_off(head_end);
    match length {
        Some(length) => {
            while body.len() < length {
                match stream.read(&mut chunk)? {
                    0 => break,
                    n => body.extend_from_slice(&chunk[..n]),
                }
            }
            body.truncate(length);
        }
        None => {
            stream.read_to_end(&mut body)?;
        }
    }
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// A port that was free a moment ago.
fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// A new, empty directory for the browser profile, so that no state leaks between runs.
fn fresh_profile_dir() -> Result<PathBuf, String> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("aktionsplan-e2e-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}
