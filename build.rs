//! Turns the authored content in `assets/` (TOML, with comments for
//! translators and long strings) into compact JSON in `OUT_DIR`, which the
//! core embeds and parses at run time.
//!
//! Why at build time: a TOML parser in the wasm bundle would cost about
//! 50 KB, while JSON is parsed by serde_json, which the game links anyway.
//! A TOML syntax error fails the build here, naming the file and the line.
//! Everything about *meaning* (a scene that does not exist, a missing key)
//! is checked by the core's own loaders, so that the same checks run in the
//! tests and in the browser.

use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo:rerun-if-changed=assets/i18n");
    println!("cargo:rerun-if-changed=assets/story");

    convert_dir(Path::new("assets/i18n"), &out.join("i18n"), flatten_catalogue);
    convert_dir(Path::new("assets/story"), &out.join("story"), |v| v);
}

/// Converts every `*.toml` in `from` to a `*.json` of the same stem in `to`.
fn convert_dir(from: &Path, to: &Path, shape: impl Fn(serde_json::Value) -> serde_json::Value) {
    fs::create_dir_all(to).expect("create the output folder");
    let mut entries: Vec<_> = fs::read_dir(from)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()))
        .map(|e| e.expect("read a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid TOML:\n{e}", path.display()));
        let json = shape(to_json(value));
        let stem = path.file_stem().expect("a file name").to_string_lossy();
        fs::write(to.join(format!("{stem}.json")), json.to_string())
            .expect("write the converted file");
    }
}

fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// Flattens nested tables into dotted keys (`[ui] start = ".."` becomes
/// `"ui.start"`), so the catalogue is one flat map of strings, the cheapest
/// shape to parse in the browser. A table whose keys are all plural
/// categories (CLDR: zero, one, two, few, many, other), `other` among them,
/// is a set of plural forms: each form becomes `<key>#<category>`.
fn flatten_catalogue(value: serde_json::Value) -> serde_json::Value {
    fn walk(prefix: &str, value: serde_json::Value, out: &mut serde_json::Map<String, serde_json::Value>) {
        match value {
            serde_json::Value::Object(map) if !is_plural(&map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() { k } else { format!("{prefix}.{k}") };
                    walk(&key, v, out);
                }
            }
            serde_json::Value::Object(forms) => {
                for (category, text) in forms {
                    out.insert(format!("{prefix}#{category}"), text);
                }
            }
            text @ serde_json::Value::String(_) => {
                out.insert(prefix.to_string(), text);
            }
            other => panic!("assets/i18n: \"{prefix}\" must be text or plural forms, not {other}"),
        }
    }
    fn is_plural(map: &serde_json::Map<String, serde_json::Value>) -> bool {
        const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
        map.contains_key("other")
            && map.iter().all(|(k, v)| CATEGORIES.contains(&k.as_str()) && v.is_string())
    }
    let mut out = serde_json::Map::new();
    walk("", value, &mut out);
    serde_json::Value::Object(out)
}
