//! Platform user groups and their members (PRODUCT.md, "Policy", rule 2).

use sqlx::FromRow;

use super::{DbError, Exec};
use crate::domain::policy::{GroupMethods, GroupRule, GroupSetting, GroupTwoStep};

#[derive(Clone, Debug, FromRow)]
pub struct Group {
    pub id: i64,
    pub name: String,
    two_step: String,
    methods: String,
    pub grace_days: Option<i64>,
    pub members: i64,
}

impl Group {
    pub fn two_step(&self) -> GroupTwoStep {
        GroupTwoStep::parse(&self.two_step).unwrap_or_default()
    }

    /// "Methods members may use".
    pub fn methods(&self) -> GroupMethods {
        GroupMethods::parse(&self.methods).unwrap_or_default()
    }

    /// The rule as the control center sets it.
    pub fn setting(&self) -> GroupSetting {
        GroupSetting {
            two_step: self.two_step(),
            methods: self.methods(),
            grace_days: self.grace_days,
        }
    }
}

/// A group's name compared without case or surrounding space: "Sales" and " sales " are one.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

#[derive(Debug, thiserror::Error)]
pub enum GroupNameError {
    #[error("a group with this name already exists")]
    Taken,
    #[error(transparent)]
    Db(#[from] DbError),
}

fn name_error(err: DbError) -> GroupNameError {
    match &err {
        DbError::Database(db) if db.is_unique_violation() => GroupNameError::Taken,
        _ => GroupNameError::Db(err),
    }
}

const GROUP_COLUMNS: &str = "g.id, g.name, g.two_step, g.methods, g.grace_days, \
     (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS members";

pub async fn list_groups<'e>(db: impl Exec<'e>) -> Result<Vec<Group>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {GROUP_COLUMNS} FROM user_groups g ORDER BY g.name_key"
    )))
    .fetch_all(db)
    .await
}

/// Every group's id and name, by name: for choosing one (no member counts).
pub async fn group_names<'e>(db: impl Exec<'e>) -> Result<Vec<(i64, String)>, DbError> {
    sqlx::query_as("SELECT id, name FROM user_groups ORDER BY name_key")
        .fetch_all(db)
        .await
}

pub async fn find_group<'e>(db: impl Exec<'e>, id: i64) -> Result<Option<Group>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {GROUP_COLUMNS} FROM user_groups g WHERE g.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn insert_group<'e>(
    db: impl Exec<'e>,
    name: &str,
    now: i64,
) -> Result<i64, GroupNameError> {
    sqlx::query_scalar(
        "INSERT INTO user_groups (name, name_key, two_step, created_at, updated_at) \
         VALUES ($1, $2, 'allowed', $3, $3) RETURNING id",
    )
    .bind(name.trim())
    .bind(name_key(name))
    .bind(now)
    .fetch_one(db)
    .await
    .map_err(name_error)
}

pub async fn rename_group<'e>(
    db: impl Exec<'e>,
    id: i64,
    name: &str,
    now: i64,
) -> Result<bool, GroupNameError> {
    let done = sqlx::query(
        "UPDATE user_groups SET name = $2, name_key = $3, updated_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(name.trim())
    .bind(name_key(name))
    .bind(now)
    .execute(db)
    .await
    .map_err(name_error)?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_group<'e>(db: impl Exec<'e>, id: i64) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM user_groups WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Stores the group's rule.
pub async fn set_group_rule<'e>(
    db: impl Exec<'e>,
    id: i64,
    setting: GroupSetting,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE user_groups SET two_step = $2, grace_days = $3, updated_at = $4, methods = $5 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(setting.two_step.as_str())
    .bind(setting.grace_days)
    .bind(now)
    .bind(setting.methods.as_str())
    .execute(db)
    .await?;
    Ok(())
}

/// Records that the group's requirement applies from `now` to its members (or to `user`
/// alone), when the group requires 2-step verification or passkeys
/// (`GroupSetting::holds_members`). A start already recorded is kept:
/// the grace period counts from when the requirement first applied to each member.
pub async fn record_requirement_starts<'e>(
    db: impl Exec<'e>,
    group_id: i64,
    user: Option<i64>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO group_requirement_starts (group_id, user_id, since) \
         SELECT m.group_id, m.user_id, $2 FROM group_members m JOIN user_groups g ON g.id = m.group_id \
         WHERE m.group_id = $1 AND (g.two_step = $4 OR g.methods = $5) \
         AND ($3 IS NULL OR m.user_id = $3) \
         ON CONFLICT (group_id, user_id) DO NOTHING",
    )
    .bind(group_id)
    .bind(now)
    .bind(user)
    .bind(GroupTwoStep::Required.as_str())
    .bind(GroupMethods::PasskeysOnly.as_str())
    .execute(db)
    .await?;
    Ok(())
}

/// Adds a member (nothing when already one).
pub async fn add_member<'e>(
    db: impl Exec<'e>,
    group_id: i64,
    user_id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "INSERT INTO group_members (group_id, user_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT (group_id, user_id) DO NOTHING",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn remove_member<'e>(
    db: impl Exec<'e>,
    group_id: i64,
    user_id: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The groups a user is in, by name, for the user's page.
pub async fn groups_of_user<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<Vec<(i64, String)>, DbError> {
    sqlx::query_as(
        "SELECT g.id, g.name FROM group_members m JOIN user_groups g ON g.id = m.group_id \
         WHERE m.user_id = $1 ORDER BY g.name_key",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

#[derive(FromRow)]
struct RuleRow {
    two_step: String,
    methods: String,
    grace_days: Option<i64>,
    required_since: Option<i64>,
}

/// The rules of the user's groups, as the policy reads them.
pub async fn group_rules_of_user<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<Vec<GroupRule>, DbError> {
    let rows: Vec<RuleRow> = sqlx::query_as(
        "SELECT g.two_step, g.methods, g.grace_days, s.since AS required_since FROM group_members m \
         JOIN user_groups g ON g.id = m.group_id \
         LEFT JOIN group_requirement_starts s ON s.group_id = m.group_id AND s.user_id = m.user_id \
         WHERE m.user_id = $1",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| GroupRule {
            two_step: GroupTwoStep::parse(&row.two_step).unwrap_or_default(),
            methods: GroupMethods::parse(&row.methods).unwrap_or_default(),
            grace_days: row.grace_days,
            required_since: row.required_since,
        })
        .collect())
}

/// The groups of each of these users (at most a page's): (user id, group id, group name),
/// by user then name, in one statement.
pub async fn groups_of_users(
    conn: &mut sqlx::AnyConnection,
    user_ids: &[i64],
) -> Result<Vec<(i64, i64, String)>, DbError> {
    if user_ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = super::users::placeholders(user_ids.len());
    let sql = format!(
        "SELECT m.user_id, g.id, g.name FROM group_members m \
         JOIN user_groups g ON g.id = m.group_id \
         WHERE m.user_id IN ({list}) ORDER BY m.user_id, g.name_key"
    );
    // Only placeholders are put in; the ids are bound.
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for id in user_ids {
        query = query.bind(*id);
    }
    query.fetch_all(&mut *conn).await
}
