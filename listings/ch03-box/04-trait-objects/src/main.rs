use std::mem::size_of;

// ANCHOR: here
trait Shape {
    fn name(&self) -> String;
    fn area(&self) -> f64;
}

struct Square(f64);
struct Circle {
    radius: f64,
}

impl Shape for Square {
    fn name(&self) -> String {
        format!("square {}", self.0)
    }
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

impl Shape for Circle {
    fn name(&self) -> String {
        format!("circle r={}", self.radius)
    }
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }
}

// The caller decides at run time which shape it gets.
fn parse(spec: &str) -> Box<dyn Shape> {
    match spec.split_once(' ') {
        Some(("square", side)) => Box::new(Square(side.parse().unwrap())),
        Some(("circle", r)) => Box::new(Circle { radius: r.parse().unwrap() }),
        _ => panic!("unknown shape {spec:?}"),
    }
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> =
        ["square 2", "circle 1", "square 0.5"].into_iter().map(parse).collect();
    for shape in &shapes {
        println!("{:<12} area {:.3}", shape.name(), shape.area());
    }
    println!(
        "Square: {} bytes, Circle: {} bytes",
        size_of::<Square>(),
        size_of::<Circle>()
    );
    println!(
        "Box<Square>: {} bytes, Box<dyn Shape>: {} bytes (data pointer + vtable pointer)",
        size_of::<Box<Square>>(),
        size_of::<Box<dyn Shape>>()
    );
}
// ANCHOR_END: here
