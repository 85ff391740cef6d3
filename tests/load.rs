//! The loader against its fixtures (`tests/fixtures/load/`): a valid base
//! brief that uses every field of every section, then one defect per broken
//! fixture, each checked to the exact `file:line:col: message` an author
//! reads and to its help line. Files that cannot be committed sensibly
//! (invalid UTF-8, a NUL byte, a symbolic-link loop) are written to a
//! temporary directory by the test itself.

use std::path::{Path, PathBuf};

use brief::load::{Report, SourceFile, load_files, load_path};
use brief::model::{Kind, ProseSegment};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/load").join(name)
}

/// Report text with the crate's own path cut, so it reads as from the root.
fn relative(text: &str) -> String {
    text.replace(&format!("{}/", root().display()), "")
}

fn problems_in(path: &Path) -> Report {
    match load_path(path) {
        Ok(_) => panic!("{} loaded, but it is broken", path.display()),
        Err(report) => report,
    }
}

/// Asserts the one-line report of a broken fixture, and each problem's help.
fn check(name: &str, short: &str, helps: &[Option<&str>]) {
    let report = problems_in(&fixture(name));
    assert_eq!(relative(&report.short()), short, "{name}");
    let got: Vec<Option<&str>> = report
        .diagnostics
        .iter()
        .map(|d| d.help.as_deref())
        .collect();
    assert_eq!(got, helps, "{name}: help lines");
}

const DATE_HELP: &str = "write a date as 2025, 2025-10, 2025-10-28, late 2025-10 or 2026-01-02..2026-01-03 (see briefs/FORMAT.md)";
const SECTIONS_HELP: &str = "a brief file is a mapping of sections such as `brief:`, `actors:` and `events:` (see briefs/FORMAT.md)";

// ---------------------------------------------------------------- the base

#[test]
fn the_base_brief_loads_with_every_field() {
    let brief = load_path(&fixture("base.yaml")).unwrap_or_else(|r| panic!("{}", r.short()));
    let m = &brief.meta;
    assert_eq!(
        (m.id.as_str(), m.title.as_str()),
        ("base", "The TTP and Pakistan")
    );
    assert_eq!(m.as_of.display(), "Jan 2026");
    let linked: Vec<&str> = m.summary.links().map(|r| brief.id(r)).collect();
    assert_eq!(linked, ["ttp", "pakistan", "talks"]);
    assert_eq!(m.key_points.len(), 2);
    assert_eq!(m.cites.len(), 2);
    assert_eq!(m.cites[1].para, Some(2));

    let s = &brief.sources[0];
    assert_eq!(s.publisher.as_deref(), Some("Example Times"));
    assert_eq!(s.author.as_deref(), Some("A. Writer"));
    assert_eq!(
        s.published.map(|d| d.display()).as_deref(),
        Some("~Jan 2026")
    );
    assert!(s.published_note.is_some() && s.file.is_some() && s.url.is_some());
    assert_eq!(s.summary.links().count(), 1);
    assert_eq!(
        brief.sources[1].published.map(|d| d.display()).as_deref(),
        Some("5 Jan 2026")
    );

    let ttp = &brief.actors[0];
    assert_eq!(ttp.short.as_deref(), Some("TTP"));
    assert_eq!(ttp.aliases.len(), 2);
    assert_eq!(
        ttp.role.as_deref(),
        Some("armed group fighting the Pakistani state")
    );
    assert_eq!(ttp.summary.links().count(), 2);
    let r = &ttp.relations[0];
    assert_eq!((r.kind.name(), brief.id(r.to)), ("opposes", "pakistan"));
    assert!(r.note.is_some() && r.certainty.is_some() && r.cites.len() == 1);
    let f = &ttp.figures[0];
    assert_eq!(
        (f.value.as_str(), f.cites[0].para),
        ("6,000–6,500", Some(3))
    );
    assert_eq!(brief.actors[1].relations[0].kind.name(), "leads");

    let i = &brief.issues[0];
    assert!(i.short.is_some() && !i.summary.is_empty() && i.cites.len() == 1);

    let e = &brief.events[0];
    assert_eq!(e.date.display(), "~2–3 Jan 2026");
    assert!(e.date_note.is_some() && e.place.is_some());
    assert_eq!(e.actors.len(), 2);
    assert_eq!((e.figures.len(), e.tags.len()), (1, 2));
    assert_eq!(e.certainty.name(), "reported");

    let d = &brief.demands[0];
    assert_eq!((brief.id(d.by), d.of.len()), ("ttp", 1));
    assert_eq!(
        (d.status.name(), d.date.map(|d| d.display())),
        ("unmet", Some("late Dec 2025".to_owned()))
    );

    let p = &brief.positions[0];
    assert_eq!(p.title, "Pakistan rejects talks");
    assert_eq!(p.quote_by.map(|r| brief.id(r)), Some("pakistan"));
    assert_eq!(p.stance.name(), "opposes");
    assert!(p.quote.is_some() && p.date.is_some() && p.date_note.is_some());
    assert_eq!(
        brief.lookup("kabul-council").map(|r| r.kind),
        Some(Kind::Event)
    );
}

