use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: fixed
/// Ids only ever go up; the live count goes up and down.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);

struct Resource {
    id: usize,
    data: Vec<u8>,
}

impl Resource {
    fn new(data: Vec<u8>) -> Self {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        LIVE.fetch_add(1, Ordering::Relaxed);
        println!("creating #{id} ({} bytes)", data.len());
        Resource { id, data }
    }
}

impl Drop for Resource {
    fn drop(&mut self) {
        println!("dropping #{}", self.id);
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}
// ANCHOR_END: fixed

// ANCHOR: main
fn work() {
    let _first = Resource::new(vec![1, 2, 3]);
    {
        let _second = Resource::new(vec![4, 5, 6]);
    }
    let third = Box::new(Resource::new(vec![7, 8, 9]));
    let _never_freed = Box::into_raw(third); // the bug we want to catch
}

fn main() {
    work();
    // Everything `work` created should be gone by now.
    let live = LIVE.load(Ordering::Relaxed);
    println!("live after work(): {live}");
    if live != 0 {
        println!("LEAK: {live} resource(s) never dropped");
    }
}
// ANCHOR_END: main
