struct Tag(char);

impl Drop for Tag {
    fn drop(&mut self) {
        print!("{}", self.0);
    }
}

struct Pair {
    left: Tag,
    right: Tag,
}

fn main() {
    let _a = Tag('a');
    let _pair = Pair { right: Tag('r'), left: Tag('l') };
    let _ = Tag('x');
    let b = Tag('b');
    drop(b);
    print!("-");
}
