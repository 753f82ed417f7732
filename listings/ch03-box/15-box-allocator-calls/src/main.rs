use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counts every call to the global allocator, then passes it on.
struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        FREES.fetch_add(1, Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

struct Marker; // a unit struct: zero bytes

/// Boxes `value`, drops the box, and reports the allocator calls in between.
fn count<T>(what: &str, value: T) {
    let (allocs, frees) = (ALLOCS.load(Relaxed), FREES.load(Relaxed));
    let boxed = Box::new(value);
    drop(boxed);
    let allocs = ALLOCS.load(Relaxed) - allocs;
    let frees = FREES.load(Relaxed) - frees;
    let size = size_of::<T>();
    println!("{what:<20} {size:>2} bytes: {allocs} alloc, {frees} free");
}

fn main() {
    count("Box::new(1u8)", 1u8);
    count("Box::new([0u64; 4])", [0u64; 4]);
    count("Box::new(())", ());
    count("Box::new(Marker)", Marker);
    count("Box::new([0u8; 0])", [0u8; 0]);
}
