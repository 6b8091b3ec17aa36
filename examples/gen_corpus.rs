//! Writes a library of generated articles in the house format, for scale tests:
//! `cargo run --release --example gen_corpus -- DIR COUNT [BYTES_EACH]` (default 4000 bytes).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: gen_corpus DIR COUNT [BYTES_EACH]");
        std::process::exit(2);
    };
    let bytes = args.get(2).and_then(|b| b.parse().ok()).unwrap_or(4000);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("gen_corpus: cannot create {dir}: {e}");
        std::process::exit(1);
    }
    for (name, text) in artikel::corpus::library(count, bytes) {
        let path = std::path::Path::new(dir).join(format!("{name}.md"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("gen_corpus: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
