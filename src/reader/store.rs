//! Saved state (PRODUCT.md section 4): pledge ticks and the last reading
//! position per article, keyed by a stable hash of the article text, in
//! `$XDG_STATE_HOME/byline/<hash>.json` (default `~/.local/state/byline/`).
//!
//! Every change goes through [`Store::update`]: take an exclusive lock on
//! `<hash>.lock`, re-read the file, apply the one change to what is on disk,
//! write a temporary file in the same folder, fsync it, rename it over the
//! old one, release the lock. So two readers open at once lose no tick, and
//! a process killed mid-write leaves the old file whole (its temporary file
//! is removed by the next write of that article). A
//! file that does not parse is renamed aside (`<hash>.json.corrupt-<secs>`),
//! never overwritten, and the caller is told so it can show a warning.

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Schema tag of a state file.
pub const STATE_SCHEMA: &str = "byline.state/1";

/// FNV-1a, 64 bits: a small hash that is the same on every run and machine.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The state key of an article: its text's hash, in hex.
pub fn article_key(text: &str) -> String {
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

/// What is saved for one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    pub schema: String,
    /// Ticked pledges, by pledge key (`start-end` of the pledge span).
    #[serde(default)]
    pub ticks: BTreeSet<String>,
    /// Byte offset of the top row when the reader last closed.
    #[serde(default)]
    pub position: usize,
}

impl Default for ArticleState {
    fn default() -> Self {
        ArticleState { schema: STATE_SCHEMA.to_string(), ticks: BTreeSet::new(), position: 0 }
    }
}

/// The result of reading a state file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub state: ArticleState,
    /// A problem to show the user (a corrupt file moved aside).
    pub warning: Option<String>,
}

/// The folder of saved state files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store in `dir` (created on first write).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    /// `$XDG_STATE_HOME/byline`, else `$HOME/.local/state/byline`; `None`
    /// when neither can be found.
    pub fn from_env() -> Option<Self> {
        let xdg = std::env::var_os("XDG_STATE_HOME").map(PathBuf::from).filter(|p| p.is_absolute());
        let base = xdg.or_else(|| {
            let home = std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()))?;
            Some(home.join(".local").join("state"))
        })?;
        Some(Store::at(base.join("byline")))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state file of an article key.
    pub fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// Reads the saved state (a missing file is the empty state). A corrupt
    /// file is moved aside under the lock and reported.
    pub fn load(&self, key: &str) -> io::Result<Loaded> {
        if !self.path(key).exists() {
            return Ok(Loaded::default());
        }
        let _lock = self.lock(key)?;
        self.read_locked(key)
    }

    /// Ticks or unticks one pledge; returns the merged state now on disk.
    pub fn set_tick(&self, key: &str, pledge: &str, ticked: bool) -> io::Result<Loaded> {
        self.update(key, |s| {
            if ticked {
                s.ticks.insert(pledge.to_string());
            } else {
                s.ticks.remove(pledge);
            }
        })
    }

    /// Saves the reading position; returns the merged state now on disk.
    pub fn set_position(&self, key: &str, position: usize) -> io::Result<Loaded> {
        self.update(key, |s| s.position = position)
    }

    /// Applies `change` to the freshest state on disk, under the lock.
    pub fn update(&self, key: &str, change: impl FnOnce(&mut ArticleState)) -> io::Result<Loaded> {
        fs::create_dir_all(&self.dir)?;
        let _lock = self.lock(key)?;
        let mut loaded = self.read_locked(key)?;
        change(&mut loaded.state);
        self.write_locked(key, &loaded.state)?;
        Ok(loaded)
    }

    /// Takes the article's exclusive lock; it is released when the file drops.
    fn lock(&self, key: &str) -> io::Result<File> {
        let f =
            OpenOptions::new().create(true).truncate(false).write(true).open(self.dir.join(format!("{key}.lock")))?;
        fs4::fs_std::FileExt::lock_exclusive(&f)?;
        Ok(f)
    }

    fn read_locked(&self, key: &str) -> io::Result<Loaded> {
        let path = self.path(key);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(e) => return Err(e),
        };
        match serde_json::from_slice::<ArticleState>(&bytes) {
            Ok(state) if state.schema == STATE_SCHEMA => Ok(Loaded { state, warning: None }),
            _ => {
                let aside = self.aside_name(&path);
                fs::rename(&path, &aside)?;
                let name = aside.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                Ok(Loaded {
                    state: ArticleState::default(),
                    warning: Some(format!("saved state was unreadable; kept it as {name} and started afresh")),
                })
            }
        }
    }

    fn aside_name(&self, path: &Path) -> PathBuf {
        let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let base = format!("{}.corrupt-{secs}", path.display());
        let mut candidate = PathBuf::from(&base);
        let mut n = 1;
        while candidate.exists() {
            candidate = PathBuf::from(format!("{base}-{n}"));
            n += 1;
        }
        candidate
    }

    /// The prefix of an article's temporary files (`.<key>.tmp<random>`).
    fn temp_prefix(key: &str) -> String {
        format!(".{key}.tmp")
    }

    /// Removes the temporary files a killed writer of this article left
    /// behind. Only called under the article's lock, so no live writer of
    /// this key has a temporary file open.
    fn remove_stale_temps(&self, key: &str) {
        let prefix = Self::temp_prefix(key);
        let Ok(entries) = fs::read_dir(&self.dir) else { return };
        for e in entries.flatten() {
            if e.file_name().to_str().is_some_and(|n| n.starts_with(&prefix)) {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    fn write_locked(&self, key: &str, state: &ArticleState) -> io::Result<()> {
        self.remove_stale_temps(key);
        let mut tmp = tempfile::Builder::new().prefix(&Self::temp_prefix(key)).tempfile_in(&self.dir)?;
        let json = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
        tmp.write_all(&json)?;
        tmp.write_all(b"\n")?;
        tmp.as_file().sync_all()?;
        tmp.persist(self.path(key)).map_err(|e| e.error)?;
        // Make the rename itself durable.
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(article_key("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn round_trip_and_merge() {
        let dir = tempfile::tempdir().unwrap();
        let a = Store::at(dir.path().join("byline"));
        let b = Store::at(dir.path().join("byline"));
        a.set_tick("k", "1-2", true).unwrap();
        b.set_tick("k", "3-4", true).unwrap();
        a.set_position("k", 42).unwrap();
        let got = a.load("k").unwrap();
        assert_eq!(got.state.ticks.iter().cloned().collect::<Vec<_>>(), vec!["1-2", "3-4"]);
        assert_eq!(got.state.position, 42);
        b.set_tick("k", "1-2", false).unwrap();
        assert_eq!(a.load("k").unwrap().state.ticks.len(), 1);
    }

    #[test]
    fn corrupt_file_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::at(dir.path());
        fs::write(s.path("k"), "{not json").unwrap();
        let got = s.load("k").unwrap();
        assert!(got.warning.unwrap().contains("corrupt-"));
        assert!(!s.path("k").exists());
        let kept: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(fs::read_to_string(kept[0].path()).unwrap(), "{not json");
    }
}
