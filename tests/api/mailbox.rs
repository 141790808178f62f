//! The emails a test portal wrote: with no SMTP server configured (the default), each is a
//! `.eml` file under the data directory, read here as a mail client would.

use std::time::{Duration, Instant};

use crate::helpers::TestApp;
use crate::smtp::Received;

impl TestApp {
    /// Every email written so far, in no particular order.
    pub fn mailbox(&self) -> Vec<Received> {
        let Ok(files) = std::fs::read_dir(self.data_dir().join("mail")) else {
            return Vec::new();
        };
        files
            .flatten()
            .filter(|f| f.path().extension().is_some_and(|e| e == "eml"))
            .filter_map(|f| std::fs::read_to_string(f.path()).ok())
            .map(|data| Received {
                from: String::new(),
                to: Vec::new(),
                data,
            })
            .collect()
    }

    /// The texts of the emails to `to`.
    pub fn mail_to(&self, to: &str) -> Vec<String> {
        self.mailbox()
            .into_iter()
            .filter(|m| m.header("To").is_some_and(|t| t.contains(to)))
            .map(|m| m.text())
            .collect()
    }

    /// The one-time link to `path` emailed to `to` (waiting up to 10 s for the outbox), as
    /// a path with its token. When several were sent, the newest (they replace each other,
    /// so only it works).
    pub async fn link_in_mail(&self, to: &str, path: &str) -> String {
        let prefix = format!("{path}?token=");
        let started = Instant::now();
        loop {
            let mut links: Vec<(i64, String)> = self
                .mailbox()
                .into_iter()
                .filter(|m| m.header("To").is_some_and(|t| t.contains(to)))
                .filter_map(|m| {
                    let text = m.text();
                    let start = text.find(&prefix)?;
                    let token: String = text[start + prefix.len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                        .collect();
                    Some((outbox_id(&m), format!("{prefix}{token}")))
                })
                .collect();
            links.sort();
            if let Some((_, link)) = links.pop() {
                return link;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no email to {to} with a link to {path}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The outbox row an email was sent from (its `Message-ID` is `<outbox.N…>`): the order in
/// which they were queued.
fn outbox_id(mail: &Received) -> i64 {
    mail.header("Message-ID")
        .and_then(|id| {
            let digits: String = id
                .trim_start_matches("<outbox.")
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .unwrap_or_default()
}
