//! Rebuilds the binary whenever a bundled article changes, since they are compiled in.
fn main() {
    println!("cargo:rerun-if-changed=articles");
}
