//! `cargo xtask serve`'s web server: serves the built book with live reload, in place of
//! `mdbook serve`, so reading the book needs no mdbook binary (the book is built in-process by
//! crates/book-build, book.rs).
//!
//! std only, one thread per connection: one reader, a handful of requests per page. Every
//! HTML page gets a script that long-polls `/__reload?since=N`; the answer comes when build N+1
//! is in place, and the page reloads itself. Sources are polled (as `cargo xtask exercise`
//! does): an editor's save always changes a modification time or the number of files.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What the server serves and which build it is.
pub struct Site {
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    dir: PathBuf,
    build: u64,
}

impl Site {
    pub fn new(dir: PathBuf) -> Arc<Site> {
        // Numbered from the start time, so a page still open from before a restart of the
        // server asks for a build older than the first one, and reloads at once.
        let start = SystemTime::now().duration_since(UNIX_EPOCH).map_or(1, |d| d.as_millis());
        let build = u64::try_from(start).unwrap_or(1);
        Arc::new(Site { state: Mutex::new(State { dir, build }), changed: Condvar::new() })
    }

    /// A new build is in place: wakes every page that waits on `/__reload`.
    pub fn rebuilt(&self) {
        self.state.lock().unwrap().build += 1;
        self.changed.notify_all();
    }

    fn current(&self) -> (PathBuf, u64) {
        let state = self.state.lock().unwrap();
        (state.dir.clone(), state.build)
    }

    /// The build after `since`, or None after `timeout` (the page then asks again: a request
    /// that never ends would be cut by proxies and keeps no browser informed of a dead server).
    fn wait_after(&self, since: u64, timeout: Duration) -> Option<u64> {
        let state = self.state.lock().unwrap();
        let (state, _) =
            self.changed.wait_timeout_while(state, timeout, |s| s.build <= since).unwrap();
        (state.build > since).then_some(state.build)
    }
}

/// Listens on 127.0.0.1:`port` (0: any free port, for the tests) and answers on threads.
pub fn listen(site: Arc<Site>, port: u16) -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = Arc::clone(&site);
            std::thread::spawn(move || {
                let _ = answer(&site, stream);
            });
        }
    });
    Ok(port)
}

const RELOAD_WAIT: Duration = Duration::from_secs(25);

fn answer(site: &Site, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers say nothing this server needs; read them so the browser sees an answer,
    // not a reset connection.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, "405 Method Not Allowed", "text/plain", b"GET only\n", true);
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path == "/__reload" {
        let since = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let body = match site.wait_after(since, RELOAD_WAIT) {
            Some(build) => build.to_string(),
            None => String::new(),
        };
        return respond(&mut stream, "200 OK", "text/plain", body.as_bytes(), method == "GET");
    }
    let (dir, build) = site.current();
    let (status, file) = match resolve(&dir, path) {
        Some(file) => ("200 OK", file),
        None => ("404 Not Found", dir.join("404.html")),
    };
    let body = match std::fs::read(&file) {
        Ok(body) => body,
        Err(_) => return respond(&mut stream, status, "text/plain", b"not found\n", true),
    };
    let kind = content_type(&file);
    let body = if kind.starts_with("text/html") { with_reload(&body, build) } else { body };
    respond(&mut stream, status, kind, &body, method == "GET")
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    // no-store: a reload after a rebuild must fetch the new CSS and scripts too.
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The file a URL path names under `dir` (`/` and `/x/` are their `index.html`), or None if
/// there is none or the path tries to leave `dir`.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path);
    let mut file = dir.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// `%C3%A9` as `é` (a malformed escape stays as it is).
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "txt" | "md" | "rs" | "toml" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The page with the live-reload script before `</body>` (or at the end). Only what is
/// served gets it: book/html stays what the browser suite tests.
fn with_reload(page: &[u8], build: u64) -> Vec<u8> {
    let script = format!(
        "<script>(function () {{\n\
         // cargo xtask serve: reload when the next build of the book is in place.\n\
         let since = {build};\n\
         function wait() {{\n\
           fetch('/__reload?since=' + since, {{ cache: 'no-store' }})\n\
             .then(function (r) {{ return r.text(); }})\n\
             .then(function (t) {{ if (t) {{ location.reload(); }} else {{ wait(); }} }})\n\
             .catch(function () {{ setTimeout(wait, 1000); }});\n\
         }}\n\
         wait();\n\
         }})();</script>\n"
    );
    let end = page.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>"));
    let at = end.unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + script.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// What a rebuild depends on: a hash of every file's path, size and modification time, so a
/// save, a new file, a deleted one and a file put back with its old time each change it.
/// Build outputs inside the watched folders are left out: mdbook-quiz rewrites `src/quiz/` on
/// every build, which would rebuild forever.
pub fn fingerprint(root: &Path, watched: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hash = std::collections::hash_map::DefaultHasher::new();
    for name in watched {
        let walk = walkdir::WalkDir::new(root.join(name)).sort_by_file_name();
        let walk = walk.into_iter().filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(e.file_type().is_dir() && (name == "target" || name == "node_modules"))
                && e.path() != root.join("src/quiz")
        });
        // Files only: a folder's own time changes when src/quiz/ is made in it.
        for entry in walk.flatten().filter(|e| !e.file_type().is_dir()) {
            let meta = entry.metadata().ok();
            entry.path().hash(&mut hash);
            meta.as_ref().map(|m| m.len()).hash(&mut hash);
            meta.and_then(|m| m.modified().ok()).hash(&mut hash);
        }
    }
    hash.finish()
}

