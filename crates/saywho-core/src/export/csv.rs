//! CSV: one row a quote, then one row a reported statement (kind `indirect` or `mixed`), RFC 4180 (CRLF line ends; a field holding a comma, a quote mark or a
//! line break is enclosed in double quotes, inner double quotes doubled).

use std::io::{self, Write};

use super::json::DocResult;

/// The header row's fields.
pub const HEADER: [&str; 10] = [
    "id",
    "start",
    "end",
    "speaker",
    "mention",
    "cue",
    "kind",
    "rule",
    "confidence",
    "text",
];

/// Writes one field, quoted when needed.
pub fn write_field(out: &mut impl Write, field: &str) -> io::Result<()> {
    if field.contains([',', '"', '\r', '\n']) {
        out.write_all(b"\"")?;
        out.write_all(field.replace('"', "\"\"").as_bytes())?;
        out.write_all(b"\"")
    } else {
        out.write_all(field.as_bytes())
    }
}

/// Writes one record and its CRLF.
pub fn write_record<S: AsRef<str>>(out: &mut impl Write, fields: &[S]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_field(out, f.as_ref())?;
    }
    out.write_all(b"\r\n")
}

/// Writes the header row.
pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    write_record(out, &HEADER)
}

/// Writes one row for each quote of `doc`, then for each reported statement (start/end in
/// characters; empty fields for null).
pub fn write_rows(out: &mut impl Write, doc: &DocResult) -> io::Result<()> {
    let id = doc.id_text();
    for q in &doc.quotes {
        let mention = q.mention.as_ref().map(|m| m.text.as_str());
        let (rule, cue) = (q.rule.unwrap_or(""), q.cue.as_deref().unwrap_or(""));
        let row = Row {
            speaker: q.speaker.as_deref(),
            mention,
            cue,
            kind: q.kind,
            rule,
            confidence: q.confidence,
        };
        row.write(out, &id, (q.start, q.end), &q.text)?;
    }
    for r in &doc.reported {
        let mention = r.mention.as_ref().map(|m| m.text.as_str());
        let row = Row {
            speaker: r.speaker.as_deref(),
            mention,
            cue: &r.cue,
            kind: r.kind,
            rule: r.rule,
            confidence: Some(r.confidence),
        };
        row.write(out, &id, (r.start, r.end), &r.text)?;
    }
    Ok(())
}

/// The attribution fields of a row.
struct Row<'a> {
    speaker: Option<&'a str>,
    mention: Option<&'a str>,
    cue: &'a str,
    kind: &'a str,
    rule: &'a str,
    confidence: Option<f32>,
}

impl Row<'_> {
    fn write(
        &self,
        out: &mut impl Write,
        id: &str,
        (start, end): (usize, usize),
        text: &str,
    ) -> io::Result<()> {
        write_record(
            out,
            &[
                id,
                &start.to_string(),
                &end.to_string(),
                self.speaker.unwrap_or(""),
                self.mention.unwrap_or(""),
                self.cue,
                self.kind,
                self.rule,
                &self.confidence.map_or_else(String::new, |c| c.to_string()),
                text,
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> String {
        let mut v = Vec::new();
        write_field(&mut v, s).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("plain text"), "plain text");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("\"We will win,\""), "\"\"\"We will win,\"\"\"");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(field("“curly”"), "“curly”");
        assert_eq!(field(""), "");
    }

    #[test]
    fn record_ends_with_crlf() {
        let mut v = Vec::new();
        write_record(&mut v, &["a", "b,c", ""]).unwrap();
        assert_eq!(v, b"a,\"b,c\",\r\n");
    }
}

#[cfg(test)]
mod row_tests {
    use super::*;
    use crate::export::json::tests::sample_doc;

    #[test]
    fn one_row_a_quote() {
        let r = DocResult::new(serde_json::Value::from("doc"), &sample_doc());
        let mut v = Vec::new();
        write_header(&mut v).unwrap();
        write_rows(&mut v, &r).unwrap();
        assert_eq!(
            String::from_utf8(v).unwrap(),
            "id,start,end,speaker,mention,cue,kind,rule,confidence,text\r\n\
             doc,17,31,John Smith,Smith,said,direct,cue-after,0.75,\"“We will win,”\"\r\n\
             doc,48,55,,,,partial,,,“soon.”\r\n"
        );
    }
}
