//! The exs:Elixir frontend on arbitrary text: compile (parse, check, lower,
//! render diagnostics) and shell input must end in modules or diagnostics,
//! never a panic, a hang or a stack overflow.
#![no_main]

use eubeam_ir::{Frontend, SourceFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let frontend = eubeam_elixir::ElixirFrontend;
    let file = SourceFile {
        path: "fuzz.ElixirFrontend".into(),
        text: text.to_string(),
    };
    if let Err(diags) = frontend.compile(&file) {
        for d in &diags {
            let _ = d.render(text, false);
        }
    }
    let _ = frontend.shell_input(text, &[], "fuzz_shell");
});
