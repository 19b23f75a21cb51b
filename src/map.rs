//! The spread map's geometry and pixels: where each person sits when a
//! community is drawn, and a picture of everyone's state written straight
//! into a pixel buffer, one byte per colour channel, ready for a canvas's
//! `ImageData`, so that a million people cost one pass over arrays and one
//! call to the canvas, never one call per person.
//!
//! Pure: it knows the world's shape ([`Scale`]) and the spread's status
//! codes, and nothing of the browser, the story or the words. The shell
//! hands the buffer to the canvas and says in words what it shows.
//!
//! How a community is laid out: people sit in a grid of cells, class by
//! class (6 by 5), the classes of a year side by side, the years of a
//! school one above another, the schools of a town in 5 columns of 8, the
//! towns of a region in 5 columns of 4, with wider gaps between bigger
//! communities so that the nesting shows. Community 0 of every scale holds
//! the player, so every view is drawn around them.
//!
//! How a state is drawn: by colour and by shape, so that colour is never
//! the only sign. Unseen is a faint dot; seen (no copy) a hollow square;
//! holding a copy a filled square; deleted a cross; reported a plus. The
//! player's line (everyone who got it through the player) has its own
//! colour, keeping its shapes; the player's mark is framed by a diamond.
//! Marks are at least five pixels wide, so the shapes read: where cells
//! are smaller, people who saw it are drawn over their neighbours, and
//! never vanish into the crowd.

use crate::sim::spread::{Status, SAVED_COPY};
use crate::sim::world::CLASS_SIZE;
use crate::sim::{Person, Scale, PLAYER};

/// How one level of the nesting arranges the communities one step in: in
/// `cols` columns and `rows` rows, `gap` cells apart.
struct Arrangement {
    cols: u32,
    rows: u32,
    gap: u32,
}

/// Per scale, class first: how it arranges what is inside it (people, for
/// a class). `cols * rows` is always the number inside.
const ARRANGEMENTS: [Arrangement; 5] = [
    Arrangement { cols: 6, rows: 5, gap: 0 },
    Arrangement { cols: 7, rows: 1, gap: 1 },
    Arrangement { cols: 1, rows: 6, gap: 1 },
    Arrangement { cols: 5, rows: 8, gap: 3 },
    Arrangement { cols: 5, rows: 4, gap: 8 },
];

fn level(scale: Scale) -> usize {
    Scale::ALL.iter().position(|&s| s == scale).unwrap_or(0)
}

/// The size of community 0 of `scale`, in cells: (columns, rows).
pub fn grid(scale: Scale) -> (u32, u32) {
    let (mut w, mut h) = (1, 1);
    for a in &ARRANGEMENTS[..=level(scale)] {
        w = a.cols * w + a.gap * (a.cols - 1);
        h = a.rows * h + a.gap * (a.rows - 1);
    }
    (w, h)
}

/// Where person `p` sits when community 0 of `view` is drawn: (column,
/// row) of their cell. `p` must be in that community.
pub fn cell(view: Scale, p: Person) -> (u32, u32) {
    let (mut x, mut y) = (0, 0);
    let (mut w, mut h) = (1, 1);
    let mut inner = 1;
    for a in &ARRANGEMENTS[..=level(view)] {
        let i = p / inner % (a.cols * a.rows);
        x += i % a.cols * (w + a.gap);
        y += i / a.cols * (h + a.gap);
        w = a.cols * w + a.gap * (a.cols - 1);
        h = a.rows * h + a.gap * (a.rows - 1);
        inner *= a.cols * a.rows;
    }
    (x, y)
}

/// The smallest scale whose community 0 holds everyone who has seen it
/// (the widest scale if `codes` is empty); `codes` are a spread's status
/// codes, person by person.
pub fn reach(codes: &[u8]) -> Scale {
    let last_seen = codes.iter().rposition(|&c| c != 0).unwrap_or(0) as u32;
    Scale::ALL.into_iter().find(|s| last_seen < s.size()).unwrap_or(Scale::Region)
}

