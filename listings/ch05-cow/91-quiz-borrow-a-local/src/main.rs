use std::borrow::Cow;

fn lowercase(input: &str) -> Cow<'_, str> {
    let lower = input.to_lowercase();
    if lower == input {
        return Cow::Borrowed(input);
    }
    Cow::Borrowed(&lower)
}

fn main() {
    println!("{}", lowercase("Hello"));
}
