use std::borrow::Cow;

fn main() {
    let word = "moo";
    let mut cow = Cow::Borrowed(word);
    cow.to_mut().push('!');
    cow.to_mut().push('?');
    let kind = match &cow {
        Cow::Borrowed(_) => "borrowed",
        Cow::Owned(_) => "owned",
    };
    println!("{word} {cow} {kind}");
}
