// ANCHOR: tree
/// All nodes live in one Vec; links are positions in it, not pointers.
struct Tree {
    nodes: Vec<Node>,
}

struct Node {
    name: &'static str,
    size: u64,
    parent: Option<usize>,
    children: Vec<usize>,
}

impl Tree {
    fn add(
        &mut self,
        name: &'static str,
        size: u64,
        parent: Option<usize>,
    ) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node { name, size, parent, children: Vec::new() });
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        id
    }

    /// Adds a node's size to every ancestor: many writes, no borrow held across them.
    fn propagate(&mut self, id: usize) {
        let size = self.nodes[id].size;
        let mut current = self.nodes[id].parent;
        while let Some(p) = current {
            self.nodes[p].size += size;
            current = self.nodes[p].parent;
        }
    }
}
// ANCHOR_END: tree

fn main() {
    // ANCHOR: main
    let mut tree = Tree { nodes: Vec::new() };
    let root = tree.add("/", 0, None);
    let src = tree.add("src", 0, Some(root));
    let main_rs = tree.add("main.rs", 700, Some(src));
    let readme = tree.add("README", 300, Some(root));
    tree.propagate(main_rs);
    tree.propagate(readme);

    for node in &tree.nodes {
        let parent = node.parent.map_or("-", |p| tree.nodes[p].name);
        let (name, size, kids) = (node.name, node.size, node.children.len());
        println!(
            "{name:8} {size:5} bytes   parent: {parent:4} children: {kids}"
        );
    }
    // ANCHOR_END: main
}
