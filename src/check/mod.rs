//! The knowledge check: for each story, a bank of statements (half true,
//! half false) that a pupil judges true, false or not sure, on two
//! parallel forms; a question on what they would do and one on where help
//! is, each scored against the game's advice; and how sure they feel.
//! Taken before playing (form a), after (form b) and a week or more later
//! (form a again), and kept on the device alone, so that a pupil sees the
//! three side by side.
//!
//! The score counts what is known, not what is doubted: each statement
//! sorted right adds one and each sorted wrong takes one away, while "not
//! sure" costs nothing. A pupil who calls everything false (or everything
//! true) scores nothing, however suspicious play has made them.
//!
//! The banks are compiled in by the build script from
//! `assets/stories/<id>/check.toml` (checked whole by [`raw`]); their
//! words are in each story's pack, under `check.<id>.…`.
//!
//! Pure: no browser; the shell keeps the [`Record`] in storage.

#[cfg(not(target_arch = "wasm32"))]
pub mod raw;

/// Where the record of every go is kept (`crate::keys`).
pub use crate::keys::CHECK_KEY;

/// How many days after the go after playing the check offers itself again.
pub const WEEK: u32 = 7;

/// One of the two parallel forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Before playing, and a week later.
    A,
    /// Straight after playing.
    B,
}

/// A statement to judge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Its id, part of its keys.
    pub id: &'static str,
    /// The form it is on.
    pub form: Form,
    /// Whether it is true.
    pub truth: bool,
}

impl Statement {
    /// The key of its text, or of its one-line why (`part` "text" or "why").
    pub fn key(&self, part: &str) -> String {
        format!("check.{}.{part}", self.id)
    }
}

/// What a question asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// What the pupil would do, in a moment from the story.
    Do,
    /// Where help is.
    Help,
}

/// What an option is worth by the game's advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Worth {
    /// What the advice says to do.
    Best,
    /// Good, though not the best (deleting a picture you never asked for).
    Good,
    /// Not safe, or not help.
    Not,
}

impl Worth {
    /// The worth's name in keys and in storage.
    pub fn name(self) -> &'static str {
        match self {
            Worth::Best => "best",
            Worth::Good => "good",
            Worth::Not => "not",
        }
    }

    /// The key naming a go's answer of `kind` worth `worth` (none: not
    /// answered) in the summary.
    pub fn summary_key(kind: Kind, worth: Option<Worth>) -> String {
        let kind = if kind == Kind::Do { "act" } else { "help" };
        format!("quiz.{kind}.{}", worth.map_or("none", Worth::name))
    }

    fn from_name(name: &str) -> Option<Worth> {
        [Worth::Best, Worth::Good, Worth::Not].into_iter().find(|w| w.name() == name)
    }
}

/// A question with options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Its id, part of its keys.
    pub id: &'static str,
    /// The form it is on.
    pub form: Form,
    /// What it asks.
    pub kind: Kind,
    /// Its options in the order shown: each one's id and worth.
    pub options: &'static [(&'static str, Worth)],
}

impl Question {
    /// The key of `part`: "question", "why", or an option's id.
    pub fn key(&self, part: &str) -> String {
        format!("check.{}.{part}", self.id)
    }
}

/// The key of how sure a pupil felt, `n` from 1 to [`SURE_MOST`].
pub fn sure_key(n: u8) -> String {
    format!("quiz.sure.{n}")
}

/// Every key of the check's words that the shell makes from data, not
/// written out in its source.
pub fn made_keys() -> Vec<String> {
    let mut keys: Vec<String> = When::ALL.map(When::key).into();
    keys.extend(Judgement::ALL.map(|j| j.key().to_string()));
    keys.extend([Lean::Doubting, Lean::Trusting].map(|l| l.key().to_string()));
    for kind in [Kind::Do, Kind::Help] {
        let worths = [Some(Worth::Best), Some(Worth::Good), Some(Worth::Not), None];
        keys.extend(worths.map(|w| Worth::summary_key(kind, w)));
    }
    keys.extend((1..=SURE_MOST).map(sure_key));
    keys
}

/// One story's items.
#[derive(Debug, PartialEq, Eq)]
pub struct Bank {
    /// The story's id.
    pub story: &'static str,
    /// Every statement, on both forms.
    pub statements: &'static [Statement],
    /// Every question, on both forms.
    pub questions: &'static [Question],
}

