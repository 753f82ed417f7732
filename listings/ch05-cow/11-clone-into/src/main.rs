fn main() {
    // ANCHOR: here
    let mut line = String::with_capacity(64);
    line.push_str("a previous, longer line of text");
    let (buffer, capacity) = (line.as_ptr(), line.capacity());

    // str's clone_into: clear the String, then push the text into its buffer.
    "short".clone_into(&mut line);
    let same_buffer = line.as_ptr() == buffer && line.capacity() == capacity;
    println!("clone_into: {line:?}, same buffer and capacity: {same_buffer}");

    // to_owned makes a new String, sized for the text; the old buffer is freed.
    line = "short".to_owned();
    println!("to_owned:   {line:?}, capacity now {}", line.capacity());
    // ANCHOR_END: here
}
