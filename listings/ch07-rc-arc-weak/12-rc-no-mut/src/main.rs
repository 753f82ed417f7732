use std::rc::Rc;

fn main() {
    let playlist = Rc::new(vec!["intro"]);
    let shared = Rc::clone(&playlist);
    playlist.push("verse"); // (1) asks for `&mut Vec` through an Rc
    println!("{shared:?}");
}
