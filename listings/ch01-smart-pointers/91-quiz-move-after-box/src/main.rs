fn main() {
    let first = Box::new(String::from("hello"));
    let second = first;
    println!("{first} {second}");
}
