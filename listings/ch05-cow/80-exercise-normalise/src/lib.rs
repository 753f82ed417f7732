//! Exercise 5.1: a normaliser that allocates only when it must.

// Delete this line when you start: it silences the warning about the unused
// parameter of the unfinished function.
#![allow(unused)]

use std::borrow::Cow;

/// Removes the whitespace at both ends of `input` and turns every run of
/// whitespace inside it into one space: `" a \t b "` becomes `"a b"`.
///
/// When the result is a slice of `input`, it is returned borrowed, without
/// allocating. Otherwise it is built with one allocation.
pub fn normalise_spaces(input: &str) -> Cow<'_, str> {
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    // Every allocation is counted for the thread that makes it, so tests
    // that run at the same time on other threads do not disturb the count.
    thread_local! {
        static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    }

    struct CountingAlloc;

    unsafe impl GlobalAlloc for CountingAlloc {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // A `const` thread-local without `Drop` never allocates itself.
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static GLOBAL: CountingAlloc = CountingAlloc;

    /// What `normalise_spaces(input)` returns, and how often it allocated.
    fn normalise_counted(input: &str) -> (Cow<'_, str>, usize) {
        let before = ALLOCATIONS.with(Cell::get);
        let output = normalise_spaces(input);
        (output, ALLOCATIONS.with(Cell::get) - before)
    }

    #[test]
    fn clean_text_is_borrowed_without_allocating() {
        for input in ["hello world", "one", "", "a b c d e f"] {
            let (output, allocations) = normalise_counted(input);
            assert_eq!(output, input);
            assert!(matches!(output, Cow::Borrowed(_)), "{input:?}");
            assert_eq!(allocations, 0, "{input:?} needed no allocation");
        }
    }

    #[test]
    fn trimming_alone_borrows_a_slice() {
        let input = " \t padded text\n";
        let (output, allocations) = normalise_counted(input);
        assert_eq!(output, "padded text");
        assert_eq!(allocations, 0, "trimming needs no allocation");
        let Cow::Borrowed(slice) = output else {
            panic!("expected a borrowed slice of the input")
        };
        assert_eq!(slice.as_ptr(), input[3..].as_ptr(), "it points into input");
    }

    #[test]
    fn runs_of_whitespace_become_one_space() {
        for (input, expected) in [
            ("a  b", "a b"),
            ("a\tb", "a b"),
            (" x \n\n y ", "x y"),
            ("one \t two   three", "one two three"),
        ] {
            let (output, _) = normalise_counted(input);
            assert_eq!(output, expected, "from {input:?}");
            assert!(matches!(output, Cow::Owned(_)), "{input:?} changes");
        }
    }

    #[test]
    fn whitespace_only_becomes_empty() {
        let (output, allocations) = normalise_counted(" \t\n ");
        assert_eq!(output, "");
        assert_eq!(allocations, 0);
    }

    #[test]
    fn changed_text_costs_one_allocation() {
        let input = "many    words   with  far   too   much    space   between";
        let (output, allocations) = normalise_counted(input);
        assert_eq!(output, "many words with far too much space between");
        assert_eq!(allocations, 1, "one String, allocated once");
    }
}
