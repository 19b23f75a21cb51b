//! The spread's budget in Chromium: building each world and running whole
//! cascades, timed with the page's clock, with the wasm memory at the end.
//! A benchmark, not a test: it asserts nothing (its numbers move with the
//! machine) and is not in the test command. Run it with
//! `./scripts/bench.sh`, which builds it in release mode.
#![cfg(target_arch = "wasm32")]

use once_sent::sim::spread::{PlayerMove, Spread, SpreadParams};
use once_sent::sim::world::{Scale, World};
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
    let start = now();
    let mut spread = Spread::new(&world, worst, 0);
    spread.player_moves(PlayerMove::React);
    spread.run_to_end();
    console_log!(
        "region, everyone forwards and nobody reports: cascade {:.0} ms, reached {}",
        now() - start,
        spread.counts().seen
    );
    console_log!("wasm memory at the end: {:.1} MB", memory_mb());
}
