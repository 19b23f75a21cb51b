//! The spread's budget in Chromium: building each world and running whole
//! cascades, timed with the page's clock, with the wasm memory at the end;
//! the longest slice when the region is built and the stress case is run
//! a piece at a time, as the game does; and the map's frame time (drawing
//! everyone into pixels and putting them on a canvas).
//! A benchmark, not a test: it asserts nothing (its numbers move with the
//! machine) and is not in the test command. Run it with
//! `./scripts/bench.sh`, which builds it in release mode.
#![cfg(target_arch = "wasm32")]

use once_sent::map::{Map, Palette};
use once_sent::sim::spread::{PlayerMove, Spread, SpreadParams};
use once_sent::sim::world::{Scale, World, WorldBuilder};
use once_sent::sim::{PLAYER, SENDER};
use wasm_bindgen::Clamped;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Object>().ok())
        .and_then(|p| js_sys::Reflect::get(&p, &"now".into()).ok().map(|f| (p, f)))
        .and_then(|(p, f)| f.dyn_into::<js_sys::Function>().ok()?.call0(&p).ok()?.as_f64())
        .unwrap_or(0.0)
}

fn memory_mb() -> f64 {
    let memory = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>().expect("the wasm memory");
    let buffer = memory.buffer().dyn_into::<js_sys::ArrayBuffer>().expect("its buffer");
    f64::from(buffer.byte_length()) / 1e6
}

#[wasm_bindgen_test]
fn spread_budget_in_chromium() {
    console_log!("# Once Sent: the spread's budget in Chromium (release wasm)");
    console_log!("targets: build the region <= 1 s, a whole cascade <= 400 ms, wasm memory <= 100 MB");
    for scale in Scale::ALL {
        let start = now();
        let world = World::build(scale, 2026);
        let built = now() - start;
        let mut runs = Vec::new();
        let mut reached = Vec::new();
        for seed in 0..9 {
            let start = now();
            let mut spread = Spread::new(&world, SpreadParams::default(), seed);
            spread.player_moves(PlayerMove::React);
            spread.run_to_end();
            runs.push(now() - start);
            reached.push(spread.counts().seen);
        }
        runs.sort_by(f64::total_cmp);
        reached.sort_unstable();
        console_log!(
            "{:<7} {:>8} people: build {:>8.1} ms, cascade median {:>7.2} ms max {:>7.2} ms, reached median {}",
            scale.name(),
            world.people(),
            built,
            runs[runs.len() / 2],
            runs[runs.len() - 1],
            reached[reached.len() / 2]
        );
    }
    let world = World::build(Scale::Region, 2026);
    let worst = SpreadParams { forward_rate: 1.0, report_rate: 0.0, ..SpreadParams::default() };
    let (mut runs, mut searches, mut reached) = (Vec::new(), Vec::new(), 0);
    for seed in 0..3 {
        let start = now();
        let mut spread = Spread::new(&world, worst, seed);
        spread.player_moves(PlayerMove::React);
        spread.run_to_end();
        runs.push(now() - start);
        reached = spread.counts().seen;
        let start = now();
        let found = bare_search(&world);
        searches.push(now() - start);
        assert_eq!(found, world.people(), "the region is one connected world");
    }
    let (run, _, _) = spread_of(runs);
    let (search, _, _) = spread_of(searches);
    console_log!(
        "region, everyone forwards and nobody reports: cascade median {run:.0} ms of 3, reached {reached}; \
         a bare breadth-first search of the same world: median {search:.0} ms ({:.1} times as long)",
        run / search
    );
    console_log!("wasm memory at the end: {:.1} MB", memory_mb());
}

