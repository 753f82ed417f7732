fn main() {
    println!("allocating 16 MiB through Box::new...");
    // In a debug build the array is first built on the 8 MiB main stack, then moved to the heap.
    let big = Box::new([0u8; 1 << 24]);
    println!("never reached: {}", big.len());
}
