//! End to end through a real pseudo-terminal: the `brief` binary runs in a
//! pty, everything it writes goes through a `vt100` parser, and the tests
//! assert what a user would see — and that the terminal is left as it was
//! found however the reader ends (`q`, Ctrl-C, SIGTERM, SIGHUP, hang-up).
//!
//! Nothing here sleeps for a fixed time: every wait polls with a deadline
//! and fails with the screen's contents when it passes. A frame reaches the
//! pty in several writes, so screens are only judged between frames: ratatui
//! ends every frame by hiding the cursor or, where the reader places it on
//! the focused row, by showing it and moving it there; the child is idle
//! (waiting for a key) once the last thing it wrote is that ending.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

#[path = "common/frames.rs"]
mod frames;

use frames::{HIDE_CURSOR, SHOW_CURSOR, ends_frame};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long to wait for the screen to show something.
const SHOW: Duration = Duration::from_secs(5);
/// How long the reader may take to end once told to.
const END: Duration = Duration::from_secs(1);
/// How often to look again.
const POLL: Duration = Duration::from_millis(5);

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const BACKSPACE: &[u8] = b"\x7f";
const CTRL_C: &[u8] = b"\x03";
const ENTER: &[u8] = b"\r";

/// Everything the child has written so far.
struct Output {
    parser: vt100::Parser,
    bytes: Vec<u8>,
    /// Frames written in full.
    frames: usize,
    /// The master read end of file (or an error): the child is gone and
    /// all its output has been read.
    closed: bool,
}

impl Output {
    fn feed(&mut self, chunk: &[u8]) {
        // A marker may straddle two chunks: look from just before the new one.
        // Every frame hides or shows the cursor exactly once, at its end.
        let from = self.bytes.len().saturating_sub(HIDE_CURSOR.len() - 1);
        self.bytes.extend_from_slice(chunk);
        self.frames += self.bytes[from..]
            .windows(HIDE_CURSOR.len())
            .filter(|w| *w == HIDE_CURSOR || *w == SHOW_CURSOR)
            .count();
        self.parser.process(chunk);
    }

    /// The child is between frames, not halfway through drawing one.
    fn settled(&self) -> bool {
        self.frames > 0 && ends_frame(&self.bytes)
    }

    fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }
}

/// The terminal's line-discipline flags (input, output, local), to tell
/// raw mode from the modes the pty started with without naming each flag.
type Modes = (u64, u64, u64);

