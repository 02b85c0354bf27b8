//! Deeply nested or very long chained input ends in a diagnostic, never in
//! a stack overflow (DESIGN.md §7).

use eubeam_ir::Frontend;
use eubeam_ir::SourceFile;

fn check(src: String) -> Vec<String> {
    let file = SourceFile {
        path: "deep.gleam".into(),
        text: src,
    };
    match eubeam_gleam::GleamFrontend.compile(&file) {
        Ok(_) => Vec::new(),
        Err(ds) => ds.into_iter().map(|d| d.message).collect(),
    }
}

#[test]
fn long_operator_chains_and_deep_nesting_are_diagnosed() {
    let cases = [
        format!("pub fn main() {{ {}1 }}", "1 + ".repeat(20000)),
        format!("pub fn main() {{ {}1 }}", "1 |> ".repeat(20000)),
        format!("pub fn main() {{ f{} }}", "(1)".repeat(20000)),
        format!(
            "pub fn main() {{ {}1{} }}",
            "[".repeat(5000),
            "]".repeat(5000)
        ),
        format!("pub fn main() {{ {}1 }}", "-".repeat(20000)),
    ];
    for src in cases {
        let msgs = check(src);
        assert!(
            msgs.iter().any(|m| m == "Expression nested too deeply"),
            "{msgs:?}"
        );
    }
}
