//! Reading articles: files, stdin and the bundled sample, decoded to text.
//!
//! Whatever arrives is either decoded to text or refused with one clear message naming it:
//!
//! - UTF-8, with or without a byte-order mark (the mark is dropped);
//! - UTF-16 LE or BE with a byte-order mark;
//! - anything else that is not valid UTF-8 is read as Windows-1252 (old news archives carry curly
//!   quotes as bytes 0x93/0x94), and [`Source::notice`] says so;
//! - binary data (a NUL byte in the first 8 KB, NUL bytes in more than 1% of the file, or the
//!   signature of an image, archive, PDF or executable) is refused, as are directories and
//!   unreadable files.
//!
//! What the text is depends on the kind of file ([`SourceFormat`]):
//!
//! - a web page (extension `.html`, `.htm`, `.xhtml`, `.shtml`, or markup at the start of the
//!   bytes, see [`crate::ingest::html::looks_like_html`]) becomes its article body
//!   ([`crate::ingest::html::html_to_article`]), decoded with the character set the page declares;
//! - a Markdown file (`.md`, `.markdown`) becomes its body with the markup removed
//!   ([`crate::ingest::markdown::markdown_to_article`]);
//! - anything else is plain text, kept verbatim.
//!
//! For web pages and Markdown the [`Source`] also carries the title, byline and date where the
//! file gives them and the sub-headings with their levels; [`analyze_source`] gives those headings
//! to the analysis, so the [`Document`] is built with them.

use std::io::{self, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::article::Article;
pub use crate::ingest::article::{Heading, SourceFormat};

pub mod article;
pub mod html;
pub mod jsonl;
pub mod markdown;
mod nesting;

/// The bundled sample article, embedded so the reader works from any folder.
pub const SAMPLE_NAME: &str = "seed-ukraine-talks.txt";
pub const SAMPLE_TEXT: &str = include_str!("../../../../assets/samples/seed-ukraine-talks.txt");

/// Encoding names, as recorded in [`Source::encoding`] and in `extract`'s JSON (`"encoding"`).
pub const ENC_UTF8: &str = "UTF-8";
pub const ENC_UTF16LE: &str = "UTF-16LE";
pub const ENC_UTF16BE: &str = "UTF-16BE";
pub const ENC_WINDOWS_1252: &str = "windows-1252";

/// How many leading bytes are searched for NUL bytes when telling text from binary data.
pub const SNIFF_LEN: usize = 8 * 1024;

/// An article as read: where it came from, its text and the encoding it was decoded from, and for
/// web pages and Markdown files their metadata and headings.
#[derive(Debug, Clone)]
pub struct Source {
    /// A display name: the path as given, `-` for stdin, or the sample's name.
    pub name: String,
    /// The text the engine analyses: the file verbatim for plain text, the article body for a web
    /// page or Markdown file (paragraphs separated by blank lines).
    pub text: String,
    /// The encoding the bytes were decoded from: one of `UTF-8`, `UTF-16LE`, `UTF-16BE`,
    /// `windows-1252`, or for a web page the character set it declares (e.g. `Shift_JIS`).
    pub encoding: &'static str,
    /// What kind of file it was.
    pub format: SourceFormat,
    /// Title, byline and date, where a web page or Markdown front matter gives them.
    pub meta: ArticleMeta,
    /// Sub-headings of a web page or Markdown file (byte spans into [`Source::text`], in text
    /// order); empty for plain text, whose headings the engine detects.
    pub headings: Vec<Heading>,
    /// Whether the encoding was a guess (bytes that are not UTF-8 read as Windows-1252).
    pub guessed_encoding: bool,
    /// Whether malformed sequences (a lone UTF-16 surrogate, an odd trailing byte, bad UTF-8
    /// after a byte-order mark) were replaced by U+FFFD while decoding.
    pub replaced_malformed: bool,
}

/// An article's metadata, where its source gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

impl Source {
    /// A plain-text source whose text was UTF-8 to begin with.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source::with_encoding(name, text, ENC_UTF8)
    }

    /// A plain-text source decoded from `encoding` (one of the `ENC_*` names; `windows-1252`
    /// counts as a guess, see [`Source::notice`]).
    pub fn with_encoding(
        name: impl Into<String>,
        text: impl Into<String>,
        encoding: &'static str,
    ) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            encoding,
            format: SourceFormat::Text,
            meta: ArticleMeta::default(),
            headings: Vec::new(),
            guessed_encoding: encoding == ENC_WINDOWS_1252,
            replaced_malformed: false,
        }
    }

    /// A source made from a structured article (a web page or a Markdown file).
    pub fn from_article(
        name: impl Into<String>,
        article: Article,
        format: SourceFormat,
        encoding: &'static str,
    ) -> Self {
        let Article {
            title,
            byline,
            date,
            text,
            headings,
        } = article;
        Source {
            name: name.into(),
            text,
            encoding,
            format,
            meta: ArticleMeta {
                title,
                byline,
                date,
            },
            headings,
            guessed_encoding: false,
            replaced_malformed: false,
        }
    }

    /// What the user should be told about how the text was read (for stderr or a status bar),
    /// e.g. `FILE: not UTF-8, read as Windows-1252` or `FILE: malformed UTF-16LE, invalid
    /// sequences read as U+FFFD`; `None` when the text was decoded as it is.
    pub fn notice(&self) -> Option<String> {
        if self.guessed_encoding {
            Some(format!("{}: not UTF-8, read as Windows-1252", self.name))
        } else if self.replaced_malformed {
            Some(format!(
                "{}: malformed {}, invalid sequences read as U+FFFD",
                self.name, self.encoding
            ))
        } else {
            None
        }
    }

    /// Whether there is no text to speak of (empty or whitespace only).
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The level of the heading at byte span `span` of the text: the structured heading's level
    /// for a web page or Markdown file, 2 for a heading the engine found in plain text.
    pub fn heading_level(&self, span: &std::ops::Range<usize>) -> u8 {
        self.headings
            .iter()
            .find(|h| h.span == *span)
            .map_or(2, |h| h.level)
    }
}

