//! The users import (`/admin/users/import`): a CSV file with the header row
//! `email,name,phone,groups` (groups separated by `;`), UTF-8 with or without a byte order
//! mark, commas or semicolons. The file is read as a whole; then each line is checked on its
//! own, and only lines without a problem are imported.

use std::collections::{HashMap, HashSet};

use crate::domain::account::{EmailProblem, NameProblem, normalise_email, normalise_name};
use crate::domain::csv::{CsvProblem, Record, read_records};
use crate::domain::phone::PhoneProblem;
use crate::domain::policy::PlatformSettings;

/// The header row, in its order.
pub const COLUMNS: [&str; 4] = ["email", "name", "phone", "groups"];
/// The most lines (people) one file may hold.
pub const MAX_LINES: usize = 10_000;
/// The largest file, in bytes.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Why a whole file is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Not UTF-8 text, or it holds characters no text file has (NUL and the like).
    NotText,
    /// Over [`MAX_FILE_BYTES`].
    TooLarge,
    /// No header row.
    Empty,
    /// The first row is not `email,name,phone,groups`.
    WrongHeader,
    /// No line after the header.
    NoLines,
    /// Over [`MAX_LINES`] lines after the header.
    TooManyLines,
    UnclosedQuote {
        line: usize,
    },
}

impl FileProblem {
    /// The refusal's message id (`locales/*/bulk.ftl`); its variables are `max` and `line`.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::NotText => "import-file-not-text",
            Self::TooLarge => "import-file-too-large",
            Self::Empty => "import-file-empty",
            Self::WrongHeader => "import-file-wrong-header",
            Self::NoLines => "import-file-no-lines",
            Self::TooManyLines => "import-file-too-many-lines",
            Self::UnclosedQuote { .. } => "import-file-unclosed-quote",
        }
    }
}

/// A file's text, read: the UTF-8 text without its byte order mark, and its delimiter.
pub fn read_text(bytes: &[u8]) -> Result<&str, FileProblem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileProblem::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FileProblem::NotText);
    }
    Ok(text)
}

/// A line as typed, each column trimmed (empty when the line had fewer columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypedLine {
    pub line: usize,
    pub email: String,
    pub name: String,
    pub phone: String,
    pub groups: String,
    /// The columns the line had, when not four.
    pub wrong_columns: Option<usize>,
}

/// The lines of a file after its header: the header decides the delimiter (a semicolon
/// when it has one and no comma).
pub fn read_lines(text: &str) -> Result<Vec<TypedLine>, FileProblem> {
    let header = text.lines().next().ok_or(FileProblem::Empty)?;
    let delimiter = if header.contains(';') && !header.contains(',') {
        ';'
    } else {
        ','
    };
    let records = read_records(text, delimiter).map_err(|problem| match problem {
        CsvProblem::UnclosedQuote { line } => FileProblem::UnclosedQuote { line },
    })?;
    let mut records = records.into_iter();
    let header = records.next().ok_or(FileProblem::Empty)?;
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.trim().to_lowercase())
        .collect();
    if names != COLUMNS {
        return Err(FileProblem::WrongHeader);
    }
    let lines: Vec<TypedLine> = records.map(typed).collect();
    if lines.is_empty() {
        return Err(FileProblem::NoLines);
    }
    if lines.len() > MAX_LINES {
        return Err(FileProblem::TooManyLines);
    }
    Ok(lines)
}

fn typed(record: Record) -> TypedLine {
    let column = |i: usize| {
        record
            .fields
            .get(i)
            .map(|f| f.trim().to_owned())
            .unwrap_or_default()
    };
    TypedLine {
        line: record.line,
        email: column(0),
        name: column(1),
        phone: column(2),
        groups: column(3),
        wrong_columns: (record.fields.len() != COLUMNS.len()).then_some(record.fields.len()),
    }
}

impl TypedLine {
    /// The email as accounts store it, when it is one.
    pub fn email_key(&self) -> Option<String> {
        normalise_email(&self.email).ok()
    }
}

/// What is wrong with one line.
#[derive(Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// It has this many columns, not four.
    Columns(usize),
    Email(EmailProblem),
    Name(NameProblem),
    Phone(PhoneProblem),
    /// No group has this name.
    UnknownGroup(String),
    /// The same email is on this earlier line.
    Duplicate {
        first: usize,
    },
    /// An account has this email already.
    ExistingAccount,
}

/// A line that can be imported: checked and normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPerson {
    pub email: String,
    pub name: String,
    /// E.164, able to take codes.
    pub phone: Option<String>,
    pub groups: Vec<i64>,
}

/// A line and what the check made of it.
pub struct CheckedLine {
    pub typed: TypedLine,
    pub outcome: Result<NewPerson, Vec<LineProblem>>,
}

