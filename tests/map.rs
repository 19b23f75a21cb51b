#![cfg(not(target_arch = "wasm32"))]
//! The spread map's geometry and pixels (src/map.rs): every person gets a
//! cell of their own inside the grid, communities stay together, the view
//! fits the reach, each state has a shape of its own at every size, and
//! the pixels drawn are the marks asked for.

use std::collections::HashSet;

use once_sent::map::{cell, grid, reach, Map, Mark, Palette};
use once_sent::sim::spread::{Spread, SpreadParams, SAVED_COPY};
use once_sent::sim::{PlayerMove, Scale, World, PLAYER};

#[test]
fn grids_nest_with_gaps_between_communities() {
    #[rustfmt::skip]
    let want = [
        (Scale::Class, (6, 5)), (Scale::Year, (48, 5)), (Scale::School, (48, 35)),
        (Scale::Town, (252, 301)), (Scale::Region, (1292, 1228)),
    ];
    for (scale, size) in want {
        assert_eq!(grid(scale), size, "{scale:?}");
    }
}

#[test]
fn everyone_has_a_cell_of_their_own_inside_the_grid() {
    for scale in [Scale::Class, Scale::Year, Scale::School, Scale::Town] {
        let (w, h) = grid(scale);
        let mut cells = HashSet::new();
        for p in 0..scale.size() {
            let (x, y) = cell(scale, p);
            assert!(x < w && y < h, "{scale:?}: {p} at ({x}, {y}) outside {w}x{h}");
            assert!(cells.insert((x, y)), "{scale:?}: {p} shares a cell");
        }
    }
    // The region: a sample, every town's corners included.
    let (w, h) = grid(Scale::Region);
    for p in (0..Scale::Region.size()).step_by(997).chain([Scale::Region.size() - 1]) {
        let (x, y) = cell(Scale::Region, p);
        assert!(x < w && y < h, "{p} at ({x}, {y})");
    }
}

#[test]
fn a_community_sits_together_in_every_wider_view() {
    // A class is a 6 by 5 block wherever it is drawn, and a bigger view
    // moves the smaller one whole (the same offsets for all its people).
    for scale in [Scale::Year, Scale::School, Scale::Town] {
        for class in [0, 1, 6, 7, scale.size() / 30 - 1] {
            let first = class * 30;
            let (x0, y0) = cell(scale, first);
            for p in first..first + 30 {
                let (x, y) = cell(scale, p);
                assert_eq!((x - x0, y - y0), ((p - first) % 6, (p - first) / 6), "{scale:?} class {class}");
            }
        }
        let inner = scale.inner().unwrap();
        let (ix, iy) = cell(scale, inner.size());
        for p in [0, 29, 30, inner.size() - 1].into_iter().filter(|&p| p < inner.size()) {
            let (a, b) = (cell(inner, p), cell(scale, inner.size() + p));
            assert_eq!((b.0 - ix, b.1 - iy), a, "{scale:?}: person {p} of the second {inner:?}");
        }
    }
}

#[test]
fn each_person_s_mark_is_at_the_centre_of_their_cell() {
    // The map finds a class's block once and its people from there: the
    // same place as each person's own cell, at every scale.
    for (scale, size) in [(Scale::Class, (300, 250)), (Scale::Year, (960, 100)), (Scale::Town, (1000, 1200))]
    {
        let map = Map::new(scale, size.0, size.1);
        for p in (0..scale.size()).step_by(7) {
            let (x, y) = cell(scale, p);
            let want = |c: u32, limit: u32, offset: u32| {
                (offset + ((f64::from(c) + 0.5) * map.pitch()) as u32).min(limit - 1)
            };
            let (cx, cy) = map.centre(p);
            let (gw, gh) = grid(scale);
            let ox = (size.0 - (f64::from(gw) * map.pitch()).floor() as u32) / 2;
            let oy = (size.1 - (f64::from(gh) * map.pitch()).floor() as u32) / 2;
            assert_eq!((cx, cy), (want(x, size.0, ox), want(y, size.1, oy)), "{scale:?} person {p}");
        }
    }
}

#[test]
fn the_reach_is_the_smallest_scale_holding_everyone_who_saw_it() {
    let mut codes = vec![0u8; Scale::Region.size() as usize];
    assert_eq!(reach(&codes), Scale::Class);
    for (p, want) in [(29, Scale::Class), (30, Scale::Year), (1_259, Scale::School), (1_260, Scale::Town)] {
        codes[p] = 2;
        assert_eq!(reach(&codes), want, "someone at {p}");
    }
    codes[1_007_999] = 3;
    assert_eq!(reach(&codes), Scale::Region);
    assert_eq!(reach(&[]), Scale::Class);
}

#[test]
fn a_saved_copy_is_a_copy_whatever_else_was_done() {
    assert_eq!(Mark::of(0), Mark::Unseen);
    assert_eq!(Mark::of(1), Mark::Seen);
    assert_eq!(Mark::of(2), Mark::Copy);
    assert_eq!(Mark::of(3), Mark::Deleted);
    assert_eq!(Mark::of(4), Mark::Reported);
    for code in 1..=4 {
        assert_eq!(Mark::of(code | SAVED_COPY), Mark::Copy, "{code}");
    }
}