#[test]
fn the_base_brief_keeps_block_scalars_as_written() {
    let brief = load_path(&fixture("base.yaml")).unwrap_or_else(|r| panic!("{}", r.short()));
    // `summary: |` keeps the line break; `>` folds it into a space.
    let text = |p: &brief::model::Prose| -> String {
        p.segments()
            .map(|s| match s {
                ProseSegment::Text(t) => t.to_owned(),
                ProseSegment::Link { target, .. } => format!("<{}>", brief.id(target)),
            })
            .collect()
    };
    assert_eq!(
        text(&brief.meta.summary),
        "The <ttp> met in Kabul;\n<pakistan> refused <talks>.\n"
    );
    assert_eq!(
        text(&brief.actors[0].summary),
        "Led by <noor-wali>; it opposes <pakistan>.\n"
    );
}

// ---------------------------------------------------------- one defect each

#[test]
fn yaml_syntax_error() {
    check(
        "syntax.yaml",
        "tests/fixtures/load/syntax.yaml:17:5: YAML syntax: invalid indentation\n",
        &[Some(
            "the `[` at line 16, column 14 is never closed with `]`",
        )],
    );
}

#[test]
fn unknown_field() {
    check(
        "unknown-field.yaml",
        "tests/fixtures/load/unknown-field.yaml:27:5: unknown field `sumary` in an event\n",
        &[Some("did you mean `summary`?")],
    );
}

#[test]
fn unknown_section_is_read_as_the_closest_one() {
    // The brief links to `ttp`, declared under the misspelt `actor:`: read
    // as `actors:`, so the typo is the only problem.
    check(
        "unknown-section.yaml",
        "tests/fixtures/load/unknown-section.yaml:13:1: unknown section `actor`\n",
        &[Some("did you mean `actors`?")],
    );
}

#[test]
fn missing_required_field_points_at_the_entity() {
    check(
        "missing-field.yaml",
        "tests/fixtures/load/missing-field.yaml:24:5: an event is missing `certainty`\n",
        &[Some(
            "add `certainty:`, one of: confirmed, reported, claimed, alleged, unconfirmed, disputed, denied",
        )],
    );
}

#[test]
fn field_given_twice() {
    check(
        "duplicate-field.yaml",
        "tests/fixtures/load/duplicate-field.yaml:28:5: `title` is given twice in an event; the first is at line 26, column 5\n",
        &[Some("keep one of them")],
    );
}

#[test]
fn duplicate_id_in_one_file() {
    check(
        "duplicate-id.yaml",
        "tests/fixtures/load/duplicate-id.yaml:18:9: duplicate id `ttp`: already used by an actor at tests/fixtures/load/duplicate-id.yaml:14:9\n",
        &[Some(
            "ids are unique across the whole brief; rename one of them",
        )],
    );
}

#[test]
fn duplicate_id_across_the_files_of_a_directory() {
    check(
        "duplicate-id-dir",
        "tests/fixtures/load/duplicate-id-dir/events.yaml:7:9: duplicate id `ttp`: already used by an actor at tests/fixtures/load/duplicate-id-dir/actors.yaml:2:9\n",
        &[Some(
            "ids are unique across the whole brief; rename one of them",
        )],
    );
}

