//! Account details people type: email addresses and names.

use validator::ValidateEmail;

use crate::domain::language::Language;
use crate::domain::phone::searched_number;

pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_NAME_CHARS: usize = 100;

/// Why a typed email address is refused; `message_id` names the words
/// (`locales/*/public.ftl`).
#[derive(Debug, PartialEq, Eq)]
pub enum EmailProblem {
    Missing,
    Invalid,
}

impl EmailProblem {
    /// The refusal's message in the message files.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Missing => "public-email-missing",
            Self::Invalid => "public-email-invalid",
        }
    }

    /// The refusal in `language`.
    pub fn say(&self, language: Language) -> String {
        language.t(self.message_id())
    }
}

/// Emails are unique regardless of case: they are stored trimmed and lower-cased.
pub fn normalise_email(input: &str) -> Result<String, EmailProblem> {
    let email = input.trim().to_lowercase();
    if email.is_empty() {
        return Err(EmailProblem::Missing);
    }
    if email.chars().count() > MAX_EMAIL_CHARS || !email.validate_email() {
        return Err(EmailProblem::Invalid);
    }
    Ok(email)
}

/// Why a typed name is refused; `say` words it (`locales/*/public.ftl`).
#[derive(Debug, PartialEq, Eq)]
pub enum NameProblem {
    Missing,
    TooLong,
    ControlCharacters,
}

impl NameProblem {
    /// The refusal's message in the message files.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Missing => "public-name-missing",
            Self::TooLong => "public-name-too-long",
            Self::ControlCharacters => "public-name-unshowable",
        }
    }

    /// The refusal in `language`.
    pub fn say(&self, language: Language) -> String {
        language
            .tr(self.message_id())
            .num("max", MAX_NAME_CHARS)
            .to_string()
    }
}

pub fn normalise_name(input: &str) -> Result<String, NameProblem> {
    let name = input.trim();
    if name.is_empty() {
        return Err(NameProblem::Missing);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(NameProblem::ControlCharacters);
    }
    Ok(name.to_owned())
}

/// Most keys kept of one name.
const MAX_NAME_KEYS: usize = 16;

/// Most words of one search.
pub const MAX_SEARCH_TERMS: usize = 8;

/// What joins the parts of a double name into one word: "Berners-Lee", "O'Brien".
fn joins_parts(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\'' | '\u{2019}')
}

/// What the users search matches a name by: each of its words, lower-cased, and each part
/// of a hyphenated one ("Tim Berners-Lee" gives "berners", "berners-lee", "lee" and
/// "tim"). Each word of a search is the start of one of these (an index range), in any
/// order: "hopper grace", "Lee" and "bern" all find them.
pub fn name_search_keys(name: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for word in name.split_whitespace().map(str::to_lowercase) {
        let parts: Vec<&str> = word.split(joins_parts).filter(|p| !p.is_empty()).collect();
        if parts.len() > 1 {
            keys.extend(parts.iter().map(|part| (*part).to_owned()));
        }
        keys.push(word);
    }
    keys.truncate(MAX_NAME_KEYS);
    keys.sort();
    keys.dedup();
    keys
}

/// A search as typed, as the words each of which must match: lower-cased, each once.
pub fn search_terms(typed: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for term in typed.split_whitespace().map(str::to_lowercase) {
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms.truncate(MAX_SEARCH_TERMS);
    terms
}

/// A word of a search of the users list, as what it is matched against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchTerm {
    /// The start of a word of the name (`name_search_keys`), or of the email.
    Word(String),
    /// The start of the email ("grace@ho").
    Email(String),
    /// The start of the email's domain ("@example.com").
    Domain(String),
    /// The start of a phone number in E.164 ("+4670123"), or a whole one.
    Phone(String),
}

/// A search as an administrator types it, as the words each of which a user matches: a
/// phone number (whole, in the national format of `phone_country` or from its "+", or the
/// start of one from its "+") is one; otherwise each word is the start of a word of the
/// name, of the email, or, from an "@", of the email's domain.
pub fn read_search(typed: &str, phone_country: Option<&str>) -> Vec<SearchTerm> {
    let typed = typed.trim();
    if let Some(number) = searched_number(typed, phone_country) {
        return vec![SearchTerm::Phone(number)];
    }
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    if typed.starts_with('+')
        && !digits.is_empty()
        && typed
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
    {
        return vec![SearchTerm::Phone(format!("+{digits}"))];
    }
    search_terms(typed)
        .into_iter()
        .map(|term| {
            if term.starts_with('@') {
                SearchTerm::Domain(term)
            } else if term.contains('@') {
                SearchTerm::Email(term)
            } else {
                SearchTerm::Word(term)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_searched_by_each_word_and_each_part_of_a_double_one() {
        assert_eq!(
            name_search_keys("  Grace  Brewster HOPPER "),
            ["brewster", "grace", "hopper"]
        );
        assert_eq!(
            name_search_keys("Tim Berners-Lee"),
            ["berners", "berners-lee", "lee", "tim"]
        );
        assert_eq!(
            name_search_keys("Seán O’Brien"),
            ["brien", "o", "o’brien", "seán"]
        );
        assert_eq!(name_search_keys("Émile Zola"), ["zola", "émile"]);
        assert_eq!(name_search_keys("Bo Bo"), ["bo"]);
        assert_eq!(name_search_keys("Jean--Luc"), ["jean", "jean--luc", "luc"]);
        assert!(name_search_keys("   ").is_empty());
        assert!(name_search_keys(&"ab-cd ".repeat(50)).len() <= 16);
        assert_eq!(search_terms(" GRACE   Hop grace "), ["grace", "hop"]);
        assert_eq!(search_terms("a b c d e f g h i j").len(), 8);
    }

    #[test]
    fn a_search_is_read_as_administrators_type_it() {
        use SearchTerm::{Domain, Email, Phone, Word};
        assert_eq!(
            read_search("Grace  HOPPER", Some("SE")),
            [Word("grace".into()), Word("hopper".into())]
        );
        assert_eq!(
            read_search("@Example.com hopper", None),
            [Domain("@example.com".into()), Word("hopper".into())]
        );
        assert_eq!(read_search("grace@ho", None), [Email("grace@ho".into())]);
        // A whole number in the default country's national format, or from its "+".
        assert_eq!(
            read_search("070-123 45 67", Some("SE")),
            [Phone("+46701234567".into())]
        );
        assert_eq!(read_search("+46 70 123", None), [Phone("+4670123".into())]);
        // Without a default country, national digits are words (of a name, an email).
        assert_eq!(
            read_search("070 123", None),
            [Word("070".into()), Word("123".into())]
        );
        assert!(read_search("   ", Some("SE")).is_empty());
    }

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            normalise_email("  Ada@Example.COM ").unwrap(),
            "ada@example.com"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        assert_eq!(normalise_email(""), Err(EmailProblem::Missing));
        for bad in [
            "ada",
            "ada@",
            "@example.com",
            "a b@example.com",
            "ada@exa mple.com",
        ] {
            assert_eq!(normalise_email(bad), Err(EmailProblem::Invalid), "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(normalise_email(&long), Err(EmailProblem::Invalid));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(normalise_name("  Ada Lovelace ").unwrap(), "Ada Lovelace");
        assert_eq!(normalise_name("   "), Err(NameProblem::Missing));
        assert_eq!(normalise_name(&"x".repeat(101)), Err(NameProblem::TooLong));
        assert_eq!(
            normalise_name("Ada\u{0}"),
            Err(NameProblem::ControlCharacters)
        );
    }
}
