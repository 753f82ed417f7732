struct MyBox<T>(T);

fn main() {
    let wrapped = MyBox(5);
    println!("{}", *wrapped); // no Deref impl: `*` has nothing to call
}
