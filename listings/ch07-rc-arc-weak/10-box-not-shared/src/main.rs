#[derive(Debug)]
struct Shelf {
    label: &'static str,
    book: Box<String>,
}

fn main() {
    let book = Box::new(String::from("The Rust Book"));
    let new_arrivals = Shelf { label: "new arrivals", book }; // (1)
    let classics = Shelf { label: "classics", book }; // (2)
    println!("{new_arrivals:?}");
    println!("{classics:?}");
}
