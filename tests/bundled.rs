//! The bundled brief is the course material: it must load clean, cite
//! every source document, and leave no actor, demand or position that a
//! reader cannot reach by following links from somewhere else.

use std::collections::HashSet;

use brief::model::{Brief, EntityRef, Kind};
use brief::xref::{Xref, outgoing};

fn bundled() -> Brief {
    match brief::load::load_files(brief::bundled::files()) {
        Ok(b) => b,
        Err(report) => panic!("the bundled brief has problems:\n{}", report.short()),
    }
}

#[test]
fn the_bundled_brief_loads_without_a_problem() {
    let b = bundled();
    assert!(b.events.len() >= 20, "only {} events", b.events.len());
    assert!(b.actors.len() >= 30, "only {} actors", b.actors.len());
}

/// `brief` with no path opens the model the build script compiled; `brief
/// check` and these tests read the YAML. They must be one brief, indexes
/// (rebuilt on decoding) included.
#[test]
fn the_compiled_in_brief_is_what_the_loader_makes_of_the_yaml() {
    let compiled = match brief::bundled::brief() {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(compiled, bundled());
}

/// The list the build compiles and `brief check` reads is the directory's
/// every file, so a new file cannot be left out of both unnoticed.
#[test]
fn every_file_of_the_bundled_directory_is_compiled_in() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/",
        "briefs/ttp-afghanistan-pakistan"
    );
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("the bundled brief's directory")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .map(|n| format!("{}/{n}", brief::bundled::DIR))
        .collect();
    on_disk.sort();
    let listed: Vec<String> = brief::bundled::files()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(listed, on_disk);
}

#[test]
fn every_source_document_is_a_source_and_is_cited() {
    let b = bundled();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    // The documents themselves live beside the repository; the brief names
    // each by file. Check the names against the folder when it is there.
    let files: HashSet<&str> = b.sources.iter().filter_map(|s| s.file.as_deref()).collect();
    if let Ok(dir) = std::fs::read_dir(seeds) {
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(files.contains(name.as_str()), "no source entry for {name}");
        }
    }
    assert_eq!(
        files.len(),
        5,
        "five source documents, each with its file name"
    );
    let xref = Xref::build(&b);
    for i in 0..b.sources.len() {
        let r = EntityRef::new(Kind::Source, i);
        assert!(
            !xref.referenced_by(r).is_empty(),
            "source {} is never cited",
            b.id(r)
        );
    }
}

#[test]
fn every_actor_demand_and_position_is_reachable_from_another_entity() {
    let b = bundled();
    let mut reached = HashSet::new();
    for kind in Kind::ALL {
        for i in 0..b.len(kind) {
            reached.extend(outgoing(&b, EntityRef::new(kind, i)));
        }
    }
    for kind in [Kind::Actor, Kind::Demand, Kind::Position] {
        for i in 0..b.len(kind) {
            let r = EntityRef::new(kind, i);
            assert!(
                reached.contains(&r),
                "{} {} is linked from nowhere",
                kind.noun(),
                b.id(r)
            );
        }
    }
}

#[test]
fn claims_carry_certainty_and_sources() {
    let b = bundled();
    for e in &b.events {
        assert!(!e.cites.is_empty(), "event {} cites nothing", e.id);
    }
    for d in &b.demands {
        assert!(!d.cites.is_empty(), "demand {} cites nothing", d.id);
    }
    for p in &b.positions {
        assert!(!p.cites.is_empty(), "position {} cites nothing", p.id);
    }
    // Inferred dates say why.
    for e in &b.events {
        if e.date.inferred {
            assert!(
                e.date_note.is_some(),
                "event {} has an inferred date without a note",
                e.id
            );
        }
    }
}

/// The complete example in the format document is a brief that loads, so
/// authors who copy it start from something valid.
#[test]
fn the_format_documents_example_loads() {
    let doc = include_str!("../briefs/FORMAT.md");
    let start = doc
        .find("## A complete small example")
        .and_then(|at| {
            doc[at..]
                .find("```yaml\n")
                .map(|s| at + s + "```yaml\n".len())
        })
        .expect("FORMAT.md has its example");
    let end = start + doc[start..].find("```").expect("the example block closes");
    let files = vec![brief::load::SourceFile {
        name: "FORMAT.md example".into(),
        text: doc[start..end].to_owned(),
    }];
    if let Err(report) = brief::load::load_files(files) {
        panic!(
            "the example in FORMAT.md does not load:\n{}",
            report.short()
        );
    }
}
