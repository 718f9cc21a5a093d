//! Project automation, run as `cargo xtask <command>`: set up, serve, test, build and measure.
//!
//! Every command installs what it needs first (pinned versions, see `setup`), prints each step it
//! runs, and is safe to run again.

mod bench_browser;
mod bench_search;
mod budget;
mod compress;
mod dist;
mod headers;
mod lighthouse;
mod pwa;
mod run;
mod search_cli;
mod serve;
mod setup;
mod size;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   set up, build the release site and serve it on 127.0.0.1 (default port 8080)
  test               set up (chromium included) and run every check and test
  dist [--dist DIR]  set up and build the deployable release site into dist/ (or DIR)
  size [--check | --write-budgets]
                     print raw, gzip and brotli bytes of every file in dist/; --check: then check
                     them against size-budgets.toml; --write-budgets: rewrite that file from dist/
  lighthouse [--dist DIR] [--runs N]
                     build the release site and measure / and one area page with Lighthouse 12
                     (mobile, median of N runs, default 3); --dist DIR: measure that build as it is
  search QUERY       run the app's search natively over content/ and print ranked results
  bench-search [--browser] [DIR]
                     measure search quality and speed on GermanQuAD (default ../shared/bench/germanquad);
                     --browser: per-keystroke latency in wasm in headless chromium, on the plan and GermanQuAD
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::serve(&args[1..]),
        Some("test") => test::test(),
        Some("dist") => dist::dist(&args[1..]),
        Some("size") => size::size(&args[1..]),
        Some("lighthouse") => lighthouse::lighthouse(&args[1..]),
        Some("search") => search_cli::search(&args[1..]),
        // Timings only mean something in an optimised build, so a debug xtask hands over to a
        // release build of itself.
        Some("bench-search") if cfg!(debug_assertions) => {
            let mut all = vec!["run", "--release", "--quiet", "-p", "xtask", "--"];
            all.extend(args.iter().map(String::as_str));
            run::run(&mut run::cmd("cargo", &all))
        }
        Some("bench-search") => {
            let browser = args.iter().any(|a| a == "--browser");
            let dir = args[1..].iter().find(|a| *a != "--browser").map_or_else(
                || run::root().join("../shared/bench/germanquad"),
                std::path::PathBuf::from,
            );
            if browser {
                setup::setup(setup::Needs::Test).and_then(|()| bench_browser::run(&dir))
            } else {
                bench_search::run(&dir)
            }
        }
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
