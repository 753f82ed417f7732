use std::borrow::Cow;

fn describe(cow: &Cow<'_, str>) -> &'static str {
    match cow {
        Cow::Borrowed(_) => "Borrowed",
        Cow::Owned(_) => "Owned",
    }
}

fn main() {
    // ANCHOR: here
    let text = String::from("clone on write");

    // Borrowed: the Cow holds a `&str` pointing into `text`. Nothing is copied.
    let mut cow: Cow<'_, str> = Cow::Borrowed(&text);
    println!(
        "{:8} {:?} shares text's bytes: {}",
        describe(&cow),
        cow,
        cow.as_ptr() == text.as_ptr()
    );

    // Reading never clones.
    println!(
        "{:8} length {}, upper-case {}",
        describe(&cow),
        cow.len(),
        cow.to_uppercase()
    );

    // The first write clones the borrowed text into a new String...
    cow.to_mut().push_str("!");
    println!(
        "{:8} {:?} shares text's bytes: {}",
        describe(&cow),
        cow,
        cow.as_ptr() == text.as_ptr()
    );

    // ...and `text` itself was never touched.
    println!("text is still {text:?}");
    // ANCHOR_END: here
}