/// What a person looks like on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Never saw it: a faint dot.
    Unseen,
    /// Saw it, holds no copy: a hollow square.
    Seen,
    /// Holds a copy (the message or a saved one): a filled square.
    Copy,
    /// Deleted it and holds no copy: a cross.
    Deleted,
    /// Reported it and holds no copy: a plus.
    Reported,
}

impl Mark {
    /// Every mark, in the order of a legend.
    pub const ALL: [Mark; 5] = [Mark::Unseen, Mark::Seen, Mark::Copy, Mark::Deleted, Mark::Reported];

    /// The mark of a status code: a saved copy counts as a copy whatever
    /// else the person did.
    pub fn of(code: u8) -> Mark {
        if code & SAVED_COPY != 0 {
            return Mark::Copy;
        }
        match Status::from_code(code) {
            Status::Unseen => Mark::Unseen,
            Status::Seen => Mark::Seen,
            Status::Holds => Mark::Copy,
            Status::Deleted => Mark::Deleted,
            Status::Reported => Mark::Reported,
        }
    }

    /// Whether the pixel at (`u`, `v`) of a glyph `size` pixels wide is
    /// inked. Shapes are defined on a square from -1 to 1, sampled at the
    /// pixels' centres, so each reads at any size from three pixels up.
    fn inked(self, u: u32, v: u32, size: u32) -> bool {
        let at = |i: u32| (2.0 * f64::from(i) + 1.0) / f64::from(size) - 1.0;
        let (x, y) = (at(u).abs(), at(v).abs());
        match self {
            Mark::Unseen => x.max(y) < 0.34,
            Mark::Seen => x.max(y) > 0.5,
            Mark::Copy => true,
            Mark::Deleted => (x - y).abs() < 0.34,
            Mark::Reported => x.min(y) < 0.34,
        }
    }
}

/// A colour as the bytes of one pixel: red, green, blue, alpha.
pub type Rgba = [u8; 4];

/// The map's colours, chosen for a dark field: each mark's own, the
/// player's line, and the field. Every one has at least 3:1 contrast with
/// the field (faint dots excepted: they are the crowd, not a state to
/// read).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// The field behind everyone.
    pub field: Rgba,
    /// Per [`Mark`], in the order of [`Mark::ALL`] (the faint dot fades
    /// towards the field where people are under 2.5 pixels apart).
    pub marks: [Rgba; 5],
    /// Marks of people who got it through the player, and the player.
    pub yours: Rgba,
}

impl Default for Palette {
    fn default() -> Self {
        Self {
            field: [0x10, 0x16, 0x2a, 0xff],
            marks: [
                [0x4a, 0x55, 0x78, 0xff],
                [0x8f, 0xb8, 0xff, 0xff],
                [0xff, 0xb3, 0x2e, 0xff],
                [0xb8, 0xbe, 0xc8, 0xff],
                [0x5c, 0xd6, 0x9a, 0xff],
            ],
            yours: [0xff, 0x6e, 0xc7, 0xff],
        }
    }
}

/// A drawing of community 0 of one scale on a canvas of a given size:
/// where each person's glyph goes, worked out once, then drawn as often as
/// the spread changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Map {
    view: Scale,
    width: u32,
    height: u32,
    /// Pixels per cell (may be below one for a region on a small canvas).
    pitch: f64,
    /// The side of a seen person's glyph, in pixels (at least 5).
    glyph: u32,
    /// The side of an unseen person's dot: the glyph, or one pixel when
    /// cells are under three pixels.
    dot: u32,
    /// Per person of the community: the pixel at the centre of their cell
    /// (`y * width + x`), worked out once so that drawing a million people
    /// is a pass over arrays.
    centres: Box<[u32]>,
}

