//! Comma-separated values as spreadsheets write and read them (RFC 4180): fields in double
//! quotes may hold the delimiter, quotes (doubled) and line breaks. Reading is for the
//! users import, writing for the exports. Small enough to keep here rather than depend on a
//! crate: one delimiter chosen by the caller, whole text in memory (the import is capped).

/// A record of a file, with the line it starts on (1 is the first line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a text cannot be read as CSV at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblem {
    /// A quoted field that opens on this line is never closed.
    UnclosedQuote { line: usize },
}

/// The records of `text` separated by `delimiter`, lines ending in `\n` or `\r\n`. A blank
/// line is no record.
pub fn read_records(text: &str, delimiter: char) -> Result<Vec<Record>, CsvProblem> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    // Inside a quoted field, and the line it opened on.
    let mut quoted: Option<usize> = None;
    // The record had a quoted field: `""` alone is a record, an empty line is none.
    let mut had_quote = false;
    while let Some(c) = chars.next() {
        if quoted.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = None,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = Some(line);
                had_quote = true;
            }
            c if c == delimiter => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                push_record(
                    &mut records,
                    record_line,
                    std::mem::take(&mut fields),
                    had_quote,
                );
                had_quote = false;
                line += 1;
                record_line = line;
            }
            c => field.push(c),
        }
    }
    if let Some(opened) = quoted {
        return Err(CsvProblem::UnclosedQuote { line: opened });
    }
    fields.push(field);
    push_record(&mut records, record_line, fields, had_quote);
    Ok(records)
}

fn push_record(records: &mut Vec<Record>, line: usize, fields: Vec<String>, had_quote: bool) {
    if !had_quote && fields.len() == 1 && fields[0].trim().is_empty() {
        return;
    }
    records.push(Record { line, fields });
}

/// A field for a CSV written for people: quoted, quotes doubled, and a leading `=`, `+`,
/// `-`, `@`, tab or carriage return defused with an apostrophe so a spreadsheet never runs
/// what a user typed (CSV injection).
pub fn field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// A line of a CSV written for people: each field as [`field`] writes it, then CRLF.
pub fn line<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = fields.into_iter().map(field).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, delimiter: char) -> Vec<Vec<String>> {
        read_records(text, delimiter)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
        assert_eq!(
            fields("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n", ','),
            vec![vec!["a", "b,c", "say \"hi\""], vec!["two\nlines", "x", ""]]
        );
        assert_eq!(fields("a;b,c\n", ';'), vec![vec!["a", "b,c"]]);
    }

    #[test]
    fn records_know_their_line_and_blank_lines_are_skipped() {
        let records = read_records("h\n\n\"a\nb\"\nc", ',').unwrap();
        let lines: Vec<usize> = records.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 3, 5]);
    }

    #[test]
    fn an_unclosed_quote_is_a_problem_of_its_line() {
        assert_eq!(
            read_records("h\nok\n\"open,\nmore", ','),
            Err(CsvProblem::UnclosedQuote { line: 3 })
        );
    }

    #[test]
    fn written_fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "\"plain\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1+2"), "\"'-1+2\"");
        assert_eq!(field("+46701234567"), "\"'+46701234567\"");
        assert_eq!(line(["a", "@b"]), "\"a\",\"'@b\"\r\n");
    }

    /// Whatever is written reads back as written (less the defusing apostrophe).
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn what_is_written_reads_back(rows in proptest::collection::vec(
                proptest::collection::vec("[a-z ,;\"\n\r]{0,8}", 1..4), 1..5)) {
                let text: String = rows
                    .iter()
                    .map(|row| line(row.iter().map(String::as_str)))
                    .collect();
                let read = read_records(&text, ',').unwrap();
                let read: Vec<Vec<String>> = read.into_iter().map(|r| r.fields).collect();
                let expected: Vec<Vec<String>> = rows
                    .iter()
                    .map(|row| row.iter().map(|f| if f.starts_with('\r') { format!("'{f}") } else { f.clone() }).collect())
                    .collect();
                prop_assert_eq!(read, expected);
            }

            #[test]
            fn any_text_reads_without_panic(text in "\\PC{0,200}") {
                let _ = read_records(&text, ',');
                let _ = read_records(&text, ';');
            }
        }
    }
}
