//! `eubeam epmd`: an EPMD-compatible port mapper daemon (runtime
//! `dist::epmd::serve`), for hosts where no `epmd` runs. `eubeam run
//! --sname` starts one in the background when none answers.

use clap::Args;

#[derive(Args)]
pub struct EpmdArgs {
    /// Port to listen on (default: ERL_EPMD_PORT or 4369)
    #[arg(long)]
    port: Option<u16>,
    /// Detach: start the daemon in the background and return
    #[arg(long)]
    daemon: bool,
}

pub fn run(args: EpmdArgs) -> u8 {
    if args.daemon {
        return match spawn_daemon() {
            Ok(()) => 0,
            Err(e) => {
                crate::diagnostics::error(&e);
                1
            }
        };
    }
    let port = args
        .port
        .unwrap_or_else(eubeam_runtime::dist::epmd::epmd_port);
    match eubeam_runtime::dist::epmd::serve(port) {
        Ok(()) => 0,
        Err(e) => {
            crate::diagnostics::error(&format!("epmd: cannot listen on port {port}: {e}"));
            1
        }
    }
}

fn spawn_daemon() -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("epmd: {e}"))?;
    std::process::Command::new(exe)
        .arg("epmd")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("epmd: cannot start the daemon: {e}"))?;
    Ok(())
}

/// Make sure an epmd answers on this host: start ours when none does, and
/// wait (up to 2 s) until it answers.
pub fn ensure_running() -> Result<(), String> {
    if eubeam_runtime::dist::epmd::running() {
        return Ok(());
    }
    spawn_daemon()?;
    for _ in 0..40 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        if eubeam_runtime::dist::epmd::running() {
            return Ok(());
        }
    }
    Err("epmd: no port mapper daemon answers and ours did not start".into())
}