impl Map {
    /// The drawing of community 0 of `view` on a canvas of `width` by
    /// `height` pixels: the grid as large as fits, centred.
    pub fn new(view: Scale, width: u32, height: u32) -> Self {
        let (width, height) = (width.max(1), height.max(1));
        let (cols, rows) = grid(view);
        let pitch = (f64::from(width) / f64::from(cols)).min(f64::from(height) / f64::from(rows));
        let used = |cells: u32| (f64::from(cells) * pitch).floor() as u32;
        // The grid's top-left pixel, centring it.
        let origin = ((width - used(cols).min(width)) / 2, (height - used(rows).min(height)) / 2);
        // A glyph fills most of its cell, leaving a gap between neighbours;
        // odd, so shapes have a centre pixel.
        // Never under five pixels: a mark must show its shape, and people
        // who saw it are few enough to stand over their neighbours.
        let fits = (pitch * 0.8).floor() as u32;
        let glyph = (fits.max(5) - 1) | 1;
        let dot = if pitch < 3.0 { 1 } else { glyph };
        let at = |c: u32, o: u32, limit: u32| (o + ((f64::from(c) + 0.5) * pitch) as u32).min(limit - 1);
        // A class's cells are a 6 by 5 block: find each block once, not
        // each person's cell through every level of the nesting.
        // Its columns' and rows' pixels are worked out once per class, so
        // each person costs a multiply and an add.
        let class = &ARRANGEMENTS[0];
        let mut centres = Vec::with_capacity(view.size() as usize);
        let mut xs = [0u32; ARRANGEMENTS[0].cols as usize];
        let mut ys = [0u32; ARRANGEMENTS[0].rows as usize];
        for first in (0..view.size()).step_by(CLASS_SIZE as usize) {
            let (x0, y0) = cell(view, first);
            for (i, x) in xs.iter_mut().enumerate() {
                *x = at(x0 + i as u32, origin.0, width);
            }
            for (i, y) in ys.iter_mut().enumerate() {
                *y = at(y0 + i as u32, origin.1, height) * width;
            }
            for i in 0..CLASS_SIZE {
                centres.push(ys[(i / class.cols) as usize] + xs[(i % class.cols) as usize]);
            }
        }
        let centres = centres.into_boxed_slice();
        Self { view, width, height, pitch, glyph, dot, centres }
    }

    /// The scale drawn.
    pub fn view(&self) -> Scale {
        self.view
    }

    /// The canvas size, in pixels: (width, height).
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// Pixels per cell.
    pub fn pitch(&self) -> f64 {
        self.pitch
    }

    /// The pixel at the centre of `p`'s cell.
    pub fn centre(&self, p: Person) -> (u32, u32) {
        let at = self.centres[p as usize];
        (at % self.width, at / self.width)
    }

