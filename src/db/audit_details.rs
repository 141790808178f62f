//! The stored spellings of audit events' details: what the use cases write beside an event
//! and the audit log's wording (`web/admin/audit/wording.rs`) reads back to word it in the
//! administrator's language (the metrics read the sign-in methods too). They are data, in
//! English like the event names: old rows keep their spelling, so a spelling is never
//! changed, only added.

/// A first administrator made through the set-up link.
pub const SETUP_LINK: &str = "setup link";
/// What an administrator did from the command line, alone or after the detail.
pub const COMMAND_LINE: &str = "command line";
pub const COMMAND_LINE_AFTER: &str = " (command line)";
pub const ACCOUNT_DISABLED: &str = "account disabled";
pub const WRONG_PASSWORD_CONFIRMING: &str = "wrong password confirming the email address";
/// A reset link sent to an account's address not confirmed yet.
pub const RESET_TO_UNCONFIRMED_ADDRESS: &str = "to the address waiting for confirmation";
pub const FIRST_PASSWORD_AFTER_PHONE_CODE: &str =
    "first password, after a code to the verified phone";
pub const LINK_AND_PHONE_CODE: &str = "link and a code to the verified phone";
/// "Stay signed in for" chosen as the browser's own session.
pub const UNTIL_BROWSER_CLOSES: &str = "Until I close the browser";

/// How a sign-in was made.
pub const PASSWORD_ON_TRUSTED_DEVICE: &str = "password on a trusted device";
pub const PASSWORD_AND_SMS_CODE: &str = "password and SMS code";
pub const PASSWORD_AND_APP: &str = "password and authenticator app";
pub const PASSWORD_AND_RECOVERY_CODE: &str = "password and recovery code";
pub const PASSWORD_AND_PASSKEY: &str = "password and passkey";
pub const PASSWORD_AND_TEMPORARY_CODE: &str = "password and temporary access code";
pub const PASSKEY_ALONE: &str = "passkey";
pub const PHONE_CODE: &str = "phone code";
pub const PHONE_REGISTRATION_CODE: &str = "phone registration code";
pub const PHONE_CODE_AND_PASSWORD: &str = "phone code and password";
pub const PHONE_CODE_AND_APP: &str = "phone code and authenticator app";

/// Why a passkey's answer was not accepted.
pub const PASSKEY_STALE: &str = "challenge already used or expired";
pub const PASSKEY_NOT_AN_ANSWER: &str = "not a passkey's answer";
pub const PASSKEY_UNKNOWN: &str = "unknown passkey";
pub const PASSKEY_OTHER_HANDLE: &str = "user handle does not match";
pub const PASSKEY_OTHER_ACCOUNT: &str = "passkey of another account";
pub const PASSKEY_NOT_VERIFIED: &str = "not accepted";
pub const PASSKEY_TWICE: &str = "used twice at once";

/// The method 2-step verification now uses: the app, or texts to a masked number.
pub const AUTHENTICATOR_APP: &str = "an authenticator app";
pub const TEXT_MESSAGES_TO: &str = "text messages to ";

/// What a phone sign-in code request found ("+46 ••• •• 67: account").
pub const NO_ACCOUNT_REGISTRATION_OPEN: &str = "no account, registration open";
pub const NO_ACCOUNT_NOTHING_SENT: &str = "no account, nothing sent";

/// An SMS provider's failure as `sms::SmsError` writes it after the provider's name.
pub const PROVIDER_REFUSED: &str = "the provider refused the message (code ";
pub const PROVIDER_UNAVAILABLE: &str = "the provider is unavailable";

/// A data room's changes, joined by "; ".
pub const ROOM_RENAMED: &str = "name ";
pub const ROOM_ADDRESS_CHANGED: &str = "application address ";
pub const ROOM_NO_ADDRESS: &str = "none";
pub const ROOM_ENFORCED_ON: &str = "enforced two-factor authentication on";
pub const ROOM_ENFORCED_OFF: &str = "enforced two-factor authentication off";
pub const ROOM_NOTHING_CHANGED: &str = "nothing changed";
pub const ROOM_ADMINS_ADDED: &str = "administrators added ";
pub const ROOM_ADMINS_REMOVED: &str = "administrators removed ";
pub const ROOM_AND_REMOVED: &str = ", removed ";
pub const ROOM_INVITED: &str = ", invited ";
pub const ROOM_MEMBER_LEFT: &str = "left the room";
pub const ROOM_MEMBER_LEFT_PHONE_CLEARED: &str =
    "left the room, its two-factor phone number cleared";
/// Every trusted device removed at once: "all 3".
pub const ALL_DEVICES: &str = "all ";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sms::SmsError;

    #[test]
    fn provider_failures_are_written_as_the_wording_reads_them() {
        let refused = SmsError::Rejected {
            code: "21211".into(),
            message: "Invalid number".into(),
        };
        assert!(refused.to_string().starts_with(PROVIDER_REFUSED));
        let unavailable = SmsError::Unavailable("timed out".into());
        assert!(unavailable.to_string().starts_with(PROVIDER_UNAVAILABLE));
    }
}
