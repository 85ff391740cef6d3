//! What a parse failure tells the author: the limit that was passed, in the
//! words of the format document, or the YAML syntax error with a hint at
//! its likely cause (the parser names the symptom, which is often a line
//! or two after the mistake, such as a `[` never closed).

use super::tree::{Loc, budget};

/// A parse failure: where, and what to tell the author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub loc: Loc,
    /// The whole message: "YAML syntax: …" for malformed YAML, or the limit
    /// that was passed.
    pub message: String,
    pub help: Option<String>,
}

impl ParseError {
    /// The parser's own complaint about malformed YAML, with a hint.
    pub fn syntax(said: &str, loc: Loc, text: &str) -> Self {
        let said = clean_message(said);
        let help = unclosed(text, loc).or_else(|| syntax_help(&said));
        ParseError {
            loc,
            message: format!("YAML syntax: {said}"),
            help,
        }
    }

    /// A limit of the format was passed.
    pub fn limit(limit: Limit, loc: Loc) -> Self {
        ParseError {
            loc,
            message: limit_message(limit),
            help: None,
        }
    }

    /// Any other failure, worded by the caller.
    pub fn plain(message: impl Into<String>, loc: Loc) -> Self {
        let message = message.into();
        let help = syntax_help(&message);
        ParseError { loc, message, help }
    }
}

/// The limits a file can pass, each with the one message that names it.
pub enum Limit {
    Depth,
    Nodes,
    Replayed,
    Aliases,
    Documents,
    Text,
}

fn limit_message(limit: Limit) -> String {
    match limit {
        Limit::Depth => format!(
            "nesting deeper than the limit of {} levels; a brief needs far fewer",
            budget::MAX_DEPTH
        ),
        Limit::Nodes => format!(
            "more than the limit of {} YAML values in one file (aliases count each time they are used); split the brief into several files",
            thousands(budget::MAX_NODES)
        ),
        Limit::Replayed => format!(
            "aliases expand to more than the limit of {} values in one file; write the values out or use fewer aliases",
            thousands(budget::MAX_REPLAYED)
        ),
        Limit::Aliases => format!(
            "more than the limit of {} aliases or anchors in one file",
            thousands(budget::MAX_ALIASES)
        ),
        Limit::Documents => {
            "a brief file holds one YAML document; remove the `---` separator or split the file"
                .to_owned()
        }
        Limit::Text => format!(
            "more than the limit of {} MiB of text in one file (aliases count each time they are used)",
            budget::MAX_TEXT_BYTES / (1024 * 1024)
        ),
    }
}

/// `8000000` → `8,000,000`, as the format document writes limits.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A hint for the syntax errors an author most often meets.
fn syntax_help(message: &str) -> Option<String> {
    let help = if message.contains("tab") {
        "indent with spaces: YAML does not allow tabs for indentation"
    } else if message.contains("':' indicator")
        || message.contains("mapping values are not allowed")
    {
        "a `: ` inside text starts a new key: put such text in quotes"
    } else if message == "invalid indentation" {
        // The scanner's word for a `[…]` or `{…}` spread over lines with a
        // line (often the closing bracket) not indented past its key.
        "a `[…]` or `{…}` spread over several lines indents every line, the closing bracket too, further than its key"
    } else if message.contains("did not find expected") || message.contains("indentation") {
        "check the indentation against the lines above: the fields of one mapping, and the `- ` of one list, start in the same column"
    } else if message.contains("quoted scalar") {
        "check the quotes: inside \"…\" a backslash starts an escape (write \\\\ for one backslash); inside '…' write '' for one quote"
    } else if message.contains("anchor") {
        "an alias `*name` needs an anchor `&name` earlier in the file"
    } else if message.contains("!!binary") {
        "binary data has no place in a brief; write the text out"
    } else {
        return None;
    };
    Some(help.to_owned())
}

/// How many lines before an error are searched for an unclosed bracket.
const LOOK_BACK: u32 = 20;

/// The most recent `[` or `{` left open in the lines up to the error's,
/// if any: the usual cause of a syntax error reported a line or two later.
/// The error's own line counts whole, so a `]` there that closes the list
/// (too far left, say) is not blamed as missing. Skips quoted text and
/// comments; a closing bracket with no opener in view is ignored.
fn unclosed(text: &str, at: Loc) -> Option<String> {
    let first = at.line.saturating_sub(LOOK_BACK).max(1);
    let lines = text.split('\n').skip(first as usize - 1);
    let mut open: Vec<(char, Loc)> = Vec::new();
    for (line, number) in lines.zip(first..=at.line) {
        let mut quote: Option<char> = None;
        let mut before = ' ';
        for (i, c) in line.chars().enumerate() {
            let col = u32::try_from(i + 1).unwrap_or(u32::MAX);
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '#') if before.is_whitespace() => break,
                // A quote opens quoted text only where a value can start
                // (the apostrophe of "TTP's" does not).
                (None, '"' | '\'') if " \t[{,:".contains(before) => quote = Some(c),
                (None, '[' | '{') => open.push((c, Loc { line: number, col })),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            before = c;
        }
    }
    let (c, loc) = open.pop()?;
    let close = if c == '[' { ']' } else { '}' };
    Some(format!(
        "the `{c}` at line {}, column {} is never closed with `{close}`",
        loc.line, loc.col
    ))
}

/// The parser's message, first line only and without a location (we
/// print our own, with the line quoted).
fn clean_message(text: &str) -> String {
    let first = text.lines().next().unwrap_or(text);
    let rest = match first.rfind(" at line ") {
        Some(i) if first[i..].contains(", column ") => &first[..i],
        _ => first,
    };
    rest.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_written_as_the_format_document_writes_them() {
        assert_eq!(thousands(8_000_000), "8,000,000");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(0), "0");
    }

    #[test]
    fn an_unclosed_bracket_above_the_error_is_named() {
        let text = "a:\n  b: [x, y\n  c: 1\n";
        let help = unclosed(text, Loc { line: 3, col: 4 });
        assert_eq!(
            help.as_deref(),
            Some("the `[` at line 2, column 6 is never closed with `]`")
        );
    }

    #[test]
    fn a_bracket_closed_on_the_error_line_is_not_blamed() {
        let text = "a: [\n  x,\n]\n";
        assert_eq!(unclosed(text, Loc { line: 3, col: 1 }), None);
    }

    #[test]
    fn brackets_in_quotes_and_comments_and_apostrophes_do_not_count() {
        let text = "a: \"[x\" # [y\nb: TTP's [z]\nc: d\n";
        assert_eq!(unclosed(text, Loc { line: 3, col: 2 }), None);
    }
}
