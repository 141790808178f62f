//! Account details people type: email addresses and names.

use validator::ValidateEmail;

pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailProblem {
    #[error("Enter your email address.")]
    Missing,
    #[error("Enter an email address like name@example.com.")]
    Invalid,
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

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameProblem {
    #[error("Enter your name.")]
    Missing,
    #[error("Use at most {MAX_NAME_CHARS} characters for your name.")]
    TooLong,
    #[error("Your name contains characters that cannot be shown.")]
    ControlCharacters,
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

/// Most start positions of a name's words kept as search keys.
const MAX_NAME_WORDS: usize = 8;

/// What the users search matches a name by: the name from the start of each of its words,
/// lower-cased, one space between words ("Grace Brewster Hopper" gives "grace brewster
/// hopper", "brewster hopper" and "hopper"). A search is a prefix of one of these, so
/// "hopper", "Grace Hop" and "brewster h" all find her, each an index range.
pub fn name_search_keys(name: &str) -> Vec<String> {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let mut keys: Vec<String> = (0..words.len().min(MAX_NAME_WORDS))
        .map(|start| words[start..].join(" "))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// A search as typed, in the form of the keys above.
pub fn name_search_text(typed: &str) -> String {
    typed
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_searched_from_the_start_of_each_word() {
        assert_eq!(
            name_search_keys("  Grace  Brewster HOPPER "),
            ["brewster hopper", "grace brewster hopper", "hopper"]
        );
        assert_eq!(name_search_keys("Émile Zola"), ["zola", "émile zola"]);
        assert_eq!(name_search_keys("Bo Bo"), ["bo", "bo bo"]);
        assert!(name_search_keys("   ").is_empty());
        assert_eq!(name_search_keys(&"a ".repeat(50)).len(), 8);
        assert_eq!(name_search_text(" GRACE   Hop "), "grace hop");
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
