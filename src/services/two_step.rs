//! What the policy asks of a user, and what their security settings show.

use super::Services;
use super::factors::passkeys::PasskeyView;
use super::factors::{Held, configured};
use crate::db::DbError;
use crate::db::devices::{TrustedDevice, list_devices};
use crate::db::groups::group_rules_of_user;
use crate::db::recovery::count_unused;
use crate::db::sessions::{SessionSummary, list_sessions};
use crate::db::totp::active_secret;
use crate::db::users::User;
use crate::domain::factors::FactorMethod;
use crate::domain::policy::{
    MethodsRule, Requirement, SetUpOwed, methods_rule, requirement, set_up_owed,
};

/// The state of a user's security settings.
pub struct SecurityOverview {
    pub factors: Vec<FactorMethod>,
    /// The passkeys and security keys, oldest first.
    pub passkeys: Vec<PasskeyView>,
    pub codes_left: i64,
    pub devices: Vec<TrustedDevice>,
    pub sessions: Vec<SessionSummary>,
}

impl Services {
    /// What the policy asks of this user now: the platform setting, their groups and
    /// whether they are an administrator.
    pub async fn requirement(&self, user: &User) -> Result<Requirement, DbError> {
        let platform = self.platform().await?;
        let groups = group_rules_of_user(&self.db.pool, user.id).await?;
        Ok(requirement(
            &platform,
            user.is_admin(),
            &groups,
            self.clock.now(),
        ))
    }

    /// What the policy asks of this user now: whether they must use 2-step verification,
    /// and whether they are held to passkeys (read together: one read of their groups).
    pub async fn policy_of(&self, user: &User) -> Result<(Requirement, MethodsRule), DbError> {
        let platform = self.platform().await?;
        let groups = group_rules_of_user(&self.db.pool, user.id).await?;
        let now = self.clock.now();
        Ok((
            requirement(&platform, user.is_admin(), &groups, now),
            methods_rule(
                &platform,
                user.is_admin(),
                &groups,
                user.has_two_step(),
                now,
            ),
        ))
    }

    /// True when the user is held to passkeys: their second step is a passkey only once
    /// they have one, and they keep their last.
    pub async fn held_to_passkeys(&self, user: &User) -> Result<bool, DbError> {
        Ok(self.policy_of(user).await?.1.passkeys_only())
    }

    /// What the user owes before anything else (2-step verification set up, a passkey
    /// added), if anything, and by when.
    pub async fn set_up_owed(&self, user: &User) -> Result<Option<SetUpOwed>, DbError> {
        let (requirement, methods) = self.policy_of(user).await?;
        // Counted only where it matters: one statement less at every other sign-in.
        let has_passkey = methods.passkeys_only() && self.passkey_count(user.id).await? > 0;
        Ok(set_up_owed(
            requirement,
            methods,
            user.has_two_step(),
            has_passkey,
        ))
    }

    /// True when the policy requires 2-step verification of this user.
    pub async fn two_step_required(&self, user: &User) -> Result<bool, DbError> {
        Ok(self.requirement(user).await?.is_required())
    }

    /// What "My security settings" shows, read on one connection.
    pub async fn security_overview(&self, user: &User) -> Result<SecurityOverview, DbError> {
        let mut conn = self.db.pool.acquire().await?;
        let now = self.clock.now();
        let passkeys: Vec<PasskeyView> = crate::db::passkeys::passkeys_of(&mut *conn, user.id)
            .await?
            .into_iter()
            .map(PasskeyView::from)
            .collect();
        let held = Held {
            app: active_secret(&mut *conn, user.id).await?.is_some(),
            passkeys: !passkeys.is_empty(),
        };
        Ok(SecurityOverview {
            factors: configured(user, held),
            passkeys,
            codes_left: count_unused(&mut *conn, user.id).await?,
            devices: list_devices(&mut *conn, user.id, now).await?,
            sessions: list_sessions(&mut *conn, user.id, now).await?,
        })
    }
}
