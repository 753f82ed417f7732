trait Shape {
    fn area(&self) -> f64;
}

struct Square(f64);
struct Circle {
    radius: f64,
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }
}

// `impl Shape` means one concrete type, chosen by the compiler.
fn parse(spec: &str) -> impl Shape {
    match spec {
        "square" => Square(2.0),
        _ => Circle { radius: 1.0 },
    }
}

fn main() {
    println!("area {:.3}", parse("circle").area());
}
