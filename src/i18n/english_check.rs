//! The check that keeps people's words in the message files: no template, no page script and
//! no Rust source outside them holds a sentence or label in English (issue 26). It reads the
//! sources as a reviewer would: a template's text between its tags and its labelling
//! attributes, a script's string literal that reads as words (the page hands its scripts
//! their words in data attributes), and a Rust string literal that reads as words, outside
//! tests, logs, panics and SQL.

use std::path::{Path, PathBuf};

fn files(dir: &Path, extensions: &[&str], found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, extensions, found);
        } else if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
        {
            found.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `text` without the spans from each `open` to its `close`.
fn without(text: &str, open: &str, close: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        kept.push_str(&rest[..at]);
        kept.push(' ');
        rest = match rest[at + open.len()..].find(close) {
            Some(end) => &rest[at + open.len() + end + close.len()..],
            None => "",
        };
    }
    kept.push_str(rest);
    kept
}

/// Whether `text` holds a word: two letters in a row.
fn has_word(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The attributes whose values people read or hear, with those that hand the page scripts
/// (`static/*.js`) the words they show.
const SPOKEN_ATTRIBUTES: [&str; 10] = [
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "data-label",
    "data-ready",
    "data-copied",
    "data-unsupported",
    "data-refused",
    "data-registered",
];

/// The words of a template a reader meets, each with its line: text between tags and the
/// values of the attributes that label things.
fn template_words(source: &str) -> Vec<(usize, String)> {
    // Template syntax and what is not read as text go first; their line breaks stay, so
    // the lines found are the file's own.
    let mut text = source.to_owned();
    for (open, close) in [
        ("{#", "#}"),
        ("{%", "%}"),
        ("{{", "}}"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<!--", "-->"),
    ] {
        text = keep_lines(&text, open, close);
    }
    let mut words = Vec::new();
    let mut in_tag = false;
    let mut tag = String::new();
    let mut run = String::new();
    let mut line = 1;
    let mut run_line = 1;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_tag {
            if c == '>' {
                in_tag = false;
                for attribute in SPOKEN_ATTRIBUTES {
                    if let Some(value) = attribute_value(&tag, attribute)
                        && has_word(&value)
                    {
                        words.push((line, format!("{attribute}=\"{value}\"")));
                    }
                }
                tag.clear();
            } else {
                tag.push(c);
            }
        } else if c == '<' {
            in_tag = true;
            if has_word(&without_entities(&run)) {
                words.push((run_line, run.trim().to_owned()));
            }
            run.clear();
        } else {
            if run.trim().is_empty() {
                run_line = line;
            }
            run.push(c);
        }
    }
    if has_word(&without_entities(&run)) {
        words.push((run_line, run.trim().to_owned()));
    }
    words
}

/// Like `without`, but a removed span's line breaks are kept.
fn keep_lines(text: &str, open: &str, close: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        kept.push_str(&rest[..at]);
        kept.push(' ');
        let (span, after) = match rest[at + open.len()..].find(close) {
            Some(end) => (
                &rest[at..at + open.len() + end + close.len()],
                &rest[at + open.len() + end + close.len()..],
            ),
            None => (&rest[at..], ""),
        };
        kept.extend(std::iter::repeat_n('\n', span.matches('\n').count()));
        rest = after;
    }
    kept.push_str(rest);
    kept
}

fn without_entities(text: &str) -> String {
    without(text, "&", ";")
}

fn attribute_value(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().last();
        let after = &rest[at + name.len()..];
        if before.is_some_and(char::is_whitespace)
            && let Some(value) = after.strip_prefix("=\"")
        {
            return value.split('"').next().map(str::to_owned);
        }
        rest = after;
    }
    None
}

