//! Finding and reading the files of a brief: one file, or a directory tree
//! of `.yaml` / `.yml` files read in name order.
//!
//! Everything here is bounded (see the limits in briefs/FORMAT.md): file
//! sizes are checked before and while reading (a device or a growing file
//! cannot feed us forever), only regular files are opened (a FIFO would
//! block), directory depth and file counts are capped, and a symbolic link
//! that leads back into a directory being read is reported, not followed.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Report, SourceFile};
use super::tree::Loc;

pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
pub const MAX_FILES: usize = 10_000;
pub const MAX_DEPTH: usize = 8;

/// Reads every file of the brief at `path` into `report.files`, recording
/// problems in `report.diagnostics`.
pub fn read_brief(path: &Path, report: &mut Report) {
    let shown = path.display().to_string();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            report.diagnostics.push(
                Diagnostic::path(&shown, format!("cannot open: {}", io_reason(&e)))
                    .with_help("give the path of a brief file or of a directory of .yaml files"),
            );
            return;
        }
    };
    let mut paths = Vec::new();
    if meta.is_dir() {
        let mut walk = Walk {
            seen: HashSet::new(),
            report,
            out: &mut paths,
        };
        walk.dir(path, 0);
        if paths.is_empty() && report.diagnostics.is_empty() {
            report.diagnostics.push(
                Diagnostic::path(&shown, "no .yaml or .yml files in this directory")
                    .with_help("a brief directory holds files such as brief.yaml and events.yaml"),
            );
        }
    } else {
        paths.push(path.to_path_buf());
    }
    let mut total = 0u64;
    for p in paths {
        if let Some(file) = read_one(&p, &mut total, report) {
            report.files.push(file);
        }
    }
}

struct Walk<'a> {
    seen: HashSet<PathBuf>,
    report: &'a mut Report,
    out: &'a mut Vec<PathBuf>,
}

impl Walk<'_> {
    fn dir(&mut self, dir: &Path, depth: usize) {
        let shown = dir.display().to_string();
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.seen.insert(canonical) {
            self.report.diagnostics.push(Diagnostic::path(
                &shown,
                "this directory was already read (a symbolic link loops back to it); skipped",
            ));
            return;
        }
        if depth > MAX_DEPTH {
            self.report.diagnostics.push(Diagnostic::path(
                &shown,
                format!("more than {MAX_DEPTH} directories deep; not read"),
            ));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.report.diagnostics.push(Diagnostic::path(
                    &shown,
                    format!("cannot list: {}", io_reason(&e)),
                ));
                return;
            }
        };
        let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        names.sort();
        for path in names {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            // Follows symbolic links on purpose: a brief may link in shared files.
            let Ok(meta) = fs::metadata(&path) else {
                self.report.diagnostics.push(Diagnostic::path(
                    path.display().to_string(),
                    "cannot read (a broken symbolic link?)",
                ));
                continue;
            };
            if meta.is_dir() {
                self.dir(&path, depth + 1);
            } else if is_yaml(&path) {
                if self.out.len() >= MAX_FILES {
                    self.report.diagnostics.push(Diagnostic::path(
                        &shown,
                        format!("more than {MAX_FILES} files in one brief; the rest are not read"),
                    ));
                    return;
                }
                self.out.push(path);
            }
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

fn read_one(path: &Path, total: &mut u64, report: &mut Report) -> Option<SourceFile> {
    let name = path.display().to_string();
    let fail = |report: &mut Report, msg: String| {
        report.diagnostics.push(Diagnostic::path(&name, msg));
        None
    };
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return fail(report, format!("cannot open: {}", io_reason(&e))),
    };
    if !meta.is_file() {
        return fail(report, "not a regular file".to_owned());
    }
    if meta.len() > MAX_FILE_BYTES {
        return fail(
            report,
            format!(
                "{} MiB is larger than the {} MiB a brief file may be; split it into several files",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        );
    }
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(report, format!("cannot open: {}", io_reason(&e))),
    };
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    if let Err(e) = file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return fail(report, format!("cannot read: {}", io_reason(&e)));
    }
    let len = bytes.len() as u64;
    if len > MAX_FILE_BYTES {
        return fail(
            report,
            format!(
                "larger than the {} MiB a brief file may be",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        );
    }
    *total += len;
    if *total > MAX_TOTAL_BYTES {
        return fail(
            report,
            format!(
                "the brief's files together pass {} MiB; not read",
                MAX_TOTAL_BYTES / (1024 * 1024)
            ),
        );
    }
    match decode(bytes) {
        Ok(text) => Some(SourceFile { name, text }),
        Err(Undecodable {
            loc,
            message,
            help,
            lossy,
        }) => {
            // Kept (with replacement characters) so the diagnostic can quote the line.
            let index = report.files.len();
            report.files.push(SourceFile { name, text: lossy });
            report
                .diagnostics
                .push(Diagnostic::at(index, loc, 1, message).with_help(help));
            None
        }
    }
}

/// Why a file is not text, where, and the file as best it can be shown.
pub struct Undecodable {
    pub loc: Loc,
    pub message: String,
    pub help: &'static str,
    pub lossy: String,
}

/// UTF-8 with an optional byte-order mark; no NUL bytes.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, Undecodable> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            return Err(Undecodable {
                loc: loc_of(&String::from_utf8_lossy(&bytes[..good])),
                message: "not UTF-8 text: invalid byte here".to_owned(),
                help: "a brief must be UTF-8 text; convert it (for example with iconv) or check that this is the right file",
                lossy: String::from_utf8_lossy(bytes).into_owned(),
            });
        }
    };
    if let Some(at) = text.find('\0') {
        return Err(Undecodable {
            loc: loc_of(&text[..at]),
            message: "a NUL byte: this looks like a binary file, not YAML".to_owned(),
            help: "a brief is plain text; check that this is the right file",
            // Quoted through the sanitiser, which shows the NUL as `\u{0}`.
            lossy: text,
        });
    }
    Ok(text)
}

/// The location just after `prefix`.
fn loc_of(prefix: &str) -> Loc {
    let line = prefix.matches('\n').count() + 1;
    let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Loc {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_utf8_is_located() {
        let Err(bad) = decode(b"a: 1\nb: \xff\n".to_vec()) else {
            panic!("decoded")
        };
        assert_eq!(bad.loc, Loc { line: 2, col: 4 });
    }

    #[test]
    fn bom_is_dropped_and_nul_refused() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa: 1".to_vec()).ok().as_deref(),
            Some("a: 1")
        );
        assert!(decode(b"a: \0".to_vec()).is_err());
    }
}
