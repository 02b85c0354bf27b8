//! `eubeam bench`: the anchor workloads of `bench/programs` (copies of the
//! project's reference programs) run side by side with the real `erl` (default
//! schedulers and `+S 1`) and `lua5.4`, when those are installed, in one run.
//! Prints a Markdown table of medians and ratios.
//!
//! Every program prints one line with its own in-VM timing (`ms=`,
//! `total_ms=`, `in_vm_ms=`, `cpu_ms=`, `max_late_ms=`); the runner also
//! measures whole-process wall time and peak RSS, so start-up is visible.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use clap::Args;

#[derive(Args)]
pub struct BenchArgs {
    /// Runs per command (after one warm-up run); the median is reported
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Only workloads whose name contains this text (repeatable)
    #[arg(long = "only", value_name = "TEXT")]
    only: Vec<String>,
    /// The bench directory (holding programs/)
    #[arg(long, default_value = "bench")]
    dir: PathBuf,
    /// Skip erl and lua5.4 even when installed
    #[arg(long)]
    no_reference: bool,
}

/// How a workload is started: the program, its arguments, and the entry the
/// real BEAM uses (`erl -run Module Function Args...`).
struct Workload {
    name: &'static str,
    /// Relative to `<dir>/programs`.
    program: &'static str,
    module: &'static str,
    function: &'static str,
    args: &'static [&'static str],
    /// Extra `erl` emulator flags (e.g. `+P 2000000`).
    erl_flags: &'static [&'static str],
    /// `lua5.4` script and arguments, for workloads Lua has.
    lua: Option<(&'static str, &'static [&'static str])>,
}

const WORKLOADS: &[Workload] = &[
    Workload {
        name: "startup",
        program: "startup/hello.erl",
        module: "hello",
        function: "main_halt",
        args: &[],
        erl_flags: &[],
        lua: Some(("startup/hello.lua", &[])),
    },
    Workload {
        name: "fib 30",
        program: "fib/fib.erl",
        module: "fib",
        function: "main",
        args: &["30"],
        erl_flags: &[],
        lua: Some(("fib/fib.lua", &["30"])),
    },
    Workload {
        name: "fib 35",
        program: "fib/fib.erl",
        module: "fib",
        function: "main",
        args: &["35"],
        erl_flags: &[],
        lua: Some(("fib/fib.lua", &["35"])),
    },
    Workload {
        name: "spawn 100k",
        program: "spawn/spawn.erl",
        module: "spawn",
        function: "main",
        args: &["100000"],
        erl_flags: &["+P", "2000000"],
        lua: None,
    },
    Workload {
        name: "spawn 1M",
        program: "spawn/spawn.erl",
        module: "spawn",
        function: "main",
        args: &["1000000"],
        erl_flags: &["+P", "2000000"],
        lua: None,
    },
    Workload {
        name: "idle 100k",
        program: "spawn/spawn.erl",
        module: "spawn",
        function: "idle",
        args: &["100000"],
        erl_flags: &["+P", "2000000"],
        lua: None,
    },
    Workload {
        name: "ring 1000x1000",
        program: "ring/ring.erl",
        module: "ring",
        function: "main",
        args: &["1000", "1000"],
        erl_flags: &[],
        lua: None,
    },
    Workload {
        name: "pingpong 1M",
        program: "ring/ring.erl",
        module: "ring",
        function: "pingpong",
        args: &["1000000"],
        erl_flags: &[],
        lua: None,
    },
    Workload {
        name: "selrecv ref",
        program: "selrecv/selrecv.erl",
        module: "selrecv",
        function: "main",
        args: &["ref", "10000", "10000"],
        erl_flags: &[],
        lua: None,
    },
    Workload {
        name: "selrecv noref",
        program: "selrecv/selrecv.erl",
        module: "selrecv",
        function: "main",
        args: &["noref", "10000", "10000"],
        erl_flags: &[],
        lua: None,
    },
    Workload {
        name: "msgcopy list",
        program: "msgcopy/msgcopy.erl",
        module: "msgcopy",
        function: "main",
        args: &["list", "1000", "100000"],
        erl_flags: &[],
        lua: None,
    },
    Workload {
        name: "msgcopy bin",
        program: "msgcopy/msgcopy.erl",
        module: "msgcopy",
        function: "main",
        args: &["bin", "1048576", "100000"],
        erl_flags: &[],
        lua: None,
    },
    Workload {
        name: "fairness",
        program: "fairness/fair.erl",
        module: "fair",
        function: "main",
        args: &["100", "10", "1"],
        erl_flags: &[],
        lua: None,
    },
];

/// Keys of the in-VM timing the programs print, in order of preference.
const TIMING_KEYS: [&str; 5] = ["max_late_ms", "in_vm_ms", "total_ms", "cpu_ms", "ms"];

struct Sample {
    wall_ms: f64,
    rss_kib: i64,
    in_vm_ms: Option<f64>,
    ok: bool,
    line: String,
}

struct Row {
    workload: &'static str,
    runner: String,
    samples: Vec<Sample>,
}

pub fn run(args: BenchArgs) -> u8 {
    let programs = args.dir.join("programs");
    if !programs.is_dir() {
        crate::diagnostics::error(&format!(
            "{} not found; run from the repository root or pass --dir",
            programs.display()
        ));
        return 2;
    }
    let Ok(exe) = std::env::current_exe() else {
        crate::diagnostics::error("cannot find the eubeam binary");
        return 2;
    };
    let erl = !args.no_reference && on_path("erl") && on_path("erlc");
    let lua = !args.no_reference && on_path("lua5.4");
    let beams = std::env::temp_dir().join(format!("eubeam-bench-{}", std::process::id()));
    let selected: Vec<&Workload> = WORKLOADS
        .iter()
        .filter(|w| args.only.is_empty() || args.only.iter().any(|o| w.name.contains(o.as_str())))
        .collect();
    let mut rows = Vec::new();
    for w in selected {
        let program = programs.join(w.program);
        let mut commands: Vec<(String, Command)> = Vec::new();
        for sched in [None, Some(1)] {
            let mut cmd = Command::new(&exe);
            cmd.arg("run");
            let label = match sched {
                Some(n) => {
                    cmd.arg("--schedulers").arg(n.to_string());
                    format!("eubeam S{n}")
                }
                None => "eubeam".to_string(),
            };
            cmd.arg(&program);
            if w.function == "main" {
                cmd.arg("--").args(w.args);
            } else {
                cmd.arg("--eval").arg(erlang_call(w));
            }
            commands.push((label, cmd));
        }
        if erl {
            match compile_beam(&program, &beams) {
                Ok(dir) => {
                    for s1 in [false, true] {
                        let mut cmd = Command::new("erl");
                        if s1 {
                            cmd.args(["+S", "1"]);
                        }
                        cmd.args(w.erl_flags).arg("-noshell").arg("-pa").arg(&dir);
                        if w.args.is_empty() {
                            cmd.args(["-s", w.module, w.function]);
                        } else {
                            cmd.args(["-run", w.module, w.function]).args(w.args);
                        }
                        commands.push((if s1 { "erl +S 1" } else { "erl" }.to_string(), cmd));
                    }
                }
                Err(e) => eprintln!("bench: {}: {e}", w.name),
            }
        }
        if let (true, Some((script, lua_args))) = (lua, w.lua) {
            let mut cmd = Command::new("lua5.4");
            cmd.arg(programs.join(script)).args(lua_args);
            commands.push(("lua5.4".to_string(), cmd));
        }
        for (runner, mut cmd) in commands {
            eprintln!("bench: {} with {runner}", w.name);
            let _warm_up = measure(&mut cmd);
            let samples = (0..args.runs.max(1)).map(|_| measure(&mut cmd)).collect();
            rows.push(Row {
                workload: w.name,
                runner,
                samples,
            });
        }
    }
    if args.only.is_empty() || args.only.iter().any(|o| DIST_NAME.contains(o.as_str())) {
        rows.extend(dist_rows(&exe, &programs, &beams, erl, args.runs.max(1)));
    }
    let _ = std::fs::remove_dir_all(&beams);
    print_table(&rows);
    0
}

const DIST_NAME: &str = "dist pingpong 20k";
const DIST_ROUNDS: &str = "20000";
const DIST_REFERENCE: &str = "erl -> erl";
const DIST_COOKIE: &str = "eubeam_bench";

/// A server node for the remote ping-pong; killed when dropped.
struct ServerNode(std::process::Child);

impl Drop for ServerNode {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Remote ping-pong (`bench/programs/dist/dpp.erl`) between a client node
/// and a server node, each erl or eubeam: `client -> server` rows, the
/// reference being erl on both sides. Each run is a fresh client node
/// against one server node per pair.
fn dist_rows(exe: &Path, programs: &Path, beams: &Path, erl: bool, runs: usize) -> Vec<Row> {
    let program = programs.join("dist/dpp.erl");
    let beam_dir = if erl {
        match compile_beam(&program, beams) {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("bench: {DIST_NAME}: {e}");
                None
            }
        }
    } else {
        None
    };
    let kinds: Vec<&str> = if beam_dir.is_some() {
        vec!["erl", "eubeam"]
    } else {
        vec!["eubeam"]
    };
    let host = eubeam_runtime::dist::short_hostname();
    let node_cmd = |kind: &str, sname: &str, args: &[&str]| -> Command {
        let mut c;
        if kind == "erl" {
            c = Command::new("erl");
            c.args([
                "-sname",
                sname,
                "-setcookie",
                DIST_COOKIE,
                "-noshell",
                "-pa",
            ]);
            c.arg(beam_dir.as_deref().unwrap_or(beams));
            c.args(["-run", "dpp", "main"]).args(args);
            if args.len() == 2 {
                c.args(["-s", "erlang", "halt"]);
            }
        } else {
            c = Command::new(exe);
            c.args(["run", "--sname", sname, "--cookie", DIST_COOKIE]);
            c.arg(&program).arg("--").args(args);
        }
        c
    };
    let mut rows = Vec::new();
    let mut n = 0;
    for client in &kinds {
        for server in &kinds {
            n += 1;
            let sname = format!("benchsrv{}x{n}", std::process::id());
            let Ok(child) = node_cmd(server, &sname, &["server"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
            else {
                continue;
            };
            let _server = ServerNode(child);
            // Wait until the server node is registered with epmd.
            for _ in 0..200 {
                let up = eubeam_runtime::dist::epmd::names("127.0.0.1")
                    .is_ok_and(|v| v.iter().any(|(s, _)| *s == sname));
                if up {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            std::thread::sleep(std::time::Duration::from_millis(300));
            let target = format!("{sname}@{host}");
            let runner = format!("{client} -> {server}");
            eprintln!("bench: {DIST_NAME} with {runner}");
            let samples = (0..=runs)
                .map(|i| {
                    let c = format!("benchcli{}x{n}x{i}", std::process::id());
                    measure(&mut node_cmd(client, &c, &[&target, DIST_ROUNDS]))
                })
                .skip(1)
                .collect();
            rows.push(Row {
                workload: DIST_NAME,
                runner,
                samples,
            });
        }
    }
    rows
}

/// The `--eval` expression equivalent to `erl -run M F Args` (or `-s M F`
/// when there are no arguments).
fn erlang_call(w: &Workload) -> String {
    if w.args.is_empty() {
        return format!("{}:{}().", w.module, w.function);
    }
    let args: Vec<String> = w.args.iter().map(|a| format!("\"{a}\"")).collect();
    format!("{}:{}([{}]).", w.module, w.function, args.join(","))
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}

fn compile_beam(program: &Path, beams: &Path) -> Result<PathBuf, String> {
    let stem = program
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = beams.join(stem);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let out = Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(program)
        .output()
        .map_err(|e| format!("erlc: {e}"))?;
    if out.status.success() {
        Ok(dir)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn measure(cmd: &mut Command) -> Sample {
    let start = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let failed = |line: String| Sample {
        wall_ms: 0.0,
        rss_kib: 0,
        in_vm_ms: None,
        ok: false,
        line,
    };
    let Ok(mut child) = child else {
        return failed("could not start".into());
    };
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = std::io::Read::read_to_string(&mut out, &mut stdout);
    }
    let (status, rss_kib) = wait_with_rss(&mut child);
    let wall_ms = start.elapsed().as_secs_f64() * 1000.0;
    let line = stdout.lines().last().unwrap_or_default().to_string();
    let ok = status == Some(0)
        && (line.contains("ok=true") || line.contains("sum_ok=true") || !line.contains("ok="));
    Sample {
        wall_ms,
        rss_kib,
        in_vm_ms: timing(&line),
        ok,
        line,
    }
}

/// Exit status and peak RSS (KiB) of a finished child.
#[cfg(unix)]
fn wait_with_rss(child: &mut std::process::Child) -> (Option<i32>, i64) {
    let Ok(pid) = libc::pid_t::try_from(child.id()) else {
        return (child.wait().ok().and_then(|s| s.code()), 0);
    };
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data that wait4 overwrites.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child and has not been reaped (Child::wait is
    // never called on it), so wait4 reaps exactly this process.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if rc != pid {
        return (None, 0);
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (code, usage.ru_maxrss)
}

#[cfg(not(unix))]
fn wait_with_rss(child: &mut std::process::Child) -> (Option<i32>, i64) {
    (child.wait().ok().and_then(|s| s.code()), 0)
}

/// The program's own timing from its result line (`key=12.3`).
fn timing(line: &str) -> Option<f64> {
    TIMING_KEYS.iter().find_map(|key| {
        line.split_whitespace()
            .find_map(|field| field.strip_prefix(&format!("{key}=")))
            .and_then(|v| v.parse().ok())
    })
}

fn median(mut xs: Vec<f64>) -> Option<(f64, f64, f64)> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    let m = if xs.len().is_multiple_of(2) {
        (xs[mid - 1] + xs[mid]) / 2.0
    } else {
        xs[mid]
    };
    Some((m, xs[0], xs[xs.len() - 1]))
}

fn print_table(rows: &[Row]) {
    println!("| workload | runner | in-VM median [min-max] ms | wall median ms | peak RSS MiB | in-VM vs erl +S 1 | wall vs erl +S 1 | result line |");
    println!("|---|---|---|---|---|---|---|---|");
    for row in rows {
        let good: Vec<&Sample> = row.samples.iter().filter(|s| s.ok).collect();
        if good.len() < row.samples.len() {
            let line = row
                .samples
                .iter()
                .find(|s| !s.ok)
                .map_or("", |s| s.line.as_str());
            println!(
                "| {} | {} | failed {}/{} runs | | | | | {} |",
                row.workload,
                row.runner,
                row.samples.len() - good.len(),
                row.samples.len(),
                line.replace('|', "\\|")
            );
            continue;
        }
        let vm = median(good.iter().filter_map(|s| s.in_vm_ms).collect());
        let wall = median(good.iter().map(|s| s.wall_ms).collect());
        let rss = median(good.iter().map(|s| s.rss_kib as f64 / 1024.0).collect());
        let reference = rows.iter().find(|r| {
            r.workload == row.workload && (r.runner == "erl +S 1" || r.runner == DIST_REFERENCE)
        });
        let ref_vm =
            reference.and_then(|r| median(r.samples.iter().filter_map(|s| s.in_vm_ms).collect()));
        let ref_wall =
            reference.and_then(|r| median(r.samples.iter().map(|s| s.wall_ms).collect()));
        let ratio = |a: Option<(f64, f64, f64)>, b: Option<(f64, f64, f64)>| match (a, b) {
            (Some((a, _, _)), Some((b, _, _))) if b > 0.0 => format!("{:.2}x", a / b),
            _ => String::new(),
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            row.workload,
            row.runner,
            vm.map_or_else(String::new, |(m, lo, hi)| format!(
                "{m:.1} [{lo:.1}-{hi:.1}]"
            )),
            wall.map_or_else(String::new, |(m, _, _)| format!("{m:.0}")),
            rss.map_or_else(String::new, |(m, _, _)| format!("{m:.1}")),
            ratio(vm, ref_vm),
            ratio(wall, ref_wall),
            good.last()
                .map_or("", |s| s.line.as_str())
                .replace('|', "\\|"),
        );
    }
}
