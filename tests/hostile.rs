//! Hostile input, generated here (nothing is committed): alias bombs, deep
//! nesting, huge files and scalars, floods of keys, items and links. Each
//! must end in a clean error naming the limit it passed (or, where the input
//! is legitimate, in a brief), never in a panic, an abort or a hang.
//!
//! No timing assertions: each case prints how long it took (run with
//! `--nocapture`); the whole file runs in about half a minute in a debug
//! build on two idle cores. Most of that is parsing (a million nodes take
//! seconds unoptimised); every case is linear in its size.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use brief::load::diagnostic::Place;
use brief::load::{Report, SourceFile, load_files, load_path};
use brief::model::Brief;

/// A small valid `brief:` section and source, to embed hostile parts in.
const HEAD: &str = "brief:\n  id: hostile\n  title: Hostile\n  as_of: 2025\n  summary: A test.\n\
                    sources:\n  - id: src\n    title: Source\n    kind: news\n";

fn one(text: String) -> Vec<SourceFile> {
    vec![SourceFile {
        name: "hostile.yaml".to_owned(),
        text,
    }]
}

/// Loads in memory, timing it and catching any panic; checks that a report
/// has every problem located and worded, and renders it.
fn load(case: &str, files: Vec<SourceFile>) -> Result<Brief, Report> {
    let start = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| load_files(files)))
        .unwrap_or_else(|_| panic!("{case}: the loader panicked"));
    let loaded = start.elapsed();
    if let Err(report) = &result {
        check_report(case, report);
    }
    eprintln!(
        "{case}: {} in {loaded:?} (checked and rendered in {:?})",
        match &result {
            Ok(_) => "loaded".to_owned(),
            Err(r) => format!("{} problem(s)", r.diagnostics.len()),
        },
        start.elapsed() - loaded
    );
    result
}

fn check_report(case: &str, report: &Report) {
    assert!(
        !report.diagnostics.is_empty(),
        "{case}: an error without problems"
    );
    for d in &report.diagnostics {
        assert!(!d.message.trim().is_empty(), "{case}: an empty message");
        if let Place::At { loc, .. } = d.place {
            assert!(
                loc.line >= 1 && loc.col >= 1,
                "{case}: unlocated: {}",
                d.message
            );
        }
    }
    let rendered = catch_unwind(AssertUnwindSafe(|| report.render(false)))
        .unwrap_or_else(|_| panic!("{case}: rendering panicked"));
    // Only the first problems are printed, each line cut to a window.
    assert!(
        rendered.len() < 200_000,
        "{case}: rendered {} bytes",
        rendered.len()
    );
}

/// The one problem of a report, for cases that must produce exactly one.
fn only(case: &str, result: Result<Brief, Report>) -> String {
    let report = result.err().unwrap_or_else(|| panic!("{case}: loaded"));
    assert_eq!(report.diagnostics.len(), 1, "{case}:\n{}", report.short());
    report.short()
}

#[test]
fn billion_laughs_ends_at_the_alias_limit() {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        writeln!(text, "{}: &{} [{refs}]", pair[1], pair[1]).unwrap();
    }
    let short = only("billion laughs", load("billion laughs", one(text)));
    assert!(short.contains("limit of 100,000 values"), "{short}");
    assert!(short.starts_with("hostile.yaml:"), "{short}");
}

#[test]
fn quadratic_alias_bomb_ends_at_the_alias_limit() {
    let items = vec!["x"; 10_000].join(", ");
    let refs = vec!["*a"; 10_000].join(", ");
    let text = format!("{HEAD}actors:\n  - id: a\n    name: &a [{items}]\n    aliases: [{refs}]\n");
    let short = only("quadratic aliases", load("quadratic aliases", one(text)));
    assert!(short.contains("limit of 100,000 values"), "{short}");
}

#[test]
fn deep_flow_nesting_ends_at_the_depth_limit() {
    let depth = 100_000;
    let text = format!("{HEAD}events: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let short = only("deep flow nesting", load("deep flow nesting", one(text)));
    assert!(short.contains("limit of 32 levels"), "{short}");
}

#[test]
fn deep_block_nesting_ends_at_the_depth_limit() {
    // 10,000 levels, one more space of indentation each (50 MB).
    let mut text = String::with_capacity(51_000_000);
    for level in 0..10_000 {
        text.push_str(&" ".repeat(level));
        text.push_str("a:\n");
    }
    text.push_str(&" ".repeat(10_000));
    text.push_str("end\n");
    let short = only("deep block nesting", load("deep block nesting", one(text)));
    assert!(short.contains("limit of 32 levels"), "{short}");
}

/// A directory of its own under the system's temporary directory.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("brief-hostile-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_70_mib_file_is_refused_at_the_file_size_limit() {
    let dir = TempDir::new("huge");
    let path = dir.0.join("huge.yaml");
    // Sparse: 70 MiB that take no disk and no time to write.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(70 * 1024 * 1024).expect("set_len");
    drop(file);
    let start = Instant::now();
    let result = catch_unwind(|| load_path(&path)).expect("load_path panicked");
    eprintln!("70 MiB file: {:?}", start.elapsed());
    let report = result.expect_err("a 70 MiB file loaded");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.short());
    assert_eq!(
        report.short(),
        format!(
            "{}: 70 MiB is larger than the 64 MiB a brief file may be; split it into several files\n",
            path.display()
        )
    );
}