/// Analyses a source: [`crate::analyze`] on its text, and for a web page or Markdown file
/// [`crate::analyze_with_headings`] with the file's own headings in place of the ones detected in
/// the plain text (structure wins).
pub fn analyze_source(source: &mut Source) -> Document {
    // The text moves into the document rather than being copied: a 100 MB article stays one copy.
    let text = std::mem::take(&mut source.text);
    match source.format {
        SourceFormat::Text => crate::analyze(text),
        SourceFormat::Html | SourceFormat::Markdown => {
            let headings = source.headings.iter().map(|h| h.span.clone()).collect();
            crate::analyze_with_headings(text, headings)
        }
    }
}

/// What kind of file `name` with first bytes `bytes` is: a web page (by extension or sniffing),
/// Markdown (by extension), else plain text.
pub fn detect_format(name: &str, bytes: &[u8]) -> SourceFormat {
    if crate::ingest::html::looks_like_html(name, bytes) {
        return SourceFormat::Html;
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        SourceFormat::Markdown
    } else {
        SourceFormat::Text
    }
}

/// Turns the bytes of the file `name` into a source: a web page's article, a Markdown file's
/// body, or plain text. Binary data is refused with a message naming `name`.
pub fn source_from_bytes(name: String, bytes: Vec<u8>) -> Result<Source> {
    if let Some(why) = binary_reason(&bytes) {
        return Err(Error::binary(&name, why));
    }
    match detect_format(&name, &bytes) {
        SourceFormat::Html => {
            let (encoding, guessed) = html_encoding(&bytes);
            let article = crate::ingest::html::html_to_article(&bytes);
            let mut src = Source::from_article(name, article, SourceFormat::Html, encoding);
            src.guessed_encoding = guessed;
            Ok(src)
        }
        SourceFormat::Markdown => {
            let decoded = decode_bytes(&name, bytes)?;
            let mut src = Source::from_article(
                name,
                crate::ingest::markdown::markdown_to_article(&decoded.text),
                SourceFormat::Markdown,
                decoded.encoding,
            );
            src.guessed_encoding = decoded.encoding == ENC_WINDOWS_1252;
            src.replaced_malformed = decoded.replaced_malformed;
            Ok(src)
        }
        SourceFormat::Text => {
            let decoded = decode_bytes(&name, bytes)?;
            let mut src = Source::with_encoding(name, decoded.text, decoded.encoding);
            src.replaced_malformed = decoded.replaced_malformed;
            Ok(src)
        }
    }
}

/// The name of the character set a web page is read with (as [`crate::ingest::html::decode`] reads it),
/// and whether it is a guess (no byte-order mark, no declaration, not UTF-8: Windows-1252).
fn html_encoding(bytes: &[u8]) -> (&'static str, bool) {
    let (enc, guessed) = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        (enc, false)
    } else if let Some(enc) = crate::ingest::html::declared_encoding(bytes) {
        (enc, false)
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, false)
    } else {
        (WINDOWS_1252, true)
    };
    let name = match enc.name() {
        "UTF-8" => ENC_UTF8,
        "UTF-16LE" => ENC_UTF16LE,
        "UTF-16BE" => ENC_UTF16BE,
        other => other,
    };
    (name, guessed)
}

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Whether malformed sequences became U+FFFD (UTF-8 or UTF-16 after a byte-order mark).
    pub replaced_malformed: bool,
}

