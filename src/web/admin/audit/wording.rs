//! The audit log in the administrators' language: a label and a group for every kind of
//! event (one exhaustive table, so a new kind does not build without its words), and each
//! stored detail read back as a sentence. Details keep what was stored at the time; only
//! their reading changes here, so old rows read as well as new ones.

use crate::db::audit::EventKind;
use crate::domain::codes::Purpose;
use crate::domain::factors::FactorMethod;

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

    pub fn label(self) -> &'static str {
        match self {
            Self::SignIn => "Sign-in",
            Self::TwoStep => "2-step verification",
            Self::Administration => "Administration",
            Self::Rooms => "Rooms",
            Self::TextMessages => "Text messages",
        }
    }
}

/// What an administrator calls each kind of event, and where the filter lists it.
pub fn wording(kind: EventKind) -> (EventGroup, &'static str) {
    use EventGroup::{Administration, Rooms, SignIn, TextMessages, TwoStep};
    match kind {
        EventKind::UserRegistered => (SignIn, "Registered"),
        EventKind::UserRegisteredByPhone => (SignIn, "Registered with a phone number"),
        EventKind::RegisteredAgain => (SignIn, "Registration tried with an address in use"),
        EventKind::EmailConfirmed => (SignIn, "Email address confirmed"),
        EventKind::SignInSucceeded => (SignIn, "Signed in"),
        EventKind::SignInFailed => (SignIn, "Sign-in failed"),
        EventKind::SignInThrottled => (SignIn, "Sign-in blocked after too many attempts"),
        EventKind::SignInUnconfirmed => (SignIn, "Sign-in waiting for email confirmation"),
        EventKind::SignInCodeRequired => (SignIn, "Password right, code asked for"),
        EventKind::SignInTrustedDevice => (SignIn, "Signed in on a trusted device"),
        EventKind::PhoneSignInCodeRequested => (SignIn, "Phone sign-in code asked for"),
        EventKind::PhoneSignInSucceeded => (SignIn, "Signed in with a phone number"),
        EventKind::PhoneSignInFailed => (SignIn, "Phone sign-in failed"),
        EventKind::PhoneSecondFactorRequired => (SignIn, "Phone code right, password asked for"),
        EventKind::SignedOut => (SignIn, "Signed out"),
        EventKind::ReauthSucceeded => (SignIn, "Password confirmed"),
        EventKind::ReauthFailed => (SignIn, "Password confirmation failed"),
        EventKind::PasswordChanged => (SignIn, "Password changed"),
        EventKind::PasswordChangeFailed => (SignIn, "Password change failed"),
        EventKind::PasswordResetRequested => (SignIn, "Password reset link sent"),
        EventKind::PasswordSet => (SignIn, "Password set"),
        EventKind::SessionEnded => (SignIn, "Session ended"),
        EventKind::OtherSessionsEnded => (SignIn, "Other sessions ended"),
        EventKind::SessionDurationChanged => (SignIn, "Session length changed"),
        EventKind::ProfilePhoneChanged => (SignIn, "Profile phone number changed"),
        EventKind::TwoStepEnabled => (TwoStep, "2-step verification turned on"),
        EventKind::TwoStepDisabled => (TwoStep, "2-step verification turned off"),
        EventKind::MethodChanged => (TwoStep, "2-step verification method changed"),
        EventKind::FactorRemoved => (TwoStep, "2-step verification method removed"),
        EventKind::PhoneChanged => (TwoStep, "Phone number for codes changed"),
        EventKind::CodeVerified => (TwoStep, "Text message code was right"),
        EventKind::CodeFailed => (TwoStep, "Text message code was wrong"),
        EventKind::CodeLocked => (TwoStep, "Text message code locked after wrong tries"),
        EventKind::TotpVerified => (TwoStep, "Authenticator app code was right"),
        EventKind::TotpFailed => (TwoStep, "Authenticator app code was wrong"),
        EventKind::TotpReplayRefused => (TwoStep, "Authenticator app code used twice"),
        EventKind::RecoveryCodesGenerated => (TwoStep, "Recovery codes generated"),
        EventKind::RecoveryCodesReplaced => (TwoStep, "Recovery codes replaced"),
        EventKind::RecoveryCodeUsed => (TwoStep, "Recovery code used"),
        EventKind::RecoveryCodeFailed => (TwoStep, "Recovery code was wrong"),
        EventKind::TemporaryCodeIssued => (TwoStep, "Temporary access code issued"),
        EventKind::TemporaryCodeUsed => (TwoStep, "Temporary access code used"),
        EventKind::TemporaryCodeFailed => (TwoStep, "Temporary access code was wrong"),
        EventKind::HelpRequested => (SignIn, "Asked the administrators for help"),
        EventKind::AccountSecured => (SignIn, "Account secured after \"This wasn't me\""),
        EventKind::DeviceTrusted => (TwoStep, "Device trusted"),
        EventKind::DeviceRemoved => (TwoStep, "Trusted device removed"),
        EventKind::AdminCreated => (Administration, "Administrator account created"),
        EventKind::UserCreatedFromCommandLine => {
            (Administration, "Account created from the command line")
        }
        EventKind::UserAddedByAdmin => (Administration, "User added"),
        EventKind::PasswordLinkMade => (Administration, "Password link made"),
        EventKind::PlatformSettingsChanged => (Administration, "Security settings changed"),
        EventKind::TwoStepReset => (Administration, "2-step verification reset"),
        EventKind::AccountDisabled => (Administration, "Account disabled"),
        EventKind::AccountEnabled => (Administration, "Account enabled"),
        EventKind::AdminGranted => (Administration, "Made an administrator"),
        EventKind::AdminRevoked => (Administration, "No longer an administrator"),
        EventKind::SessionsEndedByAdmin => (Administration, "Signed out by an administrator"),
        EventKind::PhoneSetByAdmin => (Administration, "Phone number set by an administrator"),
        EventKind::GroupCreated => (Administration, "Group created"),
        EventKind::GroupRenamed => (Administration, "Group renamed"),
        EventKind::GroupDeleted => (Administration, "Group deleted"),
        EventKind::GroupRuleChanged => (Administration, "Group's 2-step verification changed"),
        EventKind::GroupMemberAdded => (Administration, "Added to a group"),
        EventKind::GroupMemberRemoved => (Administration, "Removed from a group"),
        EventKind::EmailGivenUp => (Administration, "Email could not be delivered"),
        EventKind::ApplicationAdded => (Administration, "Application added"),
        EventKind::ApplicationChanged => (Administration, "Application changed"),
        EventKind::ApplicationSecretRenewed => (Administration, "Application secret renewed"),
        EventKind::ApplicationDeleted => (Administration, "Application deleted"),
        EventKind::SignedInToApplication => (SignIn, "Signed in to an application"),
        EventKind::PasskeyRefused => (SignIn, "Passkey not accepted"),
        EventKind::PasskeyCounterRefused => (SignIn, "Passkey refused as a possible copy"),
        EventKind::PasskeyAdded => (TwoStep, "Passkey added"),
        EventKind::PasskeyRemoved => (TwoStep, "Passkey removed"),
        EventKind::RoomCreated => (Rooms, "Data room created"),
        EventKind::RoomEdited => (Rooms, "Data room settings changed"),
        EventKind::RoomEnforcementOn => (Rooms, "Enforced two-factor authentication on"),
        EventKind::RoomEnforcementOff => (Rooms, "Enforced two-factor authentication off"),
        EventKind::RoomGroupCreated => (Rooms, "Room user group created"),
        EventKind::RoomMemberAdded => (Rooms, "Added to a room user group"),
        EventKind::RoomMemberRemoved => (Rooms, "Removed from a room user group"),
        EventKind::RoomInvitationMade => (Rooms, "Invited to a room"),
        EventKind::RoomInvitationAccepted => (Rooms, "Room invitation accepted"),
        EventKind::RoomPhoneSet => (Rooms, "Room phone number set"),
        EventKind::RoomPhoneCleared => (Rooms, "Room phone number cleared"),
        EventKind::RoomStepPassed => (Rooms, "Room code was right"),
        EventKind::RoomStepFailed => (Rooms, "Room code was wrong"),
        EventKind::RoomStepLocked => (Rooms, "Room code locked after wrong tries"),
        EventKind::SmsSent => (TextMessages, "Text message sent"),
        EventKind::SmsSendFailed => (TextMessages, "Text message not accepted by the provider"),
        EventKind::SmsSendRefused => (TextMessages, "Text message held back by a limit"),
    }
}

