//! The control center's use cases: platform settings, users, groups. Each runs in one
//! transaction with its audit events (actor: the administrator, or none from the command
//! line) and, where the user is told, the email.

use super::Services;
use super::factors::remove_all;
use super::letters::{Letter, Secret};
use super::notifications::Notice;
use crate::db::applications::revoke_grants_of_user;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::audit_details as details;
use crate::db::challenges::{budget_alerted_at, sms_by_country_since, sms_sent_by_kind_since};
use crate::db::directory::{
    Adoption, AuditCursor, AuditEntry, AuditFilter, Owing, Page, RequiredOf, TwoStepFilter,
    UserFilter, UserRow, UsersPage, adoption_by_group, adoption_overall, count_users,
    enforcement_preview, list_audit, list_users, owing, phones_without_two_step,
    recent_events_of_user,
};
use crate::db::groups::{
    Group, GroupNameError, add_member, delete_group, find_group, group_names, groups_of_user,
    insert_group, list_groups, record_requirement_starts, remove_member, rename_group,
    set_group_rule,
};
use crate::db::links::{LinkKind, replace_link};
use crate::db::platform::{load_platform_settings, save_platform_settings};
use crate::db::sessions::end_sessions_by_administrator;
use crate::db::users::{
    InsertUserError, NewUser, User, count_active_admins, find_user_by_email, find_user_by_id,
    insert_user, set_admin, set_disabled, set_profile_phone,
};
use crate::db::{DbError, Tx};

use crate::domain::account::{normalise_email, read_search};
use crate::domain::language::Language;
use crate::domain::phone::{
    PhoneProblem, allowed_calling_prefixes, in_allowed_country, mask_phone,
};
use crate::domain::policy::{
    GroupSetting, PlatformSettings, PlatformTwoStep, countries_to_text, group_rule_change,
};
use crate::domain::pumping::{Conversion, DAY_SECS, budget_warning_at, day_start, low_conversion};
use crate::domain::tokens::{random_token, token_digest};

/// Who made a change: an administrator through the control center, or someone at the
/// server's command line.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    Admin(&'a User),
    CommandLine,
}

impl Actor<'_> {
    pub(crate) fn user_id(self) -> Option<i64> {
        match self {
            Self::Admin(user) => Some(user.id),
            Self::CommandLine => None,
        }
    }
}

/// What an administrator (or the command line) does to one account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountChange {
    ResetTwoStep,
    SignOutEverywhere,
    Disable,
    Enable,
    MakeAdmin,
    RemoveAdmin,
}

/// Why an administrative change was not made.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such user or group.
    NotFound,
    /// The last enabled administrator cannot lose the role nor be disabled.
    LastAdmin,
    /// The number is not one codes can be sent to.
    Phone(PhoneProblem),
    /// The number receives the user's sign-in codes: it changes only with a code.
    PhoneInUse,
    /// A group with this name exists.
    NameTaken,
    /// No account has this email.
    NoSuchEmail,
    /// An account has this email already.
    EmailTaken,
    /// Room administrators cannot be enforced in their room.
    RoomAdminExempt,
}

/// One setting as it was and as it is now, for the notice and the audit log.
pub struct Change {
    /// The setting's name as the page names it: a message id.
    pub setting: &'static str,
    pub before: SettingValue,
    pub after: SettingValue,
}

impl Change {
    /// "Trusted devices expire: After 30 days → Never" in `lang`.
    pub fn say(&self, lang: Language) -> String {
        lang.tr("admin-setting-change")
            .arg("setting", lang.t(self.setting))
            .arg("before", self.before.say(lang))
            .arg("after", self.after.say(lang))
            .to_string()
    }
}

/// A setting's value, as the notice and the audit log say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingValue {
    OnOff(bool),
    TwoStep(PlatformTwoStep),
    Language(Language),
    /// Trusted devices expire after so many days, or never.
    AfterDays(Option<i64>),
    /// A length of time in seconds, or never.
    Duration(Option<i64>),
    Text(String),
    /// The SMS countries allowed: none listed allows all.
    Countries(Vec<String>),
    /// The default country for phone numbers, or none.
    Country(Option<String>),
    Number(i64),
}

