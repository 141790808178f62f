//! Any SMS gateway, through a small adapter of the operator's: `POST {url}` with JSON
//! `{"to", "body", "code_purpose", "idempotency_key"}`, signed so the adapter can tell the
//! portal's requests from anyone else's. The signature header is
//! `X-Twostep-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`
//! (the timestamp inside the MAC lets the adapter refuse replays); `Idempotency-Key`
//! repeats the body's key. A 2xx answer is a sent message (its JSON `id`, if any, is the
//! receipt); 429, 5xx, an unreadable answer or no answer in time is "unavailable"; any
//! other status is a refusal, reported with the status as its code and the answer's words
//! filtered (`SmsError::refused`: an adapter may echo the request, code included).

use futures_util::future::BoxFuture;
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;
use url::Url;

use super::{Receipt, SmsError, SmsProvider, unavailable};
use crate::domain::tokens::random_token;

pub const SIGNATURE_HEADER: &str = "X-Twostep-Signature";

pub struct Webhook {
    http: reqwest::Client,
    url: Url,
    secret: SecretString,
}

impl Webhook {
    pub fn new(http: reqwest::Client, url: Url, secret: SecretString) -> Self {
        Self { http, url, secret }
    }
}

/// The signature header's value for `body` sent at `timestamp`.
pub fn signature(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

impl SmsProvider for Webhook {
    fn name(&self) -> &'static str {
        "webhook"
    }

    fn send<'a>(
        &'a self,
        to: &'a str,
        body: &'a str,
        purpose: &'a str,
    ) -> BoxFuture<'a, Result<Receipt, SmsError>> {
        Box::pin(async move {
            let key = random_token();
            let payload = serde_json::to_vec(&serde_json::json!({
                "to": to,
                "body": body,
                "code_purpose": purpose,
                "idempotency_key": key,
            }))
            .map_err(|err| SmsError::Unavailable(err.to_string()))?;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
            let signed = signature(self.secret.expose_secret().as_bytes(), now, &payload);
            let response = self
                .http
                .post(self.url.clone())
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header(SIGNATURE_HEADER, signed)
                .header("Idempotency-Key", &key)
                .body(payload)
                .send()
                .await
                .map_err(unavailable)?;
            let status = response.status();
            let text = response.text().await.map_err(unavailable)?;
            if status.is_server_error() || status.as_u16() == 429 {
                return Err(SmsError::Unavailable(format!(
                    "the SMS webhook answered HTTP {status}"
                )));
            }
            if !status.is_success() {
                // The adapter's words may repeat the request, code included: filtered.
                return Err(SmsError::refused(&status.as_u16().to_string(), &text));
            }
            // Its id is a receipt for the audit log: kept only when it looks like one.
            let id = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|answer| {
                    answer
                        .get("id")
                        .and_then(|id| id.as_str())
                        .filter(|id| is_receipt(id))
                        .map(str::to_owned)
                });
            Ok(Receipt {
                message_id: id.unwrap_or(key),
            })
        })
    }
}

/// An adapter's message id worth keeping: up to 64 letters, digits, `-`, `_` or `.`.
fn is_receipt(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_id_that_looks_like_one_is_kept_as_the_receipt() {
        assert!(is_receipt("wh-0123abcd.x_y"));
        assert!(!is_receipt(""));
        assert!(!is_receipt("Your code is 123456"));
        assert!(!is_receipt(&"a".repeat(65)));
    }

    #[test]
    fn the_signature_covers_the_timestamp_and_the_exact_body() {
        let a = signature(b"secret", 1_700_000_000, br#"{"to":"+46701234567"}"#);
        // Python: hmac.new(b"secret", b'1700000000.{"to":"+46701234567"}', sha256).hexdigest()
        assert_eq!(
            a,
            "t=1700000000,v1=bedb06d6eca9e3f85ba3d992077c1682e2aaa3dd28cf9e036999148450491abc"
        );
        assert_ne!(
            a,
            signature(b"secret", 1_700_000_001, br#"{"to":"+46701234567"}"#)
        );
        assert_ne!(
            a,
            signature(b"secret", 1_700_000_000, br#"{"to":"+46701234568"}"#)
        );
        assert_ne!(
            a,
            signature(b"other", 1_700_000_000, br#"{"to":"+46701234567"}"#)
        );
    }
}
