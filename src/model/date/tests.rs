//! Tests of `date`: kept beside it so the module itself stays readable.

use super::*;

fn date(s: &str) -> Date {
    s.parse()
        .unwrap_or_else(|e: DateError| panic!("{s:?}: {e}"))
}

fn err(s: &str) -> DateError {
    match s.parse::<Date>() {
        Ok(d) => panic!("{s:?} parsed as {d:?}"),
        Err(e) => e,
    }
}

#[test]
fn display_keeps_the_written_precision() {
    #[rustfmt::skip]
    let cases = [
        ("2025-10-28", "28 Oct 2025"),
        ("2025-10", "Oct 2025"),
        ("2025", "2025"),
        ("late 2025-10", "late Oct 2025"),
        ("early 2025", "early 2025"),
        ("2026-01-02..2026-01-03", "2–3 Jan 2026"),
        ("2025-10-28..2025-11-03", "28 Oct – 3 Nov 2025"),
        ("2024-12-30..2025-01-02", "30 Dec 2024 – 2 Jan 2025"),
        ("2025-10..2025-11", "Oct–Nov 2025"),
        ("2024-12..2025-01", "Dec 2024 – Jan 2025"),
        ("2021..2023", "2021–2023"),
        ("late 2024-12..early 2025-01", "late Dec 2024 – early Jan 2025"),
        ("2025-10..2025-11-03", "Oct – 3 Nov 2025"),
        ("2025-10-28..2025-10-28", "28 Oct 2025"),
        ("~2026-01-02..2026-01-03", "~2–3 Jan 2026"),
        ("~2025", "~2025"),
        ("  mid 2025-06 \n", "mid Jun 2025"),
    ];
    for (input, want) in cases {
        let d = date(input);
        assert_eq!(
            (d.display(), d.to_string()),
            (want.into(), want.into()),
            "{input}"
        );
    }
    let inferred = date("~2026-01-02..2026-01-03");
    assert_eq!(inferred.display_plain(), "2–3 Jan 2026");
    assert!(inferred.inferred && !date("2025").inferred);
}

#[test]
fn keys_span_what_the_date_allows() {
    #[rustfmt::skip]
    let cases = [
        ("2025", (2025, 1, 1), (2025, 12, 31)),
        ("early 2025", (2025, 1, 1), (2025, 4, 30)),
        ("mid 2025", (2025, 5, 1), (2025, 8, 31)),
        ("late 2025", (2025, 9, 1), (2025, 12, 31)),
        ("2024-02", (2024, 2, 1), (2024, 2, 29)),
        ("2025-02", (2025, 2, 1), (2025, 2, 28)),
        ("early 2025-10", (2025, 10, 1), (2025, 10, 10)),
        ("mid 2025-10", (2025, 10, 11), (2025, 10, 20)),
        ("late 2025-10", (2025, 10, 21), (2025, 10, 31)),
        ("late 2025-11", (2025, 11, 21), (2025, 11, 30)),
        ("2025-10-28", (2025, 10, 28), (2025, 10, 28)),
        ("late 2024-12..early 2025-01", (2024, 12, 21), (2025, 1, 10)),
        ("~2021..2023", (2021, 1, 1), (2023, 12, 31)),
    ];
    let day = |(year, month, day)| Day { year, month, day };
    for (input, first, last) in cases {
        let d = date(input);
        assert_eq!(
            (d.sort_key(), d.end_key()),
            (day(first), day(last)),
            "{input}"
        );
    }
    assert_eq!(date("late 2025").start.precision(), Precision::Year);
    assert_eq!(date("2025-10").start.precision(), Precision::Month);
    assert_eq!(date("2025-10-28").start.precision(), Precision::Day);
    assert_eq!(date("2024..2025").year(), 2024);
}

#[test]
fn sort_key_orders_chronologically() {
    #[rustfmt::skip]
    let want = [
        "2024", "late 2024-12..early 2025-01", "early 2025", "2025", "2025-01-05",
        "mid 2025", "2025-10", "2025-10-02..2025-10-03", "late 2025-10", "2025-10-28",
        "2026-01-02",
    ];
    let shuffled = [6, 2, 10, 0, 8, 4, 1, 9, 3, 7, 5];
    let mut got: Vec<Date> = shuffled.iter().map(|&i| date(want[i])).collect();
    got.sort_by_key(|d| (d.sort_key(), d.end_key()));
    let want: Vec<Date> = want.iter().map(|s| date(s)).collect();
    assert_eq!(got, want);
}