    /// Draws everyone of the community into `pixels` (`width * height * 4`
    /// bytes, as a canvas's `ImageData` holds them): the field, then each
    /// person's mark by their status code in `codes` (one per person of
    /// the world; only the community's are read), in the player's colour
    /// where `yours(p)` says they got it through the player.
    ///
    /// # Panics
    /// If `pixels` is not the canvas's size or `codes` does not cover the
    /// community.
    pub fn draw(&self, codes: &[u8], yours: impl Fn(Person) -> bool, palette: &Palette, pixels: &mut [u8]) {
        assert_eq!(pixels.len(), (self.width * self.height * 4) as usize, "pixels of another size");
        let people = self.view.size();
        assert!(codes.len() >= people as usize, "codes for fewer people than the view holds");
        for px in pixels.chunks_exact_mut(4) {
            px.copy_from_slice(&palette.field);
        }
        // The crowd first, then everyone who saw it on top, so that a glyph
        // wider than its cell is never hidden by a neighbour's dot.
        let dot = Glyph::new(Mark::Unseen, self.dot);
        // Where dots crowd together (under 2.5 pixels a person) they would
        // merge into a bright block: they fade towards the field instead,
        // so the marks of people who saw it stand out.
        let fade = (self.pitch / 2.5).clamp(0.35, 1.0);
        let faint = blend(palette.field, palette.marks[0], fade);
        for (&code, &at) in codes.iter().zip(self.centres.iter()) {
            if code != 0 {
                continue;
            }
            if self.dot == 1 {
                let at = at as usize * 4;
                pixels[at..at + 4].copy_from_slice(&faint);
            } else {
                self.stamp_at(pixels, at, &dot, faint);
            }
        }
        let glyphs = Mark::ALL.map(|mark| Glyph::new(mark, self.glyph));
        for p in 0..people {
            let code = codes[p as usize];
            if code != 0 && p != PLAYER {
                let mark = Mark::of(code);
                let colour = if yours(p) { palette.yours } else { palette.marks[mark as usize] };
                self.stamp(pixels, p, &glyphs[mark as usize], colour);
            }
        }
        // The player: their mark in their own colour, inside a diamond.
        let size = self.glyph + 6;
        let diamond =
            Glyph { size, ink: (0..size * size).map(|i| diamond(i % size, i / size, size)).collect() };
        self.stamp(pixels, PLAYER, &diamond, palette.yours);
        if let Some(&code) = codes.first() {
            self.stamp(pixels, PLAYER, &glyphs[Mark::of(code) as usize], palette.yours);
        }
    }

    /// Inks `glyph` centred on `p`'s cell, clipped to the canvas.
    fn stamp(&self, pixels: &mut [u8], p: Person, glyph: &Glyph, colour: Rgba) {
        self.stamp_at(pixels, self.centres[p as usize], glyph, colour);
    }

    /// Inks `glyph` centred on pixel `at` (`y * width + x`), clipped.
    fn stamp_at(&self, pixels: &mut [u8], at: u32, glyph: &Glyph, colour: Rgba) {
        let (cx, cy) = (at % self.width, at / self.width);
        let half = glyph.size / 2;
        let (w, h) = (self.width as i64, self.height as i64);
        for v in 0..glyph.size {
            let y = i64::from(cy) + i64::from(v) - i64::from(half);
            if !(0..h).contains(&y) {
                continue;
            }
            let row = &glyph.ink[(v * glyph.size) as usize..((v + 1) * glyph.size) as usize];
            for (u, &inked) in row.iter().enumerate() {
                let x = i64::from(cx) + u as i64 - i64::from(half);
                if inked && (0..w).contains(&x) {
                    let at = ((y * w + x) * 4) as usize;
                    pixels[at..at + 4].copy_from_slice(&colour);
                }
            }
        }
    }
}

/// `from` moved towards `to` by `share` (0 to 1), channel by channel.
fn blend(from: Rgba, to: Rgba, share: f64) -> Rgba {
    let mut out = to;
    for (o, (&a, &b)) in out.iter_mut().zip(from.iter().zip(to.iter())) {
        *o = (f64::from(a) + (f64::from(b) - f64::from(a)) * share).round() as u8;
    }
    out
}

/// A diamond's outline, about a pixel and a half thick.
fn diamond(u: u32, v: u32, size: u32) -> bool {
    let at = |i: u32| ((2.0 * f64::from(i) + 1.0) / f64::from(size) - 1.0).abs();
    let d = (at(u) + at(v)) * f64::from(size) / 2.0;
    d <= f64::from(size) / 2.0 && d > f64::from(size) / 2.0 - 1.6
}

/// A mark's shape at one size, worked out once per drawing.
struct Glyph {
    size: u32,
    ink: Vec<bool>,
}

impl Glyph {
    fn new(mark: Mark, size: u32) -> Self {
        Self { size, ink: (0..size * size).map(|i| mark.inked(i % size, i / size, size)).collect() }
    }
}
