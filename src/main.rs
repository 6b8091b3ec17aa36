//! The `artikel` command: reads the arguments and hands them to the library.

use clap::Parser;

fn main() {
    let cli = match artikel::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // clap quotes the arguments it did not understand: show their controls, never send them.
            eprint!("{}", artikel::sanitize::visible(&e.render().to_string()));
            std::process::exit(e.exit_code());
        }
        Err(e) => e.exit(),
    };
    std::process::exit(artikel::cli::run(cli, artikel::serve::run));
}
