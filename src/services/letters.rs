//! Emails that are not notices of a change: a one-time link (set or reset a password,
//! confirm an address, an invitation) or a pointer to where to go ("you already have an
//! account"). Rendered from askama templates as text and HTML with the same words
//! (`templates/email/letter.txt` and `letter.html`); a letter that carries a one-time link
//! is sealed in the outbox until it is sent, both parts. Each is written in its reader's
//! language (`Services::writing_to`).

use askama::Template;

use super::Services;
use crate::db::audit::Origin;
use crate::db::outbox::{Email, enqueue_sealed, enqueue_with_html};
use crate::db::{DbError, Tx};
use crate::domain::language::Language;
use crate::domain::sealed_mail;

/// A letter: a greeting, what happened, its links, and what to know after.
pub struct Letter<'a> {
    /// The language its words are in (its greeting and `<html lang>` follow).
    pub language: Language,
    pub subject: String,
    /// "Hello {name}," when the recipient has one yet.
    pub name: Option<&'a str>,
    pub lead: String,
    /// Each link with the words that say where it goes.
    pub links: Vec<(String, String)>,
    pub after: Vec<String>,
}

#[derive(Template)]
#[template(path = "email/letter.txt")]
struct LetterText<'a> {
    app: &'a str,
    hello: &'a str,
    l: &'a Letter<'a>,
}

#[derive(Template)]
#[template(path = "email/letter.html")]
struct LetterHtml<'a> {
    app: &'a str,
    hello: &'a str,
    l: &'a Letter<'a>,
}

/// Whether the letter carries a secret (a one-time link) and is sealed until sent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    OneTimeLink,
    None,
}

/// "Hello {name}," in the letter's language, or "Hello," to someone with no name yet.
pub(crate) fn greeting(language: Language, name: Option<&str>) -> String {
    match name {
        Some(name) => language
            .tr("email-hello-name")
            .arg("name", name)
            .to_string(),
        None => language.t("email-hello"),
    }
}

/// The address a request came from, for an email in `language`.
pub(crate) fn from_address(language: Language, origin: &Origin) -> String {
    origin
        .ip
        .clone()
        .unwrap_or_else(|| language.t("email-unknown-address"))
}

impl Services {
    /// The app's name, and the language to write to someone in: their own choice
    /// (`choice`, "Language" on their profile), else the platform's default language.
    pub(crate) async fn writing_to(
        &self,
        tx: &mut Tx,
        choice: Option<Language>,
    ) -> Result<(String, Language), DbError> {
        let platform = self.platform.get_using(&mut **tx).await?;
        Ok((
            platform.app_name,
            choice.unwrap_or(platform.default_language),
        ))
    }

    /// The portal's address of `path`, with a token when one is given.
    pub(crate) fn link(&self, path: &str, token: Option<&str>) -> String {
        let mut link = self.settings.public_url.clone();
        link.set_path(path);
        link.set_query(token.map(|token| format!("token={token}")).as_deref());
        link.to_string()
    }

    /// Queues `letter` to `to` in the change's transaction.
    pub(crate) async fn queue_letter(
        &self,
        tx: &mut Tx,
        user_id: Option<i64>,
        to: &str,
        letter: &Letter<'_>,
        secret: Secret,
    ) -> Result<(), DbError> {
        // The placeholder of an account made with a phone number, until its address is
        // confirmed: the reserved `.invalid` domain receives nothing.
        if to.ends_with(".invalid") {
            return Ok(());
        }
        let app = self.platform.get_using(&mut **tx).await?.app_name;
        let hello = greeting(letter.language, letter.name);
        let render = |result: askama::Result<String>| {
            result.map_err(|err| DbError::Protocol(err.to_string()))
        };
        let text = render(
            LetterText {
                app: &app,
                hello: &hello,
                l: letter,
            }
            .render(),
        )?;
        let html = render(
            LetterHtml {
                app: &app,
                hello: &hello,
                l: letter,
            }
            .render(),
        )?;
        let now = self.clock.now();
        match secret {
            Secret::None => {
                let email = Email {
                    user_id,
                    to,
                    subject: &letter.subject,
                    body: &text,
                };
                enqueue_with_html(&mut **tx, &email, &html, now).await
            }
            Secret::OneTimeLink => {
                let queued = Email {
                    user_id,
                    to,
                    subject: &letter.subject,
                    body: "(an email with a one-time link, sealed until it is sent)",
                };
                let parts = sealed_mail::join_parts(&text, &html);
                let sealed = self
                    .mail_sealer
                    .seal(&sealed_mail::owner(to), parts.as_bytes());
                enqueue_sealed(&mut **tx, &queued, &sealed, now).await
            }
        }
    }
}
