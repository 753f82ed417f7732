fn loudest_line(text: &str) -> &str {
    let upper = text.to_uppercase(); // a new String, owned by this function
    upper.lines().max_by_key(|line| line.len()).unwrap_or("")
} // `upper` is freed here, so nothing may point into it afterwards

fn main() {
    println!("{}", loudest_line("one\nthree\ntwo"));
}
