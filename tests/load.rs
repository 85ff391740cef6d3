use std::path::Path;
#[test]
fn explore() {
    let mut names: Vec<_> = std::fs::read_dir("tests/fixtures/load")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        let rel = Path::new("tests/fixtures/load").join(p.file_name().unwrap());
        match brief::load::load_path(&rel) {
            Ok(_) => println!("== {} OK", rel.display()),
            Err(r) => {
                println!("== {}\n{}", rel.display(), r.short());
                for d in &r.diagnostics {
                    if let Some(h) = &d.help {
                        println!("   help: {h}");
                    }
                }
                if std::env::var("RENDER").is_ok() {
                    println!("{}", r.render(false));
                }
            }
        }
    }
}
