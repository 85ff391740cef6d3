//! The brief compiled into the binary, opened when `brief` runs without a
//! path: the course material a fresh clone shows with `cargo run --release`.
//!
//! It is there twice. [`brief`] is the validated model the build script
//! made from the YAML with the loader itself (see `build.rs`), in
//! postcard's compact form: decoding it takes a fraction of a millisecond,
//! where parsing the YAML at every start took about 20 (the first frame
//! waited on it). [`files`] is the YAML, for `brief check` with no path and
//! for the tests that read the text. A brief with problems never gets this
//! far: the build fails with the loader's report.

mod yaml;

pub use yaml::{DIR, files};

use crate::model::Brief;

/// The model as the build script wrote it.
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.postcard"));

/// The compiled-in model could not be read back: only possible if the
/// build wrote it with other model types than this binary has.
#[derive(Debug, thiserror::Error)]
#[error("the bundled brief compiled into this binary cannot be read: {0}")]
pub struct DecodeError(#[from] postcard::Error);

/// The bundled brief, ready to read: what the loader makes of [`files`]
/// (a test holds the two equal), with its indexes built by [`Brief::new`].
pub fn brief() -> Result<Brief, DecodeError> {
    Ok(postcard::from_bytes(COMPILED)?)
}