impl SettingValue {
    pub fn say(&self, lang: Language) -> String {
        match self {
            Self::OnOff(true) => lang.t("admin-on"),
            Self::OnOff(false) => lang.t("admin-off"),
            Self::TwoStep(PlatformTwoStep::Off) => lang.t("admin-off"),
            Self::TwoStep(PlatformTwoStep::Optional) => lang.t("admin-settings-optional"),
            Self::TwoStep(PlatformTwoStep::Required) => lang.t("admin-setting-required-everyone"),
            Self::Language(language) => language.own_name().to_owned(),
            Self::AfterDays(None) | Self::Duration(None) => lang.t("admin-never"),
            Self::AfterDays(Some(days)) => {
                lang.tr("admin-setting-after-days").count(days).to_string()
            }
            Self::Duration(Some(secs)) if secs % 86_400 == 0 => {
                lang.tr("days").count(secs / 86_400).to_string()
            }
            Self::Duration(Some(secs)) if secs % 3_600 == 0 => {
                lang.tr("hours").count(secs / 3_600).to_string()
            }
            Self::Duration(Some(secs)) => lang.tr("minutes").count(secs / 60).to_string(),
            Self::Text(text) => text.clone(),
            Self::Countries(countries) if countries.is_empty() => lang.t("admin-setting-all"),
            Self::Countries(countries) => countries_to_text(countries),
            Self::Country(Some(code)) => code.clone(),
            Self::Country(None) => lang.t("admin-setting-none"),
            Self::Number(n) => n.to_string(),
        }
    }
}

/// The settings that differ between `old` and `new`, named as the page names them.
pub fn changes(old: &PlatformSettings, new: &PlatformSettings) -> Vec<Change> {
    use SettingValue::{AfterDays, Countries, Country, Duration, Number, OnOff, Text, TwoStep};
    let (was, is) = (&old.sms_limits, &new.sms_limits);
    let rows: [(&'static str, SettingValue, SettingValue); 21] = [
        (
            "admin-two-step",
            TwoStep(old.two_step),
            TwoStep(new.two_step),
        ),
        (
            "admin-setting-require-for-admins",
            OnOff(old.require_for_admins),
            OnOff(new.require_for_admins),
        ),
        (
            "admin-setting-admins-use-passkeys",
            OnOff(old.admins_use_passkeys),
            OnOff(new.admins_use_passkeys),
        ),
        (
            "admin-setting-default-language",
            SettingValue::Language(old.default_language),
            SettingValue::Language(new.default_language),
        ),
        (
            "admin-setting-new-device-alerts",
            OnOff(old.new_device_alerts),
            OnOff(new.new_device_alerts),
        ),
        (
            "admin-setting-trusted-devices",
            AfterDays(old.trusted_device_days),
            AfterDays(new.trusted_device_days),
        ),
        (
            "admin-setting-users-choose-session",
            OnOff(old.users_choose_session_duration),
            OnOff(new.users_choose_session_duration),
        ),
        (
            "admin-setting-max-session",
            Duration(Some(old.max_session_secs)),
            Duration(Some(new.max_session_secs)),
        ),
        (
            "admin-setting-inactivity",
            Duration(old.inactivity_timeout_secs),
            Duration(new.inactivity_timeout_secs),
        ),
        (
            "admin-setting-reminder",
            OnOff(old.reminder),
            OnOff(new.reminder),
        ),
        (
            "admin-setting-open-registration",
            OnOff(old.open_registration),
            OnOff(new.open_registration),
        ),
        (
            "admin-setting-app-name",
            Text(old.app_name.clone()),
            Text(new.app_name.clone()),
        ),
        (
            "admin-setting-sms-countries",
            Countries(old.sms_allowed_countries.clone()),
            Countries(new.sms_allowed_countries.clone()),
        ),
        (
            "admin-setting-default-country",
            Country(old.default_country.clone()),
            Country(new.default_country.clone()),
        ),
        (
            "admin-setting-phone-sign-in",
            OnOff(old.phone_sign_in),
            OnOff(new.phone_sign_in),
        ),
        (
            "admin-setting-users-edit-profile",
            OnOff(old.users_edit_profile),
            OnOff(new.users_edit_profile),
        ),
        (
            "admin-setting-sms-daily-budget",
            Number(was.daily_budget),
            Number(is.daily_budget),
        ),
        (
            "admin-setting-sms-per-number",
            Number(was.per_number),
            Number(is.per_number),
        ),
        (
            "admin-setting-sms-per-address",
            Number(was.per_address),
            Number(is.per_address),
        ),
        (
            "admin-setting-sms-per-network",
            Number(was.per_network),
            Number(is.per_network),
        ),
        (
            "admin-setting-sms-per-country",
            Number(was.per_country),
            Number(is.per_country),
        ),
    ];
    rows.into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(setting, before, after)| Change {
            setting,
            before,
            after,
        })
        .collect()
}

