// ANCHOR: here
const N: usize = 1 << 24; // 16 MiB

fn main() {
    // Fix 1: let Vec allocate the zeroed buffer on the heap, then turn it into a boxed slice.
    let slice: Box<[u8]> = vec![0u8; N].into_boxed_slice();
    println!("vec!: Box<[u8]> of {} bytes", slice.len());

    // A boxed slice of the right length converts into a boxed array, without copying.
    let array: Box<[u8; N]> = slice.try_into().expect("length is N");
    println!("try_into: Box<[u8; {N}]>, last byte {}", array[N - 1]);

    // Fix 2: ask for zeroed heap memory directly (stable since Rust 1.92).
    let zeroed: Box<std::mem::MaybeUninit<[u8; N]>> = Box::new_zeroed();
    // SAFETY: an array of u8 whose bytes are all zero is a valid [u8; N].
    let array2: Box<[u8; N]> = unsafe { zeroed.assume_init() };
    println!(
        "new_zeroed: Box<[u8; {N}]>, sum of bytes {}",
        array2.iter().map(|&b| b as u32).sum::<u32>()
    );

    // Fix 3: for arbitrary contents, reserve uninitialised memory and fill it in place.
    let mut uninit: Box<[std::mem::MaybeUninit<u8>]> = Box::new_uninit_slice(N);
    for (i, byte) in uninit.iter_mut().enumerate() {
        byte.write((i % 251) as u8);
    }
    // SAFETY: the loop wrote every one of the N bytes.
    let filled: Box<[u8]> = unsafe { uninit.assume_init() };
    println!("new_uninit_slice: byte 1000 = {}", filled[1000]);
}
// ANCHOR_END: here
