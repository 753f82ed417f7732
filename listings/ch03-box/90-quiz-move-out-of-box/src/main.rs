struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let a = Box::new(Noisy("a"));
    let b = a;
    let c = *b;
    println!("moved {}", c.0);
}
