//! Builds the deployable release site into `dist/` with Trunk, offline, with the pinned tools, gives
//! every route its own HTML file and unknown paths a `404.html`, and writes the response headers to
//! `dist/_headers`.

use crate::headers;
use crate::run::{cmd, root, run};
use crate::setup::{Needs, setup};

/// Sets up and builds the release site.
pub fn dist() -> Result<(), String> {
    setup(Needs::Build)?;
    build()
}

/// Builds the release site and writes `dist/_headers`; the tools must already be installed.
///
/// The `frame-ancestors` setting is checked before Trunk runs, so a bad value stops the build at once.
pub fn build() -> Result<(), String> {
    let frame_ancestors = headers::frame_ancestors_setting()?;
    run(&mut cmd("trunk", &["build", "--release", "--offline"]))?;
    let dist = root().join("dist");
    let routes = route_files(&dist)?;
    println!("xtask: wrote {routes} route files and 404.html");
    let csp = headers::write(&dist, &frame_ancestors)?;
    println!("xtask: wrote dist/_headers with Content-Security-Policy: {csp}");
    println!("xtask: the release site is in {}", dist.display());
    Ok(())
}

/// The paths of the app's pages besides `/`: every route of the route table and the search page.
pub fn page_paths() -> Vec<String> {
    let mut paths: Vec<String> = plan::routes::Route::all()
        .iter()
        .map(|r| r.path())
        .collect();
    paths.push("/suche".to_owned());
    paths.retain(|p| p != "/");
    paths
}

/// Copies Trunk's `index.html` to `<route>/index.html` for every page and to `404.html`, so that
/// a static host answers a real page with status 200 and any other path with the not-found page
/// and status 404. The app renders each page in the browser; the files differ only by their path
/// (pre-rendering their content is the next step, see ARCHITECTURE.md). Returns the number of
/// route files written.
fn route_files(dist: &std::path::Path) -> Result<usize, String> {
    let shell = std::fs::read(dist.join("index.html"))
        .map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    let write = |path: std::path::PathBuf| {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(&path, &shell).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let paths = page_paths();
    for path in &paths {
        write(dist.join(path.trim_start_matches('/')).join("index.html"))?;
    }
    write(dist.join("404.html"))?;
    Ok(paths.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_but_the_start_page_gets_a_file() {
        let paths = page_paths();
        assert_eq!(paths.len(), 12);
        assert!(paths.contains(&"/handlungsfelder/unterstuetzung-des-ehrenamts".to_owned()));
        assert!(paths.contains(&"/suche".to_owned()));
        assert!(!paths.contains(&"/".to_owned()));
    }

    #[test]
    fn route_files_copy_the_shell_to_each_page_and_404() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<html>shell</html>").unwrap();
        assert_eq!(route_files(dir.path()).unwrap(), 12);
        for file in [
            "404.html",
            "leitlinien/index.html",
            "handlungsfelder/sicherheit-und-werte/index.html",
            "suche/index.html",
        ] {
            assert_eq!(
                std::fs::read_to_string(dir.path().join(file)).unwrap(),
                "<html>shell</html>",
                "{file}"
            );
        }
    }
}
