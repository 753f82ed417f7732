use std::borrow::Cow;

fn main() {
    // ANCHOR: to_mut
    let numbers = [3, 1, 2];
    let mut cow: Cow<'_, [i32]> = Cow::Borrowed(&numbers);

    // The first `to_mut` clones the slice into a Vec...
    cow.to_mut().sort();
    let first_clone = cow.as_ptr();
    println!(
        "after sort:    {cow:?}, a copy of the array: {}",
        first_clone != numbers.as_ptr()
    );

    // ...the next ones hand out the same Vec: no second clone.
    cow.to_mut().reverse();
    println!(
        "after reverse: {cow:?}, same Vec as before: {}",
        cow.as_ptr() == first_clone
    );
    println!("the array is untouched: {numbers:?}");
    // ANCHOR_END: to_mut

    // ANCHOR: into_owned
    // `into_owned` on an Owned Cow moves the String out: same heap buffer, no copy.
    let owned: Cow<'_, str> = Cow::Owned(String::from("already mine"));
    let buffer = owned.as_ptr();
    let string: String = owned.into_owned();
    println!(
        "Owned    -> into_owned kept the buffer:  {}",
        string.as_ptr() == buffer
    );

    // On a Borrowed Cow it has to clone: a new buffer.
    let source = "only lent to me";
    let borrowed: Cow<'_, str> = Cow::Borrowed(source);
    let string: String = borrowed.into_owned();
    println!(
        "Borrowed -> into_owned made a new buffer: {}",
        string.as_ptr() != source.as_ptr()
    );
    // ANCHOR_END: into_owned
}
