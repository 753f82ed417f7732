use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::mem::size_of_val;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex, RwLock};

// ANCHOR: allocator
/// Forwards to the system allocator, counting what is asked of it.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `make`, prints the size of what it made and what it allocated.
fn row<T>(label: &str, make: impl FnOnce() -> T) -> T {
    let (calls, bytes) = (ALLOCATIONS.load(Relaxed), BYTES.load(Relaxed));
    let value = make();
    let calls = ALLOCATIONS.load(Relaxed) - calls;
    let bytes = BYTES.load(Relaxed) - bytes;
    println!(
        "{label:<34} {:>3} B   {calls} alloc, {bytes:>2} B",
        size_of_val(&value)
    );
    value
}
// ANCHOR_END: allocator

fn main() {
    println!("{:<34} {:>5}   {}", "expression", "size", "heap");
    // ANCHOR: rows
    let boxed = row("Box::new(7u64)", || Box::new(7u64));
    row("boxed.clone()", || boxed.clone());
    row("Box::<[u64]>::from([1, 2, 3])", || Box::<[u64]>::from([1, 2, 3]));
    let rc = row("Rc::new(7u64)", || Rc::new(7u64));
    row("Rc::clone(&rc)", || Rc::clone(&rc));
    row("Rc::downgrade(&rc)", || Rc::downgrade(&rc));
    let arc = row("Arc::new(7u64)", || Arc::new(7u64));
    row("Arc::clone(&arc)", || Arc::clone(&arc));
    row("Arc::downgrade(&arc)", || Arc::downgrade(&arc));
    row("String::from(\"hello\")", || String::from("hello"));
    row("vec![1u64, 2, 3]", || vec![1u64, 2, 3]);
    row("Cell::new(7u64)", || Cell::new(7u64));
    let refcell = row("RefCell::new(7u64)", || RefCell::new(7u64));
    row("refcell.borrow()", || -> Ref<u64> { refcell.borrow() });
    let mutex = row("Mutex::new(7u64)", || Mutex::new(7u64));
    row("mutex.lock().unwrap()", || mutex.lock().unwrap());
    row("RwLock::new(7u64)", || RwLock::new(7u64));
    let cow = row("Cow::Borrowed(\"hello\")", || -> Cow<str> {
        Cow::Borrowed("hello")
    });
    row("cow.into_owned()", || cow.into_owned());
    // ANCHOR_END: rows
}
