use std::borrow::Cow;

fn lowercase(input: &str) -> Cow<'_, str> {
    let lower = input.to_lowercase();
    if lower == input {
        Cow::Borrowed(input)
    } else {
        Cow::Borrowed(&lower)
    }
}

fn main() {
    println!("{}", lowercase("Hello"));
}
