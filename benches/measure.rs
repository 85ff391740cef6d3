//! `cargo bench --bench measure`: one markdown table of what a user of
//! `brief` feels, measured from outside on the release binary, the way a
//! terminal and the kernel see it (Linux only: it reads `/proc`).
//!
//! 1. Start to first frame, bundled brief, in a real pty at 80×24 (median
//!    of 101 runs after one warm-up), beside `less` paging the same YAML (the
//!    seven files in one temp file) until its first screen is drawn and it
//!    has gone quiet, the two taking turns. Both clocks run from just
//!    before the spawn to the moment the last byte of that screen was read
//!    from the pty. The verdict is the median of each turn's brief / less;
//!    the ratio of the two medians is printed beside it.
//! 2. Bytes to the terminal per key of a fixed script at 80×24 and 120×40:
//!    `2`, `j`×5, Enter, `j`, Enter, Backspace (Back), `L` (Forward), each
//!    counted from the key to its frame plus a short quiet spell; beside
//!    the bytes of the first full frame (alternate screen setup included).
//! 3. Peak memory (VmHWM, and VmRSS beside it) once the first frame is
//!    drawn, for the bundled brief and synthetic briefs of 1k, 10k and 100k
//!    events (`brief synth`, one file each), against their size on disk
//!    (for the bundled brief, compiled into the binary: its YAML files').
//! 4. Idle CPU: utime + stime over 10 s of doing nothing after the first
//!    frame (clock-tick resolution), and the bytes written meanwhile.
//! 5. `brief check` wall time on the synthetic files (median of 3): a rough
//!    whole-process number beside the divan benches in `reader.rs`.
//!
//! `cargo bench --bench measure -- start` (or `keys`, `memory`, `idle`,
//! `check`, several at once) runs only those measures.
//!
//! Wall-clock numbers from a shared machine are noisy; medians damp that,
//! nothing removes it. Every wait has a deadline, and a measurement that
//! fails becomes a row saying why. Temp files are removed and children
//! killed on the way out. Run by `cargo test --benches` (no `--bench`
//! argument) it does nothing.

use std::fmt::Display;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

#[path = "../tests/common/frames.rs"]
mod frames;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Runs of each program for the start-up median: on a shared machine a
/// run now and then takes twice as long, and a few dozen runs let those
/// move the median by a few per cent, as much as the two programs differ.
const STARTS: usize = 101;

/// How often to look again.
const POLL: Duration = Duration::from_millis(2);
/// Output counts as finished once nothing more has come for this long.
const QUIET: Duration = Duration::from_millis(60);
/// How long a screen or a frame may take (the 100k brief gets 9 times it).
const SHOW: Duration = Duration::from_secs(10);
/// How long a child may take to end once told to.
const END: Duration = Duration::from_secs(10);
/// How long a `brief synth` or `brief check` may take.
const RUN: Duration = Duration::from_secs(60);
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const BUNDLED: &str = "briefs/ttp-afghanistan-pakistan";
/// The numbered measures below, by the name that runs one alone.
const SECTIONS: [&str; 5] = ["start", "keys", "memory", "idle", "check"];
/// `/proc/<pid>/stat` counts CPU time in these per second (Linux's USER_HZ).
const USER_HZ: u64 = 100;

/// The key script of measure 2, after the first frame: what, key, times.
const SCRIPT: [(&str, &[u8], usize); 7] = [
    ("`2` (Timeline tab)", b"2", 1),
    ("`j` in the list", b"j", 5),
    ("Enter (open detail)", b"\r", 1),
    ("`j` (next link)", b"j", 1),
    ("Enter (follow link)", b"\r", 1),
    ("Backspace (Back)", b"\x7f", 1),
    ("`L` (Forward)", b"L", 1),
];

type Res<T> = Result<T, String>;