fn modes(master: &dyn MasterPty) -> Modes {
    let t = master.get_termios().expect("read the pty's termios");
    (
        u64::from(t.input_flags.bits()),
        u64::from(t.output_flags.bits()),
        u64::from(t.local_flags.bits()),
    )
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn command(args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// `brief` running in a pty.
struct Term {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    out: Arc<Mutex<Output>>,
    /// The modes before the child started: what it must leave behind.
    cooked: Modes,
    exited: bool,
}

impl Term {
    fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Term {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let cooked = modes(&*pair.master);
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn brief in the pty");
        // Only the child holds the slave now, so the master reads end of
        // file once the child has exited and its output has been read.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(rows, cols, 0),
            bytes: Vec::new(),
            frames: 0,
            closed: false,
        }));
        let sink = Arc::clone(&out);
        thread::Builder::new()
            .name("pty-reader".into())
            .spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n @ 1..) = reader.read(&mut buf) {
                    lock(&sink).feed(&buf[..n]);
                }
                lock(&sink).closed = true;
            })
            .expect("start the pty reader");
        Term {
            master: pair.master,
            writer,
            child,
            out,
            cooked,
            exited: false,
        }
    }

    /// The bundled brief at 80x24, with its first frame drawn.
    fn reader() -> Term {
        let t = Term::spawn(command(&[]), 80, 24);
        t.wait_for_frame(0, "the first frame");
        let top = row(t.out().screen(), 0);
        assert!(
            top.contains("1 Overview"),
            "the first frame has no tab bar\n{}",
            t.dump()
        );
        t
    }

    fn out(&self) -> MutexGuard<'_, Output> {
        lock(&self.out)
    }

    /// The screen as text, for failure messages.
    fn dump(&self) -> String {
        let o = self.out();
        let s = o.screen();
        format!(
            "--- screen {:?}, alternate: {}, frames: {} ---\n{}\n--- end of screen ---",
            s.size(),
            s.alternate_screen(),
            o.frames,
            s.contents()
        )
    }

    /// Polls until `ok` holds; panics with the screen after [`SHOW`], or
    /// at once if the child has ended and `ok` still does not hold.
    #[track_caller]
    fn wait(&self, what: &str, ok: impl Fn(&Output) -> bool) {
        let deadline = Instant::now() + SHOW;
        loop {
            let closed = {
                let o = self.out();
                if ok(&o) {
                    return;
                }
                o.closed
            };
            if closed {
                panic!("brief ended before {what}\n{}", self.dump());
            }
            if Instant::now() > deadline {
                panic!("waited {SHOW:?} for {what}\n{}", self.dump());
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until a frame after the first `after` has been written in full.
    #[track_caller]
    fn wait_for_frame(&self, after: usize, what: &str) {
        self.wait(what, |o| o.frames > after && o.settled());
    }

    /// Waits until the screen, between frames, satisfies `ok`.
    #[track_caller]
    fn wait_for_screen(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        self.wait(what, |o| o.settled() && ok(o.screen()));
    }

    #[track_caller]
    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Types `key` and waits for the frame it causes.
    #[track_caller]
    fn press(&mut self, key: &[u8], what: &str) {
        let before = self.out().frames;
        self.send(key);
        self.wait_for_frame(before, what);
    }

    /// Resizes the terminal (and the parser with it) and waits for the
    /// frame the resize causes.
    #[track_caller]
    fn resize(&mut self, cols: u16, rows: u16) {
        let before = {
            let mut o = self.out();
            assert!(o.settled(), "resized in the middle of a frame");
            o.parser.screen_mut().set_size(rows, cols);
            o.frames
        };
        self.master
            .resize(size(cols, rows))
            .expect("resize the pty");
        self.wait_for_frame(before, &format!("a redraw at {cols}x{rows}"));
    }

    /// Sends `signal` (TERM, HUP) to the child, with the shell's `kill`:
    /// every POSIX system has `sh`, not every one has a `kill` binary.
    #[track_caller]
    fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("the child's pid");
        let status = std::process::Command::new("sh")
            .args(["-c", "kill -s \"$1\" \"$2\"", "sh", signal])
            .arg(pid.to_string())
            .status()
            .expect("run sh -c kill");
        assert!(status.success(), "kill -s {signal} {pid} failed: {status}");
    }

    fn running(&mut self) -> bool {
        self.child.try_wait().expect("poll the child").is_none()
    }

    /// Waits at most [`END`] for the child to exit, then for its last
    /// output to be read; returns how it ended.
    #[track_caller]
    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("poll the child") {
                break s;
            }
            if start.elapsed() > END {
                panic!("brief still running {END:?} later\n{}", self.dump());
            }
            thread::sleep(POLL);
        };
        self.exited = true;
        let deadline = Instant::now() + END;
        while !self.out().closed {
            assert!(
                Instant::now() < deadline,
                "brief exited ({status}) but its pty never reached end of file"
            );
            thread::sleep(POLL);
        }
        status
    }

    /// Asserts the reader is up: alternate screen and raw mode. (The cursor
    /// may show: it sits on the focused row for screen readers.)
    #[track_caller]
    fn assert_in_reader(&self) {
        {
            let o = self.out();
            let s = o.screen();
            assert!(
                s.alternate_screen(),
                "not in the alternate screen\n{}",
                self.dump()
            );
        }
        assert_ne!(
            modes(&*self.master),
            self.cooked,
            "the terminal is not in raw mode while reading"
        );
    }

    /// Asserts the terminal is as the child found it: by the parser's
    /// state, by the termios, and by the bytes written after the last frame.
    #[track_caller]
    fn assert_restored(&self) {
        let o = self.out();
        let s = o.screen();
        assert!(
            !s.alternate_screen(),
            "still in the alternate screen after exit\n{}",
            s.contents()
        );
        assert!(
            !s.hide_cursor(),
            "the cursor is still hidden after exit (ratatui hides it at every frame; \
             ratatui::try_restore does not show it again, only dropping the Terminal does)"
        );
        assert_eq!(
            modes(&*self.master),
            self.cooked,
            "the terminal's modes differ from before: raw mode was not left"
        );
        let entered = rfind(&o.bytes, ENTER_ALT).expect("never entered the alternate screen");
        let left = rfind(&o.bytes, LEAVE_ALT);
        assert!(
            left > Some(entered),
            "no {LEAVE_ALT:?} (leave the alternate screen) after entering it"
        );
        // The last word on the cursor is "show", whether the last frame
        // placed it or the exit path showed it again.
        let shown = rfind(&o.bytes, SHOW_CURSOR);
        assert!(
            shown.is_some() && shown > rfind(&o.bytes, HIDE_CURSOR),
            "the last cursor command was not {SHOW_CURSOR:?} (show the cursor)"
        );
    }

    fn current_tab(&self) -> String {
        current_tab(self.out().screen())
    }

    /// A row of the screen as it is now.
    fn row(&self, n: u16) -> String {
        row(self.out().screen(), n)
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        // A failed test must not leave a reader running.
        if !self.exited && self.running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn lock(out: &Mutex<Output>) -> MutexGuard<'_, Output> {
    out.lock().unwrap_or_else(|e| e.into_inner())
}

