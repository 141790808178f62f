//! The audit log: who did what to whom, when, from where.

use super::{DbError, Exec, placeholders};
use crate::domain::language::Language;

/// Every kind of event the portal records. The stored names are stable: reports and
/// tests read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    AdminCreated,
    UserRegistered,
    UserCreatedFromCommandLine,
    SignInSucceeded,
    SignInFailed,
    SignInThrottled,
    SignedOut,
    PasswordChanged,
    PasswordChangeFailed,
    SignInCodeRequired,
    SmsSent,
    SmsSendFailed,
    SmsSendRefused,
    CodeVerified,
    CodeFailed,
    CodeLocked,
    TwoStepEnabled,
    TwoStepDisabled,
    PhoneChanged,
    ReauthSucceeded,
    ReauthFailed,
    MethodChanged,
    TotpVerified,
    TotpFailed,
    TotpReplayRefused,
    RecoveryCodesGenerated,
    RecoveryCodeUsed,
    RecoveryCodeFailed,
    DeviceTrusted,
    DeviceRemoved,
    SignInTrustedDevice,
    SessionEnded,
    OtherSessionsEnded,
    SessionDurationChanged,
    FactorRemoved,
    RecoveryCodesReplaced,
    PlatformSettingsChanged,
    TwoStepReset,
    AccountDisabled,
    AccountEnabled,
    AdminGranted,
    AdminRevoked,
    SessionsEndedByAdmin,
    PhoneSetByAdmin,
    NameChangedByAdmin,
    GroupCreated,
    GroupRenamed,
    GroupDeleted,
    GroupRuleChanged,
    GroupMemberAdded,
    GroupMemberRemoved,
    UserAddedByAdmin,
    PasswordLinkMade,
    PasswordSet,
    RoomCreated,
    RoomEdited,
    RoomEnforcementOn,
    RoomEnforcementOff,
    RoomGroupCreated,
    RoomMemberAdded,
    RoomMemberRemoved,
    RoomPhoneSet,
    RoomPhoneCleared,
    RoomStepPassed,
    RoomStepFailed,
    RoomStepLocked,
    RoomInvitationMade,
    RoomInvitationAccepted,
    EmailGivenUp,
    PasswordResetRequested,
    EmailConfirmed,
    RegisteredAgain,
    SignInUnconfirmed,
    PhoneSignInSucceeded,
    PhoneSignInFailed,
    PhoneSignInCodeRequested,
    PhoneSecondFactorRequired,
    UserRegisteredByPhone,
    ProfilePhoneChanged,
    ApplicationAdded,
    ApplicationChanged,
    ApplicationSecretRenewed,
    ApplicationDeleted,
    SignedInToApplication,
    PasskeyAdded,
    PasskeyRemoved,
    PasskeyRefused,
    PasskeyCounterRefused,
    TemporaryCodeIssued,
    TemporaryCodeUsed,
    TemporaryCodeFailed,
    HelpRequested,
    AccountSecured,
    ApiKeyCreated,
    ApiKeyRevoked,
    TwoStepReminderSent,
    SecretKeyRotated,
    SigningKeyRotated,
}

