//! Sending text messages. One trait, one file per provider; the provider is chosen at start
//! from the settings. Provider errors are logged with the provider's own error code, never
//! with the message text (it holds the code).

mod clickatell;
mod log;
mod twilio;
mod webhook;

use std::sync::Arc;

use futures_util::future::BoxFuture;

use crate::config::{Settings, SmsSettings};

pub use clickatell::Clickatell;
pub use log::LogSms;
pub use twilio::Twilio;
pub use webhook::{SIGNATURE_HEADER, Webhook, signature};

/// What the provider said when it took the message.
#[derive(Debug)]
pub struct Receipt {
    /// The provider's id for the message (Twilio's `sid`, Clickatell's `apiMessageId`).
    pub message_id: String,
}

/// Why a message was not sent. What it carries goes into the log and the audit log, so the
/// provider's own words only ever enter it through `SmsError::refused` and `from_provider`.
#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    /// The provider refused this message (bad number, blocked destination, bad credentials).
    #[error("the provider refused the message (code {code}): {message}")]
    Rejected { code: String, message: String },
    /// The provider could not be reached, timed out, or failed on its side.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
}

/// The longest reason kept from a provider's answer.
const REASON_MAX: usize = 80;

impl SmsError {
    /// A refusal with the provider's code and reason, as far as they are safe to keep: an
    /// answer can echo the request, the message and its code included.
    pub fn refused(code: &str, reason: &str) -> Self {
        let code: String = code
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(12)
            .collect();
        let reason = from_provider(reason, REASON_MAX);
        Self::Rejected {
            code,
            message: if reason.is_empty() {
                "no reason given".to_owned()
            } else {
                reason
            },
        }
    }
}

/// What may be kept of text a provider wrote: letters, spaces and plain punctuation, each
/// run of digits masked as `#` (a code, a number), at most `max` characters. Anything else
/// (control characters, markup, other scripts) becomes a space.
pub fn from_provider(text: &str, max: usize) -> String {
    let mut kept = String::new();
    let mut last = ' ';
    for c in text.chars() {
        let c = match c {
            '0'..='9' if last == '#' => continue,
            '0'..='9' => '#',
            c if c.is_ascii_alphabetic() || ".,:;'()/_-+".contains(c) => c,
            _ if last == ' ' => continue,
            _ => ' ',
        };
        if kept.chars().count() == max {
            kept.push('…');
            break;
        }
        kept.push(c);
        last = c;
    }
    kept.trim_end().to_owned()
}

pub trait SmsProvider: Send + Sync {
    /// A short name for logs and metrics.
    fn name(&self) -> &'static str;

    /// True when messages are not really sent (the UI says so).
    fn is_development(&self) -> bool {
        false
    }

    /// Sends `body` to `to` (E.164); `purpose` says what the code is for ("sign_in",
    /// "phone_enrolment", "room_entry"…), for gateways that route or report by it.
    fn send<'a>(
        &'a self,
        to: &'a str,
        body: &'a str,
        purpose: &'a str,
    ) -> BoxFuture<'a, Result<Receipt, SmsError>>;
}

/// Builds the provider named in the settings.
pub fn provider_from_settings(settings: &Settings) -> anyhow::Result<Arc<dyn SmsProvider>> {
    let http = || {
        reqwest::Client::builder()
            .connect_timeout(settings.sms_connect_timeout)
            .timeout(settings.sms_timeout)
            .user_agent(concat!("twostep/", env!("CARGO_PKG_VERSION")))
            .build()
    };
    Ok(match &settings.sms {
        SmsSettings::Log => Arc::new(LogSms),
        SmsSettings::Twilio {
            account_sid,
            auth_token,
            from,
            api_base,
        } => Arc::new(Twilio::new(
            http()?,
            api_base.clone(),
            account_sid.clone(),
            auth_token.clone(),
            from.clone(),
        )),
        SmsSettings::Clickatell { api_key, api_base } => {
            Arc::new(Clickatell::new(http()?, api_base.clone(), api_key.clone()))
        }
        SmsSettings::Webhook { url, secret } => {
            Arc::new(Webhook::new(http()?, url.clone(), secret.clone()))
        }
    })
}

/// Turns a transport failure into `Unavailable`, saying whether it was a timeout.
fn unavailable(err: reqwest::Error) -> SmsError {
    if err.is_timeout() {
        SmsError::Unavailable("timed out".into())
    } else if err.is_connect() {
        SmsError::Unavailable("could not connect".into())
    } else {
        SmsError::Unavailable(err.without_url().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_providers_words_are_kept_without_digits_markup_or_line_breaks() {
        assert_eq!(
            from_provider(
                "Your Acme verification code is 123456.\n\n@portal #123456 to +46701234567",
                200
            ),
            "Your Acme verification code is #. portal # to +#"
        );
        assert_eq!(
            from_provider("<b>bad</b>\r\nX-Injected: 1", 200),
            "b bad /b X-Injected: #"
        );
        assert_eq!(
            from_provider("invalid destination", 200),
            "invalid destination"
        );
        assert_eq!(from_provider("abcdef", 3), "abc…");
        assert_eq!(from_provider("\u{1b}[31m", 10), "#m");
    }

    #[test]
    fn a_refusal_keeps_a_short_code_and_a_filtered_reason() {
        let SmsError::Rejected { code, message } =
            SmsError::refused("21211\n<x>", "code 654321 refused")
        else {
            unreachable!()
        };
        assert_eq!(
            (code.as_str(), message.as_str()),
            ("21211x", "code # refused")
        );
        let SmsError::Rejected { message, .. } = SmsError::refused("422", " \n ") else {
            unreachable!()
        };
        assert_eq!(message, "no reason given");
    }
}
