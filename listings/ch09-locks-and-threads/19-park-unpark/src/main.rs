use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: mailbox
/// One message, handed from one thread to another. `ready` says when it
/// may be read; `text` is ordinary memory, not an atomic.
struct Mailbox {
    ready: AtomicBool,
    text: UnsafeCell<String>,
}

// SAFETY: `text` is written only before `ready` is set to true (with
// Release), and read only after `ready` has been seen true (with Acquire).
// The two accesses are therefore ordered, and never at the same time.
unsafe impl Sync for Mailbox {}

fn hand_over() {
    let mailbox = Mailbox {
        ready: AtomicBool::new(false),
        text: UnsafeCell::new(String::new()),
    };
    let mailbox = &mailbox; // share the whole `Mailbox`, not its fields
    thread::scope(|s| {
        let reader = s.spawn(move || {
            // park() may return without an unpark(): re-check the flag.
            while !mailbox.ready.load(Ordering::Acquire) {
                thread::park();
            }
            // SAFETY: `ready` is true, so the writer has finished with
            // `text`, and the Acquire load makes its write visible here.
            let text = unsafe { &*mailbox.text.get() };
            format!("reader: {text}")
        });
        // SAFETY: the reader does not touch `text` until `ready` is true.
        unsafe { *mailbox.text.get() = String::from("the report is done") };
        mailbox.ready.store(true, Ordering::Release); // publish...
        reader.thread().unpark(); // ...then wake the reader
        println!("{}", reader.join().unwrap());
    });
}
// ANCHOR_END: mailbox

// ANCHOR: token
fn token() {
    let unparked = AtomicBool::new(false);
    thread::scope(|s| {
        let sleeper = s.spawn(|| {
            // Wait, without parking, until main has unparked this thread.
            while !unparked.load(Ordering::Acquire) {
                thread::yield_now();
            }
            // Two unpark() calls came before this point. The first park()
            // finds the token they left and returns at once; without the
            // token it would sleep for ever.
            thread::park();
            // The token is gone now: two unparks left one token, not two.
            let wait = Duration::from_millis(200);
            let start = Instant::now();
            thread::park_timeout(wait);
            start.elapsed() >= wait
        });
        sleeper.thread().unpark();
        sleeper.thread().unpark();
        unparked.store(true, Ordering::Release);
        let slept = sleeper.join().unwrap();
        println!("sleeper: the first park() returned, the token was there");
        println!("sleeper: the second park slept until its timeout: {slept}");
    });
}
// ANCHOR_END: token

fn main() {
    hand_over();
    token();
}
