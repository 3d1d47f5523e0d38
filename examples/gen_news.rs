//! Writes generated news (the benchmarks' generator) for timing runs:
//!
//! ```sh
//! cargo run --release --example gen_news -- folder DIR 2000   # 2,000 articles of 2-6 KB
//! cargo run --release --example gen_news -- article FILE 5242880  # one article of ~5 MB
//! ```

#[path = "../benches/gen/mod.rs"]
mod gen;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_news folder DIR N | gen_news article FILE BYTES";
    let (Some(what), Some(path), Some(n)) = (args.first(), args.get(1), args.get(2).and_then(|n| n.parse().ok()))
    else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let path = Path::new(path);
    match what.as_str() {
        "folder" => {
            for i in 0..n {
                // A few sub-folders, as a news archive has.
                let dir = path.join(format!("{:02}", i % 20));
                std::fs::create_dir_all(&dir).expect("create the folder");
                let size = 2_000 + (i as usize * 7919) % 4_000;
                std::fs::write(dir.join(format!("{i:05}.txt")), gen::article(i, size)).expect("write an article");
            }
        }
        "article" => std::fs::write(path, gen::article(5, n as usize)).expect("write the article"),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
