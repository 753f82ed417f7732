use std::cell::Cell;

/// A note that keeps, in `heading`, a view of part of its own `body`.
struct Note<'a> {
    body: String,
    heading: Cell<&'a str>,
}

fn main() {
    let note = Note {
        body: String::from("Groceries: eggs, flour, milk"),
        heading: Cell::new(""),
    };
    // `note` exists now, so its `body` can be borrowed and the cell set.
    let colon = note.body.find(':').unwrap();
    note.heading.set(&note.body[..colon]);
    println!("heading: {}", note.heading.get());
    println!("body:    {}", note.body);
}
