// ANCHOR: all
struct Connection {
    id: u32,
    buffer: Vec<u8>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        println!(
            "closing connection {} ({} bytes)",
            self.id,
            self.buffer.len()
        );
    }
}

fn main() {
    let _kept = Connection { id: 1, buffer: vec![0; 64] };
    let forgotten = Connection { id: 2, buffer: vec![0; 64] };

    std::mem::forget(forgotten); // a safe function: no `unsafe` block needed
    println!("end of main");
}
// ANCHOR_END: all
