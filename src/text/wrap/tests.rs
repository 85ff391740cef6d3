//! Tests of `wrap`: kept beside it so the module itself stays readable.

use super::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

const WIDE: &str = include_str!("../../../tests/fixtures/text/wide.txt");
const HEART: &str = "❤\u{FE0F}";
const FAMILY: &str = "👩\u{200D}👩\u{200D}👧";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Plain,
    Link(usize),
}
use Tag::{Link, Plain};

fn seg<T>(text: &str, tag: T) -> Segment<'_, T> {
    Segment { text, tag }
}

fn texts<T>(lines: &[WrappedLine<'_, T>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.iter().map(|p| p.text).collect())
        .collect()
}

fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    let lines = wrap(&[seg(text, 0)], width);
    check(&[seg(text, 0)], width, &lines);
    assert_renders_uncut(&lines, width);
    texts(&lines)
}

fn line_width<T>(line: &[Piece<'_, T>]) -> usize {
    line.iter().map(|p| p.width).sum()
}

fn piece<T>(text: &str, tag: T) -> Piece<'_, T> {
    Piece {
        text,
        tag,
        width: str_width(text),
    }
}

/// Draws each line with ratatui's `Buffer::set_line` at `width` and asserts that it shows
/// every visible cluster of the line, uncut, and stops exactly at our computed width.
fn assert_renders_uncut<T>(lines: &[WrappedLine<'_, T>], width: usize) {
    let cells = u16::try_from(width).expect("test width fits u16");
    for line in lines {
        let clusters = line.iter().flat_map(|p| p.text.graphemes(true));
        let visible: String = clusters.filter(|g| grapheme_width(g) > 0).collect();
        let mut buf = Buffer::empty(Rect::new(0, 0, cells, 1));
        let spans: Vec<Span> = line.iter().map(|p| Span::raw(p.text)).collect();
        let (end, _) = buf.set_line(0, 0, &Line::from(spans), cells);
        let (mut drawn, mut x) = (String::new(), 0);
        while x < end {
            let symbol = buf[(x, 0)].symbol();
            drawn.push_str(symbol);
            x += symbol.cell_width().max(1);
        }
        if line_width(line) <= width {
            assert_eq!(drawn, visible, "cut at width {width}");
            assert_eq!(usize::from(end), line_width(line), "{visible:?} at {width}");
        } else {
            assert_eq!(
                visible.graphemes(true).count(),
                1,
                "only a lone cluster overflows"
            );
        }
    }
}

const WORD: u8 = 0;
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;

/// Checks every rule for `lines = wrap(segments, width)`, segments tagged by their index.
/// Walking the input with a cursor, each line's pieces must be the next contiguous stretch of
/// input, and only break spaces, hard breaks and the trailing spaces of a paragraph may be
/// skipped: the output with its dropped spaces put back is exactly the input (round trip).
fn check(segments: &[Segment<'_, usize>], width: usize, lines: &[WrappedLine<'_, usize>]) {
    let (mut bases, mut kind) = (Vec::new(), Vec::new());
    for s in segments {
        bases.push(kind.len());
        for g in s.text.graphemes(true) {
            let k = match g {
                " " => SPACE,
                "\n" => NEWLINE,
                _ => WORD,
            };
            kind.extend(std::iter::repeat_n(k, g.len()));
        }
    }
    let n = kind.len();
    let cells = |start: usize, end: usize| -> usize {
        let slice = |(s, &b): (&Segment<'_, usize>, &usize)| {
            let len = s.text.len();
            str_width(&s.text[start.clamp(b, b + len) - b..end.clamp(b, b + len) - b])
        };
        segments.iter().zip(&bases).map(slice).sum()
    };
    let skip = |mut p: usize, k: u8| {
        while p < n && kind[p] == k {
            p += 1;
        }
        p
    };
    let mut pos = 0;
    for (i, line) in lines.iter().enumerate() {
        let mut para_start = i == 0;
        if i > 0 && skip(pos, SPACE) < n && kind[skip(pos, SPACE)] == NEWLINE {
            (pos, para_start) = (skip(pos, SPACE) + 1, true);
        }
        if line.is_empty() {
            assert!(para_start && (skip(pos, SPACE) == n || kind[skip(pos, SPACE)] == NEWLINE));
            pos = skip(pos, SPACE);
            continue;
        }
        let mut ranges = line.iter().map(|p| {
            let text = segments[p.tag].text;
            let offset = p.text.as_ptr() as usize - text.as_ptr() as usize;
            assert!(!p.text.is_empty() && offset + p.text.len() <= text.len());
            assert_eq!(p.width, str_width(p.text));
            (
                bases[p.tag] + offset,
                bases[p.tag] + offset + p.text.len(),
                p.tag,
            )
        });
        let (start, mut end, mut tag) = ranges.next().expect("non-empty line");
        for (s, e, t) in ranges {
            assert!(s == end && t != tag, "pieces contiguous and merged");
            (end, tag) = (e, t);
        }
        assert!(start >= pos && kind[pos..start].iter().all(|&k| k == SPACE));
        assert!(kind[end - 1] != SPACE, "trailing spaces dropped");
        let first = line[0]
            .text
            .graphemes(true)
            .next()
            .map_or(0, grapheme_width);
        let word = if start == pos {
            first
        } else {
            cells(start, skip(start, WORD))
        };
        let before = if para_start {
            0
        } else {
            line_width(&lines[i - 1])
        };
        if !para_start || start > pos {
            assert!(kind[start] == WORD && before + cells(pos, start) + word > width);
        }
        let visible = line.iter().flat_map(|p| p.text.graphemes(true));
        let visible = visible.filter(|g| grapheme_width(g) > 0).count();
        assert!(line_width(line) <= width || visible == 1, "line too wide");
        pos = end;
    }
    assert!(kind[pos..].iter().all(|&k| k == SPACE), "input left over");
}

/// Deterministic xorshift64 so the generated cases are the same on every run.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Input tokens for generated cases, separated by `|`.
const TOKENS: &str = "a|to|word|wrapping|supercalifragilistic| | | |   |\n|,|中|文字符|e\u{301}|\
    Zoe\u{308}|❤\u{FE0F}|👩\u{200D}👩\u{200D}👧|\u{200B}|\u{200D}|ｶﾞ|🇫🇷";

fn check_all(segments: &[Segment<'_, usize>], widths: impl Iterator<Item = usize>) {
    for width in widths {
        let lines = wrap(segments, width);
        check(segments, width, &lines);
        assert_renders_uncut(&lines, width);
    }
}

#[test]
fn round_trip_and_rules_hold_for_generated_input() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let tokens: Vec<&str> = TOKENS.split('|').collect();
    for _ in 0..2000 {
        let texts: Vec<String> = (0..1 + rng.below(5))
            .map(|_| {
                (0..rng.below(16))
                    .map(|_| tokens[rng.below(tokens.len())])
                    .collect()
            })
            .collect();
        let segments: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| seg(t.as_str(), i))
            .collect();
        check_all(&segments, std::iter::once(1 + rng.below(59)));
    }
}