/// The label of a stored event name; a name the portal no longer writes shows as stored.
pub fn label_of(event: &str) -> String {
    EventKind::from_stored(event).map_or_else(|| event.to_owned(), |kind| wording(kind).1.into())
}

/// The detail of an event as a sentence (of a name the portal no longer writes: as
/// stored). `subject_known`: the event names an account.
pub fn sentence(event: &str, detail: Option<&str>, subject_known: bool) -> String {
    // What an administrator did from the command line says so at the end of its detail.
    let (detail, command_line) = match detail {
        Some("command line") => (None, true),
        Some(text) => match text.strip_suffix(" (command line)") {
            Some(text) => (Some(text), true),
            None => (Some(text), false),
        },
        None => (None, false),
    };
    let kind = EventKind::from_stored(event);
    let said = match kind {
        Some(kind) => say(kind, detail, subject_known),
        None => detail.unwrap_or_default().to_owned(),
    };
    // Its label says so already.
    let command_line = command_line && kind != Some(EventKind::UserCreatedFromCommandLine);
    match (said.is_empty(), command_line) {
        (_, false) => said,
        (true, true) => "From the command line.".into(),
        (false, true) => format!("{said} From the command line."),
    }
}

fn say(kind: EventKind, detail: Option<&str>, subject_known: bool) -> String {
    let text = detail.unwrap_or_default();
    let or_as_stored = || detail.map(as_sentence).unwrap_or_default();
    match kind {
        EventKind::AdminCreated => match text {
            "setup link" => "With the setup link.".into(),
            _ => or_as_stored(),
        },
        EventKind::SignInSucceeded | EventKind::PhoneSignInSucceeded => match detail {
            None => "With the password.".into(),
            Some(how) => match how_signed_in(how) {
                Some(how) => format!("With {how}."),
                None => or_as_stored(),
            },
        },
        EventKind::SignInFailed => match detail {
            None if subject_known => "Wrong password.".into(),
            None => "No account has the email address typed.".into(),
            Some("account disabled") => "The password was right, but the account is disabled.".into(),
            Some("wrong password confirming the email address") => {
                "Wrong password while confirming the email address.".into()
            }
            Some(_) => or_as_stored(),
        },
        EventKind::SignInThrottled if subject_known => {
            "Too many wrong passwords: refused without checking.".into()
        }
        EventKind::SignInThrottled => {
            "Too many attempts: refused without checking. No account has the email address typed."
                .into()
        }
        EventKind::SignInCodeRequired => match method(text) {
            Some(FactorMethod::Sms) => "A code by text message is asked for next.".into(),
            Some(FactorMethod::Authenticator) => {
                "A code from the authenticator app is asked for next.".into()
            }
            Some(FactorMethod::Passkey) => "A passkey is asked for next.".into(),
            None => or_as_stored(),
        },
        EventKind::SignInTrustedDevice => {
            "With the password; no code was asked for on this trusted device.".into()
        }
        EventKind::SignInUnconfirmed => "The email address is not confirmed yet.".into(),
        EventKind::PasswordChangeFailed => "The current password was wrong.".into(),
        EventKind::ReauthFailed => "Wrong password.".into(),
        EventKind::PasswordResetRequested => match detail {
            None => "A link to choose a new password was emailed.".into(),
            Some("to the address waiting for confirmation") => {
                "A link to choose a new password was emailed to the address waiting for confirmation."
                    .into()
            }
            Some(_) => or_as_stored(),
        },
        EventKind::PasswordSet => match detail {
            None => "With a one-time link.".into(),
            Some("first password, after a code to the verified phone") => {
                "A first password, after a code to the verified phone number.".into()
            }
            Some("link and a code to the verified phone") => {
                "With a one-time link and a code to the verified phone number.".into()
            }
            Some(_) => or_as_stored(),
        },
        EventKind::RegisteredAgain => {
            "Someone registered with this address again; its owner was emailed.".into()
        }
        EventKind::OtherSessionsEnded => match count_before(text, " ended") {
            Some(n) => format!("{} ended.", plural(n, "other session", "other sessions")),
            None => or_as_stored(),
        },
        EventKind::SessionDurationChanged => match detail {
            Some("Until I close the browser") => "Stays signed in until the browser closes.".into(),
            Some(choice) => format!("Stays signed in for {choice}."),
            None => String::new(),
        },
        EventKind::ProfilePhoneChanged => match detail {
            Some(phone) => format!("The profile phone number is now {phone}."),
            None => String::new(),
        },
        EventKind::UserRegisteredByPhone => match detail {
            Some(phone) => format!("With the phone number {phone}."),
            None => String::new(),
        },
        EventKind::PhoneSignInCodeRequested => phone_code_asked(text).unwrap_or_else(or_as_stored),
        EventKind::PhoneSignInFailed if subject_known => "A wrong code or password.".into(),
        EventKind::PhoneSignInFailed => "A wrong code, or a number no account has.".into(),
        EventKind::PhoneSecondFactorRequired => {
            "This account uses 2-step verification: the password is asked for next.".into()
        }
        // Stored as words ("text messages to +46 ••• ••• 67"), or once as the method.
        EventKind::TwoStepEnabled => match (method(text), detail) {
            (Some(method), _) => format!("With {}.", method_name(method)),
            (None, Some(words)) => format!("With {words}."),
            (None, None) => String::new(),
        },
        EventKind::MethodChanged => match (method(text), detail) {
            (Some(method), _) => format!("Now with {}.", method_name(method)),
            (None, Some(words)) => format!("Now with {words}."),
            (None, None) => String::new(),
        },
        EventKind::FactorRemoved => match method(text) {
            Some(FactorMethod::Sms) => "Codes by text message (SMS) were removed.".into(),
            Some(FactorMethod::Authenticator) => "The authenticator app was removed.".into(),
            Some(FactorMethod::Passkey) => "The last passkey was removed.".into(),
            None => or_as_stored(),
        },
        EventKind::TwoStepDisabled => {
            "Its methods, recovery codes and trusted devices were removed.".into()
        }
        EventKind::PhoneChanged => match detail {
            Some(phone) => format!("Codes now go to {phone}."),
            None => String::new(),
        },
        EventKind::CodeVerified | EventKind::CodeFailed | EventKind::CodeLocked => {
            match Purpose::parse(text) {
                Some(purpose) => format!("For {}.", purpose_words(purpose)),
                None => or_as_stored(),
            }
        }
        EventKind::TotpVerified | EventKind::TotpFailed => match detail {
            Some("set-up") => "While setting up the authenticator app.".into(),
            Some("sign-in") => "While signing in.".into(),
            _ => or_as_stored(),
        },
        EventKind::TotpReplayRefused => "A code already used was typed again.".into(),
        EventKind::RecoveryCodeUsed => match count_before(text, " left") {
            Some(n) => format!("{} left.", plural(n, "recovery code", "recovery codes")),
            None => or_as_stored(),
        },
        EventKind::RecoveryCodesReplaced => "The codes before no longer work.".into(),
        EventKind::DeviceTrusted => match detail {
            Some(device) => format!("{device}."),
            None => String::new(),
        },
        EventKind::DeviceRemoved => match text.strip_prefix("all ").and_then(|n| n.parse::<i64>().ok()) {
            Some(n) => format!("All trusted devices ({n})."),
            None => or_as_stored(),
        },
        EventKind::TwoStepReset => {
            "Every method, recovery code, trusted device and session was removed.".into()
        }
        EventKind::SessionsEndedByAdmin => match count_before(text, " sessions") {
            Some(n) => format!("{} ended.", plural(n, "session", "sessions")),
            None => or_as_stored(),
        },
        EventKind::UserAddedByAdmin => match detail {
            Some("administrator") => "As an administrator.".into(),
            _ => or_as_stored(),
        },
        EventKind::PasswordLinkMade => "A one-time link to choose a password.".into(),
        EventKind::GroupCreated | EventKind::GroupDeleted => match detail {
            Some(name) => format!("The group {name}."),
            None => String::new(),
        },
        EventKind::GroupRenamed => match text.split_once(" → ") {
            Some((before, after)) => format!("From {before} to {after}."),
            None => or_as_stored(),
        },
        EventKind::GroupMemberAdded => match detail {
            Some(name) => format!("To the group {name}."),
            None => String::new(),
        },
        EventKind::GroupMemberRemoved => match detail {
            Some(name) => format!("From the group {name}."),
            None => String::new(),
        },
        EventKind::EmailGivenUp => given_up(text).unwrap_or_else(or_as_stored),
        // Stored as "CRM (client …)".
        EventKind::ApplicationAdded
        | EventKind::ApplicationChanged
        | EventKind::ApplicationSecretRenewed
        | EventKind::ApplicationDeleted => match detail {
            Some(application) => format!("The application {application}."),
            None => String::new(),
        },
        EventKind::SignedInToApplication => match detail {
            Some(application) => format!("Signed in to {application}."),
            None => String::new(),
        },
        EventKind::PasskeyAdded | EventKind::PasskeyRemoved => match detail {
            Some(name) => format!("The passkey {name}."),
            None => String::new(),
        },
        EventKind::PasskeyCounterRefused => match detail {
            Some(name) => format!(
                "The passkey {name} answered with a sign counter that did not go forward: it may have been copied."
            ),
            None => or_as_stored(),
        },
        EventKind::PasskeyRefused => match passkey_refusal(text) {
            Some(why) => format!("{why}."),
            None => or_as_stored(),
        },
        // Stored as "valid 8 hours".
        EventKind::TemporaryCodeIssued => match text.strip_prefix("valid ") {
            Some(hours) => format!("Valid for {hours}."),
            None => or_as_stored(),
        },
        EventKind::TemporaryCodeUsed => "Signed in with it; it no longer works.".into(),
        EventKind::TemporaryCodeFailed => match detail {
            Some("ended") => "Five wrong tries: the code no longer works.".into(),
            _ => or_as_stored(),
        },
        // Stored as "2 sessions ended, 1 trusted devices removed".
        EventKind::AccountSecured => match detail {
            Some(what) => format!("The password no longer works; {what}; a link to choose a new one was emailed."),
            None => or_as_stored(),
        },
        EventKind::HelpRequested => {
            "Lost their phone: the administrators were emailed a link to the account.".into()
        }
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
            Some((room, None)) => format!("Data room {room}."),
            Some((room, Some(more))) => format!("Data room {room}: {}", room_more(kind, more)),
            None => or_as_stored(),
        },
        EventKind::SmsSent => match text.split(' ').next().and_then(Purpose::parse) {
            Some(purpose) => format!("A code for {}.", purpose_words(purpose)),
            None => String::new(),
        },
        EventKind::SmsSendRefused => match text.split_once(' ') {
            Some((purpose, reason)) => match (Purpose::parse(purpose), limit_words(reason)) {
                (Some(purpose), Some(reason)) => {
                    format!("A code for {}: {reason}.", purpose_words(purpose))
                }
                _ => or_as_stored(),
            },
            None => or_as_stored(),
        },
        EventKind::SmsSendFailed => provider_failure(text).unwrap_or_else(or_as_stored),
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
        | EventKind::GroupRuleChanged
        | EventKind::EmailConfirmed => or_as_stored(),
    }
}