/// The text of the tab drawn as current (in reverse video) on the top row,
/// trimmed: "2 Timeline".
fn current_tab(screen: &vt100::Screen) -> String {
    let text: String = (0..screen.size().1)
        .filter_map(|c| screen.cell(0, c))
        .filter(|c| c.inverse())
        .map(|c| c.contents().to_owned())
        .collect();
    text.trim().to_owned()
}

/// A row of `screen` as text, without trailing blanks.
fn row(screen: &vt100::Screen, n: u16) -> String {
    let cols = screen.size().1;
    let text = screen.rows(0, cols).nth(usize::from(n)).unwrap_or_default();
    text.trim_end().to_owned()
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A file in the temp directory that no other test or run shares,
/// removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(stem: &str, text: &str) -> TempFile {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "brief-pty-{stem}-{}-{}.yaml",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, text).expect("write the temp brief");
        TempFile(path)
    }

    fn name(&self) -> &str {
        self.0
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a UTF-8 name")
    }

    fn dir(&self) -> &Path {
        self.0.parent().expect("the temp dir")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn q_quits_and_restores_the_terminal() {
    let mut t = Term::reader();
    t.assert_in_reader();
    t.send(b"q");
    let status = t.wait_exit();
    assert!(
        status.success(),
        "q should exit 0, got {status}\n{}",
        t.dump()
    );
    t.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut t = Term::reader();
    t.assert_in_reader();
    // In raw mode Ctrl-C is a key, not a signal: the reader quits cleanly.
    t.send(CTRL_C);
    let status = t.wait_exit();
    assert!(
        status.success(),
        "Ctrl-C should exit 0, got {status}\n{}",
        t.dump()
    );
    t.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut t = Term::reader();
    t.assert_in_reader();
    t.signal("TERM");
    let status = t.wait_exit();
    assert_eq!(
        (status.exit_code(), status.signal()),
        (128 + 15, None),
        "SIGTERM should end brief through its signal thread with 143, got {status}"
    );
    t.assert_restored();
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let mut t = Term::reader();
    t.assert_in_reader();
    t.signal("HUP");
    let status = t.wait_exit();
    assert_eq!(
        (status.exit_code(), status.signal()),
        (128 + 1, None),
        "SIGHUP should end brief through its signal thread with 129, got {status}"
    );
    t.assert_restored();
}

/// The dropped SSH connection for real: every handle on the pty's master
/// closes, the kernel hangs up the session, and the reader must end rather
/// than linger. Nothing is left to restore, so only the ending is checked.
#[test]
fn a_vanished_terminal_ends_the_reader() {
    let pair = native_pty_system()
        .openpty(size(80, 24))
        .expect("open a pty");
    let mut child = pair
        .slave
        .spawn_command(command(&[]))
        .expect("spawn brief in the pty");
    drop(pair.slave);
    // This reader lets go of its handle on the master as soon as the
    // first frame is complete.
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let mut out = Output {
            parser: vt100::Parser::new(24, 80, 0),
            bytes: Vec::new(),
            frames: 0,
            closed: false,
        };
        let mut buf = [0u8; 8192];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            out.feed(&buf[..n]);
            if out.settled() {
                let _ = tx.send(());
                return;
            }
        }
    });
    if rx.recv_timeout(SHOW).is_err() {
        let _ = child.kill();
        panic!("no first frame within {SHOW:?}");
    }
    drop(pair.master);
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("poll the child") {
            break s;
        }
        if start.elapsed() > END {
            let _ = child.kill();
            panic!("brief still running {END:?} after its terminal went away");
        }
        thread::sleep(POLL);
    };
    assert!(
        !status.success(),
        "a reader whose terminal vanished should not report success: {status}"
    );
}

