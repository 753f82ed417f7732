use std::borrow::Cow;

fn shout(text: &str) -> String {
    text.to_uppercase()
}

fn main() {
    let owned: Cow<'_, str> = Cow::Owned(String::from("owned"));

    // `shout` wants a `&str`, and a Cow<str> holds one.
    println!("{}", shout(owned));
}
