//! The player's settings, kept on the device: language, text size, motion,
//! contrast and reading spacing. Pure: the shell applies them to the page
//! and stores them. Kept as a few plain lines under [`SETTINGS_KEY`]:
//!
//! ```text
//! once-sent settings 1
//! lang cy
//! text 150
//! motion reduce
//! contrast high
//! spacing wide
//! ```
//!
//! Lines that are missing or that this build cannot read keep their
//! default, so a spoiled line costs only itself; a text that is not ours
//! at all is refused and the shell starts from the defaults.

use crate::i18n::Lang;

/// Where the settings are kept (named in `crate::keys`).
pub use crate::keys::SETTINGS_KEY;

/// The first line of the stored settings.
const HEADER: &str = "once-sent settings 1";

/// Stored settings longer than this are not ours and are not read.
const MAX_LEN: usize = 1024;

/// The text sizes offered, in per cent of the game's normal size.
pub const TEXT_SIZES: [u16; 5] = [100, 125, 150, 175, 200];

/// Motion: follow the device's own setting, or always reduce, or always
/// play (for a projector whose laptop reduces motion for its own reasons).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Motion {
    /// As the device's "reduce motion" setting says.
    #[default]
    Device,
    /// Nothing moves unless asked to.
    Reduce,
    /// Animations play.
    Play,
}

impl Motion {
    /// Every choice, in the order offered.
    pub const ALL: [Motion; 3] = [Motion::Device, Motion::Reduce, Motion::Play];

    /// Its name in the stored settings and its catalogue key's last part.
    pub fn name(self) -> &'static str {
        match self {
            Motion::Device => "device",
            Motion::Reduce => "reduce",
            Motion::Play => "play",
        }
    }

    /// Whether motion is reduced, given what the device asks for.
    pub fn reduced(self, device_reduces: bool) -> bool {
        match self {
            Motion::Device => device_reduces,
            Motion::Reduce => true,
            Motion::Play => false,
        }
    }
}

/// Everything the player can set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The language chosen; none means the device's language decides.
    pub lang: Option<Lang>,
    /// Text size, one of [`TEXT_SIZES`].
    pub text: Option<u16>,
    /// Motion.
    pub motion: Motion,
    /// High contrast, for projectors and bright rooms.
    pub contrast: bool,
    /// Wider letter, word and line spacing, which many dyslexic readers
    /// find easier.
    pub spacing: bool,
}

/// Why stored settings were not read.
#[derive(Debug, PartialEq, Eq)]
pub struct Unreadable;

impl Settings {
    /// The text size in per cent.
    pub fn text_size(&self) -> u16 {
        self.text.unwrap_or(TEXT_SIZES[0])
    }

    /// The language to show: the one chosen, else the first of the
    /// device's preferred languages (`navigator.languages`) the game has,
    /// else the fallback.
    pub fn language<'a>(&self, device: impl IntoIterator<Item = &'a str>) -> Lang {
        self.lang.or_else(|| device.into_iter().find_map(Lang::from_tag)).unwrap_or(crate::i18n::FALLBACK)
    }

    /// The settings as stored: only what differs from the defaults.
    pub fn encode(&self) -> String {
        let mut out = String::from(HEADER);
        let mut line = |name: &str, value: &str| {
            out.push('\n');
            out.push_str(name);
            out.push(' ');
            out.push_str(value);
        };
        if let Some(lang) = self.lang {
            line("lang", lang.tag());
        }
        if let Some(text) = self.text {
            line("text", &text.to_string());
        }
        if self.motion != Motion::Device {
            line("motion", self.motion.name());
        }
        if self.contrast {
            line("contrast", "high");
        }
        if self.spacing {
            line("spacing", "wide");
        }
        out
    }

    /// Reads stored settings. A line this build cannot read is skipped
    /// (its setting keeps its default); text that is not ours is refused.
    pub fn decode(text: &str) -> Result<Settings, Unreadable> {
        if text.len() > MAX_LEN {
            return Err(Unreadable);
        }
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(Unreadable);
        }
        let mut s = Settings::default();
        for line in lines {
            match line.split_once(' ') {
                Some(("lang", tag)) => s.lang = Lang::from_tag(tag).or(s.lang),
                Some(("text", n)) => {
                    s.text = n.parse().ok().filter(|n| TEXT_SIZES.contains(n)).or(s.text);
                }
                Some(("motion", m)) => {
                    s.motion = Motion::ALL.into_iter().find(|x| x.name() == m).unwrap_or(s.motion);
                }
                Some(("contrast", v)) => s.contrast = v == "high",
                Some(("spacing", v)) => s.spacing = v == "wide",
                _ => {}
            }
        }
        Ok(s)
    }
}
