//! The bundled brief's YAML, as text compiled into the binary: what
//! `brief check` checks when given no path, and what the build script
//! compiles (so both read the same files under the same names). Imports
//! only [`crate::load::SourceFile`], so the build script can include it.

use crate::load::SourceFile;

/// The directory the bundled brief's files come from, for messages.
pub const DIR: &str = "briefs/ttp-afghanistan-pakistan";

/// Its files, in the order the loader reads a directory (by name).
const FILES: &[(&str, &str)] = &[
    (
        "actors.yaml",
        include_str!("../../briefs/ttp-afghanistan-pakistan/actors.yaml"),
    ),
    (
        "brief.yaml",
        include_str!("../../briefs/ttp-afghanistan-pakistan/brief.yaml"),
    ),
    (
        "demands.yaml",
        include_str!("../../briefs/ttp-afghanistan-pakistan/demands.yaml"),
    ),
    (
        "events.yaml",
        include_str!("../../briefs/ttp-afghanistan-pakistan/events.yaml"),
    ),
    (
        "issues.yaml",
        include_str!("../../briefs/ttp-afghanistan-pakistan/issues.yaml"),
    ),
    (
        "positions.yaml",
        include_str!("../../briefs/ttp-afghanistan-pakistan/positions.yaml"),
    ),
    (
        "sources.yaml",
        include_str!("../../briefs/ttp-afghanistan-pakistan/sources.yaml"),
    ),
];

/// The bundled brief's files, named as they are in the repository.
pub fn files() -> Vec<SourceFile> {
    FILES
        .iter()
        .map(|(name, text)| SourceFile {
            name: format!("{DIR}/{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}
