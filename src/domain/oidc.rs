//! The rules of Twostep as an OpenID Connect provider that need no I/O: which addresses an
//! application may register, what an authorization request may ask, PKCE, and what a
//! sign-in's methods say in an ID token (`amr`, `acr`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use url::Url;

use crate::domain::language::Language;

/// An authorization code lives this long (seconds) and works once.
pub const CODE_TTL_SECS: i64 = 60;
/// ID tokens and access tokens live this long.
pub const TOKEN_TTL_SECS: i64 = 600;
/// `acr` of a sign-in with a second step in this session.
pub const ACR_TWO_STEP: &str = "urn:twostep:two-step";
/// `acr` of a sign-in with one factor.
pub const ACR_PASSWORD: &str = "urn:twostep:password";
/// Most redirect URIs an application registers.
pub const MAX_URIS: usize = 20;

/// What a person did to sign in, in this session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    Password,
    /// A code sent by text message.
    Sms,
    /// A code from the authenticator app.
    App,
    RecoveryCode,
    /// A temporary access code an administrator issued.
    TemporaryCode,
    /// A device the person trusted at an earlier second step on it.
    TrustedDevice,
    /// A passkey or security key (a signature by a key the browser bound to this site).
    Passkey,
    /// The passkey's authenticator verified its user (PIN or biometrics): a passkey
    /// alone signs in with it, as two factors in one gesture.
    UserVerification,
}

impl Proof {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::Sms => "sms",
            Self::App => "app",
            Self::RecoveryCode => "recovery_code",
            Self::TemporaryCode => "temporary_code",
            Self::TrustedDevice => "trusted_device",
            Self::Passkey => "passkey",
            Self::UserVerification => "user_verification",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Password,
            Self::Sms,
            Self::App,
            Self::RecoveryCode,
            Self::TemporaryCode,
            Self::TrustedDevice,
            Self::Passkey,
            Self::UserVerification,
        ]
        .into_iter()
        .find(|p| p.as_str() == text)
    }

    /// The RFC 8176 value. A recovery code is a one-time password, as is a temporary access code; a trusted device is the
    /// possession factor proved earlier on it, named only by `mfa`; a passkey is a
    /// hardware-secured key (`hwk`), and its authenticator's user verification, whose
    /// kind (PIN, fingerprint, face) the portal is not told, is named only by `mfa`.
    fn amr(self) -> Option<&'static str> {
        match self {
            Self::Password => Some("pwd"),
            Self::Sms => Some("sms"),
            Self::App | Self::RecoveryCode | Self::TemporaryCode => Some("otp"),
            Self::TrustedDevice | Self::UserVerification => None,
            Self::Passkey => Some("hwk"),
        }
    }
}

impl From<crate::domain::factors::FactorMethod> for Proof {
    fn from(method: crate::domain::factors::FactorMethod) -> Self {
        match method {
            crate::domain::factors::FactorMethod::Sms => Self::Sms,
            crate::domain::factors::FactorMethod::Authenticator => Self::App,
            crate::domain::factors::FactorMethod::Passkey => Self::Passkey,
        }
    }
}

/// The methods of a sign-in, in the order they were used, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proofs(Vec<Proof>);

impl Proofs {
    pub fn of(proofs: &[Proof]) -> Self {
        let mut all = Self::default();
        for proof in proofs {
            all.add(*proof);
        }
        all
    }

    pub fn add(&mut self, proof: Proof) {
        if !self.0.contains(&proof) {
            self.0.push(proof);
        }
    }

    pub fn all(&self) -> &[Proof] {
        &self.0
    }

    pub fn has(&self, proof: Proof) -> bool {
        self.0.contains(&proof)
    }

    /// Two different factors: a second step was done.
    pub fn two_step(&self) -> bool {
        self.0.len() >= 2
    }