#[test]
fn a_10_mib_scalar_loads() {
    let big = "word ".repeat(2 * 1024 * 1024);
    let text =
        format!("{HEAD}issues:\n  - id: big\n    title: Big\n    summary: \"{big} [[src]]\"\n");
    let brief = load("10 MiB scalar", one(text)).unwrap_or_else(|r| panic!("{}", r.short()));
    assert_eq!(brief.issues[0].summary.links().count(), 1);
}

#[test]
fn a_scalar_full_of_reopened_links_ends_at_the_link_limit() {
    // 4 MiB in which every `[[` opens a link that the next `[[` interrupts,
    // and one `]]` at the very end closes the last: each open would scan
    // to the end, quadratic, were the loader not to stop at a limit.
    let bomb = "[[a ".repeat(1024 * 1024);
    let text = format!("{HEAD}issues:\n  - id: big\n    title: Big\n    summary: \"{bomb}]]\"\n");
    let short = only(
        "4 MiB of reopened links",
        load("4 MiB of reopened links", one(text)),
    );
    assert_eq!(
        short,
        "hostile.yaml:13:83: malformed links: more than 16 `[[` open again before a `]]` closes the one before\n"
    );
}

#[test]
fn many_links_on_one_long_line_are_located_in_linear_time() {
    // 100,000 broken links on one 2 MB line: each is located without
    // counting the line from its start again.
    let links: String = (0..100_000).map(|i| format!("[[n{i}]] ")).collect();
    let text = format!("{HEAD}issues:\n  - id: big\n    title: Big\n    summary: \"{links}\"\n");
    let report = load("100,000 links on a line", one(text)).expect_err("loaded");
    assert_eq!(report.diagnostics.len(), 100_000);
    let last = report.diagnostics.last().map(|d| report.position(d));
    // `    summary: "` is 14 characters; each link before the last is 6 + digits.
    let col: usize = 15
        + (0..99_999)
            .map(|i: usize| 6 + i.to_string().len())
            .sum::<usize>()
        + 2;
    assert_eq!(last, Some(format!("hostile.yaml:13:{col}")));
}

#[test]
fn many_keys_are_each_reported_in_linear_time() {
    let mut text = String::from(HEAD);
    text.push_str("issues:\n  - id: keys\n    title: Keys\n");
    for i in 0..200_000 {
        writeln!(text, "    k{i}: v").unwrap();
    }
    let report = load("200,000 keys", one(text)).expect_err("loaded");
    assert_eq!(report.diagnostics.len(), 200_000);
    assert_eq!(
        report.diagnostics[0].message,
        "unknown field `k0` in an issue"
    );
}

#[test]
fn many_repeated_keys_are_each_reported_in_linear_time() {
    let mut text = String::from(HEAD);
    text.push_str("issues:\n  - id: keys\n");
    for _ in 0..100_000 {
        text.push_str("    title: again\n");
    }
    let report = load("100,000 repeated keys", one(text)).expect_err("loaded");
    assert_eq!(report.diagnostics.len(), 99_999);
    let first = &report.diagnostics[0].message;
    assert_eq!(
        first,
        "`title` is given twice in an issue; the first is at line 12, column 5"
    );
}

#[test]
fn a_very_long_line_of_broken_entities_ends_cleanly() {
    // A whole section on one 1 MB line: 10,000 events, each with a bad
    // date, an unknown source and a broken link.
    let mut line = String::from("events: [");
    for i in 0..10_000 {
        write!(
            line,
            "{{id: e{i}, date: 2025-13, title: t, certainty: reported, cites: [nope{i}], summary: \"[[x{i}]]\"}}, "
        )
        .unwrap();
    }
    line.push_str("]\n");
    let report = load("one long line", one(format!("{HEAD}{line}"))).expect_err("loaded");
    assert_eq!(report.diagnostics.len(), 30_000);
    let last = report
        .diagnostics
        .last()
        .map(|d| report.position(d))
        .unwrap_or_default();
    assert!(last.starts_with("hostile.yaml:10:"), "{last}");
}

#[test]
fn a_million_list_items_load() {
    let mut text = String::from(HEAD);
    text.push_str(
        "actors:\n  - id: many\n    name: Many\n    kind: other\n    cites: [src]\n    aliases:\n",
    );
    for _ in 0..1_000_000 {
        text.push_str("      - x\n");
    }
    let brief = load("1,000,000 items", one(text)).unwrap_or_else(|r| panic!("{}", r.short()));
    assert_eq!(brief.actors[0].aliases.len(), 1_000_000);
}

#[test]
#[ignore = "8 million values take about 30 s in a debug build (3 s with --release); run with --release --ignored"]
fn more_values_than_the_node_limit_end_at_it() {
    let mut text = String::from("a: [");
    text.push_str(&"x,".repeat(8_000_001));
    text.push_str("]\n");
    let short = only("8,000,001 values", load("8,000,001 values", one(text)));
    assert!(short.contains("limit of 8,000,000 YAML values"), "{short}");
}
