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

#[cfg(test)]
mod tests {
    use super::*;

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
