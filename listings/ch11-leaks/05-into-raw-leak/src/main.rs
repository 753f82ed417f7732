fn main() {
    // The Box gives up ownership: from now on, freeing is our job.
    let raw: *mut i32 = Box::into_raw(Box::new(42));

    // SAFETY: `raw` came from `Box::into_raw` and has not been freed.
    println!("value behind the raw pointer: {}", unsafe { *raw });
    // Nothing turns `raw` back into a Box, so the 4 bytes are never freed.
}
