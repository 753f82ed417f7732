// ANCHOR: all
/// Stands in for a C library that keeps an opaque pointer for us.
///
/// # Safety
/// `counter` must come from `Box::into_raw` and not have been turned back into a Box yet.
unsafe fn bump(counter: *mut i32) {
    // SAFETY: the caller promises a live, unaliased pointer.
    unsafe { *counter += 1 };
}

fn main() {
    let raw: *mut i32 = Box::into_raw(Box::new(41));
    // SAFETY: `raw` is fresh from `Box::into_raw`.
    unsafe { bump(raw) };

    // SAFETY: `raw` came from `Box::into_raw`, is not used after this line,
    // and is turned back into a Box exactly once.
    let back: Box<i32> = unsafe { Box::from_raw(raw) };
    println!("back in a Box: {back}");
} // `back` is dropped here, and the Box frees the 4 bytes
// ANCHOR_END: all
