//! Exercise 7.1: a tree whose nodes know their parent.

// Delete this line when you start: it silences the warnings about unused
// parameters in the unfinished functions.
#![allow(unused)]

use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub struct Node {
    pub name: String,
    // Add a field for the parent and one for the children here.
}

impl Node {
    /// A node without a parent and without children.
    pub fn new(name: &str) -> Rc<Node> {
        todo!()
    }

    /// Makes `child` the last child of `parent`.
    pub fn add_child(parent: &Rc<Node>, child: Rc<Node>) {
        todo!()
    }

    /// The parent, if the node has one and it is still alive.
    pub fn parent(&self) -> Option<Rc<Node>> {
        todo!()
    }

    /// The names from the highest living ancestor down to this node, joined
    /// by `/`: `"root/usr/bin"`.
    pub fn path(&self) -> String {
        todo!()
    }

    /// The names of the children, in the order they were added.
    pub fn child_names(&self) -> Vec<String> {
        todo!()
    }

    /// Takes the child called `name` away from `parent` and returns it. The
    /// child has no parent afterwards.
    pub fn remove_child(parent: &Rc<Node>, name: &str) -> Option<Rc<Node>> {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_node_stands_alone() {
        let root = Node::new("root");
        assert!(root.parent().is_none());
        assert_eq!(root.path(), "root");
        assert!(root.child_names().is_empty());
    }

    #[test]
    fn children_know_their_parent() {
        let root = Node::new("root");
        let usr = Node::new("usr");
        let bin = Node::new("bin");
        Node::add_child(&root, Rc::clone(&usr));
        Node::add_child(&root, Node::new("etc"));
        Node::add_child(&usr, Rc::clone(&bin));
        assert_eq!(usr.parent().map(|p| p.name.clone()), Some("root".into()));
        assert_eq!(bin.path(), "root/usr/bin");
        assert_eq!(root.child_names(), ["usr", "etc"]);
    }

    #[test]
    fn a_child_does_not_own_its_parent() {
        let root = Node::new("root");
        let child = Node::new("child");
        Node::add_child(&root, Rc::clone(&child));
        assert_eq!(Rc::strong_count(&root), 1, "only `root` owns the root");
        assert_eq!(Rc::strong_count(&child), 2, "`child` and the root do");
        drop(root);
        assert!(child.parent().is_none(), "the parent is gone");
        assert_eq!(child.path(), "child");
    }

    #[test]
    fn the_parent_owns_its_children() {
        let root = Node::new("root");
        let child = Node::new("child");
        let watch = Rc::downgrade(&child);
        Node::add_child(&root, child);
        assert!(watch.upgrade().is_some(), "the root keeps its child alive");
        drop(root);
        assert!(watch.upgrade().is_none(), "and frees it when it goes");
    }

    #[test]
    fn a_removed_child_has_no_parent() {
        let root = Node::new("root");
        Node::add_child(&root, Node::new("a"));
        Node::add_child(&root, Node::new("b"));
        let a = Node::remove_child(&root, "a").expect("`a` is a child");
        assert!(a.parent().is_none());
        assert_eq!(a.path(), "a");
        assert_eq!(Rc::strong_count(&a), 1, "the root let go of it");
        assert_eq!(root.child_names(), ["b"]);
        assert!(Node::remove_child(&root, "a").is_none());
    }

    #[test]
    fn a_deep_tree_is_freed_with_its_root() {
        let root = Node::new("0");
        let mut last = Rc::clone(&root);
        for depth in 1..100 {
            let next = Node::new(&depth.to_string());
            Node::add_child(&last, Rc::clone(&next));
            last = next;
        }
        assert!(last.path().starts_with("0/1/2/"));
        assert!(last.path().ends_with("/98/99"));
        let deepest = Rc::downgrade(&last);
        drop(last);
        drop(root);
        assert!(deepest.upgrade().is_none(), "every node was freed");
    }
}