#[test]
fn unknown_id_suggests_the_closest() {
    check(
        "unknown-id.yaml",
        "tests/fixtures/load/unknown-id.yaml:27:19: no actor has the id `noor-wali`\n",
        &[Some("did you mean `noor-wali-mehsud`?")],
    );
}

#[test]
fn id_of_the_wrong_kind() {
    check(
        "wrong-kind.yaml",
        "tests/fixtures/load/wrong-kind.yaml:27:14: `kabul-council` is an event, but an actor is expected here\n",
        &[Some("the actors of this brief are: noor-wali-mehsud, ttp")],
    );
}

#[test]
fn unknown_link_in_a_literal_block_is_located_at_the_link() {
    // `summary: |` on line 27; the link on the block's second line.
    check(
        "link-unknown.yaml",
        "tests/fixtures/load/link-unknown.yaml:29:20: no entity has the id `noor-wali`\n",
        &[Some("did you mean `noor-wali-mehsud`?")],
    );
}

#[test]
fn unknown_link_in_a_folded_block_is_located_at_the_link() {
    // `summary: >-` with a blank line, and two spaces before the link.
    check(
        "link-unknown-folded.yaml",
        "tests/fixtures/load/link-unknown-folded.yaml:30:21: no entity has the id `noor-wali`\n",
        &[Some("did you mean `noor-wali-mehsud`?")],
    );
}

#[test]
fn unclosed_link() {
    check(
        "link-unclosed.yaml",
        "tests/fixtures/load/link-unclosed.yaml:5:16: malformed link: `[[` is never closed with `]]`\n",
        &[Some(
            "write a link as [[id]] or [[id|text]], closed on the same line",
        )],
    );
}

#[test]
fn bad_date_points_at_the_month() {
    check(
        "bad-date.yaml",
        "tests/fixtures/load/bad-date.yaml:25:16: bad date: month 13 does not exist (use 01–12)\n",
        &[Some(DATE_HELP)],
    );
}

#[test]
fn bad_date_in_quotes_points_at_the_month() {
    // `    date: "late 2025-13"`: the quote is column 11, the month 22.
    check(
        "bad-date-quoted.yaml",
        "tests/fixtures/load/bad-date-quoted.yaml:25:22: bad date: month 13 does not exist (use 01–12)\n",
        &[Some(DATE_HELP)],
    );
}

#[test]
fn inferred_date_without_a_note() {
    check(
        "inferred-date.yaml",
        "tests/fixtures/load/inferred-date.yaml:25:11: an inferred date (`~`) needs a `date_note` saying why\n",
        &[Some(
            "add `date_note:` saying how the date was inferred, or drop the `~` if the source gives the date",
        )],
    );
}

#[test]
fn bad_vocabulary_word() {
    check(
        "bad-vocab.yaml",
        "tests/fixtures/load/bad-vocab.yaml:32:13: unknown stance `support`\n",
        &[Some("did you mean `supports`?")],
    );
}

#[test]
fn number_where_text_is_expected() {
    check(
        "number-for-text.yaml",
        "tests/fixtures/load/number-for-text.yaml:26:12: expected text, found a number\n",
        &[Some("put it in quotes to keep it as written")],
    );
}

#[test]
fn empty_file() {
    check(
        "empty.yaml",
        "tests/fixtures/load/empty.yaml:1:1: empty file: no brief sections\n",
        &[Some(SECTIONS_HELP)],
    );
}

#[test]
fn a_yaml_list_is_not_a_brief() {
    check(
        "top-level-list.yaml",
        "tests/fixtures/load/top-level-list.yaml:1:1: not a brief: the file holds a list, but a brief file is a mapping of sections\n",
        &[Some(SECTIONS_HELP)],
    );
}

