/// A document that wants to keep a borrowed view of its own text.
struct Document<'a> {
    title: &'a str,
    text: String,
}

fn main() {
    let text = String::from("Leaks\nRust can leak memory, safely.");
    let doc = Document { title: text.lines().next().unwrap(), text };
    println!("{}", doc.title);
}
