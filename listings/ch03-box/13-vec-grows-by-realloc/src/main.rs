use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

// ANCHOR: alloc
/// Records the calls made while `WATCHING` is set, in fixed arrays: recording
/// must not allocate, or the allocator would call itself.
static WATCHING: AtomicBool = AtomicBool::new(false);
static KINDS: [AtomicUsize; 16] = [const { AtomicUsize::new(0) }; 16];
static SIZES: [AtomicUsize; 16] = [const { AtomicUsize::new(0) }; 16];
static COUNT: AtomicUsize = AtomicUsize::new(0);

const NAMES: [&str; 3] = ["alloc", "realloc", "dealloc"];

fn record(kind: usize, size: usize) {
    if WATCHING.load(Relaxed) {
        let i = COUNT.fetch_add(1, Relaxed);
        if i < KINDS.len() {
            KINDS[i].store(kind, Relaxed);
            SIZES[i].store(size, Relaxed);
        }
    }
}

struct Watching;

unsafe impl GlobalAlloc for Watching {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(0, layout.size());
        unsafe { System.alloc(layout) }
    }
    // Without this method, GlobalAlloc's default realloc would allocate a new
    // block, copy, and free the old one; System's realloc is C's realloc.
    unsafe fn realloc(&self, ptr: *mut u8, old: Layout, new: usize) -> *mut u8 {
        record(1, new);
        unsafe { System.realloc(ptr, old, new) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        record(2, layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Watching = Watching;
// ANCHOR_END: alloc

fn main() {
    // ANCHOR: main
    WATCHING.store(true, Relaxed);
    let mut numbers: Vec<u32> = Vec::new(); // no allocation yet
    for n in 1..=9 {
        numbers.push(n);
    }
    drop(numbers);
    WATCHING.store(false, Relaxed);

    for i in 0..COUNT.load(Relaxed).min(KINDS.len()) {
        let name = NAMES[KINDS[i].load(Relaxed)];
        println!("{name:<7} {:>2} bytes", SIZES[i].load(Relaxed));
    }
    // ANCHOR_END: main
}
