use std::mem::size_of;

fn main() {
    // ANCHOR: here
    let mut scores: Box<[u32; 4]> = Box::new([90, 72, 85, 64]);

    // The Box derefs to the array: index it, call its methods, mutate it.
    scores[1] += 10;
    scores.sort();
    println!("sorted: {:?}, best: {}", *scores, scores[3]);

    // The array lives on the heap; the Box on the stack is one pointer.
    println!(
        "[u32; 4] is {} bytes, Box<[u32; 4]> is {} bytes",
        size_of::<[u32; 4]>(),
        size_of::<Box<[u32; 4]>>()
    );

    // `*` on a Box can move a value that is not Copy out of the box,
    // which `*` on a reference cannot do.
    let names: Box<Vec<String>> =
        Box::new(vec![String::from("Ada"), String::from("Grace")]);
    let unboxed: Vec<String> = *names; // `names` can no longer be used
    println!("moved out of the box: {unboxed:?}");
    // ANCHOR_END: here
}
