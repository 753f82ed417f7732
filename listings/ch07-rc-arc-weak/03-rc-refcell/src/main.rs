use std::cell::RefCell;
use std::rc::Rc;

// ANCHOR: here
#[derive(Debug)]
struct Account {
    owner: &'static str,
    balance: i64,
}

fn main() {
    // Two parts of the program own the same account and may both change it.
    let account = Rc::new(RefCell::new(Account { owner: "ada", balance: 100 }));
    let payroll = Rc::clone(&account);
    let shop = Rc::clone(&account);

    payroll.borrow_mut().balance += 2_000; // RefMut: exclusive, for one statement
    shop.borrow_mut().balance -= 350;

    let seen = account.borrow(); // Ref: shared, until `seen` is dropped
    println!(
        "{} has {} (owners: {})",
        seen.owner,
        seen.balance,
        Rc::strong_count(&account)
    );
}
// ANCHOR_END: here
