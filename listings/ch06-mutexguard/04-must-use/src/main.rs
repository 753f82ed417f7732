use std::sync::Mutex;

fn main() {
    // ANCHOR: here
    let config = Mutex::new("v1");

    // A guard nobody keeps: rustc warns "unused `std::sync::MutexGuard` that must be used",
    // and the guard is dropped at the end of the statement.
    config.lock().unwrap();
    println!("statement  -> locked now: {}", config.try_lock().is_err());

    // `_` is a pattern, not a variable: this guard is dropped at once as well.
    // rustc rejects this line by default (lint `let_underscore_lock`); we allow it to show why.
    #[allow(let_underscore_lock)]
    let _ = config.lock().unwrap();
    println!("let _      -> locked now: {}", config.try_lock().is_err());

    // `_guard` is a variable: the guard lives until the end of the scope.
    let _guard = config.lock().unwrap();
    println!("let _guard -> locked now: {}", config.try_lock().is_err());
    // ANCHOR_END: here
}
