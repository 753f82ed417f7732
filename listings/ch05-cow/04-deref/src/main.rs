use std::borrow::Cow;

fn shout(text: &str) -> String {
    text.to_uppercase()
}

fn main() {
    // ANCHOR: here
    let borrowed: Cow<'_, str> = Cow::Borrowed("borrowed");
    let owned: Cow<'_, str> = Cow::Owned(String::from("owned"));

    for cow in [&borrowed, &owned] {
        // Method calls go through `Deref<Target = str>`: `len` and `starts_with` are str methods.
        let starts_with_o = cow.starts_with('o');
        // Deref coercion turns `&Cow<str>` into the `&str` that `shout` wants.
        println!(
            "{:<8} len {} starts with 'o': {:<5} shouted: {}",
            cow,
            cow.len(),
            starts_with_o,
            shout(cow)
        );
    }

    // The two variants compare by content, whatever their variant.
    println!(
        "equal contents compare equal: {}",
        Cow::Borrowed("owned") == owned
    );
    // ANCHOR_END: here
}