fn err(e: impl Display) -> String {
    e.to_string()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // Section names given after `--` run only those sections.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let Some(bad) = only.iter().find(|a| !SECTIONS.contains(&a.as_str())) {
        eprintln!("measure: no section {bad:?}; the sections are {SECTIONS:?}");
        std::process::exit(2);
    }
    let wants = |s: &str| only.is_empty() || only.iter().any(|o| o == s);
    let began = Instant::now();
    let bin = build().unwrap_or_else(|e| {
        eprintln!("measure: {e}");
        std::process::exit(1);
    });
    let tmp = TempDir::new();
    let mut t = Table(Vec::new());
    let yaml = tmp.0.join("bundled.yaml");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join(BUNDLED);
    let r = concat_yaml(&bundled, &yaml);
    t.check("bundled brief as one file", r);
    if wants("start") {
        let r = start(&bin, &yaml, &mut t);
        t.check("start to first frame", r);
    }
    if wants("keys") {
        for (cols, lines) in [(80, 24), (120, 40)] {
            let r = keys(&bin, cols, lines, &mut t);
            t.check(&format!("bytes per key at {cols}×{lines}"), r);
        }
    }
    let mut synth = Vec::new();
    if wants("memory") || wants("check") {
        for n in SIZES {
            let out = tmp.0.join(format!("synth-{n}.yaml"));
            let args = ["synth", "--events", &n.to_string(), "--seed", "1", "--out"];
            let r = timed(Command::new(&bin).args(args).arg(&out), RUN);
            t.check(&format!("brief synth {n}"), r.map(|_| synth.push((n, out))));
        }
    }
    if wants("memory") {
        let r = memory(&bin, &yaml, &synth, &mut t);
        t.check("peak memory", r);
    }
    if wants("idle") {
        let r = idle(&bin, &mut t);
        t.check("idle CPU", r);
    }
    if wants("check") {
        let r = check_times(&bin, &synth, &mut t);
        t.check("brief check", r);
    }
    println!("| what | value | target | pass/miss |\n|---|---:|---|---|");
    for [what, value, target, verdict] in &t.0 {
        println!("| {what} | {value} | {target} | {verdict} |");
    }
    println!("\n(measured in {:.1} s)", began.elapsed().as_secs_f64());
}

/// Builds the release binary (a no-op when it is fresh) and returns its path.
fn build() -> Res<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "--release", "--quiet", "--bin", "brief"]);
    cmd.current_dir(root).stderr(Stdio::inherit());
    timed(&mut cmd, Duration::from_secs(600)).map_err(|e| format!("cargo build: {e}"))?;
    // This bench's own copy of the binary (…/target/<profile>/brief) tells
    // where the target directory is, CARGO_TARGET_DIR or not.
    let target = Path::new(env!("CARGO_BIN_EXE_brief")).ancestors().nth(2);
    let bin = target.map_or(root.join("target"), Path::to_path_buf);
    let bin = bin.join("release").join("brief");
    match bin.is_file() {
        true => Ok(bin),
        false => Err(format!("no binary at {}", bin.display())),
    }
}

