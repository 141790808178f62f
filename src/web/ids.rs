//! A row's id in an address (`/admin/users/42`): the decimal digits the portal writes and
//! nothing else. `i64`'s own parser also takes `+42` and `0042`, so several addresses opened
//! one page and one API resource (the form fuzzer reached a user's page through `+1`); each
//! now has one address, and any other spelling is a 404 like an id that names no row.

use serde::de::{Deserialize, Deserializer, Error};

/// An id read from a path segment: `web::Path<Id>`, `web::Path<(Id, Id)>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id(pub i64);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text)
            .map(Id)
            .ok_or_else(|| D::Error::custom("not an id as the portal writes one"))
    }
}

/// `text` as an id when it is written as the portal writes ids: ASCII digits, without a
/// sign or a leading zero, no larger than the database's integers.
pub fn parse(text: &str) -> Option<i64> {
    let digits = !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    let canonical = digits && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn only_the_portals_own_spelling_is_an_id() {
        assert_eq!(parse("42"), Some(42));
        assert_eq!(parse("0"), Some(0));
        assert_eq!(parse("9223372036854775807"), Some(i64::MAX));
        for other in [
            "",
            "+42",
            "-42",
            "042",
            "00",
            " 42",
            "42 ",
            "4_2",
            "4e2",
            "٤٢",
            "42\u{0}",
            "9223372036854775808",
            "0x2a",
        ] {
            assert_eq!(parse(other), None, "{other:?}");
        }
    }
}
