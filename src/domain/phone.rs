//! Phone numbers: accept what people type, store E.164, refuse what cannot receive SMS.

use phonenumber::{Mode, Type};

use crate::domain::language::Language;

/// Why a typed number is refused; `message_id` names the words (`locales/*/phone.ftl`).
#[derive(Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    Unreadable,
    Invalid,
    /// The number's type cannot receive texts, or costs the sender (the reason says which).
    CannotText(NotMobile),
    CountryNotAllowed,
}

/// Why a valid number cannot be sent a text message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotMobile {
    PremiumRate,
    TollFree,
    SharedCost,
    Landline,
    Voip,
    Voicemail,
    Other,
}

impl PhoneProblem {
    /// The refusal's message in the message files.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Unreadable => "phone-unreadable",
            Self::Invalid => "phone-invalid",
            Self::CannotText(NotMobile::PremiumRate) => "phone-premium-rate",
            Self::CannotText(NotMobile::TollFree) => "phone-toll-free",
            Self::CannotText(NotMobile::SharedCost) => "phone-shared-cost",
            Self::CannotText(NotMobile::Landline) => "phone-landline",
            Self::CannotText(NotMobile::Voip) => "phone-voip",
            Self::CannotText(NotMobile::Voicemail) => "phone-voicemail",
            Self::CannotText(NotMobile::Other) => "phone-not-mobile",
            Self::CountryNotAllowed => "phone-country-not-allowed",
        }
    }

    /// The refusal in `language`.
    pub fn say(&self, language: Language) -> String {
        language.t(self.message_id())
    }
}

/// In English, for logs and the errors that wrap it; pages use `say`.
impl std::fmt::Display for PhoneProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Language::English))
    }
}

impl std::error::Error for PhoneProblem {}

/// As `normalise_phone`, and refuses numbers outside `allowed_countries` (ISO 3166 codes
/// such as "SE"; empty allows every country) before anything is sent.
pub fn normalise_sms_phone(
    input: &str,
    allowed_countries: &[String],
    default_country: Option<&str>,
) -> Result<String, PhoneProblem> {
    let e164 = normalise_phone(input, default_country)?;
    if in_allowed_country(&e164, allowed_countries) {
        Ok(e164)
    } else {
        Err(PhoneProblem::CountryNotAllowed)
    }
}

/// True when a stored (E.164) number is in one of `allowed_countries` (empty: all).
pub fn in_allowed_country(e164: &str, allowed_countries: &[String]) -> bool {
    if allowed_countries.is_empty() {
        return true;
    }
    let region = phonenumber::parse(None, e164)
        .ok()
        .and_then(|number| number.country().id())
        .map(|id| id.as_ref().to_owned());
    region.is_some_and(|region| {
        allowed_countries
            .iter()
            .any(|c| c.eq_ignore_ascii_case(&region))
    })
}

/// The calling codes of `allowed_countries` as E.164 prefixes ("+46"), in two lists: codes
/// all of whose countries are allowed (every number under them is), and codes shared with
/// countries that are not ("+1" when only "US" is allowed: each number must be looked at).
/// Calling codes are prefix-free, so a number starts with at most one of them.
pub fn allowed_calling_prefixes(allowed_countries: &[String]) -> (Vec<String>, Vec<String>) {
    let database = &phonenumber::metadata::DATABASE;
    let allowed = |region: &str| {
        allowed_countries
            .iter()
            .any(|c| c.eq_ignore_ascii_case(region))
    };
    let mut codes: Vec<u16> = allowed_countries
        .iter()
        .filter_map(|c| database.by_id(c.to_ascii_uppercase().as_str()))
        .map(|meta| meta.country_code())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let (whole, shared): (Vec<u16>, Vec<u16>) = codes.into_iter().partition(|code| {
        database
            .region(code)
            .is_some_and(|regions| regions.iter().all(|r| allowed(r)))
    });
    let prefix = |code: u16| format!("+{code}");
    (
        whole.into_iter().map(prefix).collect(),
        shared.into_iter().map(prefix).collect(),
    )
}

/// The country calling code of a stored (E.164) number: 46 for "+46701234567".
pub fn calling_code(e164: &str) -> Option<u16> {
    phonenumber::parse(None, e164)
        .ok()
        .map(|number| number.country().code())
}

