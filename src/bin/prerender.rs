//! `prerender SHELL DIR`: renders every page of the app into Trunk's HTML shell and writes each to
//! its file below DIR (run by `cargo xtask dist` after Trunk; see `aktionsplan::prerender`).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [shell, dir] = args.as_slice() else {
        eprintln!("usage: prerender SHELL DIR (the HTML shell Trunk wrote, the site's folder)");
        return ExitCode::FAILURE;
    };
    match run(Path::new(shell), Path::new(dir)) {
        Ok(count) => {
            println!(
                "prerender: wrote {count} pages for the base path {}",
                aktionsplan::prerender::base_path()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Renders all pages and writes them; returns how many.
fn run(shell: &Path, dir: &Path) -> Result<usize, String> {
    let shell = std::fs::read_to_string(shell)
        .map_err(|e| format!("cannot read the HTML shell {}: {e}", shell.display()))?;
    let files = aktionsplan::prerender::render_all(&shell)?;
    for (file, html) in &files {
        let path = dir.join(file);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(files.len())
}
