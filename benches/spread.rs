//! The big spread's budget, natively: how long each scale's world takes to
//! build, how long a whole cascade takes on it, and how much memory the
//! arrays hold, against the targets of issue 4 (build the region in at
//! most 1 s, run a whole cascade in at most 400 ms, at most 100 MB). A
//! plain program (`harness = false`), so it needs no nightly and no
//! benchmarking crate; it prints a table and measures nothing in the
//! browser (that comes later, in Chromium).
//!
//! Run: `cargo bench --no-default-features --bench spread`. Cargo builds
//! benches with the release profile (size-optimised, LTO), the same code
//! generation as the shipped wasm.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

/// Nothing to measure in a wasm build; the browser has its own budget test.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::{Duration, Instant};

    use once_sent::sim::spread::{PlayerMove, Spread, SpreadParams};
    use once_sent::sim::world::{Scale, World};

    const MB: f64 = 1024.0 * 1024.0;

    pub fn main() {
        println!("# Once Sent: the spread's budget (issue 4)");
        println!("machine: {} logical CPUs, {}", cpus(), cpu_model());
        println!(
            "profile: release (opt-level z, LTO), native; targets: build <= 1 s, cascade <= 400 ms, 100 MB"
        );
        println!();
        println!(
            "{:<7} {:>9} {:>9} {:>11} {:>11} {:>9} {:>10} {:>10} {:>10} {:>10} {:>10}",
            "scale",
            "people",
            "ties",
            "build min",
            "build med",
            "world MB",
            "build MB",
            "run MB",
            "run med",
            "run max",
            "reached"
        );
        let mut worst_total = 0u64;
        for scale in Scale::ALL {
            let repeats = match scale {
                Scale::Region => 5,
                Scale::Town => 20,
                _ => 200,
            };
            let mut builds = Vec::new();
            let mut world = None;
            for _ in 0..repeats {
                // Drop the last one first: never two regions at once.
                drop(world.take());
                let start = Instant::now();
                world = Some(World::build(scale, 2026));
                builds.push(start.elapsed());
            }
            let world = world.expect("built at least once");

            // Whole cascades with the default parameters, one per seed,
            // each from a fresh start to the end of the ten years.
            let seeds = if scale == Scale::Region { 20 } else { 100 };
            let Runs { mut runs, reached, spread_bytes } = cascades(&world, SpreadParams::default(), seeds);
            println!(
                "{:<7} {:>9} {:>9} {:>11} {:>11} {:>9.1} {:>10.1} {:>10.1} {:>10} {:>10} {:>10}",
                scale.name(),
                world.people(),
                world.ties(),
                ms(min(&builds)),
                ms(median(&mut builds)),
                world.memory_bytes() as f64 / MB,
                world.build_peak_bytes() as f64 / MB,
                spread_bytes as f64 / MB,
                ms(median(&mut runs)),
                ms(*runs.iter().max().expect("ran")),
                format!("{}/{}", reached[reached.len() / 2], reached[reached.len() - 1]),
            );
            worst_total = worst_total.max(world.memory_bytes() + spread_bytes);
        }
        println!("(build MB: peak while building; run MB: the spread's arrays at their largest;");
        println!(" reached: median/most people who saw it; default parameters, the player reacts)");
        println!();

        // Heavier runs on the region: the top of the research range, and
        // the worst case for time and memory, where everyone who gets it
        // forwards it to two more and nobody reports, so nothing is ever
        // blocked and it reaches nearly everyone.
        let world = World::build(Scale::Region, 2026);
        #[rustfmt::skip]
        let heavy = [
            ("forward 12%", SpreadParams { forward_rate: 0.12, ..SpreadParams::default() }, 10),
            ("everyone forwards, nobody reports",
                SpreadParams { forward_rate: 1.0, report_rate: 0.0, ..SpreadParams::default() }, 3),
        ];
        for (name, params, seeds) in heavy {
            let Runs { mut runs, reached, spread_bytes } = cascades(&world, params, seeds);
            println!(
                "region, {name}: run min {} med {} max {}, reached median {} most {}, run {:.1} MB",
                ms(min(&runs)),
                ms(median(&mut runs)),
                ms(*runs.iter().max().expect("ran")),
                reached[reached.len() / 2],
                reached[reached.len() - 1],
                spread_bytes as f64 / MB
            );
            worst_total = worst_total.max(world.memory_bytes() + spread_bytes);
        }
        worst_total = worst_total.max(world.build_peak_bytes());
        println!(
            "memory at most: {:.1} MB (arrays, from their lengths: the region's world and its largest run)",
            worst_total as f64 / MB
        );
        if let Some(peak) = peak_resident() {
            println!("process peak resident (VmHWM, everything above at once): {peak}");
        }
    }

    /// Whole cascades on `world`, one per seed, each from a fresh start to
    /// the end of the ten years, the player reacting.
    struct Runs {
        /// How long each took.
        runs: Vec<Duration>,
        /// How many people saw it in each, sorted.
        reached: Vec<u32>,
        /// The spread's arrays at their largest.
        spread_bytes: u64,
    }

    fn cascades(world: &World, params: SpreadParams, seeds: u64) -> Runs {
        let mut out = Runs { runs: Vec::new(), reached: Vec::new(), spread_bytes: 0 };
        for seed in 0..seeds {
            let start = Instant::now();
            let mut spread = Spread::new(world, params, seed);
            spread.player_moves(PlayerMove::React);
            spread.run_to_end();
            out.runs.push(start.elapsed());
            out.reached.push(spread.counts().seen);
            out.spread_bytes = out.spread_bytes.max(spread.memory_bytes());
        }
        out.reached.sort_unstable();
        out
    }

    fn ms(d: Duration) -> String {
        format!("{:.2} ms", d.as_secs_f64() * 1000.0)
    }

    fn min(times: &[Duration]) -> Duration {
        *times.iter().min().expect("timed")
    }

    fn median(times: &mut [Duration]) -> Duration {
        times.sort_unstable();
        times[times.len() / 2]
    }

    fn cpus() -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }

    fn cpu_model() -> String {
        std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|info| {
                info.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split(':').nth(1))
                    .map(|m| m.trim().to_string())
            })
            .unwrap_or_else(|| "CPU model not readable".to_string())
    }

    fn peak_resident() -> Option<String> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM"))?;
        Some(line.trim_start_matches("VmHWM:").trim().to_string())
    }
}
