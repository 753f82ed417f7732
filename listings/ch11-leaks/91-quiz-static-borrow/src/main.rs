fn main() {
    let name = String::from("config");
    let forever: &'static str = &name;
    println!("{forever}");
}
