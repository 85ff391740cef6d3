//! Dates at the precision the source gives, and no more.
//!
//! Owns the date grammar of a brief (`2025`, `late 2025-10`, `2025-10-28`,
//! ranges `START..END`, a leading `~` for inferred dates), the display that
//! never invents precision, and the day keys that put dates in chronological
//! order. Imports nothing outside std, so the loader, the timeline and the
//! tests all agree on one reading of a date string.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const NOT_A_DATE: &str =
    "not a date: write 2025-10, 2025-10-28, late 2025-10 or 2025-10-02..2025-10-03";
const QUALIFIERS: [(&str, Part); 3] = [
    ("early", Part::Early),
    ("mid", Part::Mid),
    ("late", Part::Late),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Which third of a year or month a vague source points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }
}

/// One calendar day; the field order makes the derived `Ord` chronological,
/// which is all sorting needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// One side of a date as written. `day` is only meaningful with `month`;
/// `part` only without `day` (the parser guarantees both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub part: Option<Part>,
}

/// Kept as written rather than as a span of days, so that nothing downstream
/// can show more precision than the source gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    pub start: Point,
    pub end: Option<Point>,
    pub inferred: bool,
}

/// Why a date string was refused. `column` is a 0-based char offset into the
/// untrimmed input, so the loader can point at the exact spot in the YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    pub column: usize,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in a month; an out-of-range month gets 31 so that hand-built points
/// never panic, they just sort oddly.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(month: u8) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(usize::from(i)))
        .copied()
        .unwrap_or("???")
}

impl Point {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, _) => Precision::Year,
        }
    }

    pub fn earliest(&self) -> Day {
        self.bounds().0
    }

    pub fn latest(&self) -> Day {
        self.bounds().1
    }

    /// A qualifier narrows a year to four months and a month to ten-ish days,
    /// so "late 2025" still sorts after "mid 2025-06".
    fn bounds(&self) -> (Day, Day) {
        let year = self.year;
        let day = |month, day| Day { year, month, day };
        match (self.month, self.day) {
            (Some(m), Some(d)) => (day(m, d), day(m, d)),
            (Some(m), None) => {
                let last = days_in_month(year, m);
                let (a, b) = match self.part {
                    None => (1, last),
                    Some(Part::Early) => (1, 10),
                    Some(Part::Mid) => (11, 20),
                    Some(Part::Late) => (21, last),
                };
                (day(m, a), day(m, b))
            }
            (None, _) => {
                let (a, b) = match self.part {
                    None => (1, 12),
                    Some(Part::Early) => (1, 4),
                    Some(Part::Mid) => (5, 8),
                    Some(Part::Late) => (9, 12),
                };
                (day(a, 1), day(b, days_in_month(year, b)))
            }
        }
    }

    /// The point in words; `with_year` is off when a range shares the year.
    fn text(&self, with_year: bool) -> String {
        let mut words: Vec<String> = Vec::new();
        if let Some(part) = self.part {
            words.push(part.as_str().to_owned());
        }
        if let Some(month) = self.month {
            if let Some(day) = self.day {
                words.push(day.to_string());
            }
            words.push(month_name(month).to_owned());
        }
        if with_year || self.month.is_none() {
            words.push(self.year.to_string());
        }
        words.join(" ")
    }
}

impl Date {
    pub fn sort_key(&self) -> Day {
        self.start.earliest()
    }

    pub fn end_key(&self) -> Day {
        self.end.unwrap_or(self.start).latest()
    }

    pub fn year(&self) -> u16 {
        self.start.year
    }

    /// The `~` stays visible so an inferred date never passes for a read one.
    pub fn display(&self) -> String {
        let plain = self.display_plain();
        if self.inferred {
            format!("~{plain}")
        } else {
            plain
        }
    }

