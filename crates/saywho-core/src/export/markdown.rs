//! Markdown: a "who said what" digest of one document, grouped by speaker.

use std::io::{self, Write};

use super::json::{DocResult, QuoteOut, ReportedOut};

/// Writes the digest of `doc`: a heading with its id, one section a speaker (most quoted first),
/// each quote a blockquote with its cue and the speaker's reported statements under them, then
/// the quoted text nobody was given.
pub fn write_doc(out: &mut impl Write, doc: &DocResult) -> io::Result<()> {
    let id = doc.id_text();
    let title = if id.is_empty() {
        "Document".to_string()
    } else {
        inline(&id)
    };
    writeln!(out, "# {title}")?;
    writeln!(out)?;
    if doc.quotes.is_empty() && doc.reported.is_empty() {
        writeln!(out, "_No quotations found._")?;
        writeln!(out)?;
        return Ok(());
    }
    for s in &doc.speakers {
        let n = s.quotes;
        let reported = match s.reported {
            0 => String::new(),
            r => format!(" · {r} reported"),
        };
        writeln!(
            out,
            "## {} ({n} quote{}{reported})",
            inline(&s.name),
            if n == 1 { "" } else { "s" }
        )?;
        writeln!(out)?;
        let others: Vec<&String> = s.aliases.iter().filter(|a| **a != s.name).collect();
        if !others.is_empty() {
            let list: Vec<String> = others.iter().map(|a| inline(a)).collect();
            writeln!(out, "_Also:_ {}", list.join(", "))?;
            writeln!(out)?;
        }
        for q in doc.quotes_of(s.id) {
            write_quote(out, q)?;
        }
        write_reported(out, doc.reported_of(s.id))?;
    }
    let unattributed: Vec<&QuoteOut> = doc
        .quotes
        .iter()
        .filter(|q| q.speaker_id.is_none())
        .collect();
    if !unattributed.is_empty() {
        writeln!(out, "## Unattributed ({})", unattributed.len())?;
        writeln!(out)?;
        for q in unattributed {
            write_quote(out, q)?;
        }
    }
    Ok(())
}

/// One quote as a blockquote (every line of a multi-paragraph quote prefixed), then its cue.
fn write_quote(out: &mut impl Write, q: &QuoteOut) -> io::Result<()> {
    for line in q.text.lines() {
        let line = line.trim();
        if line.is_empty() {
            writeln!(out, ">")?;
        } else {
            writeln!(out, "> {}", inline(line))?;
        }
    }
    match (&q.cue, &q.mention) {
        (Some(cue), Some(m)) => writeln!(out, ">\n> — _{}_ ({})", inline(&m.text), inline(cue))?,
        (Some(cue), None) => writeln!(out, ">\n> — ({})", inline(cue))?,
        (None, Some(m)) => writeln!(out, ">\n> — _{}_", inline(&m.text))?,
        (None, None) => {}
    }
    writeln!(out)
}

/// A speaker's reported statements as a list under the heading "Reported", each with its cue.
fn write_reported<'a>(
    out: &mut impl Write,
    statements: impl Iterator<Item = &'a ReportedOut>,
) -> io::Result<()> {
    let mut statements = statements.peekable();
    if statements.peek().is_none() {
        return Ok(());
    }
    writeln!(out, "### Reported")?;
    writeln!(out)?;
    for r in statements {
        let mention = r
            .mention
            .as_ref()
            .map_or(String::new(), |m| format!("_{}_ ", inline(&m.text)));
        writeln!(out, "- {} — {mention}({})", inline(&r.text), inline(&r.cue))?;
    }
    writeln!(out)
}

/// Escapes the characters that would start Markdown markup inside a line of text.
fn inline(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            o.push('\\');
        }
        o.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(inline("a *b* _c_ <d>"), "a \\*b\\* \\_c\\_ \\<d\\>");
    }
}

#[cfg(test)]
mod digest_tests {
    use super::*;
    use crate::export::json::tests::sample_doc;

    #[test]
    fn groups_by_speaker_then_unattributed() {
        let r = DocResult::new(serde_json::Value::from("doc"), &sample_doc());
        let mut v = Vec::new();
        write_doc(&mut v, &r).unwrap();
        let s = String::from_utf8(v).unwrap();
        assert_eq!(
            s,
            "# doc\n\n## John Smith (1 quote)\n\n_Also:_ Smith, Mr. Smith\n\n\
             > “We will win,”\n>\n> — _Smith_ (said)\n\n\
             ## Unattributed (1)\n\n> “soon.”\n\n"
        );
    }
}
