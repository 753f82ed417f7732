/// Replaces tabs with spaces. Most lines have no tabs and could be returned as
/// they are.
fn untab(line: &str) -> &str {
    if line.contains('\t') {
        let fixed = line.replace('\t', "    "); // a new String, owned here
        &fixed
    } else {
        line
    }
}

fn main() {
    for line in ["no tabs here", "one\ttab"] {
        println!("{}", untab(line));
    }
}
