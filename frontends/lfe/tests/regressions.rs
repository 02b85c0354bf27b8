//! Inputs the fuzzer once found slow or failing (fuzz/README.md): each must
//! end in diagnostics, quickly, without a panic.

use eubeam_ir::{Frontend, SourceFile};

/// A `defsyntax` that expands into itself without end (a mutated copy of a
/// test program): the expansion stops at the nesting cap with a diagnostic.
#[test]
fn runaway_defsyntax_expansion_is_a_diagnostic() {
    let text = include_str!("regressions/runaway_defsyntax.lfe");
    let file = SourceFile {
        path: "runaway_defsyntax.lfe".into(),
        text: text.to_string(),
    };
    let diags = match eubeam_lfe::LfeFrontend.compile(&file) {
        Ok(_) => panic!("compiled"),
        Err(d) => d,
    };
    let text: String = diags.iter().map(|d| d.render(text, false)).collect();
    assert!(text.contains("nested too deeply"), "{text}");
}
