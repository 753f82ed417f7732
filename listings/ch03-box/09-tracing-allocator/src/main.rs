use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: log
/// A line of text in a fixed array on the stack: formatting into it never allocates.
struct LineBuf {
    bytes: [u8; 128],
    len: usize,
}

impl fmt::Write for LineBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.bytes.len() {
            return Err(fmt::Error); // too long: truncate rather than allocate
        }
        self.bytes[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Writes one line with a single write(2) system call to file descriptor 1 (stdout):
/// no lock, no buffer, no allocation, no panic.
fn log(args: fmt::Arguments<'_>) {
    let mut line = LineBuf { bytes: [0; 128], len: 0 };
    let _ = line.write_fmt(args);
    let _ = line.write_str("\n");
    unsafe { libc::write(1, line.bytes.as_ptr().cast(), line.len) };
}
// ANCHOR_END: log

// ANCHOR: alloc
static LAST_ALLOC: AtomicUsize = AtomicUsize::new(0);
static LAST_FREE: AtomicUsize = AtomicUsize::new(0);

struct Tracing;

unsafe impl GlobalAlloc for Tracing {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        LAST_ALLOC.store(ptr as usize, Ordering::Relaxed);
        log(format_args!(
            "  ALLOC {ptr:p} size {} align {}",
            layout.size(),
            layout.align()
        ));
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LAST_FREE.store(ptr as usize, Ordering::Relaxed);
        log(format_args!(
            "  FREE  {ptr:p} size {} align {}",
            layout.size(),
            layout.align()
        ));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Tracing = Tracing;
// ANCHOR_END: alloc

// ANCHOR: main
struct Matrix {
    cells: [u8; 505], // an odd size, easy to spot in the log
}

impl Drop for Matrix {
    fn drop(&mut self) {
        println!(
            "dropping the Matrix (cell 0 = {}); its memory is still allocated",
            self.cells[0]
        );
    }
}

fn main() {
    println!("main starts");
    let matrix = Box::new(Matrix { cells: [7; 505] });
    let addr = &*matrix as *const Matrix as usize;
    println!(
        "Box::new returned {:p}; it is the last ALLOC: {}",
        &*matrix,
        LAST_ALLOC.load(Ordering::Relaxed) == addr
    );

    drop(matrix);
    println!(
        "it is the last FREE: {}",
        LAST_FREE.load(Ordering::Relaxed) == addr
    );
    println!("main ends");
}
// ANCHOR_END: main
