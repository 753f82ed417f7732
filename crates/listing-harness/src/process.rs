//! Runs one program in its own process group and always leaves nothing behind: after every
//! ending the whole group is killed. Limits are CPU time, not wall time, so a loaded machine
//! makes a listing slower but never wrong; only "blocked" is decided by the clock, and only
//! together with the CPU: a blocked program uses none.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

#[derive(Debug, Clone, PartialEq)]
pub enum Ended {
    Exited(i32),
    Signalled(i32),
    /// Used up its CPU time: a runaway computation.
    CpuLimit,
    /// Past its time and no longer using the CPU: waiting for something that never comes.
    Blocked,
    /// Still running, and working, at the wall-clock backstop.
    TimedOut,
    /// `Limit::Wait`: still running when the wait was over (killed by us).
    StillRunning,
}

#[derive(Debug, Clone)]
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    pub ended: Ended,
    pub elapsed: Duration,
    /// CPU time the program used (all its threads), as far as /proc showed it.
    pub cpu: Duration,
    /// For `Limit::Wait`: whether, at the end of the wait, some thread was still running or
    /// ready to run (a busy loop) rather than waiting (blocked).
    pub busy_at_end: bool,
}

#[derive(Debug, Clone, Copy)]
pub enum Limit {
    /// May use `cpu` of CPU time. Killed as blocked when, after `cpu` of wall time, it has
    /// used no CPU for a second; killed anyway at `backstop` of wall time.
    Cpu { cpu: Duration, backstop: Duration },
    /// Runs for exactly `wait` unless it ends first (deadlock listings).
    Wait(Duration),
}

impl Limit {
    /// The limit for a program that may use `cpu` of CPU time.
    pub fn cpu(cpu: Duration) -> Limit {
        Limit::Cpu { cpu, backstop: (cpu * 10).max(Duration::from_secs(60)) }
    }
}

impl Ended {
    pub fn describe(&self) -> String {
        match self {
            Ended::Exited(code) => format!("exited with status {code}"),
            Ended::Signalled(sig) => format!("was killed by signal {sig} ({})", signal_name(*sig)),
            Ended::CpuLimit => "used up its CPU time limit (timeout-secs)".into(),
            Ended::Blocked => "was still running at the time limit, blocked (using no CPU)".into(),
            Ended::TimedOut => "was still running at the time limit".into(),
            Ended::StillRunning => "was still running at the end of the wait".into(),
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
        libc::SIGXCPU => "SIGXCPU",
        _ => "other signal",
    }
}

/// How often a running program's CPU time is read.
const POLL: Duration = Duration::from_millis(50);
/// How long a program past its time must use no CPU to count as blocked.
const IDLE: Duration = Duration::from_secs(1);

pub fn run(mut cmd: Command, limit: Limit) -> Result<Ran, String> {
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
    let pid = child.id();
    let stdout = drain(&mut child, true);
    let stderr = drain(&mut child, false);
    let wait = |child: &mut Child, d: Duration| {
        child.wait_timeout(d).map_err(|e| format!("waiting for the listing: {e}"))
    };
    let mut cpu = Duration::ZERO;
    let mut busy_at_end = false;
    let (status, ended) = match limit {
        Limit::Wait(total) => match wait(&mut child, total)? {
            Some(status) => (Some(status), None),
            None => {
                // Blocked means: still running AND waiting. The CPU share a busy loop gets
                // depends on the machine's load, but its thread is always running or ready to
                // run (state R), while a blocked thread sleeps (S). Sampled a few times, so a
                // thread caught waking up does not count.
                let samples = (0..5)
                    .filter(|_| {
                        thread::sleep(Duration::from_millis(10));
                        runnable_threads(pid) > 0
                    })
                    .count();
                cpu = cpu_time(pid);
                busy_at_end = samples >= 3;
                (None, Some(Ended::StillRunning))
            }
        },
        Limit::Cpu { cpu: allowed, backstop } => {
            let mut last_progress = (Duration::ZERO, Instant::now());
            loop {
                if let Some(status) = wait(&mut child, POLL)? {
                    break (Some(status), None);
                }
                let now = cpu_time(pid);
                cpu = now;
                if now > allowed {
                    break (None, Some(Ended::CpuLimit));
                }
                if now > last_progress.0 {
                    last_progress = (now, Instant::now());
                }
                let elapsed = started.elapsed();
                if elapsed > allowed && last_progress.1.elapsed() > IDLE {
                    break (None, Some(Ended::Blocked));
                }
                if elapsed > backstop {
                    break (None, Some(Ended::TimedOut));
                }
            }
        }
    };
    let elapsed = started.elapsed();
    // Kill the group in every case: a listing's own threads die with it, but children it
    // spawned would otherwise outlive the suite and hold our pipes open.
    kill_group(pid);
    if status.is_none() {
        child.wait().map_err(|e| format!("reaping the listing: {e}"))?;
    }
    Ok(Ran {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        ended: match (status, ended) {
            (Some(status), _) => ending(status),
            (None, Some(ended)) => ended,
            (None, None) => Ended::TimedOut,
        },
        elapsed,
        cpu,
        busy_at_end,
    })
}

/// The CPU time (user + system, all threads, and reaped children) of a running process.
pub fn cpu_time(pid: u32) -> Duration {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return Duration::ZERO;
    };
    ticks_to_duration(stat_ticks(&stat))
}

