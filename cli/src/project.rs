//! Projects: a folder with an `eubeam.toml` manifest naming the entry file
//! and the source folders, in any mix of languages.
//!
//! ```toml
//! [project]
//! name = "hello"
//! entry = "src/hello.erl"   # main/0 of its module runs (a script's top level for .exs/.lua)
//! src = ["src"]             # compiled and loaded before the entry runs
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const MANIFEST: &str = "eubeam.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    project: Section,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    /// Required so a manifest says what it is; not used for running.
    #[allow(dead_code)]
    name: String,
    entry: PathBuf,
    #[serde(default = "default_src")]
    src: Vec<PathBuf>,
}

fn default_src() -> Vec<PathBuf> {
    vec![PathBuf::from("src")]
}

/// Source files that define modules (scripts other than the entry are not
/// loaded: they would run nothing).
const MODULE_EXTENSIONS: [&str; 4] = ["erl", "ex", "lfe", "gleam"];

pub struct Project {
    /// The entry file first, then every module file of the source folders in
    /// path order.
    pub files: Vec<PathBuf>,
}

pub fn is_project(dir: &Path) -> bool {
    dir.join(MANIFEST).is_file()
}

pub fn load(dir: &Path) -> Result<Project, String> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let manifest: Manifest =
        toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))?;
    let section = manifest.project;
    let entry = dir.join(&section.entry);
    if !entry.is_file() {
        return Err(format!(
            "{}: the entry file {} does not exist",
            path.display(),
            entry.display()
        ));
    }
    let mut modules = Vec::new();
    for src in &section.src {
        let folder = dir.join(src);
        if !folder.is_dir() {
            return Err(format!(
                "{}: the source folder {} does not exist",
                path.display(),
                folder.display()
            ));
        }
        collect(&folder, &mut modules)?;
    }
    modules.sort();
    modules.dedup();
    let same_file = |p: &PathBuf| p.canonicalize().ok() == entry.canonicalize().ok();
    let mut files = vec![entry.clone()];
    files.extend(modules.into_iter().filter(|p| !same_file(p)));
    Ok(Project { files })
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| MODULE_EXTENSIONS.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// What `eubeam new` writes: the manifest and a hello-world entry.
pub fn scaffold(name: &str, lang: &str) -> Result<Vec<(PathBuf, String)>, String> {
    let (entry, source) = match lang {
        "erlang" => (
            format!("src/{name}.erl"),
            format!(
                "-module({name}).\n-export([main/0]).\n\nmain() ->\n    io:format(\"Hello from ~s!~n\", [\"{name}\"]).\n"
            ),
        ),
        "elixir" => (
            "src/main.exs".to_string(),
            format!("IO.puts(\"Hello from {name}!\")\n"),
        ),
        "lfe" => (
            format!("src/{name}.lfe"),
            format!(
                "(defmodule {name}\n  (export (main 0)))\n\n(defun main ()\n  (io:format \"Hello from ~s!~n\" '(\"{name}\")))\n"
            ),
        ),
        "gleam" => (
            format!("src/{name}.gleam"),
            format!("import gleam/io\n\npub fn main() {{\n  io.println(\"Hello from {name}!\")\n}}\n"),
        ),
        "lua" => (
            "src/main.lua".to_string(),
            format!("print(\"Hello from {name}!\")\n"),
        ),
        other => {
            return Err(format!(
                "unknown language '{other}'; choose erlang, elixir, lfe, gleam or lua"
            ))
        }
    };
    let manifest = format!("[project]\nname = \"{name}\"\nentry = \"{entry}\"\nsrc = [\"src\"]\n");
    Ok(vec![
        (PathBuf::from(MANIFEST), manifest),
        (PathBuf::from(entry), source),
    ])
}

/// Project names become module names: lower-case letters, digits and `_`,
/// starting with a letter.
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("eubeam-project-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src/sub")).unwrap();
        dir
    }

    #[test]
    fn entry_first_then_module_files() {
        let dir = temp("order");
        std::fs::write(
            dir.join(MANIFEST),
            "[project]\nname = \"p\"\nentry = \"src/main.exs\"\n",
        )
        .unwrap();
        for f in [
            "src/main.exs",
            "src/b.erl",
            "src/sub/a.ex",
            "src/notes.txt",
            "src/other.exs",
        ] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let p = load(&dir).unwrap();
        let names: Vec<String> = p
            .files
            .iter()
            .map(|f| f.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["src/main.exs", "src/b.erl", "src/sub/a.ex"]);
    }

    #[test]
    fn bad_manifests_say_what_is_wrong() {
        let dir = temp("bad");
        std::fs::write(dir.join(MANIFEST), "[project]\nname = \"p\"\n").unwrap();
        assert!(load(&dir).err().unwrap().contains("missing field `entry`"));
        std::fs::write(
            dir.join(MANIFEST),
            "[project]\nname = \"p\"\nentry = \"src/nope.erl\"\n",
        )
        .unwrap();
        assert!(load(&dir).err().unwrap().contains("does not exist"));
    }

    #[test]
    fn names() {
        assert!(valid_name("hello_world2"));
        assert!(!valid_name("Hello"));
        assert!(!valid_name("2x"));
        assert!(!valid_name(""));
        assert!(!valid_name("a-b"));
    }
}
