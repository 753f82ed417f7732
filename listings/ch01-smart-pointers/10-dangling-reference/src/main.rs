fn main() {
    let reference: &String;
    {
        let temporary = String::from("gone soon");
        reference = &temporary;
    } // `temporary` is dropped here...
    println!("{reference}"); // ...so this use of the borrow is refused
}
