//! Compiles the bundled brief: loads `briefs/ttp-afghanistan-pakistan/`
//! with the project's own loader and writes the validated model to
//! `OUT_DIR/bundled.postcard`, which `src/bundled` decodes at start instead
//! of parsing the YAML (a fraction of a millisecond instead of about 20).
//!
//! A brief with a problem fails the build with the loader's full report
//! (`file:line:col`, the line quoted), exactly what `brief check` prints:
//! an author editing the bundled brief sees it at `cargo build`.
//!
//! The loader is included as source, not as a dependency (a package's
//! build script cannot depend on the package itself): the modules below are
//! exactly what `load` reaches through `crate::` paths (the model and the
//! text sanitiser), plus the list of the bundled files. If `load` comes to
//! use another module of ours, add it here.

#[allow(unused, reason = "the build script uses only part of the model")]
#[path = "src/model/mod.rs"]
mod model;

#[allow(unused, reason = "the build script uses only part of the loader")]
#[path = "src/load/mod.rs"]
mod load;

#[allow(unused, reason = "the loader uses only part of the text module")]
#[path = "src/text/safe.rs"]
mod safe;

/// `crate::text::safe`, as the loader names it.
mod text {
    pub(crate) use super::safe;
}

#[path = "src/bundled/yaml.rs"]
mod bundled;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    for watched in [
        "briefs/ttp-afghanistan-pakistan",
        "src/bundled/yaml.rs",
        "src/load",
        "src/model",
        "src/text/safe.rs",
    ] {
        println!("cargo::rerun-if-changed={watched}");
    }
    let brief = match load::load_files(bundled::files()) {
        Ok(brief) => brief,
        Err(report) => {
            println!(
                "cargo::error=the bundled brief ({}) has problems: \
                 the loader's report is below, under `--- stderr`",
                bundled::DIR
            );
            eprint!("{}", report.render(false));
            return ExitCode::FAILURE;
        }
    };
    let bytes = match postcard::to_allocvec(&brief) {
        Ok(bytes) => bytes,
        Err(e) => {
            println!("cargo::error=cannot encode the bundled brief: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        println!("cargo::error=OUT_DIR is not set (this is cargo's build script)");
        return ExitCode::FAILURE;
    };
    let path = out.join("bundled.postcard");
    if let Err(e) = std::fs::write(&path, bytes) {
        println!("cargo::error=cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