#[test]
fn wide_fixture_wraps_at_every_width() {
    check_all(&[seg(WIDE, 0)], 1..=90);
    // The same text chopped into 7-char segments, so words straddle segments.
    let chars: Vec<(usize, char)> = WIDE.char_indices().collect();
    let cuts: Vec<usize> = chars
        .iter()
        .step_by(7)
        .map(|c| c.0)
        .chain([WIDE.len()])
        .collect();
    let segments: Vec<_> = cuts
        .windows(2)
        .enumerate()
        .map(|(i, w)| seg(&WIDE[w[0]..w[1]], i))
        .collect();
    check_all(&segments, 1..=90);
}

/// `(text, width, expected lines)` for one plain segment; also runs `check` on each.
type Cases<'c> = [(&'c str, usize, &'c [&'c str])];

fn assert_wraps(cases: &Cases<'_>) {
    for &(text, width, want) in cases {
        assert_eq!(wrap_plain(text, width), want, "{text:?} at {width}");
    }
}

#[test]
fn plain_ascii_and_spaces() {
    assert_wraps(&[
        (
            "the quick brown fox jumps",
            10,
            &["the quick", "brown fox", "jumps"],
        ),
        ("abc def", 7, &["abc def"]),
        ("abc def", 6, &["abc", "def"]),
        ("abcdefgh ij", 3, &["abc", "def", "gh", "ij"]),
        // Inner spaces kept, trailing dropped, indent kept only if it fits with the word.
        ("  one  two   three", 10, &["  one  two", "three"]),
        ("a b   ", 80, &["a b"]),
        ("    abcdef", 8, &["abcdef"]),
        ("   ", 8, &[""]),
    ]);
}

#[test]
fn cjk_is_two_cells_and_long_runs_break_between_chars() {
    assert_eq!(str_width("中文字符"), 8);
    assert_wraps(&[
        ("中文字符", 4, &["中文", "字符"]),
        ("中文字符", 5, &["中文", "字符"]),
        ("中文字符", 3, &["中", "文", "字", "符"]),
        ("ab 中文字符", 6, &["ab", "中文字", "符"]),
    ]);
}