/// Shows a number without giving it away, keeping its whole country calling code:
/// "+46 ••• •• 67", "+1 ••• ••• 34", "+358 ••• •• 67".
pub fn mask_phone(e164: &str) -> String {
    let tail: String = e164
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    match calling_code(e164) {
        // The North American plan's numbers are three groups (201 555 0123).
        Some(1) => format!("+1 ••• ••• {tail}"),
        Some(code) => format!("+{code} ••• •• {tail}"),
        None => format!("••• •• {tail}"),
    }
}

/// Shows a stored number in full to its owner: "+46 70 123 45 67".
pub fn format_international(e164: &str) -> String {
    phonenumber::parse(None, e164).map_or_else(
        |_| e164.to_owned(),
        |number| number.format().mode(Mode::International).to_string(),
    )
}

/// Parses a number typed by a person ("+46 70-123 45 67") into E.164 ("+46701234567").
/// Without a leading + (or 00), the number is read in `default_country`'s national format
/// ("070-123 45 67" for "SE"); with no default country it must start with its country code.
pub fn normalise_phone(input: &str, default_country: Option<&str>) -> Result<String, PhoneProblem> {
    let number = read_number(input, default_country).ok_or(PhoneProblem::Unreadable)?;
    if !phonenumber::is_valid(&number) {
        return Err(PhoneProblem::Invalid);
    }
    let refusal = match number.number_type(&phonenumber::metadata::DATABASE) {
        Type::Mobile | Type::FixedLineOrMobile | Type::PersonalNumber | Type::Pager => {
            return Ok(number.format().mode(Mode::E164).to_string());
        }
        Type::PremiumRate => NotMobile::PremiumRate,
        Type::TollFree => NotMobile::TollFree,
        Type::SharedCost => NotMobile::SharedCost,
        Type::FixedLine => NotMobile::Landline,
        Type::Voip => NotMobile::Voip,
        Type::Voicemail => NotMobile::Voicemail,
        _ => NotMobile::Other,
    };
    Err(PhoneProblem::CannotText(refusal))
}

/// The number a person typed, if it reads as one: international ("+46 …", "0046 …") always,
/// national ("070 …") only with a default country.
fn read_number(input: &str, default_country: Option<&str>) -> Option<phonenumber::PhoneNumber> {
    let input = input.trim();
    if input.is_empty() || input.len() > 64 {
        return None;
    }
    let region = default_country.and_then(|code| code.to_ascii_uppercase().parse().ok());
    if !input.starts_with('+') && region.is_none() {
        return None;
    }
    phonenumber::parse(region, input).ok()
}

/// How a mobile number of `country` is written at home and abroad ("070-123 45 67",
/// "+46 70 123 45 67"), from the numbering plan's own example; for the hints of phone
/// fields when numbers may be typed in that country's national format.
pub fn example_mobile(country: &str) -> Option<(String, String)> {
    let region: phonenumber::country::Id = country.to_ascii_uppercase().parse().ok()?;
    let metadata = phonenumber::metadata::DATABASE.by_id(region.as_ref())?;
    let example = metadata.descriptors().mobile()?.example()?;
    let number = phonenumber::parse(Some(region), example).ok()?;
    Some((
        number.format().mode(Mode::National).to_string(),
        number.format().mode(Mode::International).to_string(),
    ))
}

