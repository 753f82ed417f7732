// ANCHOR: here
use compact_str::CompactString;
use std::mem::size_of;

fn main() {
    println!(
        "String: {} bytes, CompactString: {} bytes, Option<CompactString>: {} bytes",
        size_of::<String>(),
        size_of::<CompactString>(),
        size_of::<Option<CompactString>>()
    );

    for text in
        ["hello world", "exactly twenty-four byte", "twenty-five bytes: 1 more"]
    {
        let s = CompactString::from(text);
        println!(
            "{:>2} bytes  on the heap: {:<5}  {s:?}",
            s.len(),
            s.is_heap_allocated()
        );
    }
}
// ANCHOR_END: here
