//! Compiles `content/` into static Rust data and the search index in OUT_DIR; invalid content
//! stops the build.
//!
//! The generated `plan.rs` holds one constant, `PLAN`, written by `plan::codegen`; `search.bin` is
//! the index of `plan::sections`, built by the same engine that searches it in the browser. Every
//! error is printed with file, line and field, and the build fails, so broken content never ships.
//! `settings.rs` holds the deployment settings, `tools.rs` the version of the accessibility checker
//! that the accessibility statement names (from `package-lock.json`).

use std::path::Path;
use std::process::exit;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=public/illustrations");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_settings(&out_dir);
    write_tools(&out_dir);
    let plan = match plan::content::load(Path::new("content")) {
        Ok(plan) => plan,
        Err(errors) => {
            eprintln!("The content in content/ is not valid; fix these and build again:\n{errors}");
            exit(1);
        }
    };
    let mut missing = false;
    for area in plan.areas {
        let illustration = format!("public/illustrations/{}.svg", area.slug);
        if !Path::new(&illustration).is_file() {
            eprintln!(
                "error: {illustration}:1: the illustration of the area `{}` is missing",
                area.slug
            );
            missing = true;
        }
    }
    if missing {
        exit(1);
    }
    let synonyms = match plan::content::load_synonyms(Path::new("content")) {
        Ok(synonyms) => synonyms,
        Err(errors) => {
            eprintln!("The search synonyms are not valid; fix these and build again:\n{errors}");
            exit(1);
        }
    };
    let plan: &'static plan::model::Plan = Box::leak(Box::new(plan));
    let sections = plan::sections::sections(plan);
    let index =
        plan::search::Index::build(&plan::sections::documents(&sections), &synonyms).to_bytes();
    // The app decodes these bytes at run time and relies on this check that it can.
    plan::search::Index::from_bytes(&index).expect("a freshly built index decodes");
    std::fs::write(out_dir.join("search.bin"), &index).expect("cannot write the search index");
    // The sections' links as a static table, so the app maps hits to links without building them.
    let mut table = String::from(
        "/// The findable sections in index order, from `plan::sections` at build time.\n",
    );
    table.push_str("pub static SECTIONS: &[SectionLink] = &[\n");
    for s in &sections {
        table.push_str(&format!(
            "    SectionLink {{ path: {:?}, anchor: {:?}, title: {:?}, context: {:?}, text: {:?} }},\n",
            s.route.path(),
            s.anchor,
            s.title,
            s.context,
            s.text
        ));
    }
    table.push_str("];\n");
    std::fs::write(out_dir.join("sections.rs"), table).expect("cannot write the sections table");
    let code = format!(
        "/// The plan's content, compiled from `content/` by `build.rs`.\npub static PLAN: ::plan::model::Plan = {};\n",
        plan::codegen::plan_to_rust(plan)
    );
    let out = out_dir.join("plan.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Writes `settings.rs` with the deployment settings (base path, origin, frame ancestors), checked by
/// `plan::deploy`; a bad value stops the build and names the variable.
fn write_settings(out_dir: &Path) {
    let setting = |var: &str, check: fn(&str) -> Result<String, String>| {
        println!("cargo:rerun-if-env-changed={var}");
        let value = std::env::var(var).unwrap_or_default();
        check(&value).unwrap_or_else(|why| {
            eprintln!("error: the setting {var}={value:?} is not valid: {why}");
            exit(1);
        })
    };
    let base = setting(plan::deploy::BASE_PATH_VAR, plan::deploy::base_path);
    let origin = setting(plan::deploy::ORIGIN_VAR, plan::deploy::origin);
    let frame_ancestors = setting(
        plan::deploy::FRAME_ANCESTORS_VAR,
        plan::deploy::frame_ancestors,
    );
    let code = format!(
        "/// The base path the site is built for, without a trailing slash: `\"\"` at the root.\n\
         pub const BASE_PATH: &str = {base:?};\n\
         /// The site's origin, for canonical and Open Graph URLs.\n\
         pub const ORIGIN: &str = {origin:?};\n\
         /// Who may embed the site: the `frame-ancestors` sources its server sends.\n\
         pub const FRAME_ANCESTORS: &str = {frame_ancestors:?};\n"
    );
    std::fs::write(out_dir.join("settings.rs"), code).expect("cannot write the settings");
}

/// The lock file that pins the test tools from npm.
const PACKAGE_LOCK: &str = "package-lock.json";

/// The entry of axe-core in the lock file's `packages`.
const AXE_CORE_ENTRY: &str = "node_modules/axe-core";

/// Writes `tools.rs` with the version of axe-core the end-to-end tests run, read from the lock
/// file, so the accessibility statement names the checker that was really used; a missing or
/// malformed entry stops the build and names file and field.
fn write_tools(out_dir: &Path) {
    println!("cargo:rerun-if-changed={PACKAGE_LOCK}");
    let text = std::fs::read_to_string(PACKAGE_LOCK)
        .unwrap_or_else(|e| fail(None, None, format!("cannot read the file: {e}")));
    let lock: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| fail(Some(e.line()), None, format!("not valid JSON: {e}")));
    let field = format!("packages.\"{AXE_CORE_ENTRY}\".version");
    let version = lock
        .get("packages")
        .and_then(|p| p.get(AXE_CORE_ENTRY))
        .and_then(|p| p.get("version"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or_else(|| {
            fail(
                None,
                Some(&field),
                "missing or not a string; run `npm install` to record axe-core".to_owned(),
            )
        });
    let parts: Vec<&str> = version.split('.').collect();
    let is_version = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !is_version {
        fail(
            None,
            Some(&field),
            format!("`{version}` is not a version such as 4.14.1"),
        );
    }
    let code = format!(
        "/// The version of axe-core, the accessibility checker of the end-to-end tests, from `{PACKAGE_LOCK}`.\n\
         pub const AXE_CORE_VERSION: &str = {version:?};\n"
    );
    std::fs::write(out_dir.join("tools.rs"), code).expect("cannot write the tool versions");
}

/// Stops the build with a problem in the lock file, naming the line or the field where known.
fn fail(line: Option<usize>, field: Option<&str>, why: String) -> ! {
    let line = line.map(|l| format!(":{l}")).unwrap_or_default();
    let field = field.map(|f| format!(" field `{f}`:")).unwrap_or_default();
    eprintln!("error: {PACKAGE_LOCK}{line}:{field} {why}");
    exit(1);
}
