//! Running external commands: each is printed before it runs, and a failure names the command.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (the folder with the app's Cargo.toml).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root exists")
}

/// A command started in the workspace root, with the project's tools first on PATH.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(root())
        .env("PATH", tool_path());
    command
}

/// PATH with `node_modules/.bin` (wasm-opt) and cargo's bin folder (trunk, wasm-bindgen) first, so
/// the pinned tools win over any other installed version (Debian's binaryen 108 breaks the app).
pub fn tool_path() -> String {
    let mut dirs = vec![root().join("node_modules/.bin"), cargo_home().join("bin")];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs)
        .expect("PATH entries are valid")
        .to_string_lossy()
        .into_owned()
}

/// Cargo's home folder, where `cargo install` puts binaries.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// Prints and runs a command; an error says which command failed.
pub fn run(command: &mut Command) -> Result<(), String> {
    println!("xtask: $ {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs a command quietly and returns its standard output, or `None` if it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok().filter(|o| o.status.success())?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A command line as text, for messages.
fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