/// A method as stored in a detail; "authenticator" and "totp" are how details named the
/// app before its stored spelling became "app".
fn method(text: &str) -> Option<FactorMethod> {
    FactorMethod::parse(text).or(match text {
        "authenticator" | "totp" => Some(FactorMethod::Authenticator),
        _ => None,
    })
}

fn method_name(method: FactorMethod) -> &'static str {
    match method {
        FactorMethod::Sms => "text messages (SMS)",
        FactorMethod::Authenticator => "an authenticator app",
        FactorMethod::Passkey => "a passkey",
    }
}

/// Why a passkey's answer was not accepted (`check_passkey`).
fn passkey_refusal(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "challenge already used or expired" => {
            "The answer was to a request already answered, or older than 5 minutes"
        }
        "not a passkey's answer" => "What the browser sent was not a passkey's answer",
        "unknown passkey" => "The passkey is not registered here",
        "user handle does not match" => "The passkey named another account",
        "passkey of another account" => "The passkey belongs to another account",
        "not accepted" => {
            "The answer did not verify (another site, a wrong signature, or no PIN or biometrics where they are needed)"
        }
        "used twice at once" => "The same passkey answer was sent twice at once",
        "account disabled" => "The account is disabled",
        _ => return None,
    })
}

/// What a code was for.
fn purpose_words(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::SignIn => "signing in",
        Purpose::PhoneEnrolment => "setting up 2-step verification by text message",
        Purpose::PhoneChange => "changing the phone number for codes",
        Purpose::RoomEntry => "entering a data room",
        Purpose::PhoneSignIn => "signing in with a phone number",
        Purpose::PhoneRegistration => "registering with a phone number",
        Purpose::ProfilePhone => "confirming a profile phone number",
        Purpose::PasswordSet => "setting a password",
    }
}

