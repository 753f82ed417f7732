use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: buggy
/// One counter for two jobs: handing out ids *and* counting live values.
static COUNTER: AtomicUsize = AtomicUsize::new(0);

struct Resource {
    id: usize,
}

impl Resource {
    fn new() -> Self {
        let id = COUNTER.fetch_add(1, Ordering::SeqCst);
        println!("creating #{id}");
        Resource { id }
    }
}

impl Drop for Resource {
    fn drop(&mut self) {
        println!("dropping #{}", self.id);
        COUNTER.fetch_sub(1, Ordering::SeqCst); // ...so this hands an id back
    }
}
// ANCHOR_END: buggy

fn main() {
    // ANCHOR: main
    let _first = Resource::new();
    {
        let _second = Resource::new();
    }
    let _third = Resource::new(); // gets the id #1 again
    // ANCHOR_END: main
}
