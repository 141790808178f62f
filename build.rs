//! Rebuilds the portal when a message file is added or removed under `locales/`: the
//! Fluent loader compiles in the files it finds (each with `include_str!`, which tracks
//! changes to a file but not a new one). And lists the messages' ids (`$OUT_DIR/
//! message_ids.rs`), so `i18n` can word every message without variables once, at start,
//! rather than at each page.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let dir = std::path::Path::new("locales/en");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("locales/en")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut ids = Vec::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file).expect("a message file");
        // A message starts a line with its id and "="; its other lines are indented, or
        // comments, or the closing brace of a selector.
        for line in text.lines() {
            if line.starts_with(|c: char| c.is_ascii_alphabetic())
                && let Some((id, _)) = line.split_once('=')
            {
                ids.push(id.trim().to_owned());
            }
        }
    }
    let mut out =
        String::from("/// Every message id of the English files (all languages have the same).\n");
    write!(
        out,
        "pub(crate) static MESSAGE_IDS: [&str; {}] = [",
        ids.len()
    )
    .unwrap();
    for id in &ids {
        write!(out, "{id:?}, ").unwrap();
    }
    out.push_str("];\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("message_ids.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}
