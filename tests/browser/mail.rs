//! Journeys that go through an email: the portal sends to the test SMTP server, and the
//! browser opens the link the email carries.

use std::time::Duration;

use super::accessibility::check_page;
use super::admin::{add_account, seeder, turn_on_sms};
use super::smtp::SmtpServer;
use super::{browser, enter_code, expect_text, fill, follow, portal_with, press};

const NEW_PASSWORD: &str = "a fresh passphrase for Katherine";

/// The path of the newest link to `path` in an email to `to`, waiting (up to 10 s) for it.
async fn link_in_email(smtp: &SmtpServer, to: &str, path: &str) -> String {
    let prefix = format!("{path}?token=");
    for _ in 0..100 {
        let found = smtp
            .received()
            .into_iter()
            .rev()
            .filter(|m| m.to == [to])
            .map(|m| m.text())
            .find_map(|text| {
                let link = &text[text.find(&prefix)?..];
                let end = link.find(|c: char| c.is_whitespace()).unwrap_or(link.len());
                Some(link[..end].to_owned())
            });
        if let Some(link) = found {
            return link;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no email to {to} with a link to {path}");
}

/// The path of the newest link to `path` in an email to `to` that a portal without SMTP
/// wrote as an `.eml` file under `dir` (its data directory), waiting (up to 10 s) for it.
pub(super) async fn link_in_mail_file(dir: &std::path::Path, to: &str, path: &str) -> String {
    let prefix = format!("{path}?token=");
    for _ in 0..100 {
        let mut found: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(dir.join("mail"))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|f| f.path().extension().is_some_and(|e| e == "eml"))
            .filter_map(|f| {
                let written = f.metadata().ok()?.modified().ok()?;
                let data = std::fs::read_to_string(f.path()).ok()?;
                let mail = super::smtp::Received {
                    from: String::new(),
                    to: Vec::new(),
                    data,
                };
                mail.header("To").filter(|t| t.contains(to))?;
                let text = mail.text();
                let link = &text[text.find(&prefix)?..];
                let end = link.find(|c: char| c.is_whitespace()).unwrap_or(link.len());
                Some((written, link[..end].to_owned()))
            })
            .collect();
        found.sort();
        if let Some((_, link)) = found.pop() {
            return link;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no email to {to} with a link to {path}");
}

/// "Forgot your password?" from the sign-in page, the email in the SMTP server, a new
/// password, and the next sign-in, which still asks for the code.
#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_password_is_reset_from_the_email() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let smtp = SmtpServer::start().await;
    let smtp_url = smtp.url();
    let (address, sms, dir) = portal_with(move |settings| {
        settings.mail.smtp_url = Some(secrecy::SecretString::from(smtp_url));
        settings.mail.poll = Duration::from_millis(100);
    })
    .await;
    let seeder = seeder(&dir, &sms);
    let id = add_account(&seeder, "Katherine Johnson", "katherine@example.com", false).await;
    turn_on_sms(&seeder, id, "+46705550101").await;

    client.goto(&format!("{address}/login")).await.unwrap();
    follow(&client, "Forgot your password?").await;
    expect_text(&client, "Send reset link").await;
    check_page(&client, "forgot your password, from the sign-in page").await;
    fill(&client, "Email", "katherine@example.com").await;
    press(&client, "Send reset link").await;
    expect_text(&client, "If an account has the address").await;

    let link = link_in_email(&smtp, "katherine@example.com", "/password/set").await;
    client.goto(&format!("{address}{link}")).await.unwrap();
    expect_text(&client, "Choose the password for katherine@example.com").await;
    check_page(&client, "set your password, from the email").await;
    fill(&client, "New password", "short").await;
    press(&client, "Set password").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "set your password, refused").await;
    fill(&client, "New password", NEW_PASSWORD).await;
    press(&client, "Set password").await;
    expect_text(&client, "Your password is set. Sign in with it.").await;
    check_page(&client, "sign in, password set").await;

    fill(&client, "Email", "katherine@example.com").await;
    fill(&client, "Password", NEW_PASSWORD).await;
    press(&client, "Sign in").await;
    expect_text(&client, "Enter your verification code").await;
    enter_code(&client, &sms.last_code_to("+46705550101")).await;
    expect_text(&client, "Hello, Katherine Johnson").await;

    // The link worked once.
    client.goto(&format!("{address}{link}")).await.unwrap();
    expect_text(&client, "This link has expired or was already used.").await;
    client.close().await.unwrap();
}
