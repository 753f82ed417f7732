//! Exercise 6.2: fix a deadlock by shortening a guard's life.

use std::sync::Mutex;

/// A queue of jobs. A job is a number; running job `n` may queue a
/// follow-up job, `n / 2`.
pub struct Jobs {
    queue: Mutex<Vec<u32>>, // waiting to run, the last one first
    done: Mutex<Vec<u32>>,  // every job that ran, in the order it ran
}

impl Jobs {
    pub fn new(jobs: Vec<u32>) -> Self {
        Jobs { queue: Mutex::new(jobs), done: Mutex::new(Vec::new()) }
    }

    /// Adds a job to the queue.
    pub fn push(&self, job: u32) {
        self.queue.lock().unwrap().push(job);
    }

    /// Runs jobs until the queue is empty, follow-ups included.
    pub fn run_all(&self) {
        loop {
            // The guard is a temporary of this statement: it is dropped at
            // the `;`, before `run` locks the queue again to push.
            let next = self.queue.lock().unwrap().pop();
            let Some(job) = next else { break };
            self.run(job);
        }
    }

    /// Runs one job. Do not change this function.
    fn run(&self, job: u32) {
        self.done.lock().unwrap().push(job);
        if job > 1 {
            self.push(job / 2); // a follow-up job
        }
    }

    /// The jobs that ran so far, in the order they ran.
    pub fn done(&self) -> Vec<u32> {
        self.done.lock().unwrap().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::mpsc::{self, RecvTimeoutError};
    use std::thread;
    use std::time::Duration;

    /// Runs `work` on a thread of its own and waits at most a second for it.
    fn within_a_second<T: Send + 'static>(
        work: impl FnOnce() -> T + Send + 'static,
    ) -> T {
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || sender.send(work()));
        match receiver.recv_timeout(Duration::from_secs(1)) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => {
                panic!("deadlocked: no answer after a second")
            }
            Err(RecvTimeoutError::Disconnected) => panic!("the work panicked"),
        }
    }

    #[test]
    fn an_empty_queue_is_done_at_once() {
        let done = within_a_second(|| {
            let jobs = Jobs::new(vec![]);
            jobs.run_all();
            jobs.done()
        });
        assert!(done.is_empty());
    }

    #[test]
    fn a_job_runs_with_its_follow_ups() {
        let done = within_a_second(|| {
            let jobs = Jobs::new(vec![8]);
            jobs.run_all();
            jobs.done()
        });
        assert_eq!(done, [8, 4, 2, 1]);
    }

    #[test]
    fn follow_ups_run_before_older_jobs() {
        let done = within_a_second(|| {
            let jobs = Jobs::new(vec![3, 5]);
            jobs.run_all();
            jobs.done()
        });
        assert_eq!(done, [5, 2, 1, 3, 1]);
    }

    #[test]
    fn two_threads_share_the_queue() {
        let mut done = within_a_second(|| {
            let jobs = Arc::new(Jobs::new((1..=40).collect()));
            let helper = {
                let jobs = Arc::clone(&jobs);
                thread::spawn(move || jobs.run_all())
            };
            jobs.run_all();
            helper.join().unwrap();
            jobs.done()
        });
        let mut expected = Vec::new();
        for mut job in 1..=40 {
            expected.push(job);
            while job > 1 {
                job /= 2;
                expected.push(job);
            }
        }
        done.sort();
        expected.sort();
        assert_eq!(done, expected, "every job and follow-up ran once");
    }
}
