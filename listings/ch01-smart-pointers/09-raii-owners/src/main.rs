// ANCHOR: resource
struct Resource {
    name: &'static str,
}

impl Resource {
    fn acquire(name: &'static str) -> Resource {
        println!("acquire {name}");
        Resource { name }
    }
}

impl Drop for Resource {
    fn drop(&mut self) {
        println!("release {}", self.name);
    }
}
// ANCHOR_END: resource

// ANCHOR: main
fn consume(resource: Resource) {
    println!("consume() now owns {}", resource.name);
} // the parameter is the owner, so `c` is released here

fn main() {
    let a = Resource::acquire("a");
    {
        let _b = Resource::acquire("b");
        println!("inner scope ends");
    } // `_b` goes out of scope: released at once

    consume(Resource::acquire("c"));

    // These two are owned by the vector's buffer, not by a variable.
    let list = vec![Resource::acquire("d"), Resource::acquire("e")];

    let new_owner = a; // a move: ownership changes hands, nothing is released
    println!(
        "main ends, owning {} and {} resources",
        new_owner.name,
        list.len()
    );
} // locals go in reverse order: `new_owner` (a), then `list` (d, e)
// ANCHOR_END: main
