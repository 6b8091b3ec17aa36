//! The `artikel` command: reads the arguments and hands them to the library.

use clap::Parser;

fn main() {
    let cli = artikel::cli::Cli::parse();
    std::process::exit(artikel::cli::run(cli));
}
