use std::borrow::Cow;

use serde::Deserialize;

// ANCHOR: user
#[derive(Debug, Deserialize)]
struct User<'input> {
    // Without `#[serde(borrow)]`, a `Cow` field is always deserialized as `Owned`.
    #[serde(borrow)]
    name: Cow<'input, str>,
    age: u8,
}
// ANCHOR_END: user

// ANCHOR: plain
#[derive(Debug, Deserialize)]
struct UserNoBorrow<'input> {
    name: Cow<'input, str>,
}

#[derive(Debug, Deserialize)]
struct UserStr<'input> {
    name: &'input str,
}
// ANCHOR_END: plain

fn variant(cow: &Cow<'_, str>) -> &'static str {
    match cow {
        Cow::Borrowed(_) => "Borrowed",
        Cow::Owned(_) => "Owned",
    }
}

fn main() {
    // ANCHOR: here
    let plain = r#"{ "name": "Tyr", "age": 18 }"#;
    // `\"` in JSON is one `"` in the value: the text differs from the input bytes.
    let escaped = r#"{ "name": "Tyr \"the bold\"", "age": 18 }"#;

    for input in [plain, escaped] {
        let user: User = serde_json::from_str(input).unwrap();
        println!(
            "{:<8} {:?} (age {})",
            variant(&user.name),
            user.name,
            user.age
        );
    }

    // Forgetting the attribute silently gives up on borrowing.
    let user: UserNoBorrow = serde_json::from_str(plain).unwrap();
    println!(
        "{:<8} {:?} without #[serde(borrow)]",
        variant(&user.name),
        user.name
    );

    // A plain `&str` field cannot fall back to owning: the escaped input is an error.
    println!(
        "&str field, plain input:   {:?}",
        serde_json::from_str::<UserStr>(plain).map(|u| u.name)
    );
    match serde_json::from_str::<UserStr>(escaped) {
        Ok(user) => println!("&str field, escaped input: {:?}", user.name),
        Err(e) => println!("&str field, escaped input: error: {e}"),
    }
    // ANCHOR_END: here
}
