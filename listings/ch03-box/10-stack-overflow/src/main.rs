// ANCHOR: here
fn one_mebibyte() -> Box<[u8; 1 << 20]> {
    Box::new([0u8; 1 << 20])
}

fn sixteen_mebibytes() -> Box<[u8; 1 << 24]> {
    Box::new([0u8; 1 << 24])
}

fn main() {
    let small = one_mebibyte();
    println!("1 MiB through Box::new: ok ({} bytes)", small.len());
    println!("calling sixteen_mebibytes()...");
    let big = sixteen_mebibytes();
    println!("never printed: {}", big.len());
}
// ANCHOR_END: here
