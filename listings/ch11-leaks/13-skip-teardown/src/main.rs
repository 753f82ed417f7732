use std::collections::HashMap;

fn main() {
    // ANCHOR: here
    // An index the program needs until its very last line.
    let index: HashMap<u32, String> =
        (0..1_000).map(|id| (id, format!("document {id}"))).collect();
    println!("{} documents indexed; exiting", index.len());

    // Freeing 1,001 blocks one by one is work nobody needs: the process is
    // about to end, and the operating system takes back all of its memory.
    std::mem::forget(index);
    // ANCHOR_END: here
}
