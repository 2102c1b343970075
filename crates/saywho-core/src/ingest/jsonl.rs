//! JSONL corpora: one JSON object a line (`{"id", "title"?, "text"}` for articles), read as a
//! stream.
//!
//! Memory stays bounded: a line longer than the limit ([`DEFAULT_MAX_LINE_BYTES`] unless the
//! caller raises it) is reported once and ends the reading, so an endless stream without line
//! breaks (`/dev/zero`) stops at the limit. Fields other than the ones read are skipped without
//! recursion (however deeply they nest), and the id is kept as the JSON text it was given in, so
//! a large number or an escaped string comes out exactly as it went in.

use std::fmt;
use std::io::{self, BufRead};

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

/// The longest line read by default: 64 MiB.
pub const DEFAULT_MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// A document id, kept as the JSON text it was given in (`123456789012345678901234567890` stays
/// that, it does not become a float) and serialized back verbatim.
#[derive(Clone)]
pub struct Id(Box<RawValue>);

impl Id {
    /// The id `null` (a JSONL line without one).
    pub fn null() -> Id {
        Id(RawValue::NULL.to_owned())
    }

    /// The id's JSON text, as given.
    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// The id as plain text: a string without its JSON quotes and escapes, `null` as nothing,
    /// anything else as its JSON text.
    pub fn text(&self) -> String {
        let json = self.json();
        match json {
            "null" => String::new(),
            s if s.starts_with('"') => serde_json::from_str(s).unwrap_or_else(|_| s.to_string()),
            other => other.to_string(),
        }
    }
}

impl From<Value> for Id {
    fn from(value: Value) -> Id {
        // A `Value` always serializes (its map keys are strings).
        serde_json::value::to_raw_value(&value).map_or_else(|_| Id::null(), Id)
    }
}

impl From<Box<RawValue>> for Id {
    fn from(raw: Box<RawValue>) -> Id {
        Id(raw)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.json())
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        self.json() == other.json()
    }
}

impl Eq for Id {}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// One article of a JSONL corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line's number, 1-based (blank lines count).
    pub line_no: usize,
    /// The `id` field as given; `null` when absent.
    pub id: Id,
    /// The `title` field when it is a string.
    pub title: Option<String>,
    pub text: String,
}

/// Why a line was not read, and which.
#[derive(Debug)]
pub struct LineError {
    pub line_no: usize,
    pub kind: LineErrorKind,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line_no, self.kind)
    }
}

/// What was wrong with a line.
#[derive(Debug, thiserror::Error)]
pub enum LineErrorKind {
    #[error("line longer than {limit} bytes; the rest of the input is not read")]
    TooLong { limit: usize },
    #[error("cannot read: {0}")]
    Read(io::Error),
    #[error("not UTF-8: {0}")]
    NotUtf8(std::str::Utf8Error),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("expected a JSON object")]
    NotObject,
    #[error("no \"text\" field")]
    NoText,
    #[error("\"text\" is not a string")]
    TextNotString,
    /// A line that parsed but whose content is unusable (the caller's own check).
    #[error("{0}")]
    Invalid(String),
}

impl LineErrorKind {
    /// Whether nothing more is read after this error (a line too long, a read error).
    pub fn ends_reading(&self) -> bool {
        matches!(self, LineErrorKind::TooLong { .. } | LineErrorKind::Read(_))
    }
}

/// The lines of a stream, each at most a given number of bytes, read into one reused buffer.
pub struct Lines<R> {
    reader: R,
    max_line_bytes: usize,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, max_line_bytes: usize) -> Self {
        Lines {
            reader,
            max_line_bytes,
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The next line that is not blank, without its line feed, with its number; `None` at the
    /// end. A line longer than the limit, or a read error, is returned once and ends the reading.
    pub fn next_line(&mut self) -> Option<Result<(usize, &[u8]), LineError>> {
        while !self.done {
            self.line_no += 1;
            match self.read_line() {
                Ok(true) if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(true) => return Some(Ok((self.line_no, &self.buf))),
                Ok(false) => self.done = true,
                Err(kind) => {
                    self.done = true;
                    let line_no = self.line_no;
                    return Some(Err(LineError { line_no, kind }));
                }
            }
        }
        None
    }

    /// Reads one line into the buffer; `false` at the end of the input. Never holds more than
    /// the limit: a longer line is an error as soon as the limit is passed.
    fn read_line(&mut self) -> Result<bool, LineErrorKind> {
        self.buf.clear();
        let mut read_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(LineErrorKind::Read(e)),
            };
            if available.is_empty() {
                return Ok(read_any);
            }
            read_any = true;
            let end = memchr::memchr(b'\n', available);
            let chunk = &available[..end.unwrap_or(available.len())];
            if self.buf.len() + chunk.len() > self.max_line_bytes {
                return Err(LineErrorKind::TooLong {
                    limit: self.max_line_bytes,
                });
            }
            self.buf.extend_from_slice(chunk);
            let used = chunk.len() + end.is_some() as usize;
            self.reader.consume(used);
            if end.is_some() {
                return Ok(true);
            }
        }
    }
}

