//! Validates mdbook-quiz files: they parse, every answer is possible, and every "what does this
//! program do" question is about a tested listing and agrees with what the harness verified.

use std::path::Path;

use mdbook_quiz_schema::{MultipleChoice, MultipleChoiceAnswerFormat, Question, Quiz, Tracing};

use book_listings::{Kind, Layout};

use crate::Listing;
use crate::failure::Failure;

/// Checks one quiz file; the minimum numbers of questions are the book's policy (its layout).
pub fn check(path: &Path, listings: &[Listing], layout: &Layout) -> Result<(), Failure> {
    let quiz_error =
        |problem: String| Failure::Quiz { path: path.to_path_buf(), problems: vec![problem] };
    let text =
        std::fs::read_to_string(path).map_err(|e| quiz_error(format!("cannot read it: {e}")))?;
    let quiz: Quiz = toml::from_str(&text).map_err(|e| quiz_error(e.to_string()))?;
    let (min_questions, min_tracing) = (layout.min_quiz_questions, layout.min_tracing_questions);
    let mut problems = Vec::new();
    let mut tracing = 0;
    for (index, question) in quiz.questions.iter().enumerate() {
        let number = index + 1;
        let problem = match question {
            Question::MultipleChoice(q) => multiple_choice(q),
            Question::ShortAnswer(q) if q.0.answer.answer.trim().is_empty() => {
                Some("the answer is empty".into())
            }
            Question::ShortAnswer(_) => None,
            Question::Tracing(q) => {
                tracing += 1;
                tracing_question(q, listings)
            }
        };
        if let Some(problem) = problem {
            problems.push(format!("question {number}: {problem}"));
        }
    }
    if quiz.questions.len() < min_questions {
        problems.push(format!(
            "has {} questions; a chapter quiz has at least {min_questions}",
            quiz.questions.len()
        ));
    }
    if tracing < min_tracing {
        problems.push(format!(
            "has {tracing} Tracing questions; a chapter quiz has at least {min_tracing} about tested listings"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Quiz { path: path.to_path_buf(), problems })
    }
}

fn multiple_choice(MultipleChoice(q): &MultipleChoice) -> Option<String> {
    let answers: Vec<&str> = match &q.answer.answer {
        MultipleChoiceAnswerFormat::Single(a) => vec![a.0.as_str()],
        MultipleChoiceAnswerFormat::Multi(a) => a.iter().map(|m| m.0.as_str()).collect(),
    };
    let distractors: Vec<&str> = q.prompt.distractors.iter().map(|m| m.0.as_str()).collect();
    if q.prompt.prompt.0.trim().is_empty() {
        return Some("the prompt is empty".into());
    }
    if answers.is_empty() || answers.iter().any(|a| a.trim().is_empty()) {
        return Some("it has no (or an empty) right answer".into());
    }
    if distractors.is_empty() {
        return Some("it has no wrong options (distractors)".into());
    }
    if let Some(both) = answers.iter().find(|a| distractors.contains(a)) {
        return Some(format!("{both:?} is both a right answer and a distractor"));
    }
    None
}

/// The programs of a quiz's Tracing questions (empty if the file does not parse: its own
/// check reports that).
pub fn programs(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let Ok(quiz) = toml::from_str::<Quiz>(&text) else { return Vec::new() };
    quiz.questions
        .into_iter()
        .filter_map(|q| match q {
            Question::Tracing(q) => Some(q.0.prompt.program.trim().to_string()),
            _ => None,
        })
        .collect()
}

fn tracing_question(Tracing(q): &Tracing, listings: &[Listing]) -> Option<String> {
    let (program, answer) = (q.prompt.program.trim(), &q.answer);
    let listing = listings.iter().find(|l| {
        std::fs::read_to_string(l.dir.join("src/main.rs"))
            .is_ok_and(|source| source.trim() == program)
    });
    let Some(listing) = listing else {
        return Some(
            "its program is not the src/main.rs of any listing, so nothing tests its answer".into(),
        );
    };
    let Ok(spec) = &listing.spec else {
        return Some(format!("its listing {} has a broken declaration", listing.name));
    };
    let compiles = !matches!(spec.kind, Kind::CompileFail { .. });
    if answer.does_compile != compiles {
        return Some(format!(
            "says doesCompile = {}, but listing {} is a {} listing",
            answer.does_compile,
            listing.name,
            spec.kind.name()
        ));
    }
    if spec.kind == Kind::Run {
        let verified = std::fs::read_to_string(listing.output_snapshot()).unwrap_or_default();
        let claimed = answer.stdout.as_deref().unwrap_or("");
        if claimed.trim_end() != verified.trim_end() {
            return Some(format!(
                "its stdout answer {claimed:?} is not the verified output of {}: {verified:?}",
                listing.name
            ));
        }
    }
    None
}