#[test]
fn combining_marks_stay_with_their_base() {
    assert_eq!((str_width("e\u{301}"), str_width("Zoe\u{308}")), (1, 3));
    assert_wraps(&[
        ("Zoe\u{308}Zoe\u{308}", 2, &["Zo", "e\u{308}Z", "oe\u{308}"]),
        (
            "cafe\u{301} cafe\u{301}",
            4,
            &["cafe\u{301}", "cafe\u{301}"],
        ),
    ]);
}

#[test]
fn vs16_emoji_is_one_two_cell_cluster_like_ratatui() {
    assert_eq!(HEART.graphemes(true).count(), 1);
    assert_eq!(UnicodeWidthStr::width(HEART), 2);
    assert_eq!(UnicodeWidthStr::width("❤"), 1);
    assert_eq!(str_width(HEART), 2);
    assert_eq!(Span::raw(HEART).width(), 2);
    assert_eq!(
        Line::from(vec![Span::raw(HEART), Span::raw(HEART)]).width(),
        4
    );
    // The reason textwrap's width is not used.
    assert_ne!(textwrap::core::display_width(HEART), 2);
    assert_wraps(&[("❤\u{FE0F}❤\u{FE0F} ❤\u{FE0F}", 3, &[HEART, HEART, HEART])]);
}

#[test]
fn zwj_family_is_one_cluster_measured_like_ratatui() {
    assert_eq!(FAMILY.graphemes(true).count(), 1);
    assert_eq!(UnicodeWidthStr::width(FAMILY), 2);
    assert_eq!(str_width(FAMILY), Span::raw(FAMILY).width());
    assert_eq!(str_width(FAMILY), Line::from(FAMILY).width());
    assert_ne!(textwrap::core::display_width(FAMILY), 2);
    let two = format!("{FAMILY}{FAMILY}");
    let text = format!("{two} {FAMILY}");
    assert_wraps(&[
        (&text, 3, &[FAMILY, FAMILY, FAMILY]),
        (&text, 4, &[&two, FAMILY]),
    ]);
}

#[test]
fn halfwidth_sound_marks_follow_the_buffer_not_span_width() {
    // unicode-width 0.2.3 already counts U+FF9E as 1 and ratatui's buffer adds 1 more.
    assert_eq!(UnicodeWidthStr::width("ｶﾞ"), 2);
    assert_eq!(Span::raw("ｶﾞ").width(), 2);
    assert_eq!(str_width("ｶﾞ"), 3);
    assert_wraps(&[("ｶﾞｷﾞ", 3, &["ｶﾞ", "ｷﾞ"])]);
}

#[test]
fn tags_keep_their_boundaries_and_words_do_not_split_between_segments() {
    let segments = [
        seg("see ", Plain),
        seg("ttp", Link(0)),
        seg(", then", Plain),
    ];
    let one = vec![
        piece("see ", Plain),
        piece("ttp", Link(0)),
        piece(", then", Plain),
    ];
    assert_eq!(wrap(&segments, 80), [one]);
    let ttp = vec![piece("ttp", Link(0)), piece(",", Plain)];
    let want = [vec![piece("see", Plain)], ttp, vec![piece("then", Plain)]];
    assert_eq!(wrap(&segments, 6), want);
    let segments = [seg("xy ", Plain), seg("abc", Link(2)), seg("def", Plain)];
    assert_eq!(texts(&wrap(&segments, 7)), ["xy", "abcdef"]);
}

#[test]
fn link_with_spaces_wraps_across_lines_keeping_its_tag() {
    let segments = [
        seg("read ", Plain),
        seg("the fine manual", Link(1)),
        seg(" now", Plain),
    ];
    let lines = wrap(&segments, 12);
    let first = vec![piece("read ", Plain), piece("the", Link(1))];
    let second = vec![piece("fine manual", Link(1))];
    assert_eq!(lines, [first, second, vec![piece("now", Plain)]]);
    assert_renders_uncut(&lines, 12);
}

#[test]
fn hard_breaks() {
    assert_wraps(&[
        ("a\n\nb", 10, &["a", "", "b"]),
        ("a\n", 10, &["a", ""]),
        ("\n", 10, &["", ""]),
        ("", 10, &[""]),
        ("a  \n  b", 10, &["a", "  b"]),
    ]);
    let one_two = [vec![piece("one", Link(0))], vec![piece("two", Link(0))]];
    assert_eq!(wrap(&[seg("one\ntwo", Link(0))], 10), one_two);
}