/// 1. The median time to brief's first frame and to less's first screen.
fn start(bin: &Path, yaml: &Path, t: &mut Table) -> Res<()> {
    let less = on_path("less");
    let text = std::fs::read_to_string(yaml).map_err(err)?;
    let first: String = text.lines().next().unwrap_or("").chars().take(40).collect();
    let (mut brief, mut paged) = (Vec::new(), Vec::new());
    let spawn_brief = || -> Res<Duration> {
        let term = Term::spawn(bin, &[], 80, 24)?;
        let at = term.first_frame(SHOW)?;
        term.quit()?;
        Ok(at)
    };
    let spawn_less = |less: &Path| -> Res<Duration> {
        let term = Term::spawn(less, &[&yaml.to_string_lossy()], 80, 24)?;
        term.wait("less's first screen", SHOW, |o| {
            let s = o.parser.screen();
            let prompt = s.rows(0, s.size().1).nth(23).unwrap_or_default();
            s.contents().contains(&first) && !prompt.trim().is_empty() && o.quiet()
        })?;
        let at = term.out().last - term.started;
        term.quit()?;
        Ok(at)
    };
    // Run 0 warms the caches. The two take turns, so drift hits both alike
    // and each starts just after the other has run, as it would after any
    // other program. (Letting each run twice in a row now and then, by
    // swapping the order every other run, flatters brief by 5-10%: its
    // larger binary gains more from caches its own last run left warm.)
    for run in 0..=STARTS {
        brief.push(spawn_brief()?);
        if let Some(less) = &less {
            paged.push(spawn_less(less)?);
        }
        if run == 0 {
            brief.clear();
            paged.clear();
        }
    }
    // Each run's two starts came one after the other, on the same machine
    // state: their ratio is the steadier measure of the two.
    let mut paired: Vec<f64> = brief
        .iter()
        .zip(&paged)
        .map(|(b, l)| b.as_secs_f64() / l.as_secs_f64())
        .collect();
    paired.sort_by(f64::total_cmp);
    let b = median(&mut brief);
    let what = format!("start to first frame, brief (80×24, median of {STARTS})");
    t.info(what, ms(b));
    if less.is_none() {
        t.info("start to first screen, less", "less is not installed");
        return Ok(());
    }
    let l = median(&mut paged);
    t.info("start to first screen, less (same YAML, median)", ms(l));
    let ratio = b.as_secs_f64() / l.as_secs_f64();
    t.info(
        "start to first frame: median brief / median less",
        format!("{ratio:.2}"),
    );
    let pair = paired[paired.len() / 2];
    let what = format!("start to first frame: brief / less, median of {STARTS} pairs");
    t.goal(what, format!("{pair:.2}"), "≤ 1.0", pair <= 1.0);
    Ok(())
}

/// 2. Bytes written for each key of [`SCRIPT`], beside the first frame's.
fn keys(bin: &Path, cols: u16, lines: u16, t: &mut Table) -> Res<()> {
    let mut term = Term::spawn(bin, &[], cols, lines)?;
    term.wait("the first frame", SHOW, Output::drawn)?;
    let full = term.out().bytes.len();
    let mut steps = Vec::new();
    for (label, key, times) in SCRIPT {
        let got = (0..times).map(|_| term.press(key));
        steps.push((label, got.collect::<Res<Vec<_>>>()?));
    }
    term.quit()?;
    let at = format!("{cols}×{lines}");
    let what = format!("bytes, first full frame, {at}");
    t.info(what, format!("{full} B"));
    for (label, presses) in steps {
        let mut got: Vec<usize> = presses.iter().map(|p| p.0).collect();
        let (lo, hi) = (got.iter().min().copied(), got.iter().max().copied());
        let (n, k) = (median(&mut got), got.len());
        // No repaint of what did not change: at most a few bytes for each
        // cell that did (a character, and now and then a cursor move or a
        // colour), whichever the layout.
        let lean = presses
            .iter()
            .all(|&(bytes, cells)| bytes <= 4 * cells + 64);
        let cells = presses.iter().map(|p| p.1).max().unwrap_or(0);
        let (what, value) = match k {
            1 => (format!("bytes, {label}, {at}"), format!("{n} B")),
            _ => (
                format!("bytes, {label} (median of {k}), {at}"),
                format!("{n} B ({}–{})", lo.unwrap_or(0), hi.unwrap_or(0)),
            ),
        };
        let value = format!("{value}, ≤ {cells} cells changed");
        // A page: no more cells than the screen holds, each sent leanly.
        // (Not the first frame's bytes: the overview is sparser than most
        // screens, and now sent in fewer bytes than crossterm would.)
        let page = "≤ a screen of cells, ≤ 4 B each";
        let one_page = cells <= usize::from(cols) * usize::from(lines) && lean;
        match label {
            "`j` in the list" => t.goal(what, value, "≤ 4 B a changed cell", lean),
            "Backspace (Back)" | "`L` (Forward)" => t.goal(what, value, page, one_page),
            _ => t.info(what, value),
        }
    }
    Ok(())
}