/// How many of the process's threads are running or ready to run (state `R`).
pub fn runnable_threads(pid: u32) -> usize {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("stat")).ok())
        .filter(|stat| stat_state(stat) == Some('R'))
        .count()
}

/// The state letter of a `/proc/<pid>/stat` line (`R` running, `S` sleeping, ...).
pub fn stat_state(stat: &str) -> Option<char> {
    stat.rsplit_once(')')?.1.split_whitespace().next()?.chars().next()
}

/// utime + stime + cutime + cstime from a `/proc/<pid>/stat` line. The command name may hold
/// spaces and parentheses, so fields are counted from the last `)`.
pub fn stat_ticks(stat: &str) -> u64 {
    let Some((_, after)) = stat.rsplit_once(')') else { return 0 };
    let fields: Vec<&str> = after.split_whitespace().collect();
    // After the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime cutime cstime: indices 11..=14.
    (11..=14).filter_map(|i| fields.get(i)?.parse::<u64>().ok()).sum()
}

fn ticks_to_duration(ticks: u64) -> Duration {
    // SAFETY: sysconf only reads a system constant.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    let per_second = if per_second > 0 { per_second as u64 } else { 100 };
    Duration::from_secs_f64(ticks as f64 / per_second as f64)
}

fn ending(status: ExitStatus) -> Ended {
    match (status.code(), status.signal()) {
        (Some(code), _) => Ended::Exited(code),
        (None, Some(sig)) => Ended::Signalled(sig),
        (None, None) => Ended::Exited(-1),
    }
}