/// The pixels inked around the centre of `p`'s cell in colour `colour`,
/// as a `size` by `size` pattern.
fn pattern(map: &Map, pixels: &[u8], p: u32, size: u32, colour: [u8; 4]) -> Vec<bool> {
    let (cx, cy) = map.centre(p);
    let (w, _) = map.size();
    let mut out = Vec::new();
    for v in 0..size {
        for u in 0..size {
            let (x, y) = (cx + u - size / 2, cy + v - size / 2);
            let at = ((y * w + x) * 4) as usize;
            out.push(pixels[at..at + 4] == colour);
        }
    }
    out
}

#[test]
fn every_state_has_its_own_shape_at_every_size() {
    // Person k of the class gets the k-th mark; then the shapes around each
    // centre, read back from the pixels, must differ pairwise (not by
    // colour: by which pixels are inked). From tiny to a projector's class.
    let palette = Palette::default();
    let codes: Vec<u8> = (0..30).map(|p| [0, 1, 2, 3, 4][p % 5]).collect();
    for width in [40, 48, 60, 90, 150, 400, 1200] {
        let map = Map::new(Scale::Class, width, width);
        let mut pixels = vec![0u8; (width * width * 4) as usize];
        map.draw(&codes, |_| false, &palette, &mut pixels);
        let size = (map.pitch() * 0.8).floor().max(5.0) as u32;
        let size = (size - 1) | 1;
        let shapes: Vec<Vec<bool>> = (5..10)
            .map(|p| pattern(&map, &pixels, p, size, palette.marks[Mark::of(codes[p as usize]) as usize]))
            .collect();
        for a in 0..5 {
            assert!(shapes[a].iter().any(|&i| i), "width {width}: {:?} draws nothing", Mark::ALL[a]);
            for b in a + 1..5 {
                assert_ne!(
                    shapes[a],
                    shapes[b],
                    "width {width}: {:?} looks like {:?}",
                    Mark::ALL[a],
                    Mark::ALL[b]
                );
            }
        }
    }
}

fn colour_at(map: &Map, pixels: &[u8], p: u32) -> [u8; 4] {
    let (x, y) = map.centre(p);
    let at = ((y * map.size().0 + x) * 4) as usize;
    pixels[at..at + 4].try_into().unwrap()
}

#[test]
fn a_real_spread_is_drawn_as_it_stands() {
    // A whole run in a school, drawn at the school's scale: everyone's centre
    // has the colour of their mark, the player's line and the player in
    // their own colour; the field shows where nobody is.
    let world = World::build(Scale::School, 4);
    let mut spread = Spread::new(&world, SpreadParams { forward_rate: 0.3, ..SpreadParams::default() }, 4);
    spread.player_moves(PlayerMove::ForwardGroup);
    spread.run_to_end();
    let palette = Palette::default();
    let map = Map::new(Scale::School, 800, 600);
    let mut pixels = vec![0u8; 800 * 600 * 4];
    let yours = |p| spread.branch(p) == Some(PLAYER);
    map.draw(spread.status_codes(), yours, &palette, &mut pixels);
    let mut marks = HashSet::new();
    for p in 0..world.people() {
        let mark = Mark::of(spread.status_codes()[p as usize]);
        marks.insert(mark);
        let want = if p == PLAYER || (mark != Mark::Unseen && yours(p)) {
            palette.yours
        } else {
            palette.marks[mark as usize]
        };
        // A cross and a plus both ink their centre; a hollow square does not.
        if mark != Mark::Seen {
            assert_eq!(colour_at(&map, &pixels, p), want, "person {p}, {mark:?}");
        }
    }
    assert!(marks.len() >= 4, "a run with too little going on: {marks:?}");
    assert_eq!(&pixels[..4], &palette.field, "the top-left corner is field");
    assert!(spread.counts().from_player >= 30);
}

#[test]
fn at_a_region_everyone_is_a_pixel_and_whoever_saw_it_stands_out() {
    let people = Scale::Region.size() as usize;
    let mut codes = vec![0u8; people];
    let seen = [5_000u32, 400_000, 1_000_000];
    for &p in &seen {
        codes[p as usize] = 2;
    }
    let palette = Palette::default();
    let map = Map::new(Scale::Region, 1000, 900);
    assert!(map.pitch() < 1.0);
    let mut pixels = vec![0u8; 1000 * 900 * 4];
    map.draw(&codes, |_| false, &palette, &mut pixels);
    for &p in &seen {
        // A filled square five pixels wide, over the crowd.
        let (x, y) = map.centre(p);
        for (dx, dy) in [(0, 0), (2, 2), (-2, -2), (2, -2), (-1, 1)] {
            let at = (((y as i64 + dy) * 1000 + x as i64 + dx) * 4) as usize;
            assert_eq!(pixels[at..at + 4], palette.marks[Mark::Copy as usize], "{p}");
        }
    }
    // The crowd covers the grid, faded towards the field so as not to
    // drown the marks: between the two, channel by channel.
    let (field, faint) = (palette.field, palette.marks[0]);
    let faded = |px: &[u8]| (0..3).all(|i| px[i] > field[i] && px[i] < faint[i]);
    let crowd = pixels.chunks_exact(4).filter(|px| faded(px)).count();
    assert!(crowd > 500_000, "the crowd covers the grid, faded: {crowd} pixels");
}

#[test]
#[should_panic(expected = "pixels of another size")]
fn a_buffer_of_the_wrong_size_is_refused() {
    let map = Map::new(Scale::Class, 100, 100);
    map.draw(&[0; 30], |_| false, &Palette::default(), &mut [0; 400]);
}
