//! The Aktionsplan's content model, its validating loader, the route table and the search engine.
//!
//! This crate has no web dependency: `build.rs` of the app uses it to compile `content/` into static
//! data, the app uses its types and route helpers at run time, and everything is tested natively.

pub mod bench;
pub mod codegen;
pub mod content;
pub mod date;
pub mod deploy;
pub mod model;
pub mod routes;
pub mod search;
pub mod sections;