impl EventKind {
    /// Every kind, for the audit log's filter.
    pub const ALL: [Self; 98] = [
        Self::AdminCreated,
        Self::UserRegistered,
        Self::UserCreatedFromCommandLine,
        Self::SignInSucceeded,
        Self::SignInFailed,
        Self::SignInThrottled,
        Self::SignedOut,
        Self::PasswordChanged,
        Self::PasswordChangeFailed,
        Self::SignInCodeRequired,
        Self::SmsSent,
        Self::SmsSendFailed,
        Self::SmsSendRefused,
        Self::CodeVerified,
        Self::CodeFailed,
        Self::CodeLocked,
        Self::TwoStepEnabled,
        Self::TwoStepDisabled,
        Self::PhoneChanged,
        Self::ReauthSucceeded,
        Self::ReauthFailed,
        Self::MethodChanged,
        Self::TotpVerified,
        Self::TotpFailed,
        Self::TotpReplayRefused,
        Self::RecoveryCodesGenerated,
        Self::RecoveryCodeUsed,
        Self::RecoveryCodeFailed,
        Self::DeviceTrusted,
        Self::DeviceRemoved,
        Self::SignInTrustedDevice,
        Self::SessionEnded,
        Self::OtherSessionsEnded,
        Self::SessionDurationChanged,
        Self::FactorRemoved,
        Self::RecoveryCodesReplaced,
        Self::PlatformSettingsChanged,
        Self::TwoStepReset,
        Self::AccountDisabled,
        Self::AccountEnabled,
        Self::AdminGranted,
        Self::AdminRevoked,
        Self::SessionsEndedByAdmin,
        Self::PhoneSetByAdmin,
        Self::NameChangedByAdmin,
        Self::GroupCreated,
        Self::GroupRenamed,
        Self::GroupDeleted,
        Self::GroupRuleChanged,
        Self::GroupMemberAdded,
        Self::GroupMemberRemoved,
        Self::UserAddedByAdmin,
        Self::PasswordLinkMade,
        Self::PasswordSet,
        Self::RoomCreated,
        Self::RoomEdited,
        Self::RoomEnforcementOn,
        Self::RoomEnforcementOff,
        Self::RoomGroupCreated,
        Self::RoomMemberAdded,
        Self::RoomMemberRemoved,
        Self::RoomPhoneSet,
        Self::RoomPhoneCleared,
        Self::RoomStepPassed,
        Self::RoomStepFailed,
        Self::RoomStepLocked,
        Self::RoomInvitationMade,
        Self::RoomInvitationAccepted,
        Self::EmailGivenUp,
        Self::PasswordResetRequested,
        Self::EmailConfirmed,
        Self::RegisteredAgain,
        Self::SignInUnconfirmed,
        Self::PhoneSignInSucceeded,
        Self::PhoneSignInFailed,
        Self::PhoneSignInCodeRequested,
        Self::PhoneSecondFactorRequired,
        Self::UserRegisteredByPhone,
        Self::ProfilePhoneChanged,
        Self::ApplicationAdded,
        Self::ApplicationChanged,
        Self::ApplicationSecretRenewed,
        Self::ApplicationDeleted,
        Self::SignedInToApplication,
        Self::PasskeyAdded,
        Self::PasskeyRemoved,
        Self::PasskeyRefused,
        Self::PasskeyCounterRefused,
        Self::TemporaryCodeIssued,
        Self::TemporaryCodeUsed,
        Self::TemporaryCodeFailed,
        Self::HelpRequested,
        Self::AccountSecured,
        Self::ApiKeyCreated,
        Self::ApiKeyRevoked,
        Self::TwoStepReminderSent,
        Self::SecretKeyRotated,
        Self::SigningKeyRotated,
    ];

