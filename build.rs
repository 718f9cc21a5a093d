//! Compiles `content/` into static Rust data in OUT_DIR; invalid content stops the build.
//!
//! The generated `plan.rs` holds one constant, `PLAN`, written by `plan::codegen`. Every error is
//! printed with file, line and field, and the build fails, so broken content never ships.

use std::path::Path;
use std::process::exit;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=public/illustrations");
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
    let code = format!(
        "/// The plan's content, compiled from `content/` by `build.rs`.\npub static PLAN: ::plan::model::Plan = {};\n",
        plan::codegen::plan_to_rust(&plan)
    );
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("plan.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
