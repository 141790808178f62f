//! Trusted devices and sessions as pages list them: a person's own on My security settings,
//! a user's in the control center; and the instants on pages.

use crate::db::devices::TrustedDevice;
use crate::db::sessions::SessionSummary;
use crate::domain::language::Language;
use crate::domain::time::iso;
use crate::domain::user_agent::describe;

/// An instant on a page: the machine-readable value a small script turns into the reader's
/// own time zone (`static/localtime.js`), and the instant the server writes in words in the
/// page's language, in UTC (`Layout::time`).
pub struct When {
    pub iso: String,
    pub unix: i64,
}

pub fn when(unix: i64) -> When {
    When {
        iso: iso(unix),
        unix,
    }
}

/// A passkey or security key as My security settings lists it.
pub struct PasskeyRow {
    pub id: i64,
    pub name: String,
    pub added: When,
    /// `None`: never used to sign in yet.
    pub last_used: Option<When>,
    /// Synced by a password manager or a phone's account, rather than bound to one device.
    pub synced: bool,
}

impl From<crate::services::factors::passkeys::PasskeyView> for PasskeyRow {
    fn from(passkey: crate::services::factors::passkeys::PasskeyView) -> Self {
        Self {
            id: passkey.id,
            name: passkey.name,
            added: when(passkey.created_at),
            last_used: passkey.last_used_at.map(when),
            synced: passkey.synced,
        }
    }
}

pub struct DeviceRow {
    pub id: i64,
    pub device: String,
    /// The browser showing the page is this device.
    pub this_device: bool,
    pub ip: String,
    pub since: When,
    pub last_used: When,
    /// `None`: until removed.
    pub expires: Option<When>,
}

/// The browser of a User-Agent as a page in `language` names it.
fn browser(user_agent: Option<&str>, language: Language) -> String {
    match user_agent {
        Some(user_agent) => describe(language, user_agent),
        None => language.t("account-unknown-browser"),
    }
}

impl DeviceRow {
    /// `this_device`: the digest of this browser's trusted-device token, if it has one;
    /// `language`: the page's.
    pub(crate) fn from(
        device: TrustedDevice,
        this_device: Option<&str>,
        language: Language,
    ) -> Self {
        Self {
            id: device.id,
            this_device: this_device.is_some_and(|digest| digest == device.token_hash),
            device: browser(device.user_agent.as_deref(), language),
            ip: device.ip.unwrap_or_default(),
            since: when(device.created_at),
            last_used: when(device.last_used_at),
            expires: device.expires_at.map(when),
        }
    }
}

pub struct SessionRow {
    pub public_id: String,
    pub device: String,
    pub ip: String,
    pub signed_in: Option<When>,
    pub last_active: Option<When>,
    pub current: bool,
}

impl SessionRow {
    /// `current`: this browser's session; `language`: the page's.
    pub(crate) fn from(session: SessionSummary, current: Option<&str>, language: Language) -> Self {
        Self {
            current: current == Some(session.public_id.as_str()),
            device: browser(session.user_agent.as_deref(), language),
            ip: session.ip.unwrap_or_default(),
            signed_in: session.signed_in_at.map(when),
            last_active: session.last_seen_at.map(when),
            public_id: session.public_id,
        }
    }
}
