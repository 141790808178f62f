//! Email: queued by the use cases that write it, read back from the `.eml` files the
//! portal writes when no SMTP server is set.

use std::path::Path;
use std::time::Duration;

use twostep::services::admin::{Actor, AddUser};

use super::{Kit, command_line};

impl Kit<'_> {
    /// Queues `count` emails, one to each of `user0@example.com`… : accounts added as
    /// the control center adds them, each emailed its "set your password" link.
    pub async fn queue_emails(&self, count: usize) {
        for n in 0..count {
            let new = AddUser {
                name: format!("User {n}"),
                email: format!("user{n}@example.com"),
                phone: None,
                groups: Vec::new(),
                admin: false,
                invite: true,
            };
            self.services
                .add_user(Actor::CommandLine, &new, &command_line())
                .await
                .unwrap()
                .expect("a new address");
        }
    }
}

/// The path (with its token) of the link to `path` in the email to `to` among the `.eml`
/// files under `data_dir`, waiting (up to 10 s) for the portal's worker to write it.
pub async fn link_in_eml(data_dir: &Path, to: &str, path: &str) -> String {
    let start = format!("{path}?token=");
    for _ in 0..100 {
        let found = std::fs::read_dir(data_dir.join("mail"))
            .into_iter()
            .flatten()
            .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
            // Quoted-printable: soft line breaks joined, "=3D" back to "=".
            .map(|eml| eml.replace("=\r\n", "").replace("=3D", "="))
            .filter(|eml| eml.contains(&format!("To: {to}")))
            // The path: the portal's public address is not where the test serves it.
            .find_map(|eml| {
                let link = &eml[eml.find(&start)?..];
                let end = link.find(|c: char| c.is_whitespace() || c == '"' || c == '<')?;
                Some(link[..end].to_owned())
            });
        if let Some(link) = found {
            return link;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "no email to {to} with a link to {path} under {}",
        data_dir.display()
    );
}
