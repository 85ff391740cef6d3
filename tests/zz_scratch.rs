use std::path::Path;
fn show(p: &Path) {
    match brief::load::load_path(p) {
        Ok(_) => println!("{} OK", p.display()),
        Err(r) => println!("{}\n{}", r.short(), r.render(false)),
    }
}
#[test]
fn files() {
    let d = std::env::temp_dir().join(format!("brief-scratch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("empty")).unwrap();
    std::fs::create_dir_all(d.join("loop/sub")).unwrap();
    std::fs::write(
        d.join("loop/a.yaml"),
        "brief: {id: x, title: t, as_of: 2025, summary: s}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("..", d.join("loop/sub/back")).unwrap();
    std::fs::write(
        d.join("bad.yaml"),
        b"brief:\n  id: x\n  title: caf\xe9 \xff\n",
    )
    .unwrap();
    std::fs::write(d.join("nul.yaml"), b"brief:\n  id: x\0\n").unwrap();
    show(&d.join("nope.yaml"));
    show(&d.join("empty"));
    show(&d.join("loop"));
    show(&d.join("bad.yaml"));
    show(&d.join("nul.yaml"));
    std::fs::remove_dir_all(&d).unwrap();
}
#[test]
fn escapes() {
    let y = "brief:\n  id: x\n  title: \"T \\e]52;c;aGk=\\a \\u202e \\x9b31m\"\n  as_of: 2025\n  summary: s\n  \"k\\e]52;c;aGk=\\a\\u202e\\x9b31m\": 1\n";
    let r = brief::load::load_files(vec![brief::load::SourceFile {
        name: "e.yaml".into(),
        text: y.into(),
    }]);
    match r {
        Ok(b) => println!("{:?}", b.meta.title),
        Err(r) => println!("{:?}\n{}", r.short(), r.render(false)),
    }
    let y = "brief:\n  id: x\n  title: \"T \\e]52;c;aGk=\\a \\u202e \\x9b31m\"\n  as_of: 2025\n  summary: s\n";
    let r = brief::load::load_files(vec![brief::load::SourceFile {
        name: "e.yaml".into(),
        text: y.into(),
    }]);
    match r {
        Ok(b) => println!("{:?}", b.meta.title),
        Err(r) => println!("{:?}\n{}", r.short(), r.render(false)),
    }
}
