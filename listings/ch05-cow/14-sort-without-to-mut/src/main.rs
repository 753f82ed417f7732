use std::borrow::Cow;

fn main() {
    let numbers = [3, 1, 2];
    let mut cow: Cow<'_, [i32]> = Cow::Borrowed(&numbers);

    // A Cow derefs to the slice, so sort it like a slice.
    cow.sort();
    println!("{cow:?}");
}
