use std::mem::size_of_val;

// ANCHOR: here
struct Frame {
    pixels: [u8; 1 << 20], // 1 MiB
}

// Taking and returning the Box moves 8 bytes, not the megabyte behind it.
fn brighten(mut frame: Box<Frame>) -> Box<Frame> {
    for p in frame.pixels.iter_mut() {
        *p = p.saturating_add(10);
    }
    frame
}

fn main() {
    let frame: Box<Frame> = Box::new(Frame { pixels: [0; 1 << 20] });
    let before: *const Frame = &*frame;

    let frame = brighten(frame);
    let after: *const Frame = &*frame;

    println!(
        "the box: {} bytes, the frame it owns: {} bytes",
        size_of_val(&frame),
        size_of_val(&*frame)
    );
    println!("pixel 0 is now {}", frame.pixels[0]);
    println!(
        "same heap address after two moves: {}",
        std::ptr::eq(before, after)
    );
}
// ANCHOR_END: here
