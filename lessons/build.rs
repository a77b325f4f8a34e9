//! Lists the lesson content files so `src/lib.rs` can embed them with `include_str!`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from("&[\n");
    for (relative, absolute) in &files {
        let _ = writeln!(out, "    ({relative:?}, include_str!({absolute:?})),");
    }
    out.push(']');
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out_dir.join("files.rs"), out) {
        panic!("cannot write the embedded lesson list: {e}");
    }
    println!("cargo:rerun-if-changed={}", root.display());
}

/// Content files: `.json` and `.md` anywhere below `lessons/`, except the crate's own files
/// and the authors' guide.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "src" && name != "target" {
                println!("cargo:rerun-if-changed={}", path.display());
                collect(root, &path, files);
            }
            continue;
        }
        let is_content = name.ends_with(".json") || name.ends_with(".md");
        if !is_content || (dir == root && name == "README.md") {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let relative = relative.to_string_lossy().replace('\\', "/");
        files.push((relative, path.to_string_lossy().into_owned()));
    }
}