/// 3. VmHWM once the first frame is drawn, and its ratio to the size on disk.
fn memory(bin: &Path, yaml: &Path, synth: &[(usize, PathBuf)], t: &mut Table) -> Res<()> {
    let mut briefs = vec![("bundled brief".to_string(), 0, yaml.to_path_buf())];
    for (n, path) in synth {
        briefs.push((format!("{}k events", n / 1000), *n, path.clone()));
    }
    for (label, n, path) in briefs {
        let disk = std::fs::metadata(&path).map_err(err)?.len();
        let what = format!("peak memory, {label} ({} on disk)", kb(disk / 1024));
        let arg = path.to_string_lossy();
        let args: &[&str] = if n == 0 { &[] } else { &[&arg] };
        let limit = if n >= 100_000 { SHOW * 9 } else { SHOW };
        let measured = Term::spawn(bin, args, 80, 24).and_then(|term| {
            term.first_frame(limit)?;
            term.wait("a quiet terminal", SHOW, Output::drawn)?;
            let pid = term.child.process_id().ok_or("no pid")?;
            // After its first frame the reader builds its search index and
            // backlinks, writing nothing: wait until its memory stops
            // growing, so the peak counts them.
            let mut rss = status_kb(pid, "VmRSS")?;
            for _ in 0..40 {
                thread::sleep(Duration::from_millis(250));
                let now = status_kb(pid, "VmRSS")?;
                if now == rss {
                    break;
                }
                rss = now;
            }
            let got = (status_kb(pid, "VmHWM")?, status_kb(pid, "VmRSS")?);
            term.quit()?;
            Ok(got)
        });
        let (peak, now) = match measured {
            Ok(got) => got,
            Err(e) => {
                t.info(what, format!("error: {e}"));
                continue;
            }
        };
        let ratio = (peak * 1024) as f64 / disk as f64;
        let value = format!("{} = {ratio:.1}× disk (RSS now {})", kb(peak), kb(now));
        match n {
            0 => t.goal(what, value, "< 15 MiB", peak < 15 * 1024),
            100_000 => t.goal(what, value, "< 3× disk", ratio < 3.0),
            _ => t.info(what, value),
        }
    }
    Ok(())
}

/// 4. CPU time and bytes written over 10 s of idling after the first frame.
fn idle(bin: &Path, t: &mut Table) -> Res<()> {
    const IDLE: Duration = Duration::from_secs(10);
    let term = Term::spawn(bin, &[], 80, 24)?;
    term.wait("the first frame", SHOW, Output::drawn)?;
    let pid = term.child.process_id().ok_or("no pid")?;
    let (cpu0, bytes0) = (cpu_ticks(pid)?, term.out().bytes.len());
    thread::sleep(IDLE);
    let (cpu1, bytes1) = (cpu_ticks(pid)?, term.out().bytes.len());
    term.quit()?;
    let secs = (cpu1 - cpu0) as f64 / USER_HZ as f64;
    let pct = 100.0 * secs / IDLE.as_secs_f64();
    let (cpu, wrote) = (format!("{secs:.2} s = {pct:.1}%"), bytes1 - bytes0);
    t.goal(
        "idle CPU over 10 s, bundled brief",
        cpu,
        "0.0%",
        cpu1 == cpu0,
    );
    let what = "bytes written while idle";
    t.goal(what, format!("{wrote} B"), "0 B", wrote == 0);
    Ok(())
}

/// 5. Wall time of `brief check` on each synthetic file.
fn check_times(bin: &Path, synth: &[(usize, PathBuf)], t: &mut Table) -> Res<()> {
    for (n, path) in synth {
        let mut runs = Vec::new();
        for _ in 0..3 {
            runs.push(timed(Command::new(bin).arg("check").arg(path), RUN)?);
        }
        let took = median(&mut runs);
        let what = format!("`brief check`, {}k events (median of 3)", n / 1000);
        match n {
            100_000 => t.goal(what, ms(took), "< 2 s", took.as_secs_f64() < 2.0),
            _ => t.info(what, ms(took)),
        }
    }
    Ok(())
}

/// Rows of what, value, target and pass/miss.
struct Table(Vec<[String; 4]>);

impl Table {
    /// A number with no target.
    fn info(&mut self, what: impl Display, value: impl Display) {
        let row = [what.to_string(), value.to_string(), "".into(), "".into()];
        self.0.push(row);
    }

