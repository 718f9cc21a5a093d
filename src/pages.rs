//! The app's pages, one per route and file.

pub mod area;
pub mod barrierefreiheit;
pub mod embed_generator;
pub mod handlungsfelder;
pub mod home;
pub mod leichte_sprache;
pub mod leitlinien;
pub mod not_found;
pub mod search;
pub mod service;
