//! The articles named on the command line, as a [`Corpus`]: files, the readable files of a
//! directory, the lines of a JSONL corpus (`{"id", "title"?, "text"}` a line), stdin or the
//! sample. Nothing is read or analysed before it is needed: a JSONL corpus is indexed by line
//! offsets at start and a line is read when its article is shown.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use super::shelf::{preview_of, Corpus};
use crate::guard::analyze_source_guarded;
use saywho_core::document::Document;
use saywho_core::ingest::jsonl::{self, Record, DEFAULT_MAX_LINE_BYTES};
use saywho_core::ingest::{self, ArticleMeta, Source};

/// One article.
#[derive(Debug)]
enum Entry {
    /// Text already read (stdin, the sample, a single file).
    Text(Source),
    /// A file, read when shown; `title` is how it is listed.
    File { path: PathBuf, title: String },
    /// Line `line` (1-based) of JSONL file `file`, `len` bytes at `offset`.
    Line {
        file: usize,
        line: usize,
        offset: u64,
        len: usize,
    },
}

/// Articles from files, directories and JSONL corpora.
#[derive(Debug, Default)]
pub struct Library {
    entries: Vec<Entry>,
    /// JSONL files: path and display name.
    jsonl: Vec<(PathBuf, String)>,
    /// Files skipped in directories (hidden or binary).
    skipped: usize,
    /// Paths that could not be opened or listed, one line each (`PATH: no such file`).
    errors: Vec<String>,
    /// The notice of each article read so far (see [`Source::notice`]).
    notices: Vec<Option<String>>,
    /// The title, byline and date of each article read so far.
    metas: Vec<ArticleMeta>,
}

/// Whether `path` names a JSONL corpus (by its extension).
pub fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

impl Library {
    /// One article already read.
    pub fn single(source: Source) -> Library {
        Library {
            entries: vec![Entry::Text(source)],
            ..Library::default()
        }
    }

    /// The articles of `paths`: each file one article, each directory its readable files (sorted,
    /// hidden and binary files skipped), each `.jsonl` file one article a line. A path that does
    /// not exist or cannot be listed (or stdin that cannot be read) is left out and its error
    /// kept in [`Library::errors`], so that the others still open.
    pub fn from_paths(paths: &[PathBuf]) -> Library {
        let mut lib = Library::default();
        for path in paths {
            if let Err(e) = lib.add_path(path) {
                lib.errors.push(format!("{e:#}"));
            }
        }
        lib
    }

    fn add_path(&mut self, path: &Path) -> Result<()> {
        if path.as_os_str() == "-" {
            self.entries.push(Entry::Text(ingest::read_stdin()?));
            return Ok(());
        }
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| saywho_core::Error::io(&name, &e))?;
        if meta.is_dir() {
            self.add_dir(path)?;
        } else if is_jsonl(path) {
            self.add_jsonl(path)?;
        } else {
            self.entries.push(Entry::File {
                path: path.to_path_buf(),
                title: name,
            });
        }
        Ok(())
    }

    /// The paths that could not be opened or listed, one line each (`PATH: no such file`).
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    fn add_dir(&mut self, dir: &Path) -> Result<()> {
        let name = dir.display().to_string();
        let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
            .map_err(|e| saywho_core::Error::io(&name, &e))?
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .collect();
        files.sort();
        for (file_name, path) in files {
            if !path.is_file() {
                continue;
            }
            if file_name.starts_with('.') || !looks_readable(&path) {
                self.skipped += 1;
                continue;
            }
            if is_jsonl(&path) {
                self.add_jsonl(&path)?;
            } else {
                self.entries.push(Entry::File {
                    path,
                    title: file_name,
                });
            }
        }
        Ok(())
    }

    fn add_jsonl(&mut self, path: &Path) -> Result<()> {
        let name = path.display().to_string();
        let file = File::open(path).map_err(|e| saywho_core::Error::io(&name, &e))?;
        let k = self.jsonl.len();
        self.jsonl.push((path.to_path_buf(), name.clone()));
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut offset = 0u64;
        let mut line = 0;
        loop {
            // Find the end of the line without keeping its bytes.
            let mut len = 0usize;
            let mut blank = true;
            let mut ended = false;
            while !ended {
                let buf = reader
                    .fill_buf()
                    .map_err(|e| saywho_core::Error::io(&name, &e))?;
                if buf.is_empty() {
                    break;
                }
                let (used, found) = match buf.iter().position(|&b| b == b'\n') {
                    Some(p) => (p + 1, true),
                    None => (buf.len(), false),
                };
                blank &= buf[..used].iter().all(u8::is_ascii_whitespace);
                len += used;
                ended = found;
                reader.consume(used);
            }
            if len == 0 {
                break;
            }
            line += 1;
            if !blank {
                self.entries.push(Entry::Line {
                    file: k,
                    line,
                    offset,
                    len,
                });
            }
            offset += len as u64;
        }
        Ok(())
    }

    /// Whether there is no article at all.
    pub fn is_empty_library(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many files of directories were skipped as hidden or binary.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// Whether this is one plain article (which opens without a list).
    pub fn is_single_article(&self) -> bool {
        self.entries.len() == 1 && !matches!(self.entries[0], Entry::Line { .. })
    }

    /// Reads article `i` as text.
    pub fn source(&mut self, i: usize) -> Result<Source> {
        match &self.entries[i] {
            Entry::Text(s) => Ok(s.clone()),
            Entry::File { path, .. } => Ok(ingest::read_path(path)?),
            &Entry::Line { file, line, .. } => {
                let name = &self.jsonl[file].1;
                let record = self.record(i)?;
                Ok(Source::new(format!("{name}:{line}"), record.text))
            }
        }
    }

    /// Reads and parses JSONL entry `i` (see [`jsonl::parse_record`]).
    fn record(&self, i: usize) -> Result<Record> {
        let Entry::Line {
            file,
            line,
            offset,
            len,
        } = self.entries[i]
        else {
            bail!("not a JSONL line");
        };
        let (path, name) = &self.jsonl[file];
        // The same bound as `saywho extract --input jsonl`, so memory stays bounded here too.
        if len > DEFAULT_MAX_LINE_BYTES + 2 {
            bail!("{name}:{line}: line longer than {DEFAULT_MAX_LINE_BYTES} bytes, not read");
        }
        let bytes =
            read_at(path, offset, len).map_err(|e| anyhow::anyhow!("{name}:{line}: {e}"))?;
        jsonl::parse_record(line, &bytes)
            .map_err(|e| anyhow::anyhow!("{name}:{line}: not an article ({e})"))
    }
}

