struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

// ANCHOR: here
struct Connection {
    socket: Noisy,
    buffer: Noisy,
    log: Noisy,
}

impl Drop for Connection {
    fn drop(&mut self) {
        println!(
            "Connection::drop runs first, all fields intact: {}",
            self.log.0
        );
    }
}

fn main() {
    let _connection = Connection {
        log: Noisy("log"), // the order of the literal does not matter...
        buffer: Noisy("buffer"),
        socket: Noisy("socket"),
    };
    let _items = vec![Noisy("items[0]"), Noisy("items[1]")];
    let _pair = (Noisy("pair.0"), Noisy("pair.1"));
    println!("end of main");
} // ...fields go in declaration order; elements of a Vec or tuple in index order
// ANCHOR_END: here
