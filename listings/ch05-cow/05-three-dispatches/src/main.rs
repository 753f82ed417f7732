use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

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

// ANCHOR: count
/// Counts calls to the global allocator, then passes them on.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `build` and returns what it built and how many allocations it made.
fn counted<T>(build: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.load(Relaxed);
    let built = build();
    (built, ALLOCATIONS.load(Relaxed) - before)
}
// ANCHOR_END: count

const SHAPES: usize = 100_000;

fn main() {
    // ANCHOR: bench
    // The same shapes three ways: every other one a circle for the mixed collections.
    let sizes: Vec<f64> = (0..SHAPES).map(|i| (i % 10) as f64 + 1.0).collect();
    let (boxed, boxed_allocs) = counted(|| {
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
        boxed
    });
    let (enums, enum_allocs) = counted(|| {
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
        enums
    });
    // Generics need one type per slice: the circles and the squares go in two vectors.
    let ((circles, squares), generic_allocs) = counted(|| {
        let circles: Vec<Circle> =
            sizes.iter().step_by(2).map(|&x| Circle { radius: x }).collect();
        let squares: Vec<Square> = sizes
            .iter()
            .skip(1)
            .step_by(2)
            .map(|&x| Square { side: x })
            .collect();
        (circles, squares)
    });

    let generic = total_generic(&circles) + total_generic(&squares);
    println!(
        "{SHAPES} shapes; the total area, and the allocations to build them:"
    );
    println!(
        "generic (two Vecs):    {generic:.0}, {generic_allocs} allocations"
    );
    println!(
        "trait objects (Box):   {:.0}, {boxed_allocs} allocations",
        total_dyn(&boxed)
    );
    println!(
        "enum variants (match): {:.0}, {enum_allocs} allocation",
        total_enum(&enums)
    );
    println!(
        "bytes per shape: Box<dyn Shape> {} + a heap block of {}, AnyShape {}",
        size_of::<Box<dyn Shape>>(),
        size_of::<Circle>(),
        size_of::<AnyShape>()
    );
    // ANCHOR_END: bench
}
