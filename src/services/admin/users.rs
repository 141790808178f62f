//! What an administrator does to one account, and adding one.

use super::{AccountChange, Actor, Refusal};
use crate::db::applications::revoke_grants_of_user;
use crate::db::audit::{EventKind, Origin};
use crate::db::directory::{AuditEntry, recent_events_of_user};
use crate::db::groups::{add_member, find_group, groups_of_user, record_requirement_starts};
use crate::db::links::LinkKind;
use crate::db::sessions::end_sessions_by_administrator;
use crate::db::users::{
    InsertUserError, NewUser, User, count_active_admins, find_user_by_email, find_user_by_id,
    insert_user, set_admin, set_disabled, set_name, set_profile_phone,
};
use crate::db::{DbError, Tx};
use crate::services::Services;
use crate::services::factors::remove_all;
use crate::services::letters::{Letter, Secret};
use crate::services::new_link;
use crate::services::notifications::Notice;

use crate::domain::account::{normalise_email, normalise_name};
use crate::domain::phone::mask_phone;
use crate::domain::policy::PlatformSettings;
use crate::domain::problems::Problems;

impl Services {
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
        let mut tx = self.db.begin_exclusive(&["administrators"]).await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        if let Err(refusal) = self
            .set_flag_in(&mut tx, actor, &user, (flag_is_admin, on), change, origin)
            .await?
        {
            return Ok(Err(refusal));
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Sets the administrator flag (`(true, on)`) or the disabled flag (`(false, on)`) of
    /// `user` in `tx`, which holds the administrators' lock: the last enabled
    /// administrator is never disabled nor loses the role.
    async fn set_flag_in(
        &self,
        tx: &mut Tx,
        actor: Actor<'_>,
        user: &User,
        (flag_is_admin, on): (bool, bool),
        change: AccountChange,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let now = self.clock.now();
        let current = if flag_is_admin {
            user.is_admin()
        } else {
            user.is_disabled()
        };
        if current == on {
            return Ok(Ok(()));
        }
        let an_admin_goes = user.is_admin() && !user.is_disabled();
        if an_admin_goes && on != flag_is_admin && count_active_admins(&mut **tx).await? <= 1 {
            return Ok(Err(Refusal::LastAdmin));
        }
        if change == AccountChange::Disable && actor.user_id() == Some(user.id) {
            return Ok(Err(Refusal::Yourself));
        }
        if flag_is_admin {
            set_admin(&mut **tx, user.id, on, now).await?;
        } else {
            set_disabled(&mut **tx, user.id, on, now).await?;
        }
        if change == AccountChange::Disable {
            end_sessions_by_administrator(&mut **tx, user.id, now).await?;
            revoke_grants_of_user(tx, user.id).await?;
        }
        let (kind, notice) = match change {
            AccountChange::Disable => (EventKind::AccountDisabled, Notice::AccountDisabled),
            AccountChange::Enable => (EventKind::AccountEnabled, Notice::AccountEnabled),
            AccountChange::MakeAdmin => (EventKind::AdminGranted, Notice::MadeAdmin),
            _ => (EventKind::AdminRevoked, Notice::NoLongerAdmin),
        };
        self.notify(tx, user, origin, notice).await?;
        self.admin_event(tx, kind, actor, Some(user.id), origin, None);
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
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        if let Err(refusal) = self
            .set_phone_in(&mut tx, actor, &user, phone.as_deref(), origin)
            .await?
        {
            return Ok(Err(refusal));
        }
        tx.commit().await?;
        Ok(Ok(phone))
    }

    /// Sets `user`'s profile phone number (checked already) in `tx`, unless their sign-in
    /// codes go to the number they have.
    async fn set_phone_in(
        &self,
        tx: &mut Tx,
        actor: Actor<'_>,
        user: &User,
        phone: Option<&str>,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        if user.phone.as_deref() == phone {
            return Ok(Ok(()));
        }
        if user.sms_phone().is_some() {
            return Ok(Err(Refusal::PhoneInUse));
        }
        set_profile_phone(&mut **tx, user.id, phone, self.clock.now()).await?;
        self.admin_event(
            tx,
            EventKind::PhoneSetByAdmin,
            actor,
            Some(user.id),
            origin,
            None,
        );
        let masked = phone.map(mask_phone);
        let notice = Notice::PhoneSetByAdmin {
            phone: masked.as_deref(),
        };
        self.notify(tx, user, origin, notice).await?;
        Ok(Ok(()))
    }

    /// Changes what `edit` names of an account, all or nothing, in one transaction: a
    /// refusal (the number takes the user's codes, the last administrator) leaves every
    /// field as it was.
    #[tracing::instrument(name = "Edit a user", skip_all, fields(user_id))]
    pub async fn edit_user(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        edit: &UserEdit,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let mut tx = self.db.begin_exclusive(&["administrators"]).await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        if let Some(phone) = &edit.phone
            && let Err(refusal) = self
                .set_phone_in(&mut tx, actor, &user, phone.as_deref(), origin)
                .await?
        {
            return Ok(Err(refusal));
        }
        if let Some(disabled) = edit.disabled {
            let change = if disabled {
                AccountChange::Disable
            } else {
                AccountChange::Enable
            };
            if let Err(refusal) = self
                .set_flag_in(&mut tx, actor, &user, (false, disabled), change, origin)
                .await?
            {
                return Ok(Err(refusal));
            }
        }
        if let Some(name) = &edit.name
            && *name != user.name
        {
            set_name(&mut tx, user.id, name, self.clock.now()).await?;
            self.admin_event(
                &mut tx,
                EventKind::NameChangedByAdmin,
                actor,
                Some(user.id),
                origin,
                None,
            );
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    pub async fn user_by_email(&self, typed: &str) -> Result<Option<User>, DbError> {
        let email = normalise_email(typed).unwrap_or_else(|_| typed.trim().to_lowercase());
        find_user_by_email(&self.db.pool, &email).await
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

/// What to change of an account (checked already): each field that is `Some`.
pub struct UserEdit {
    /// Normalised.
    pub name: Option<String>,
    /// E.164, or `Some(None)` to remove it.
    pub phone: Option<Option<String>>,
    pub disabled: Option<bool>,
}

/// A user to add, as the "Add user" form or `POST /api/v1/users` sends it: as typed.
#[derive(Default)]
pub struct NewUserInput {
    pub name: String,
    pub email: String,
    /// Empty: none.
    pub phone: String,
    /// Group ids.
    pub groups: Vec<String>,
    pub admin: bool,
    /// Email the new user a link to choose their password.
    pub invite: bool,
}

/// A user an administrator adds: checked (email and name normalised, the phone in E.164
/// and able to take codes, groups read as ids; whether they exist is the use case's).
pub struct AddUser {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub groups: Vec<i64>,
    pub admin: bool,
    pub invite: bool,
}

impl AddUser {
    pub fn parse(input: &NewUserInput, platform: &PlatformSettings) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        let name = normalise_name(&input.name)
            .map_err(|p| problems.add("name", move |lang| p.say(lang)))
            .ok();
        let email = normalise_email(&input.email)
            .map_err(|p| problems.add("email", move |lang| p.say(lang)))
            .ok();
        let phone = match input.phone.trim() {
            "" => None,
            typed => platform
                .sms_phone(typed)
                .map_err(|p| problems.add("phone", move |lang| p.say(lang)))
                .ok(),
        };
        let groups: Vec<i64> = input.groups.iter().filter_map(|g| g.parse().ok()).collect();
        if groups.len() != input.groups.len() {
            problems.message("groups", "admin-choose-groups");
        }
        let (Some(name), Some(email)) = (name, email) else {
            return Err(problems);
        };
        problems.or(Self {
            name,
            email,
            phone,
            groups,
            admin: input.admin,
            invite: input.invite,
        })
    }
}

impl Services {
    /// Adds a user with no password and, when asked, emails them a one-time "set your
    /// password" link (only its digest is kept: nobody else sees it). Without it they
    /// choose one through "Forgot your password?", or an administrator emails the link.
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
        if new.invite {
            let token = new_link(&mut tx, LinkKind::Password, id, now, PASSWORD_LINK_SECS).await?;
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
        }
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
        let token = new_link(
            &mut tx,
            LinkKind::Password,
            user_id,
            now,
            PASSWORD_LINK_SECS,
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