impl Bank {
    /// The statements of `form`, in order.
    pub fn form(&self, form: Form) -> Vec<&'static Statement> {
        self.statements.iter().filter(|s| s.form == form).collect()
    }

    /// Every key of the story's words its items need.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> =
            self.statements.iter().flat_map(|s| [s.key("text"), s.key("why")]).collect();
        for q in self.questions {
            keys.push(q.key("question"));
            keys.extend(q.options.iter().map(|(o, _)| q.key(o)));
            keys.push(q.key("why"));
        }
        keys
    }

    /// The question of `kind` on `form` (the build sees there is one).
    pub fn question(&self, form: Form, kind: Kind) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.form == form && q.kind == kind)
    }
}

/// Every story's bank, in the catalogue's order.
pub static BANKS: &[Bank] = include!(concat!(env!("OUT_DIR"), "/checks.rs"));

/// Story `story`'s bank.
pub fn bank(story: &str) -> Option<&'static Bank> {
    BANKS.iter().find(|b| b.story == story)
}

/// When a go is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// Before playing the story.
    Before,
    /// Just after.
    After,
    /// A week or more after the go after.
    Later,
}

impl When {
    /// The three, in the order the summary shows them.
    pub const ALL: [When; 3] = [When::Before, When::After, When::Later];

    /// The form this go is on: a fresh one just after playing, and the
    /// first again a week later, when what is remembered is what counts.
    pub fn form(self) -> Form {
        match self {
            When::After => Form::B,
            When::Before | When::Later => Form::A,
        }
    }

    /// The key of its name on screen.
    pub fn key(self) -> String {
        format!("quiz.when.{}", self.name())
    }

    /// Its name in keys and in storage.
    pub fn name(self) -> &'static str {
        match self {
            When::Before => "before",
            When::After => "after",
            When::Later => "later",
        }
    }

    fn from_name(name: &str) -> Option<When> {
        When::ALL.into_iter().find(|w| w.name() == name)
    }
}

/// What a pupil said of a statement (none yet counts as not sure).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// "True".
    True,
    /// "False".
    False,
    /// "Not sure": no point, and none taken away.
    NotSure,
}

impl Judgement {
    /// The three, in the order shown.
    pub const ALL: [Judgement; 3] = [Judgement::True, Judgement::False, Judgement::NotSure];

    /// The key of its name on screen.
    pub fn key(self) -> &'static str {
        match self {
            Judgement::True => "quiz.judge.true",
            Judgement::False => "quiz.judge.false",
            Judgement::NotSure => "quiz.judge.not_sure",
        }
    }
}

/// What a go's statements showed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many statements were true.
    pub trues: u8,
    /// How many of those the pupil called true.
    pub trues_spotted: u8,
    /// How many of those the pupil called false.
    pub trues_missed: u8,
    /// How many statements were false.
    pub falses: u8,
    /// How many of those the pupil called false.
    pub falses_spotted: u8,
    /// How many of those the pupil called true.
    pub falses_believed: u8,
}

/// Which way a pupil's answers lean, when they lean far enough to say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Most true statements called false: doubting everything.
    Doubting,
    /// Most false statements called true: believing everything.
    Trusting,
}

impl Lean {
    /// The key of what the check says of it.
    pub fn key(self) -> &'static str {
        match self {
            Lean::Doubting => "quiz.lean.doubting",
            Lean::Trusting => "quiz.lean.trusting",
        }
    }
}

impl Tally {
    /// The go's score: each statement sorted right adds one, each sorted
    /// wrong takes one away, and it is never below nothing.
    pub fn score(&self) -> u8 {
        (self.trues_spotted + self.falses_spotted).saturating_sub(self.trues_missed + self.falses_believed)
    }

    /// The most the score can be.
    pub fn most(&self) -> u8 {
        self.trues + self.falses
    }

    /// Whether more than half the true statements were called false, or
    /// more than half the false ones true.
    pub fn lean(&self) -> Option<Lean> {
        if 2 * self.trues_missed > self.trues {
            Some(Lean::Doubting)
        } else if 2 * self.falses_believed > self.falses {
            Some(Lean::Trusting)
        } else {
            None
        }
    }

    /// Whether a go after this one (`later`) shows more known: a higher
    /// score. Sorting more statements one way without sorting more right
    /// is not learning.
    pub fn improved_by(&self, later: &Tally) -> bool {
        later.score() > self.score()
    }
}

