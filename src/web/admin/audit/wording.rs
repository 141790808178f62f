//! The audit log in the administrator's language: a label and a group for every kind of
//! event (one exhaustive table, so a new kind does not build without its group; its label
//! is the message `event-…` of its stored name), and each stored detail read back as a
//! sentence (`locales/*/audit.ftl`). Details keep what was stored at the time, in the
//! portal's own spellings; only their reading changes here, so old rows read as well as
//! new ones.

use crate::db::audit::EventKind;
use crate::db::audit_details as details;
use crate::domain::api_keys::Scopes;
use crate::domain::codes::Purpose;
use crate::domain::factors::FactorMethod;
use crate::domain::language::Language;

/// The groups of the event filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventGroup {
    SignIn,
    TwoStep,
    Administration,
    Rooms,
    TextMessages,
}

impl EventGroup {
    pub const ALL: [Self; 5] = [
        Self::SignIn,
        Self::TwoStep,
        Self::Administration,
        Self::Rooms,
        Self::TextMessages,
    ];

    pub fn label(self, language: Language) -> String {
        language.t(match self {
            Self::SignIn => "audit-group-sign-in",
            Self::TwoStep => "audit-group-two-step",
            Self::Administration => "audit-group-administration",
            Self::Rooms => "audit-group-rooms",
            Self::TextMessages => "audit-group-text-messages",
        })
    }
}

/// Where the filter lists each kind of event.
pub fn group(kind: EventKind) -> EventGroup {
    use EventGroup::{Administration, Rooms, SignIn, TextMessages, TwoStep};
    match kind {
        EventKind::UserRegistered
        | EventKind::UserRegisteredByPhone
        | EventKind::RegisteredAgain
        | EventKind::EmailConfirmed
        | EventKind::SignInSucceeded
        | EventKind::SignInFailed
        | EventKind::SignInThrottled
        | EventKind::SignInUnconfirmed
        | EventKind::SignInCodeRequired
        | EventKind::SignInTrustedDevice
        | EventKind::PhoneSignInCodeRequested
        | EventKind::PhoneSignInSucceeded
        | EventKind::PhoneSignInFailed
        | EventKind::PhoneSecondFactorRequired
        | EventKind::SignedOut
        | EventKind::ReauthSucceeded
        | EventKind::ReauthFailed
        | EventKind::PasswordChanged
        | EventKind::PasswordChangeFailed
        | EventKind::PasswordResetRequested
        | EventKind::PasswordSet
        | EventKind::SessionEnded
        | EventKind::OtherSessionsEnded
        | EventKind::SessionDurationChanged
        | EventKind::ProfilePhoneChanged
        | EventKind::HelpRequested
        | EventKind::AccountSecured
        | EventKind::SignedInToApplication
        | EventKind::PasskeyRefused
        | EventKind::PasskeyCounterRefused => SignIn,
        EventKind::TwoStepEnabled
        | EventKind::TwoStepDisabled
        | EventKind::MethodChanged
        | EventKind::FactorRemoved
        | EventKind::PhoneChanged
        | EventKind::CodeVerified
        | EventKind::CodeFailed
        | EventKind::CodeLocked
        | EventKind::TotpVerified
        | EventKind::TotpFailed
        | EventKind::TotpReplayRefused
        | EventKind::RecoveryCodesGenerated
        | EventKind::RecoveryCodesReplaced
        | EventKind::RecoveryCodeUsed
        | EventKind::RecoveryCodeFailed
        | EventKind::TemporaryCodeIssued
        | EventKind::TemporaryCodeUsed
        | EventKind::TemporaryCodeFailed
        | EventKind::DeviceTrusted
        | EventKind::DeviceRemoved
        | EventKind::PasskeyAdded
        | EventKind::PasskeyRemoved => TwoStep,
        EventKind::AdminCreated
        | EventKind::UserCreatedFromCommandLine
        | EventKind::UserAddedByAdmin
        | EventKind::PasswordLinkMade
        | EventKind::PlatformSettingsChanged
        | EventKind::TwoStepReset
        | EventKind::AccountDisabled
        | EventKind::AccountEnabled
        | EventKind::AdminGranted
        | EventKind::AdminRevoked
        | EventKind::SessionsEndedByAdmin
        | EventKind::PhoneSetByAdmin
        | EventKind::NameChangedByAdmin
        | EventKind::GroupCreated
        | EventKind::GroupRenamed
        | EventKind::GroupDeleted
        | EventKind::GroupRuleChanged
        | EventKind::GroupMemberAdded
        | EventKind::GroupMemberRemoved
        | EventKind::EmailGivenUp
        | EventKind::ApplicationAdded
        | EventKind::ApplicationChanged
        | EventKind::ApplicationSecretRenewed
        | EventKind::ApplicationDeleted
        | EventKind::ApiKeyCreated
        | EventKind::ApiKeyRevoked
        | EventKind::TwoStepReminderSent
        | EventKind::SecretKeyRotated
        | EventKind::SigningKeyRotated => Administration,
        EventKind::RoomCreated
        | EventKind::RoomEdited
        | EventKind::RoomEnforcementOn
        | EventKind::RoomEnforcementOff
        | EventKind::RoomGroupCreated
        | EventKind::RoomMemberAdded
        | EventKind::RoomMemberRemoved
        | EventKind::RoomInvitationMade
        | EventKind::RoomInvitationAccepted
        | EventKind::RoomPhoneSet
        | EventKind::RoomPhoneCleared
        | EventKind::RoomStepPassed
        | EventKind::RoomStepFailed
        | EventKind::RoomStepLocked => Rooms,
        EventKind::SmsSent | EventKind::SmsSendFailed | EventKind::SmsSendRefused => TextMessages,
    }
}

