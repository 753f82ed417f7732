fn main() {
    // ANCHOR: layout
    let owned: String = String::from("hello world");
    let word: &str = &owned[6..]; // borrows bytes 6.. of the String's heap buffer

    println!("owned: len {}, capacity {}", owned.len(), owned.capacity());
    println!("word = {word:?}: len {}", word.len());
    let offset = word.as_ptr() as usize - owned.as_ptr() as usize;
    println!("word starts {offset} bytes into owned's buffer");
    // ANCHOR_END: layout

    // ANCHOR: elsewhere
    // A &str does not have to point to the heap.
    let literal: &'static str = "hi"; // into the program's read-only data
    let on_stack: [u8; 2] = [b'h', b'i'];
    let from_stack: &str = std::str::from_utf8(&on_stack).unwrap();
    println!("{literal:?} == {from_stack:?}: {}", literal == from_stack);
    let same_address = from_stack.as_ptr() == on_stack.as_ptr();
    println!("from_stack points into the stack array: {same_address}");
    // ANCHOR_END: elsewhere

    // ANCHOR: guarantees
    // Vec<T> owns a heap buffer the same way; String adds one guarantee: UTF-8.
    let mut bytes: Vec<u8> = Vec::with_capacity(4);
    bytes.extend_from_slice(&[0xF0, 0x9F, 0xA6, 0x80]);
    println!("bytes: len {}, capacity {}", bytes.len(), bytes.capacity());
    let buffer = bytes.as_ptr();
    let crab = String::from_utf8(bytes).unwrap(); // takes over the same buffer
    println!("as a String: {crab}, same buffer: {}", crab.as_ptr() == buffer);
    let refused = String::from_utf8(vec![0xFF]).unwrap_err();
    println!("0xFF as a String: refused, {refused}");
    // ANCHOR_END: guarantees
}
