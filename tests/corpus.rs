//! The YAML conformance corpus (the public YAML test suite, 402 cases) fed
//! through the loader: every case must end in a brief or in a clean report
//! whose every problem is located (line and column from 1) and worded, and
//! nothing may panic. A case the suite marks `fail` is invalid YAML, which a
//! brief loader must never accept: it must end in an error, and the YAML
//! parser itself must be the one to refuse it.
//!
//! The corpus lives beside the repository, in `../shared/yaml-test-suite`
//! (see its README). CI always has it; elsewhere set `BRIEF_SKIP_CORPUS=1`
//! to skip this test.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use brief::load::diagnostic::Place;
use brief::load::{SourceFile, load_files, tree};

/// `fail` cases the parser accepts, each with the reason it may. Empty:
/// granit-parser (strict indentation on) refuses every invalid case.
const ACCEPTED_FAIL_CASES: &[(&str, &str)] = &[];

struct Case {
    id: String,
    expect_fail: bool,
    name: String,
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/yaml-test-suite");
    if dir.join("manifest.tsv").is_file() {
        return Some(dir);
    }
    let shown = dir.display();
    if std::env::var("BRIEF_SKIP_CORPUS").is_ok_and(|v| v == "1") {
        eprintln!("YAML test suite not found at {shown}; skipped (BRIEF_SKIP_CORPUS=1)");
        return None;
    }
    panic!(
        "YAML test suite not found at {shown}; this test needs ../shared/yaml-test-suite beside \
         the repository (set BRIEF_SKIP_CORPUS=1 to skip it)"
    );
}

fn manifest(dir: &std::path::Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("manifest.tsv")).expect("manifest.tsv is readable");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut cols = line.splitn(3, '\t');
            let id = cols.next().unwrap_or_default().to_owned();
            let expect = cols.next().unwrap_or_default();
            assert!(
                expect == "ok" || expect == "fail",
                "bad manifest line: {line}"
            );
            Case {
                id,
                expect_fail: expect == "fail",
                name: cols.next().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// What became of one case.
enum Outcome {
    Loaded,
    /// The loader refused it; `parsed` says whether the YAML parser accepted it.
    Refused {
        parsed: bool,
    },
}

fn run(case: &Case, text: String) -> Result<Outcome, String> {
    let file = SourceFile {
        name: format!("{}.yaml", case.id),
        text: text.clone(),
    };
    let loaded = catch_unwind(AssertUnwindSafe(|| load_files(vec![file])))
        .map_err(|_| "load_files panicked".to_owned())?;
    let parsed = catch_unwind(AssertUnwindSafe(|| tree::parse(&text).is_ok()))
        .map_err(|_| "tree::parse panicked".to_owned())?;
    let report = match loaded {
        Ok(_) => return Ok(Outcome::Loaded),
        Err(report) => report,
    };
    if report.diagnostics.is_empty() {
        return Err("an error with no diagnostics".to_owned());
    }
    for d in &report.diagnostics {
        let Place::At { loc, .. } = &d.place else {
            return Err(format!("a diagnostic without a line: {}", report.short()));
        };
        if loc.line < 1 || loc.col < 1 || d.message.trim().is_empty() {
            return Err(format!(
                "a diagnostic badly located or empty: {}",
                report.short()
            ));
        }
    }
    // Rendering is what a user sees; it must not panic either.
    catch_unwind(AssertUnwindSafe(|| report.render(false)))
        .map_err(|_| "render panicked".to_owned())?;
    Ok(Outcome::Refused { parsed })
}

#[test]
fn every_case_ends_cleanly_and_no_invalid_yaml_is_accepted() {
    let Some(dir) = corpus_dir() else { return };
    let cases = manifest(&dir);
    assert!(
        cases.len() >= 400,
        "only {} cases in the manifest",
        cases.len()
    );

    let mut problems = Vec::new();
    let (mut loaded, mut refused, mut parsed_ok) = (0, 0, 0);
    let mut accepted_fail = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for case in &cases {
        let path = dir.join("cases").join(format!("{}.yaml", case.id));
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                problems.push(format!("{}: cannot read {}: {e}", case.id, path.display()));
                continue;
            }
        };
        let start = Instant::now();
        let outcome = run(case, text);
        let took = start.elapsed();
        if took > slowest.0 {
            slowest = (took, case.id.clone());
        }
        match outcome {
            Err(why) => problems.push(format!("{} ({}): {why}", case.id, case.name)),
            Ok(Outcome::Loaded) => {
                loaded += 1;
                if case.expect_fail {
                    problems.push(format!(
                        "{} ({}): invalid YAML loaded as a brief",
                        case.id, case.name
                    ));
                }
            }
            Ok(Outcome::Refused { parsed }) => {
                refused += 1;
                if parsed && !case.expect_fail {
                    parsed_ok += 1;
                }
                if parsed && case.expect_fail {
                    accepted_fail.push(case.id.clone());
                    if !ACCEPTED_FAIL_CASES.iter().any(|(id, _)| *id == case.id) {
                        problems.push(format!(
                            "{} ({}): invalid YAML accepted by the parser (refused only by the schema)",
                            case.id, case.name
                        ));
                    }
                }
            }
        }
    }
    let valid = cases.iter().filter(|c| !c.expect_fail).count();
    eprintln!(
        "yaml-test-suite: {} cases: {loaded} loaded, {refused} clean errors; \
         {parsed_ok} of {valid} valid cases parsed (the rest refused by the parser or its limits); \
         slowest {} in {:?}",
        cases.len(),
        slowest.1,
        slowest.0
    );
    for (id, _) in ACCEPTED_FAIL_CASES {
        assert!(
            accepted_fail.contains(&(*id).to_owned()),
            "{id} is allow-listed but now refused: drop it"
        );
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