    /// Shared trailing words (year, or month and year) are written once, so
    /// a range reads like an English date rather than two timestamps.
    pub fn display_plain(&self) -> String {
        let s = self.start;
        let Some(e) = self.end.filter(|e| *e != s) else {
            return s.text(true);
        };
        let share_year = s.year == e.year && s.month.is_some() && e.month.is_some();
        let (left, right, tail) = match (s.day, e.day) {
            (Some(d1), Some(d2)) if share_year && s.month == e.month => {
                let month = month_name(s.month.unwrap_or(0));
                (
                    d1.to_string(),
                    d2.to_string(),
                    format!(" {month} {}", s.year),
                )
            }
            _ if share_year => (s.text(false), e.text(false), format!(" {}", s.year)),
            _ => (s.text(true), e.text(true), String::new()),
        };
        let dash = if left.contains(' ') || right.contains(' ') {
            " – "
        } else {
            "–"
        };
        format!("{left}{dash}{right}{tail}")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Offsets are tracked in bytes while parsing and reported in chars,
    /// because a char column is what an editor shows.
    fn from_str(input: &str) -> Result<Self, DateError> {
        parse(input).map_err(|(byte, message)| DateError {
            message,
            column: input.char_indices().take_while(|&(i, _)| i < byte).count(),
        })
    }
}

/// A refusal: the byte offset where the problem starts, and the message.
type Fail = (usize, String);

fn no<T>(at: usize, message: impl Into<String>) -> Result<T, Fail> {
    Err((at, message.into()))
}

/// Input is echoed into messages that reach a terminal: strip anything that
/// could steer it, and keep the echo short.
fn echo(text: &str) -> String {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
    };
    let mut out: String = text
        .chars()
        .take(20)
        .map(|c| if hidden(c) { '?' } else { c })
        .collect();
    if text.chars().nth(20).is_some() {
        out.push('…');
    }
    out
}

/// Slicing that cannot panic, whatever offset a malformed input leads to.
fn tail(s: &str, from: usize) -> &str {
    s.get(from..).unwrap_or("")
}

fn leading_digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Only ever given at most four ASCII digits; saturating anyway.
fn number(digits: &str) -> u16 {
    digits.bytes().fold(0, |n: u16, b| {
        n.saturating_mul(10)
            .saturating_add(u16::from(b.wrapping_sub(b'0')))
    })
}

fn parse(input: &str) -> Result<Date, Fail> {
    let body = input.trim();
    let lead = input.len() - input.trim_start().len();
    if body.is_empty() {
        return no(0, "empty date");
    }
    let inferred = body.starts_with('~');
    let rest = if inferred { tail(body, 1) } else { body };
    let pos = lead + usize::from(inferred);
    if let Some(i) = rest.find('~') {
        let message = if i == 0 {
            "only one '~' is allowed"
        } else {
            "'~' marks the whole date: put it once, at the start"
        };
        return no(pos + i, message);
    }
    if rest.is_empty() {
        return no(lead, "'~' needs a date after it (write ~2025-10)");
    }
    let point = |s: &str, base: usize| parse_point(s).map_err(|(at, m)| (base + at, m));
    let Some((a, b)) = rest.split_once("..") else {
        return Ok(Date {
            start: point(rest, pos)?,
            end: None,
            inferred,
        });
    };
    let b_pos = pos + a.len() + 2;
    let spaces = "no spaces around '..' (write START..END)";
    if a.is_empty() {
        return no(pos, "the range has no start: write START..END");
    }
    if b.is_empty() {
        return no(b_pos - 2, "the range has no end: write START..END");
    }
    if a.ends_with(char::is_whitespace) {
        return no(pos + a.trim_end().len(), spaces);
    }
    if b.starts_with(char::is_whitespace) {
        return no(b_pos, spaces);
    }
    if let Some(i) = b.find('.') {
        return no(b_pos + i, "use one '..' between START and END");
    }
    let (start, end) = (point(a, pos)?, point(b, b_pos)?);
    if start.earliest() > end.latest() {
        return no(b_pos, "the range ends before it starts");
    }
    Ok(Date {
        start,
        end: Some(end),
        inferred,
    })
}

