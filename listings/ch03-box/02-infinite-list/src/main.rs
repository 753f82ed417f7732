// A list is either empty, or a number followed by the rest of the list.
enum List {
    Cons(i32, List),
    Nil,
}

fn main() {
    let _list = List::Cons(1, List::Cons(2, List::Nil));
}
