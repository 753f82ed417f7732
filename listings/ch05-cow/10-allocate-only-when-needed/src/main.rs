use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: counter
/// The system allocator, plus a count of every allocation made through it.
struct CountingAlloc;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

fn allocations() -> usize {
    ALLOCATIONS.load(Ordering::Relaxed)
}
// ANCHOR_END: counter

// ANCHOR: escape
/// Escapes `<`, `>` and `&` for HTML. Text without them is returned as it is, borrowed.
fn escape_html(input: &str) -> Cow<'_, str> {
    // Most text needs no change: find the first character that does.
    let Some(first) = input.find(['<', '>', '&']) else {
        return Cow::Borrowed(input);
    };
    let mut escaped = String::with_capacity(input.len() + 8);
    escaped.push_str(&input[..first]);
    for c in input[first..].chars() {
        match c {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}
// ANCHOR_END: escape

fn main() {
    // ANCHOR: main
    let inputs = [
        "plain text",
        "x < y",
        "fish & chips",
        "no markup at all, however long the text is",
    ];
    // Format each line first (formatting allocates too), then count only the call.
    let mut report = Vec::with_capacity(inputs.len());
    for input in inputs {
        let before = allocations();
        let output = escape_html(input);
        let allocated = allocations() - before;
        let variant = if matches!(output, Cow::Borrowed(_)) {
            "Borrowed"
        } else {
            "Owned"
        };
        report.push(format!(
            "{input:<44} -> {variant:<8} {allocated} allocation(s)  {output}"
        ));
    }
    for line in report {
        println!("{line}");
    }
    // ANCHOR_END: main
}