/// How a sign-in was made, as the sign-in use cases store it.
fn how_signed_in(how: &str) -> Option<&'static str> {
    Some(match how {
        "password and SMS code" => "the password and a code by text message",
        "password and authenticator app" => "the password and a code from the authenticator app",
        "password and recovery code" => "the password and a recovery code",
        "password and passkey" => "the password and a passkey",
        "password and temporary access code" => "the password and a temporary access code",
        "passkey" => "a passkey alone, with its PIN or biometrics",
        "phone code" => "a code by text message to the phone number",
        "phone registration code" => "the code sent to register with the phone number",
        "phone code and password" => "a code to the phone number and the password",
        "phone code and authenticator app" => {
            "a code to the phone number and a code from the authenticator app"
        }
        _ => return None,
    })
}

/// Which limit held a code back (`Refusal::reason`).
fn limit_words(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "cooldown" => "asked for again too soon after the last one",
        "per_subject_hourly" => "the hourly limit of codes for this account was reached",
        "per_phone_daily" => "the daily limit of codes to this phone number was reached",
        "per_ip_hourly" => "the hourly limit of codes from this IP address was reached",
        "daily_budget" => "the daily text message budget is spent",
        "per_number" => "the daily limit of codes to this new number was reached",
        "per_address" => "the daily limit of codes to new numbers from this IP address was reached",
        "per_network" => "the daily limit of codes to new numbers from this network was reached",
        "per_country" => "the daily limit of codes to new numbers in this country was reached",
        _ => return None,
    })
}

