use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: alloc
/// The system allocator, plus a count of the bytes currently allocated.
struct Counting;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: we forward the caller's promises to the system allocator unchanged.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above; `ptr` was allocated by `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live_bytes() -> usize {
    LIVE_BYTES.load(Ordering::Relaxed)
}
// ANCHOR_END: alloc

struct Node {
    other: RefCell<Option<Rc<Node>>>,
    back: RefCell<Weak<Node>>,
}

fn new_node() -> Rc<Node> {
    Rc::new(Node { other: RefCell::new(None), back: RefCell::new(Weak::new()) })
}

// ANCHOR: measure
/// Two nodes that own each other.
fn strong_pair() {
    let (a, b) = (new_node(), new_node());
    *a.other.borrow_mut() = Some(Rc::clone(&b));
    *b.other.borrow_mut() = Some(Rc::clone(&a));
}

/// The same two nodes, but the way back is a Weak.
fn weak_pair() {
    let (a, b) = (new_node(), new_node());
    *a.other.borrow_mut() = Some(Rc::clone(&b));
    *b.back.borrow_mut() = Rc::downgrade(&a);
}

fn main() {
    let start = live_bytes();
    weak_pair();
    let after_weak = live_bytes();
    strong_pair();
    let after_strong = live_bytes();
    // Print only now: the first println! allocates stdout's buffer.
    // An Rc allocation holds the two counts next to the node.
    let node_bytes = size_of::<Node>() + 2 * size_of::<usize>();
    println!("one node: {node_bytes} bytes on the heap");
    println!("weak_pair left {} bytes behind", after_weak - start);
    println!("strong_pair left {} bytes behind", after_strong - after_weak);
}
// ANCHOR_END: measure
