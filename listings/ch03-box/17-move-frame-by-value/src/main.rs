// ANCHOR: here
struct Frame {
    pixels: [u8; 1 << 20], // 1 MiB
}

// The frame goes in by value and comes back by value.
fn brighten(mut frame: Frame) -> Frame {
    for p in frame.pixels.iter_mut() {
        *p = p.saturating_add(10);
    }
    frame
}

fn main() {
    let frame = Frame { pixels: [0; 1 << 20] };
    let before: *const Frame = &frame;

    let frame = brighten(frame);
    let after: *const Frame = &frame;

    println!("pixel 0 is now {}", frame.pixels[0]);
    println!("same address after two moves: {}", std::ptr::eq(before, after));
}
// ANCHOR_END: here
