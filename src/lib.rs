//! artikel: a keyboard-driven terminal reader for health articles written in Markdown.
//!
//! Data flows one way: [`library`] loads files into articles, [`document`] parses an
//! article's body into blocks and an outline, [`layout`] wraps those blocks for a width,
//! and [`ui`] draws a viewport of the laid-out lines. Keys become [`app::Action`]s that
//! [`app::update`] applies to the [`app::App`] state.

#![warn(missing_docs, clippy::unwrap_used)]

pub mod app;
pub mod backend;
pub mod care;
pub mod check;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod corpus;
pub mod document;
pub mod entries;
pub mod layout;
pub mod ledger;
pub mod library;
pub mod panics;
pub mod pieces;
pub mod regular_file;
pub mod sanitize;
pub mod screen;
pub mod search;
pub mod serve;
pub mod serve_options;
pub mod settings;
pub mod signs;
pub mod store;
pub mod strings;
pub mod tui;
pub mod ui;
pub mod watch;
pub mod words;

#[cfg(test)]
mod import_cycles;
