//! Delivering email: by SMTP (`TWOSTEP_SMTP_URL`), or, when none is configured, as `.eml`
//! files under the data directory (the zero-setup default). lettre builds the messages and
//! speaks SMTP (STARTTLS or implicit TLS with rustls).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::Settings;

/// Why an email was not delivered this time.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// Worth trying again later (the server is down, busy, or said 4xx).
    #[error("temporary: {0}")]
    Temporary(String),
    /// Will never work (a 5xx answer, an address that is not one).
    #[error("permanent: {0}")]
    Permanent(String),
}

pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        /// Where it connects, for the start-up log (never the password).
        server: String,
    },
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        dir: PathBuf,
    },
}

/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(10);

impl Mailer {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        match &settings.mail.smtp_url {
            Some(url) => {
                let url = url.expose_secret();
                let parsed = url::Url::parse(url).context("TWOSTEP_SMTP_URL must be a URL")?;
                // lettre's defaults: 465 for implicit TLS, 587 otherwise.
                let (default_port, security) = match (
                    parsed.scheme(),
                    parsed.query_pairs().find(|(key, _)| key == "tls"),
                ) {
                    ("smtps", _) => (465, "TLS"),
                    (_, Some((_, mode))) if mode == "required" => (587, "STARTTLS required"),
                    (_, Some((_, mode))) if mode == "opportunistic" => (587, "STARTTLS if offered"),
                    _ => (587, "unencrypted"),
                };
                let server = format!(
                    "{}://{}:{} ({security})",
                    parsed.scheme(),
                    parsed.host_str().unwrap_or_default(),
                    parsed.port().unwrap_or(default_port)
                );
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context(
                        "TWOSTEP_SMTP_URL: smtp:// or smtps://, with ?tls=required for STARTTLS",
                    )?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build();
                Ok(Self::Smtp { transport, server })
            }
            None => {
                let dir = settings.data_dir.join("mail");
                crate::db::create_private_dir(&dir)?;
                Ok(Self::Files {
                    transport: AsyncFileTransport::new(&dir),
                    dir,
                })
            }
        }
    }

    /// Where email goes, for the start-up log.
    pub fn describe(&self) -> String {
        match self {
            Self::Smtp { server, .. } => format!("email is sent by SMTP through {server}"),
            Self::Files { dir, .. } => format!(
                "no TWOSTEP_SMTP_URL: each email is written as an .eml file in {}",
                dir.display()
            ),
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), MailError> {
        match self {
            Self::Smtp { transport, .. } => {
                transport.send(message).await.map(|_| ()).map_err(|err| {
                    if err.is_permanent() {
                        MailError::Permanent(one_line(&err.to_string()))
                    } else {
                        MailError::Temporary(one_line(&err.to_string()))
                    }
                })
            }
            Self::Files { transport, .. } => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|err| MailError::Temporary(one_line(&err.to_string()))),
        }
    }
}

/// The longest reason kept from a mail server's answer.
const REASON_MAX: usize = 200;

/// A mail server's answer as the log and the audit log keep it: one line of printable
/// characters, at most `REASON_MAX` of them.
fn one_line(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(REASON_MAX)
        .collect();
    line.trim().to_owned()
}

/// The sender's mailbox from `TWOSTEP_MAIL_FROM`.
pub fn from_mailbox(text: &str) -> anyhow::Result<Mailbox> {
    text.parse().with_context(|| {
        format!(
            "TWOSTEP_MAIL_FROM: {text:?} is not an address like \"no-reply@example.com\" or \"IT desk <no-reply@example.com>\""
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_servers_answer_is_kept_on_one_line() {
        assert_eq!(
            one_line("550 no such user\r\nX-Forged: yes\u{1b}[0m"),
            "550 no such user  X-Forged: yes [0m"
        );
        assert_eq!(one_line(&"x".repeat(500)).len(), REASON_MAX);
    }

    fn mailer(url: &str) -> anyhow::Result<Mailer> {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::for_database("sqlite::memory:", dir.path());
        settings.mail.smtp_url = Some(url.to_owned().into());
        Mailer::from_settings(&settings)
    }

    #[tokio::test]
    async fn the_smtp_url_picks_plain_starttls_or_implicit_tls_and_the_log_never_shows_a_password()
    {
        for (url, shown) in [
            (
                "smtp://mail.example.com:25",
                "smtp://mail.example.com:25 (unencrypted)",
            ),
            (
                "smtp://user:s3cret@mail.example.com?tls=required",
                "smtp://mail.example.com:587 (STARTTLS required)",
            ),
            (
                "smtps://user:s3cret@mail.example.com",
                "smtps://mail.example.com:465 (TLS)",
            ),
        ] {
            let described = mailer(url).unwrap().describe();
            assert!(described.contains(shown), "{url}: {described}");
            assert!(!described.contains("s3cret"), "{described}");
        }
        for bad in ["not a url", "http://mail.example.com", "smtp://"] {
            let err = mailer(bad).err().map(|e| format!("{e:#}"));
            assert!(
                err.as_deref()
                    .is_some_and(|e| e.contains("TWOSTEP_SMTP_URL")),
                "{bad}: {err:?}"
            );
        }
    }
}
