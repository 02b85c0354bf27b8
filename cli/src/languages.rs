//! The registry of frontends: which language handles which file extension.

use std::path::Path;

use eubeam_ir::Frontend;

static ERLANG: eubeam_erlang::ErlangFrontend = eubeam_erlang::ErlangFrontend;
static ELIXIR: eubeam_elixir::ElixirFrontend = eubeam_elixir::ElixirFrontend;
static LFE: eubeam_lfe::LfeFrontend = eubeam_lfe::LfeFrontend;
static GLEAM: eubeam_gleam::GleamFrontend = eubeam_gleam::GleamFrontend;
static LUA: eubeam_lua::LuaFrontend = eubeam_lua::LuaFrontend;

/// Every frontend this build knows, in the order `compare` lists them.
static ALL: &[&dyn Frontend] = &[&ERLANG, &ELIXIR, &LFE, &GLEAM, &LUA];

pub fn all() -> &'static [&'static dyn Frontend] {
    ALL
}

pub fn by_name(lang: &str) -> Option<&'static dyn Frontend> {
    all().iter().copied().find(|f| f.language() == lang)
}

pub fn for_path(path: &Path) -> Option<&'static dyn Frontend> {
    let ext = path.extension()?.to_str()?;
    all()
        .iter()
        .copied()
        .find(|f| f.extensions().contains(&ext))
}

/// Languages named in the design that this build cannot run yet, by extension;
/// used to say so plainly instead of "unknown file type".
pub fn planned_language(_path: &Path) -> Option<&'static str> {
    // Every language of the design has a frontend now.
    None
}
