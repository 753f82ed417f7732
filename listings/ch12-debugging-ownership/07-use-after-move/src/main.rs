fn word_count(report: String) -> usize {
    report.split_whitespace().count()
}

fn main() {
    let report = String::from("leaks are memory safe");
    let words = word_count(report); // `report` moves into the function
    println!("{report}: {words} words");
}
