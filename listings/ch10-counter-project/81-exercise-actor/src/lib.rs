//! The counter as an actor: one thread owns the count, and every other
//! thread sends it messages through a handle. No lock anywhere.

// Delete this line when you start: it hides the warnings about unused names.
#![allow(unused)]

use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

/// What the handle asks the actor's thread to do.
enum Message {
    Increment,
    /// Subtract one, but never go below zero.
    Decrement,
    /// Send the current count back on this channel.
    Get(Sender<usize>),
}

/// The handle to an actor. Threads may share it: every method takes `&self`.
/// Dropping it stops the actor: its thread handles the messages sent so far,
/// calls `on_stop` with the final count and ends, all before `drop` returns.
pub struct CounterActor {
    // `Option`s, so that `drop` can take them out of `&mut self`.
    sender: Option<Sender<Message>>,
    thread: Option<JoinHandle<()>>,
}

impl CounterActor {
    /// Starts the actor's thread, with the count at zero.
    pub fn spawn(on_stop: impl FnOnce(usize) + Send + 'static) -> CounterActor {
        todo!()
    }

    pub fn increment(&self) {
        todo!()
    }

    pub fn decrement(&self) {
        todo!()
    }

    /// The count, once the actor has handled every message sent before.
    pub fn get(&self) -> usize {
        todo!()
    }
}

impl Drop for CounterActor {
    fn drop(&mut self) {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_up_and_down_but_not_below_zero() {
        let actor = CounterActor::spawn(|_| {});
        actor.increment();
        actor.increment();
        actor.increment();
        actor.decrement();
        assert_eq!(actor.get(), 2);
        for _ in 0..5 {
            actor.decrement();
        }
        assert_eq!(actor.get(), 0);
    }

    #[test]
    fn get_answers_after_every_message_sent_before_it() {
        let actor = CounterActor::spawn(|_| {});
        for _ in 0..1000 {
            actor.increment();
        }
        assert_eq!(actor.get(), 1000);
    }

    #[test]
    fn threads_share_one_handle() {
        let actor = CounterActor::spawn(|_| {});
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..250 {
                        actor.increment();
                        assert!(actor.get() <= 1000);
                    }
                });
            }
        });
        assert_eq!(actor.get(), 1000);
    }

    #[test]
    fn drop_waits_until_the_actor_has_stopped() {
        let (tx, rx) = mpsc::channel();
        let actor = CounterActor::spawn(move |count| {
            tx.send((count, thread::current().id())).unwrap();
        });
        for _ in 0..500 {
            actor.increment();
        }
        drop(actor);
        let (count, stopped_on) =
            rx.try_recv().expect("drop returned before on_stop ran");
        assert_eq!(count, 500);
        assert_ne!(
            stopped_on,
            thread::current().id(),
            "not the actor's thread"
        );
    }
}