/// Sorts `answers` (one per statement, in order; missing ones are not
/// sure) against `statements`.
pub fn tally(statements: &[&Statement], answers: &[Option<Judgement>]) -> Tally {
    let mut t = Tally::default();
    for (i, s) in statements.iter().enumerate() {
        let said = answers.get(i).copied().flatten().unwrap_or(Judgement::NotSure);
        if s.truth {
            t.trues += 1;
        } else {
            t.falses += 1;
        }
        match (s.truth, said) {
            (_, Judgement::NotSure) => {}
            (true, Judgement::True) => t.trues_spotted += 1,
            (true, Judgement::False) => t.trues_missed += 1,
            (false, Judgement::False) => t.falses_spotted += 1,
            (false, Judgement::True) => t.falses_believed += 1,
        }
    }
    t
}

/// What a pupil has answered so far, before checking: a judgement per
/// statement (in order; missing ones are not sure), the option picked of
/// each question, and how sure they feel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Per statement of the form, in order.
    pub statements: Vec<Option<Judgement>>,
    /// The option picked of the "do" question.
    pub act: Option<usize>,
    /// The option picked of the "help" question.
    pub help: Option<usize>,
    /// How sure, 1 to [`SURE_MOST`].
    pub sure: Option<u8>,
}

impl Answers {
    /// The option picked of `q`, if any.
    pub fn picked(&self, q: &Question) -> Option<usize> {
        if q.kind == Kind::Do {
            self.act
        } else {
            self.help
        }
    }

    /// What the option picked of `q` is worth, if one is picked.
    pub fn worth_of(&self, q: &Question) -> Option<Worth> {
        self.picked(q).and_then(|o| q.options.get(o)).map(|(_, w)| *w)
    }

    /// What the option picked of `form`'s question of `kind` is worth.
    pub fn worth(&self, bank: &Bank, form: Form, kind: Kind) -> Option<Worth> {
        self.worth_of(bank.question(form, kind)?)
    }

    /// The answers to story `story`'s go taken `when`, as kept while their
    /// window is open: `<story> <when> <t, f, n or - per statement> <act>
    /// <help> <sure>`, `-` for none.
    pub fn encode(&self, story: &str, when: When) -> String {
        let judged: String = self
            .statements
            .iter()
            .map(|j| match j {
                Some(Judgement::True) => 't',
                Some(Judgement::False) => 'f',
                Some(Judgement::NotSure) => 'n',
                None => '-',
            })
            .collect();
        let n = |x: Option<usize>| x.map_or_else(|| "-".to_string(), |x| x.to_string());
        format!(
            "{story} {} {judged}- {} {} {}",
            when.name(),
            n(self.act),
            n(self.help),
            n(self.sure.map(usize::from))
        )
    }

    /// Answers kept by [`Answers::encode`] for story `story`, and the go
    /// they were for; none if they are another story's or cannot be read.
    pub fn decode(text: &str, story: &str) -> Option<(When, Answers)> {
        let parts: Vec<&str> = text.split(' ').collect();
        let [s, when, judged, act, help, sure] = parts[..] else { return None };
        let n = |t: &str, most: usize| -> Option<Option<usize>> {
            if t == "-" {
                Some(None)
            } else {
                t.parse().ok().filter(|&x| x < most).map(Some)
            }
        };
        let statements = judged.strip_suffix('-')?.chars().map(|c| match c {
            't' => Some(Some(Judgement::True)),
            'f' => Some(Some(Judgement::False)),
            'n' => Some(Some(Judgement::NotSure)),
            '-' => Some(None),
            _ => None,
        });
        let answers = Answers {
            statements: statements.collect::<Option<Vec<_>>>().filter(|s| s.len() <= DRAFT_MOST)?,
            act: n(act, DRAFT_MOST)?,
            help: n(help, DRAFT_MOST)?,
            sure: n(sure, usize::from(SURE_MOST) + 1)?.map(|x| x as u8).filter(|&x| x > 0),
        };
        (s == story).then_some((When::from_name(when)?, answers))
    }
}

/// More than a form has statements, or a question options: what a kept
/// draft may hold.
const DRAFT_MOST: usize = 16;

/// The most a pupil can say they are sure: 1 (not sure at all) to 4 (very
/// sure), as `quiz.sure.<n>` words it.
pub const SURE_MOST: u8 = 4;

/// One go at the check, as it is kept: the scores, never the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Go {
    /// When it was taken.
    pub when: When,
    /// The day it was taken on, counted from 1 January 1970.
    pub day: u32,
    /// Its statements.
    pub tally: Tally,
    /// What the pupil would do, by the advice (none: not answered).
    pub act: Option<Worth>,
    /// Where help is: right (best) or not (none: not answered).
    pub help: Option<Worth>,
    /// How sure they felt they would know what to do (1 to
    /// [`SURE_MOST`]; none: not answered).
    pub sure: Option<u8>,
}

