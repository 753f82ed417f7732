//! A library's loan desk. It compiles, but three of its methods panic with
//! "RefCell already borrowed" or "RefCell already mutably borrowed". In each,
//! find the borrow that is still alive, and end it sooner.

use std::cell::RefCell;
use std::collections::HashMap;

pub struct Desk {
    /// How many copies of each title are on the shelf.
    shelf: RefCell<HashMap<String, u32>>,
    /// The titles on loan, in the order they were lent.
    loans: RefCell<Vec<String>>,
}

impl Desk {
    pub fn with_shelf(books: &[(&str, u32)]) -> Desk {
        let shelf = books.iter().map(|&(t, n)| (t.to_string(), n)).collect();
        Desk { shelf: RefCell::new(shelf), loans: RefCell::default() }
    }

    /// How many copies of `title` are on the shelf.
    pub fn copies(&self, title: &str) -> u32 {
        self.shelf.borrow().get(title).copied().unwrap_or(0)
    }

    pub fn loans(&self) -> Vec<String> {
        self.loans.borrow().clone()
    }

    /// Puts `copies` more copies of `title` on the shelf.
    pub fn stock(&self, title: &str, copies: u32) {
        match self.shelf.borrow().get(title) {
            Some(&on_shelf) => {
                self.shelf
                    .borrow_mut()
                    .insert(title.to_string(), on_shelf + copies);
            }
            None => {
                self.shelf.borrow_mut().insert(title.to_string(), copies);
            }
        }
    }

    /// Lends a copy of `title`, if one is on the shelf.
    pub fn lend(&self, title: &str) -> bool {
        let shelf = self.shelf.borrow();
        let on_shelf = shelf.get(title).copied().unwrap_or(0);
        if on_shelf == 0 {
            return false;
        }
        self.shelf.borrow_mut().insert(title.to_string(), on_shelf - 1);
        self.loans.borrow_mut().push(title.to_string());
        true
    }

    /// Takes back a copy of `title`, if one is on loan.
    pub fn give_back(&self, title: &str) -> bool {
        let mut loans = self.loans.borrow_mut();
        let Some(position) = loans.iter().position(|t| t == title) else {
            return false;
        };
        loans.remove(position);
        self.shelf
            .borrow_mut()
            .insert(title.to_string(), self.shelf.borrow()[title] + 1);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_adds_copies() {
        let desk = Desk::with_shelf(&[("Dune", 1)]);
        desk.stock("Dune", 2);
        desk.stock("Emma", 1);
        assert_eq!((desk.copies("Dune"), desk.copies("Emma")), (3, 1));
    }

    #[test]
    fn lend_takes_a_copy_off_the_shelf() {
        let desk = Desk::with_shelf(&[("Dune", 1)]);
        assert!(desk.lend("Dune"));
        assert!(!desk.lend("Dune"), "no copy left");
        assert!(!desk.lend("Emma"), "never stocked");
        assert_eq!(desk.copies("Dune"), 0);
        assert_eq!(desk.loans(), ["Dune"]);
    }

    #[test]
    fn give_back_puts_the_copy_back() {
        let desk = Desk::with_shelf(&[("Dune", 2)]);
        desk.loans.borrow_mut().push("Dune".to_string()); // lent earlier
        assert!(desk.give_back("Dune"));
        assert!(!desk.give_back("Dune"), "no copy on loan any more");
        assert_eq!(desk.copies("Dune"), 3);
        assert!(desk.loans().is_empty());
    }

    #[test]
    fn a_book_goes_round() {
        let desk = Desk::with_shelf(&[]);
        desk.stock("Dune", 1);
        assert!(desk.lend("Dune"));
        assert!(desk.give_back("Dune"));
        assert!(desk.lend("Dune"));
        assert_eq!(desk.copies("Dune"), 0);
        assert_eq!(desk.loans(), ["Dune"]);
    }
}
