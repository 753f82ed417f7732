// ANCHOR: all
/// Stands in for a C library that keeps an opaque pointer for us.
fn bump(counter: *mut i32) {
    // SAFETY: callers pass a pointer from `Box::into_raw` that is still alive.
    unsafe { *counter += 1 };
}

fn main() {
    let raw: *mut i32 = Box::into_raw(Box::new(41));
    bump(raw);

    // SAFETY: `raw` came from `Box::into_raw`, is not used after this line,
    // and is turned back into a Box exactly once.
    let back: Box<i32> = unsafe { Box::from_raw(raw) };
    println!("back in a Box: {back}");
} // `back` is dropped here, and the Box frees the 4 bytes
// ANCHOR_END: all