#[test]
fn a_mapping_of_unrelated_keys_is_not_a_brief() {
    check(
        "unrelated-keys.yaml",
        "tests/fixtures/load/unrelated-keys.yaml:1:1: not a brief: no top-level key (`name`, `version`, `dependencies`) is a section of a brief\n",
        &[Some(SECTIONS_HELP)],
    );
}

#[test]
fn missing_brief_section() {
    check(
        "no-brief.yaml",
        "tests/fixtures/load/no-brief.yaml:1:1: no `brief:` section: every brief needs one, with its id, title, as_of and summary\n",
        &[Some(
            "add a `brief:` section (see the example in briefs/FORMAT.md)",
        )],
    );
}

#[test]
fn two_brief_sections_in_one_file() {
    check(
        "two-briefs.yaml",
        "tests/fixtures/load/two-briefs.yaml:13:1: a second `brief:` section; the first is at tests/fixtures/load/two-briefs.yaml:1:1\n",
        &[Some(
            "a brief has exactly one `brief:` section: merge the two or delete one",
        )],
    );
}

#[test]
fn two_brief_sections_in_a_directory() {
    check(
        "two-briefs-dir",
        "tests/fixtures/load/two-briefs-dir/b.yaml:1:1: a second `brief:` section; the first is at tests/fixtures/load/two-briefs-dir/a.yaml:1:1\n",
        &[Some(
            "a brief has exactly one `brief:` section: merge the two or delete one",
        )],
    );
}

#[test]
fn several_defects_are_all_reported_in_line_order() {
    // Among them an event with no date AND a broken link in its summary:
    // the one must not hide the other.
    check(
        "several.yaml",
        "\
tests/fixtures/load/several.yaml:4:15: bad date: month needs two digits (write 2026-01)
tests/fixtures/load/several.yaml:5:18: no entity has the id `tpp`
tests/fixtures/load/several.yaml:11:11: unknown source kind `newspaper`
tests/fixtures/load/several.yaml:18:9: bad id `Noor`: an id uses only lowercase letters, digits and hyphens (kebab-case)
tests/fixtures/load/several.yaml:21:13: no source has the id `reprot`
tests/fixtures/load/several.yaml:27:16: unknown certainty `maybe`
tests/fixtures/load/several.yaml:29:5: unknown field `colour` in an event
tests/fixtures/load/several.yaml:30:5: an event is missing `date`
tests/fixtures/load/several.yaml:32:26: no entity has the id `qatar`
tests/fixtures/load/several.yaml:34:12: an event must cite at least one source
",
        &[
            Some(DATE_HELP),
            Some("did you mean `ttp`?"),
            Some("expected one of: news, analysis, opinion, report, statement, other"),
            Some("write it as `noor`"),
            Some("did you mean `report`?"),
            Some("expected one of: confirmed, reported, claimed, alleged, unconfirmed, disputed, denied"),
            Some("the fields of an event are: id, date, date_note, title, place, actors, summary, figures, tags, certainty, cites"),
            Some("add `date:` as 2025, 2025-10, 2025-10-28, late 2025-10 or 2026-01-02..2026-01-03 (see briefs/FORMAT.md)"),
            Some("the entities of this brief are: doha-talks, kabul-council, report, ttp"),
            Some("list the sources it rests on: `cites: [source-id]`, or `cites: [{ source: source-id, para: 2 }]`"),
        ],
    );
}

// ------------------------------------------------------- what users see

#[test]
fn a_rendered_report_quotes_the_line_marks_the_link_and_helps() {
    let report = problems_in(&fixture("link-unknown.yaml"));
    assert_eq!(
        relative(&report.render(false)),
        "\
error: tests/fixtures/load/link-unknown.yaml:29:20: no entity has the id `noor-wali`
   |
29 |       chaired by [[noor-wali]].
   |                    ^^^^^^^^^
   |
   = help: did you mean `noor-wali-mehsud`?

1 problem in 1 file
"
    );
}

#[test]
fn a_rendered_path_problem_has_no_file_count() {
    let report = problems_in(&fixture("does-not-exist.yaml"));
    assert_eq!(
        relative(&report.render(false)),
        "\
error: tests/fixtures/load/does-not-exist.yaml: cannot open: no such file or directory
 |
 = help: give the path of a brief file or of a directory of .yaml files

1 problem
"
    );
}

