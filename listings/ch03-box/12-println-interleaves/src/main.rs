use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

static LOGGING: AtomicBool = AtomicBool::new(false);

struct Chatty;

unsafe impl GlobalAlloc for Chatty {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if LOGGING.load(Ordering::Relaxed) {
            println!("ALLOC {} bytes", layout.size()); // still a bad idea
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if LOGGING.load(Ordering::Relaxed) {
            println!("FREE {} bytes", layout.size());
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Chatty = Chatty;

// ANCHOR: here
/// Displays a word in capitals; `to_uppercase` allocates a String while formatting.
struct Shout(&'static str);

impl fmt::Display for Shout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_uppercase())
    }
}

fn main() {
    println!("stdout is initialised now");
    LOGGING.store(true, Ordering::Relaxed);
    println!("[{}]", Shout("hello"));
    LOGGING.store(false, Ordering::Relaxed);
}
// ANCHOR_END: here