#[test]
fn narrow_widths() {
    assert!(wrap(&[seg("anything at all", 0)], 0).is_empty());
    assert_wraps(&[
        ("ab c", 1, &["a", "b", "c"]),
        ("中a", 1, &["中", "a"]),
        ("a中 b", 1, &["a", "中", "b"]),
        ("中文 a b", 2, &["中", "文", "a", "b"]),
        ("a 中", 2, &["a", "中"]),
    ]);
}

#[test]
fn zero_width_clusters_do_not_loop() {
    assert_wraps(&[
        ("\u{200B}", 1, &["\u{200B}"]),
        ("\u{200D}\u{200D}\u{200D}", 1, &["\u{200D}\u{200D}\u{200D}"]),
        ("a\u{200B}b\u{200B}c", 1, &["a\u{200B}", "b\u{200B}", "c"]),
        ("\u{200D} \u{200B} a", 1, &["\u{200D} \u{200B}", "a"]),
    ]);
}

#[test]
fn ten_thousand_words_at_80() {
    let mut rng = Rng(42);
    let words: Vec<&str> = "lorem ipsum 中文 e\u{301}tude ❤\u{FE0F} a dolorsitametconsectetur"
        .split(' ')
        .collect();
    let text: Vec<&str> = (0..10_000).map(|_| words[rng.below(words.len())]).collect();
    let text = text.join(" ");
    let lines = wrap(&[seg(text.as_str(), 0)], 80);
    assert!(lines.len() > 500);
    check(&[seg(text.as_str(), 0)], 80, &lines);
    assert_renders_uncut(&lines, 80);
}

#[test]
fn fit_cuts_at_graphemes_and_marks_the_cut() {
    assert_eq!(fit("Kabul", 5), "Kabul");
    assert_eq!(fit("Kabul", 4), "Kab…");
    assert_eq!(fit("中文字符", 5), "中文…");
    assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    assert_eq!(fit("abc", 0), "");
}

/// Words of ASCII are taken whole, but never the letter that an accent,
/// a joiner or a variation selector after it joins: wherever the two meet,
/// the lines keep the rules and every piece ends between clusters.
#[test]
fn ascii_words_end_where_a_cluster_begins() {
    let tails = [
        "e\u{301}",
        "a\u{200d}b",
        "1\u{fe0f}\u{20e3}",
        "#\u{fe0f}",
        "ab中",
        "ab\u{600}c",
    ];
    for tail in tails {
        for head in ["", "word", "a b", "ab\ncd", " "] {
            let text = format!("{head}{tail} {head}{tail}{tail}");
            check_all(&[seg(&text, 0)], 1..=12);
            if let Some((a, b)) = text.split_at_checked(text.len() / 2) {
                check_all(&[seg(a, 0), seg(b, 1)], 1..=12);
            }
        }
    }
}

/// The ASCII shortcut finds exactly the clusters the segmenter does,
/// wherever ASCII meets what joins or breaks clusters: CR LF, combining
/// marks, ZWJ, emoji, flags, prepended marks, Hangul, Indic conjuncts.
#[test]
fn clusters_are_the_segmenters_own() {
    let pieces = [
        "",
        "a",
        "ab ",
        "\r",
        "\n",
        "\r\n",
        "\t",
        "\x1b[31m",
        "e\u{301}",
        "\u{301}",
        "\u{200d}",
        "\u{fe0f}",
        "❤\u{fe0f}",
        "👩\u{200d}👩\u{200d}👧",
        "🇦",
        "🇦🇧🇨",
        "ｶﾞ",
        "\u{600}",
        "\u{600}1",
        "क्\u{200d}ष",
        "\u{1100}\u{1161}",
        "é—",
        "1\u{20e3}",
    ];
    let mut cases: Vec<String> = Vec::new();
    for a in pieces {
        for b in pieces {
            for c in ["", "x", "\u{301}", "\n", "🇧"] {
                cases.push(format!("{a}{b}{c}"));
            }
        }
    }
    for s in &cases {
        let ours: Vec<(usize, &str)> = clusters(s).collect();
        let theirs: Vec<(usize, &str)> = s.grapheme_indices(true).collect();
        assert_eq!(ours, theirs, "{s:?}");
        let width: usize = s.graphemes(true).map(grapheme_width).sum();
        assert_eq!(str_width(s), width, "{s:?}");
    }
}
