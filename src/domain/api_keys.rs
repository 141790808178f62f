//! API keys for `/api/v1`: what a key may do (its scopes), how a key reads, and the checks
//! of what an administrator types when making one. Pure: the storage and the clock are the
//! services'.
//!
//! A key reads `twostep_<id>_<secret>`: the id part (12 characters, lowercase letters and
//! digits) is stored in clear and finds the key; the secret (32 bytes from the operating
//! system, base64url) is stored only as its SHA-256 and compared in constant time.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// What every key starts with: secret scanners and people recognise it.
pub const PREFIX: &str = "twostep_";
/// Characters of the id part.
pub const ID_LEN: usize = 12;
/// Characters of the secret: 32 bytes in unpadded base64url.
const SECRET_LEN: usize = 43;
/// The whole key's length; nothing longer is read.
pub const KEY_LEN: usize = PREFIX.len() + ID_LEN + 1 + SECRET_LEN;
const ID_ALPHABET: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// Requests a key may make in one minute (a fixed window, counted in the database so the
/// limit holds across instances); the 601st waits for the next minute.
pub const REQUESTS_PER_MINUTE: i64 = 600;

/// The longest name a key may have.
pub const NAME_MAX: usize = 100;
/// The longest life a key may be given, in days (ten years).
pub const EXPIRES_DAYS_MAX: i64 = 3650;

/// One thing a key may do. Stored and typed as `users:read`, `users:write`…
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    UsersRead,
    UsersWrite,
    GroupsWrite,
    RoomsWrite,
    AuditRead,
}

impl Scope {
    /// Every scope, in the order they are listed and stored.
    pub const ALL: [Self; 5] = [
        Self::UsersRead,
        Self::UsersWrite,
        Self::GroupsWrite,
        Self::RoomsWrite,
        Self::AuditRead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::UsersRead => "users:read",
            Self::UsersWrite => "users:write",
            Self::GroupsWrite => "groups:write",
            Self::RoomsWrite => "rooms:write",
            Self::AuditRead => "audit:read",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == text)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The scopes a key was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scopes(u8);

impl Scopes {
    pub fn of(scopes: &[Scope]) -> Self {
        Self(scopes.iter().fold(0, |bits, scope| bits | scope.bit()))
    }

    /// Whether the key was given exactly this scope.
    pub fn contains(self, scope: Scope) -> bool {
        self.0 & scope.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether a request that needs `needed` may be made: a write scope includes reading
    /// the same things (`users:write` reads users).
    pub fn allows(self, needed: Scope) -> bool {
        self.contains(needed) || (needed == Scope::UsersRead && self.contains(Scope::UsersWrite))
    }

    /// Whether the key may list groups: there is no `groups:read`, since a user's groups are
    /// read with the users (`users:read`, so `users:write` too) and a script that manages
    /// groups (`groups:write`) reads what it manages.
    pub fn allows_read_groups(self) -> bool {
        self.allows(Scope::UsersRead) || self.contains(Scope::GroupsWrite)
    }

    /// The scopes given, in `Scope::ALL`'s order.
    pub fn iter(self) -> impl Iterator<Item = Scope> {
        Scope::ALL
            .into_iter()
            .filter(move |scope| self.contains(*scope))
    }

    /// As stored: the scopes' names in `Scope::ALL`'s order, separated by spaces (the
    /// migration's CHECK accepts only such lists).
    pub fn stored(self) -> String {
        self.iter().map(Scope::as_str).collect::<Vec<_>>().join(" ")
    }

    /// What `stored` wrote; `None` for anything else.
    pub fn from_stored(text: &str) -> Option<Self> {
        let scopes: Option<Vec<Scope>> = text.split(' ').map(Scope::parse).collect();
        let scopes = Self::of(&scopes?);
        (!scopes.is_empty() && scopes.stored() == text).then_some(scopes)
    }
}

/// Who called the API: the key presented, once checked. Changes it makes are audited with
/// its name as the actor (`services::admin::Actor::ApiKey`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiCaller {
    pub id: i64,
    pub name: String,
    pub scopes: Scopes,
}

/// A new key, as handed out once: the text the script presents, and what is stored.
pub struct NewKey {
    /// The whole key, shown once.
    pub text: String,
    pub id_part: String,
    /// SHA-256 of the secret, hex.
    pub digest: String,
}

impl NewKey {
    pub fn generate() -> Self {
        let mut id_part = String::with_capacity(ID_LEN);
        let mut random = [0u8; ID_LEN];
        OsRng.fill_bytes(&mut random);
        for byte in random {
            // 252 = 7 × 36: bytes at or above it are drawn again, so every character is
            // equally likely.
            let mut byte = byte;
            while byte >= 252 {
                let mut one = [0u8; 1];
                OsRng.fill_bytes(&mut one);
                byte = one[0];
            }
            id_part.push(char::from(ID_ALPHABET[usize::from(byte % 36)]));
        }
        let mut secret = [0u8; 32];
        OsRng.fill_bytes(&mut secret);
        let secret = URL_SAFE_NO_PAD.encode(secret);
        Self {
            text: format!("{PREFIX}{id_part}_{secret}"),
            digest: secret_digest(&secret),
            id_part,
        }
    }
}

/// A key as presented, split into its parts: well formed, not necessarily known.
#[derive(Debug, PartialEq, Eq)]
pub struct PresentedKey<'a> {
    pub id_part: &'a str,
    secret: &'a str,
}