fn read_at(path: &Path, offset: u64, len: usize) -> std::io::Result<Vec<u8>> {
    let mut f = File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut bytes = vec![0; len];
    f.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// Whether the start of a file looks like text.
fn looks_readable(path: &Path) -> bool {
    let Ok(f) = File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(ingest::SNIFF_LEN);
    if f.take(ingest::SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .is_err()
    {
        return false;
    }
    ingest::binary_reason(&head).is_none()
}

impl Corpus for Library {
    fn len(&self) -> usize {
        self.entries.len()
    }

    fn title(&mut self, i: usize) -> String {
        match &self.entries[i] {
            // Standard input has no name of its own (`-` on the command line).
            Entry::Text(s) if s.name == "-" => s.meta.title.clone().unwrap_or("stdin".into()),
            Entry::Text(s) => s.meta.title.clone().unwrap_or_else(|| s.name.clone()),
            Entry::File { title, .. } => title.clone(),
            &Entry::Line { line, .. } => {
                let title = self.record(i).ok().and_then(|r| {
                    r.title
                        .filter(|t| !t.trim().is_empty())
                        .or_else(|| Some(r.id.text()).filter(|id| !id.is_empty()))
                });
                title.unwrap_or_else(|| format!("line {line}"))
            }
        }
    }

    fn document(&mut self, i: usize) -> Result<Document, String> {
        let mut source = match &mut self.entries[..] {
            // A lone article is analysed once and never evicted: its text moves into the
            // document instead of being copied (a 100 MB article stays one copy).
            [Entry::Text(only)] => {
                let text = std::mem::take(&mut only.text);
                Source {
                    text,
                    ..only.clone()
                }
            }
            _ => self.source(i).map_err(|e| format!("{e:#}"))?,
        };
        if self.notices.len() <= i {
            self.notices.resize(i + 1, None);
            self.metas.resize(i + 1, ArticleMeta::default());
        }
        self.notices[i] = source.notice();
        self.metas[i] = source.meta.clone();
        // A web page or Markdown file names itself once read: its title replaces the file name.
        if let (Entry::File { title, .. }, Some(own)) = (&mut self.entries[i], &source.meta.title) {
            title.clone_from(own);
        }
        // HTML and Markdown bring their own headings; analyze_source keeps them.
        analyze_source_guarded(&mut source)
            .map_err(|msg| format!("the analysis failed on this article: {msg}"))
    }

    fn notice(&mut self, i: usize) -> Option<String> {
        self.notices.get(i).cloned().flatten()
    }

    fn preview(&mut self, i: usize) -> Option<String> {
        match &self.entries[i] {
            Entry::Text(s) if !s.text.is_empty() => Some(preview_of(&s.text).to_string()),
            _ => None,
        }
    }

    fn meta(&mut self, i: usize) -> ArticleMeta {
        self.metas.get(i).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("saywho-lib-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_directory_lists_its_readable_files_sorted() {
        let d = temp_dir("dir");
        std::fs::write(d.join("b.txt"), "\"Yes,\" she said.").unwrap();
        std::fs::write(d.join("a.md"), "# A\n\n\"No,\" he said.").unwrap();
        std::fs::write(d.join(".hidden.txt"), "secret").unwrap();
        std::fs::write(d.join("img.png"), b"\x89PNG\r\n\x1A\nxx").unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        let mut lib = Library::from_paths(std::slice::from_ref(&d));
        assert_eq!(lib.len(), 2);
        assert_eq!(lib.skipped(), 2);
        assert_eq!(lib.title(0), "a.md");
        assert_eq!(lib.title(1), "b.txt");
        assert!(!lib.is_single_article());
        assert_eq!(lib.document(1).unwrap().quotes().len(), 1);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_web_page_takes_its_own_title_once_read() {
        let d = temp_dir("title");
        let page = "<html><head><title>Mayor speaks</title></head><body><article>\
                    <p>\"We will rebuild the bridge,\" Mayor Ana Ruiz said on Monday.</p>\
                    </article></body></html>";
        std::fs::write(d.join("page.html"), page).unwrap();
        std::fs::write(d.join("z.txt"), "Text.").unwrap();
        let mut lib = Library::from_paths(std::slice::from_ref(&d));
        assert_eq!(lib.title(0), "page.html");
        assert_eq!(lib.document(0).unwrap().quotes().len(), 1);
        assert_eq!(lib.title(0), "Mayor speaks");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn standard_input_is_called_stdin() {
        let mut lib = Library::single(Source::new("-", "\"Yes,\" she said."));
        assert_eq!(lib.title(0), "stdin");
    }

    #[test]
    fn a_page_gives_its_title_byline_and_date_once_read() {
        let d = temp_dir("meta");
        let page =
            "<html><head><title>Mayor speaks</title><meta name=\"author\" content=\"Lena Ortiz\">\
                    </head><body><article><p>\"We will rebuild the bridge,\" Mayor Ana Ruiz said \
                    on Monday.</p></article></body></html>";
        std::fs::write(d.join("page.html"), page).unwrap();
        std::fs::write(d.join("notes.md"), "# Port notes\n\nText.").unwrap();
        let mut lib = Library::from_paths(std::slice::from_ref(&d));
        lib.document(1).unwrap();
        assert_eq!(lib.meta(1).title.as_deref(), Some("Mayor speaks"));
        assert_eq!(lib.meta(1).byline.as_deref(), Some("Lena Ortiz"));
        lib.document(0).unwrap();
        assert_eq!(lib.title(0), "Port notes");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn jsonl_lines_are_indexed_and_read_on_demand() {
        let d = temp_dir("jsonl");
        let p = d.join("c.jsonl");
        std::fs::write(
            &p,
            "{\"id\": \"x1\", \"title\": \"First\", \"text\": \"\\\"Go,\\\" she said.\"}\n\n\
             {\"id\": 7, \"text\": \"No quotes.\"}\r\n\
             not json\n\
             {\"text\": \"last line without a newline\"}",
        )
        .unwrap();
        let mut lib = Library::from_paths(std::slice::from_ref(&p));
        assert_eq!(lib.len(), 4);
        assert!(!lib.is_single_article());
        assert_eq!(lib.title(0), "First");
        assert_eq!(lib.title(1), "7");
        assert_eq!(lib.title(2), "line 4");
        assert_eq!(lib.title(3), "line 5");
        assert_eq!(lib.document(0).unwrap().quotes().len(), 1);
        assert_eq!(lib.source(1).unwrap().text, "No quotes.");
        let err = lib.document(2).unwrap_err();
        assert!(err.contains("c.jsonl:4: not an article"), "{err}");
        assert_eq!(lib.source(3).unwrap().text, "last line without a newline");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn missing_paths_are_left_out_with_their_errors() {
        let d = temp_dir("missing");
        std::fs::write(d.join("a.txt"), "\"Yes,\" she said.").unwrap();
        let lib = Library::from_paths(&[
            PathBuf::from("/nonexistent/saywho/a.txt"),
            d.join("a.txt"),
            PathBuf::from("/nonexistent/saywho/b"),
        ]);
        assert_eq!(lib.len(), 1);
        assert_eq!(
            lib.errors(),
            [
                "/nonexistent/saywho/a.txt: no such file",
                "/nonexistent/saywho/b: no such file"
            ]
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn the_notice_of_an_article_is_known_once_it_is_read() {
        let d = temp_dir("notice");
        std::fs::write(d.join("old.txt"), b"\x93Yes,\x94 she said.").unwrap();
        std::fs::write(d.join("new.txt"), "\u{201c}Yes,\u{201d} she said.").unwrap();
        let mut lib = Library::from_paths(&[d.join("new.txt"), d.join("old.txt")]);
        assert_eq!(lib.notice(1), None);
        lib.document(0).unwrap();
        lib.document(1).unwrap();
        assert_eq!(lib.notice(0), None);
        let n = lib.notice(1).unwrap();
        assert!(
            n.ends_with("old.txt: not UTF-8, read as Windows-1252"),
            "{n}"
        );
        let _ = std::fs::remove_dir_all(&d);
    }
}
