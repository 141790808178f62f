//! Form errors shown in a page's error summary and beside each field.

use crate::domain::language::Language;
use crate::domain::problems::Problems;

pub struct FieldError {
    /// The `id` of the input the message belongs to; the summary links to it.
    pub field: &'static str,
    pub message: String,
}

#[derive(Default)]
pub struct FormErrors(Vec<FieldError>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, message: impl ToString) {
        self.0.push(FieldError {
            field,
            message: message.to_string(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[FieldError] {
        &self.0
    }

    /// The first message for a field, shown beside it.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.as_str())
    }

    /// What a shared parser found wrong, in the reader's language.
    pub fn from_problems(problems: &Problems, lang: Language) -> Self {
        let mut errors = Self::default();
        for problem in problems.iter() {
            errors.add(problem.field, problem.say(lang));
        }
        errors
    }

    /// An error that belongs to no field (wrong credentials, too many attempts).
    pub fn general(message: impl ToString) -> Self {
        let mut errors = Self::default();
        errors.add("", message);
        errors
    }
}

/// A secret field's value when the form left it out: empty, which each form refuses with
/// its own message.
pub(crate) fn empty_secret() -> secrecy::SecretString {
    secrecy::SecretString::from("")
}
