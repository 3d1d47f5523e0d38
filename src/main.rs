//! The `byline` binary: see [`byline::cli`].

fn main() {
    std::process::exit(byline::cli::main());
}