/// A search for a phone number, as an administrator types it ("070 123", "+46 70 123 45 67"):
/// the E.164 digits it stands for, when it reads as a whole number; `None` otherwise.
pub fn searched_number(input: &str, default_country: Option<&str>) -> Option<String> {
    let looks_like_a_number = input
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && input.chars().filter(char::is_ascii_digit).count() >= 6;
    if !looks_like_a_number {
        return None;
    }
    read_number(input, default_country)
        .filter(phonenumber::is_valid)
        .map(|number| number.format().mode(Mode::E164).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_see_their_number_in_full() {
        assert_eq!(format_international("+46701234567"), "+46 70 123 45 67");
        assert_eq!(format_international("not a number"), "not a number");
    }

    #[test]
    fn typed_numbers_become_e164() {
        assert_eq!(
            normalise_phone("+46 70-123 45 67", None).unwrap(),
            "+46701234567"
        );
        assert_eq!(
            normalise_phone(" +1 (201) 555-0123 ", None).unwrap(),
            "+12015550123"
        );
    }

    #[test]
    fn numbers_without_a_country_code_are_refused() {
        assert_eq!(
            normalise_phone("070-123 45 67", None),
            Err(PhoneProblem::Unreadable)
        );
        assert_eq!(
            normalise_phone("hello", Some("SE")),
            Err(PhoneProblem::Unreadable)
        );
    }

    #[test]
    fn invalid_numbers_are_refused() {
        assert_eq!(normalise_phone("+46 12", None), Err(PhoneProblem::Invalid));
    }

    #[test]
    fn allowed_countries_give_their_calling_prefixes() {
        let list = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            allowed_calling_prefixes(&list(&["se", "DE"])),
            (list(&["+46", "+49"]), list(&[]))
        );
        // +47 is Norway's and Svalbard's.
        assert_eq!(
            allowed_calling_prefixes(&list(&["NO", "SJ"])),
            (list(&["+47"]), list(&[]))
        );
        // +1 is shared by the United States, Canada and more: only some are allowed.
        assert_eq!(
            allowed_calling_prefixes(&list(&["US", "SE", "XX"])),
            (list(&["+46"]), list(&["+1"]))
        );
        assert!(in_allowed_country("+12015550123", &list(&["US"])));
        assert!(!in_allowed_country("+14165550123", &list(&["US"])));
        assert!(in_allowed_country("+14165550123", &[]));
    }

    #[test]
    fn countries_outside_the_allowed_list_are_refused() {
        let allowed = vec!["SE".to_owned(), "no".to_owned()];
        assert_eq!(
            normalise_sms_phone("+46 70 123 45 67", &allowed, None).unwrap(),
            "+46701234567"
        );
        assert!(normalise_sms_phone("+47 412 34 567", &allowed, None).is_ok());
        assert_eq!(
            normalise_sms_phone("+1 201 555 0123", &allowed, None),
            Err(PhoneProblem::CountryNotAllowed)
        );
        assert!(normalise_sms_phone("+1 201 555 0123", &[], None).is_ok());
    }

    #[test]
    fn masked_numbers_keep_only_the_ends() {
        assert_eq!(mask_phone("+46701234567"), "+46 ••• •• 67");
        assert_eq!(mask_phone("+12015550134"), "+1 ••• ••• 34");
        assert_eq!(mask_phone("+358401234567"), "+358 ••• •• 67");
    }

    #[test]
    fn numbers_that_cannot_receive_texts_or_cost_the_sender_are_refused() {
        // Premium rate (UK 09, US 900, Italy 899), shared cost (UK 087), toll-free (UK and
        // US 800), VoIP (UK 056) and voicemail (Switzerland 086, German mobile voicemail) numbers: refused before anything
        // is sent, as is any type the metadata does not know.
        for number in [
            "+44 909 879 0000",
            "+1 900 200 0000",
            "+44 871 234 5678",
            "+44 800 123 4567",
            "+1 800 234 5678",
            "+39 899 123 456",
            "+44 56 1234 5678",
            "+41 86 0123456789",
            "+49 17799 1234567",
        ] {
            assert!(
                matches!(
                    normalise_sms_phone(number, &[], None),
                    Err(PhoneProblem::CannotText(_))
                ),
                "{number}"
            );
        }
    }

    #[test]
    fn numbers_have_their_country_calling_code() {
        assert_eq!(calling_code("+46701234567"), Some(46));
        assert_eq!(calling_code("+12015550123"), Some(1));
        assert_eq!(calling_code("+447700900123"), Some(44));
        assert_eq!(calling_code("garbage"), None);
    }

    #[test]
    fn landlines_are_refused() {
        // A Stockholm fixed line.
        assert_eq!(
            normalise_phone("+46 8 123 456 78", None),
            Err(PhoneProblem::CannotText(NotMobile::Landline))
        );
    }

    #[test]
    fn refusals_say_what_kind_of_number_it_is() {
        let kind = |number| match normalise_phone(number, None) {
            Err(PhoneProblem::CannotText(kind)) => Some(kind),
            _ => None,
        };
        assert_eq!(kind("+44 909 879 0000"), Some(NotMobile::PremiumRate));
        assert_eq!(kind("+1 800 234 5678"), Some(NotMobile::TollFree));
        let landline = PhoneProblem::CannotText(NotMobile::Landline).to_string();
        assert!(landline.contains("landline") && landline.contains("cannot receive text messages"));
    }

    #[test]
    fn national_numbers_are_read_in_the_default_country() {
        assert_eq!(
            normalise_phone("070-123 45 67", Some("SE")).unwrap(),
            "+46701234567"
        );
        assert_eq!(
            normalise_phone("0046 70 123 45 67", Some("se")).unwrap(),
            "+46701234567"
        );
        // A number with its country code is read as typed whatever the default.
        assert_eq!(
            normalise_phone("+44 7911 123456", Some("SE")).unwrap(),
            "+447911123456"
        );
        assert_eq!(
            normalise_phone("(201) 555-0123", Some("US")).unwrap(),
            "+12015550123"
        );
        assert_eq!(
            normalise_phone("070-123 45 67", Some("not a country")),
            Err(PhoneProblem::Unreadable)
        );
    }

    #[test]
    fn a_country_has_an_example_mobile_number_both_ways() {
        assert_eq!(
            example_mobile("se"),
            Some(("070-123 45 67".to_owned(), "+46 70 123 45 67".to_owned()))
        );
        let (national, international) = example_mobile("GB").unwrap();
        assert!(national.starts_with('0') && international.starts_with("+44 "));
        assert_eq!(example_mobile("XX"), None);
    }

    #[test]
    fn searches_that_read_as_numbers_give_their_e164() {
        assert_eq!(
            searched_number("070 123 45 67", Some("SE")).as_deref(),
            Some("+46701234567")
        );
        assert_eq!(
            searched_number("+46 70 123 45 67", None).as_deref(),
            Some("+46701234567")
        );
        assert_eq!(searched_number("070 123 45 67", None), None);
        assert_eq!(searched_number("grace hopper", Some("SE")), None);
        assert_eq!(searched_number("0701", Some("SE")), None);
    }
}

