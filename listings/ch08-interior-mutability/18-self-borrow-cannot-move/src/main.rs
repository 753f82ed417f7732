use std::cell::Cell;

/// A note that keeps, in `heading`, a view of part of its own `body`.
struct Note<'a> {
    body: String,
    heading: Cell<&'a str>,
}

fn keep(note: Note<'_>) {
    println!("kept: {}", note.heading.get());
}

fn main() {
    let note = Note {
        body: String::from("Groceries: eggs, flour, milk"),
        heading: Cell::new(""),
    };
    let colon = note.body.find(':').unwrap();
    note.heading.set(&note.body[..colon]);
    keep(note); // `note` borrows from itself, so it cannot move
}
