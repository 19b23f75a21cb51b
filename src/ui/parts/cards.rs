//! The words of a card shown between chapters (playing together at home,
//! and in Assembly's hall).

use crate::assembly::Card;
use crate::ui::Words;

/// A card's heading and words: a question to talk about, or a summary in
/// place of a chapter left out. Where help is, and the hall's knowledge
/// check, have screens of their own.
pub fn card_words(words: &Words, card: &Card) -> (String, String) {
    match card {
        Card::Prompt(chapter) => {
            (words.t("ui.assembly.prompt_heading").to_string(), words.t(&chapter.prompt_key()).to_string())
        }
        Card::Summary(chapter) => {
            let title = words.t(&chapter.title_key()).to_string();
            (
                words.t_with("ui.summary.heading", &[("title", &title)]),
                words.t(&chapter.summary_key()).to_string(),
            )
        }
        Card::Help | Card::Check { .. } | Card::Change => {
            (words.t("ui.help.heading").to_string(), String::new())
        }
    }
}
