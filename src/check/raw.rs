//! A story's knowledge check as authored (`assets/stories/<id>/check.toml`),
//! checked whole, and written out as Rust for the game to compile in. The
//! build script includes this file to check every story's items before the
//! game is built; the native tests include it to check that a broken file
//! is named, not built.
//!
//! Self-contained (it names nothing else in the crate), so that the build
//! script can include it alone.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// How many statements each form has, half of them true: enough for a
/// pupil to show what they know, short enough for two minutes.
pub const PER_FORM: usize = 6;

/// The file's shape.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheck {
    /// The statements, true and false, on either form.
    #[serde(rename = "statement")]
    pub statements: Vec<RawStatement>,
    /// What the pupil would do, and where help is, on either form.
    #[serde(rename = "question")]
    pub questions: Vec<RawQuestion>,
}

/// A statement the pupil judges true, false or not sure.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatement {
    /// Its id: `check.<id>.text` and `check.<id>.why` in the story's words.
    pub id: String,
    /// The form it is on: "a" (before playing, and a week later) or "b"
    /// (after).
    pub form: String,
    /// Whether it is true.
    pub truth: bool,
}

/// A question with options, each worth something against the advice.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Its id: `check.<id>.question`, `check.<id>.<option>` and
    /// `check.<id>.why` in the story's words.
    pub id: String,
    /// The form it is on.
    pub form: String,
    /// "do" (what would you do) or "help" (where help is).
    pub kind: String,
    /// Its options, in the order shown.
    pub options: Vec<RawOption>,
}

/// One option of a question.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    /// Its id, part of its key.
    pub id: String,
    /// "best", "good" or "not", by the advice the game gives.
    pub worth: String,
}

/// The forms, as the file names them.
const FORMS: [&str; 2] = ["a", "b"];
/// The kinds of question, as the file names them; each form has one of each.
const KINDS: [&str; 2] = ["do", "help"];
/// What an option can be worth.
const WORTHS: [&str; 3] = ["best", "good", "not"];

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl RawCheck {
    /// Every fault that would make the check unfair or unreadable: ids, the
    /// forms' balance (as many statements on each, half of them true), one
    /// question of each kind per form, and options with exactly one best.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut ids = BTreeSet::new();
        let all_ids = self.statements.iter().map(|s| &s.id).chain(self.questions.iter().map(|q| &q.id));
        for id in all_ids {
            if !is_id(id) {
                out.push(format!("\"{id}\": an id is lower-case letters, digits and -"));
            }
            if !ids.insert(id.as_str()) {
                out.push(format!("\"{id}\" is used twice"));
            }
        }
        for s in &self.statements {
            if !FORMS.contains(&s.form.as_str()) {
                out.push(format!("{}: form \"{}\" is neither \"a\" nor \"b\"", s.id, s.form));
            }
        }
        for form in FORMS {
            let on: Vec<&RawStatement> = self.statements.iter().filter(|s| s.form == form).collect();
            let trues = on.iter().filter(|s| s.truth).count();
            if on.len() != PER_FORM || trues * 2 != on.len() {
                out.push(format!(
                    "form {form} has {} statements, {trues} of them true: it needs {PER_FORM}, half of them true",
                    on.len()
                ));
            }
            for kind in KINDS {
                let n = self.questions.iter().filter(|q| q.form == form && q.kind == kind).count();
                if n != 1 {
                    out.push(format!("form {form} has {n} \"{kind}\" questions: it needs one"));
                }
            }
        }
        for q in &self.questions {
            if !FORMS.contains(&q.form.as_str()) || !KINDS.contains(&q.kind.as_str()) {
                out.push(format!("{}: form \"{}\", kind \"{}\" are not known", q.id, q.form, q.kind));
            }
            let best = q.options.iter().filter(|o| o.worth == "best").count();
            if q.options.len() < 2 || best != 1 {
                out.push(format!("{}: it needs two options or more, exactly one of them \"best\"", q.id));
            }
            let mut seen = BTreeSet::new();
            for o in &q.options {
                if !is_id(&o.id) || ["question", "why"].contains(&o.id.as_str()) || !seen.insert(&o.id) {
                    out.push(format!("{}: the option id \"{}\" is not usable or is used twice", q.id, o.id));
                }
                if !WORTHS.contains(&o.worth.as_str()) {
                    out.push(format!("{}.{}: worth \"{}\" is not best, good or not", q.id, o.id, o.worth));
                }
            }
        }
        out
    }

    /// Every key of the story's words the check needs.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for s in &self.statements {
            keys.extend(["text", "why"].map(|part| format!("check.{}.{part}", s.id)));
        }
        for q in &self.questions {
            keys.push(format!("check.{}.question", q.id));
            keys.extend(q.options.iter().map(|o| format!("check.{}.{}", q.id, o.id)));
            keys.push(format!("check.{}.why", q.id));
        }
        keys
    }

    /// The check as a Rust expression of `crate::check::Bank` for story
    /// `story` (the build script writes the catalogue's banks, in order).
    pub fn code(&self, story: &str) -> String {
        let form = |f: &str| if f == "a" { "Form::A" } else { "Form::B" };
        let mut code = format!("Bank {{ story: {story:?}, statements: &[");
        for s in &self.statements {
            write!(code, "Statement {{ id: {:?}, form: {}, truth: {} }},", s.id, form(&s.form), s.truth)
                .unwrap();
        }
        code.push_str("], questions: &[");
        for q in &self.questions {
            let kind = if q.kind == "do" { "Kind::Do" } else { "Kind::Help" };
            write!(code, "Question {{ id: {:?}, form: {}, kind: {kind}, options: &[", q.id, form(&q.form))
                .unwrap();
            for o in &q.options {
                let worth = match o.worth.as_str() {
                    "best" => "Worth::Best",
                    "good" => "Worth::Good",
                    _ => "Worth::Not",
                };
                write!(code, "({:?}, {worth}),", o.id).unwrap();
            }
            code.push_str("] },");
        }
        code.push_str("] }");
        code
    }
}
