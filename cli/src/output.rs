//! Writing to standard output.

use std::io::Write as _;

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
pub(crate) fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// `--format` of the commands that print either a report for people or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}
