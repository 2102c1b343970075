//! CSV: one row a quote, RFC 4180 (CRLF line ends; a field holding a comma, a quote mark or a
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

/// Writes one row for each quote of `doc` (start/end in characters; empty fields for null).
pub fn write_rows(out: &mut impl Write, doc: &DocResult) -> io::Result<()> {
    let id = doc.id_text();
    for q in &doc.quotes {
        write_record(
            out,
            &[
                id.as_str(),
                &q.start.to_string(),
                &q.end.to_string(),
                q.speaker.as_deref().unwrap_or(""),
                q.mention.as_ref().map_or("", |m| m.text.as_str()),
                q.cue.as_deref().unwrap_or(""),
                q.kind,
                q.rule.unwrap_or(""),
                &q.confidence.map_or_else(String::new, |c| c.to_string()),
                &q.text,
            ],
        )?;
    }
    Ok(())
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
