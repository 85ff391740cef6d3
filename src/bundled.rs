//! The brief compiled into the binary, opened when `brief` runs without a
//! path: the course material a fresh clone shows with `cargo run --release`.

use crate::load::SourceFile;

/// Its files, in the order the loader reads a directory (by name).
const FILES: &[(&str, &str)] = &[
    (
        "actors.yaml",
        include_str!("../briefs/ttp-afghanistan-pakistan/actors.yaml"),
    ),
    (
        "brief.yaml",
        include_str!("../briefs/ttp-afghanistan-pakistan/brief.yaml"),
    ),
    (
        "demands.yaml",
        include_str!("../briefs/ttp-afghanistan-pakistan/demands.yaml"),
    ),
    (
        "events.yaml",
        include_str!("../briefs/ttp-afghanistan-pakistan/events.yaml"),
    ),
    (
        "issues.yaml",
        include_str!("../briefs/ttp-afghanistan-pakistan/issues.yaml"),
    ),
    (
        "positions.yaml",
        include_str!("../briefs/ttp-afghanistan-pakistan/positions.yaml"),
    ),
    (
        "sources.yaml",
        include_str!("../briefs/ttp-afghanistan-pakistan/sources.yaml"),
    ),
];

/// The directory the bundled brief's files come from, for messages.
pub const DIR: &str = "briefs/ttp-afghanistan-pakistan";

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
