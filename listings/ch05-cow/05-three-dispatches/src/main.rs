use std::hint::black_box;
use std::time::Instant;

// ANCHOR: shapes
trait Shape {
    fn area(&self) -> f64;
}

struct Circle {
    radius: f64,
}

struct Square {
    side: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

/// Dispatch on an enum variant: the `Cow` way.
enum AnyShape {
    Circle(Circle),
    Square(Square),
}

impl Shape for AnyShape {
    fn area(&self) -> f64 {
        match self {
            AnyShape::Circle(c) => c.area(),
            AnyShape::Square(s) => s.area(),
        }
    }
}
// ANCHOR_END: shapes

// ANCHOR: sums
/// Static dispatch: one copy of this function per `S`, every call known at compile time.
/// It can only hold one kind of shape at a time.
fn total_generic<S: Shape>(shapes: &[S]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

/// Dynamic dispatch: each call goes through the vtable of a `Box<dyn Shape>`.
fn total_dyn(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

/// Enum dispatch: a `match` on the variant, which the compiler can inline.
fn total_enum(shapes: &[AnyShape]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}
// ANCHOR_END: sums

const SHAPES: usize = 100_000;
const ROUNDS: u32 = 20;

fn time_per_shape(mut f: impl FnMut() -> f64) -> (f64, f64) {
    let total = f(); // warm up, and keep the result to check the three agree
    let start = Instant::now();
    for _ in 0..ROUNDS {
        black_box(f());
    }
    let nanos =
        start.elapsed().as_nanos() as f64 / (ROUNDS as f64 * SHAPES as f64);
    (total, nanos)
}

fn main() {
    // ANCHOR: bench
    // The same shapes three ways: every other one a circle for the mixed collections.
    let sizes: Vec<f64> = (0..SHAPES).map(|i| (i % 10) as f64 + 1.0).collect();
    let boxed: Vec<Box<dyn Shape>> = sizes
        .iter()
        .enumerate()
        .map(|(i, &x)| -> Box<dyn Shape> {
            if i % 2 == 0 {
                Box::new(Circle { radius: x })
            } else {
                Box::new(Square { side: x })
            }
        })
        .collect();
    let enums: Vec<AnyShape> = sizes
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 0 {
                AnyShape::Circle(Circle { radius: x })
            } else {
                AnyShape::Square(Square { side: x })
            }
        })
        .collect();
    // Generics need one type per slice: the circles and the squares go in two vectors.
    let circles: Vec<Circle> =
        sizes.iter().step_by(2).map(|&x| Circle { radius: x }).collect();
    let squares: Vec<Square> =
        sizes.iter().skip(1).step_by(2).map(|&x| Square { side: x }).collect();

    let (generic, t_generic) = time_per_shape(|| {
        total_generic(black_box(&circles)) + total_generic(black_box(&squares))
    });
    let (dynamic, t_dyn) = time_per_shape(|| total_dyn(black_box(&boxed)));
    let (enumd, t_enum) = time_per_shape(|| total_enum(black_box(&enums)));

    println!(
        "generic (two Vecs):    total {generic:.0}, {t_generic:.2} ns/shape"
    );
    println!("trait objects (Box):   total {dynamic:.0}, {t_dyn:.2} ns/shape");
    println!("enum variants (match): total {enumd:.0}, {t_enum:.2} ns/shape");
    // ANCHOR_END: bench
}
