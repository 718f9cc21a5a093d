//! Compiles `content/` into static Rust data and the search index in OUT_DIR; invalid content
//! stops the build.
//!
//! The generated `plan.rs` holds one constant, `PLAN`, written by `plan::codegen`; `search.bin` is
//! the index of `plan::sections`, built by the same engine that searches it in the browser. Every
//! error is printed with file, line and field, and the build fails, so broken content never ships.

use std::path::Path;
use std::process::exit;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=public/illustrations");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_settings(&out_dir);
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
