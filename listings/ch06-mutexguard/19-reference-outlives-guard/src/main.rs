use std::sync::Mutex;

// Hand out the best score without copying it.
fn best(scores: &Mutex<Vec<i32>>) -> &i32 {
    scores.lock().unwrap().iter().max().unwrap() // (1)
}

fn main() {
    let scores = Mutex::new(vec![10, 20]);
    println!("best: {}", best(&scores));
}