/// Is every character of `text` safe to print?
fn printable(text: &str) -> bool {
    !text.chars().any(brief::text::safe::is_unsafe)
}

#[test]
fn escape_sequences_in_text_reach_the_model_as_visible_text() {
    let brief =
        load_path(&fixture("escapes-title.yaml")).unwrap_or_else(|r| panic!("{}", r.short()));
    let m = &brief.meta;
    assert_eq!(
        m.title,
        "Clipboard \\u{1b}]52;c;aGk=\\u{7} and \\u{202e}RTL and \\u{9b}31m CSI"
    );
    let mut texts: Vec<String> = vec![
        m.title.to_string(),
        brief.sources[0].title.to_string(),
        brief.actors[0].name.to_string(),
    ];
    texts.extend(brief.actors[0].aliases.iter().map(|a| a.to_string()));
    for prose in std::iter::once(&m.summary).chain(&m.key_points) {
        for seg in prose.segments() {
            match seg {
                ProseSegment::Text(t) => texts.push(t.to_owned()),
                ProseSegment::Link { text, .. } => texts.extend(text.map(str::to_owned)),
            }
        }
    }
    for t in &texts {
        assert!(printable(t), "raw control or bidi character in {t:?}");
    }
    // The links still resolve around the escapes.
    assert_eq!(m.summary.links().count(), 1);
    assert_eq!(m.key_points[0].links().count(), 1);
}

#[test]
fn escape_sequences_in_a_field_name_reach_the_report_as_visible_text() {
    let report = problems_in(&fixture("escapes-field.yaml"));
    let short = relative(&report.short());
    assert_eq!(
        short,
        "tests/fixtures/load/escapes-field.yaml:8:3: unknown field `\\u{1b}]52;c;aGk=\\u{7}\\u{202e}\\u{9b}31m` in the `brief` section\n"
    );
    let rendered = report.render(false);
    assert!(
        printable(&rendered),
        "raw control character in:\n{rendered}"
    );
    assert!(
        rendered.contains("8 |   \"\\e]52;c;aGk=\\a\\u202e\\x9b31m\": 1\n"),
        "{rendered}"
    );
    assert!(
        printable(&report.render(true).replace('\u{1b}', "")),
        "only styling may be raw"
    );
}

// ----------------------------------------------- files that are not text

