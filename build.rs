//! Rebuilds the portal when a message file is added or removed under `locales/`: the
//! Fluent loader compiles in the files it finds (each with `include_str!`, which tracks
//! changes to a file but not a new one).

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