/// "+46 ••• ••• 00: account" and the like (`send_phone_sign_in_code`).
fn phone_code_asked(text: &str) -> Option<String> {
    let (phone, outcome) = text.rsplit_once(": ")?;
    Some(match outcome {
        "account" => format!("For {phone}, an account's number: a code was sent."),
        "no account, registration open" => {
            format!("For {phone}, which no account has: a code to register was sent.")
        }
        "no account, nothing sent" => {
            format!("For {phone}, which no account has: nothing was sent.")
        }
        _ => return None,
    })
}

/// "twilio the provider refused the message (code 21211): Invalid number" (the provider's
/// name, then `SmsError`'s text): what the provider said, without its internal name.
fn provider_failure(text: &str) -> Option<String> {
    let (_provider, error) = text.split_once(' ')?;
    if let Some(rest) = error.strip_prefix("the provider refused the message (code ") {
        let (code, reason) = rest.split_once("): ")?;
        return Some(format!(
            "The provider refused it: {} (error {code}).",
            reason.trim_end_matches('.')
        ));
    }
    error
        .starts_with("the provider is unavailable")
        .then(|| "The provider could not be reached or failed; nothing was sent.".to_owned())
}

/// "email 12 to a@example.com: 550 mailbox unavailable" (`email.given_up`).
fn given_up(text: &str) -> Option<String> {
    let rest = text.strip_prefix("email ")?;
    let (_id, rest) = rest.split_once(" to ")?;
    let (address, error) = rest.split_once(": ")?;
    Some(format!(
        "An email to {address} was given up after repeated failures: {}.",
        error.trim_end_matches('.')
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

/// What a room event adds after the room's name.
fn room_more(kind: EventKind, more: &str) -> String {
    match (kind, more.split_once(", invited ")) {
        (EventKind::RoomInvitationMade, Some((group, email))) => {
            format!("{email} was invited to the user group {group}.")
        }
        (EventKind::RoomGroupCreated, _) => format!("the user group {more}."),
        (EventKind::RoomMemberAdded, _) => format!("to the user group {more}."),
        (EventKind::RoomMemberRemoved, _) => match more.split_once("; ") {
            Some((group, rest)) => format!(
                "from the user group {group}, and {}.",
                rest.trim_end_matches('.')
                    .replace("left the room", "no longer in the room")
            ),
            None => format!("from the user group {more}."),
        },
        _ => format!("{}.", more.trim_end_matches('.').replace("; ", ", ")),
    }
}

/// "3 left" as 3, when the text is a number and then `suffix`.
fn count_before(text: &str, suffix: &str) -> Option<i64> {
    text.strip_suffix(suffix)?.parse().ok()
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
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
    fn every_kind_has_its_own_label_in_words() {
        let mut labels: Vec<&str> = EventKind::ALL.iter().map(|k| wording(*k).1).collect();
        for label in &labels {
            assert!(
                !label.contains(['_', '.']) && !label.chars().next().unwrap().is_lowercase(),
                "{label}"
            );
        }
        labels.sort_unstable();
        let count = labels.len();
        labels.dedup();
        assert_eq!(labels.len(), count, "two kinds share a label");
        for group in EventGroup::ALL {
            assert!(
                EventKind::ALL.iter().any(|k| wording(*k).0 == group),
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
            assert!(limit_words(refusal.reason()).is_some(), "{refusal:?}");
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
                Some("an authenticator app"),
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
                Some("password and authenticator app"),
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
                Some("account disabled"),
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
                Some("command line"),
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
                sentence(event, detail, subject_known),
                expected,
                "{event} {detail:?}"
            );
        }
    }
}
