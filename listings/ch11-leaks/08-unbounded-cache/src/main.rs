use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

// ANCHOR: cache
/// Rendered pages, kept "to save time". Nothing is ever removed.
static RENDERED: LazyLock<Mutex<HashMap<u64, Vec<u8>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn render(request_id: u64) -> Vec<u8> {
    let mut cache = RENDERED.lock().unwrap();
    cache.entry(request_id).or_insert_with(|| vec![b'x'; 1024]).clone()
}
// ANCHOR_END: cache

fn main() {
    // ANCHOR: main
    for request_id in 0..5_000 {
        render(request_id); // every request has a new id: every one is a miss
    }
    let cache = RENDERED.lock().unwrap();
    let bytes: usize = cache.values().map(Vec::len).sum();
    let (entries, kib) = (cache.len(), bytes / 1024);
    println!(
        "{entries} entries, {kib} KiB of pages, all still owned by the cache"
    );
    // ANCHOR_END: main
}
