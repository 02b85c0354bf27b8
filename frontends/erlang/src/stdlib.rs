//! Library modules written in Erlang, compiled by the CLI's loader on first
//! use.

/// (module, file name, text) of every library module this frontend ships.
const MODULES: &[(&str, &str, &str)] = &[
    ("array", "array.erl", include_str!("../lib/array.erl")),
    ("dict", "dict.erl", include_str!("../lib/dict.erl")),
    ("gb_sets", "gb_sets.erl", include_str!("../lib/gb_sets.erl")),
    (
        "gb_trees",
        "gb_trees.erl",
        include_str!("../lib/gb_trees.erl"),
    ),
    ("sets", "sets.erl", include_str!("../lib/sets.erl")),
    ("lists", "lists.erl", include_str!("../lib/lists.erl")),
    ("io_lib", "io_lib.erl", include_str!("../lib/io_lib.erl")),
    ("logger", "logger.erl", include_str!("../lib/logger.erl")),
    (
        "error_logger",
        "error_logger.erl",
        include_str!("../lib/error_logger.erl"),
    ),
    (
        "gen_server",
        "gen_server.erl",
        include_str!("../lib/gen_server.erl"),
    ),
    (
        "proc_lib",
        "proc_lib.erl",
        include_str!("../lib/proc_lib.erl"),
    ),
    (
        "supervisor",
        "supervisor.erl",
        include_str!("../lib/supervisor.erl"),
    ),
    ("sys", "sys.erl", include_str!("../lib/sys.erl")),
    (
        "net_kernel",
        "net_kernel.erl",
        include_str!("../lib/net_kernel.erl"),
    ),
    ("net_adm", "net_adm.erl", include_str!("../lib/net_adm.erl")),
    ("rpc", "rpc.erl", include_str!("../lib/rpc.erl")),
    ("erpc", "erpc.erl", include_str!("../lib/erpc.erl")),
    ("maps", "maps.erl", include_str!("../lib/maps.erl")),
    ("queue", "queue.erl", include_str!("../lib/queue.erl")),
    ("eunit", "eunit.erl", include_str!("../lib/eunit.erl")),
    (
        "$eubeam_io",
        "eubeam_io.erl",
        include_str!("../lib/eubeam_io.erl"),
    ),
    (
        "eubeam_test_eunit",
        "eubeam_test_eunit.erl",
        include_str!("../lib/eubeam_test_eunit.erl"),
    ),
    ("string", "string.erl", include_str!("../lib/string.erl")),
    ("orddict", "orddict.erl", include_str!("../lib/orddict.erl")),
    ("ordsets", "ordsets.erl", include_str!("../lib/ordsets.erl")),
    (
        "proplists",
        "proplists.erl",
        include_str!("../lib/proplists.erl"),
    ),
];

/// The source of a library module: `(file name, text)`.
pub fn stdlib_source(module: &str) -> Option<(&'static str, &'static str)> {
    MODULES
        .iter()
        .find(|(m, _, _)| *m == module)
        .map(|&(_, file, text)| (file, text))
}

/// Every library module this frontend ships.
pub fn stdlib_modules() -> Vec<&'static str> {
    MODULES.iter().map(|&(m, _, _)| m).collect()
}
