//! Source that the Erlang frontend accepts becomes IR; the validator, the
//! Core Erlang printer and the runtime's IR-to-bytecode compiler must all
//! take that IR without a panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use eubeam_ir::{Frontend, SourceFile};
use eubeam_runtime::{ModuleLoader, Vm, VmConfig};
use libfuzzer_sys::fuzz_target;

struct NoLibrary;

impl ModuleLoader for NoLibrary {
    fn load(&self, _module: &str) -> Option<Result<Vec<eubeam_ir::Module>, String>> {
        None
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = SourceFile {
        path: "fuzz.erl".into(),
        text: text.to_string(),
    };
    let Ok(compiled) = eubeam_erlang::ErlangFrontend.compile(&file) else {
        return;
    };
    // One VM for the whole run: starting scheduler threads per input would
    // dominate the time. Loading a module again replaces it.
    static VM: OnceLock<Vm> = OnceLock::new();
    let vm = VM.get_or_init(|| Vm::new_captured(VmConfig { schedulers: 1 }, Arc::new(NoLibrary)));
    for module in &compiled.modules {
        let _ = eubeam_ir::validate::validate(module);
        let _ = eubeam_ir::printer::print_module(module);
        let _ = vm.load_module(module);
    }
});
