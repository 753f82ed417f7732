use std::sync::Mutex;

struct Connection {
    id: u32,
}

struct Pool {
    idle: Mutex<Vec<Connection>>,
}

impl Pool {
    fn get(&self) -> Connection {
        self.idle.lock().unwrap().pop().expect("no idle connection")
    }

    fn put_back(&self, conn: Connection) {
        self.idle.lock().unwrap().push(conn);
    }
}

fn lookup(pool: &Pool, name: &str) -> Option<u32> {
    let conn = pool.get();
    if name.is_empty() {
        return None; // (1) leaves without calling `put_back`
    }
    let id = conn.id;
    pool.put_back(conn);
    Some(id)
}

fn main() {
    let pool = Pool { idle: Mutex::new(vec![Connection { id: 1 }]) };
    println!("{:?}", lookup(&pool, "ada"));
    println!("{:?}", lookup(&pool, ""));
    println!("{:?}", lookup(&pool, "grace"));
}
