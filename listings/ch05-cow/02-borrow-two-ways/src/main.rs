use std::borrow::Borrow;
use std::mem::size_of_val;

fn main() {
    // ANCHOR: here
    let s = String::from("hello world!");

    // `String` implements both `Borrow<String>` and `Borrow<str>`,
    // so the annotation picks which one `borrow()` calls.
    let as_string: &String = s.borrow();
    let as_str: &str = s.borrow();

    // A `&String` points at the String value itself: pointer, capacity, length.
    println!("&String points at `s` itself:   {}", std::ptr::eq(as_string, &s));
    // A `&str` points at the text, in the String's heap buffer.
    println!(
        "&str points into the heap bytes: {}",
        as_str.as_ptr() == s.as_ptr()
    );
    println!(
        "the two addresses are equal:     {}",
        as_string as *const String as *const u8 == as_str.as_ptr()
    );

    // The references themselves differ in size: `&str` also carries the length.
    println!(
        "size of &String: {} bytes, size of &str: {} bytes",
        size_of_val(&as_string),
        size_of_val(&as_str)
    );
    println!("both see the same text: {}", as_string.as_str() == as_str);
    // ANCHOR_END: here
}