/// Reads `path`, or stdin when it is `-`.
///
/// Errors are one line naming the path: `PATH: no such file`, `PATH: is a directory`,
/// `PATH: permission denied`, `PATH: looks like binary data (...)`, ...
pub fn read_path(path: &Path) -> Result<Source> {
    if path.as_os_str() == "-" {
        return read_stdin();
    }
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(Error::Directory { name });
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(&name, &e))?;
    let size = file.metadata().map(|m| m.len() as usize).unwrap_or(0);
    read_from(name, file, size)
}

/// Reads all of stdin.
pub fn read_stdin() -> Result<Source> {
    read_from("-".to_string(), io::stdin().lock(), 0)
}

/// The bundled sample article.
pub fn sample() -> Source {
    Source::new(SAMPLE_NAME, SAMPLE_TEXT)
}

/// Reads everything from `reader` as the article `name`. The first [`SNIFF_LEN`] bytes are
/// checked before the rest is read, so binary data (or `/dev/zero`) is refused without reading
/// it all.
fn read_from(name: String, mut reader: impl Read, size_hint: usize) -> Result<Source> {
    let mut bytes = Vec::with_capacity(size_hint.saturating_add(1).max(SNIFF_LEN));
    (&mut reader)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&name, &e))?;
    if let Some(why) = binary_reason(&bytes) {
        return Err(Error::binary(&name, why));
    }
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&name, &e))?;
    source_from_bytes(name, bytes)
}

/// Why `bytes` (the start of a file) look like binary data rather than text, if they do.
///
/// A UTF-16 byte-order mark wins (UTF-16 text is full of NUL bytes); otherwise a NUL byte in the
/// first [`SNIFF_LEN`] bytes or a known file signature marks binary data.
pub fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1A\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a zip archive"),
        (b"PK\x05\x06", "a zip archive"),
        (b"\x1F\x8B", "gzip data"),
        (b"BZh", "bzip2 data"),
        (b"\xFD7zXZ\x00", "xz data"),
        (b"7z\xBC\xAF\x27\x1C", "a 7z archive"),
        (b"\x28\xB5\x2F\xFD", "zstd data"),
        (b"\x7FELF", "an executable"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"\x00\x00\x01\x00", "an icon"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    if bytes[..bytes.len().min(SNIFF_LEN)].contains(&0) || mostly_nul(bytes) {
        return Some("NUL bytes");
    }
    None
}

/// Whether more than one byte in [`NUL_SHARE`] is NUL: text has none, and a text file padded
/// with NUL bytes past its first 8 KB (a truncated download, `truncate -s`) is binary too.
/// The search skips to each NUL byte (a whole text has none) and stops at the first one too many.
fn mostly_nul(bytes: &[u8]) -> bool {
    bytes.len() > SNIFF_LEN
        && memchr::memchr_iter(0, bytes)
            .nth(bytes.len() / NUL_SHARE)
            .is_some()
}

/// One byte in how many may be NUL in a text file (past its first [`SNIFF_LEN`] bytes).
const NUL_SHARE: usize = 100;

/// Decodes bytes to text; binary data is refused with a message naming `name`.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    Ok(decode_bytes(name, bytes)?.text)
}