/// One side of a date; offsets in the result are relative to `s`.
fn parse_point(s: &str) -> Result<Point, Fail> {
    let word_len = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let word = s.get(..word_len).unwrap_or("");
    let (part, mut off) = match QUALIFIERS
        .iter()
        .find(|(q, _)| q.eq_ignore_ascii_case(word))
    {
        _ if word.is_empty() => (None, 0),
        None => return no(0, NOT_A_DATE),
        Some(&(q, _)) if q != word => return no(0, format!("write '{q}' in lower case")),
        Some(&(q, part)) => {
            let after = tail(s, word_len);
            match after.chars().next() {
                None => {
                    return no(
                        0,
                        format!("'{q}' needs a year or month after it (write {q} 2025-10)"),
                    );
                }
                Some(' ') if !tail(after, 1).starts_with(char::is_whitespace) => {}
                Some(c) if c.is_whitespace() => {
                    return no(word_len, format!("one space after '{q}'"));
                }
                Some(_) => return no(word_len, format!("put one space after '{q}'")),
            }
            (Some(part), word_len + 1)
        }
    };
    let date_start = off;
    let year = match leading_digits(tail(s, off)) {
        0 => return no(off, NOT_A_DATE),
        4 => number(tail(s, off).get(..4).unwrap_or("")),
        _ => return no(off, "a year has four digits (1000–9999)"),
    };
    if year < 1000 {
        return no(
            off,
            format!("year {year:04} is out of range (use 1000–9999)"),
        );
    }
    let mut point = Point {
        year,
        month: None,
        day: None,
        part,
    };
    off += 4;
    let written = |off| s.get(date_start..off).unwrap_or("");
    if tail(s, off).starts_with('-') {
        let month = two_digits(s, off + 1, "month", "01–12", written(off))?;
        if !(1..=12).contains(&month) {
            return no(
                off + 1,
                format!("month {month:02} does not exist (use 01–12)"),
            );
        }
        point.month = Some(month);
        off += 3;
        if tail(s, off).starts_with('-') {
            let day = two_digits(s, off + 1, "day", "01–31", written(off))?;
            if day == 0 {
                return no(off + 1, "day 00 does not exist (use 01–31)");
            }
            if day > days_in_month(year, month) {
                return no(
                    off + 1,
                    format!("{day} {} {year} does not exist", month_name(month)),
                );
            }
            if let Some(part) = part {
                return no(
                    0,
                    format!("a day is already exact; drop '{}'", part.as_str()),
                );
            }
            point.day = Some(day);
            off += 3;
        }
    }
    let rest = tail(s, off);
    match rest.chars().next() {
        None => Ok(point),
        _ if rest.contains(':') => no(
            off,
            format!("a date has no time of day; drop '{}'", echo(rest)),
        ),
        Some('.') => no(off, "use '-' inside a date and '..' between two dates"),
        Some(_) => no(
            off,
            format!("unexpected '{}' after {}", echo(rest), written(off)),
        ),
    }
}

/// The two digits of a month or day at `at`; `written` is the date so far,
/// so a lone digit can be answered with its zero-padded form.
fn two_digits(s: &str, at: usize, what: &str, range: &str, written: &str) -> Result<u8, Fail> {
    let digits = tail(s, at);
    match leading_digits(digits) {
        2 => Ok(u8::try_from(number(digits.get(..2).unwrap_or(""))).unwrap_or(u8::MAX)),
        1 => no(
            at,
            format!(
                "{what} needs two digits (write {written}-0{})",
                digits.get(..1).unwrap_or("")
            ),
        ),
        _ => no(at, format!("{what} needs two digits ({range})")),
    }
}

#[cfg(test)]
mod tests;
