//! `cargo bench --bench reader`: the reader's work, timed by divan.
//!
//! - load: YAML → validated brief → the reader's indexes, by brief size,
//!   beside serde_yaml merely parsing the same text into a generic value
//!   (the target: our whole load costs at most twice that parse);
//! - one keystroke's update + draw on a 120×40 test backend at 100,000
//!   events (move, switch tab, follow a link and come back);
//! - a search keystroke and a palette keystroke at 100,000 events;
//! - `bundled::*`: the start path of `brief` with no path, step by step
//!   (decode the compiled-in brief, `App::new`, the first draw at 80×24,
//!   the search index built after it), beside the YAML load it replaced.
//!
//! Targets and results are in BENCHMARKS.md. Timing lives here, never in
//! tests.

use std::sync::LazyLock;

use brief::app::{Action, App, Tab};
use brief::load::{SourceFile, load_files};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

fn text(events: usize) -> String {
    brief::synth::single(events, 1)
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_validate_index(bencher: Bencher, events: usize) {
    let yaml = text(events);
    bencher
        .counter(divan::counter::BytesCount::new(yaml.len()))
        .bench(|| {
            let files = vec![SourceFile {
                name: "b.yaml".into(),
                text: yaml.clone(),
            }];
            match load_files(files) {
                Ok(b) => {
                    let mut app = App::new(b, (120, 40));
                    // What the reader builds just after its first frame.
                    app.update(Action::Prepare);
                    app
                }
                Err(r) => panic!("{}", r.short()),
            }
        });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn serde_yaml_parse_only(bencher: Bencher, events: usize) {
    let yaml = text(events);
    bencher
        .counter(divan::counter::BytesCount::new(yaml.len()))
        .bench(|| serde_yaml::from_str::<serde_yaml::Value>(&yaml).map(|_| ()));
}

/// The start path of `brief` with no path, step by step.
mod bundled {
    use super::*;

    fn decode() -> brief::model::Brief {
        brief::bundled::brief().unwrap_or_else(|e| panic!("{e}"))
    }

    #[divan::bench]
    fn decode_compiled_brief() -> brief::model::Brief {
        decode()
    }

    #[divan::bench]
    fn load_yaml_instead(bencher: Bencher) {
        bencher.bench(|| load_files(brief::bundled::files()).map(|_| ()));
    }

    #[divan::bench]
    fn app_new(bencher: Bencher) {
        bencher
            .with_inputs(decode)
            .bench_values(|b| App::new(b, (80, 24)));
    }

    /// What the reader does just after its first frame.
    #[divan::bench]
    fn prepare(bencher: Bencher) {
        bencher
            .with_inputs(|| App::new(decode(), (80, 24)))
            .bench_local_refs(|app| app.update(Action::Prepare));
    }

    #[divan::bench]
    fn first_draw(bencher: Bencher) {
        bencher
            .with_inputs(|| {
                let terminal = Terminal::new(TestBackend::new(80, 24));
                (
                    App::new(decode(), (80, 24)),
                    terminal.unwrap_or_else(|e| panic!("{e}")),
                )
            })
            .bench_local_refs(|(app, terminal)| {
                let _ = terminal.draw(|f| brief::ui::draw(f, app));
            });
    }
}

/// One reader over a 100,000-event brief, shared by the keystroke benches.
static BIG: LazyLock<brief::model::Brief> = LazyLock::new(|| {
    match load_files(vec![SourceFile {
        name: "b.yaml".into(),
        text: text(100_000),
    }]) {
        Ok(b) => b,
        Err(r) => panic!("{}", r.short()),
    }
});

fn reader(tab: Tab) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(BIG.clone(), (120, 40));
    app.update(Action::Prepare);
    app.update(Action::GoTab(tab));
    let terminal = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    (app, terminal)
}

fn keys(bencher: Bencher, tab: Tab, setup: &[Action], keys: &'static [Action]) {
    let (mut app, mut terminal) = reader(tab);
    for a in setup {
        app.update(*a);
    }
    bencher.bench_local(|| {
        for &a in keys {
            app.update(a);
            let _ = terminal.draw(|f| brief::ui::draw(f, &app));
        }
    });
}

#[divan::bench]
fn key_move_selection(bencher: Bencher) {
    keys(bencher, Tab::Timeline, &[], &[Action::Down]);
}

#[divan::bench]
fn key_switch_tab(bencher: Bencher) {
    keys(bencher, Tab::Timeline, &[], &[Action::NextTab]);
}

#[divan::bench]
fn key_follow_link_then_back(bencher: Bencher) {
    keys(
        bencher,
        Tab::Timeline,
        &[Action::Open],
        &[Action::FollowLink, Action::Back],
    );
}

#[divan::bench]
fn key_search_type_then_delete(bencher: Bencher) {
    let setup = [Action::Search, Action::Type('e'), Action::Type('v')];
    keys(
        bencher,
        Tab::Timeline,
        &setup,
        &[Action::Type('e'), Action::DeleteChar],
    );
}

#[divan::bench]
fn key_palette_type_then_delete(bencher: Bencher) {
    let setup = [Action::Jump, Action::Type('a'), Action::Type('c')];
    keys(
        bencher,
        Tab::Timeline,
        &setup,
        &[Action::Type('t'), Action::DeleteChar],
    );
}

#[divan::bench]
fn key_palette_open_then_close(bencher: Bencher) {
    keys(bencher, Tab::Timeline, &[], &[Action::Jump, Action::Leave]);
}
