fn main() {
    let query = "page=1024&sort=desc&extra=hello%20world";
    // A hand-made query parser: `Split` is an ordinary iterator, not a `Copy` one.
    let mut pairs = query.split('&');

    assert_eq!(pairs.count(), 3); // `count` takes the iterator by value...

    let first = pairs.next().unwrap(); // ...so there is nothing left to call `next` on
    println!("first pair: {first}");
}