/// A group's name compared as groups compare names: without case or surrounding space.
fn group_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Checks every line: its columns, email, name, phone number (as `platform` allows numbers),
/// groups (by name, without case, among `groups`), an email on an earlier line, and an email
/// among `existing` (accounts, by stored email).
pub fn check_lines(
    lines: Vec<TypedLine>,
    platform: &PlatformSettings,
    groups: &[(i64, String)],
    existing: &HashSet<String>,
) -> Vec<CheckedLine> {
    let group_ids: HashMap<String, i64> = groups
        .iter()
        .map(|(id, name)| (group_key(name), *id))
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    lines
        .into_iter()
        .map(|typed| {
            let mut problems = Vec::new();
            if let Some(found) = typed.wrong_columns {
                problems.push(LineProblem::Columns(found));
            }
            let email = normalise_email(&typed.email)
                .map_err(|p| problems.push(LineProblem::Email(p)))
                .ok();
            if let Some(email) = &email {
                if let Some(first) = seen.get(email) {
                    problems.push(LineProblem::Duplicate { first: *first });
                } else {
                    seen.insert(email.clone(), typed.line);
                    if existing.contains(email) {
                        problems.push(LineProblem::ExistingAccount);
                    }
                }
            }
            let name = normalise_name(&typed.name)
                .map_err(|p| problems.push(LineProblem::Name(p)))
                .ok();
            let phone = match typed.phone.as_str() {
                "" => None,
                number => platform
                    .sms_phone(number)
                    .map_err(|p| problems.push(LineProblem::Phone(p)))
                    .ok(),
            };
            let mut ids = Vec::new();
            for group in typed
                .groups
                .split(';')
                .map(str::trim)
                .filter(|g| !g.is_empty())
            {
                match group_ids.get(&group_key(group)) {
                    Some(id) if !ids.contains(id) => ids.push(*id),
                    Some(_) => {}
                    None => problems.push(LineProblem::UnknownGroup(group.to_owned())),
                }
            }
            let outcome = match (problems.is_empty(), email, name) {
                (true, Some(email), Some(name)) => Ok(NewPerson {
                    email,
                    name,
                    phone,
                    groups: ids,
                }),
                _ => Err(problems),
            };
            CheckedLine { typed, outcome }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform() -> PlatformSettings {
        PlatformSettings {
            default_country: Some("SE".into()),
            ..PlatformSettings::default()
        }
    }

    fn check(text: &str, existing: &[&str]) -> Vec<CheckedLine> {
        let groups = [(1, "Sales".to_owned()), (2, "Night shift".to_owned())];
        let existing = existing.iter().map(|e| (*e).to_owned()).collect();
        check_lines(read_lines(text).unwrap(), &platform(), &groups, &existing)
    }

    #[test]
    fn a_byte_order_mark_and_semicolons_are_read() {
        let text = read_text(
            "\u{feff}Email;Name;Phone;Groups\r\na@example.com;Ada;;\"sales; night shift\"\r\n"
                .as_bytes(),
        )
        .unwrap();
        let lines = check(text, &[]);
        assert_eq!(
            lines[0].outcome,
            Ok(NewPerson {
                email: "a@example.com".into(),
                name: "Ada".into(),
                phone: None,
                groups: vec![1, 2],
            })
        );
        assert_eq!(lines[0].typed.line, 2);
    }

    #[test]
    fn every_problem_of_a_line_is_said() {
        let lines = check(
            "email,name,phone,groups\n\
             ok@example.com,Ok,+46701234567,\n\
             not-an-email,Bad,,\n\
             noname@example.com,,,\n\
             premium@example.com,P,+46900123456,\n\
             group@example.com,G,,Sales;Nobody\n\
             OK@example.com,Again,,\n\
             taken@example.com,Taken,,\n\
             short@example.com,Short\n",
            &["taken@example.com"],
        );
        let problems: Vec<&[LineProblem]> = lines
            .iter()
            .map(|l| l.outcome.as_ref().err().map_or(&[][..], Vec::as_slice))
            .collect();
        assert_eq!(
            lines[0].outcome.as_ref().unwrap().phone.as_deref(),
            Some("+46701234567")
        );
        assert_eq!(problems[1], [LineProblem::Email(EmailProblem::Invalid)]);
        assert_eq!(problems[2], [LineProblem::Name(NameProblem::Missing)]);
        assert!(
            matches!(problems[3], [LineProblem::Phone(_)]),
            "{:?}",
            problems[3]
        );
        assert_eq!(problems[4], [LineProblem::UnknownGroup("Nobody".into())]);
        assert_eq!(problems[5], [LineProblem::Duplicate { first: 2 }]);
        assert_eq!(problems[6], [LineProblem::ExistingAccount]);
        assert_eq!(problems[7], [LineProblem::Columns(2)]);
    }

    #[test]
    fn whole_files_are_refused_for_what_they_are() {
        assert_eq!(read_text(b"email\xff"), Err(FileProblem::NotText));
        assert_eq!(read_text(b"email\0name"), Err(FileProblem::NotText));
        assert_eq!(
            read_text(&vec![b'a'; MAX_FILE_BYTES + 1]),
            Err(FileProblem::TooLarge)
        );
        assert_eq!(read_lines(""), Err(FileProblem::Empty));
        assert_eq!(
            read_lines("name,email\na,b\n"),
            Err(FileProblem::WrongHeader)
        );
        assert_eq!(
            read_lines("email,name,phone,groups\n"),
            Err(FileProblem::NoLines)
        );
        assert_eq!(
            read_lines("email,name,phone,groups\n\"a,b\n"),
            Err(FileProblem::UnclosedQuote { line: 2 })
        );
        let many = format!(
            "email,name,phone,groups\n{}",
            "a,b,,\n".repeat(MAX_LINES + 1)
        );
        assert_eq!(read_lines(&many), Err(FileProblem::TooManyLines));
    }
}