/// The articles of a JSONL stream, in order; blank lines are skipped. A bad line is an error
/// for that line and reading goes on, unless [`LineErrorKind::ends_reading`].
pub struct Records<R> {
    lines: Lines<R>,
}

impl<R: BufRead> Records<R> {
    pub fn new(reader: R, max_line_bytes: usize) -> Self {
        Records {
            lines: Lines::new(reader, max_line_bytes),
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(self.lines.next_line()?.and_then(|(line_no, bytes)| {
            parse_record(line_no, bytes).map_err(|kind| LineError { line_no, kind })
        }))
    }
}

/// One article line: `{"id"?, "title"?, "text"}`, other fields ignored.
pub fn parse_record(line_no: usize, line: &[u8]) -> Result<Record, LineErrorKind> {
    let fields: RecordFields = parse_object(line)?;
    let text = match fields.text {
        ShallowField {
            string: Some(text), ..
        } => text,
        ShallowField { present: true, .. } => return Err(LineErrorKind::TextNotString),
        ShallowField { present: false, .. } => return Err(LineErrorKind::NoText),
    };
    Ok(Record {
        line_no,
        id: fields.id.map_or_else(Id::null, Id),
        title: fields.title.string,
        text,
    })
}

/// Parses one line (UTF-8, a byte-order mark allowed) as the JSON object `T`. Fields `T` does not
/// name are skipped without recursion, so their depth does not matter.
pub fn parse_object<T: DeserializeOwned>(line: &[u8]) -> Result<T, LineErrorKind> {
    let line = std::str::from_utf8(line).map_err(LineErrorKind::NotUtf8)?;
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    // A derived struct also accepts an array; only an object is a record.
    if !line.trim_start().starts_with('{') {
        return Err(LineErrorKind::NotObject);
    }
    serde_json::from_str(line).map_err(|e| LineErrorKind::Json(json_reason(&e)))
}

/// serde_json's reason, with the column (the line is the caller's) and a plain word for a lone
/// UTF-16 surrogate escape (`"\ud800"`), which serde_json calls a "hex escape" problem.
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let reason = full.strip_suffix(&position).unwrap_or(&full);
    let reason = match reason {
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "invalid unicode escape (lone surrogate)"
        }
        other => other,
    };
    if e.line() == 0 {
        reason.to_string()
    } else {
        format!("{reason} at column {}", e.column())
    }
}

#[derive(Deserialize)]
struct RecordFields {
    #[serde(default)]
    id: Option<Box<RawValue>>,
    #[serde(default)]
    title: ShallowField,
    #[serde(default)]
    text: ShallowField,
}

/// A JSON field looked at without recursion: whether it was given, whether Python would call it
/// true (`""`, `0`, `null`, `[]`, `{}` are false), and its text when it is a string. Arrays and
/// objects are skipped however deeply they nest, so a field never hits the parser's depth limit.
#[derive(Default)]
pub struct ShallowField {
    pub present: bool,
    pub truthy: bool,
    pub string: Option<String>,
}

impl ShallowField {
    fn other(truthy: bool) -> ShallowField {
        ShallowField {
            present: true,
            truthy,
            string: None,
        }
    }

    fn string(s: String) -> ShallowField {
        ShallowField {
            present: true,
            truthy: !s.is_empty(),
            string: Some(s),
        }
    }
}

impl<'de> Deserialize<'de> for ShallowField {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShallowVisitor)
    }
}

struct ShallowVisitor;

