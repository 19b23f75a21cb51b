#![cfg(not(target_arch = "wasm32"))]
//! The player's settings: stored and read back, defaults where a line is
//! missing or spoiled, refused when not ours, and the language chosen from
//! the setting, then the device, then the fallback.

use once_sent::i18n::{Lang, FALLBACK};
use once_sent::settings::{Motion, Settings, SETTINGS_KEY, TEXT_SIZES};
use proptest::prelude::*;

fn every_setting() -> Vec<Settings> {
    let mut all = Vec::new();
    for lang in [None, Some(Lang::EnGb), Some(Lang::Cy)] {
        for text in [None].into_iter().chain(TEXT_SIZES.map(Some)) {
            for motion in Motion::ALL {
                for (contrast, spacing) in [(false, false), (true, false), (false, true), (true, true)] {
                    all.push(Settings { lang, text, motion, contrast, spacing });
                }
            }
        }
    }
    all
}

#[test]
fn every_setting_reads_back_as_it_was_stored() {
    let all = every_setting();
    assert_eq!(all.len(), 3 * 6 * 3 * 4);
    for s in all {
        assert_eq!(Settings::decode(&s.encode()), Ok(s), "{}", s.encode());
    }
}

#[test]
fn the_defaults_store_as_the_header_alone() {
    assert_eq!(Settings::default().encode(), "once-sent settings 1");
    let s = Settings::default();
    assert_eq!(s.text_size(), 100);
    assert_eq!(s.motion, Motion::Device);
    assert!(!s.contrast && !s.spacing);
    assert!(SETTINGS_KEY.starts_with(once_sent::save::KEY_PREFIX), "Forget everything finds it");
}

#[test]
fn a_stored_setting_is_read_as_written() {
    let text = "once-sent settings 1\nlang cy\ntext 175\nmotion reduce\ncontrast high\nspacing wide";
    let s = Settings::decode(text).unwrap();
    assert_eq!(
        s,
        Settings {
            lang: Some(Lang::Cy),
            text: Some(175),
            motion: Motion::Reduce,
            contrast: true,
            spacing: true
        }
    );
    assert_eq!(s.encode(), text);
}

#[test]
fn a_spoiled_line_costs_only_itself() {
    #[rustfmt::skip]
    let cases = [
        ("lang fr",          Settings::default()),
        ("text 130",         Settings::default()),
        ("text -5",          Settings::default()),
        ("text 99999999999", Settings::default()),
        ("motion wobble",    Settings::default()),
        ("contrast maybe",   Settings::default()),
        ("nonsense",         Settings::default()),
        ("",                 Settings::default()),
        ("text 200\nlang ??", Settings { text: Some(200), ..Settings::default() }),
        ("lang cy\ntext 12a", Settings { lang: Some(Lang::Cy), ..Settings::default() }),
    ];
    for (body, want) in cases {
        let text = format!("once-sent settings 1\n{body}");
        assert_eq!(Settings::decode(&text), Ok(want), "{body:?}");
    }
}

#[test]
fn text_that_is_not_ours_is_refused() {
    for text in ["", "{\"lang\":\"cy\"}", "once-sent settings 2\nlang cy", "once-sent save 1\nseed 3"] {
        assert!(Settings::decode(text).is_err(), "{text:?}");
    }
    let huge = format!("once-sent settings 1\n{}", "x".repeat(2000));
    assert!(Settings::decode(&huge).is_err());
}

#[test]
fn the_language_is_the_choice_then_the_device_then_english() {
    let none = Settings::default();
    let welsh = Settings { lang: Some(Lang::Cy), ..Settings::default() };
    let english = Settings { lang: Some(Lang::EnGb), ..Settings::default() };
    assert_eq!(none.language([]), FALLBACK);
    assert_eq!(none.language(["fr-FR", "de"]), FALLBACK);
    assert_eq!(none.language(["cy-GB", "en-GB"]), Lang::Cy);
    assert_eq!(none.language(["fr", "cy"]), Lang::Cy);
    assert_eq!(none.language(["en-GB", "cy"]), Lang::EnGb);
    assert_eq!(welsh.language(["en-GB"]), Lang::Cy);
    assert_eq!(english.language(["cy"]), Lang::EnGb);
}

#[test]
fn motion_follows_the_device_unless_told() {
    assert!(Motion::Device.reduced(true));
    assert!(!Motion::Device.reduced(false));
    assert!(Motion::Reduce.reduced(false));
    assert!(!Motion::Play.reduced(true));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn any_text_is_read_or_refused_without_panic(text in ".{0,300}") {
        let _ = Settings::decode(&text);
        let _ = Settings::decode(&format!("once-sent settings 1\n{text}"));
    }

    #[test]
    fn read_settings_store_as_what_was_read(body in "((lang|text|motion|contrast|spacing) [a-zA-Z0-9-]{0,6}\n){0,8}") {
        if let Ok(s) = Settings::decode(&format!("once-sent settings 1\n{body}")) {
            prop_assert_eq!(Settings::decode(&s.encode()), Ok(s));
        }
    }
}
