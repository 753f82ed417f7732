use std::borrow::Cow;

// ANCHOR: here
/// Replaces tabs with spaces, copying only the lines that have tabs.
fn untab(line: &str) -> Cow<'_, str> {
    if line.contains('\t') {
        Cow::Owned(line.replace('\t', "    ")) // a new String, handed over
    } else {
        Cow::Borrowed(line) // the caller's own text, not copied
    }
}

fn main() {
    for line in ["no tabs here", "one\ttab"] {
        let result = untab(line);
        let kind = match result {
            Cow::Borrowed(_) => "borrowed",
            Cow::Owned(_) => "owned",
        };
        println!("{kind:<8} {result}");
    }
}
// ANCHOR_END: here
