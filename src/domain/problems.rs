//! What is wrong with a form or an API request, field by field, worded in any language:
//! the pages show each message beside its field, the API lists them in its problem+json.
//! The control center's forms and the administration API read their input through the
//! same parsers (`AddUser::parse`, `UserList::parse`, `SettingsInput::parse`), so both
//! refuse the same things for the same reasons.

use std::sync::Arc;

use crate::domain::language::Language;
use crate::i18n::Number;

/// One field's problem.
#[derive(Clone)]
pub struct Problem {
    /// The field's name as the form and the API spell it.
    pub field: &'static str,
    says: Arc<dyn Fn(Language) -> String + Send + Sync>,
}

impl Problem {
    pub fn say(&self, lang: Language) -> String {
        (self.says)(lang)
    }
}

#[derive(Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// A problem worded by `says` in the reader's language.
    pub fn add(
        &mut self,
        field: &'static str,
        says: impl Fn(Language) -> String + Send + Sync + 'static,
    ) {
        self.0.push(Problem {
            field,
            says: Arc::new(says),
        });
    }

    /// A problem said by one message without variables.
    pub fn message(&mut self, field: &'static str, id: &'static str) {
        self.add(field, move |lang| lang.t(id));
    }

    /// A problem said by a message with the number `max` in it.
    pub fn with_max(&mut self, field: &'static str, id: &'static str, max: impl Number) {
        let max = max.number();
        self.add(field, move |lang| lang.tr(id).num("max", max).to_string());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }

    /// `value` when nothing was wrong.
    pub fn or<T>(self, value: T) -> Result<T, Self> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
