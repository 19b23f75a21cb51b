//! Who can send a picture to whom: a network of people in classes, stored
//! compactly as flat arrays (compressed sparse rows), never an object per
//! person, so that the same shape can later hold a million people.

use super::rng::Rng;

/// A person's index in a [`Network`].
pub type Person = u32;

/// An undirected contact network in compressed sparse row form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// `contacts[offsets[p]..offsets[p + 1]]` are the contacts of person `p`.
    offsets: Vec<u32>,
    contacts: Vec<Person>,
    class_size: u32,
}

/// The shape of a network of classes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// How many classes.
    pub classes: u32,
    /// People in each class.
    pub class_size: u32,
    /// The chance that two classmates are in contact.
    pub tie_in_class: f64,
    /// On average, how many contacts each person has outside their class.
    pub ties_outside: u32,
}

impl Shape {
    /// Two classes of 30: the tiny network of the first chapter.
    pub const TWO_CLASSES: Shape = Shape { classes: 2, class_size: 30, tie_in_class: 0.3, ties_outside: 4 };
}

impl Network {
    /// Builds a network of `shape.classes` classes, dense inside each class
    /// and sparse between them. The same seed gives the same network.
    pub fn classes(shape: Shape, seed: u64) -> Self {
        assert!(shape.classes > 0 && shape.class_size > 1, "a network needs people");
        let mut rng = Rng::new(seed);
        let people = shape.classes * shape.class_size;
        let mut edges: Vec<(Person, Person)> = Vec::new();
        for class in 0..shape.classes {
            let first = class * shape.class_size;
            for a in first..first + shape.class_size {
                for b in a + 1..first + shape.class_size {
                    if rng.chance(shape.tie_in_class) {
                        edges.push((a, b));
                    }
                }
            }
        }
        if shape.classes > 1 {
            // Each tie has two ends, so each person starts half of their
            // average: ties_outside / 2 for sure, and one more on a coin toss
            // when it is odd. A draw that lands in the person's own class is
            // drawn again, from the other classes only.
            let others = people - shape.class_size;
            for a in 0..people {
                let mut ties = shape.ties_outside / 2;
                if shape.ties_outside % 2 == 1 && rng.chance(0.5) {
                    ties += 1;
                }
                let own_first = a / shape.class_size * shape.class_size;
                for _ in 0..ties {
                    let mut b = rng.below(others);
                    if b >= own_first {
                        b += shape.class_size;
                    }
                    edges.push((a.min(b), a.max(b)));
                }
            }
        }
        Self::from_edges(people, shape.class_size, edges)
    }

    fn from_edges(people: u32, class_size: u32, mut edges: Vec<(Person, Person)>) -> Self {
        edges.sort_unstable();
        edges.dedup();
        let mut degree = vec![0u32; people as usize + 1];
        for &(a, b) in &edges {
            degree[a as usize + 1] += 1;
            degree[b as usize + 1] += 1;
        }
        let mut offsets = degree;
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut contacts = vec![0; edges.len() * 2];
        for &(a, b) in &edges {
            contacts[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
            contacts[fill[b as usize] as usize] = a;
            fill[b as usize] += 1;
        }
        Self { offsets, contacts, class_size }
    }

    /// How many people.
    pub fn people(&self) -> u32 {
        (self.offsets.len() - 1) as u32
    }

    /// The contacts of `p`.
    pub fn contacts(&self, p: Person) -> &[Person] {
        let p = p as usize;
        &self.contacts[self.offsets[p] as usize..self.offsets[p + 1] as usize]
    }

    /// The class `p` belongs to.
    pub fn class_of(&self, p: Person) -> u32 {
        p / self.class_size
    }

    /// How many classes.
    pub fn class_count(&self) -> u32 {
        self.people().div_ceil(self.class_size)
    }

    /// Everyone in class `class`: the members of its group chat.
    pub fn class_members(&self, class: u32) -> std::ops::Range<Person> {
        let first = class * self.class_size;
        first..(first + self.class_size).min(self.people())
    }
}