/// The string literals of a Rust source that read as words people see, each with its line.
/// Skipped: tests, comments, attributes, and what goes to the operator or the code rather
/// than a person using the portal: logs, panics and `expect`s, key-derivation labels, SQL.
/// A call to one of those that spans lines is followed to its closing parenthesis.
fn rust_words(source: &str) -> Vec<(usize, String)> {
    let source = match source.find("#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut words = Vec::new();
    // Open parentheses of an operator's call still open from earlier lines.
    let mut operator_depth: i32 = 0;
    for (index, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with("#[") {
            continue;
        }
        let opens =
            line.matches(['(', '[']).count() as i32 - line.matches([')', ']']).count() as i32;
        let in_operator_call = operator_depth > 0;
        if in_operator_call {
            operator_depth = (operator_depth + opens).max(0);
        } else if operator_context(line) && opens > 0 {
            operator_depth = opens;
        }
        let mut rest = line;
        while let Some(at) = rest.find('"') {
            // A raw or byte string's prefix, or a char literal '"', is not a string here.
            let prefix = &rest[..at];
            if prefix.ends_with('\'') || prefix.ends_with("r#") || prefix.ends_with('b') {
                rest = &rest[at + 1..];
                if let Some(end) = rest.find('"') {
                    rest = &rest[end + 1..];
                }
                continue;
            }
            let after = &rest[at + 1..];
            let mut end = None;
            let mut escaped = false;
            for (i, c) in after.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(i);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let Some(end) = end else { break };
            let literal = &after[..end];
            let context = &line[..line.len() - rest.len() + at];
            if reads_as_words(literal)
                && !header_syntax(literal)
                && !in_operator_call
                && !operator_context(context)
            {
                words.push((index + 1, literal.to_owned()));
            }
            rest = &after[end + 1..];
        }
    }
    words
}

/// A media type, a header's value or a path in Rust (`text/css; charset=utf-8`,
/// `max-age=3600`, `form-action 'self'`), not words.
fn header_syntax(literal: &str) -> bool {
    literal.contains(['=', '/']) || literal.contains("'self'")
}

/// Words a person reads: two words or more with a letter-led first, not an identifier, a
/// path, a format of numbers or SQL.
fn reads_as_words(literal: &str) -> bool {
    let words: Vec<&str> = literal.split_whitespace().collect();
    if words.len() < 2 || !literal.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let first = words[0];
    const SQL: [&str; 10] = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "ALTER", "DROP", "PRAGMA",
        "VACUUM",
    ];
    // Code, not words: SQL, `table.column`, `snake_case` names.
    if SQL.contains(&first)
        || first.contains("::")
        || words.iter().any(|word| {
            word.contains('_') && !word.starts_with('{')
                || word.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty() && !b.is_empty() && a.chars().all(char::is_lowercase)
                })
        })
    {
        return false;
    }
    words.iter().filter(|word| has_word(word)).count() >= 2
}

/// The string literals of a page script (`static/*.js`) that read as words, each with its
/// line: two words or more, or one capitalised word ("Copied"). Comments are skipped; an
/// identifier such as "InvalidStateError" or a selector is not a word.
fn script_words(source: &str) -> Vec<(usize, String)> {
    let mut words = Vec::new();
    let mut line = 1;
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            // Outside strings a backslash escapes within a regular expression (/\//g), whose
            // slashes would otherwise read as a comment.
            '\\' => {
                chars.next();
            }
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut star = false;
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                    }
                    if star && c == '/' {
                        break;
                    }
                    star = c == '*';
                }
            }
            '"' | '\'' | '`' => {
                let quote = c;
                let start = line;
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                literal.push(escaped);
                            }
                        }
                        c if c == quote => break,
                        c => {
                            if c == '\n' {
                                line += 1;
                            }
                            literal.push(c);
                        }
                    }
                }
                if reads_as_words(&literal) || is_capitalised_word(&literal) {
                    words.push((start, literal));
                }
            }
            _ => {}
        }
    }
    words
}

/// One word of letters, capitalised and otherwise lower-case: a label ("Copied"), not an
/// identifier ("InvalidStateError") or a constant ("GET").
fn is_capitalised_word(literal: &str) -> bool {
    let mut letters = literal.chars();
    letters.next().is_some_and(char::is_uppercase)
        && literal.chars().count() >= 2
        && letters.all(char::is_lowercase)
}

/// The start of the line before a literal, where it goes to the operator or the code, not a
/// person using the portal.
fn operator_context(context: &str) -> bool {
    const OPERATOR: [&str; 22] = [
        "tracing::",
        "info!(",
        "warn!(",
        "error!(",
        "debug!(",
        "expect(",
        "panic!(",
        "unreachable!(",
        "assert",
        "Protocol(",
        "Config(",
        "anyhow",
        "context(",
        "eprintln!(",
        // A 500's cause, replaced by the error page; a deserialiser's error.
        "ErrorInternalServerError(",
        "InternalError::from_response(",
        "Error::custom(",
        // Header values.
        "HeaderValue::from_static(",
        // OpenID Connect's error redirects: the code and its `error_description`.
        "return fail(",
        ".content_type(",
        // Labels that key a derivation (HKDF info, HMAC domain separation).
        "Sealer::new(",
        "for part in [",
    ];
    OPERATOR.iter().any(|marker| context.contains(marker))
}

