//! The chapter's counter, cut down to its count, with a rate limit: at most
//! `limit` increments in any stretch of time `period` long.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The answer to an increment that came too soon.
#[derive(Debug, PartialEq, Eq)]
pub struct RateLimited {
    /// How long until an increment would be accepted again.
    pub retry_after: Duration,
}

pub struct RateLimitedCounter {
    limit: usize,
    period: Duration,
    /// The count and the times of the recent increments change together, so
    /// one lock guards both.
    state: Mutex<State>,
}

struct State {
    count: usize,
    /// When the increments of the last `period` were accepted, oldest first.
    recent: VecDeque<Instant>,
}

impl RateLimitedCounter {
    /// A counter at zero that accepts at most `limit` increments in any
    /// `period`.
    pub fn new(limit: usize, period: Duration) -> Self {
        let state = State { count: 0, recent: VecDeque::with_capacity(limit) };
        RateLimitedCounter { limit, period, state: Mutex::new(state) }
    }

    /// Adds one at the time `now` and returns the new count, unless `limit`
    /// increments were already accepted in the `period` before `now`. An
    /// increment accepted at the time `t` counts until `t + period`. A refused
    /// increment changes nothing and does not count.
    pub fn increment_at(&self, now: Instant) -> Result<usize, RateLimited> {
        let mut state = self.state.lock().unwrap();
        // A thread may read the clock, then wait for the lock while another
        // thread records a later time: keep `recent` in order anyway.
        let now = state.recent.back().map_or(now, |&last| now.max(last));
        while let Some(&oldest) = state.recent.front() {
            if now.duration_since(oldest) < self.period {
                break;
            }
            state.recent.pop_front();
        }
        if state.recent.len() >= self.limit {
            let oldest = state.recent[0];
            return Err(RateLimited {
                retry_after: oldest + self.period - now,
            });
        }
        state.recent.push_back(now);
        state.count += 1;
        Ok(state.count)
    }

    /// `increment_at` with the current time.
    pub fn increment(&self) -> Result<usize, RateLimited> {
        self.increment_at(Instant::now())
    }

    pub fn get(&self) -> usize {
        self.state.lock().unwrap().count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;
    use std::thread;

    fn ms(millis: u64) -> Duration {
        Duration::from_millis(millis)
    }

    #[test]
    fn accepts_up_to_the_limit_then_refuses() {
        let counter = RateLimitedCounter::new(3, ms(1000));
        let t0 = Instant::now();
        assert_eq!(counter.increment_at(t0), Ok(1));
        assert_eq!(counter.increment_at(t0), Ok(2));
        assert_eq!(counter.increment_at(t0 + ms(100)), Ok(3));
        let refused = counter.increment_at(t0 + ms(400));
        assert_eq!(refused, Err(RateLimited { retry_after: ms(600) }));
        assert_eq!(counter.get(), 3);
    }

    #[test]
    fn refused_increments_do_not_count() {
        let counter = RateLimitedCounter::new(2, ms(1000));
        let t0 = Instant::now();
        assert_eq!(counter.increment_at(t0), Ok(1));
        assert_eq!(counter.increment_at(t0), Ok(2));
        for _ in 0..5 {
            assert!(counter.increment_at(t0 + ms(500)).is_err());
        }
        assert_eq!(counter.increment_at(t0 + ms(1000)), Ok(3));
        assert_eq!(counter.increment_at(t0 + ms(1000)), Ok(4));
        assert_eq!(counter.get(), 4);
    }

    #[test]
    fn the_window_slides_with_time() {
        let counter = RateLimitedCounter::new(3, ms(1000));
        let t0 = Instant::now();
        for at in [0, 500, 900] {
            assert!(counter.increment_at(t0 + ms(at)).is_ok());
        }
        // The increment at 0 counts until 1000 and no longer.
        assert_eq!(counter.increment_at(t0 + ms(1000)), Ok(4));
        // Counted at 1200: the ones at 500, 900 and 1000. A window that
        // restarted every 1000 ms would accept this one.
        let refused = counter.increment_at(t0 + ms(1200));
        assert_eq!(refused, Err(RateLimited { retry_after: ms(300) }));
        assert_eq!(counter.increment_at(t0 + ms(1500)), Ok(5));
    }

    #[test]
    fn threads_together_cannot_exceed_the_limit() {
        let counter = RateLimitedCounter::new(100, ms(60_000));
        let t0 = Instant::now();
        let start = Barrier::new(8);
        let mut accepted: Vec<usize> = thread::scope(|s| {
            let threads: Vec<_> = (0..8)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        (0..50)
                            .filter_map(|_| counter.increment_at(t0).ok())
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            threads.into_iter().flat_map(|t| t.join().unwrap()).collect()
        });
        accepted.sort();
        assert_eq!(accepted, (1..=100).collect::<Vec<_>>());
        assert_eq!(counter.get(), 100);
    }
}
