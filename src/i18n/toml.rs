//! Reading a catalogue as authored (a folder of TOML files per language,
//! with nested tables and plural forms) into the flat, sorted (key, text)
//! pairs the game looks words up in. Shared with the build script, which includes this file to compile
//! the catalogues in; native builds use it to read a catalogue at run time.

/// The CLDR plural categories a plural table may hold.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Flattens a catalogue: nested tables become dotted keys (`[ui] start =
/// ".."` is `ui.start`), and a table whose keys are all plural categories,
/// `other` among them, becomes one `<key>#<category>` entry per form.
/// Returns the pairs sorted by key, or the first fault in plain words.
pub fn flatten(text: &str) -> Result<Vec<(String, String)>, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    walk("", toml::Value::Table(table), &mut out)?;
    out.sort();
    Ok(out)
}

/// Flattens several files of one language into one sorted list; a key in
/// two files is a fault naming both. Each file is (its name, its text).
pub fn flatten_files(files: &[(String, String)]) -> Result<Vec<(String, String)>, String> {
    let mut all: Vec<(String, String, &str)> = Vec::new();
    for (name, text) in files {
        let pairs = flatten(text).map_err(|e| format!("{name}: {e}"))?;
        all.extend(pairs.into_iter().map(|(k, v)| (k, v, name.as_str())));
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(w) = all.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!("\"{}\" is in both {} and {}", w[0].0, w[0].2, w[1].2));
    }
    Ok(all.into_iter().map(|(k, v, _)| (k, v)).collect())
}

fn walk(prefix: &str, value: toml::Value, out: &mut Vec<(String, String)>) -> Result<(), String> {
    match value {
        toml::Value::String(text) => out.push((prefix.to_string(), text)),
        toml::Value::Table(table)
            if table.contains_key("other")
                && table.iter().all(|(k, v)| PLURAL_CATEGORIES.contains(&k.as_str()) && v.is_str()) =>
        {
            for (category, text) in table {
                let text = text.as_str().unwrap_or_default().to_string();
                out.push((format!("{prefix}#{category}"), text));
            }
        }
        toml::Value::Table(table) => {
            for (k, v) in table {
                let key = if prefix.is_empty() { k } else { format!("{prefix}.{k}") };
                walk(&key, v, out)?;
            }
        }
        other => {
            return Err(format!("\"{prefix}\" must be text or plural forms, not a {}", other.type_str()))
        }
    }
    Ok(())
}
