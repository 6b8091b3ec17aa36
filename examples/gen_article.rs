//! Writes a generated article of a given size, for benchmarks:
//! `cargo run --release --example gen_article -- OUT.md MEGABYTES [SEED]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(mb)) = (args.first(), args.get(1).and_then(|m| m.parse::<f64>().ok())) else {
        eprintln!("usage: gen_article OUT.md MEGABYTES [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let text = artikel::corpus::article("Rygsmerter", seed, (mb * 1_000_000.0) as usize);
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("gen_article: cannot write {path}: {e}");
        std::process::exit(1);
    }
}