    fn goal(&mut self, what: impl Display, value: String, target: &str, pass: bool) {
        let verdict = if pass { "pass" } else { "miss" };
        let row = [what.to_string(), value, target.into(), verdict.into()];
        self.0.push(row);
    }

    /// A row saying why a measurement failed, if it did.
    fn check<T>(&mut self, what: &str, got: Res<T>) {
        if let Err(e) = got {
            self.info(what, format!("error: {e}"));
        }
    }
}

/// Runs `cmd` to a successful end within `limit`; returns how long it took.
fn timed(cmd: &mut Command, limit: Duration) -> Res<Duration> {
    let start = Instant::now();
    let cmd = cmd.stdin(Stdio::null()).stdout(Stdio::null());
    let mut child = cmd.spawn().map_err(err)?;
    loop {
        if let Some(status) = child.try_wait().map_err(err)? {
            let took = start.elapsed();
            return match status.success() {
                true => Ok(took),
                false => Err(format!("exited with {status}")),
            };
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {limit:?}; killed"));
        }
        thread::sleep(POLL);
    }
}

/// Everything a child has written to its pty so far.
struct Output {
    parser: vt100::Parser,
    bytes: Vec<u8>,
    /// When the first complete frame had been read.
    first_frame: Option<Instant>,
    /// When the last chunk was read.
    last: Instant,
    /// The pty reached end of file: the child is gone.
    closed: bool,
}

impl Output {
    /// Takes in `chunk`, read at `at` (before the parsing, which is the
    /// harness's time, not the child's).
    fn feed(&mut self, chunk: &[u8], at: Instant) {
        self.bytes.extend_from_slice(chunk);
        self.parser.process(chunk);
        self.last = at;
        if self.first_frame.is_none() && self.settled() {
            self.first_frame = Some(self.last);
        }
    }

    /// Between frames (for brief): the last thing written ends one.
    fn settled(&self) -> bool {
        frames::ends_frame(&self.bytes)
    }

    fn quiet(&self) -> bool {
        self.last.elapsed() >= QUIET
    }

    /// A frame is complete and nothing has followed it for a while.
    fn drawn(&self) -> bool {
        self.first_frame.is_some() && self.settled() && self.quiet()
    }
}

/// A program running in a pty of its own; killed if dropped still running.
struct Term {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    out: Arc<Mutex<Output>>,
    started: Instant,
}

