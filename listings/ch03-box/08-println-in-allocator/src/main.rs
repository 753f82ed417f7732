use std::alloc::{GlobalAlloc, Layout, System};

struct Chatty;

unsafe impl GlobalAlloc for Chatty {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        println!("ALLOC {ptr:p}, {} bytes", layout.size()); // don't do this
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        println!("FREE  {ptr:p}, {} bytes", layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Chatty = Chatty;

fn main() {
    let boxed = Box::new(42);
    println!("never printed: {boxed}");
}
