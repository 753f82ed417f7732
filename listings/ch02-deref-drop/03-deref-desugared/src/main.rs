use std::ops::Deref;

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        println!("  (deref called)");
        &self.0
    }
}

fn main() {
    // ANCHOR: here
    let name = MyBox(String::from("Ferris"));

    println!("1. *name:");
    let a: &String = &*name; // the compiler writes this as...
    println!("2. *Deref::deref(&name):");
    let b: &String = &*Deref::deref(&name); // ...this, which is...
    println!("3. *name.deref():");
    let c: &String = &*name.deref(); // ...the same call in method syntax

    let same = std::ptr::eq(a, b) && std::ptr::eq(b, c);
    println!("all three are the same String: {same}");
    // ANCHOR_END: here
}
