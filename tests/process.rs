//! What the process does before and after the reader: `brief` starts at
//! its own C `main` (see `src/main.rs`), so what std's runtime would have
//! done for it is held here.

use std::io::Read;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_brief");

#[test]
fn writing_to_a_closed_pipe_is_reported_not_a_signal_that_kills() {
    let mut child = Command::new(BIN)
        .args(["synth", "--events", "20000", "--out", "/dev/stdout"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief runs");
    // The reader of the pipe goes away before brief has written much.
    drop(child.stdout.take());
    let mut err = String::new();
    let _ = child.stderr.take().map(|mut e| e.read_to_string(&mut err));
    let status = child.wait().expect("brief ends");
    assert_eq!(status.code(), Some(1), "{status:?}: {err}");
    assert!(err.contains("cannot write /dev/stdout"), "{err}");
}

#[test]
fn a_closed_standard_stream_is_dev_null_so_no_file_takes_its_place() {
    // With stdout closed, /dev/stdout names whatever holds descriptor 1:
    // /dev/null, as std's runtime would have made it.
    let status = Command::new("sh")
        .args([
            "-c",
            r#"exec "$0" synth --events 10 --out /dev/stdout >&-"#,
            BIN,
        ])
        .status()
        .expect("sh runs");
    assert!(status.success(), "{status:?}");
}

#[test]
fn exit_codes_say_clean_broken_or_misused() {
    let code = |args: &[&str]| {
        let out = Command::new(BIN).args(args).output().expect("brief runs");
        out.status.code()
    };
    assert_eq!(code(&["check"]), Some(0), "the bundled brief is clean");
    let broken = std::env::temp_dir().join(format!("brief-process-{}.yaml", std::process::id()));
    std::fs::write(&broken, "brief: { id: x }\n").expect("written");
    assert_eq!(code(&["check", &broken.to_string_lossy()]), Some(1));
    let _ = std::fs::remove_file(&broken);
    assert_eq!(code(&["--no-such-option"]), Some(2), "clap's usage error");
}
