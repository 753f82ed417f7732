//! A memoising Collatz function: `steps` takes `&self`, yet remembers every
//! value it computes.

// Delete this line when you start: it hides the warnings about unused names.
#![allow(unused)]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// Counts the steps from `n` to 1, where a step halves an even number and
/// turns an odd one into `3n + 1`.
pub struct Collatz {
    /// The steps from each number already computed.
    known: RefCell<HashMap<u64, u32>>,
    /// How many numbers `steps` has computed, rather than looked up.
    computed: Cell<u32>,
}

impl Collatz {
    /// Knows one number from the start: 1, which takes 0 steps.
    pub fn new() -> Self {
        todo!()
    }

    /// The steps from `n` (at least 1) to 1. Remembers the answer for `n`
    /// and for every number on the way.
    pub fn steps(&self, n: u64) -> u32 {
        todo!()
    }

    /// How many numbers `steps` has computed: each at most once.
    pub fn computed(&self) -> u32 {
        todo!()
    }

    /// How many numbers are remembered, 1 included.
    pub fn known(&self) -> usize {
        todo!()
    }
}

impl Default for Collatz {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_steps() {
        let collatz = Collatz::new();
        assert_eq!(collatz.steps(1), 0);
        assert_eq!(collatz.steps(2), 1);
        assert_eq!(collatz.steps(6), 8); // 6 3 10 5 16 8 4 2 1
        assert_eq!(collatz.steps(27), 111);
    }

    #[test]
    fn remembers_every_number_on_the_way() {
        let collatz = Collatz::new();
        assert_eq!(collatz.known(), 1);
        assert_eq!(collatz.steps(6), 8);
        assert_eq!(collatz.computed(), 8, "6 3 10 5 16 8 4 2");
        assert_eq!(collatz.known(), 9);
        assert_eq!(collatz.steps(16), 4);
        assert_eq!(collatz.computed(), 8, "16 was on the way from 6");
    }

    #[test]
    fn computes_each_number_once() {
        let collatz = Collatz::new();
        collatz.steps(27);
        let after_27 = collatz.computed();
        assert_eq!(after_27 as usize, collatz.known() - 1);
        collatz.steps(27);
        assert_eq!(collatz.computed(), after_27, "27 again: all known");
        assert_eq!(collatz.steps(54), 112);
        assert_eq!(collatz.computed(), after_27 + 1, "54 -> 27: one new");
    }

    #[test]
    fn shared_references_all_use_one_cache() {
        let collatz = Collatz::new();
        let (a, b) = (&collatz, &collatz);
        let total: u32 = (1..=1000).map(|n| a.steps(n) + b.steps(n)).sum();
        assert_eq!(total, 2 * 59542);
        assert_eq!(collatz.computed() as usize, collatz.known() - 1);
    }
}