/// A directory of its own under the system's temporary directory, removed
/// when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("brief-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// The report with this directory's path cut.
    fn short(&self, report: &Report) -> String {
        report
            .short()
            .replace(&format!("{}/", self.0.display()), "")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn invalid_utf8_is_located_at_the_first_bad_byte() {
    let dir = TempDir::new("utf8");
    let path = dir.0.join("latin1.yaml");
    std::fs::write(&path, b"brief:\n  id: x\n  title: caf\xe9 au lait\n").expect("write");
    let report = problems_in(&path);
    assert_eq!(
        dir.short(&report),
        "latin1.yaml:3:13: not UTF-8 text: invalid byte here\n"
    );
    assert_eq!(
        report.diagnostics[0].help.as_deref(),
        Some(
            "a brief must be UTF-8 text; convert it (for example with iconv) or check that this is the right file"
        )
    );
    assert!(
        report
            .render(false)
            .contains("3 |   title: caf\u{fffd} au lait\n")
    );
}

#[test]
fn a_nul_byte_is_located() {
    let dir = TempDir::new("nul");
    let path = dir.0.join("binary.yaml");
    std::fs::write(&path, b"brief:\n  id: x\0y\n").expect("write");
    let report = problems_in(&path);
    assert_eq!(
        dir.short(&report),
        "binary.yaml:2:8: a NUL byte: this looks like a binary file, not YAML\n"
    );
    assert_eq!(
        report.diagnostics[0].help.as_deref(),
        Some("a brief is plain text; check that this is the right file")
    );
    let rendered = report.render(false);
    assert!(rendered.contains("2 |   id: x\\u{0}y\n"), "{rendered}");
}

#[test]
fn a_path_that_does_not_exist() {
    let report = problems_in(&fixture("does-not-exist.yaml"));
    assert_eq!(
        relative(&report.short()),
        "tests/fixtures/load/does-not-exist.yaml: cannot open: no such file or directory\n"
    );
}

#[test]
fn an_empty_directory() {
    let dir = TempDir::new("empty");
    let report = problems_in(&dir.0);
    assert_eq!(
        report.short(),
        format!(
            "{}: no .yaml or .yml files in this directory\n",
            dir.0.display()
        )
    );
    assert_eq!(
        report.diagnostics[0].help.as_deref(),
        Some("a brief directory holds files such as brief.yaml and events.yaml")
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_reported_not_followed() {
    let dir = TempDir::new("loop");
    std::fs::copy(fixture("base.yaml"), dir.0.join("brief.yaml")).expect("copy");
    std::fs::create_dir(dir.0.join("sub")).expect("mkdir");
    std::os::unix::fs::symlink("..", dir.0.join("sub/back")).expect("symlink");
    let report = problems_in(&dir.0);
    assert_eq!(
        dir.short(&report),
        "sub/back: this directory was already read (a symbolic link loops back to it); skipped\n"
    );
}

// ------------------------------------------------------ loading in memory

fn in_memory(text: &str) -> Result<brief::model::Brief, Report> {
    load_files(vec![SourceFile {
        name: "mem.yaml".to_owned(),
        text: text.to_owned(),
    }])
}

#[test]
fn a_demand_of_nobody_is_reported_not_dropped() {
    let base = std::fs::read_to_string(fixture("base.yaml")).expect("base");
    let text = base.replace("    of: [pakistan]\n", "    of: []\n");
    let report = in_memory(&text).expect_err("loaded");
    assert_eq!(
        report.short(),
        "mem.yaml:87:9: `of` names at least one actor\n"
    );
}

#[test]
fn numbers_that_yaml_would_rewrite_are_refused_as_text() {
    // YAML reads 007 as 7 and 0x1F as 31: text would not be as written.
    let base = std::fs::read_to_string(fixture("base.yaml")).expect("base");
    let text = base.replace("    place: Wazir Akbar Khan, Kabul\n", "    place: 0x1F\n");
    let report = in_memory(&text).expect_err("loaded");
    assert_eq!(
        report.short(),
        "mem.yaml:75:12: expected text, found a number\n"
    );
    // A bare year is a fine date, though.
    let text = base.replace("  as_of: 2026-01\n", "  as_of: 2026\n");
    assert_eq!(
        in_memory(&text)
            .map(|b| b.meta.as_of.display())
            .ok()
            .as_deref(),
        Some("2026")
    );
}

#[test]
fn anchors_and_merge_keys_read_as_written() {
    let base = std::fs::read_to_string(fixture("base.yaml")).expect("base");
    let text = base.replace(
        "  - id: pakistan\n    name: Pakistan\n    kind: state\n    cites: [statement]\n",
        "  - &state\n    id: pakistan\n    name: Pakistan\n    kind: state\n    cites: [statement]\n  - <<: *state\n    id: afghanistan\n    name: Afghanistan\n",
    );
    let brief = in_memory(&text).unwrap_or_else(|r| panic!("{}", r.short()));
    let afghanistan = brief
        .lookup("afghanistan")
        .map(|r| &brief.actors[r.index()]);
    assert_eq!(
        afghanistan.map(|a| (a.name.as_str(), a.kind.name())),
        Some(("Afghanistan", "state"))
    );
}

/// The sections of a file, each with its lines, in the order written.
fn sections_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut before = String::new();
    for line in text.split_inclusive('\n') {
        let top = line.starts_with(|c: char| c.is_ascii_lowercase());
        match out.last_mut() {
            Some(last) if !top => last.push_str(line),
            None if !top => before.push_str(line),
            _ => out.push(std::mem::take(&mut before) + line),
        }
    }
    out
}

#[test]
fn references_may_point_forward_within_a_file_and_across_files() {
    // Entities are built as they are read; a reference to one further on
    // waits for the end. With the sections reversed, every reference
    // points forward, and the brief must be the same (indexes count within
    // a kind, so they do not move).
    let base = std::fs::read_to_string(fixture("base.yaml")).expect("base");
    let as_written = in_memory(&base).unwrap_or_else(|r| panic!("{}", r.short()));
    let reversed: String = sections_of(&base).into_iter().rev().collect();
    assert_ne!(reversed, base);
    let all_forward = in_memory(&reversed).unwrap_or_else(|r| panic!("{}", r.short()));
    assert_eq!(all_forward, as_written);
    // Split over files, each section in its own, read in either order.
    for order in [false, true] {
        let mut parts = sections_of(&base);
        if order {
            parts.reverse();
        }
        let files = parts
            .into_iter()
            .enumerate()
            .map(|(i, text)| SourceFile {
                name: format!("{i}.yaml"),
                text,
            })
            .collect();
        let split = load_files(files).unwrap_or_else(|r| panic!("{}", r.short()));
        assert_eq!(split, as_written);
    }
    // And no stand-in is left anywhere in the model: every index is small.
    let shown = format!("{all_forward:?}");
    assert!(
        !shown.contains("index: 2147"),
        "a forward reference was left unresolved"
    );
    let synthetic = brief::synth::single(500, 3);
    let reversed: String = sections_of(&synthetic).into_iter().rev().collect();
    assert_eq!(
        in_memory(&synthetic).ok(),
        in_memory(&reversed).ok(),
        "a synthetic brief reads the same with every reference forward"
    );
}

#[test]
fn an_unknown_forward_reference_is_reported_where_it_is_written() {
    let base = std::fs::read_to_string(fixture("base.yaml")).expect("base");
    let reversed: String = sections_of(&base).into_iter().rev().collect();
    let broken = reversed.replacen("by: ttp", "by: ttq", 1);
    assert_ne!(broken, reversed);
    let report = in_memory(&broken).expect_err("loaded");
    let short = report.short();
    assert!(short.contains("no actor has the id `ttq`"), "{short}");
    assert!(
        short.contains("did you mean `ttp`?")
            || report.render(false).contains("did you mean `ttp`?"),
        "{}",
        report.render(false)
    );
}

#[test]
fn a_syntax_error_deep_in_a_large_file_is_located() {
    // Large files are parsed on a thread of their own: its errors must
    // reach the author just the same, with the line they are on.
    let mut text = brief::synth::single(3_000, 5);
    assert!(
        text.len() > 1 << 20,
        "the file must be large enough to be pipelined"
    );
    let lines = text.lines().count();
    text.push_str("  - id: broken\n    title: [never closed\n");
    let report = in_memory(&text).expect_err("loaded");
    let short = report.short();
    assert_eq!(short.lines().count(), 1, "{short}");
    assert!(
        short.starts_with(&format!("mem.yaml:{}:12:", lines + 2)),
        "{short}"
    );
    assert!(short.contains("YAML syntax"), "{short}");
}

#[test]
fn an_alias_repeats_a_whole_section_as_yaml_says() {
    // Sections are read item by item, but an anchored one is kept for its
    // aliases: here the source is read again, as an actor, so its id is
    // taken twice and its fields are wrong for an actor.
    let text = "brief: { id: x, title: T, as_of: 2026, summary: s }\nsources: &all\n  - { id: s, title: S, kind: news }\nactors: *all\n";
    let report = in_memory(text).expect_err("loaded");
    let short = report.short();
    assert!(
        short.contains("duplicate id `s`: already used by a source"),
        "{short}"
    );
    assert!(short.contains("unknown actor kind `news`"), "{short}");
}

#[test]
fn an_alias_to_a_node_too_large_to_repeat_is_refused_at_the_alias() {
    let items = vec!["x"; 100_001].join(", ");
    let text = format!("big: &big [{items}]\nagain: *big\n");
    let report = in_memory(&text).expect_err("loaded");
    let short = report.short();
    assert!(
        short
            .starts_with("mem.yaml:2:8: the alias `*big` names a node of more than 100,000 values"),
        "{short}"
    );
}
