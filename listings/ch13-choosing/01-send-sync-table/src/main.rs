use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell, RefMut, UnsafeCell};
use std::rc::{self, Rc};
use std::sync::{
    self, Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard,
};

// ANCHOR: machinery
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
// ANCHOR_END: machinery

// ANCHOR: table
table! {
    String                             => yes, yes;
    Vec<i32>                           => yes, yes;
    Vec<Cell<i32>>                     => yes, no;
    Vec<Rc<i32>>                       => no,  no;
    Box<i32>                           => yes, yes;
    Box<Cell<i32>>                     => yes, no;
    Box<Rc<i32>>                       => no,  no;
    Rc<i32>                            => no,  no;
    rc::Weak<i32>                      => no,  no;
    Arc<i32>                           => yes, yes;
    Arc<Cell<i32>>                     => no,  no;
    Arc<MutexGuard<'static, i32>>      => no,  no;
    Arc<Mutex<Cell<i32>>>              => yes, yes;
    sync::Weak<i32>                    => yes, yes;
    Cell<i32>                          => yes, no;
    Cell<Rc<i32>>                      => no,  no;
    RefCell<i32>                       => yes, no;
    UnsafeCell<i32>                    => yes, no;
    Ref<'static, i32>                  => no,  no;
    RefMut<'static, i32>               => no,  no;
    Mutex<i32>                         => yes, yes;
    Mutex<Cell<i32>>                   => yes, yes;
    Mutex<Rc<i32>>                     => no,  no;
    RwLock<i32>                        => yes, yes;
    RwLock<Cell<i32>>                  => yes, no;
    MutexGuard<'static, i32>           => no,  yes;
    MutexGuard<'static, Cell<i32>>     => no,  no;
    RwLockReadGuard<'static, i32>      => no,  yes;
    RwLockWriteGuard<'static, i32>     => no,  yes;
    Cow<'static, str>                  => yes, yes;
}
// ANCHOR_END: table

fn main() {
    print_table();
}