    /// `amr`: what was done, and `mfa` when two factors were.
    pub fn amr(&self) -> Vec<&'static str> {
        let mut amr: Vec<&'static str> = Vec::new();
        for value in self.0.iter().filter_map(|p| p.amr()) {
            if !amr.contains(&value) {
                amr.push(value);
            }
        }
        if self.two_step() {
            amr.push("mfa");
        }
        amr
    }

    pub fn acr(&self) -> &'static str {
        if self.two_step() {
            ACR_TWO_STEP
        } else {
            ACR_PASSWORD
        }
    }

    /// As stored with an authorization code: "password sms".
    pub fn stored(&self) -> String {
        self.0
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn from_stored(text: &str) -> Self {
        Self::of(
            &text
                .split_whitespace()
                .filter_map(Proof::parse)
                .collect::<Vec<_>>(),
        )
    }
}

/// Why a typed redirect URI is refused, as the application form says it (`say`); each
/// carries the address as typed (shortened).
#[derive(Debug, PartialEq, Eq)]
pub enum UriProblem {
    NotAnAddress(String),
    NotHttps(String),
    Unsafe(String),
    TooMany,
}

impl UriProblem {
    /// The refusal in `language` (`locales/*/rooms.ftl`).
    pub fn say(&self, language: Language) -> String {
        let about = |id: &str, address: &str| language.tr(id).arg("address", address).to_string();
        match self {
            Self::NotAnAddress(address) => about("apps-uri-not-an-address", address),
            Self::NotHttps(address) => about("apps-uri-not-https", address),
            Self::Unsafe(address) => about("apps-uri-unsafe", address),
            Self::TooMany => language
                .tr("apps-uri-too-many")
                .num("max", MAX_URIS)
                .to_string(),
        }
    }
}

/// True for hosts that name this machine: a browser reaches them without the network.
fn loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// The redirect (or post-logout) URIs typed one a line: full https addresses (http on
/// loopback), without credentials or fragment, each once, in the order typed. They are
/// kept exactly as typed (trimmed): a request must name one exactly.
pub fn parse_uris(typed: &str) -> Result<Vec<String>, UriProblem> {
    let mut uris: Vec<String> = Vec::new();
    for line in typed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let shown: String = line.chars().take(100).collect();
        let url = Url::parse(line).map_err(|_| UriProblem::NotAnAddress(shown.clone()))?;
        if url.host().is_none() || url.cannot_be_a_base() {
            return Err(UriProblem::NotAnAddress(shown));
        }
        match url.scheme() {
            "https" => {}
            "http" if loopback(&url) => {}
            _ => return Err(UriProblem::NotHttps(shown)),
        }
        if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
            return Err(UriProblem::Unsafe(shown));
        }
        if line.chars().any(char::is_control) || line.contains(char::is_whitespace) {
            return Err(UriProblem::NotAnAddress(shown));
        }
        if !uris.iter().any(|u| u == line) {
            uris.push(line.to_owned());
        }
    }
    if uris.len() > MAX_URIS {
        return Err(UriProblem::TooMany);
    }
    Ok(uris)
}

/// The origin of a registered address ("https://crm.example.com"), for CORS and the
/// pages' `form-action`.
pub fn origin_of(uri: &str) -> Option<String> {
    Url::parse(uri)
        .ok()
        .map(|u| u.origin().ascii_serialization())
        .filter(|o| o != "null")
}

/// The scopes asked for that Twostep answers; `openid` is required.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scopes {
    pub email: bool,
    pub profile: bool,
    pub phone: bool,
}

impl Scopes {
    /// `None` without `openid`. Other unknown scopes are ignored, as OpenID Connect asks.
    pub fn parse(scope: &str) -> Option<Self> {
        let words: Vec<&str> = scope.split(' ').filter(|w| !w.is_empty()).collect();
        words.contains(&"openid").then(|| Self {
            email: words.contains(&"email"),
            profile: words.contains(&"profile"),
            phone: words.contains(&"phone"),
        })
    }

    /// As granted and stored: "openid email".
    pub fn granted(&self) -> String {
        let mut words = vec!["openid"];
        for (on, word) in [
            (self.email, "email"),
            (self.profile, "profile"),
            (self.phone, "phone"),
        ] {
            if on {
                words.push(word);
            }
        }
        words.join(" ")
    }
}