#[test]
fn a_broken_brief_is_reported_without_entering_the_reader() {
    // The month is out of range: line 4, column 15.
    let file = TempFile::new(
        "broken",
        "brief:\n  id: x\n  title: T\n  as_of: 2025-13-40\n  summary: hi\n",
    );
    let mut cmd = command(&[file.name()]);
    cmd.cwd(file.dir());
    let mut t = Term::spawn(cmd, 80, 24);
    let status = t.wait_exit();
    assert_eq!(
        (status.exit_code(), status.signal()),
        (1, None),
        "a broken brief should exit 1, got {status}\n{}",
        t.dump()
    );
    let at = format!("{}:4:15:", file.name());
    assert!(
        t.out().screen().contents().contains(&at),
        "no {at} in the output\n{}",
        t.dump()
    );
    let o = t.out();
    assert_eq!(
        rfind(&o.bytes, ENTER_ALT),
        None,
        "entered the alternate screen to report a broken brief"
    );
    assert_eq!(
        rfind(&o.bytes, HIDE_CURSOR),
        None,
        "hid the cursor to report a broken brief"
    );
    drop(o);
    assert_eq!(
        modes(&*t.master),
        t.cooked,
        "changed the terminal's modes to report a broken brief"
    );
}

#[test]
fn a_link_is_followed_and_back_returns() {
    let mut t = Term::reader();
    assert_eq!(t.current_tab(), "1 Overview", "\n{}", t.dump());
    t.press(b"2", "the Timeline");
    assert_eq!(t.current_tab(), "2 Timeline", "\n{}", t.dump());
    // The first event's detail: its title replaces the list under the tabs.
    let list = t.row(2);
    t.press(ENTER, "the first event's detail");
    let title = t.row(2);
    assert_ne!(title, list, "Enter did not open the event\n{}", t.dump());
    assert!(!title.is_empty(), "the event has no title\n{}", t.dump());
    // Its first link (an actor, a source…) leads to another tab.
    t.press(ENTER, "following the first link");
    let followed = t.current_tab();
    assert!(
        !followed.is_empty() && followed != "2 Timeline",
        "the first event's first link did not lead to another tab ({followed:?})\n{}",
        t.dump()
    );
    assert_ne!(t.row(2), title, "the detail did not change\n{}", t.dump());
    // Back, with the key as the terminal sends it, to the same event.
    t.press(BACKSPACE, "going back");
    assert_eq!(t.current_tab(), "2 Timeline", "\n{}", t.dump());
    assert_eq!(t.row(2), title, "Back went somewhere else\n{}", t.dump());
    // And Forward again.
    t.press(b"L", "going forward");
    assert_eq!(t.current_tab(), followed, "\n{}", t.dump());
    t.send(b"q");
    assert!(t.wait_exit().success());
    t.assert_restored();
}

#[test]
fn a_resize_redraws_and_keeps_the_reader_alive() {
    let mut t = Term::reader();
    // A key first: once it is answered the event loop is reading, so this
    // test does not depend on the start-up case tested below.
    t.press(b"2", "the Timeline");
    t.resize(20, 5);
    t.wait_for_screen("the too-small message", |s| {
        s.contents().contains("Terminal too small")
    });
    assert!(t.running(), "brief ended at 20x5");
    t.resize(100, 30);
    // The tab bar, on the same tab, and the footer on the new last row.
    t.wait_for_screen("the reader at 100x30", |s| {
        current_tab(s) == "2 Timeline" && !row(s, 29).is_empty()
    });
    assert!(t.running(), "brief ended after growing again");
    t.assert_in_reader();
    t.send(b"q");
    assert!(t.wait_exit().success());
    t.assert_restored();
}

/// A resize while the reader starts (once it has entered the alternate
/// screen, while it draws its first frame) must not be lost: crossterm
/// only watches for SIGWINCH from its first event read, which comes after
/// the first frame, so the reader asks the size again once it watches.
#[test]
fn a_resize_during_start_up_is_not_lost() {
    let mut t = Term::spawn(command(&[]), 80, 24);
    t.wait("the alternate screen", |o| o.screen().alternate_screen());
    // The parser first, so every byte drawn for the new size meets it.
    t.out().parser.screen_mut().set_size(30, 100);
    t.master.resize(size(100, 30)).expect("resize the pty");
    t.wait_for_screen("a frame drawn for 100x30 (a lost SIGWINCH?)", |s| {
        current_tab(s) == "1 Overview" && !row(s, 29).is_empty()
    });
    t.send(b"q");
    assert!(t.wait_exit().success());
    t.assert_restored();
}