/// What an administrator calls a kind of event: the message `event-` and its stored name
/// ("two_step.enabled" reads `event-two-step-enabled`).
pub fn label(language: Language, kind: EventKind) -> String {
    language.t(&format!("event-{}", kind.as_str().replace(['.', '_'], "-")))
}

/// The label of a stored event name; a name the portal no longer writes shows as stored.
pub fn label_of(language: Language, event: &str) -> String {
    EventKind::from_stored(event).map_or_else(|| event.to_owned(), |kind| label(language, kind))
}

/// The detail of an event as a sentence (of a name the portal no longer writes: as
/// stored). `subject_known`: the event names an account.
pub fn sentence(
    language: Language,
    event: &str,
    detail: Option<&str>,
    subject_known: bool,
) -> String {
    // What an administrator did from the command line says so at the end of its detail.
    let (detail, command_line) = match detail {
        Some(details::COMMAND_LINE) => (None, true),
        Some(text) => match text.strip_suffix(details::COMMAND_LINE_AFTER) {
            Some(text) => (Some(text), true),
            None => (Some(text), false),
        },
        None => (None, false),
    };
    let kind = EventKind::from_stored(event);
    let said = match kind {
        Some(kind) => Say {
            language,
            detail,
            subject_known,
        }
        .say(kind),
        None => detail.unwrap_or_default().to_owned(),
    };
    // Its label says so already.
    let command_line = command_line && kind != Some(EventKind::UserCreatedFromCommandLine);
    match (said.is_empty(), command_line) {
        (_, false) => said,
        (true, true) => language.t("audit-command-line"),
        (false, true) => language
            .tr("audit-and-command-line")
            .arg("sentence", said)
            .to_string(),
    }
}

/// One stored detail being read in a language.
struct Say<'a> {
    language: Language,
    detail: Option<&'a str>,
    subject_known: bool,
}

