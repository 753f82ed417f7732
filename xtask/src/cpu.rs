//! How busy the machine's cores were over a stretch of time, from Linux's `/proc/stat`.
//!
//! Every process counts, chromium's too. The CPU time of waited-for children (getrusage) misses
//! most of chromium's: a browser suite that kept both cores busy for 144 s showed 54 CPU-s
//! there. On 2 cores a run is only as fast as its CPU seconds allow, and this says whether it
//! was held up by something else (cores idle) or by work (cores busy).

/// The machine's CPU time so far, in clock ticks: busy (user, nice, system, irq, softirq,
/// steal) and all of it (busy, idle and iowait).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ticks {
    busy: u64,
    total: u64,
}

impl Ticks {
    /// Now; `None` where there is no `/proc/stat` (not Linux).
    pub fn now() -> Option<Ticks> {
        parse(&std::fs::read_to_string("/proc/stat").ok()?)
    }

    /// Since `self`: the busy CPU seconds and the busy share of every core's time.
    pub fn since(self, later: Ticks) -> (f64, f64) {
        // SAFETY: sysconf only reads a constant of the system.
        let per_second = match unsafe { libc::sysconf(libc::_SC_CLK_TCK) } {
            n if n > 0 => n as f64,
            _ => 100.0,
        };
        let busy = later.busy.saturating_sub(self.busy) as f64;
        let total = later.total.saturating_sub(self.total) as f64;
        (busy / per_second, if total > 0.0 { busy / total } else { 0.0 })
    }
}

/// The `cpu` line of `/proc/stat`: `cpu user nice system idle iowait irq softirq steal ...`.
fn parse(stat: &str) -> Option<Ticks> {
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let n: Vec<u64> =
        line.split_whitespace().skip(1).map(|w| w.parse().ok()).collect::<Option<_>>()?;
    if n.len() < 4 {
        return None;
    }
    // Older kernels end the line before irq, softirq or steal.
    let field = |i: usize| n.get(i).copied().unwrap_or(0);
    let busy = field(0) + field(1) + field(2) + field(5) + field(6) + field(7);
    Some(Ticks { busy, total: busy + field(3) + field(4) })
}

/// `cores busy 99 % of the time (1262 CPU-s on 2 cores, /proc/stat)` since `start`, or nothing
/// where it cannot be measured.
pub fn report(start: Option<Ticks>) -> Option<String> {
    let (busy, share) = start?.since(Ticks::now()?);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    Some(format!(
        "cores busy {:.0} % of the time ({busy:.0} CPU-s on {cores} cores, /proc/stat)",
        100.0 * share
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_time_leaves_out_idle_and_iowait() {
        let stat = "cpu  100 5 20 800 50 3 2 1 0 0\ncpu0 50 2 10 400 25 1 1 0 0 0\nintr 1 2\n";
        let ticks = parse(stat).unwrap();
        assert_eq!(ticks, Ticks { busy: 131, total: 981 });
        let later = Ticks { busy: 331, total: 1181 };
        let (_, share) = ticks.since(later);
        assert_eq!(share, 1.0, "200 busy ticks of 200");
    }

    #[test]
    fn a_stat_without_a_cpu_line_is_not_read() {
        assert_eq!(parse("intr 1 2\n"), None);
        assert_eq!(parse("cpu  1 x 3 4\n"), None);
        assert_eq!(parse("cpu  1 2\n"), None);
    }
}