impl Term {
    fn spawn(program: &Path, args: &[&str], cols: u16, rows: u16) -> Res<Term> {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LESSHISTFILE", "-");
        for var in ["NO_COLOR", "LESS", "LESSOPEN", "LESSCLOSE"] {
            cmd.env_remove(var);
        }
        let size = PtySize {
            rows,
            cols,
            ..PtySize::default()
        };
        let pair = native_pty_system().openpty(size).map_err(err)?;
        let mut reader = pair.master.try_clone_reader().map_err(err)?;
        let writer = pair.master.take_writer().map_err(err)?;
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).map_err(err)?;
        // Only the child holds the slave now: the master reads end of file
        // once the child has exited, which ends the reading thread.
        drop(pair.slave);
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(rows, cols, 0),
            bytes: Vec::new(),
            first_frame: None,
            last: started,
            closed: false,
        }));
        let sink = Arc::clone(&out);
        thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let at = Instant::now();
                lock(&sink).feed(&buf[..n], at);
            }
            lock(&sink).closed = true;
        });
        let _master = pair.master;
        Ok(Term {
            _master,
            writer,
            child,
            out,
            started,
        })
    }

    fn out(&self) -> MutexGuard<'_, Output> {
        lock(&self.out)
    }

    /// Polls until `ok` holds; fails when the child ends or `limit` passes.
    fn wait(&self, what: &str, limit: Duration, ok: impl Fn(&Output) -> bool) -> Res<()> {
        let deadline = Instant::now() + limit;
        loop {
            {
                let o = self.out();
                if ok(&o) {
                    return Ok(());
                }
                if o.closed {
                    return Err(format!("the child ended before {what}"));
                }
            }
            if Instant::now() > deadline {
                return Err(format!("no {what} within {limit:?}"));
            }
            thread::sleep(POLL);
        }
    }

    /// Time from the spawn to the end of the first complete frame.
    fn first_frame(&self, limit: Duration) -> Res<Duration> {
        self.wait("first frame", limit, |o| o.first_frame.is_some())?;
        let at = self.out().first_frame.unwrap_or(self.started);
        Ok(at - self.started)
    }

    fn send(&mut self, bytes: &[u8]) -> Res<()> {
        self.writer.write_all(bytes).map_err(err)?;
        self.writer.flush().map_err(err)
    }

    /// Types `key` and waits for its frame and a quiet spell; returns the
    /// bytes written meanwhile.
    /// Sends `key`; returns the bytes written for it and how many cells of
    /// the screen changed.
    fn press(&mut self, key: &[u8]) -> Res<(usize, usize)> {
        let (len, before) = {
            let o = self.out();
            (o.bytes.len(), o.parser.screen().clone())
        };
        self.send(key)?;
        let what = format!("frame after {:?}", String::from_utf8_lossy(key));
        self.wait(&what, SHOW, |o| o.bytes.len() > len && o.drawn())?;
        let o = self.out();
        let after = o.parser.screen();
        let (rows, cols) = after.size();
        let changed = (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|&(r, c)| before.cell(r, c) != after.cell(r, c))
            .count();
        Ok((o.bytes.len() - len, changed))
    }

    /// Types `q` and waits for the exit (on a miss, the drop kills it).
    fn quit(mut self) -> Res<()> {
        self.send(b"q")?;
        let deadline = Instant::now() + END;
        while Instant::now() < deadline {
            if self.child.try_wait().map_err(err)?.is_some() {
                return Ok(());
            }
            thread::sleep(POLL);
        }
        Err(format!("still running {END:?} after q; killed"))
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn lock(out: &Mutex<Output>) -> MutexGuard<'_, Output> {
    out.lock().unwrap_or_else(|e| e.into_inner())
}

/// The brief's YAML files in one, `brief.yaml` first, then by name.
fn concat_yaml(dir: &Path, out: &Path) -> Res<()> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(err)? {
        let path = entry.map_err(err)?.path();
        if path.extension().is_some_and(|x| x == "yaml") {
            files.push(path);
        }
    }
    files.sort_by_key(|p| (!p.ends_with("brief.yaml"), p.clone()));
    let mut text = String::new();
    for f in files {
        text += &std::fs::read_to_string(&f).map_err(err)?;
    }
    std::fs::write(out, text).map_err(err)
}

/// A `kB` field of `/proc/<pid>/status`.
fn status_kb(pid: u32, field: &str) -> Res<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).map_err(err)?;
    for line in status.lines() {
        if let Some(value) = line.strip_prefix(field).and_then(|l| l.strip_prefix(':')) {
            return value.trim().trim_end_matches(" kB").parse().map_err(err);
        }
    }
    Err(format!("no {field} in /proc/{pid}/status"))
}

/// utime + stime of all the threads of `pid`, in clock ticks.
fn cpu_ticks(pid: u32) -> Res<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).map_err(err)?;
    // After the command name (in parentheses) comes field 3, the state, so
    // utime (field 14) and stime (15) are the 12th and 13th from there.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let mut fields = rest.split_whitespace().skip(11).map(str::parse::<u64>);
    match (fields.next(), fields.next()) {
        (Some(Ok(utime)), Some(Ok(stime))) => Ok(utime + stime),
        _ => Err(format!("bad /proc/{pid}/stat")),
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let dirs = std::env::split_paths(&path);
    dirs.map(|d| d.join(name)).find(|p| p.is_file())
}

fn median<T: Ord + Copy>(xs: &mut [T]) -> T {
    xs.sort_unstable();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn kb(kb: u64) -> String {
    match kb >= 10 * 1024 {
        true => format!("{:.1} MiB", kb as f64 / 1024.0),
        false => format!("{kb} KiB"),
    }
}

/// A directory of this run's files, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let name = format!("brief-measure-{}", std::process::id());
        let dir = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
