use std::mem::{size_of, transmute};

enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

/// How far `field` lies from the start of `list`, in bytes.
fn offset<T>(list: &List, field: &T) -> usize {
    field as *const T as usize - list as *const List as usize
}

/// The first four bytes of a `List`, read as a `u32`.
///
/// # Safety
///
/// Bytes 0 to 3 of every `List` must be initialised. They are when they
/// hold the tag, which every value has, `Nil` included.
unsafe fn first_four_bytes(list: &List) -> u32 {
    // SAFETY: initialised, by the caller's promise; aligned, because a
    // `List` is aligned to 8.
    unsafe { (list as *const List).cast::<u32>().read() }
}

fn main() {
    let list = Cons(7, Box::new(Nil));
    let Cons(value, rest) = &list else { unreachable!() };
    let value_at = offset(&list, value);
    let box_at = offset(&list, rest);
    println!("size_of::<List>()           = {}", size_of::<List>());
    println!("Cons: the i32 is at byte    {value_at}");
    println!("Cons: the Box is at byte    {box_at}");
    assert!(value_at >= 4 && box_at >= 4, "bytes 0-3 hold a field");
    // SAFETY: no field of `Cons` lies in bytes 0 to 3 (checked just above).
    // rustc 1.95 puts a 4-byte tag there, as its `-Zprint-type-sizes` says,
    // and writes it for every value, `Nil` included.
    let (cons_tag, nil_tag) =
        unsafe { (first_four_bytes(&list), first_four_bytes(&Nil)) };
    println!("tag of Cons(7, _)           = {cons_tag}");
    println!("tag of Nil                  = {nil_tag}");
    println!("size_of::<Option<List>>()   = {}", size_of::<Option<List>>());

    println!();
    println!("size_of::<Box<List>>()         = {}", size_of::<Box<List>>());
    println!(
        "size_of::<Option<Box<List>>>() = {}",
        size_of::<Option<Box<List>>>()
    );
    // Sound: std's `Option` documentation guarantees that `None` of an
    // `Option<Box<U>>` is all zero bytes.
    let none: [u8; 8] = unsafe { transmute(None::<Box<List>>) };
    println!("bytes of None::<Box<List>>     = {none:?}");
}
