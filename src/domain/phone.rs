//! Phone numbers: accept what people type, store E.164, refuse what cannot receive SMS.

use phonenumber::{Mode, Type};

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneProblem {
    #[error(
        "Enter the phone number with its country code, starting with + (for example +46 70 123 45 67)."
    )]
    Unreadable,
    #[error("This is not a valid phone number. Check the country code and the digits.")]
    Invalid,
    #[error("This number cannot receive text messages. Enter a mobile phone number.")]
    NotMobile,
}

/// Parses a number typed by a person ("+46 70-123 45 67") into E.164 ("+46701234567").
pub fn normalise_phone(input: &str) -> Result<String, PhoneProblem> {
    let input = input.trim();
    if input.is_empty() || input.len() > 64 || !input.starts_with('+') {
        return Err(PhoneProblem::Unreadable);
    }
    let number = phonenumber::parse(None, input).map_err(|_| PhoneProblem::Unreadable)?;
    if !phonenumber::is_valid(&number) {
        return Err(PhoneProblem::Invalid);
    }
    match number.number_type(&phonenumber::metadata::DATABASE) {
        Type::Mobile | Type::FixedLineOrMobile | Type::PersonalNumber | Type::Pager => {
            Ok(number.format().mode(Mode::E164).to_string())
        }
        _ => Err(PhoneProblem::NotMobile),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_become_e164() {
        assert_eq!(normalise_phone("+46 70-123 45 67").unwrap(), "+46701234567");
        assert_eq!(
            normalise_phone(" +1 (201) 555-0123 ").unwrap(),
            "+12015550123"
        );
    }

    #[test]
    fn numbers_without_a_country_code_are_refused() {
        assert_eq!(
            normalise_phone("070-123 45 67"),
            Err(PhoneProblem::Unreadable)
        );
        assert_eq!(normalise_phone("hello"), Err(PhoneProblem::Unreadable));
    }

    #[test]
    fn invalid_numbers_are_refused() {
        assert_eq!(normalise_phone("+46 12"), Err(PhoneProblem::Invalid));
    }

    #[test]
    fn landlines_are_refused() {
        // A Stockholm fixed line.
        assert_eq!(
            normalise_phone("+46 8 123 456 78"),
            Err(PhoneProblem::NotMobile)
        );
    }
}
