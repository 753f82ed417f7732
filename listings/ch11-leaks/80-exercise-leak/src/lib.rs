//! A team and its members, linked both ways. Every test passes except for
//! one thing: nothing is ever freed. Find the cycle and break it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    /// How many teams and members exist on this thread. Each test runs on a
    /// thread of its own, so each test sees only its own.
    static ALIVE: Cell<usize> = const { Cell::new(0) };
}

/// How many teams and members this thread has created and not yet dropped.
pub fn alive() -> usize {
    ALIVE.get()
}

pub struct Team {
    name: String,
    members: RefCell<Vec<Rc<Member>>>,
}

pub struct Member {
    name: String,
    team: RefCell<Option<Rc<Team>>>,
}

impl Team {
    pub fn new(name: &str) -> Rc<Team> {
        ALIVE.set(ALIVE.get() + 1);
        Rc::new(Team { name: name.to_string(), members: RefCell::default() })
    }

    /// Adds `member` to this team, and tells the member which team it is in.
    pub fn add(self: &Rc<Self>, member: &Rc<Member>) {
        self.members.borrow_mut().push(Rc::clone(member));
        *member.team.borrow_mut() = Some(Rc::clone(self));
    }

    pub fn member_names(&self) -> Vec<String> {
        self.members.borrow().iter().map(|m| m.name.clone()).collect()
    }
}

impl Member {
    pub fn new(name: &str) -> Rc<Member> {
        ALIVE.set(ALIVE.get() + 1);
        Rc::new(Member { name: name.to_string(), team: RefCell::default() })
    }

    /// The name of the member's team, if it is in one that still exists.
    pub fn team_name(&self) -> Option<String> {
        self.team.borrow().as_ref().map(|team| team.name.clone())
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        ALIVE.set(ALIVE.get() - 1);
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        ALIVE.set(ALIVE.get() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_and_its_members_are_freed() {
        {
            let team = Team::new("core");
            let ada = Member::new("ada");
            let bo = Member::new("bo");
            team.add(&ada);
            team.add(&bo);
            assert_eq!(alive(), 3);
            assert_eq!(ada.team_name().as_deref(), Some("core"));
        }
        assert_eq!(alive(), 0, "leaked: not every team and member was dropped");
    }

    #[test]
    fn the_team_keeps_its_members_alive() {
        let team = Team::new("core");
        for name in ["ada", "bo", "cy"] {
            team.add(&Member::new(name)); // the team is their only owner
        }
        assert_eq!(team.member_names(), ["ada", "bo", "cy"]);
        assert_eq!(alive(), 4);
        drop(team);
        assert_eq!(
            alive(),
            0,
            "leaked: the team or its members outlived the last owner"
        );
    }

    #[test]
    fn a_member_does_not_keep_its_team_alive() {
        let team = Team::new("core");
        let ada = Member::new("ada");
        team.add(&ada);
        drop(team);
        assert_eq!(alive(), 1, "leaked: the team outlived its last owner");
        assert_eq!(ada.team_name(), None);
        drop(ada);
        assert_eq!(alive(), 0);
    }

    #[test]
    fn a_member_without_a_team() {
        let ada = Member::new("ada");
        assert_eq!(ada.team_name(), None);
        drop(ada);
        assert_eq!(alive(), 0);
    }
}
