fn main() {
    let names = vec![String::from("Ada"), String::from("Grace")];
    drop(names);
    println!("{}", names.len());
}