/// A PKCE verifier's form (RFC 7636): 43 to 128 unreserved characters.
fn well_formed_verifier(verifier: &str) -> bool {
    (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// An S256 challenge's form: the base64url SHA-256 of a verifier, 43 characters.
pub fn well_formed_challenge(challenge: &str) -> bool {
    challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// True when `verifier` is the one `challenge` (S256) was made from; compared in constant
/// time.
pub fn pkce_matches(verifier: &str, challenge: &str) -> bool {
    if !well_formed_verifier(verifier) {
        return false;
    }
    let made = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    made.as_bytes().ct_eq(challenge.as_bytes()).into()
}

/// What `prompt` asks. `consent` and `select_account` are answered as by a provider that
/// shows neither (first-party applications; one account per browser).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Prompt {
    #[default]
    Default,
    /// Sign in again, whatever the session.
    Login,
    /// Show nothing: a code or an error at once.
    None,
}

/// `prompt`'s values: `none` alone, or any of the others.
pub fn parse_prompt(text: &str) -> Result<Prompt, &'static str> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    if words.contains(&"none") {
        return if words.len() == 1 {
            Ok(Prompt::None)
        } else {
            Err("prompt=none cannot be combined with other values")
        };
    }
    if let Some(unknown) = words
        .iter()
        .find(|w| !matches!(**w, "login" | "consent" | "select_account"))
    {
        let _ = unknown;
        return Err("prompt holds a value this provider does not know");
    }
    Ok(if words.contains(&"login") {
        Prompt::Login
    } else {
        Prompt::Default
    })
}

/// True when `acr_values` asks for a second step.
pub fn asks_two_step(acr_values: &str) -> bool {
    acr_values.split(' ').any(|v| v == ACR_TWO_STEP)
}

/// `sub`: stable and opaque, neither the email nor a row number. An HMAC of the user's id
/// under a key of this installation, so it stays the same for the account's life.
pub fn subject(key: &[u8], user_id: i64) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(b"twostep oidc subject\0");
    mac.update(user_id.to_string().as_bytes());
    URL_SAFE_NO_PAD.encode(&mac.finalize().into_bytes()[..18])
}