    /// The kind stored as `name`; `None` for a name the portal does not write.
    pub fn from_stored(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::AdminCreated => "admin.created",
            Self::UserRegistered => "user.registered",
            Self::UserCreatedFromCommandLine => "user.created_cli",
            Self::SignInSucceeded => "sign_in.succeeded",
            Self::SignInFailed => "sign_in.failed",
            Self::SignInThrottled => "sign_in.throttled",
            Self::SignedOut => "sign_out",
            Self::PasswordChanged => "password.changed",
            Self::PasswordChangeFailed => "password.change_failed",
            Self::SignInCodeRequired => "sign_in.code_required",
            Self::SmsSent => "sms.sent",
            Self::SmsSendFailed => "sms.send_failed",
            Self::SmsSendRefused => "sms.send_refused",
            Self::CodeVerified => "code.verified",
            Self::CodeFailed => "code.failed",
            Self::CodeLocked => "code.locked",
            Self::TwoStepEnabled => "two_step.enabled",
            Self::TwoStepDisabled => "two_step.disabled",
            Self::PhoneChanged => "phone.changed",
            Self::ReauthSucceeded => "reauth.succeeded",
            Self::ReauthFailed => "reauth.failed",
            Self::MethodChanged => "two_step.method_changed",
            Self::TotpVerified => "totp.verified",
            Self::TotpFailed => "totp.failed",
            Self::TotpReplayRefused => "totp.replay_refused",
            Self::RecoveryCodesGenerated => "recovery_codes.generated",
            Self::RecoveryCodeUsed => "recovery_code.used",
            Self::RecoveryCodeFailed => "recovery_code.failed",
            Self::DeviceTrusted => "device.trusted",
            Self::DeviceRemoved => "device.removed",
            Self::SignInTrustedDevice => "sign_in.trusted_device",
            Self::SessionEnded => "session.ended",
            Self::OtherSessionsEnded => "session.others_ended",
            Self::SessionDurationChanged => "session.duration_changed",
            Self::FactorRemoved => "two_step.factor_removed",
            Self::RecoveryCodesReplaced => "recovery_codes.replaced",
            Self::PlatformSettingsChanged => "platform.settings_changed",
            Self::TwoStepReset => "two_step.reset",
            Self::AccountDisabled => "account.disabled",
            Self::AccountEnabled => "account.enabled",
            Self::AdminGranted => "admin.granted",
            Self::AdminRevoked => "admin.revoked",
            Self::SessionsEndedByAdmin => "session.all_ended",
            Self::PhoneSetByAdmin => "phone.set_by_admin",
            Self::NameChangedByAdmin => "user.name_changed_by_admin",
            Self::GroupCreated => "group.created",
            Self::GroupRenamed => "group.renamed",
            Self::GroupDeleted => "group.deleted",
            Self::GroupRuleChanged => "group.rule_changed",
            Self::GroupMemberAdded => "group.member_added",
            Self::GroupMemberRemoved => "group.member_removed",
            Self::UserAddedByAdmin => "user.added_by_admin",
            Self::PasswordLinkMade => "password.link_made",
            Self::PasswordSet => "password.set",
            Self::RoomCreated => "room.created",
            Self::RoomEdited => "room.edited",
            Self::RoomEnforcementOn => "room.enforcement_on",
            Self::RoomEnforcementOff => "room.enforcement_off",
            Self::RoomGroupCreated => "room.group_created",
            Self::RoomMemberAdded => "room.member_added",
            Self::RoomMemberRemoved => "room.member_removed",
            Self::RoomPhoneSet => "room.phone_set",
            Self::RoomPhoneCleared => "room.phone_cleared",
            Self::RoomStepPassed => "room.step_passed",
            Self::RoomStepFailed => "room.step_failed",
            Self::RoomStepLocked => "room.step_locked",
            Self::RoomInvitationMade => "room.invitation_made",
            Self::RoomInvitationAccepted => "room.invitation_accepted",
            Self::EmailGivenUp => "email.given_up",
            Self::PasswordResetRequested => "password.reset_requested",
            Self::EmailConfirmed => "email.confirmed",
            Self::RegisteredAgain => "user.registered_again",
            Self::SignInUnconfirmed => "sign_in.unconfirmed",
            Self::PhoneSignInSucceeded => "sign_in.phone_succeeded",
            Self::PhoneSignInFailed => "sign_in.phone_failed",
            Self::PhoneSignInCodeRequested => "sign_in.phone_code_requested",
            Self::PhoneSecondFactorRequired => "sign_in.phone_second_factor_required",
            Self::UserRegisteredByPhone => "user.registered_by_phone",
            Self::ProfilePhoneChanged => "user.profile_phone_changed",
            Self::ApplicationAdded => "application.added",
            Self::ApplicationChanged => "application.changed",
            Self::ApplicationSecretRenewed => "application.secret_renewed",
            Self::ApplicationDeleted => "application.deleted",
            Self::SignedInToApplication => "application.signed_in",
            Self::PasskeyAdded => "passkey.added",
            Self::PasskeyRemoved => "passkey.removed",
            Self::PasskeyRefused => "passkey.refused",
            Self::PasskeyCounterRefused => "passkey.counter_refused",
            Self::TemporaryCodeIssued => "temporary_code.issued",
            Self::TemporaryCodeUsed => "temporary_code.used",
            Self::TemporaryCodeFailed => "temporary_code.failed",
            Self::HelpRequested => "sign_in.help_requested",
            Self::AccountSecured => "account.secured",
            Self::ApiKeyCreated => "api_key.created",
            Self::ApiKeyRevoked => "api_key.revoked",
            Self::TwoStepReminderSent => "two_step.reminder_sent",
            Self::SecretKeyRotated => "secret_key.rotated",
            Self::SigningKeyRotated => "signing_key.rotated",
        }
    }
}

