use std::cell::UnsafeCell;

// ANCHOR: mycell
/// A tiny Cell: interior mutability for Copy values, built on UnsafeCell.
pub struct MyCell<T> {
    value: UnsafeCell<T>,
}

impl<T: Copy> MyCell<T> {
    pub fn new(value: T) -> Self {
        MyCell { value: UnsafeCell::new(value) }
    }

    pub fn get(&self) -> T {
        // SAFETY: MyCell is not Sync (UnsafeCell is not), so no other thread can touch it,
        // and no method ever hands out a reference into the cell: nothing aliases this read.
        unsafe { *self.value.get() }
    }

    pub fn set(&self, value: T) {
        // SAFETY: as in `get`; T is Copy, so no destructor can run in the middle.
        unsafe { *self.value.get() = value }
    }

    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut() // &mut self proves exclusivity: safe, no unsafe block
    }
}
// ANCHOR_END: mycell

fn main() {
    // ANCHOR: main
    let mut cell = MyCell::new(1);
    let (a, b) = (&cell, &cell);
    a.set(b.get() + 1);
    b.set(a.get() * 10);
    println!("through shared references: {}", cell.get());
    *cell.get_mut() += 1;
    println!("through get_mut: {}", cell.get());

    // UnsafeCell on its own: `get` is safe and returns a raw pointer;
    // only dereferencing that pointer needs `unsafe`, and the proof is on you.
    let raw = UnsafeCell::new(5);
    let ptr: *mut i32 = raw.get();
    unsafe { *ptr += 1 }
    println!("raw UnsafeCell: {}", raw.into_inner());
    // ANCHOR_END: main
}
