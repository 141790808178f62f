//! Groups: their names, rules and members.

use super::{Actor, Refusal};
use crate::db::DbError;
use crate::db::audit::{EventKind, Origin};
use crate::db::directory::{Page, UserFilter, UserRow};
use crate::db::groups::{
    Group, GroupNameError, add_member, delete_group, find_group, group_names, insert_group,
    list_groups, record_requirement_starts, remove_member, rename_group, set_group_rule,
};
use crate::db::users::find_user_by_id;
use crate::services::Services;

use crate::domain::language::Language;
use crate::domain::policy::{GroupMethods, GroupSetting, GroupTwoStep, group_rule_change};
use crate::domain::problems::Problems;

/// The longest group name.
pub const NAME_MAX: usize = 80;
/// The longest grace period, in days.
pub const GRACE_MAX: i64 = 365;

/// A group name as typed, or why it cannot be one (a message id with `max` in it).
pub fn group_name(typed: &str) -> Result<&str, &'static str> {
    let name = typed.trim();
    if name.is_empty() {
        Err("admin-group-name-missing")
    } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        Err("admin-group-name-too-long")
    } else {
        Ok(name)
    }
}

/// A group's rule as the group's page or `PATCH /api/v1/groups/{id}` sends it: as typed.
pub struct GroupRuleInput {
    /// allowed, not_available or required.
    pub two_step: String,
    /// Days, or empty for none.
    pub grace_days: String,
    /// any or passkeys_only; absent keeps the group's.
    pub methods: Option<String>,
}

/// A group's rule, checked.
pub struct GroupRule {
    pub two_step: GroupTwoStep,
    pub grace_days: Option<i64>,
    /// `None`: as the group has it.
    pub methods: Option<GroupMethods>,
}

impl GroupRuleInput {
    pub fn parse(&self) -> Result<GroupRule, Problems> {
        let mut problems = Problems::default();
        let two_step = GroupTwoStep::parse(&self.two_step);
        if two_step.is_none() {
            problems.message("two_step", "admin-group-choose-rule");
        }
        let grace_days = match self.grace_days.trim() {
            "" => Some(None),
            text => text
                .parse::<i64>()
                .ok()
                .filter(|d| (0..=GRACE_MAX).contains(d))
                .map(Some),
        };
        if grace_days.is_none() {
            problems.with_max("grace_days", "admin-group-grace-invalid", GRACE_MAX);
        }
        let methods = match self.methods.as_deref() {
            None => Some(None),
            Some(text) => GroupMethods::parse(text).map(Some),
        };
        if methods.is_none() {
            problems.message("methods", "admin-group-choose-methods");
        }
        match (two_step, grace_days, methods) {
            (Some(two_step), Some(grace_days), Some(methods)) => problems.or(GroupRule {
                two_step,
                grace_days,
                methods,
            }),
            _ => Err(problems),
        }
    }
}

impl Services {
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
}
