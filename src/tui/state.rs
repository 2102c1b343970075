//! A reader that remembers: for each document, keyed by a hash of its text, the reading position
//! (a byte offset, so it survives any terminal size), the current quotation, the followed
//! speaker, whether reported speech is hidden, and the reader's corrections to its attributions ([`crate::corrections`]). Kept in
//! one small JSON file in the XDG state directory, written atomically.
//!
//! Several readers may share the file: a save re-reads it under an advisory lock and writes back
//! what is on disk with only the entries this reader changed replaced, so that a reader quitting
//! late does not put back the positions another one saved meanwhile. Corrections are an
//! annotator's work: the file's stay unless this reader changed that document's, and a document
//! with corrections is never forgotten to make room.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::corrections::Edit;

/// The state file's name inside the state directory.
pub const FILE_NAME: &str = "state.json";
/// The format version written into the file; a file with another version is foreign.
pub const VERSION: u32 = 1;
/// At most this many documents are remembered (the least recently saved are forgotten).
pub const MAX_DOCS: usize = 1000;
/// A state file larger than this is not ours.
const MAX_FILE_LEN: u64 = 16 << 20;

/// Notices for the status bar.
pub const DAMAGED: &str = "reading state file damaged or foreign: ignored";
pub const UNREADABLE: &str = "reading state file unreadable: ignored";

/// 64-bit FNV-1a: a hash that stays the same across runs, builds and platforms (std's
/// `DefaultHasher` does not promise that).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What is remembered about one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocState {
    /// Byte offset of the text at the top of the screen.
    pub anchor: usize,
    /// Index of the current quotation.
    #[serde(default)]
    pub quote: Option<usize>,
    /// Canonical name of the followed speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Reported speech was hidden (`r`); left out of the file while it is shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reported_hidden: bool,
    /// When it was saved (seconds since the Unix epoch), to forget the oldest first.
    #[serde(default)]
    pub saved: u64,
    /// The reader's corrections, in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Edit>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    saywho_state: u32,
    docs: BTreeMap<String, DocState>,
}

/// The remembered states, loaded from and saved to one file.
#[derive(Debug)]
pub struct StateStore {
    path: PathBuf,
    docs: BTreeMap<String, DocState>,
    /// The entries set by this reader since its last save (they win over the file's).
    touched: BTreeSet<String>,
    /// The entries whose corrections this reader changed (only theirs replace the file's).
    corrected: BTreeSet<String>,
    dirty: bool,
}

/// `$XDG_STATE_HOME/saywho`, or `~/.local/state/saywho` (None when neither can be found).
pub fn default_dir() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".local/state"))
    })?;
    Some(base.join("saywho"))
}

