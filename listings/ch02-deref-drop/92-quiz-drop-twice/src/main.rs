fn main() {
    let text = String::from("once");
    let copy = text;
    drop(copy);
    drop(text);
}