/// Where a request came from, as recorded with each event, and the language its page was
/// answered in: what someone with no account yet reads their email or text in.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub language: Option<Language>,
}

pub struct AuditEvent<'a> {
    pub kind: EventKind,
    pub actor_user_id: Option<i64>,
    pub subject_user_id: Option<i64>,
    pub origin: &'a Origin,
    /// A short, non-secret detail (never a password, code or token).
    pub detail: Option<&'a str>,
}

impl<'a> AuditEvent<'a> {
    /// An event a user caused on their own account.
    pub fn by_user(
        kind: EventKind,
        user_id: i64,
        origin: &'a Origin,
        detail: Option<&'a str>,
    ) -> Self {
        Self {
            kind,
            actor_user_id: Some(user_id),
            subject_user_id: Some(user_id),
            origin,
            detail,
        }
    }
}

/// An event of a transaction, written with the others when it commits.
pub struct AuditRow {
    at: i64,
    kind: EventKind,
    actor_user_id: Option<i64>,
    subject_user_id: Option<i64>,
    ip: Option<String>,
    user_agent: Option<String>,
    detail: Option<String>,
    /// The key of an email address typed that names no account (`about_address`).
    address_key: Option<String>,
    /// The API key that made the change (`by_api_key`).
    actor_api_key_id: Option<i64>,
}

impl AuditRow {
    /// The event's stored name ("sign_in.succeeded").
    pub fn event_name(&self) -> &'static str {
        self.kind.as_str()
    }

    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// What the metrics count of it.
    pub fn name_and_detail(&self) -> (&'static str, Option<&str>) {
        (self.event_name(), self.detail())
    }

    pub fn new(event: &AuditEvent<'_>, now: i64) -> Self {
        Self {
            at: now,
            kind: event.kind,
            actor_user_id: event.actor_user_id,
            subject_user_id: event.subject_user_id,
            ip: event.origin.ip.clone(),
            user_agent: event.origin.user_agent.clone(),
            detail: event.detail.map(str::to_owned),
            address_key: None,
            actor_api_key_id: None,
        }
    }

    /// The change was made through the API with the key `id` (the row has no actor user).
    pub fn by_api_key(mut self, id: i64) -> Self {
        self.actor_api_key_id = Some(id);
        self
    }

    /// The event is about an email address typed that names no account: the row keeps
    /// the address's key (never the address), for the audit log's filter to find.
    pub fn about_address(mut self, key: String) -> Self {
        self.address_key = Some(key);
        self
    }
}

/// Writes events in the order given, in one statement.
pub async fn record_events<'e>(db: impl Exec<'e>, rows: &[AuditRow]) -> Result<(), DbError> {
    const COLUMNS: usize = 9;
    let values: Vec<String> = (0..rows.len())
        .map(|row| format!("({})", placeholders(row * COLUMNS + 1, COLUMNS)))
        .collect();
    let sql = format!(
        "INSERT INTO audit_events (at, event, actor_user_id, subject_user_id, ip, user_agent, detail, address_key, actor_api_key_id) VALUES {}",
        values.join(", ")
    );
    // The text holds only numbered placeholders; the values are bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for row in rows {
        query = query
            .bind(row.at)
            .bind(row.kind.as_str())
            .bind(row.actor_user_id)
            .bind(row.subject_user_id)
            .bind(row.ip.as_deref())
            .bind(row.user_agent.as_deref())
            .bind(row.detail.as_deref())
            .bind(row.address_key.as_deref())
            .bind(row.actor_api_key_id);
    }
    query.execute(db).await?;
    Ok(())
}
