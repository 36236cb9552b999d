//! `greencheck` batch CLI (placeholder until the project format lands).
fn main() {
    eprintln!("greencheck: not implemented yet");
    std::process::exit(2);
}
