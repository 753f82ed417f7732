use std::borrow::Cow;

use url::Url;

// ANCHOR: show
fn show(cow: &Cow<'_, str>) -> String {
    match cow {
        Cow::Borrowed(s) => format!("Borrowed({s:?})"),
        Cow::Owned(s) => format!("Owned({s:?})"),
    }
}
// ANCHOR_END: show

fn main() {
    // ANCHOR: here
    let url = Url::parse("https://example.com/rust?page=1024&sort=desc&extra=hello%20world&q=a+b")
        .unwrap();
    let mut pairs = url.query_pairs();

    // `count` consumes an iterator, but url's `Parse` is `Copy`: this counts a copy...
    println!("{} pairs", pairs.count());

    // ...so `pairs` still starts at the first pair.
    let (mut key, value) = pairs.next().unwrap();
    println!("{:<20} = {}", show(&key), show(&value));

    // A borrowed key becomes owned the moment we change it.
    key.to_mut().push_str("_number");
    println!("{:<20} = {}   (after to_mut)", show(&key), show(&value));

    for (key, value) in pairs {
        println!("{:<20} = {}", show(&key), show(&value));
    }
    // ANCHOR_END: here
}