impl<'de> Visitor<'de> for ShallowVisitor {
    type Value = ShallowField;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E>(self, s: &str) -> Result<ShallowField, E> {
        Ok(ShallowField::string(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<ShallowField, E> {
        Ok(ShallowField::string(s))
    }
    fn visit_bool<E>(self, b: bool) -> Result<ShallowField, E> {
        Ok(ShallowField::other(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<ShallowField, E> {
        Ok(ShallowField::other(n != 0))
    }
    fn visit_u64<E>(self, n: u64) -> Result<ShallowField, E> {
        Ok(ShallowField::other(n != 0))
    }
    fn visit_f64<E>(self, n: f64) -> Result<ShallowField, E> {
        Ok(ShallowField::other(n != 0.0))
    }
    fn visit_unit<E>(self) -> Result<ShallowField, E> {
        Ok(ShallowField::other(false))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ShallowField, A::Error> {
        let truthy = seq.next_element::<IgnoredAny>()?.is_some();
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(ShallowField::other(truthy))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ShallowField, A::Error> {
        let truthy = map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some();
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(ShallowField::other(truthy))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &[u8]) -> Vec<Result<Record, String>> {
        Records::new(input, 1024)
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    fn record(line_no: usize, id: &str, text: &str) -> Result<Record, String> {
        Ok(Record {
            line_no,
            id: Id(RawValue::from_string(id.to_string()).unwrap()),
            title: None,
            text: text.to_string(),
        })
    }

    #[test]
    fn streams_in_order_and_reports_bad_lines() {
        let input = b"{\"id\": 1, \"text\": \"The mayor spoke.\"}\n\n  \r\nnot json\n\
            {\"id\": \"b\", \"text\": \"Rain fell.\", \"x\": 0}\r\n{\"id\": 3}\n[1]\n\
            {\"text\": 3}\n{\"text\": \"no line feed at the end\"}";
        assert_eq!(
            records(input),
            vec![
                record(1, "1", "The mayor spoke."),
                Err("4: expected a JSON object".into()),
                record(5, "\"b\"", "Rain fell."),
                Err("6: no \"text\" field".into()),
                Err("7: expected a JSON object".into()),
                Err("8: \"text\" is not a string".into()),
                record(9, "null", "no line feed at the end"),
            ]
        );
    }

    #[test]
    fn ids_are_kept_exactly_and_titles_read() {
        let line = br#"{"id": 123456789012345678901234567890, "title": "Budget day", "text": "t"}"#;
        let r = parse_record(1, line).unwrap();
        assert_eq!(r.id.json(), "123456789012345678901234567890");
        assert_eq!(r.id.text(), "123456789012345678901234567890");
        assert_eq!(r.title.as_deref(), Some("Budget day"));
        assert_eq!(
            serde_json::to_string(&[&r.id]).unwrap(),
            "[123456789012345678901234567890]"
        );
        let r = parse_record(1, br#"{"id": "caf\u00e9", "title": 5, "text": "t"}"#).unwrap();
        assert_eq!(
            (r.id.json(), r.id.text().as_str()),
            (r#""caf\u00e9""#, "café")
        );
        assert_eq!(r.title, None);
        assert_eq!(Id::null().text(), "");
        assert_eq!(Id::from(Value::from("a.txt")).json(), "\"a.txt\"");
    }

    #[test]
    fn deeply_nested_ignored_fields_are_skipped() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let line = format!(r#"{{"meta": {deep}, "text": {deep}, "id": "d", "more": {deep}}}"#);
        let err = parse_record(1, line.as_bytes()).unwrap_err();
        assert!(matches!(err, LineErrorKind::TextNotString), "{err}");
        let line = format!(r#"{{"meta": {deep}, "id": "d", "text": "ok"}}"#);
        assert_eq!(parse_record(1, line.as_bytes()).unwrap().text, "ok");
    }

    #[test]
    fn a_lone_surrogate_is_named() {
        for line in [&br#"{"text": "a\ud800b"}"#[..], br#"{"text": "a\udc00"}"#] {
            let err = parse_record(1, line).unwrap_err().to_string();
            assert!(
                err.starts_with("invalid JSON: invalid unicode escape (lone surrogate) at column"),
                "{err}"
            );
        }
        let err = parse_record(1, b"{\"text\": \"a\"")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("invalid JSON: EOF while parsing"), "{err}");
        let err = parse_record(1, b"{\"text\": \"\xff\"}")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("not UTF-8"), "{err}");
    }

    /// An endless stream without a line feed, like /dev/zero.
    #[test]
    fn an_endless_line_ends_at_the_limit() {
        let endless = io::BufReader::with_capacity(100, io::repeat(b'x'));
        let got: Vec<_> = Records::new(endless, 10_000).collect();
        assert_eq!(got.len(), 1);
        let err = got.into_iter().next().unwrap().unwrap_err();
        assert_eq!(err.line_no, 1);
        assert!(err.kind.ends_reading());
        assert!(matches!(err.kind, LineErrorKind::TooLong { limit: 10_000 }));
    }

    #[test]
    fn a_line_at_the_limit_is_read_and_a_longer_one_stops_reading() {
        let ok = format!("{{\"text\": \"{}\"}}", "a".repeat(1000));
        let input = format!("{ok}\n{ok}b\n{ok}\n");
        let got = Records::new(input.as_bytes(), ok.len()).collect::<Vec<_>>();
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        assert!(matches!(
            got[1].as_ref().unwrap_err().kind,
            LineErrorKind::TooLong { .. }
        ));
    }
}
