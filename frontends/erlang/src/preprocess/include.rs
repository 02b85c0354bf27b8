//! Finding `-include` and `-include_lib` files, in epp's order: the
//! including file's directory, the current directory, the `-I` directories;
//! for `-include_lib("app/include/x.hrl")` then the directory of the
//! installed OTP application `app` (`<otp>/lib/app-Vsn/include/x.hrl`).

use std::path::{Path, PathBuf};

use super::dir_of;

/// Headers this toolchain ships for `-include_lib`, used instead of an
/// installed OTP's: EUnit's (whose OTP version needs a parse transform) and
/// the stdlib assertions it includes.
pub fn builtin(name: &str, lib: bool) -> Option<&'static str> {
    if !lib {
        return None;
    }
    match name {
        "eunit/include/eunit.hrl" => Some(include_str!("../../include/eunit.hrl")),
        "stdlib/include/assert.hrl" => Some(include_str!("../../include/assert.hrl")),
        _ => None,
    }
}

pub fn find(name: &str, lib: bool, including: &Path, dirs: &[PathBuf]) -> Option<PathBuf> {
    let name = expand_env(name);
    let p = Path::new(&name);
    if p.is_absolute() {
        return p.is_file().then(|| p.to_path_buf());
    }
    let mut candidates = vec![dir_of(including), PathBuf::from(".")];
    candidates.extend(dirs.iter().cloned());
    if let Some(found) = candidates.iter().map(|d| d.join(p)).find(|c| c.is_file()) {
        return Some(found);
    }
    if !lib {
        return None;
    }
    let mut parts = p.components();
    let app = parts.next()?.as_os_str().to_str()?.to_string();
    let rest = parts.as_path();
    let lib_dir = otp_lib_dir()?;
    app_dir(&lib_dir, &app)
        .map(|d| d.join(rest))
        .filter(|c| c.is_file())
}

/// `$VAR/...` at the start of an include path is the environment
/// variable's value (epp's `expand_var`).
fn expand_env(name: &str) -> String {
    if let Some(rest) = name.strip_prefix('$') {
        let (var, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if let Ok(v) = std::env::var(var) {
            return format!("{v}{tail}");
        }
    }
    name.to_string()
}

/// The `lib` directory of the installed OTP: `$EUBEAM_OTP_ROOT/lib`, or the
/// usual install locations.
pub fn otp_lib_dir() -> Option<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Some(r) = std::env::var_os("EUBEAM_OTP_ROOT") {
        roots.push(PathBuf::from(r));
    }
    roots.push(PathBuf::from("/usr/lib/erlang"));
    roots.push(PathBuf::from("/usr/local/lib/erlang"));
    roots
        .into_iter()
        .map(|r| r.join("lib"))
        .find(|l| l.is_dir())
}

/// `lib/app` or the highest `lib/app-Vsn`.
fn app_dir(lib: &Path, app: &str) -> Option<PathBuf> {
    let exact = lib.join(app);
    if exact.is_dir() {
        return Some(exact);
    }
    let prefix = format!("{app}-");
    let mut best: Option<(Vec<u64>, PathBuf)> = None;
    for entry in std::fs::read_dir(lib).ok()?.flatten() {
        let name = entry.file_name();
        let Some(vsn) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let key: Vec<u64> = vsn.split('.').map(|x| x.parse().unwrap_or(0)).collect();
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, entry.path()));
        }
    }
    best.map(|(_, p)| p)
}
