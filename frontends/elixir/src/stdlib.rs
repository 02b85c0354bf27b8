//! Library modules written in Elixir (`lib/*.ex`), compiled by the CLI's
//! loader on first use.

macro_rules! libs {
    ($($module:literal => $file:literal),* $(,)?) => {
        /// The source of a library module: `(file name, text)`.
        pub fn stdlib_source(module: &str) -> Option<(&'static str, &'static str)> {
            match module {
                $($module => Some(($file, include_str!(concat!("../lib/", $file)))),)*
                _ => None,
            }
        }

        /// Every library module this frontend ships.
        pub fn stdlib_modules() -> &'static [&'static str] {
            &[$($module),*]
        }
    };
}

libs! {
    "Elixir.Kernel" => "kernel.ex",
    "Elixir.Enum" => "enum.ex",
    "Elixir.IO" => "io.ex",
    "Elixir.String.Chars" => "string_chars.ex",
    "Elixir.Exception" => "exception.ex",
    "Elixir.Map" => "map.ex",
    "Elixir.List" => "list.ex",
    "Elixir.Keyword" => "keyword.ex",
    "Elixir.Tuple" => "tuple.ex",
    "Elixir.Integer" => "integer.ex",
    "Elixir.String" => "string.ex",
    "Elixir.Process" => "process.ex",
    "Elixir.Range" => "range.ex",
    "Elixir.Access" => "access.ex",
    "Elixir.GenServer" => "gen_server.ex",
    "Elixir.Agent" => "agent.ex",
    "Elixir.Agent.Server" => "agent.ex",
    "Elixir.Task" => "task.ex",
    "Elixir.Supervisor" => "supervisor.ex",
    "Elixir.MapSet" => "map_set.ex",
    "Elixir.Protocol" => "protocol.ex",
    "Elixir.Function" => "function.ex",
    "Elixir.Registry" => "registry.ex",
    "Elixir.Task.Supervisor" => "task_supervisor.ex",
    "Elixir.Macro" => "macro.ex",
    "Elixir.Module" => "module.ex",
    "Elixir.Atom" => "atom.ex",
    "Elixir.Bitwise" => "bitwise.ex",
    "Elixir.Stream" => "stream.ex",
    "Elixir.Regex" => "regex.ex",
    "Elixir.Regex.CompileError" => "regex.ex",
    "Elixir.Base" => "base.ex",
    "Elixir.Float" => "float.ex",
    "Elixir.Inspect" => "inspect.ex",
    "Elixir.Inspect.Opts" => "inspect.ex",
    "Elixir.Inspect.Algebra" => "inspect.ex",
    "Elixir.ArithmeticError" => "errors.ex",
    "Elixir.ArgumentError" => "errors.ex",
    "Elixir.RuntimeError" => "errors.ex",
    "Elixir.MatchError" => "errors.ex",
    "Elixir.CaseClauseError" => "errors.ex",
    "Elixir.CondClauseError" => "errors.ex",
    "Elixir.WithClauseError" => "errors.ex",
    "Elixir.TryClauseError" => "errors.ex",
    "Elixir.FunctionClauseError" => "errors.ex",
    "Elixir.KeyError" => "errors.ex",
    "Elixir.BadMapError" => "errors.ex",
    "Elixir.BadArityError" => "errors.ex",
    "Elixir.BadFunctionError" => "errors.ex",
    "Elixir.BadBooleanError" => "errors.ex",
    "Elixir.UndefinedFunctionError" => "errors.ex",
    "Elixir.ErlangError" => "errors.ex",
    "Elixir.Enum.EmptyError" => "errors.ex",
    "Elixir.Enum.OutOfBoundsError" => "errors.ex",
    "Elixir.Protocol.UndefinedError" => "errors.ex",
    "Elixir.BadStructError" => "errors.ex",
    "Elixir.SystemLimitError" => "errors.ex",
    "Elixir.System" => "system.ex",
    "Elixir.Logger" => "logger.ex",
    "Elixir.OptionParser" => "option_parser.ex",
    "Elixir.OptionParser.ParseError" => "option_parser.ex",
    "Elixir.System.EnvError" => "system.ex",
    "Elixir.DynamicSupervisor" => "dynamic_supervisor.ex",
    "Elixir.ExUnit" => "ex_unit.ex",
    "Elixir.ExUnit.AssertionError" => "ex_unit.ex",
    "Elixir.ExUnit.TimeoutError" => "ex_unit.ex",
    "Elixir.ExUnit.Runner" => "ex_unit.ex",
    "Elixir.ExUnit.Callbacks" => "ex_unit_callbacks.ex",
    "Elixir.ExUnit.Assertions" => "ex_unit_assertions.ex",
    "Elixir.ExUnit.Driver" => "ex_unit_driver.erl",
    "Elixir.ExUnit.CaptureIO" => "ex_unit_capture_io.ex",
    "Elixir.ExUnit.CaptureLog" => "ex_unit_capture_log.ex",
    "Elixir.ExUnit.DocTest" => "ex_unit_doc_test.ex",
}

/// Whether library module `m` defines `name/arity` (for `import`).
pub fn exports(m: &str, name: &str, _arity: u32) -> bool {
    match stdlib_source(m) {
        Some((_, text)) => {
            text.contains(&format!("def {name}(")) || text.contains(&format!("def {name},"))
        }
        None => false,
    }
}