/// Decodes bytes to text and says from which encoding:
///
/// - a byte-order mark decides: UTF-8, UTF-16LE, UTF-16BE (the mark is dropped; malformed
///   sequences become U+FFFD);
/// - else valid UTF-8 is UTF-8 (taken over without a copy);
/// - else Windows-1252, which maps every byte to a character.
///
/// Binary data ([`binary_reason`]) is refused with a message naming `name`.
pub fn decode_bytes(name: &str, mut bytes: Vec<u8>) -> Result<Decoded> {
    if let Some(why) = binary_reason(&bytes) {
        return Err(Error::binary(name, why));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        if enc == UTF_8 {
            bytes.drain(..bom_len);
            let (text, replaced_malformed) = match String::from_utf8(bytes) {
                Ok(text) => (text, false),
                Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
            };
            return Ok(Decoded {
                text,
                encoding: ENC_UTF8,
                replaced_malformed,
            });
        }
        let (text, replaced_malformed) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let encoding = if enc == UTF_16LE {
            ENC_UTF16LE
        } else {
            debug_assert!(enc == UTF_16BE);
            ENC_UTF16BE
        };
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
            replaced_malformed,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: ENC_UTF8,
            replaced_malformed: false,
        }),
        Err(e) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
            Ok(Decoded {
                text: text.into_owned(),
                encoding: ENC_WINDOWS_1252,
                replaced_malformed: false,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Decoded {
        decode_bytes("t", bytes.to_vec()).unwrap()
    }

    #[test]
    fn utf8_without_and_with_bom() {
        assert_eq!(dec("“Hi,” he said.".as_bytes()).text, "“Hi,” he said.");
        let d = dec(b"\xEF\xBB\xBF\xE2\x80\x9CHi\xE2\x80\x9D");
        assert_eq!(d.text, "“Hi”");
        assert_eq!(d.encoding, ENC_UTF8);
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let text = "“Hi,” she said. é 日本";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(
            dec(&le),
            Decoded {
                text: text.into(),
                encoding: ENC_UTF16LE,
                replaced_malformed: false,
            }
        );
        assert_eq!(
            dec(&be),
            Decoded {
                text: text.into(),
                encoding: ENC_UTF16BE,
                replaced_malformed: false,
            }
        );
    }

    #[test]
    fn malformed_utf16_gets_a_notice() {
        // A lone leading surrogate, then an odd trailing byte.
        let mut le = vec![0xFF, 0xFE];
        for u in "Hi "
            .encode_utf16()
            .chain([0xD800])
            .chain("there".encode_utf16())
        {
            le.extend(u.to_le_bytes());
        }
        le.push(b'x');
        let src = source_from_bytes("odd.txt".into(), le).unwrap();
        assert_eq!(src.text, "Hi \u{fffd}there\u{fffd}");
        assert_eq!(
            src.notice().as_deref(),
            Some("odd.txt: malformed UTF-16LE, invalid sequences read as U+FFFD")
        );
        let src = source_from_bytes("bad.md".into(), b"\xEF\xBB\xBFok \xFF".to_vec()).unwrap();
        assert_eq!(
            src.notice().as_deref(),
            Some("bad.md: malformed UTF-8, invalid sequences read as U+FFFD")
        );
        let good = source_from_bytes("good.txt".into(), b"\xFF\xFEH\x00i\x00".to_vec()).unwrap();
        assert_eq!((good.text.as_str(), good.notice()), ("Hi", None));
    }

    #[test]
    fn windows_1252_curly_quotes() {
        let d = dec(b"\x93We will win,\x94 he said. Caf\xE9 \x96 \x85");
        assert_eq!(d.text, "“We will win,” he said. Café – …");
        assert_eq!(d.encoding, ENC_WINDOWS_1252);
        let src = Source::with_encoding("old.txt", d.text, d.encoding);
        assert_eq!(
            src.notice().as_deref(),
            Some("old.txt: not UTF-8, read as Windows-1252")
        );
        assert_eq!(Source::new("a", "b").notice(), None);
    }

    #[test]
    fn binary_is_refused_with_the_name() {
        let err = decode_bytes("x.bin", b"abc\x00def".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.bin: looks like binary data (NUL bytes), not an article"
        );
        for (bytes, what) in [
            (&b"\x89PNG\r\n\x1A\nrest"[..], "PNG"),
            (b"\xFF\xD8\xFF\xE0rest", "JPEG"),
            (b"%PDF-1.7\n", "PDF"),
            (b"PK\x03\x04rest", "zip"),
            (b"GIF89a...", "GIF"),
        ] {
            let err = decode_bytes("f", bytes.to_vec()).unwrap_err().to_string();
            assert!(err.contains(what), "{err}");
        }
        // A NUL byte past the first 8 KB is let through, but not a run of them.
        let mut late = vec![b'a'; SNIFF_LEN];
        late.push(0);
        assert!(decode_bytes("f", late.clone()).is_ok());
        late.resize(SNIFF_LEN * 2, 0);
        let err = decode_bytes("padded.txt", late).unwrap_err();
        assert_eq!(
            err.to_string(),
            "padded.txt: looks like binary data (NUL bytes), not an article"
        );
    }

    #[test]
    fn one_nul_byte_in_a_hundred_is_still_text() {
        let len = SNIFF_LEN * 2;
        let mut bytes = vec![b'a'; len];
        for nul in bytes
            .iter_mut()
            .skip(SNIFF_LEN)
            .step_by(10)
            .take(len / NUL_SHARE)
        {
            *nul = 0;
        }
        assert!(!mostly_nul(&bytes));
        bytes[len - 1] = 0;
        assert!(mostly_nul(&bytes));
    }

    #[test]
    fn empty_and_whitespace() {
        assert_eq!(dec(b"").text, "");
        assert_eq!(dec(b"").encoding, ENC_UTF8);
        assert_eq!(dec(b"\xEF\xBB\xBF").text, "");
        assert!(Source::new("e", " \n\t\r\n").is_blank());
    }

    #[test]
    fn crlf_is_kept_verbatim() {
        assert_eq!(dec(b"a\r\nb\rc").text, "a\r\nb\rc");
    }

    #[test]
    fn reading_refuses_binary_before_reading_everything() {
        // An endless stream of NUL bytes (like /dev/zero) is refused after the first 8 KB.
        let err = read_from("zero".into(), io::repeat(0), 0).unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
        let src = read_from("r".into(), &b"\x93Hi\x94"[..], 0).unwrap();
        assert_eq!(
            (src.text.as_str(), src.encoding),
            ("“Hi”", ENC_WINDOWS_1252)
        );
    }

    #[test]
    fn formats_are_told_by_extension_or_sniffing() {
        assert_eq!(detect_format("a.HTML", b"plain"), SourceFormat::Html);
        assert_eq!(detect_format("a.xhtml", b""), SourceFormat::Html);
        assert_eq!(
            detect_format("-", b"\n  <!DOCTYPE html><p>x"),
            SourceFormat::Html
        );
        assert_eq!(detect_format("notes.md", b"# T"), SourceFormat::Markdown);
        assert_eq!(detect_format("n.markdown", b"x"), SourceFormat::Markdown);
        assert_eq!(detect_format("a.txt", b"<html>"), SourceFormat::Text);
        assert_eq!(detect_format("-", b"# not markdown"), SourceFormat::Text);
    }

    #[test]
    fn html_source_has_article_text_metadata_and_headings() {
        let page = b"<html><head><title>T</title><meta charset=iso-8859-1></head><body><article>\
            <h1>T</h1><p>The first paragraph of the story is long enough to count as the body of \
            the article, caf\xE9 included.</p><h3>Sub</h3><p>\x93Yes,\x94 she said, and the second \
            paragraph goes on for a while so that it reads like real prose.</p></article></body></html>";
        let src = source_from_bytes("p.html".into(), page.to_vec()).unwrap();
        assert_eq!(src.format, SourceFormat::Html);
        assert_eq!(src.encoding, "windows-1252");
        assert_eq!(src.notice(), None);
        assert_eq!(src.meta.title.as_deref(), Some("T"));
        assert!(src.text.contains("café"), "{}", src.text);
        assert!(!src.text.contains('<'));
        let sub = src.text.find("Sub").unwrap();
        assert_eq!(src.heading_level(&(sub..sub + 3)), 3);
        assert_eq!(src.heading_level(&(0..1)), 2);

        let text = src.text.clone();
        let mut src = src;
        let doc = analyze_source(&mut src);
        assert_eq!(doc.text(), text);
        assert!(src.text.is_empty(), "the text moves into the document");
        assert_eq!(doc.headings(), vec![sub..sub + 3]);
    }

    #[test]
    fn markdown_source_and_plain_text_headings() {
        let md = "# Title\n\nSome *text* with a [link](http://x).\n\n## Part two\n\nMore.\n";
        let mut src = source_from_bytes("n.md".into(), md.as_bytes().to_vec()).unwrap();
        assert_eq!(src.format, SourceFormat::Markdown);
        assert_eq!(src.meta.title.as_deref(), Some("Title"));
        assert_eq!(src.text, "Some text with a link.\n\nPart two\n\nMore.");
        assert_eq!(analyze_source(&mut src).headings(), vec![24..32]);

        // Plain text keeps the detector's headings and its text verbatim.
        let plain = "Opening paragraph here.\n\nA short heading\n\nThe body goes on here.\n";
        let mut src = source_from_bytes("p.txt".into(), plain.as_bytes().to_vec()).unwrap();
        assert_eq!(src.format, SourceFormat::Text);
        assert_eq!(src.text, plain);
        assert_eq!(
            analyze_source(&mut src).headings(),
            crate::analyze(plain.into()).headings()
        );
    }

    #[test]
    fn read_errors_name_the_path() {
        let err = read_path(Path::new("/nonexistent/saywho/x.txt")).unwrap_err();
        assert_eq!(err.to_string(), "/nonexistent/saywho/x.txt: no such file");
        let dir = std::env::temp_dir();
        let err = read_path(&dir).unwrap_err();
        assert!(err.to_string().ends_with(": is a directory"), "{err}");
    }
}
