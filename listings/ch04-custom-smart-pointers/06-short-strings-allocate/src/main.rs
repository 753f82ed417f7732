use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, plus a count of every allocation made through it.
struct CountingAlloc;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

fn allocations() -> usize {
    ALLOCATIONS.load(Ordering::Relaxed)
}

fn main() {
    // ANCHOR: here
    let before = allocations();
    let hi = String::from("hi");
    println!("one 2-byte String: {} allocation", allocations() - before);

    let mut tags: Vec<String> = Vec::with_capacity(1000);
    let before = allocations();
    for i in 0..1000 {
        tags.push(format!("t{}", i % 10)); // at most 2 bytes of text each
    }
    println!("1000 short Strings: {} allocations", allocations() - before);
    // ANCHOR_END: here
    drop((hi, tags));
}
