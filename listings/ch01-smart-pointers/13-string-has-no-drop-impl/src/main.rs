fn has_own_drop_impl<T: Drop>() {}

fn main() {
    has_own_drop_impl::<Vec<u8>>(); // fine: `impl Drop for Vec<T, A>` exists
    has_own_drop_impl::<String>(); // String frees its buffer through its Vec field
}
