//! The benchmark generator writes briefs that `brief check` accepts, as
//! one file and as a directory, the same every time for a seed.

use brief::load::{SourceFile, load_files};
use brief::model::Kind;
use brief::synth;

#[test]
fn generated_briefs_load_clean_in_one_file_and_in_several() {
    let single = vec![SourceFile {
        name: "one.yaml".into(),
        text: synth::single(1_000, 7),
    }];
    let one = match load_files(single) {
        Ok(b) => b,
        Err(r) => panic!("{}", r.short()),
    };
    let files = synth::files(1_000, 7)
        .into_iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let split = match load_files(files) {
        Ok(b) => b,
        Err(r) => panic!("{}", r.short()),
    };
    let sizes = synth::Sizes::for_events(1_000);
    assert_eq!(one.len(Kind::Event), 1_000);
    assert_eq!(one.len(Kind::Actor), sizes.actors);
    assert_eq!(one.len(Kind::Position), sizes.positions);
    assert_eq!(one, split, "one file and a directory give the same brief");
}

#[test]
fn the_same_seed_gives_the_same_brief() {
    assert_eq!(synth::single(200, 3), synth::single(200, 3));
    assert_ne!(synth::single(200, 3), synth::single(200, 4));
}

#[test]
fn the_binary_writes_a_brief_that_check_accepts() {
    let dir = std::env::temp_dir().join(format!("brief-synth-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let bin = env!("CARGO_BIN_EXE_brief");
    let out = std::process::Command::new(bin)
        .args(["synth", "--events", "500", "--split", "--out"])
        .arg(&dir)
        .output()
        .expect("run brief synth");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = std::process::Command::new(bin)
        .arg("check")
        .arg(&dir)
        .output()
        .expect("run brief check");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
