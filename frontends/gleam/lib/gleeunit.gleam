//// The gleeunit test runner: `gleeunit.main()` finds the test modules in
//// `test/` and runs every public function whose name ends in `_test`.
//// `eubeam test` runs the same tests through the same runner without
//// `main`; both print what gleeunit prints on the Erlang target.

/// Runs every `_test` function of the modules under `test/` (relative to
/// the current directory), prints a dot per passing test and a report per
/// failing one, then halts: with status 0 when nothing failed, else 1.
@external(erlang, "eubeam_gleeunit", "main")
pub fn main() -> Nil
