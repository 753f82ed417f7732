use std::fmt;
use std::mem::{offset_of, size_of};
use std::ops::Deref;

// ANCHOR: types
const INLINE_CAP: usize = 30;

/// Up to 30 bytes of UTF-8 stored in place, plus their length.
struct MiniString {
    len: u8,
    bytes: [u8; INLINE_CAP],
}

/// A string that keeps short contents inline and only allocates when it must.
enum MyString {
    Inline(MiniString),
    Heap(String),
}
// ANCHOR_END: types

// ANCHOR: impls
impl MiniString {
    /// Private: callers guarantee `s.len() <= INLINE_CAP`.
    fn new(s: &str) -> Self {
        let mut bytes = [0u8; INLINE_CAP];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        MiniString { len: s.len() as u8, bytes }
    }

    fn as_str(&self) -> &str {
        // The bytes were copied from a &str, so they are valid UTF-8; the check stays anyway
        // (`from_utf8_unchecked` would skip it, at the price of an `unsafe` block).
        std::str::from_utf8(&self.bytes[..self.len as usize])
            .expect("copied from a &str")
    }
}

impl From<&str> for MyString {
    fn from(s: &str) -> Self {
        if s.len() <= INLINE_CAP {
            MyString::Inline(MiniString::new(s))
        } else {
            MyString::Heap(s.to_owned())
        }
    }
}

impl Deref for MyString {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            MyString::Inline(mini) => mini.as_str(),
            MyString::Heap(string) => string,
        }
    }
}

impl MyString {
    /// Appends, moving the contents to the heap once they no longer fit inline.
    fn push_str(&mut self, tail: &str) {
        match self {
            MyString::Inline(mini)
                if mini.len as usize + tail.len() <= INLINE_CAP =>
            {
                let start = mini.len as usize;
                mini.bytes[start..start + tail.len()]
                    .copy_from_slice(tail.as_bytes());
                mini.len += tail.len() as u8;
            }
            MyString::Inline(mini) => {
                let mut string =
                    String::with_capacity(mini.len as usize + tail.len());
                string.push_str(mini.as_str());
                string.push_str(tail);
                *self = MyString::Heap(string);
            }
            MyString::Heap(string) => string.push_str(tail),
        }
    }

    fn is_inline(&self) -> bool {
        matches!(self, MyString::Inline(_))
    }
}

impl fmt::Display for MyString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self) // &MyString coerces to &str through Deref
    }
}
// ANCHOR_END: impls

// ANCHOR: main
/// Where the variant's payload starts inside the enum, in bytes.
fn payload_offset(s: &MyString) -> usize {
    let start = s as *const MyString as usize;
    match s {
        MyString::Inline(mini) => mini as *const MiniString as usize - start,
        MyString::Heap(string) => string as *const String as usize - start,
    }
}

fn main() {
    assert_eq!(size_of::<String>(), 24);
    assert_eq!(size_of::<MiniString>(), 31);
    assert_eq!(size_of::<MyString>(), 32);
    assert_eq!(size_of::<Option<String>>(), 24); // an enum around String need not grow
    println!(
        "String {}, MiniString {}, MyString {}, Option<String> {} bytes",
        size_of::<String>(),
        size_of::<MiniString>(),
        size_of::<MyString>(),
        size_of::<Option<String>>()
    );
    println!(
        "MiniString: len at offset {}, bytes at offset {}",
        offset_of!(MiniString, len),
        offset_of!(MiniString, bytes)
    );

    let short = MyString::from("hello world");
    let long = MyString::from("a string longer than thirty bytes");
    println!(
        "Inline payload at offset {}, Heap payload at offset {}",
        payload_offset(&short),
        payload_offset(&long)
    );

    for s in [&short, &long] {
        // str methods through Deref: len, chars, to_uppercase, ...
        println!(
            "{:<34} inline: {:<5} {} bytes, {} chars",
            format!("{s:?}"),
            s.is_inline(),
            s.len(),
            s.chars().count()
        );
    }

    let mut growing = MyString::from("Grüße");
    while growing.is_inline() {
        growing.push_str(", Grüße");
        println!("{} bytes, inline: {}", growing.len(), growing.is_inline());
    }
    assert!(growing.ends_with("Grüße") && short.starts_with("hello"));
    println!("{growing}");
}

impl fmt::Debug for MyString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f) // quote and escape like a &str
    }
}
// ANCHOR_END: main
