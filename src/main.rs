//! The `byline` binary: see [`byline::cli`].

fn main() {
    // Large blocks (a big article's token and mention tables) always get
    // pages of their own, given back when freed: glibc otherwise raises this
    // threshold after the first such free and serves the next ones from a
    // heap that keeps its freed pages, which adds up over the engine's stages.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 << 10);
    }
    std::process::exit(byline::cli::main());
}
