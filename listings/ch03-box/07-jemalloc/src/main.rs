// ANCHOR: here
use tikv_jemallocator::Jemalloc;

// Every heap allocation of this program — Box, Vec, String, the runtime's own — now goes
// through jemalloc instead of the system's malloc.
#[global_allocator]
static GLOBAL: Jemalloc = Jemalloc;

fn main() {
    for size in [1usize, 505, 3000, 5000] {
        let boxed: Box<[u8]> = vec![0u8; size].into_boxed_slice();
        // Ask jemalloc how much it really reserved for this block (its "size class").
        let usable = unsafe { tikv_jemallocator::usable_size(boxed.as_ptr()) };
        println!("Box<[u8]> of {size:>4} bytes: jemalloc reserved {usable:>4}");
    }
}
// ANCHOR_END: here
