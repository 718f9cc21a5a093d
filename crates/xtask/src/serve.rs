//! Builds the release site and serves it on 127.0.0.1 the way a static host should, under the
//! build's base path.

use crate::run::root;
use siteserver::SiteServer;

/// Sets up, builds and serves `dist/` until interrupted.
pub fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => value
            .parse::<u16>()
            .map_err(|_| format!("`{value}` is not a port number"))?,
        _ => {
            return Err(format!(
                "unexpected arguments {args:?}; usage: cargo xtask serve [--port N]"
            ));
        }
    };
    crate::dist::dist(&[])?;
    // The build's base path: a site built for `/aktionsplan/` is served there.
    let base = crate::dist::settings()?.public_url;
    let addr = format!("127.0.0.1:{port}");
    let server = SiteServer::start_with_base(&root().join("dist"), &addr, &base)
        .map_err(|e| format!("cannot serve on {addr}: {e} (is the port in use? try --port N)"))?;
    println!(
        "\nxtask: the app is served at {} (press Ctrl+C to stop)",
        server.base_url()
    );
    server.wait();
    Ok(())
}
