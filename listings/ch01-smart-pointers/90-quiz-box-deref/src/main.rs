fn main() {
    let a = Box::new(10);
    let b = a.clone();
    let sum = *a + *b;
    println!("{sum} {}", std::ptr::eq(&*a, &*b));
}
