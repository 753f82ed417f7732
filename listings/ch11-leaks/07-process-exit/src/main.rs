struct TempFile(&'static str);

impl Drop for TempFile {
    fn drop(&mut self) {
        println!("removing {}", self.0);
    }
}

fn main() {
    {
        let _scratch = TempFile("scratch.tmp");
        println!("block ends normally");
    }
    let _report = TempFile("report.tmp");
    println!("calling process::exit");
    std::process::exit(0); // ends the process at once: no destructor below runs
}