#[test]
fn errors_say_what_to_write() {
    #[rustfmt::skip]
    let cases = [
        ("", "empty date", 0),
        ("   ", "empty date", 0),
        ("Oct 2025", NOT_A_DATE, 0),
        ("2025-13", "month 13 does not exist (use 01–12)", 5),
        ("2025-00", "month 00 does not exist (use 01–12)", 5),
        ("2025-02-30", "30 Feb 2025 does not exist", 8),
        ("2024-02-30", "30 Feb 2024 does not exist", 8),
        ("2025-02-00", "day 00 does not exist (use 01–31)", 8),
        ("2025-10-28..2025-10-01", "the range ends before it starts", 12),
        ("late 2025-10-28", "a day is already exact; drop 'late'", 0),
        ("  ~late 2025-10-28", "a day is already exact; drop 'late'", 3),
        ("2025-1", "month needs two digits (write 2025-01)", 5),
        ("2025-10-1", "day needs two digits (write 2025-10-01)", 8),
        ("99999", "a year has four digits (1000–9999)", 0),
        ("0999", "year 0999 is out of range (use 1000–9999)", 0),
        ("-2025", NOT_A_DATE, 0),
        ("~", "'~' needs a date after it (write ~2025-10)", 0),
        ("~~2025", "only one '~' is allowed", 1),
        ("2025..~2026", "'~' marks the whole date: put it once, at the start", 6),
        ("2025..", "the range has no end: write START..END", 4),
        ("..2025", "the range has no start: write START..END", 0),
        ("..", "the range has no start: write START..END", 0),
        ("....", "the range has no start: write START..END", 0),
        ("2025...2026", "use one '..' between START and END", 6),
        ("2025 .. 2026", "no spaces around '..' (write START..END)", 4),
        ("2025.10", "use '-' inside a date and '..' between two dates", 4),
        ("2025-10-28T10:00", "a date has no time of day; drop 'T10:00'", 10),
        ("2025-10-28Z", "unexpected 'Z' after 2025-10-28", 10),
        ("late  2025", "one space after 'late'", 4),
        ("late", "'late' needs a year or month after it (write late 2025-10)", 0),
        ("late2025", "put one space after 'late'", 4),
        ("Late 2025", "write 'late' in lower case", 0),
        ("é 2025-13", NOT_A_DATE, 0),
        ("2025-01..2025-13", "month 13 does not exist (use 01–12)", 14),
    ];
    for (input, message, column) in cases {
        let e = err(input);
        assert_eq!(
            (e.message.as_str(), e.column),
            (message, column),
            "{input:?}"
        );
    }
}

#[test]
fn echoed_input_cannot_drive_the_terminal() {
    let e = err("2025-10-28\u{1b}[2J\u{7}\u{202e}x");
    assert_eq!(e.message, "unexpected '?[2J??x' after 2025-10-28");
    let long = format!("2025 {}", "x".repeat(10_000));
    assert!(err(&long).message.chars().count() < 80);
}

fn check(input: &str) {
    match input.parse::<Date>() {
        Ok(d) => assert!(d.sort_key() <= d.end_key() && !d.display().is_empty()),
        Err(e) => {
            assert!(!e.message.is_empty() && e.column <= input.chars().count());
            assert!(!e.message.chars().any(char::is_control), "{input:?}");
        }
    }
}

/// Every string of up to `len` tokens from `alphabet`, in a fixed order.
fn sweep(alphabet: &[&str], len: u32) -> usize {
    let mut count = 0;
    for n in 0..=len {
        for mut i in 0..alphabet.len().pow(n) {
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(alphabet[i % alphabet.len()]);
                i /= alphabet.len();
            }
            check(&s);
            count += 1;
        }
    }
    count
}

#[test]
fn never_panics() {
    let small = ["0", "1", "2", "-", ".", "~", "late", "early", " "];
    assert_eq!(sweep(&small, 4), 7381);
    let shaped = [
        "2025", "-", "10", "02", "29", "..", "~", "mid ", " ", ".", "é", "\0",
    ];
    assert!(sweep(&shaped, 5) > 200_000);
    let nasty = "..|....|~|~~2025|2025..|..2025|2025-1|99999|-2025|2025-10-28T10:00|\0|\
        \u{feff}2025|２０２５|2025-10-28\u{301}|late \u{2003}2025|9999-12-31..1000-01-01";
    nasty.split('|').for_each(check);
    check(&"9".repeat(100_000));
    check(&"2025..".repeat(10_000));
}