impl<'a> PresentedKey<'a> {
    /// Reads `text` as a key; `None` when it cannot be one (wrong length, prefix or
    /// characters). Never panics, whatever the text.
    pub fn parse(text: &'a str) -> Option<Self> {
        if text.len() != KEY_LEN || !text.is_ascii() {
            return None;
        }
        let rest = text.strip_prefix(PREFIX)?;
        let (id_part, rest) = rest.split_at(ID_LEN);
        let secret = rest.strip_prefix('_')?;
        let id_ok = id_part
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        let secret_ok = secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        (id_ok && secret_ok).then_some(Self { id_part, secret })
    }

    /// Whether the secret is the one `digest` was made of, in constant time.
    pub fn matches(&self, digest: &str) -> bool {
        secret_digest(self.secret)
            .as_bytes()
            .ct_eq(digest.as_bytes())
            .into()
    }
}

/// What stands in for a stored digest when no key has the id presented: comparing against
/// it costs what comparing against a real one does, and nothing matches it (no SHA-256 is
/// written with these characters).
pub const DUMMY_DIGEST: &str = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";

/// What is stored of a secret: its SHA-256, hex. The secret has 256 random bits, so a
/// fast hash is enough: a leaked table opens nothing.
fn secret_digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// What is wrong with a key's settings as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySettingProblem {
    NoName,
    /// Too long, or holding a line break or another control character.
    BadName,
    NoScope,
    /// A scope this portal does not have.
    UnknownScope,
    /// Not a whole number of days from 1 to `EXPIRES_DAYS_MAX`.
    BadExpiry,
}

impl KeySettingProblem {
    /// The field the problem is about, as the form names it.
    pub fn field(self) -> &'static str {
        match self {
            Self::NoName | Self::BadName => "name",
            Self::NoScope | Self::UnknownScope => "scopes",
            Self::BadExpiry => "expires_days",
        }
    }

    /// The message's id (`locales/*/keys.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NoName => "keys-name-missing",
            Self::BadName => "keys-name-invalid",
            Self::NoScope => "keys-scope-missing",
            Self::UnknownScope => "keys-scope-unknown",
            Self::BadExpiry => "keys-expiry-invalid",
        }
    }
}

/// A key's checked settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeySettings {
    pub name: String,
    pub scopes: Scopes,
    /// Days until the key stops working; `None`: never.
    pub expires_days: Option<i64>,
}

