use std::rc::Rc;

#[derive(Debug)]
struct Shelf {
    label: &'static str,
    book: Rc<String>,
}

fn main() {
    let book = Rc::new(String::from("The Rust Book"));
    let new_arrivals = Shelf { label: "new arrivals", book: Rc::clone(&book) };
    let classics = Shelf { label: "classics", book: Rc::clone(&book) };
    println!("{new_arrivals:?}");
    println!("{classics:?}");
    println!("owners of the book: {}", Rc::strong_count(&book));
}
