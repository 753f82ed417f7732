//! Exercise 7.3: break a reference cycle with `Weak`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

thread_local! {
    static DROPS: Cell<usize> = const { Cell::new(0) };
}

/// How many teams and members this thread has dropped so far.
pub fn drops() -> usize {
    DROPS.with(Cell::get)
}

pub struct Team {
    pub name: String,
    members: RefCell<Vec<Rc<Member>>>,
}

pub struct Member {
    pub name: String,
    team: RefCell<Weak<Team>>, // the way back: refers, does not own
}

impl Team {
    pub fn new(name: &str) -> Rc<Team> {
        Rc::new(Team { name: name.to_string(), members: RefCell::default() })
    }

    /// The names of the members, in the order they joined.
    pub fn member_names(&self) -> Vec<String> {
        self.members.borrow().iter().map(|m| m.name.clone()).collect()
    }
}

impl Member {
    pub fn new(name: &str) -> Rc<Member> {
        Rc::new(Member { name: name.to_string(), team: RefCell::default() })
    }

    /// Adds `member` to `team`'s members and records the team in `member`.
    pub fn join(member: &Rc<Member>, team: &Rc<Team>) {
        *member.team.borrow_mut() = Rc::downgrade(team);
        team.members.borrow_mut().push(Rc::clone(member));
    }

    /// The name of the member's team, if it has one that still exists.
    pub fn team_name(&self) -> Option<String> {
        self.team.borrow().upgrade().map(|team| team.name.clone())
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_keeps_its_members_alive() {
        let team = Team::new("crew");
        Member::join(&Member::new("ann"), &team); // `team` is the only owner
        Member::join(&Member::new("bob"), &team);
        assert_eq!(team.member_names(), ["ann", "bob"]);
    }

    #[test]
    fn a_member_knows_its_team() {
        let team = Team::new("crew");
        let ann = Member::new("ann");
        assert_eq!(ann.team_name(), None);
        Member::join(&ann, &team);
        assert_eq!(ann.team_name().as_deref(), Some("crew"));
    }

    #[test]
    fn dropping_the_last_handles_drops_everyone() {
        let before = drops();
        {
            let team = Team::new("crew");
            let ann = Member::new("ann");
            let bob = Member::new("bob");
            Member::join(&ann, &team);
            Member::join(&bob, &team);
        }
        assert_eq!(
            drops() - before,
            3,
            "leaked: the team and its two members must all be dropped"
        );
    }

    #[test]
    fn a_member_outlives_its_team() {
        let before = drops();
        let team = Team::new("crew");
        let ann = Member::new("ann");
        Member::join(&ann, &team);
        drop(team);
        assert_eq!(
            ann.team_name(),
            None,
            "leaked: the team outlived its last owner"
        );
        assert_eq!(drops() - before, 1, "the team is gone, `ann` is not");
        drop(ann);
        assert_eq!(drops() - before, 2);
    }
}
