//! Sessions handed out as raw pointers, the way a C library receives them.
//! Every test passes except for one thing: some values are never freed.
//! There are three leaks. Find them and fix them.

use std::cell::Cell;
use std::ptr;

thread_local! {
    /// How many sessions and labels exist on this thread. Each test runs on
    /// a thread of its own, so each test sees only its own.
    static ALIVE: Cell<usize> = const { Cell::new(0) };
}

/// How many sessions and labels this thread has created and not dropped.
pub fn alive() -> usize {
    ALIVE.get()
}

/// A session's name, counted while it is alive.
pub struct Label(String);

impl Label {
    fn new(text: &str) -> Label {
        ALIVE.set(ALIVE.get() + 1);
        Label(text.to_string())
    }
}

impl Drop for Label {
    fn drop(&mut self) {
        ALIVE.set(ALIVE.get() - 1);
    }
}

pub struct Session {
    name: Label,
    visits: u32,
}

impl Drop for Session {
    fn drop(&mut self) {
        ALIVE.set(ALIVE.get() - 1);
    }
}

/// Opens a session called `name`, or returns a null pointer if `name` is
/// empty. Close it with `session_close`.
pub fn session_open(name: &str) -> *mut Session {
    // Check first: a box given up with `into_raw` and then dropped on the
    // floor is lost for good.
    if name.is_empty() {
        return ptr::null_mut();
    }
    ALIVE.set(ALIVE.get() + 1);
    let session = Box::new(Session { name: Label::new(name), visits: 0 });
    Box::into_raw(session)
}

/// Counts one more visit and returns the count.
///
/// # Safety
///
/// `session` comes from `session_open` and is not closed yet.
pub unsafe fn session_visit(session: *mut Session) -> u32 {
    let session = unsafe { &mut *session };
    session.visits += 1;
    session.visits
}

/// The session's name.
///
/// # Safety
///
/// `session` comes from `session_open` and is not closed yet.
pub unsafe fn session_name(session: *mut Session) -> String {
    unsafe { (*session).name.0.clone() }
}

/// Gives the session a new name.
///
/// # Safety
///
/// `session` comes from `session_open` and is not closed yet.
pub unsafe fn session_rename(session: *mut Session, name: &str) {
    let session = unsafe { &mut *session };
    // The assignment drops the old label: nobody else owns it.
    session.name = Label::new(name);
}

/// Closes the session. It must not be used afterwards.
///
/// # Safety
///
/// `session` comes from `session_open` and is not closed yet.
pub unsafe fn session_close(session: *mut Session) {
    // Ownership goes back to a `Box`, whose drop frees the session.
    drop(unsafe { Box::from_raw(session) });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_session_is_freed() {
        let session = session_open("ada");
        assert_eq!(alive(), 2, "a session and its label");
        unsafe {
            assert_eq!(session_visit(session), 1);
            assert_eq!(session_visit(session), 2);
            assert_eq!(session_name(session), "ada");
            session_close(session);
        }
        assert_eq!(alive(), 0, "leaked: the session outlived session_close");
    }

    #[test]
    fn an_empty_name_opens_nothing() {
        assert!(session_open("").is_null());
        assert_eq!(alive(), 0, "leaked: a session no pointer leads to");
    }

    #[test]
    fn renaming_frees_the_old_name() {
        let session = session_open("ada");
        unsafe {
            session_rename(session, "bo");
            session_rename(session, "cy");
            assert_eq!(session_name(session), "cy");
        }
        assert_eq!(alive(), 2, "leaked: an old label is still alive");
        unsafe { session_close(session) };
    }

    #[test]
    fn many_sessions_come_and_go() {
        let sessions: Vec<_> =
            ["ada", "bo", "cy"].into_iter().map(session_open).collect();
        assert_eq!(alive(), 6);
        for session in sessions {
            unsafe { session_close(session) };
        }
        assert_eq!(alive(), 0, "leaked: sessions outlived session_close");
    }
}