/// The PKCS#1 `RSAPrivateKey` inside a PKCS#8 `PrivateKeyInfo` (the form aws-lc-rs writes
/// and the JWS signer reads): SEQUENCE { INTEGER version, SEQUENCE algorithm,
/// OCTET STRING key }.
pub fn pkcs1_of_pkcs8(der: &[u8]) -> Option<&[u8]> {
    /// One DER element at the start of `input`: (tag, content, rest).
    fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
        let (&tag, rest) = input.split_first()?;
        let (&first, rest) = rest.split_first()?;
        let (len, rest) = if first < 0x80 {
            (usize::from(first), rest)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 || rest.len() < n {
                return None;
            }
            let len = rest[..n]
                .iter()
                .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
            (len, &rest[n..])
        };
        (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
    }
    let (0x30, info, _) = element(der)? else {
        return None;
    };
    let (0x02, _, rest) = element(info)? else {
        return None;
    };
    let (0x30, _, rest) = element(rest)? else {
        return None;
    };
    let (0x04, key, _) = element(rest)? else {
        return None;
    };
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amr_and_acr_say_what_was_done() {
        let password = Proofs::of(&[Proof::Password]);
        assert_eq!(password.amr(), ["pwd"]);
        assert_eq!(password.acr(), ACR_PASSWORD);
        let sms = Proofs::of(&[Proof::Password, Proof::Sms]);
        assert_eq!(sms.amr(), ["pwd", "sms", "mfa"]);
        assert_eq!(sms.acr(), ACR_TWO_STEP);
        let app = Proofs::of(&[Proof::Password, Proof::App, Proof::App]);
        assert_eq!(app.amr(), ["pwd", "otp", "mfa"]);
        let device = Proofs::of(&[Proof::Password, Proof::TrustedDevice]);
        assert_eq!(device.amr(), ["pwd", "mfa"]);
        assert_eq!(Proofs::from_stored(&sms.stored()), sms);
        assert_eq!(Proofs::from_stored("password bogus"), password);
        let passkey_step = Proofs::of(&[Proof::Password, Proof::Passkey]);
        assert_eq!(passkey_step.amr(), ["pwd", "hwk", "mfa"]);
        assert_eq!(passkey_step.acr(), ACR_TWO_STEP);
        let passkey_alone = Proofs::of(&[Proof::Passkey, Proof::UserVerification]);
        assert_eq!(passkey_alone.amr(), ["hwk", "mfa"]);
        assert_eq!(passkey_alone.acr(), ACR_TWO_STEP);
        assert_eq!(Proofs::from_stored(&passkey_alone.stored()), passkey_alone);
        // A passkey without its user verification (a security key with no PIN) is one
        // factor, as a password alone is.
        assert_eq!(Proofs::of(&[Proof::Passkey]).acr(), ACR_PASSWORD);
    }

    #[test]
    fn redirect_uris_are_full_https_addresses_or_loopback() {
        assert_eq!(
            parse_uris(" https://crm.example.com/cb \n\nhttp://127.0.0.1:8765/cb\nhttp://localhost/cb\nhttps://crm.example.com/cb").unwrap(),
            ["https://crm.example.com/cb", "http://127.0.0.1:8765/cb", "http://localhost/cb"]
        );
        for bad in [
            "http://crm.example.com/cb",
            "javascript:alert(1)",
            "/cb",
            "crm.example.com/cb",
            "https://user:pw@crm.example.com/cb",
            "https://crm.example.com/cb#x",
            "data:text/html,hi",
            "ftp://crm.example.com/",
        ] {
            assert!(parse_uris(bad).is_err(), "{bad}");
        }
        let many: String = (0..21)
            .map(|i| format!("https://a.example/{i}\n"))
            .collect();
        assert_eq!(parse_uris(&many), Err(UriProblem::TooMany));
    }

    #[test]
    fn scopes_need_openid_and_ignore_unknown_words() {
        assert_eq!(
            Scopes::parse("email openid"),
            Some(Scopes {
                email: true,
                profile: false,
                phone: false
            })
        );
        assert_eq!(Scopes::parse("email profile"), None);
        assert_eq!(
            Scopes::parse("openid offline_access").unwrap().granted(),
            "openid"
        );
        assert_eq!(
            Scopes::parse("openid phone profile email")
                .unwrap()
                .granted(),
            "openid email profile phone"
        );
    }

    #[test]
    fn pkce_s256_matches_only_its_verifier() {
        // RFC 7636, appendix B.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(well_formed_challenge(challenge));
        assert!(pkce_matches(verifier, challenge));
        assert!(!pkce_matches(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK",
            challenge
        ));
        assert!(!pkce_matches(challenge, challenge), "plain is not S256");
        assert!(!pkce_matches("short", challenge));
    }

    #[test]
    fn prompt_values() {
        assert_eq!(parse_prompt(""), Ok(Prompt::Default));
        assert_eq!(parse_prompt("login consent"), Ok(Prompt::Login));
        assert_eq!(parse_prompt("none"), Ok(Prompt::None));
        assert!(parse_prompt("none login").is_err());
        assert!(parse_prompt("bogus").is_err());
    }

    #[test]
    fn subjects_are_stable_opaque_and_distinct() {
        let a = subject(b"key", 1);
        assert_eq!(a, subject(b"key", 1));
        assert_ne!(a, subject(b"key", 2));
        assert_ne!(a, subject(b"other", 1));
        assert_eq!(a.len(), 24);
    }

    #[test]
    fn pkcs1_is_found_inside_pkcs8() {
        use aws_lc_rs::encoding::AsDer;
        let pair = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
        let pkcs8 = pair.as_der().unwrap();
        let pkcs1 = pkcs1_of_pkcs8(pkcs8.as_ref()).unwrap();
        assert!(aws_lc_rs::rsa::KeyPair::from_der(pkcs1).is_ok());
        assert!(pkcs1_of_pkcs8(&pkcs8.as_ref()[..100]).is_none());
        assert!(pkcs1_of_pkcs8(b"").is_none());
    }
}
