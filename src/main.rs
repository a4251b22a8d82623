fn main() {
    let path = std::env::args().nth(1).unwrap();
    let doc = reportmine::extract::extract_file(std::path::Path::new(&path), "x", &path);
    match doc {
        Ok(d) => print!("{}", d.to_text()),
        Err(e) => eprintln!("{path}: {e}"),
    }
}