fn key(hash: u64) -> String {
    format!("{hash:016x}")
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl StateStore {
    /// Loads the store kept in `dir`. A missing file is an empty store; a damaged or foreign one
    /// is ignored (and replaced on the next save), with a notice to show.
    pub fn open(dir: &Path) -> (StateStore, Option<&'static str>) {
        let path = dir.join(FILE_NAME);
        let mut store = StateStore {
            path,
            docs: BTreeMap::new(),
            touched: BTreeSet::new(),
            corrected: BTreeSet::new(),
            dirty: false,
        };
        let notice = match read_docs(&store.path) {
            Ok(docs) => {
                store.docs = docs;
                None
            }
            Err(notice) => notice,
        };
        (store, notice)
    }

    /// Where the store is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The state remembered for the document with this hash.
    pub fn get(&self, hash: u64) -> Option<&DocState> {
        self.docs.get(&key(hash))
    }

    /// Remembers the position in `state` for the document with this hash (its `saved` time is
    /// set here; its corrections are those of [`StateStore::set_corrections`]).
    pub fn set(&mut self, hash: u64, mut state: DocState) {
        let k = key(hash);
        match self.docs.get(&k) {
            Some(old) => {
                state.saved = old.saved;
                state.corrections.clone_from(&old.corrections);
                if *old == state {
                    return;
                }
            }
            // A document looked at but not read (top, nothing current, as it opens) is not worth
            // a line.
            None if state.anchor == 0
                && state.quote.is_none()
                && state.speaker.is_none()
                && !state.reported_hidden =>
            {
                return;
            }
            None => state.corrections.clear(),
        }
        state.saved = now();
        self.touched.insert(k.clone());
        self.docs.insert(k, state);
        self.dirty = true;
    }

    /// Remembers the corrections made to the document with this hash.
    pub fn set_corrections(&mut self, hash: u64, edits: &[Edit]) {
        let k = key(hash);
        let same = self.docs.get(&k).map_or(&[][..], |d| &d.corrections) == edits;
        if same {
            return;
        }
        let entry = self.docs.entry(k.clone()).or_default();
        entry.corrections = edits.to_vec();
        entry.saved = now();
        self.touched.insert(k.clone());
        self.corrected.insert(k);
        self.dirty = true;
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Writes the store if it changed: under the lock, the file as it is now with this reader's
    /// changes over it, to a temporary file in the same directory renamed over the old one (so a
    /// crash never leaves half a file).
    pub fn save(&mut self) -> io::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        std::fs::create_dir_all(&dir)?;
        let _lock = lock(&dir)?;
        // A damaged or foreign file is replaced, as at open.
        let mut docs = read_docs(&self.path).unwrap_or_default();
        for k in &self.touched {
            if let Some(st) = self.docs.get(k) {
                let mut st = st.clone();
                if !self.corrected.contains(k) {
                    st.corrections = docs
                        .get(k)
                        .map(|d| d.corrections.clone())
                        .unwrap_or_default();
                }
                docs.insert(k.clone(), st);
            }
        }
        forget_oldest(&mut docs);
        let file = StateFile {
            saywho_state: VERSION,
            docs,
        };
        let json = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
        write_atomically(&dir, &self.path, &json)?;
        self.docs = file.docs;
        self.touched.clear();
        self.corrected.clear();
        self.dirty = false;
        Ok(())
    }
}

/// The corrections kept in the state file at `path`, by document hash (for `extract
/// --corrections`), or why they cannot be read.
pub fn corrections_in(path: &Path) -> Result<BTreeMap<u64, Vec<Edit>>, &'static str> {
    if !path.exists() {
        return Err("no such file");
    }
    let docs = read_docs(path).map_err(|n| n.unwrap_or(UNREADABLE))?;
    Ok(docs
        .into_iter()
        .filter(|(_, st)| !st.corrections.is_empty())
        .filter_map(|(k, st)| Some((u64::from_str_radix(&k, 16).ok()?, st.corrections)))
        .collect())
}

/// The entries of the state file at `path`: none when there is no file, else the notice to show.
fn read_docs(path: &Path) -> Result<BTreeMap<String, DocState>, Option<&'static str>> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(_) => Err(Some(UNREADABLE)),
        Ok(m) if !m.is_file() || m.len() > MAX_FILE_LEN => Err(Some(DAMAGED)),
        Ok(_) => match std::fs::read(path) {
            Err(_) => Err(Some(UNREADABLE)),
            Ok(bytes) => match serde_json::from_slice::<StateFile>(&bytes) {
                Ok(f) if f.saywho_state == VERSION => Ok(f.docs),
                _ => Err(Some(DAMAGED)),
            },
        },
    }
}

/// Keeps the [`MAX_DOCS`] most recently saved entries.
fn forget_oldest(docs: &mut BTreeMap<String, DocState>) {
    if docs.len() <= MAX_DOCS {
        return;
    }
    let mut by_age: Vec<(u64, String)> = docs
        .iter()
        .filter(|(_, s)| s.corrections.is_empty())
        .map(|(k, s)| (s.saved, k.clone()))
        .collect();
    by_age.sort();
    let over = docs.len() - MAX_DOCS;
    for (_, k) in by_age.into_iter().take(over) {
        docs.remove(&k);
    }
}

fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// An exclusive advisory lock on `DIR/.state.json.lock`, held until the file is dropped (the
/// state file itself is replaced by rename, so it cannot carry the lock).
fn lock(dir: &Path) -> io::Result<std::fs::File> {
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!(".{FILE_NAME}.lock")))?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: flock on a descriptor we own; the lock goes with the descriptor.
        while unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } != 0 {
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("saywho-state-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn fnv1a_is_the_reference_function() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn saves_and_restores_through_the_file() {
        let dir = temp_dir("roundtrip");
        let (mut store, notice) = StateStore::open(&dir);
        assert_eq!(notice, None);
        assert!(store.get(7).is_none());
        let st = DocState {
            anchor: 1234,
            quote: Some(2),
            speaker: Some("Anna Berg".into()),
            ..DocState::default()
        };
        store.set(7, st.clone());
        assert!(store.is_dirty());
        store.save().unwrap();
        assert!(!store.is_dirty());
        let (again, notice) = StateStore::open(&dir);
        assert_eq!(notice, None);
        let got = again.get(7).unwrap();
        assert_eq!(
            (got.anchor, got.quote, &got.speaker),
            (1234, Some(2), &st.speaker)
        );
        // No temporary file is left behind (the lock file stays, empty).
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| *n != *format!(".{FILE_NAME}.lock"))
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from(FILE_NAME)]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn setting_the_same_state_is_not_a_change() {
        let dir = temp_dir("same");
        let (mut store, _) = StateStore::open(&dir);
        store.set(1, DocState::default());
        assert!(!store.is_dirty(), "an untouched document is not remembered");
        let st = DocState {
            anchor: 5,
            ..DocState::default()
        };
        store.set(1, st.clone());
        store.save().unwrap();
        store.set(1, st);
        assert!(!store.is_dirty());
        // Back at the top is remembered once something was.
        store.set(1, DocState::default());
        assert!(store.is_dirty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn damaged_or_foreign_files_are_ignored_with_a_notice_then_replaced() {
        let dir = temp_dir("damaged");
        std::fs::create_dir_all(&dir).unwrap();
        for junk in [
            &b"{not json"[..],
            b"\x00\xff\xfe binary",
            b"[1, 2, 3]",
            b"{\"saywho_state\": 99, \"docs\": {}}",
            b"{\"theme\": \"dark\"}",
            b"{\"saywho_state\": 1, \"docs\": {\"00\": {\"anchor\": -5}}}",
        ] {
            std::fs::write(dir.join(FILE_NAME), junk).unwrap();
            let (store, notice) = StateStore::open(&dir);
            assert_eq!(notice, Some(DAMAGED), "{}", String::from_utf8_lossy(junk));
            assert!(store.get(0).is_none());
        }
        let (mut store, _) = StateStore::open(&dir);
        store.set(
            3,
            DocState {
                quote: Some(1),
                ..DocState::default()
            },
        );
        store.save().unwrap();
        assert_eq!(StateStore::open(&dir).1, None);
        // A directory where the file should be: a notice, and saving fails without a panic.
        let dir2 = temp_dir("dir");
        std::fs::create_dir_all(dir2.join(FILE_NAME)).unwrap();
        let (mut store, notice) = StateStore::open(&dir2);
        assert_eq!(notice, Some(DAMAGED));
        store.set(
            3,
            DocState {
                anchor: 9,
                ..DocState::default()
            },
        );
        assert!(store.save().is_err());
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&dir2);
    }

    #[test]
    fn hidden_reported_speech_is_remembered_and_shown_is_left_out() {
        let dir = temp_dir("reported");
        let (mut store, _) = StateStore::open(&dir);
        let hidden = DocState {
            reported_hidden: true,
            ..DocState::default()
        };
        // Hidden at the top is not as the document opens: worth a line.
        store.set(5, hidden);
        store.set(6, at_quote(2));
        store.save().unwrap();
        let file = std::fs::read_to_string(dir.join(FILE_NAME)).unwrap();
        assert_eq!(file.matches("reported_hidden").count(), 1, "{file}");
        let (store, _) = StateStore::open(&dir);
        assert!(store.get(5).is_some_and(|st| st.reported_hidden));
        assert!(store.get(6).is_some_and(|st| !st.reported_hidden));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn at_quote(quote: usize) -> DocState {
        DocState {
            anchor: 1,
            quote: Some(quote),
            ..DocState::default()
        }
    }

    #[test]
    fn two_readers_keep_each_others_positions() {
        let dir = temp_dir("two");
        let (mut first, _) = StateStore::open(&dir);
        first.set(1, at_quote(4));
        first.set(2, at_quote(7));
        first.save().unwrap();
        // Reader A and reader B both open the file with document 1 at quote 4.
        let (mut a, _) = StateStore::open(&dir);
        let (mut b, _) = StateStore::open(&dir);
        a.set(1, at_quote(12));
        a.save().unwrap();
        // B read document 1 without moving, and read documents 2 and 3; it quits last.
        b.set(1, at_quote(4));
        b.set(2, at_quote(8));
        b.set(3, at_quote(1));
        b.save().unwrap();
        let (after, _) = StateStore::open(&dir);
        assert_eq!(
            after.get(1).unwrap().quote,
            Some(12),
            "A's save survives B's"
        );
        assert_eq!(
            after.get(2).unwrap().quote,
            Some(8),
            "B's change wins for what B touched"
        );
        assert_eq!(after.get(3).unwrap().quote, Some(1));
        // A saves again after B without touching document 2: B's position stays.
        a.set(3, at_quote(2));
        a.save().unwrap();
        let (after, _) = StateStore::open(&dir);
        assert_eq!(after.get(2).unwrap().quote, Some(8));
        assert_eq!(after.get(3).unwrap().quote, Some(2));
        assert_eq!(after.get(1).unwrap().quote, Some(12));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn not_a_quote(start: usize) -> Vec<Edit> {
        vec![Edit::NotQuote {
            start,
            end: start + 5,
        }]
    }

    #[test]
    fn corrections_survive_other_readers_and_are_never_forgotten() {
        let dir = temp_dir("corrections");
        let (mut a, _) = StateStore::open(&dir);
        let (mut b, _) = StateStore::open(&dir);
        a.set_corrections(1, &not_a_quote(10));
        a.save().unwrap();
        // B moved in document 1 (it never saw A's corrections) and saves last.
        b.set(1, at_quote(3));
        b.save().unwrap();
        let (after, _) = StateStore::open(&dir);
        assert_eq!(after.get(1).unwrap().corrections, not_a_quote(10));
        assert_eq!(after.get(1).unwrap().quote, Some(3));
        // The corrections of a reader that changed them win.
        b.set_corrections(1, &not_a_quote(20));
        b.save().unwrap();
        let read = corrections_in(&dir.join(FILE_NAME)).unwrap();
        assert_eq!(read[&1], not_a_quote(20));
        // Filling the store to the limit keeps the corrected document, however old.
        let (mut c, _) = StateStore::open(&dir);
        c.docs.get_mut(&key(1)).unwrap().saved = 0;
        for i in 2..(MAX_DOCS as u64 + 10) {
            c.set(i, at_quote(1));
        }
        c.save().unwrap();
        assert!(corrections_in(&dir.join(FILE_NAME))
            .unwrap()
            .contains_key(&1));
        assert_eq!(
            corrections_in(&dir.join("missing.json")),
            Err("no such file")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn forgets_the_oldest_beyond_the_limit() {
        let dir = temp_dir("limit");
        let (mut store, _) = StateStore::open(&dir);
        for i in 0..(MAX_DOCS as u64 + 5) {
            store.set(
                i,
                DocState {
                    anchor: 1,
                    ..DocState::default()
                },
            );
            store.docs.get_mut(&key(i)).unwrap().saved = i;
        }
        store.save().unwrap();
        assert_eq!(store.docs.len(), MAX_DOCS);
        assert!(store.get(0).is_none());
        assert!(store.get(MAX_DOCS as u64 + 4).is_some());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