impl Say<'_> {
    fn t(&self, id: &str) -> String {
        self.language.t(id)
    }

    /// `id` with its one variable `name` filled by `value`.
    fn with(&self, id: &str, name: &'static str, value: &str) -> String {
        self.language.tr(id).arg(name, value).to_string()
    }

    /// `id` with the detail as its variable `name`, or nothing without a detail.
    fn of_detail(&self, id: &str, name: &'static str) -> String {
        self.detail
            .map(|detail| self.with(id, name, detail))
            .unwrap_or_default()
    }

    /// A detail already written for people, as a sentence: a capital, a full stop.
    fn as_stored(&self) -> String {
        self.detail.map(as_sentence).unwrap_or_default()
    }

    fn say(&self, kind: EventKind) -> String {
        let text = self.detail.unwrap_or_default();
        let detail = self.detail;
        let subject_known = self.subject_known;
        let or_as_stored = || self.as_stored();
        match kind {
            EventKind::AdminCreated => match text {
                details::SETUP_LINK => self.t("audit-say-setup-link"),
                _ => or_as_stored(),
            },
            EventKind::SignInSucceeded | EventKind::PhoneSignInSucceeded => match detail {
                None => self.t("audit-say-with-password"),
                Some(how) => how_signed_in(how).map_or_else(or_as_stored, |id| self.t(id)),
            },
            EventKind::SignInFailed => match detail {
                None if subject_known => self.t("audit-say-wrong-password"),
                None => self.t("audit-say-no-account"),
                Some(details::ACCOUNT_DISABLED) => self.t("audit-say-right-password-disabled"),
                Some(details::WRONG_PASSWORD_CONFIRMING) => {
                    self.t("audit-say-wrong-password-confirming")
                }
                Some(_) => or_as_stored(),
            },
            EventKind::SignInThrottled if subject_known => self.t("audit-say-throttled"),
            EventKind::SignInThrottled => self.t("audit-say-throttled-no-account"),
            EventKind::SignInCodeRequired => match method(text) {
                Some(FactorMethod::Sms) => self.t("audit-say-next-sms"),
                Some(FactorMethod::Authenticator) => self.t("audit-say-next-app"),
                Some(FactorMethod::Passkey) => self.t("audit-say-next-passkey"),
                None => or_as_stored(),
            },
            EventKind::SignInTrustedDevice => self.t("audit-say-trusted-device-sign-in"),
            EventKind::SignInUnconfirmed => self.t("audit-say-unconfirmed"),
            EventKind::PasswordChangeFailed => self.t("audit-say-current-password-wrong"),
            EventKind::ReauthFailed => self.t("audit-say-wrong-password"),
            EventKind::PasswordResetRequested => match detail {
                None => self.t("audit-say-reset-emailed"),
                Some(details::RESET_TO_UNCONFIRMED_ADDRESS) => {
                    self.t("audit-say-reset-emailed-unconfirmed")
                }
                Some(_) => or_as_stored(),
            },
            EventKind::PasswordSet => match detail {
                None => self.t("audit-say-password-set-link"),
                Some(details::FIRST_PASSWORD_AFTER_PHONE_CODE) => {
                    self.t("audit-say-password-set-first")
                }
                Some(details::LINK_AND_PHONE_CODE) => {
                    self.t("audit-say-password-set-link-and-code")
                }
                Some(_) => or_as_stored(),
            },
            EventKind::RegisteredAgain => self.t("audit-say-registered-again"),
            EventKind::OtherSessionsEnded => match count_before(text, " ended") {
                Some(n) => self
                    .language
                    .tr("audit-say-other-sessions-ended")
                    .count(n)
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::SessionDurationChanged => match detail {
                Some(details::UNTIL_BROWSER_CLOSES) => self.t("audit-say-until-browser-closes"),
                Some(choice) => self.with(
                    "audit-say-stays-signed-in",
                    "duration",
                    &duration(self.language, choice).unwrap_or_else(|| choice.to_owned()),
                ),
                None => String::new(),
            },
            EventKind::ProfilePhoneChanged => self.of_detail("audit-say-profile-phone", "phone"),
            EventKind::UserRegisteredByPhone => {
                self.of_detail("audit-say-registered-phone", "phone")
            }
            EventKind::PhoneSignInCodeRequested => {
                self.phone_code_asked(text).unwrap_or_else(or_as_stored)
            }
            EventKind::PhoneSignInFailed if subject_known => {
                self.t("audit-say-phone-wrong-code-or-password")
            }
            EventKind::PhoneSignInFailed => self.t("audit-say-phone-wrong-code-or-number"),
            EventKind::PhoneSecondFactorRequired => self.t("audit-say-password-next"),
            // Stored as words ("text messages to +46 ••• ••• 67", "an authenticator app"),
            // or as the method.
            EventKind::TwoStepEnabled => match (method(text), sms_to(text), detail) {
                (Some(FactorMethod::Sms), _, _) => self.t("audit-say-with-sms"),
                (Some(FactorMethod::Authenticator), _, _) => self.t("audit-say-with-app"),
                (Some(FactorMethod::Passkey), _, _) => self.t("audit-say-with-passkey"),
                (None, Some(phone), _) => self.with("audit-say-with-sms-to", "phone", phone),
                (None, None, Some(words)) => self.with("audit-say-with-words", "words", words),
                (None, None, None) => String::new(),
            },
            EventKind::MethodChanged => match (method(text), sms_to(text), detail) {
                (Some(FactorMethod::Sms), _, _) => self.t("audit-say-now-sms"),
                (Some(FactorMethod::Authenticator), _, _) => self.t("audit-say-now-app"),
                (Some(FactorMethod::Passkey), _, _) => self.t("audit-say-now-passkey"),
                (None, Some(phone), _) => self.with("audit-say-now-sms-to", "phone", phone),
                (None, None, Some(words)) => self.with("audit-say-now-words", "words", words),
                (None, None, None) => String::new(),
            },
            EventKind::FactorRemoved => match method(text) {
                Some(FactorMethod::Sms) => self.t("audit-say-removed-sms"),
                Some(FactorMethod::Authenticator) => self.t("audit-say-removed-app"),
                Some(FactorMethod::Passkey) => self.t("audit-say-removed-passkey"),
                None => or_as_stored(),
            },
            EventKind::TwoStepDisabled => self.t("audit-say-two-step-off"),
            EventKind::PhoneChanged => self.of_detail("audit-say-codes-go-to", "phone"),
            EventKind::CodeVerified | EventKind::CodeFailed | EventKind::CodeLocked => {
                match Purpose::parse(text) {
                    Some(purpose) => self.with("audit-say-for", "purpose", &self.purpose(purpose)),
                    None => or_as_stored(),
                }
            }
            EventKind::TotpVerified | EventKind::TotpFailed => match detail {
                Some("set-up") => self.t("audit-say-setting-up-app"),
                Some("sign-in") => self.t("audit-say-while-signing-in"),
                _ => or_as_stored(),
            },
            EventKind::TotpReplayRefused => self.t("audit-say-code-replayed"),
            EventKind::RecoveryCodeUsed => match count_before(text, " left") {
                Some(n) => self
                    .language
                    .tr("audit-say-recovery-codes-left")
                    .count(n)
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::RecoveryCodesReplaced => self.t("audit-say-codes-replaced"),
            EventKind::DeviceTrusted => self.of_detail("audit-say-device", "device"),
            EventKind::DeviceRemoved => {
                match text
                    .strip_prefix("all ")
                    .and_then(|n| n.parse::<i64>().ok())
                {
                    Some(n) => self
                        .language
                        .tr("audit-say-all-devices")
                        .count(n)
                        .to_string(),
                    None => or_as_stored(),
                }
            }
            EventKind::TwoStepReset => self.t("audit-say-two-step-reset"),
            EventKind::SessionsEndedByAdmin => match count_before(text, " sessions") {
                Some(n) => self
                    .language
                    .tr("audit-say-sessions-ended")
                    .count(n)
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::UserAddedByAdmin => match detail {
                Some("administrator") => self.t("audit-say-as-administrator"),
                _ => or_as_stored(),
            },
            EventKind::PasswordLinkMade => self.t("audit-say-password-link"),
            EventKind::GroupCreated | EventKind::GroupDeleted => {
                self.of_detail("audit-say-group", "group")
            }
            EventKind::GroupRenamed => match text.split_once(" → ") {
                Some((before, after)) => self
                    .language
                    .tr("audit-say-group-renamed")
                    .arg("before", before)
                    .arg("after", after)
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::GroupMemberAdded => self.of_detail("audit-say-to-group", "group"),
            EventKind::GroupMemberRemoved => self.of_detail("audit-say-from-group", "group"),
            EventKind::EmailGivenUp => self.given_up(text).unwrap_or_else(or_as_stored),
            // Stored as "CRM (client …)".
            EventKind::ApplicationAdded
            | EventKind::ApplicationChanged
            | EventKind::ApplicationSecretRenewed
            | EventKind::ApplicationDeleted => {
                self.of_detail("audit-say-application", "application")
            }
            EventKind::SignedInToApplication => {
                self.of_detail("audit-say-signed-in-to", "application")
            }
            // Stored as "deploy-bot (users:read audit:read)": the name may hold " (", the
            // scopes never do.
            EventKind::ApiKeyCreated => match text
                .strip_suffix(')')
                .and_then(|text| text.rsplit_once(" ("))
                .filter(|(_, scopes)| Scopes::from_stored(scopes).is_some())
            {
                Some((name, scopes)) => self
                    .language
                    .tr("audit-say-api-key-created")
                    .arg("name", name)
                    .arg("scopes", scopes.replace(' ', ", "))
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::ApiKeyRevoked => self.of_detail("audit-say-api-key", "name"),
            // Stored as "<key id> <values re-sealed>".
            EventKind::SecretKeyRotated => match text
                .split_once(' ')
                .and_then(|(key, count)| Some((key, count.parse::<i64>().ok()?)))
            {
                Some((key, count)) => self
                    .language
                    .tr("audit-say-secret-key-rotated")
                    .arg("key", key)
                    .count(count)
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::SigningKeyRotated => self.of_detail("audit-say-signing-key", "kid"),
            EventKind::PasskeyAdded | EventKind::PasskeyRemoved => {
                self.of_detail("audit-say-passkey", "name")
            }
            EventKind::PasskeyCounterRefused => match detail {
                Some(name) => self.with("audit-say-passkey-copied", "name", name),
                None => or_as_stored(),
            },
            EventKind::PasskeyRefused => {
                passkey_refusal(text).map_or_else(or_as_stored, |id| self.t(id))
            }
            // Stored as "valid 8 hours".
            EventKind::TemporaryCodeIssued => {
                match text
                    .strip_prefix("valid ")
                    .and_then(|hours| duration(self.language, hours))
                {
                    Some(hours) => self.with("audit-say-valid-for", "duration", &hours),
                    None => or_as_stored(),
                }
            }
            EventKind::TemporaryCodeUsed => self.t("audit-say-temporary-code-used"),
            EventKind::TemporaryCodeFailed => match detail {
                Some("ended") => self.t("audit-say-temporary-code-ended"),
                _ => or_as_stored(),
            },
            // Stored as "2 sessions ended, 1 trusted devices removed".
            EventKind::AccountSecured => match secured(text) {
                Some((sessions, devices)) => self
                    .language
                    .tr("audit-say-account-secured")
                    .num("sessions", sessions)
                    .num("devices", devices)
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::HelpRequested => self.t("audit-say-help-requested"),
            EventKind::RoomCreated
            | EventKind::RoomEdited
            | EventKind::RoomEnforcementOn
            | EventKind::RoomEnforcementOff
            | EventKind::RoomGroupCreated
            | EventKind::RoomMemberAdded
            | EventKind::RoomMemberRemoved
            | EventKind::RoomInvitationMade
            | EventKind::RoomInvitationAccepted
            | EventKind::RoomPhoneSet
            | EventKind::RoomPhoneCleared
            | EventKind::RoomStepPassed
            | EventKind::RoomStepFailed
            | EventKind::RoomStepLocked => match room_of(text) {
                Some((room, None)) => self.with("audit-say-room", "room", room),
                Some((room, Some(more))) => self
                    .language
                    .tr("audit-say-room-and")
                    .arg("room", room)
                    .arg("more", self.room_more(kind, more))
                    .to_string(),
                None => or_as_stored(),
            },
            EventKind::SmsSent => match text.split(' ').next().and_then(Purpose::parse) {
                Some(purpose) => self.with("audit-say-code-for", "purpose", &self.purpose(purpose)),
                None => String::new(),
            },
            EventKind::SmsSendRefused => match text.split_once(' ') {
                Some((purpose, reason)) => match (Purpose::parse(purpose), limit(reason)) {
                    (Some(purpose), Some(reason)) => self
                        .language
                        .tr("audit-say-code-held-back")
                        .arg("purpose", self.purpose(purpose))
                        .arg("reason", self.t(reason))
                        .to_string(),
                    _ => or_as_stored(),
                },
                None => or_as_stored(),
            },
            EventKind::SmsSendFailed => self.provider_failure(text).unwrap_or_else(or_as_stored),
            EventKind::UserRegistered
            | EventKind::UserCreatedFromCommandLine
            | EventKind::SignedOut
            | EventKind::PasswordChanged
            | EventKind::ReauthSucceeded
            | EventKind::RecoveryCodesGenerated
            | EventKind::RecoveryCodeFailed
            | EventKind::SessionEnded
            | EventKind::PlatformSettingsChanged
            | EventKind::AccountDisabled
            | EventKind::AccountEnabled
            | EventKind::AdminGranted
            | EventKind::AdminRevoked
            | EventKind::PhoneSetByAdmin
            | EventKind::NameChangedByAdmin
            | EventKind::GroupRuleChanged
            | EventKind::TwoStepReminderSent
            | EventKind::EmailConfirmed => or_as_stored(),
        }
    }

    /// What a code was for, as the sentences about codes name it.
    fn purpose(&self, purpose: Purpose) -> String {
        self.t(match purpose {
            Purpose::SignIn => "audit-purpose-sign-in",
            Purpose::PhoneEnrolment => "audit-purpose-phone-enrolment",
            Purpose::PhoneChange => "audit-purpose-phone-change",
            Purpose::RoomEntry => "audit-purpose-room-entry",
            Purpose::PhoneSignIn => "audit-purpose-phone-sign-in",
            Purpose::PhoneRegistration => "audit-purpose-phone-registration",
            Purpose::ProfilePhone => "audit-purpose-profile-phone",
            Purpose::PasswordSet => "audit-purpose-password-set",
        })
    }

    /// "+46 ••• ••• 00: account" and the like (`send_phone_sign_in_code`).
    fn phone_code_asked(&self, text: &str) -> Option<String> {
        let (phone, outcome) = text.rsplit_once(": ")?;
        let id = match outcome {
            "account" => "audit-say-phone-code-sent",
            details::NO_ACCOUNT_REGISTRATION_OPEN => "audit-say-phone-code-register",
            details::NO_ACCOUNT_NOTHING_SENT => "audit-say-phone-code-nothing-sent",
            _ => return None,
        };
        Some(self.with(id, "phone", phone))
    }

    /// "twilio the provider refused the message (code 21211): Invalid number" (the
    /// provider's name, then `SmsError`'s text): what the provider said, without its
    /// internal name.
    fn provider_failure(&self, text: &str) -> Option<String> {
        let (_provider, error) = text.split_once(' ')?;
        if let Some(rest) = error.strip_prefix(details::PROVIDER_REFUSED) {
            let (code, reason) = rest.split_once("): ")?;
            return Some(
                self.language
                    .tr("audit-say-provider-refused")
                    .arg("reason", reason.trim_end_matches('.'))
                    .arg("code", code)
                    .to_string(),
            );
        }
        error
            .starts_with(details::PROVIDER_UNAVAILABLE)
            .then(|| self.t("audit-say-provider-unavailable"))
    }

    /// "email 12 to a@example.com: 550 mailbox unavailable" (`email.given_up`).
    fn given_up(&self, text: &str) -> Option<String> {
        let rest = text.strip_prefix("email ")?;
        let (_id, rest) = rest.split_once(" to ")?;
        let (address, error) = rest.split_once(": ")?;
        Some(
            self.language
                .tr("audit-say-email-given-up")
                .arg("address", address)
                .arg("error", error.trim_end_matches('.'))
                .to_string(),
        )
    }

    /// What a room event adds after the room's name.
    fn room_more(&self, kind: EventKind, more: &str) -> String {
        let group = |id: &str| self.with(id, "group", more);
        match (kind, more.split_once(details::ROOM_INVITED)) {
            (EventKind::RoomInvitationMade, Some((group, email))) => self
                .language
                .tr("audit-room-invited")
                .arg("email", email)
                .arg("group", group)
                .to_string(),
            (EventKind::RoomGroupCreated, _) => group("audit-room-group-created"),
            (EventKind::RoomMemberAdded, _) => group("audit-room-member-added"),
            (EventKind::RoomMemberRemoved, _) => match more.split_once("; ") {
                Some((group, details::ROOM_MEMBER_LEFT)) => {
                    self.with("audit-room-member-left", "group", group)
                }
                Some((group, details::ROOM_MEMBER_LEFT_PHONE_CLEARED)) => {
                    self.with("audit-room-member-left-cleared", "group", group)
                }
                _ => group("audit-room-member-removed"),
            },
            _ => self.room_changes(more),
        }
    }

    /// The changes of a room's settings (`room_changes`: "name Deal → Deal 2; enforced
    /// two-factor authentication off"), each in words, or as stored when not the portal's.
    fn room_changes(&self, more: &str) -> String {
        let address = |stored: &str| match stored {
            details::ROOM_NO_ADDRESS => self.t("audit-room-no-address"),
            url => url.to_owned(),
        };
        let changes: Vec<String> = more
            .trim_end_matches('.')
            .split("; ")
            .map(|change| {
                let from_to = |id: &str, rest: &str, read: &dyn Fn(&str) -> String| {
                    rest.split_once(" → ").map(|(before, after)| {
                        self.language
                            .tr(id)
                            .arg("before", read(before))
                            .arg("after", read(after))
                            .to_string()
                    })
                };
                let said = if let Some(rest) = change.strip_prefix(details::ROOM_RENAMED) {
                    from_to("audit-room-renamed", rest, &|name| name.to_owned())
                } else if let Some(rest) = change.strip_prefix(details::ROOM_ADDRESS_CHANGED) {
                    from_to("audit-room-address-changed", rest, &address)
                } else if change == details::ROOM_ENFORCED_ON {
                    Some(self.t("audit-room-enforced-on"))
                } else if change == details::ROOM_ENFORCED_OFF {
                    Some(self.t("audit-room-enforced-off"))
                } else if change == details::ROOM_NOTHING_CHANGED {
                    Some(self.t("audit-room-nothing-changed"))
                } else if let Some(rest) = change.strip_prefix(details::ROOM_ADMINS_ADDED) {
                    Some(match rest.split_once(details::ROOM_AND_REMOVED) {
                        Some((added, removed)) => self
                            .language
                            .tr("audit-room-admins-added-removed")
                            .arg("added", added)
                            .arg("removed", removed)
                            .to_string(),
                        None => self.with("audit-room-admins-added", "added", rest),
                    })
                } else {
                    change
                        .strip_prefix(details::ROOM_ADMINS_REMOVED)
                        .map(|removed| self.with("audit-room-admins-removed", "removed", removed))
                };
                said.unwrap_or_else(|| change.to_owned())
            })
            .collect();
        self.with("audit-room-changes", "changes", &changes.join(", "))
    }
}

/// A method as stored in a detail; "authenticator" and "totp" are how details named the
/// app before its stored spelling became "app", "an authenticator app" how the app's
/// set-up words it.
fn method(text: &str) -> Option<FactorMethod> {
    FactorMethod::parse(text).or(match text {
        "authenticator" | "totp" | details::AUTHENTICATOR_APP => Some(FactorMethod::Authenticator),
        _ => None,
    })
}

/// The masked number of "text messages to +46 ••• ••• 67" (the text messages' set-up).
fn sms_to(text: &str) -> Option<&str> {
    text.strip_prefix(details::TEXT_MESSAGES_TO)
}

/// Why a passkey's answer was not accepted (`check_passkey`).
fn passkey_refusal(reason: &str) -> Option<&'static str> {
    Some(match reason {
        details::PASSKEY_STALE => "audit-say-passkey-stale",
        details::PASSKEY_NOT_AN_ANSWER => "audit-say-passkey-not-an-answer",
        details::PASSKEY_UNKNOWN => "audit-say-passkey-unknown",
        details::PASSKEY_OTHER_HANDLE => "audit-say-passkey-other-handle",
        details::PASSKEY_OTHER_ACCOUNT => "audit-say-passkey-other-account",
        details::PASSKEY_NOT_VERIFIED => "audit-say-passkey-not-verified",
        details::PASSKEY_TWICE => "audit-say-passkey-twice",
        details::ACCOUNT_DISABLED => "audit-say-passkey-account-disabled",
        _ => return None,
    })
}

/// How a sign-in was made, as the sign-in use cases store it.
fn how_signed_in(how: &str) -> Option<&'static str> {
    Some(match how {
        details::PASSWORD_AND_SMS_CODE => "audit-say-with-password-sms",
        details::PASSWORD_AND_APP => "audit-say-with-password-app",
        details::PASSWORD_AND_RECOVERY_CODE => "audit-say-with-password-recovery",
        details::PASSWORD_AND_PASSKEY => "audit-say-with-password-passkey",
        details::PASSWORD_AND_TEMPORARY_CODE => "audit-say-with-password-temporary",
        details::PASSKEY_ALONE => "audit-say-with-passkey-alone",
        details::PHONE_CODE => "audit-say-with-phone-code",
        details::PHONE_REGISTRATION_CODE => "audit-say-with-phone-registration",
        details::PHONE_CODE_AND_PASSWORD => "audit-say-with-phone-code-password",
        details::PHONE_CODE_AND_APP => "audit-say-with-phone-code-app",
        _ => return None,
    })
}

/// Which limit held a code back (`Refusal::reason`).
fn limit(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "cooldown" => "audit-limit-cooldown",
        "per_subject_hourly" => "audit-limit-per-subject-hourly",
        "per_phone_daily" => "audit-limit-per-phone-daily",
        "per_ip_hourly" => "audit-limit-per-ip-hourly",
        "daily_budget" => "audit-limit-daily-budget",
        "per_number" => "audit-limit-per-number",
        "per_address" => "audit-limit-per-address",
        "per_network" => "audit-limit-per-network",
        "per_country" => "audit-limit-per-country",
        _ => return None,
    })
}

/// "8 hours", "1 day" (a stored length) in `language`.
fn duration(language: Language, text: &str) -> Option<String> {
    let (n, unit) = text.split_once(' ')?;
    let n: i64 = n.parse().ok()?;
    let id = match unit {
        "minute" | "minutes" => "audit-minutes",
        "hour" | "hours" => "audit-hours",
        "day" | "days" => "audit-days",
        _ => return None,
    };
    Some(language.tr(id).count(n).to_string())
}

/// "2 sessions ended, 1 trusted devices removed" (`account.secured`) as its two counts.
fn secured(text: &str) -> Option<(i64, i64)> {
    let (sessions, devices) = text.split_once(", ")?;
    Some((
        count_before(sessions, " sessions ended")?,
        count_before(devices, " trusted devices removed")?,
    ))
}

/// "room 3 (Deal)" or "room 3 (Deal): more" (`room_event`) as the room's name and the rest.
fn room_of(text: &str) -> Option<(&str, Option<&str>)> {
    let (id, rest) = text.strip_prefix("room ")?.split_once(" (")?;
    id.parse::<i64>().ok()?;
    match rest.split_once("): ") {
        Some((name, more)) => Some((name, Some(more))),
        None => Some((rest.strip_suffix(')')?, None)),
    }
}

/// "3 left" as 3, when the text is a number and then `suffix`.
fn count_before(text: &str, suffix: &str) -> Option<i64> {
    text.strip_suffix(suffix)?.parse().ok()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A detail already written for people, as a sentence: a capital, a full stop.
fn as_sentence(text: &str) -> String {
    let text = capitalised(text.trim());
    if text.is_empty() || text.ends_with(['.', '!', '?']) {
        text
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::challenges::{Refusal, RiskyCap};

    #[test]
    fn every_kind_has_its_own_label_in_words_in_every_language() {
        for language in Language::ALL {
            let mut labels: Vec<String> =
                EventKind::ALL.iter().map(|k| label(language, *k)).collect();
            for label in &labels {
                assert!(
                    !label.contains(['_', '.'])
                        && !label.starts_with("event-")
                        && !label.contains("Unknown localization")
                        && !label.chars().next().unwrap().is_lowercase(),
                    "{}: {label}",
                    language.code()
                );
            }
            labels.sort_unstable();
            let count = labels.len();
            labels.dedup();
            assert_eq!(
                labels.len(),
                count,
                "two kinds share a label in {}",
                language.code()
            );
        }
        for group in EventGroup::ALL {
            assert!(
                EventKind::ALL.iter().any(|k| super::group(*k) == group),
                "{group:?}"
            );
        }
    }

    #[test]
    fn every_reason_a_code_is_held_back_has_words() {
        let mut refusals = vec![
            Refusal::Cooldown { next_at: 0 },
            Refusal::SubjectHourly { next_at: 0 },
            Refusal::PhoneDaily { next_at: 0 },
            Refusal::IpHourly { next_at: 0 },
        ];
        for cap in [
            RiskyCap::Budget,
            RiskyCap::Number,
            RiskyCap::Address,
            RiskyCap::Network,
            RiskyCap::Country,
        ] {
            refusals.push(Refusal::RiskyDaily { cap, next_at: 0 });
        }
        for refusal in refusals {
            assert!(limit(refusal.reason()).is_some(), "{refusal:?}");
        }
        for purpose in Purpose::ALL {
            assert_eq!(Purpose::parse(purpose.as_str()), Some(purpose));
        }
    }

    #[test]
    fn stored_details_read_as_sentences() {
        let cases = [
            (
                "sms.sent",
                Some("sign_in twilio SM0123456789abcdef"),
                true,
                "A code for signing in.",
            ),
            (
                "sms.send_refused",
                Some("phone_enrolment per_phone_daily"),
                true,
                "A code for setting up 2-step verification by text message: the daily limit of codes to this phone number was reached.",
            ),
            (
                "sms.send_failed",
                Some("twilio the provider refused the message (code 21211): Invalid 'To' number"),
                true,
                "The provider refused it: Invalid 'To' number (error 21211).",
            ),
            (
                "sms.send_failed",
                Some("webhook the provider is unavailable: HTTP 503"),
                true,
                "The provider could not be reached or failed; nothing was sent.",
            ),
            (
                "code.failed",
                Some("room_entry"),
                true,
                "For entering a data room.",
            ),
            (
                "two_step.enabled",
                Some("app"),
                true,
                "With an authenticator app.",
            ),
            (
                "two_step.enabled",
                Some("totp"),
                true,
                "With an authenticator app.",
            ),
            (
                "two_step.enabled",
                Some(details::AUTHENTICATOR_APP),
                true,
                "With an authenticator app.",
            ),
            (
                "two_step.method_changed",
                Some("text messages to +46 ••• ••• 67"),
                true,
                "Now with text messages to +46 ••• ••• 67.",
            ),
            (
                "two_step.method_changed",
                Some("sms"),
                true,
                "Now with text messages (SMS).",
            ),
            (
                "two_step.factor_removed",
                Some("app"),
                true,
                "The authenticator app was removed.",
            ),
            (
                "sign_in.code_required",
                Some("sms"),
                true,
                "A code by text message is asked for next.",
            ),
            (
                "sign_in.succeeded",
                Some(details::PASSWORD_AND_APP),
                true,
                "With the password and a code from the authenticator app.",
            ),
            ("sign_in.succeeded", None, true, "With the password."),
            ("sign_in.failed", None, true, "Wrong password."),
            (
                "sign_in.failed",
                None,
                false,
                "No account has the email address typed.",
            ),
            (
                "sign_in.failed",
                Some(details::ACCOUNT_DISABLED),
                true,
                "The password was right, but the account is disabled.",
            ),
            ("totp.failed", Some("sign-in"), true, "While signing in."),
            (
                "recovery_code.used",
                Some("1 left"),
                true,
                "1 recovery code left.",
            ),
            (
                "recovery_code.used",
                Some("7 left"),
                true,
                "7 recovery codes left.",
            ),
            (
                "device.removed",
                Some("all 2"),
                true,
                "All trusted devices (2).",
            ),
            (
                "session.others_ended",
                Some("1 ended"),
                true,
                "1 other session ended.",
            ),
            (
                "session.all_ended",
                Some("3 sessions (command line)"),
                true,
                "3 sessions ended. From the command line.",
            ),
            (
                "account.disabled",
                Some(details::COMMAND_LINE),
                true,
                "From the command line.",
            ),
            (
                "session.duration_changed",
                Some("7 days"),
                true,
                "Stays signed in for 7 days.",
            ),
            (
                "group.renamed",
                Some("Sales → Sales EU"),
                false,
                "From Sales to Sales EU.",
            ),
            (
                "group.member_added",
                Some("Finance"),
                true,
                "To the group Finance.",
            ),
            (
                "room.created",
                Some("room 3 (Deal: Falcon): enforced two-factor authentication on"),
                false,
                "Data room Deal: Falcon: enforced two-factor authentication on.",
            ),
            (
                "room.step_failed",
                Some("room 3 (Falcon)"),
                true,
                "Data room Falcon.",
            ),
            (
                "room.invitation_made",
                Some("room 3 (Falcon): Buyers, invited ken@example.com"),
                false,
                "Data room Falcon: ken@example.com was invited to the user group Buyers.",
            ),
            (
                "room.member_added",
                Some("room 3 (Falcon): Buyers"),
                true,
                "Data room Falcon: to the user group Buyers.",
            ),
            (
                "room.member_removed",
                Some("room 3 (Falcon): Buyers; left the room, its two-factor phone number cleared"),
                true,
                "Data room Falcon: from the user group Buyers, and no longer in the room, its two-factor phone number cleared.",
            ),
            (
                "room.member_removed",
                Some("room 3 (Falcon): Buyers"),
                true,
                "Data room Falcon: from the user group Buyers.",
            ),
            (
                "sign_in.phone_code_requested",
                Some("+46 ••• ••• 67: no account, nothing sent"),
                false,
                "For +46 ••• ••• 67, which no account has: nothing was sent.",
            ),
            (
                "email.given_up",
                Some("email 12 to a@example.com: 550 mailbox unavailable"),
                false,
                "An email to a@example.com was given up after repeated failures: 550 mailbox unavailable.",
            ),
            (
                "platform.settings_changed",
                Some("App name: Twostep → Acme"),
                false,
                "App name: Twostep → Acme.",
            ),
            (
                "user.added_by_admin",
                Some("administrator"),
                true,
                "As an administrator.",
            ),
            ("recovery_codes.generated", None, true, ""),
            ("bench.event", Some("event 003"), false, "event 003"),
        ];
        for (event, detail, subject_known, expected) in cases {
            assert_eq!(
                sentence(Language::English, event, detail, subject_known),
                expected,
                "{event} {detail:?}"
            );
        }
    }

    #[test]
    fn stored_details_read_in_the_administrators_language() {
        let cases = [
            (
                Language::German,
                "sign_in.succeeded",
                Some(details::PASSWORD_AND_SMS_CODE),
                "Mit dem Passwort und einem Code per SMS.",
            ),
            (
                Language::Swedish,
                "recovery_code.used",
                Some("1 left"),
                "1 återställningskod kvar.",
            ),
            (
                Language::Estonian,
                "session.all_ended",
                Some("3 sessions (command line)"),
                "3 seanssi lõpetati. Käsurealt.",
            ),
            (
                Language::German,
                "room.edited",
                Some(
                    "room 3 (Falcon): name Falcon → Hawk; application address none → https://docs.example.com/",
                ),
                "Datenraum Falcon: Name Falcon → Hawk, Anwendungsadresse keine → https://docs.example.com/.",
            ),
            (
                Language::Swedish,
                "temporary_code.issued",
                Some("valid 8 hours"),
                "Giltig i 8 timmar.",
            ),
        ];
        for (language, event, detail, expected) in cases {
            assert_eq!(sentence(language, event, detail, true), expected, "{event}");
        }
    }
}