/// Properties over any text a person (or an attacker) can type into a phone field.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text that looks like a phone number often enough to reach the accepting path: a
    /// `+`, a few digits, and the separators people type.
    fn typed_number() -> impl Strategy<Value = String> {
        "[ \t]{0,2}\\+[0-9]{1,3}[ ./()\\-]{0,2}[0-9 \\-]{0,16}[ \t]{0,2}"
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            typed_number(),
            any::<String>(),
            "\\PC{0,80}",
            "[+0-9\u{ff10}-\u{ff19}\u{0660}-\u{0669} ]{0,40}",
        ]
    }

    /// E.164: a `+` and at most 15 ASCII digits, the first not 0.
    fn is_e164(number: &str) -> bool {
        number.strip_prefix('+').is_some_and(|digits| {
            (2..=15).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0')
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn an_accepted_number_is_e164_and_parses_back_to_itself(input in any_text()) {
            if let Ok(number) = normalise_phone(&input, Some("SE")) {
                prop_assert!(is_e164(&number), "{input:?} gave {number:?}");
                prop_assert_eq!(normalise_phone(&number, None), Ok(number.clone()));
                prop_assert_eq!(
                    normalise_phone(&format_international(&number), None),
                    Ok(number.clone()),
                    "the number as shown to its owner reads back"
                );
                let code = calling_code(&number);
                prop_assert!(code.is_some());
                let code_digits = code.map_or(0, |code| code.to_string().len());
                let masked = mask_phone(&number);
                prop_assert!(
                    masked.bytes().filter(u8::is_ascii_digit).count() <= code_digits + 2,
                    "{masked} gives too much away"
                );
            }
        }

        #[test]
        fn an_allowed_country_holds_the_number(input in typed_number(), country in "[A-Z]{2}") {
            let allowed = vec![country];
            if let Ok(number) = normalise_sms_phone(&input, &allowed, None) {
                prop_assert!(in_allowed_country(&number, &allowed));
                let (whole, shared) = allowed_calling_prefixes(&allowed);
                prop_assert!(
                    whole.iter().chain(&shared).any(|prefix| number.starts_with(prefix.as_str())),
                    "{number} is outside the prefixes {whole:?} {shared:?}"
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn huge_input_is_refused_without_a_panic(
            input in prop::collection::vec(any::<char>(), 0..70_000),
            padding in 0usize..70_000,
        ) {
            let input: String = input.into_iter().collect();
            prop_assert!(normalise_phone(&input, Some("SE")).is_err() || input.trim().len() <= 64);
            let padded = format!("+46701234567{}", "0".repeat(padding));
            prop_assert_eq!(normalise_phone(&padded, None).is_ok(), padding == 0);
            let _ = (mask_phone(&input), format_international(&input), calling_code(&input));
        }
    }
}