/// The yardstick for the stress case: a breadth-first search from the
/// sender over the same world, marking each person seen and their parent
/// and nothing else (no time, no choices, no status). Returns how many it
/// reached.
fn bare_search(world: &World) -> u32 {
    let n = world.people() as usize;
    let (mut seen, mut parent, mut queue) = (vec![false; n], vec![0u32; n], Vec::with_capacity(n));
    seen[SENDER as usize] = true;
    queue.push(SENDER);
    let mut next = 0;
    while let Some(&p) = queue.get(next) {
        next += 1;
        for &q in world.contacts(p) {
            if !seen[q as usize] {
                seen[q as usize] = true;
                parent[q as usize] = p + 1;
                queue.push(q);
            }
        }
    }
    std::hint::black_box(&parent);
    queue.len() as u32
}

/// The median, 95th percentile and longest of some times.
fn spread_of(mut times: Vec<f64>) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}

#[wasm_bindgen_test]
fn slices_in_chromium() {
    console_log!("# Work a slice at a time (target: no task over 50 ms)");
    for people in [50_000, 100_000] {
        let mut builder = WorldBuilder::new(Scale::Region, Default::default(), 2026);
        let (mut slices, start) = (Vec::new(), now());
        loop {
            let t = now();
            let done = builder.work(people);
            slices.push(now() - t);
            if done {
                break;
            }
        }
        let (_, p95, max) = spread_of(slices.clone());
        console_log!(
            "region built {people} people a slice: {} slices, {:.0} ms in all, p95 {:.1} ms, longest {:.1} ms",
            slices.len(),
            now() - start,
            p95,
            max
        );
    }
    let world = World::build(Scale::Region, 2026);
    let worst = SpreadParams { forward_rate: 1.0, report_rate: 0.0, ..SpreadParams::default() };
    for events in [20_000, 50_000] {
        let mut spread = Spread::new(&world, worst, 0);
        spread.player_moves(PlayerMove::React);
        let (mut slices, start) = (Vec::new(), now());
        loop {
            let t = now();
            let more = spread.work(events);
            slices.push(now() - t);
            if more == Some(false) {
                break;
            }
        }
        let (_, p95, max) = spread_of(slices.clone());
        console_log!(
            "stress case {events} events a slice: {} slices, {:.0} ms in all, p95 {:.1} ms, longest {:.1} ms",
            slices.len(),
            now() - start,
            p95,
            max
        );
    }
}

#[wasm_bindgen_test]
fn map_frames_in_chromium() {
    console_log!("# The map's frame time at 1920x1080 (targets: p95 <= 16.7 ms at 100,000, <= 33 ms at 1M)");
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    let (width, height) = (1920, 1080);
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().unwrap().append_child(&canvas).unwrap();
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let palette = Palette::default();
    for (scale, params) in [
        (Scale::Town, SpreadParams::default()),
        (Scale::Town, SpreadParams { forward_rate: 0.5, ..SpreadParams::default() }),
        (Scale::Region, SpreadParams::default()),
        (Scale::Region, SpreadParams { forward_rate: 0.5, ..SpreadParams::default() }),
    ] {
        let world = World::build(scale, 2026);
        let mut spread = Spread::new(&world, params, 3);
        spread.player_moves(PlayerMove::ForwardFriend);
        let start = now();
        let map = Map::new(scale, width, height);
        let laid_out = now() - start;
        let mut pixels = vec![0u8; (width * height * 4) as usize];
        let mut frames = Vec::new();
        for _ in 0..60 {
            spread.step();
            let t = now();
            map.draw(
                spread.status_codes(),
                |p| p != PLAYER && spread.branch(p) == Some(PLAYER),
                &palette,
                &mut pixels,
            );
            let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), width, height)
                .unwrap();
            context.put_image_data(&image, 0.0, 0.0).unwrap();
            frames.push(now() - t);
        }
        let (p50, p95, max) = spread_of(frames);
        console_log!(
            "{:<7} {:>9} people, forward {:>3.0}%: laid out {:.1} ms; frame median {:.1} ms, p95 {:.1} ms, longest {:.1} ms; {} saw it",
            scale.name(),
            world.people(),
            params.forward_rate * 100.0,
            laid_out,
            p50,
            p95,
            max,
            spread.counts().seen
        );
    }
    canvas.remove();
}
