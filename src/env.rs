//! What the environment says about the terminal: whether to colour, and
//! whether it can draw more than ASCII. Decided once at start from the
//! command line and the variables that do arrive over SSH (`TERM`, the
//! locale, `NO_COLOR`); never from `COLORTERM`, and never by asking the
//! terminal (a query can stall or leak into typed input on a slow link).

use crate::app::Display;
use crate::cli::Color;

/// The environment variables that matter, so the decision is a pure function.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vars {
    pub term: Option<String>,
    pub no_color: bool,
    /// LC_ALL, else LC_CTYPE, else LANG: the first one set.
    pub locale: Option<String>,
}

impl Vars {
    pub fn from_process() -> Self {
        let get = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Vars {
            term: get("TERM"),
            // https://no-color.org: set and not empty.
            no_color: get("NO_COLOR").is_some(),
            locale: get("LC_ALL")
                .or_else(|| get("LC_CTYPE"))
                .or_else(|| get("LANG")),
        }
    }
}

/// Terminals whose own font or protocol has no box drawing or wide glyphs.
const ASCII_TERMS: &[&str] = &["linux", "vt100", "vt102", "vt220", "dumb", "ansi"];

pub fn display(color: Color, ascii: bool, vars: &Vars) -> Display {
    let term = vars.term.as_deref().unwrap_or("");
    let dumb = term == "dumb";
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => !vars.no_color && !dumb,
    };
    let utf8 = vars.locale.as_deref().is_none_or(|l| {
        let l = l.to_ascii_lowercase();
        // An unset or plain C/POSIX locale on a modern system is usually
        // C.UTF-8 in practice only when it says so; "C" alone means ASCII.
        l.contains("utf-8") || l.contains("utf8")
    });
    let ascii = ascii || !utf8 || ASCII_TERMS.contains(&term);
    Display { color, ascii }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(term: &str, no_color: bool, locale: &str) -> Vars {
        Vars {
            term: Some(term.into()),
            no_color,
            locale: Some(locale.into()),
        }
    }

    #[test]
    fn no_color_and_dumb_terminals_get_no_colour_unless_forced() {
        let v = vars("xterm-256color", true, "en_GB.UTF-8");
        assert!(!display(Color::Auto, false, &v).color);
        assert!(display(Color::Always, false, &v).color);
        assert!(!display(Color::Auto, false, &vars("dumb", false, "C.UTF-8")).color);
        assert!(
            display(
                Color::Auto,
                false,
                &vars("screen-256color", false, "C.UTF-8")
            )
            .color
        );
        assert!(!display(Color::Never, false, &vars("xterm", false, "C.UTF-8")).color);
    }

    #[test]
    fn ascii_for_the_console_old_terminals_and_non_utf8_locales() {
        assert!(display(Color::Auto, false, &vars("linux", false, "en_US.UTF-8")).ascii);
        assert!(display(Color::Auto, false, &vars("vt100", false, "en_US.UTF-8")).ascii);
        assert!(display(Color::Auto, false, &vars("xterm", false, "C")).ascii);
        assert!(
            display(
                Color::Auto,
                false,
                &vars("xterm", false, "en_US.ISO-8859-1")
            )
            .ascii
        );
        assert!(!display(Color::Auto, false, &vars("xterm", false, "en_US.utf8")).ascii);
        assert!(display(Color::Auto, true, &vars("xterm", false, "en_US.UTF-8")).ascii);
    }
}
