use std::mem::needs_drop;
use std::rc::Rc;
use std::sync::MutexGuard;

macro_rules! show {
    ($($t:ty),* $(,)?) => {
        $(println!("{:<26} {}", stringify!($t), needs_drop::<$t>());)*
    };
}

fn main() {
    // ANCHOR: here
    println!("{:<26} needs drop?", "type");
    show!(Box<i32>, Vec<u8>, String, Rc<i32>, MutexGuard<'static, i32>);
    show!(&'static str, &'static String, *const String, i32);
    // ANCHOR_END: here
}
