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

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    /// The provider refused this message (bad number, blocked destination, bad credentials).
    #[error("the provider refused the message (code {code}): {message}")]
    Rejected { code: String, message: String },
    /// The provider could not be reached, timed out, or failed on its side.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
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
