use std::any::type_name;
use std::borrow::{Borrow, ToOwned};
use std::fmt::Debug;

// ANCHOR: here
/// Goes from a borrowed `B` to its owned form and back again.
/// `ToOwned` promises `B::Owned: Borrow<B>`, so the way back always exists.
fn round_trip<B>(borrowed: &B)
where
    B: ToOwned + Debug + ?Sized,
{
    let owned: B::Owned = borrowed.to_owned(); // &B -> B::Owned: a clone
    let back: &B = owned.borrow(); // B::Owned -> &B: just a reference
    println!(
        "{:>15} -> {:<22} -> {:?}",
        type_name::<B>(),
        type_name::<B::Owned>(),
        back
    );
}

fn main() {
    round_trip("text"); // B = str
    round_trip(&[1, 2, 3][..]); // B = [i32]
    round_trip(&42); // B = i32, a Clone type: it owns itself
    round_trip(std::path::Path::new("/tmp")); // B = Path
}
// ANCHOR_END: here
