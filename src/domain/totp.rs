//! Authenticator apps: RFC 6238 TOTP (SHA-1, 6 digits, 30 s) through totp-rs, with ±1 step
//! accepted. Which step was used is returned so the caller can refuse it ever again.

use rand::RngCore;
use totp_rs::{Algorithm, Builder, Secret, Totp};

pub const STEP_SECS: u64 = 30;
pub const DIGITS: u8 = 6;
/// 160 bits, as RFC 4226 recommends.
pub const SECRET_BYTES: usize = 20;

pub fn generate_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    secret
}

fn totp(secret: &[u8], digits: u8, skew: u16) -> anyhow::Result<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(digits)
        .with_skew(skew)
        .with_step_duration(STEP_SECS)
        .with_secret(Secret::from(secret.to_vec()))
        .build()
        .map_err(|err| anyhow::anyhow!("building the TOTP: {err}"))
}

/// The code for the step that contains `unix_time`.
pub fn code_at(secret: &[u8], unix_time: u64, digits: u8) -> anyhow::Result<String> {
    Ok(totp(secret, digits, 0)?.generate(unix_time).to_string())
}

/// The step (`unix_time / 30`) a six-digit `code` belongs to, if it is the current step,
/// the one before or the one after. totp-rs compares tokens in constant time.
pub fn matching_step(secret: &[u8], code: &str, unix_time: u64) -> anyhow::Result<Option<i64>> {
    let step = totp(secret, DIGITS, 1)?.check(code, unix_time);
    Ok(step.and_then(|step| i64::try_from(step).ok()))
}

/// The key as people type it into an app: base32 without padding.
pub fn secret_base32(secret: &[u8]) -> String {
    Secret::from(secret.to_vec())
        .to_base32()
        .trim_end_matches('=')
        .to_owned()
}

/// The key in groups of four, for reading off the screen.
pub fn grouped(base32: &str) -> String {
    base32
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `otpauth://totp/{app}:{email}?secret=…&issuer={app}&algorithm=SHA1&digits=6&period=30`
pub fn otpauth_uri(app_name: &str, email: &str, secret: &[u8]) -> String {
    let encode = |text: &str| {
        percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        encode(app_name),
        encode(email),
        secret_base32(secret),
        encode(app_name),
    )
}

/// The QR code of `text` as an inline SVG (no external request, no script).
pub fn qr_svg(text: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::new(text.as_bytes())?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_SEED: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc_6238_appendix_b_sha1_vectors() {
        for (time, expected) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(code_at(RFC_SEED, time, 8).unwrap(), expected, "T = {time}");
        }
    }

    #[test]
    fn one_step_either_side_is_accepted_and_no_further() {
        let secret = generate_secret();
        let now = 1_700_000_015;
        let step = (now / STEP_SECS) as i64;
        for (offset, expected) in [
            (0, Some(step)),
            (-30, Some(step - 1)),
            (30, Some(step + 1)),
            (-60, None),
            (60, None),
        ] {
            let code = code_at(&secret, (now as i64 + offset) as u64, DIGITS).unwrap();
            assert_eq!(
                matching_step(&secret, &code, now).unwrap(),
                expected,
                "offset {offset}"
            );
        }
        assert_eq!(matching_step(&secret, "12345", now).unwrap(), None);
    }

    #[test]
    fn secrets_are_160_random_bits() {
        let a = generate_secret();
        assert_eq!(a.len(), 20);
        assert_ne!(a, generate_secret());
        assert_eq!(secret_base32(&a).len(), 32);
    }

    #[test]
    fn the_uri_names_the_app_and_the_account() {
        let uri = otpauth_uri("Twostep", "ada@example.com", RFC_SEED);
        assert_eq!(
            uri,
            "otpauth://totp/Twostep:ada%40example%2Ecom?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Twostep&algorithm=SHA1&digits=6&period=30"
        );
        assert_eq!(grouped("GEZDGNBVGY"), "GEZD GNBV GY");
    }

    #[test]
    fn the_qr_code_is_svg() {
        let svg = qr_svg("otpauth://totp/Twostep:a?secret=ABC").unwrap();
        assert!(svg.contains("<svg") && !svg.contains("<script"));
    }
}

/// Properties of checking what is typed against an authenticator app's codes.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::codes::normalise_code;
    use proptest::prelude::*;

    fn secret() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(any::<u8>(), SECRET_BYTES)
    }

    /// Any time a clock can show, from the epoch to the year 10 000.
    fn time() -> impl Strategy<Value = u64> {
        0u64..253_402_300_800
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn a_matching_step_is_within_one_step_and_has_that_code(
            secret in secret(),
            code in prop_oneof![any::<String>(), "[0-9]{5,7}", "[0-9+\\- ]{6}"],
            now in time(),
        ) {
            let step = matching_step(&secret, &code, now).unwrap();
            if let Some(step) = step {
                let current = (now / STEP_SECS) as i64;
                prop_assert!((step - current).abs() <= 1, "step {step} at {now}");
                prop_assert_eq!(code_at(&secret, step as u64 * STEP_SECS, DIGITS).unwrap(), code);
            }
        }

        #[test]
        fn the_apps_code_is_a_code_and_matches_its_own_step(
            secret in secret(),
            now in time(),
            offset in -1i64..=1,
        ) {
            let current = (now / STEP_SECS) as i64;
            let Some(at) = u64::try_from(now as i64 + offset * STEP_SECS as i64).ok() else {
                return Ok(());
            };
            let code = code_at(&secret, at, DIGITS).unwrap();
            prop_assert_eq!(normalise_code(&code), Ok(code.clone()));
            let step = matching_step(&secret, &code, now).unwrap();
            // Another step of the window may share the code (one chance in a million);
            // never one outside it.
            prop_assert!(step.is_some_and(|step| (step - current).abs() <= 1));
        }

        #[test]
        fn codes_two_steps_away_never_match_outside_the_window(
            secret in secret(),
            now in 60u64..253_402_300_800,
            away in prop::sample::select(vec![-2i64, 2, -100, 100]),
        ) {
            let at = (now as i64 + away * STEP_SECS as i64) as u64;
            let code = code_at(&secret, at, DIGITS).unwrap();
            let current = (now / STEP_SECS) as i64;
            if let Some(step) = matching_step(&secret, &code, now).unwrap() {
                prop_assert!((step - current).abs() <= 1);
            }
        }
    }
}
