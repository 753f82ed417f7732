use std::rc::Rc;

// `send::<T>()` only compiles if T: Send, `sync::<T>()` only if T: Sync.
const fn send<T: ?Sized + Send>() {}
const fn sync<T: ?Sized + Sync>() {}

// "T is NOT Send" cannot be written as a bound. Instead: if T is Send, both impls
// below apply, the compiler cannot pick one for `_`, and compilation fails (E0283).
trait AmbiguousIfSend<A> {
    fn check() {}
}
impl<T: ?Sized> AmbiguousIfSend<()> for T {}
impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}

trait AmbiguousIfSync<A> {
    fn check() {}
}
impl<T: ?Sized> AmbiguousIfSync<()> for T {}
impl<T: ?Sized + Sync> AmbiguousIfSync<u8> for T {}

macro_rules! assert_send {
    (yes, $t:ty) => {
        const _: () = send::<$t>();
    };
    (no, $t:ty) => {
        const _: fn() = <$t as AmbiguousIfSend<_>>::check;
    };
}
macro_rules! assert_sync {
    (yes, $t:ty) => {
        const _: () = sync::<$t>();
    };
    (no, $t:ty) => {
        const _: fn() = <$t as AmbiguousIfSync<_>>::check;
    };
}

/// Every row is checked by the compiler before the program can print it.
macro_rules! table {
    ($($t:ty => $send:ident, $sync:ident;)*) => {
        $( assert_send!($send, $t); assert_sync!($sync, $t); )*
        fn print_table() {
            println!("{:<34} {:<5} {}", "type", "Send", "Sync");
            $( println!("{:<34} {:<5} {}", stringify!($t), stringify!($send), stringify!($sync)); )*
        }
    };
}

// ANCHOR: here
table! {
    Box<i32> => no,  yes; // wrong: Box<i32> is Send
    Rc<i32>  => yes, no;  // wrong: Rc<i32> is not Send
}
// ANCHOR_END: here

fn main() {
    print_table();
}
