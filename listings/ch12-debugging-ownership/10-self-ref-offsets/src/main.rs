// ANCHOR: doc
/// Owns its text and remembers *where* the title is, not a reference to it.
struct Document {
    text: String,
    title_end: usize,
}

impl Document {
    fn new(text: String) -> Self {
        let title_end = text.find('\n').unwrap_or(text.len());
        Document { text, title_end }
    }

    fn title(&self) -> &str {
        &self.text[..self.title_end] // borrowed from `self` each time it is asked for
    }
}
// ANCHOR_END: doc

fn main() {
    let doc =
        Document::new(String::from("Leaks\nRust can leak memory, safely."));
    let moved = doc; // moving is fine: an offset stays valid wherever the String goes
    println!("title: {}", moved.title());
}