fn kill_group(pid: u32) {
    // SAFETY: killpg only sends a signal; the group id is the child's pid (process_group(0)).
    unsafe {
        libc::killpg(pid as libc::pid_t, libc::SIGKILL);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", script]);
        cmd
    }

    #[test]
    fn stat_fields_are_counted_from_the_last_parenthesis() {
        let stat = "42 (a (weird) name) S 1 42 42 0 -1 4194304 100 0 0 0 7 3 2 1 20 0 1 0";
        assert_eq!(stat_ticks(stat), 13);
        assert_eq!(stat_state(stat), Some('S'));
        assert_eq!(stat_state("1 (x) R 0"), Some('R'));
        assert_eq!(stat_ticks("garbage"), 0);
    }

    #[test]
    fn an_exit_is_reported_with_its_output() {
        let ran =
            run(sh("echo out; echo err >&2; exit 3"), Limit::cpu(Duration::from_secs(5))).unwrap();
        assert_eq!((ran.stdout.as_str(), ran.stderr.as_str()), ("out\n", "err\n"));
        assert_eq!(ran.ended, Ended::Exited(3));
    }

    #[test]
    fn a_sleeping_program_past_its_time_is_blocked() {
        let ran = run(sh("sleep 30"), Limit::cpu(Duration::from_millis(200))).unwrap();
        assert_eq!(ran.ended, Ended::Blocked);
        assert!(ran.elapsed < Duration::from_secs(5), "{:?}", ran.elapsed);
    }

    #[test]
    fn a_spinning_program_runs_out_of_cpu() {
        let ran = run(sh("while :; do :; done"), Limit::cpu(Duration::from_millis(300))).unwrap();
        assert_eq!(ran.ended, Ended::CpuLimit);
        assert!(ran.cpu > Duration::from_millis(300), "{:?}", ran.cpu);
    }

    #[test]
    fn a_program_that_never_settles_meets_the_backstop() {
        // It keeps using a little CPU (so it is not blocked) and stays far under its CPU limit.
        let limit =
            Limit::Cpu { cpu: Duration::from_secs(30), backstop: Duration::from_millis(800) };
        let ran = run(sh("while :; do sleep 0.01; done"), limit).unwrap();
        assert_eq!(ran.ended, Ended::TimedOut);
        assert!(ran.elapsed < Duration::from_secs(5), "{:?}", ran.elapsed);
    }

    #[test]
    fn a_wait_tells_blocked_from_busy() {
        let blocked = run(sh("sleep 30"), Limit::Wait(Duration::from_millis(600))).unwrap();
        assert_eq!(blocked.ended, Ended::StillRunning);
        assert!(!blocked.busy_at_end);
        let busy = run(sh("while :; do :; done"), Limit::Wait(Duration::from_millis(600))).unwrap();
        assert_eq!(busy.ended, Ended::StillRunning);
        assert!(busy.busy_at_end);
        let quick = run(sh("exit 0"), Limit::Wait(Duration::from_secs(5))).unwrap();
        assert_eq!(quick.ended, Ended::Exited(0));
        assert!(quick.elapsed < Duration::from_secs(2));
    }

    #[test]
    fn clock_ticks_become_seconds() {
        // SAFETY: sysconf only reads a system constant.
        let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
        assert_eq!(ticks_to_duration(250), Duration::from_secs_f64(250.0 / per_second));
        assert_eq!(ticks_to_duration(0), Duration::ZERO);
    }

    #[test]
    fn signals_are_named() {
        let names: Vec<&str> = [
            libc::SIGABRT,
            libc::SIGSEGV,
            libc::SIGBUS,
            libc::SIGILL,
            libc::SIGKILL,
            libc::SIGTERM,
            libc::SIGXCPU,
            libc::SIGUSR1,
        ]
        .into_iter()
        .map(signal_name)
        .collect();
        assert_eq!(
            names,
            [
                "SIGABRT",
                "SIGSEGV",
                "SIGBUS",
                "SIGILL",
                "SIGKILL",
                "SIGTERM",
                "SIGXCPU",
                "other signal"
            ]
        );
    }

    #[test]
    fn the_wall_clock_backstop_is_ten_times_the_cpu_limit_and_at_least_a_minute() {
        let backstop = |secs| match Limit::cpu(Duration::from_secs(secs)) {
            Limit::Cpu { backstop, .. } => backstop,
            Limit::Wait(_) => unreachable!(),
        };
        assert_eq!(backstop(2), Duration::from_secs(60));
        assert_eq!(backstop(100), Duration::from_secs(1000));
    }

    #[test]
    fn endings_are_described() {
        assert_eq!(Ended::Exited(1).describe(), "exited with status 1");
        assert_eq!(Ended::Signalled(11).describe(), "was killed by signal 11 (SIGSEGV)");
        assert!(Ended::Blocked.describe().contains("blocked"));
    }
}