#[test]
fn templates_hold_no_words_outside_the_message_files() {
    let mut templates = Vec::new();
    files(&root().join("templates"), &["html", "txt"], &mut templates);
    templates.sort();
    let mut found = Vec::new();
    for path in templates {
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, words) in template_words(&source) {
            found.push(format!(
                "{}:{line}: {words}",
                path.strip_prefix(root()).unwrap().display()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "{} words in templates belong in locales/*.ftl:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn scripts_hold_no_words_outside_the_message_files() {
    let mut scripts = Vec::new();
    files(&root().join("static"), &["js"], &mut scripts);
    scripts.sort();
    let mut found = Vec::new();
    for path in scripts {
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, words) in script_words(&source) {
            found.push(format!(
                "{}:{line}: {words}",
                path.strip_prefix(root()).unwrap().display()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "{} literals in page scripts read as words that belong in locales/*.ftl, handed to the \
         script in a data attribute:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// Sources whose words are read by the operator or by programs, in English:
const OPERATORS_FILES: [&str; 17] = [
    // The command-line tool, like its --help.
    "src/cli.rs",
    // Configuration refused at start, and Prometheus's metric help.
    "src/config.rs",
    "src/mail/mod.rs",
    "src/metrics.rs",
    // SQL, and storage errors that end as a logged 500.
    "src/db/",
    // Key files, read by the operator.
    "src/services/signing_keys.rs",
    // OpenID Connect's `error_description`s, for the application's developers (RFC 6749
    // examples are English; the error codes beside them are what programs act on).
    "src/services/oidc.rs",
    "src/domain/oidc.rs",
    // The token endpoint answers applications only, in JSON.
    "src/web/oauth2/tokens.rs",
    // SMS providers' errors, for the log and the audit log's stored details.
    "src/sms/",
    // Delivery errors, for the log and the outbox's last error.
    "src/services/outbox.rs",
    // This check's own examples.
    "src/i18n/english_check.rs",
    // The administration API's OpenAPI description, for script authors and client
    // generators. What the API answers a script is worded from ids, in problem.rs and
    // auth.rs, which are checked.
    "src/web/api/mod.rs",
    "src/web/api/users.rs",
    "src/web/api/groups.rs",
    "src/web/api/audit.rs",
    "src/web/api/rooms.rs",
];

#[test]
fn rust_sources_hold_no_words_outside_the_message_files() {
    let mut sources = Vec::new();
    files(&root().join("src"), &["rs"], &mut sources);
    sources.sort();
    let mut found = Vec::new();
    for path in sources {
        let relative = path.strip_prefix(root()).unwrap();
        if OPERATORS_FILES
            .iter()
            .any(|file| relative.starts_with(file))
        {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, words) in rust_words(&source) {
            found.push(format!("{}:{line}: {words}", relative.display()));
        }
    }
    assert!(
        found.is_empty(),
        "{} literals in Rust read as words that belong in locales/*.ftl:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_check_finds_words_and_leaves_code_alone() {
    let template = "<h1>Sign in</h1>\n<p>{{ layout.lang.t(\"x\") }}</p>\n<button aria-label=\"Close it\">{{ y }}</button>\n<td data-label=\"{{ z }}\">&nbsp;</td>\n<button data-copy=\"codes\" data-copied=\"Copied\">{{ w }}</button>";
    let found = template_words(template);
    assert_eq!(
        found,
        vec![
            (1, "Sign in".to_owned()),
            (3, "aria-label=\"Close it\"".to_owned()),
            (5, "data-copied=\"Copied\"".to_owned())
        ]
    );
    let rust = "let a = \"The email is wrong.\";\nlet b = \"user_id\";\ntracing::warn!(\"Could not send it\");\nlet c = \"SELECT id FROM users\";\ntracing::info!(\n    count,\n    \"Stopping: put back\"\n);\nlet e = \"u.phone IS NULL\";\n#[cfg(test)]\nlet d = \"Hidden in tests\";";
    assert_eq!(
        rust_words(rust),
        vec![(1, "The email is wrong.".to_owned())]
    );
    let script = "// Says \"Copied here\" once done.\nbutton.textContent = \"Copied\";\nif (e.name === \"InvalidStateError\") say('No passkey was used.');\nvar s = s.replace(/\\//g, \"_\"); /* \"Not this\" */ x = `Try again now`;\nform.querySelector(\"button[type=submit]\").getAttribute(\"data-ready\");";
    assert_eq!(
        script_words(script),
        vec![
            (2, "Copied".to_owned()),
            (3, "No passkey was used.".to_owned()),
            (4, "Try again now".to_owned())
        ]
    );
}
