#![cfg(not(target_arch = "wasm32"))]
//! The pages around the game (src/guides.rs) against the shipped words:
//! every page has its sections without gaps, bodies read as paragraphs and
//! lists, and the letter for
//! parents has its lines to fill in by hand.

use once_sent::guides::{blocks, sections, Block, PAGES};
use once_sent::i18n::{Catalogue, Lang};

fn en() -> Catalogue {
    Catalogue::load(Lang::EnGb).unwrap()
}

#[test]
fn every_page_has_a_title_an_introduction_and_sections_without_gaps() {
    let cat = en();
    for page in PAGES {
        assert!(cat.has(&format!("guide.{page}.title")), "{page}");
        assert!(cat.has(&format!("guide.{page}.intro")), "{page}");
        let found = sections(page, |k| cat.has(k));
        assert!(!found.is_empty(), "{page} has no sections");
        for s in &found {
            assert!(cat.has(&format!("{s}.body")), "{s} has a heading but no body");
        }
        // Nothing numbered past a gap: the page would never show it.
        let after = format!("guide.{page}.s{}", found.len() + 2);
        assert!(!cat.keys().any(|k| k.starts_with(&after)), "{page}: a section after a gap");
    }
}

#[test]
fn a_body_reads_as_paragraphs_and_lists() {
    let body = "First line\nsame paragraph.\n\nIntro to a list:\n- one\n- two\n\n- alone\nafter the list";
    assert_eq!(
        blocks(body),
        [
            Block::Paragraph("First line\nsame paragraph."),
            Block::Paragraph("Intro to a list:"),
            Block::List(vec!["one", "two"]),
            Block::List(vec!["alone"]),
            Block::Paragraph("after the list"),
        ]
    );
    assert_eq!(blocks(""), []);
    assert_eq!(blocks("\n\n  \n"), []);
    // Every shipped body has something in it.
    let cat = en();
    for page in PAGES {
        for s in sections(page, |k| cat.has(k)) {
            assert!(!blocks(cat.t(&format!("{s}.body"))).is_empty(), "{s}");
        }
    }
}

#[test]
fn the_letter_for_parents_is_a_page_with_lines_for_the_school() {
    assert!(PAGES.contains(&"letter"));
    for lang in Lang::ALL {
        let cat = Catalogue::load(lang).unwrap();
        for key in ["guide.letter.school", "guide.letter.date", "guide.letter.from", "guide.letter_open"] {
            assert!(cat.has(key), "{}: {key}", lang.tag());
        }
        let bodies: Vec<String> =
            sections("letter", |k| cat.has(k)).iter().map(|s| format!("{s}.body")).collect();
        let text: String = bodies.iter().map(|k| cat.t(k)).collect();
        // What a parent must hear before the lesson (CONTENT.md).
        for must in ["0800 1111", "0808 800 5000"] {
            assert!(text.contains(must), "{}: the letter lacks {must}", lang.tag());
        }
    }
}

#[test]
fn the_old_check_s_score_before_playing_is_read_and_bad_text_is_none() {
    use once_sent::guides::decode_before;
    for n in 0..=10 {
        assert_eq!(decode_before(&format!("before {n}")), Some(n));
    }
    for bad in ["", "before", "before 11", "before -1", "after 3", "before 3 3", "BEFORE 3"] {
        assert_eq!(decode_before(bad), None, "{bad:?}");
    }
}