impl KeySettings {
    /// Checks a key's settings as typed (the form, the command line, a script): every
    /// problem found, each once.
    pub fn parse<S: AsRef<str>>(
        name: &str,
        scopes: &[S],
        expires_days: Option<i64>,
    ) -> Result<Self, Vec<KeySettingProblem>> {
        let mut problems = Vec::new();
        let name = name.trim();
        if name.is_empty() {
            problems.push(KeySettingProblem::NoName);
        } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
            problems.push(KeySettingProblem::BadName);
        }
        let parsed: Option<Vec<Scope>> = scopes.iter().map(|s| Scope::parse(s.as_ref())).collect();
        let scopes = match parsed {
            None => {
                problems.push(KeySettingProblem::UnknownScope);
                Scopes::default()
            }
            Some(parsed) if parsed.is_empty() => {
                problems.push(KeySettingProblem::NoScope);
                Scopes::default()
            }
            Some(parsed) => Scopes::of(&parsed),
        };
        if expires_days.is_some_and(|days| !(1..=EXPIRES_DAYS_MAX).contains(&days)) {
            problems.push(KeySettingProblem::BadExpiry);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Self {
            name: name.to_owned(),
            scopes,
            expires_days,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_new_key_reads_back_and_matches_only_its_digest() {
        let key = NewKey::generate();
        assert_eq!(key.text.len(), KEY_LEN);
        assert!(key.text.starts_with("twostep_"));
        let presented = PresentedKey::parse(&key.text).unwrap();
        assert_eq!(presented.id_part, key.id_part);
        assert!(presented.matches(&key.digest));
        let other = NewKey::generate();
        assert_ne!(other.id_part, key.id_part);
        assert!(!presented.matches(&other.digest));
        assert!(!presented.matches(DUMMY_DIGEST));
    }

    #[test]
    fn the_secret_carries_256_bits() {
        let key = NewKey::generate();
        let secret = &key.text[PREFIX.len() + ID_LEN + 1..];
        assert_eq!(URL_SAFE_NO_PAD.decode(secret).unwrap().len(), 32);
    }

    #[test]
    fn malformed_keys_are_refused() {
        let good = NewKey::generate().text;
        let mut wrong_prefix = good.clone();
        wrong_prefix.replace_range(0..1, "T");
        let mut no_separator = good.clone();
        no_separator.replace_range(PREFIX.len() + ID_LEN..PREFIX.len() + ID_LEN + 1, "x");
        let mut upper_id = good.clone();
        upper_id.replace_range(PREFIX.len()..PREFIX.len() + 1, "A");
        let mut bad_secret = good.clone();
        bad_secret.replace_range(KEY_LEN - 1..KEY_LEN, "=");
        for bad in [
            String::new(),
            "twostep_".into(),
            format!("{good}a"),
            good[..KEY_LEN - 1].to_owned(),
            wrong_prefix,
            no_separator,
            upper_id,
            bad_secret,
            format!("twostep_{}", "é".repeat(28)),
            "\0".repeat(KEY_LEN),
        ] {
            assert_eq!(PresentedKey::parse(&bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_write_scope_reads_what_it_writes() {
        let write = Scopes::of(&[Scope::UsersWrite]);
        assert!(write.allows(Scope::UsersRead));
        assert!(write.allows(Scope::UsersWrite));
        assert!(!write.allows(Scope::AuditRead));
        assert!(write.allows_read_groups());
        let read = Scopes::of(&[Scope::UsersRead]);
        assert!(!read.allows(Scope::UsersWrite));
        assert!(read.allows_read_groups());
        let groups = Scopes::of(&[Scope::GroupsWrite]);
        assert!(groups.allows_read_groups());
        assert!(!groups.allows(Scope::UsersRead));
        let audit = Scopes::of(&[Scope::AuditRead]);
        assert!(!audit.allows_read_groups());
        assert!(!audit.allows(Scope::RoomsWrite));
    }

    #[test]
    fn scopes_have_one_stored_spelling() {
        let all = Scopes::of(&Scope::ALL);
        assert_eq!(
            all.stored(),
            "users:read users:write groups:write rooms:write audit:read"
        );
        assert_eq!(Scopes::from_stored(&all.stored()), Some(all));
        let some = Scopes::of(&[Scope::AuditRead, Scope::UsersRead]);
        assert_eq!(some.stored(), "users:read audit:read");
        for bad in [
            "",
            "audit:read users:read",
            "users:read  audit:read",
            "users:read users:read",
            "users:delete",
        ] {
            assert_eq!(Scopes::from_stored(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn settings_say_every_problem() {
        let none: [&str; 0] = [];
        assert_eq!(
            KeySettings::parse(" ", &none, Some(0)),
            Err(vec![
                KeySettingProblem::NoName,
                KeySettingProblem::NoScope,
                KeySettingProblem::BadExpiry
            ])
        );
        assert_eq!(
            KeySettings::parse(&"x".repeat(NAME_MAX + 1), &["users:read", "root"], None),
            Err(vec![
                KeySettingProblem::BadName,
                KeySettingProblem::UnknownScope
            ])
        );
        assert_eq!(
            KeySettings::parse("a\nb", &["users:read"], Some(EXPIRES_DAYS_MAX + 1)),
            Err(vec![
                KeySettingProblem::BadName,
                KeySettingProblem::BadExpiry
            ])
        );
        assert_eq!(
            KeySettings::parse(" deploy-bot ", &["audit:read", "users:read"], Some(90)),
            Ok(KeySettings {
                name: "deploy-bot".into(),
                scopes: Scopes::of(&[Scope::UsersRead, Scope::AuditRead]),
                expires_days: Some(90),
            })
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Hostile text never panics the parser, and what it accepts has the key's shape.
        #[test]
        fn parsing_any_text_never_panics(text in "\\PC{0,80}") {
            if let Some(key) = PresentedKey::parse(&text) {
                prop_assert_eq!(text.len(), KEY_LEN);
                prop_assert_eq!(key.id_part.len(), ID_LEN);
            }
        }

        #[test]
        fn keys_shaped_almost_right_never_panic(
            id in "[a-z0-9A-Z_é]{10,14}",
            secret in "[A-Za-z0-9_=-]{40,46}",
        ) {
            let text = format!("{PREFIX}{id}_{secret}");
            let _ = PresentedKey::parse(&text);
        }
    }
}