impl Services {
    pub(super) fn admin_event<'a>(
        &self,
        tx: &mut Tx,
        kind: EventKind,
        actor: Actor<'_>,
        subject: Option<i64>,
        origin: &'a Origin,
        detail: Option<&'a str>,
    ) {
        let detail = match (actor, detail) {
            (Actor::CommandLine, Some(detail)) => {
                Some(format!("{detail}{}", details::COMMAND_LINE_AFTER))
            }
            (Actor::CommandLine, None) => Some(details::COMMAND_LINE.to_owned()),
            (Actor::Admin(_), detail) => detail.map(str::to_owned),
        };
        let event = AuditEvent {
            kind,
            actor_user_id: actor.user_id(),
            subject_user_id: subject,
            origin,
            detail: detail.as_deref(),
        };
        self.audit(tx, &event);
    }

    /// Saves the platform settings; each change is audited as "setting: old → new". This
    /// instance sees the new values at once, the others within seconds.
    #[tracing::instrument(name = "Save the platform settings", skip_all)]
    pub async fn save_platform_settings(
        &self,
        actor: Actor<'_>,
        new: &PlatformSettings,
        origin: &Origin,
    ) -> Result<Vec<Change>, DbError> {
        let mut tx = self.db.begin().await?;
        let old = load_platform_settings(&mut *tx).await?;
        let changed = changes(&old, new);
        if changed.is_empty() {
            return Ok(changed);
        }
        save_platform_settings(&mut *tx, new, self.clock.now()).await?;
        for change in &changed {
            // The audit log keeps what happened in English, as every event's detail.
            let detail = change.say(Language::English);
            self.admin_event(
                &mut tx,
                EventKind::PlatformSettingsChanged,
                actor,
                None,
                origin,
                Some(&detail),
            );
        }
        tx.commit().await?;
        self.platform.forget().await;
        Ok(changed)
    }

    /// Resets a user's 2-step verification: their methods (the phone stops being a
    /// factor, the app key goes), recovery codes, trusted devices and every session, half
    /// signed-in ones too, are removed, with what applications were given (access tokens,
    /// codes not exchanged yet). At the next sign-in the policy applies again.
    #[tracing::instrument(name = "Reset 2-step verification", skip_all, fields(user_id))]
    pub async fn reset_two_step(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        origin: &Origin,
    ) -> Result<Result<User, Refusal>, DbError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        remove_all(&mut tx, user.id, now).await?;
        end_sessions_by_administrator(&mut *tx, user.id, now).await?;
        revoke_grants_of_user(&mut tx, user.id).await?;
        self.admin_event(
            &mut tx,
            EventKind::TwoStepReset,
            actor,
            Some(user.id),
            origin,
            None,
        );
        self.notify(&mut tx, &user, origin, Notice::ResetByAdmin)
            .await?;
        tx.commit().await?;
        Ok(Ok(user))
    }

    /// Ends every session of a user, half signed-in ones too, and what applications were
    /// given through them (access tokens, codes not exchanged yet).
    pub async fn sign_out_everywhere(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        origin: &Origin,
    ) -> Result<Result<u64, Refusal>, DbError> {
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let ended = end_sessions_by_administrator(&mut *tx, user_id, self.clock.now()).await?;
        revoke_grants_of_user(&mut tx, user_id).await?;
        let detail = format!("{ended} sessions");
        self.admin_event(
            &mut tx,
            EventKind::SessionsEndedByAdmin,
            actor,
            Some(user_id),
            origin,
            Some(&detail),
        );
        self.notify(&mut tx, &user, origin, Notice::SignedOutByAdmin)
            .await?;
        tx.commit().await?;
        Ok(Ok(ended))
    }

    /// Makes `change` to a user's account. Disabling ends every session. The last enabled
    /// administrator is never disabled nor loses the role; administrators take turns (a
    /// lock), so two removing each other at once cannot both succeed.
    pub async fn change_account(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        change: AccountChange,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let (flag_is_admin, on) = match change {
            AccountChange::ResetTwoStep => {
                return Ok(self
                    .reset_two_step(actor, user_id, origin)
                    .await?
                    .map(|_| ()));
            }
            AccountChange::SignOutEverywhere => {
                return Ok(self
                    .sign_out_everywhere(actor, user_id, origin)
                    .await?
                    .map(|_| ()));
            }
            AccountChange::Disable => (false, true),
            AccountChange::Enable => (false, false),
            AccountChange::MakeAdmin => (true, true),
            AccountChange::RemoveAdmin => (true, false),
        };
        let now = self.clock.now();
        let mut tx = self.db.begin_exclusive(&["administrators"]).await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let current = if flag_is_admin {
            user.is_admin()
        } else {
            user.is_disabled()
        };
        if current == on {
            return Ok(Ok(()));
        }
        let an_admin_goes = user.is_admin() && !user.is_disabled();
        if an_admin_goes && on != flag_is_admin && count_active_admins(&mut *tx).await? <= 1 {
            return Ok(Err(Refusal::LastAdmin));
        }
        if flag_is_admin {
            set_admin(&mut *tx, user.id, on, now).await?;
        } else {
            set_disabled(&mut *tx, user.id, on, now).await?;
        }
        if change == AccountChange::Disable {
            end_sessions_by_administrator(&mut *tx, user.id, now).await?;
            revoke_grants_of_user(&mut tx, user.id).await?;
        }
        let (kind, notice) = match change {
            AccountChange::Disable => (EventKind::AccountDisabled, Notice::AccountDisabled),
            AccountChange::Enable => (EventKind::AccountEnabled, Notice::AccountEnabled),
            AccountChange::MakeAdmin => (EventKind::AdminGranted, Notice::MadeAdmin),
            _ => (EventKind::AdminRevoked, Notice::NoLongerAdmin),
        };
        self.notify(&mut tx, &user, origin, notice).await?;
        self.admin_event(&mut tx, kind, actor, Some(user.id), origin, None);
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// The user's profile phone number, entered by an administrator: checked as a number
    /// codes can be sent to; empty removes it. The number a user's sign-in codes go to
    /// changes only with a code, by the user.
    pub async fn set_user_phone(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        typed: &str,
        origin: &Origin,
    ) -> Result<Result<Option<String>, Refusal>, DbError> {
        let platform = self.platform().await?;
        let phone = match typed.trim() {
            "" => None,
            typed => match platform.sms_phone(typed) {
                Ok(phone) => Some(phone),
                Err(problem) => return Ok(Err(Refusal::Phone(problem))),
            },
        };
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        if user.phone == phone {
            return Ok(Ok(phone));
        }
        if user.sms_phone().is_some() {
            return Ok(Err(Refusal::PhoneInUse));
        }
        set_profile_phone(&mut *tx, user.id, phone.as_deref(), now).await?;
        self.admin_event(
            &mut tx,
            EventKind::PhoneSetByAdmin,
            actor,
            Some(user.id),
            origin,
            None,
        );
        let masked = phone.as_deref().map(mask_phone);
        let notice = Notice::PhoneSetByAdmin {
            phone: masked.as_deref(),
        };
        self.notify(&mut tx, &user, origin, notice).await?;
        tx.commit().await?;
        Ok(Ok(phone))
    }

    pub async fn user_by_email(&self, typed: &str) -> Result<Option<User>, DbError> {
        let email = normalise_email(typed).unwrap_or_else(|_| typed.trim().to_lowercase());
        find_user_by_email(&self.db.pool, &email).await
    }

    pub async fn create_group(
        &self,
        actor: Actor<'_>,
        name: &str,
        origin: &Origin,
    ) -> Result<Result<i64, Refusal>, DbError> {
        let mut tx = self.db.begin().await?;
        let id = match insert_group(&mut *tx, name, self.clock.now()).await {
            Ok(id) => id,
            Err(GroupNameError::Taken) => return Ok(Err(Refusal::NameTaken)),
            Err(GroupNameError::Db(err)) => return Err(err),
        };
        self.admin_event(
            &mut tx,
            EventKind::GroupCreated,
            actor,
            None,
            origin,
            Some(name.trim()),
        );
        tx.commit().await?;
        Ok(Ok(id))
    }

    pub async fn rename_group(
        &self,
        actor: Actor<'_>,
        id: i64,
        name: &str,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let mut tx = self.db.begin().await?;
        let Some(group) = find_group(&mut *tx, id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        match rename_group(&mut *tx, id, name, self.clock.now()).await {
            Ok(_) => {}
            Err(GroupNameError::Taken) => return Ok(Err(Refusal::NameTaken)),
            Err(GroupNameError::Db(err)) => return Err(err),
        }
        let detail = format!("{} → {}", group.name, name.trim());
        self.admin_event(
            &mut tx,
            EventKind::GroupRenamed,
            actor,
            None,
            origin,
            Some(&detail),
        );
        tx.commit().await?;
        Ok(Ok(()))
    }

    pub async fn delete_group(
        &self,
        actor: Actor<'_>,
        id: i64,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let mut tx = self.db.begin().await?;
        let Some(group) = find_group(&mut *tx, id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        delete_group(&mut *tx, id).await?;
        self.admin_event(
            &mut tx,
            EventKind::GroupDeleted,
            actor,
            None,
            origin,
            Some(&group.name),
        );
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Stores the group's "2-step verification for members", "Methods members may use" and
    /// grace period; members the requirement newly applies to start their grace period
    /// now. The grace period is kept only for a rule that holds members to something.
    pub async fn set_group_rule(
        &self,
        actor: Actor<'_>,
        id: i64,
        setting: GroupSetting,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(group) = find_group(&mut *tx, id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let setting = GroupSetting {
            grace_days: setting
                .grace_days
                .filter(|d| *d > 0 && setting.holds_members()),
            ..setting
        };
        // In English, as every event's detail in the audit log.
        let Some(change) = group_rule_change(group.setting(), setting, Language::English) else {
            return Ok(Ok(()));
        };
        set_group_rule(&mut *tx, id, setting, now).await?;
        record_requirement_starts(&mut *tx, id, None, now).await?;
        let detail = format!("{} — {change}", group.name);
        self.admin_event(
            &mut tx,
            EventKind::GroupRuleChanged,
            actor,
            None,
            origin,
            Some(&detail),
        );
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Adds the account with this email to the group. Answers the member's name, for the
    /// notice, and whether they were added (false: they were a member already).
    pub async fn add_group_member(
        &self,
        actor: Actor<'_>,
        group_id: i64,
        typed_email: &str,
        origin: &Origin,
    ) -> Result<Result<(String, bool), Refusal>, DbError> {
        let Some(user) = self.user_by_email(typed_email).await? else {
            return Ok(Err(Refusal::NoSuchEmail));
        };
        let mut tx = self.db.begin().await?;
        let Some(group) = find_group(&mut *tx, group_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let now = self.clock.now();
        let added = add_member(&mut *tx, group_id, user.id, now).await?;
        record_requirement_starts(&mut *tx, group_id, Some(user.id), now).await?;
        if added {
            self.admin_event(
                &mut tx,
                EventKind::GroupMemberAdded,
                actor,
                Some(user.id),
                origin,
                Some(&group.name),
            );
        }
        tx.commit().await?;
        Ok(Ok((user.name, added)))
    }

    /// Takes the user out of the group; their name, for the notice.
    pub async fn remove_group_member(
        &self,
        actor: Actor<'_>,
        group_id: i64,
        user_id: i64,
        origin: &Origin,
    ) -> Result<Result<String, Refusal>, DbError> {
        let mut tx = self.db.begin().await?;
        let Some(group) = find_group(&mut *tx, group_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        // Not a member (or no such user): said as for an unknown id.
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        if !remove_member(&mut *tx, group_id, user_id).await? {
            return Ok(Err(Refusal::NotFound));
        }
        self.admin_event(
            &mut tx,
            EventKind::GroupMemberRemoved,
            actor,
            Some(user_id),
            origin,
            Some(&group.name),
        );
        tx.commit().await?;
        Ok(Ok(user.name))
    }
}

/// The users the overview lists of those who must still set up.
const OVERVIEW_OWING: i64 = 10;

/// The users list counts the users it matches up to this many ("More than 1,000 users"):
/// a count costs the same at the millionth user.
pub const LIST_COUNT_MOST: i64 = 1_000;

/// Of whom the platform settings require 2-step verification (besides groups' members).
fn required_of(platform: &PlatformSettings) -> RequiredOf {
    RequiredOf {
        everyone: platform.two_step == PlatformTwoStep::Required,
        admins: platform.require_for_admins,
    }
}

/// What the control center's overview shows.
pub struct Overview {
    pub overall: Adoption,
    pub by_group: Vec<(String, Adoption)>,
    /// The first users who must still set up, and how many they are in all.
    pub owing: Vec<Owing>,
    pub owing_count: i64,
    pub sms: SmsFigures,
    pub events: Vec<AuditEntry>,
}

/// The overview's SMS figures (PRODUCT.md, "SMS pumping").
pub struct SmsFigures {
    /// Texts since midnight (UTC) to numbers no account has verified.
    pub risky_today: i64,
    /// Texts since midnight (UTC) to numbers their owner verified.
    pub safe_today: i64,
    /// The daily budget of risky texts, and the count at which administrators are warned.
    pub budget: i64,
    pub warning_at: i64,
    /// When administrators were emailed today that 80 % of the budget was spent.
    pub alerted_at: Option<i64>,
    /// Texts today per country calling code, most first.
    pub today_by_country: Vec<(i64, i64)>,
    /// Codes sent and entered over the last 7 days per country calling code, most sent
    /// first, each with whether its rate is far below the others'.
    pub week_by_country: Vec<(Conversion, bool)>,
}

impl SmsFigures {
    pub fn total_today(&self) -> i64 {
        self.risky_today + self.safe_today
    }

    /// Risky texts are paused until midnight (UTC).
    pub fn paused(&self) -> bool {
        self.risky_today >= self.budget
    }

    pub fn warned(&self) -> bool {
        self.risky_today >= self.warning_at
    }
}

/// Today's figures and the last 7 days' conversion per country: three range reads of the
/// sends' `at` index.
async fn sms_figures(
    conn: &mut sqlx::AnyConnection,
    budget: i64,
    now: i64,
) -> Result<SmsFigures, DbError> {
    let today = day_start(now);
    let (risky_today, safe_today) = sms_sent_by_kind_since(&mut *conn, today).await?;
    let today_by_country = sms_by_country_since(&mut *conn, today)
        .await?
        .into_iter()
        .map(|(code, sent, _)| (code, sent))
        .collect();
    let week: Vec<Conversion> = sms_by_country_since(&mut *conn, now - 7 * DAY_SECS)
        .await?
        .into_iter()
        .map(|(calling_code, sent, entered)| Conversion {
            calling_code,
            sent,
            entered,
        })
        .collect();
    let low = low_conversion(&week);
    Ok(SmsFigures {
        risky_today,
        safe_today,
        budget,
        warning_at: budget_warning_at(budget),
        alerted_at: budget_alerted_at(&mut *conn, today).await?,
        today_by_country,
        week_by_country: week.into_iter().zip(low).collect(),
    })
}

impl Services {
    /// The overview's figures, read on one connection.
    pub async fn overview(&self) -> Result<Overview, DbError> {
        let platform = self.platform().await?;
        let mut conn = self.db.pool.acquire().await?;
        let now = self.clock.now();
        let required_of = required_of(&platform);
        let must_set_up = UserFilter {
            two_step: Some(TwoStepFilter::MustSetUp),
            required_of,
            ..UserFilter::default()
        };
        Ok(Overview {
            overall: adoption_overall(&mut *conn).await?,
            by_group: adoption_by_group(&mut *conn).await?,
            owing: owing(&mut *conn, required_of, OVERVIEW_OWING).await?,
            owing_count: count_users(&mut conn, &must_set_up).await?,
            sms: sms_figures(&mut conn, platform.sms_limits.daily_budget, now).await?,
            events: list_audit(&mut *conn, &AuditFilter::default(), AuditCursor::START, 10).await?,
        })
    }

    /// A page of the users list: `filter` with the words `search` as typed (a phone number
    /// read in the platform's default country too), "Must still set up" as the platform's
    /// settings make it, and how many users match (up to `LIST_COUNT_MOST`).
    pub async fn users_page(
        &self,
        search: &str,
        mut filter: UserFilter,
        page: Page,
        per_page: i64,
    ) -> Result<UsersPage, DbError> {
        let platform = self.platform().await?;
        filter.search = read_search(search, platform.phone_country());
        filter.required_of = required_of(&platform);
        let mut conn = self.db.pool.acquire().await?;
        list_users(&mut conn, &filter, page, per_page, LIST_COUNT_MOST).await
    }

    /// Events matching `filter` after `cursor`: a page, and whether more follow.
    pub async fn audit_page(
        &self,
        filter: &AuditFilter,
        cursor: AuditCursor,
        per_page: i64,
    ) -> Result<(Vec<AuditEntry>, bool), DbError> {
        let mut rows = list_audit(&self.db.pool, filter, cursor, per_page + 1).await?;
        let more = rows.len() > usize::try_from(per_page).unwrap_or(0);
        rows.truncate(usize::try_from(per_page).unwrap_or(0));
        Ok((rows, more))
    }

    /// How many users would have to set up if it became required (of everyone, or of a
    /// group's members), and how many of them have no phone number that can take codes:
    /// none at all, or one outside the SMS countries allowed. A number not verified yet
    /// can: set-up sends it a code. `countries`: the SMS countries allowed (empty: all), as
    /// they are, or as the form about to be saved makes them.
    pub async fn enforcement_preview(
        &self,
        group: Option<i64>,
        countries: &[String],
    ) -> Result<(i64, i64), DbError> {
        if countries.is_empty() {
            return enforcement_preview(&self.db.pool, group, None).await;
        }
        let (whole, shared) = allowed_calling_prefixes(countries);
        let reachable: Vec<String> = whole.iter().chain(&shared).cloned().collect();
        let mut conn = self.db.pool.acquire().await?;
        let (without, outside) = enforcement_preview(&mut *conn, group, Some(&reachable)).await?;
        let shared_outside = phones_without_two_step(&mut *conn, group, &shared)
            .await?
            .iter()
            .filter(|phone| !in_allowed_country(phone, countries))
            .count();
        Ok((
            without,
            outside + i64::try_from(shared_outside).unwrap_or(i64::MAX),
        ))
    }

    /// Every group's id and name, for a choice of groups.
    pub async fn group_names(&self) -> Result<Vec<(i64, String)>, DbError> {
        group_names(&self.db.pool).await
    }

    pub async fn groups(&self) -> Result<Vec<Group>, DbError> {
        list_groups(&self.db.pool).await
    }

    pub async fn group(&self, id: i64) -> Result<Option<Group>, DbError> {
        find_group(&self.db.pool, id).await
    }

    /// A page of a group's members (matching `search` when given) after user id `after`,
    /// read from the membership key in id order, and whether more follow.
    pub async fn group_members_page(
        &self,
        id: i64,
        search: Option<String>,
        after: i64,
        per_page: i64,
    ) -> Result<(Vec<UserRow>, bool), DbError> {
        let filter = UserFilter {
            group: Some(id),
            ..UserFilter::default()
        };
        let page = self
            .users_page(
                search.as_deref().unwrap_or_default(),
                filter,
                Page::After(after),
                per_page,
            )
            .await?;
        Ok((page.rows, page.later))
    }

    /// What the control center shows of one user: their groups and latest events.
    pub async fn user_details(&self, id: i64) -> Result<Option<UserDetails>, DbError> {
        let Some(user) = find_user_by_id(&self.db.pool, id).await? else {
            return Ok(None);
        };
        let overview = self.security_overview(&user).await?;
        // Before the connection below is taken: a request never holds one while it waits
        // for another (under load, requests holding one each would starve the pool).
        let requirement = self.requirement(&user).await?;
        let mut conn = self.db.pool.acquire().await?;
        let last_admin =
            user.is_admin() && !user.is_disabled() && count_active_admins(&mut *conn).await? <= 1;
        Ok(Some(UserDetails {
            last_admin,
            groups: groups_of_user(&mut *conn, id).await?,
            events: recent_events_of_user(&mut *conn, id, 20).await?,
            requirement,
            user,
            overview,
        }))
    }
}

pub struct UserDetails {
    pub user: User,
    pub overview: crate::services::two_step::SecurityOverview,
    pub groups: Vec<(i64, String)>,
    pub events: Vec<AuditEntry>,
    pub requirement: crate::domain::policy::Requirement,
    /// The only enabled administrator: the role cannot go, nor the account be disabled.
    pub last_admin: bool,
}

/// How long a "set your password" link works.
pub const PASSWORD_LINK_SECS: i64 = 72 * 3_600;

/// A user an administrator adds: already checked (email and name normalised, the phone
/// in E.164 and able to take codes).
pub struct AddUser {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub groups: Vec<i64>,
    pub admin: bool,
}

impl Services {
    /// Adds a user with no password and emails them a one-time "set your password" link
    /// (only its digest is kept: nobody else sees it).
    #[tracing::instrument(name = "Add a user", skip_all)]
    pub async fn add_user(
        &self,
        actor: Actor<'_>,
        new: &AddUser,
        origin: &Origin,
    ) -> Result<Result<i64, Refusal>, DbError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let user = NewUser {
            email: &new.email,
            name: &new.name,
            password_hash: None,
            phone: new.phone.as_deref(),
            is_admin: new.admin,
            email_confirmed: true,
        };
        let id = match insert_user(&mut tx, &user, now).await {
            Ok(id) => id,
            Err(InsertUserError::EmailTaken) => return Ok(Err(Refusal::EmailTaken)),
            Err(InsertUserError::Db(err)) => return Err(err),
        };
        for group in &new.groups {
            if find_group(&mut *tx, *group).await?.is_none() {
                return Ok(Err(Refusal::NotFound));
            }
            add_member(&mut *tx, *group, id, now).await?;
            record_requirement_starts(&mut *tx, *group, Some(id), now).await?;
        }
        let token = random_token();
        replace_link(
            &mut tx,
            LinkKind::Password,
            id,
            &token_digest(&token),
            now,
            now + PASSWORD_LINK_SECS,
        )
        .await?;
        let (app, lang) = self.writing_to(&mut tx, None).await?;
        let letter = Letter {
            language: lang,
            subject: lang
                .tr("email-created-subject")
                .arg("app", &app)
                .to_string(),
            name: Some(&new.name),
            lead: lang
                .tr("email-created-lead")
                .arg("app", &app)
                .arg("email", &new.email)
                .to_string(),
            links: vec![(
                lang.t("email-choose-password-72-hours"),
                self.link("/password/set", Some(&token)),
            )],
            after: vec![
                lang.t("email-created-then-sign-in"),
                lang.t("email-advice-tell-admin"),
            ],
        };
        self.queue_letter(&mut tx, Some(id), &new.email, &letter, Secret::OneTimeLink)
            .await?;
        let detail = if new.admin {
            Some("administrator")
        } else {
            None
        };
        self.admin_event(
            &mut tx,
            EventKind::UserAddedByAdmin,
            actor,
            Some(id),
            origin,
            detail,
        );
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Emails a user a new "set your password" link (the older one stops working).
    pub async fn new_password_link(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let token = random_token();
        replace_link(
            &mut tx,
            LinkKind::Password,
            user_id,
            &token_digest(&token),
            now,
            now + PASSWORD_LINK_SECS,
        )
        .await?;
        let (app, lang) = self.writing_to(&mut tx, user.language()).await?;
        let letter = Letter {
            language: lang,
            subject: lang
                .tr("email-password-link-subject")
                .arg("app", &app)
                .to_string(),
            name: Some(&user.name),
            lead: lang
                .tr("email-password-link-lead")
                .arg("app", &app)
                .arg("email", &user.email)
                .to_string(),
            links: vec![(
                lang.t("email-choose-password-72-hours"),
                self.link("/password/set", Some(&token)),
            )],
            after: vec![
                lang.t("email-password-link-two-step-stays"),
                lang.t("email-advice-tell-admin"),
            ],
        };
        self.queue_letter(
            &mut tx,
            Some(user.id),
            &user.email,
            &letter,
            Secret::OneTimeLink,
        )
        .await?;
        self.admin_event(
            &mut tx,
            EventKind::PasswordLinkMade,
            actor,
            Some(user_id),
            origin,
            None,
        );
        tx.commit().await?;
        Ok(Ok(()))
    }
}