/// The bytes the reader wrote from entering the alternate screen on.
fn drawn(t: &Term) -> Vec<u8> {
    let o = t.out();
    let from = rfind(&o.bytes, ENTER_ALT).expect("never entered the alternate screen");
    o.bytes[from..].to_vec()
}

/// SGR sequences that set a colour (not the resets 39 and 49).
fn colour_codes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for seq in text.split("\x1b[").skip(1) {
        let Some(end) = seq.find('m') else { continue };
        let params = &seq[..end];
        if !params.chars().all(|c| c.is_ascii_digit() || c == ';') {
            continue;
        }
        let colours = params.split(';').any(|p| {
            matches!(
                p.parse::<u16>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        });
        if colours {
            found.push(params.to_owned());
        }
    }
    found
}

#[test]
fn no_color_sends_no_colour_and_keeps_the_selection_in_reverse_video() {
    let mut cmd = command(&[]);
    cmd.env("NO_COLOR", "1");
    let mut t = Term::spawn(cmd, 80, 24);
    t.wait_for_frame(0, "the first frame");
    t.press(b"2", "the timeline");
    t.wait_for_screen("the timeline's selection", |s| {
        (0..80).any(|c| s.cell(3, c).is_some_and(|cell| cell.inverse()))
    });
    let codes = colour_codes(&drawn(&t));
    assert!(codes.is_empty(), "colour codes under NO_COLOR: {codes:?}");
    t.send(b"q");
    t.wait_exit();
    t.assert_restored();
}

#[test]
fn colour_is_on_by_default_and_off_with_color_never() {
    let mut t = Term::reader();
    t.press(b"2", "the timeline");
    assert!(
        !colour_codes(&drawn(&t)).is_empty(),
        "the default theme has colours"
    );
    t.send(b"q");
    t.wait_exit();
    let mut t = Term::spawn(command(&["--color", "never"]), 80, 24);
    t.wait_for_frame(0, "the first frame");
    t.press(b"2", "the timeline");
    assert!(colour_codes(&drawn(&t)).is_empty());
    t.send(b"q");
    t.wait_exit();
}

#[test]
fn ascii_mode_writes_only_ascii() {
    let mut t = Term::spawn(command(&["--ascii"]), 80, 24);
    t.wait_for_frame(0, "the first frame");
    for key in [&b"2"[..], ENTER, b"3", b"?"] {
        t.press(key, "a frame");
    }
    let bytes = drawn(&t);
    let wide: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|b| !b.is_ascii())
        .take(8)
        .collect();
    assert!(
        wide.is_empty(),
        "non-ASCII bytes in --ascii mode: {wide:?}\n{}",
        t.dump()
    );
    t.send(b"q");
    t.wait_exit();
    t.assert_restored();
}

#[test]
fn escape_sequences_in_a_brief_never_reach_the_terminal_raw() {
    // Valid YAML whose text holds an OSC 52 clipboard write, an OSC 8 link,
    // a CSI, a C1 CSI and a right-to-left override.
    let brief = TempFile::new(
        "escapes",
        concat!(
            "brief:\n",
            "  id: escapes\n",
            "  title: \"Clip\\e]52;c;aGVsbG8=\\a board\"\n",
            "  as_of: 2026\n",
            "  summary: \"Link \\e]8;;http://x\\e\\\\here\\e]8;;\\e\\\\ red \\e[31mred\\e[0m c1 \\x9b31m rtl \\u202eevil\"\n",
        ),
    );
    let path = brief.0.to_string_lossy().into_owned();
    let mut t = Term::spawn(command(&[&path]), 80, 24);
    t.wait_for_frame(0, "the first frame");
    t.wait_for_screen("the overview", |s| s.contents().contains("Clip"));
    let bytes = drawn(&t);
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains("\x1b]"),
        "an OSC sequence reached the terminal"
    );
    assert!(!text.contains('\u{9b}'), "a C1 CSI reached the terminal");
    assert!(
        !text.contains('\u{202e}'),
        "a bidi override reached the terminal"
    );
    assert!(
        !text.contains("\x1b[31m"),
        "the brief's own colour code reached the terminal"
    );
    let screen = t.out().screen().contents();
    assert!(
        screen.contains("\\u{1b}]52"),
        "the escape is shown as visible text:\n{screen}"
    );
    t.send(b"q");
    t.wait_exit();
    t.assert_restored();
}
