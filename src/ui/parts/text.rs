//! A body of text as the words write it: paragraphs, and lists (a guide's
//! sections, Help's topics).

use yew::prelude::*;

use crate::guides::{blocks, Block};

/// A section's body, as paragraphs and lists.
pub fn body(text: &str) -> Html {
    html! {
        { for blocks(text).into_iter().map(|b| match b {
            Block::Paragraph(p) => html! { <p>{ p }</p> },
            Block::List(items) => html! { <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul> },
        }) }
    }
}
