//! A bank whose transfers can deadlock, in two different ways. Fix both.

use std::sync::Mutex;

#[derive(Debug, PartialEq, Eq)]
pub enum TransferError {
    /// `from` and `to` are the same account.
    SameAccount,
    /// The source account holds less than the amount.
    InsufficientFunds,
}

pub struct Bank {
    accounts: Vec<Mutex<u64>>,
}

impl Bank {
    /// A bank with one account per balance, numbered from 0.
    pub fn new(balances: &[u64]) -> Bank {
        Bank { accounts: balances.iter().map(|&b| Mutex::new(b)).collect() }
    }

    pub fn balance(&self, account: usize) -> u64 {
        *self.accounts[account].lock().unwrap()
    }

    /// Moves `amount` from one account to another, or nothing at all.
    pub fn transfer(
        &self,
        from: usize,
        to: usize,
        amount: u64,
    ) -> Result<(), TransferError> {
        self.transfer_with(from, to, amount, || {})
    }

    /// `transfer`, calling `between` after it has taken the first of the two
    /// locks and before it asks for the second. The tests pass a `between`
    /// that makes two transfers meet at that point, every time.
    pub fn transfer_with(
        &self,
        from: usize,
        to: usize,
        amount: u64,
        between: impl FnOnce(),
    ) -> Result<(), TransferError> {
        // One account is one mutex: locking it twice would wait for ourselves.
        if from == to {
            return Err(TransferError::SameAccount);
        }
        // One global order: the account with the lower number is locked first,
        // whichever direction the money goes.
        let (low, high) = (from.min(to), from.max(to));
        let mut low_guard = self.accounts[low].lock().unwrap();
        between();
        let mut high_guard = self.accounts[high].lock().unwrap();
        let (source, target) = if from == low {
            (&mut *low_guard, &mut *high_guard)
        } else {
            (&mut *high_guard, &mut *low_guard)
        };
        if *source < amount {
            return Err(TransferError::InsufficientFunds);
        }
        *source -= amount;
        *target += amount;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Condvar, mpsc};
    use std::thread;
    use std::time::Duration;

    /// Runs `work` on a thread of its own and returns its result, or panics
    /// if it has not finished after two seconds: it is stuck for good.
    fn finishes<T: Send + 'static>(
        what: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> T {
        let (tx, rx) = mpsc::channel();
        let worker = thread::spawn(move || tx.send(work()).unwrap());
        match rx.recv_timeout(Duration::from_secs(2)) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                panic!("deadlocked: {what}")
            }
            // The worker panicked: report its panic as this test's.
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                std::panic::resume_unwind(worker.join().unwrap_err())
            }
        }
    }

    /// Two threads meet here: each waits until the other has arrived too,
    /// or until half a second has passed.
    #[derive(Default)]
    struct Meeting {
        arrived: Mutex<usize>,
        changed: Condvar,
    }

    impl Meeting {
        fn arrive(&self) {
            let mut arrived = self.arrived.lock().unwrap();
            *arrived += 1;
            self.changed.notify_all();
            let half_a_second = Duration::from_millis(500);
            let _ = self
                .changed
                .wait_timeout_while(arrived, half_a_second, |n| *n < 2)
                .unwrap();
        }
    }

    #[test]
    fn a_transfer_moves_money_in_either_direction_or_not_at_all() {
        let bank = Bank::new(&[100, 50]);
        assert_eq!(bank.transfer(0, 1, 30), Ok(()));
        assert_eq!(bank.transfer(1, 0, 5), Ok(()));
        assert_eq!((bank.balance(0), bank.balance(1)), (75, 75));
        assert_eq!(
            bank.transfer(1, 0, 500),
            Err(TransferError::InsufficientFunds)
        );
        assert_eq!((bank.balance(0), bank.balance(1)), (75, 75));
    }

    #[test]
    fn a_transfer_to_the_same_account_is_refused() {
        let bank = Arc::new(Bank::new(&[100]));
        let shared = Arc::clone(&bank);
        let result =
            finishes("transfer(0, 0, 10) waits for itself", move || {
                shared.transfer(0, 0, 10)
            });
        assert_eq!(result, Err(TransferError::SameAccount));
        assert_eq!(bank.balance(0), 100);
    }

    #[test]
    fn opposite_transfers_that_collide_both_complete() {
        let bank = Arc::new(Bank::new(&[100, 100]));
        let shared = Arc::clone(&bank);
        let results = finishes("transfers 0 -> 1 and 1 -> 0", move || {
            let meeting = Meeting::default();
            thread::scope(|s| {
                let there = s.spawn(|| {
                    shared.transfer_with(0, 1, 30, || meeting.arrive())
                });
                let back = s.spawn(|| {
                    shared.transfer_with(1, 0, 20, || meeting.arrive())
                });
                (there.join().unwrap(), back.join().unwrap())
            })
        });
        assert_eq!(results, (Ok(()), Ok(())));
        assert_eq!((bank.balance(0), bank.balance(1)), (90, 110));
    }
}
