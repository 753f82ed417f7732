fn main() {
    let mut balance = 100;
    let deposit = &mut balance;
    let withdrawal = &mut balance; // a second `&mut` while `deposit` is still in use
    *deposit += 10;
    *withdrawal -= 30;
    println!("balance: {balance}");
}