/// Every go on this device, for every story: what the summary shows side
/// by side, and what tells the check when to offer itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    goes: Vec<(String, Go)>,
}

/// The first line of a kept record: its format.
const HEADER: &str = "once-sent check 1";

impl Record {
    /// Story `story`'s go taken `when`, if there is one.
    pub fn go(&self, story: &str, when: When) -> Option<&Go> {
        self.goes.iter().find(|(s, g)| s == story && g.when == when).map(|(_, g)| g)
    }

    /// Keeps `go` for `story`, in place of one taken at the same point.
    pub fn put(&mut self, story: &str, go: Go) {
        self.goes.retain(|(s, g)| !(s == story && g.when == go.when));
        self.goes.push((story.to_string(), go));
    }

    /// Whether the go a week later is open on day `today`: a week or more
    /// after the go after playing.
    pub fn later_open(&self, story: &str, today: u32) -> bool {
        self.go(story, When::After).is_some_and(|g| today >= g.day.saturating_add(WEEK))
    }

    /// The go the check is for on day `today`, unless the pupil says
    /// otherwise: a week later once that is open and not yet taken; after
    /// playing once the go before is taken; otherwise before.
    pub fn next(&self, story: &str, today: u32) -> When {
        let has = |w| self.go(story, w).is_some();
        if self.later_open(story, today) && !has(When::Later) {
            When::Later
        } else if has(When::Before) || has(When::After) {
            When::After
        } else {
            When::Before
        }
    }

    /// Whether the title should offer the check on day `today`: before
    /// playing, for a story not begun (`begun` false) with no go yet; or a
    /// week later, once that is open.
    pub fn offer(&self, story: &str, today: u32, begun: bool) -> Option<When> {
        match self.next(story, today) {
            When::Later => Some(When::Later),
            When::Before if !begun => Some(When::Before),
            _ => None,
        }
    }

    /// The record as kept: a line for its format, then one per go.
    pub fn encode(&self) -> String {
        let mut out = String::from(HEADER);
        for (story, g) in &self.goes {
            let t = &g.tally;
            let worth = |w: Option<Worth>| w.map_or("-", Worth::name);
            out.push_str(&format!(
                "\n{story} {} {} {}/{}/{} {}/{}/{} {} {} {}",
                g.when.name(),
                g.day,
                t.trues_spotted,
                t.trues_missed,
                t.trues,
                t.falses_spotted,
                t.falses_believed,
                t.falses,
                worth(g.act),
                worth(g.help),
                g.sure.unwrap_or(0),
            ));
        }
        out
    }

    /// A record from its kept text; anything else (spoiled, cut short, from
    /// elsewhere) is an error naming what is wrong.
    pub fn decode(text: &str) -> Result<Record, String> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(String::from("not a record of the knowledge check"));
        }
        let mut record = Record::default();
        for line in lines {
            let (story, go) = decode_go(line).ok_or_else(|| format!("a go that cannot be read: {line}"))?;
            record.put(story, go);
        }
        Ok(record)
    }
}

fn decode_go(line: &str) -> Option<(&str, Go)> {
    let parts: Vec<&str> = line.split(' ').collect();
    let [story, when, day, trues, falses, act, help, sure] = parts[..] else { return None };
    let three = |text: &str| -> Option<(u8, u8, u8)> {
        let n: Vec<u8> = text.split('/').map(|n| n.parse().ok()).collect::<Option<_>>()?;
        match n[..] {
            [right, wrong, all] if u16::from(right) + u16::from(wrong) <= u16::from(all) => {
                Some((right, wrong, all))
            }
            _ => None,
        }
    };
    let worth = |text: &str| if text == "-" { Some(None) } else { Worth::from_name(text).map(Some) };
    let (trues_spotted, trues_missed, trues) = three(trues)?;
    let (falses_spotted, falses_believed, falses) = three(falses)?;
    let sure: u8 = sure.parse().ok().filter(|&n| n <= SURE_MOST)?;
    let go = Go {
        when: When::from_name(when)?,
        day: day.parse().ok()?,
        tally: Tally { trues, trues_spotted, trues_missed, falses, falses_spotted, falses_believed },
        act: worth(act)?,
        help: worth(help)?,
        sure: (sure > 0).then_some(sure),
    };
    (!story.is_empty()).then_some((story, go))
}