/// What `cargo xtask serve` watches: the Markdown, the listings and their verified output,
/// the theme, and book.toml.
pub const WATCHED: [&str; 4] = ["src", "listings", "theme", "book.toml"];

/// Polls the sources and calls `rebuild` after each change, or when `also` says so (a tool
/// just installed); `rebuild` says whether the new book is in place (on an error the old one
/// stays, and open pages do not reload).
pub fn watch(
    root: &Path,
    site: &Site,
    every: Duration,
    mut also: impl FnMut() -> bool,
    mut rebuild: impl FnMut() -> bool,
) -> ! {
    let mut seen = fingerprint(root, &WATCHED);
    loop {
        std::thread::sleep(every);
        let now = fingerprint(root, &WATCHED);
        if now != seen || also() {
            seen = now;
            if rebuild() {
                site.rebuilt();
            }
            // A save made during the build is seen on the next round, not lost: only the
            // state from before the build is remembered.
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    fn get(port: u16, path: &str) -> (String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        (head.lines().next().unwrap().to_string(), body.to_string())
    }

    fn book(pages: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in pages {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn pages_get_the_reload_script_other_files_not_and_unknown_paths_the_404_page() {
        let dir = book(&[
            ("index.html", "<html><body><p>home</p></body></html>"),
            ("404.html", "<html><body><p>lost</p></body></html>"),
            ("css/a.css", "p { color: red }"),
            ("quiz/index.html", "<body>quiz</body>"),
        ]);
        let site = Site::new(dir.path().into());
        let build = site.current().1;
        let port = listen(site, 0).unwrap();
        let (status, body) = get(port, "/");
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert!(body.starts_with("<html><body><p>home</p><script>"), "{body}");
        assert!(
            body.contains("'/__reload?since=' + since")
                && body.contains(&format!("let since = {build};"))
        );
        assert!(body.ends_with("</script>\n</body></html>"), "{body}");
        assert_eq!(get(port, "/css/a.css"), ("HTTP/1.1 200 OK".into(), "p { color: red }".into()));
        assert!(get(port, "/quiz/").1.starts_with("<body>quiz<script>"));
        let (status, body) = get(port, "/ch99-nowhere.html");
        assert_eq!(status, "HTTP/1.1 404 Not Found");
        assert!(body.starts_with("<html><body><p>lost</p><script>"), "{body}");
        assert_eq!(get(port, "/../Cargo.toml").0, "HTTP/1.1 404 Not Found");
        assert_eq!(get(port, "/%2e%2e/Cargo.toml").0, "HTTP/1.1 404 Not Found");
    }

    #[test]
    fn an_edit_rebuilds_fires_the_reload_endpoint_and_changes_the_page() {
        // A book whose "build" copies src/page.md into the page, as the real one renders it.
        let root = book(&[("src/page.md", "first"), ("book.toml", "")]);
        let out = root.path().join("book/html");
        let build = {
            let (root, out) = (root.path().to_path_buf(), out.clone());
            move || {
                let text = std::fs::read_to_string(root.join("src/page.md")).unwrap();
                std::fs::create_dir_all(&out).unwrap();
                std::fs::write(out.join("page.html"), format!("<body>{text}</body>")).unwrap();
                // An edit that cannot build keeps the old book.
                !text.contains("broken")
            }
        };
        assert!(build.clone()());
        let site = Site::new(out.clone());
        let port = listen(Arc::clone(&site), 0).unwrap();
        assert!(get(port, "/page.html").1.starts_with("<body>first<script>"));
        {
            let (site, root) = (Arc::clone(&site), root.path().to_path_buf());
            std::thread::spawn(move || {
                watch(&root, &site, Duration::from_millis(20), || false, build)
            });
        }
        let first = site.current().1;
        let waiting = std::thread::spawn(move || get(port, &format!("/__reload?since={first}")));
        std::thread::sleep(Duration::from_millis(100));
        assert!(!waiting.is_finished(), "the reload endpoint answered before any edit");
        std::fs::write(root.path().join("src/page.md"), "second, edited").unwrap();
        let next = (first + 1).to_string();
        assert_eq!(waiting.join().unwrap(), ("HTTP/1.1 200 OK".into(), next.clone()));
        let (_, page) = get(port, "/page.html");
        assert!(page.starts_with("<body>second, edited<script>"), "{page}");
        assert!(page.contains(&format!("let since = {next};")), "{page}");
    }

    #[test]
    fn a_page_waits_for_the_next_build_and_a_page_from_before_a_restart_reloads_at_once() {
        let site = Site::new(PathBuf::new());
        let first = site.current().1;
        assert!(first > 1_700_000_000_000, "numbered from the start time in ms: {first}");
        assert_eq!(site.wait_after(first, Duration::from_millis(10)), None, "no new build yet");
        assert_eq!(site.wait_after(1, Duration::ZERO), Some(first), "a page from before");
        site.rebuilt();
        assert_eq!(site.wait_after(first, Duration::from_millis(10)), Some(first + 1));
    }

    #[test]
    fn the_fingerprint_changes_with_an_edit_a_new_file_and_a_deletion_but_not_with_outputs() {
        let root = book(&[("src/a.md", "a"), ("listings/x/target/debug/out", ""), ("b", "")]);
        let before = fingerprint(root.path(), &WATCHED);
        std::fs::write(root.path().join("listings/x/target/debug/new"), "").unwrap();
        std::fs::create_dir_all(root.path().join("src/quiz")).unwrap();
        std::fs::write(root.path().join("src/quiz/embed.js"), "").unwrap();
        assert_eq!(fingerprint(root.path(), &WATCHED), before, "outputs are not sources");
        std::fs::write(root.path().join("src/b.md"), "").unwrap();
        let added = fingerprint(root.path(), &WATCHED);
        assert_ne!(added, before);
        std::fs::remove_file(root.path().join("src/b.md")).unwrap();
        assert_eq!(fingerprint(root.path(), &WATCHED), before, "deleted again");
        // An older copy put back with its time (`cp -p`): not the newest file, still a change.
        let a = root.path().join("src/a.md");
        let time = std::fs::metadata(&a).unwrap().modified().unwrap();
        let older = time - Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&a).unwrap().set_modified(older).unwrap();
        assert_ne!(fingerprint(root.path(), &WATCHED), before, "an older time");
    }

    #[test]
    fn a_tool_that_arrives_rebuilds_with_no_edit() {
        let root = book(&[("src/page.md", "")]);
        let site = Site::new(PathBuf::new());
        let first = site.current().1;
        let (arrived, builds) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
        {
            let (site, root) = (Arc::clone(&site), root.path().to_path_buf());
            let (arrived, builds) = (Arc::clone(&arrived), Arc::clone(&builds));
            std::thread::spawn(move || {
                let also = move || arrived.swap(false, Ordering::SeqCst);
                watch(&root, &site, Duration::from_millis(10), also, move || {
                    builds.fetch_add(1, Ordering::SeqCst);
                    true
                })
            });
        }
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(builds.load(Ordering::SeqCst), 0, "nothing changed yet");
        arrived.store(true, Ordering::SeqCst);
        assert_eq!(site.wait_after(first, Duration::from_secs(5)), Some(first + 1));
        assert_eq!(builds.load(Ordering::SeqCst), 1);
    }
}
