//! Runs one program under a time limit, in its own process group, and always leaves nothing
//! behind: on time-out (and after every exit) the whole group is killed.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

pub enum Ended {
    Exited(i32),
    Signalled(i32),
    /// Still running when the time limit came; killed by us.
    TimedOut,
}

pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    pub ended: Ended,
    pub elapsed: Duration,
}

impl Ended {
    pub fn describe(&self) -> String {
        match self {
            Ended::Exited(code) => format!("exited with status {code}"),
            Ended::Signalled(sig) => format!("was killed by signal {sig} ({})", signal_name(*sig)),
            Ended::TimedOut => "was still running at the time limit".into(),
        }
    }
}

pub fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGABRT => "SIGABRT",
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGBUS => "SIGBUS",
        libc::SIGILL => "SIGILL",
        libc::SIGKILL => "SIGKILL",
        libc::SIGTERM => "SIGTERM",
        _ => "other signal",
    }
}

pub fn run(mut cmd: Command, limit: Duration) -> Result<Ran, String> {
    // Listings see neither our backtrace settings nor a terminal.
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let started = Instant::now();
    let mut child =
        cmd.spawn().map_err(|e| format!("could not start {:?}: {e}", cmd.get_program()))?;
    let stdout = drain(&mut child, true);
    let stderr = drain(&mut child, false);
    let waited = child.wait_timeout(limit).map_err(|e| format!("waiting for the listing: {e}"))?;
    let elapsed = started.elapsed();
    // Kill the group in every case: a listing's own threads die with it, but children it
    // spawned would otherwise outlive the suite and hold our pipes open.
    kill_group(&child);
    let status = match waited {
        Some(status) => Some(status),
        None => {
            child.wait().map_err(|e| format!("reaping the listing: {e}"))?;
            None
        }
    };
    Ok(Ran {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        ended: status.map_or(Ended::TimedOut, ended),
        elapsed,
    })
}

fn ended(status: ExitStatus) -> Ended {
    match (status.code(), status.signal()) {
        (Some(code), _) => Ended::Exited(code),
        (None, Some(sig)) => Ended::Signalled(sig),
        (None, None) => Ended::Exited(-1),
    }
}

fn kill_group(child: &Child) {
    // SAFETY: killpg only sends a signal; the group id is the child's pid (process_group(0)).
    unsafe {
        libc::killpg(child.id() as libc::pid_t, libc::SIGKILL);
    }
}

fn drain(child: &mut Child, stdout: bool) -> thread::JoinHandle<String> {
    let mut pipe: Box<dyn Read + Send> = if stdout {
        Box::new(child.stdout.take().expect("stdout is piped"))
    } else {
        Box::new(child.stderr.take().expect("stderr is piped"))
    };
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}
