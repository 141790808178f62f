//! Data rooms: the rooms, their administrators, their own groups and members, and the
//! room's "Two-factor phone number" of each member.

use sqlx::FromRow;

use super::{DbError, Exec, flag};
use crate::domain::rooms::Standing;

#[derive(Clone, Debug, FromRow)]
pub struct Room {
    pub id: i64,
    pub name: String,
    pub app_url: Option<String>,
    enforced: i64,
}

impl Room {
    pub fn enforced(&self) -> bool {
        self.enforced != 0
    }
}

const ROOM_COLUMNS: &str = "r.id, r.name, r.app_url, r.enforced";

pub async fn insert_room<'e>(
    db: impl Exec<'e>,
    name: &str,
    app_url: Option<&str>,
    enforced: bool,
    now: i64,
) -> Result<i64, DbError> {
    sqlx::query_scalar(
        "INSERT INTO rooms (name, app_url, enforced, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(name)
    .bind(app_url)
    .bind(flag(enforced))
    .bind(now)
    .fetch_one(db)
    .await
}

pub async fn update_room<'e>(
    db: impl Exec<'e>,
    id: i64,
    name: &str,
    app_url: Option<&str>,
    enforced: bool,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE rooms SET name = $2, app_url = $3, enforced = $4, updated_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(name)
    .bind(app_url)
    .bind(flag(enforced))
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn find_room<'e>(db: impl Exec<'e>, id: i64) -> Result<Option<Room>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROOM_COLUMNS} FROM rooms r WHERE r.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Every room, by name (platform administrators), or those `admin` administers.
pub async fn list_rooms<'e>(db: impl Exec<'e>, admin: Option<i64>) -> Result<Vec<Room>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROOM_COLUMNS} FROM rooms r WHERE $1 IS NULL OR EXISTS \
         (SELECT 1 FROM room_admins a WHERE a.room_id = r.id AND a.user_id = $1) ORDER BY r.name, r.id"
    )))
    .bind(admin)
    .fetch_all(db)
    .await
}

/// Makes `user_ids` the room's administrators, and only them.
pub async fn replace_room_admins(
    tx: &mut super::Tx,
    room_id: i64,
    user_ids: &[i64],
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM room_admins WHERE room_id = $1")
        .bind(room_id)
        .execute(&mut **tx)
        .await?;
    for user_id in user_ids {
        sqlx::query(
            "INSERT INTO room_admins (room_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(room_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The room's administrators' emails, sorted.
pub async fn room_admin_emails<'e>(
    db: impl Exec<'e>,
    room_id: i64,
) -> Result<Vec<String>, DbError> {
    sqlx::query_scalar(
        "SELECT u.email FROM room_admins a JOIN users u ON u.id = a.user_id WHERE a.room_id = $1 ORDER BY u.email",
    )
    .bind(room_id)
    .fetch_all(db)
    .await
}

pub async fn is_room_admin<'e>(
    db: impl Exec<'e>,
    room_id: i64,
    user_id: i64,
) -> Result<bool, DbError> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM room_admins WHERE room_id = $1 AND user_id = $2")
            .bind(room_id)
            .bind(user_id)
            .fetch_one(db)
            .await?;
    Ok(n > 0)
}

#[derive(Clone, Debug, FromRow)]
pub struct RoomGroup {
    pub id: i64,
    pub room_id: i64,
    pub name: String,
    pub members: i64,
}

const GROUP_COLUMNS: &str = "g.id, g.room_id, g.name, (SELECT COUNT(*) FROM room_members m WHERE m.group_id = g.id) AS members";

pub async fn list_room_groups<'e>(
    db: impl Exec<'e>,
    room_id: i64,
) -> Result<Vec<RoomGroup>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {GROUP_COLUMNS} FROM room_groups g WHERE g.room_id = $1 ORDER BY g.name_key"
    )))
    .bind(room_id)
    .fetch_all(db)
    .await
}

pub async fn find_room_group<'e>(db: impl Exec<'e>, id: i64) -> Result<Option<RoomGroup>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {GROUP_COLUMNS} FROM room_groups g WHERE g.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// A new group in the room; `None` when the room has one by that name.
pub async fn insert_room_group<'e>(
    db: impl Exec<'e>,
    room_id: i64,
    name: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar(
        "INSERT INTO room_groups (room_id, name, name_key, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (room_id, name_key) DO NOTHING RETURNING id",
    )
    .bind(room_id)
    .bind(name.trim())
    .bind(name.trim().to_lowercase())
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Adds a member to a room group; false when already in it.
pub async fn add_room_member<'e>(
    db: impl Exec<'e>,
    group_id: i64,
    user_id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "INSERT INTO room_members (group_id, user_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes a member out of a room group; false when they were not in it.
pub async fn remove_room_member<'e>(
    db: impl Exec<'e>,
    group_id: i64,
    user_id: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM room_members WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The names of the room's groups `user_id` is in, by name.
pub async fn groups_of_member<'e>(
    db: impl Exec<'e>,
    room_id: i64,
    user_id: i64,
) -> Result<Vec<String>, DbError> {
    sqlx::query_scalar(
        "SELECT g.name FROM room_members m JOIN room_groups g ON g.id = m.group_id \
         WHERE g.room_id = $1 AND m.user_id = $2 ORDER BY g.name_key",
    )
    .bind(room_id)
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// A room administrator as a member sees them: whom to ask.
#[derive(Clone, Debug, FromRow)]
pub struct RoomContact {
    pub name: String,
    pub email: String,
}

/// The room's administrators, by name.
pub async fn room_contacts<'e>(
    db: impl Exec<'e>,
    room_id: i64,
) -> Result<Vec<RoomContact>, DbError> {
    sqlx::query_as(
        "SELECT u.name, u.email FROM room_admins a JOIN users u ON u.id = a.user_id \
         WHERE a.room_id = $1 ORDER BY u.name, u.email",
    )
    .bind(room_id)
    .fetch_all(db)
    .await
}

/// A member of a room group as User Rights lists them.
#[derive(Clone, Debug, FromRow)]
pub struct RoomMember {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// The room's number for this member.
    pub phone: Option<String>,
    room_admin: i64,
}

impl RoomMember {
    pub fn is_room_admin(&self) -> bool {
        self.room_admin != 0
    }
}

pub async fn list_room_members<'e>(
    db: impl Exec<'e>,
    group: &RoomGroup,
) -> Result<Vec<RoomMember>, DbError> {
    sqlx::query_as(
        "SELECT u.id, u.name, u.email, p.phone, \
         (SELECT COUNT(*) FROM room_admins a WHERE a.room_id = $2 AND a.user_id = u.id) AS room_admin \
         FROM room_members m JOIN users u ON u.id = m.user_id \
         LEFT JOIN room_phones p ON p.room_id = $2 AND p.user_id = u.id \
         WHERE m.group_id = $1 ORDER BY u.email",
    )
    .bind(group.id)
    .bind(group.room_id)
    .fetch_all(db)
    .await
}

/// Sets (or, with `None`, clears) the room's number for a member.
pub async fn set_room_phone<'e>(
    db: impl Exec<'e>,
    room_id: i64,
    user_id: i64,
    phone: Option<&str>,
    now: i64,
) -> Result<(), DbError> {
    match phone {
        Some(phone) => sqlx::query(
            "INSERT INTO room_phones (room_id, user_id, phone, set_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (room_id, user_id) DO UPDATE SET phone = excluded.phone, set_at = excluded.set_at",
        )
        .bind(room_id)
        .bind(user_id)
        .bind(phone)
        .bind(now)
        .execute(db)
        .await?,
        None => sqlx::query("DELETE FROM room_phones WHERE room_id = $1 AND user_id = $2")
            .bind(room_id)
            .bind(user_id)
            .execute(db)
            .await?,
    };
    Ok(())
}

#[derive(FromRow)]
struct StandingRow {
    id: i64,
    name: String,
    app_url: Option<String>,
    enforced: i64,
    member: i64,
    room_admin: i64,
    phone: Option<String>,
    member_since: Option<i64>,
}

/// Room `room_id` and what `user_id` is to it (`verified` left false for the caller to
/// fill), in one read: forward auth asks this on every proxied request. `None` when there
/// is no such room.
pub async fn standing<'e>(
    db: impl Exec<'e>,
    room_id: i64,
    user_id: i64,
) -> Result<Option<(Room, Standing)>, DbError> {
    let row: Option<StandingRow> = sqlx::query_as(
        "SELECT r.id, r.name, r.app_url, r.enforced, \
         (SELECT COUNT(*) FROM room_members m JOIN room_groups g ON g.id = m.group_id \
          WHERE g.room_id = r.id AND m.user_id = $2) AS member, \
         (SELECT COUNT(*) FROM room_admins a WHERE a.room_id = r.id AND a.user_id = $2) AS room_admin, \
         (SELECT p.phone FROM room_phones p WHERE p.room_id = r.id AND p.user_id = $2) AS phone, \
         (SELECT MIN(m.added_at) FROM room_members m JOIN room_groups g ON g.id = m.group_id \
          WHERE g.room_id = r.id AND m.user_id = $2) AS member_since \
         FROM rooms r WHERE r.id = $1",
    )
    .bind(room_id)
    .bind(user_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|row| {
        let standing = Standing {
            member: row.member > 0,
            room_admin: row.room_admin > 0,
            enforced: row.enforced != 0,
            phone: row.phone,
            member_since: row.member_since,
            verified: false,
        };
        let room = Room {
            id: row.id,
            name: row.name,
            app_url: row.app_url,
            enforced: row.enforced,
        };
        (room, standing)
    }))
}

/// A room on a member's Home.
#[derive(Clone, Debug, FromRow)]
pub struct MyRoom {
    pub id: i64,
    pub name: String,
    /// A code will be asked (enforced, a number set, not a room administrator).
    locked: i64,
    /// The user administers this room.
    room_admin: i64,
    /// When their membership began (see `Standing::member_since`).
    pub member_since: Option<i64>,
}

impl MyRoom {
    pub fn administered(&self) -> bool {
        self.room_admin != 0
    }

    pub fn locked(&self) -> bool {
        self.locked != 0
    }
}

/// The rooms `user_id` belongs to, as a member or a room administrator, by name.
pub async fn rooms_of_user<'e>(db: impl Exec<'e>, user_id: i64) -> Result<Vec<MyRoom>, DbError> {
    sqlx::query_as(
        "SELECT r.id, r.name, \
         CAST(CASE WHEN r.enforced = 1 AND p.phone IS NOT NULL AND a.user_id IS NULL THEN 1 ELSE 0 END AS BIGINT) AS locked, \
         CAST(CASE WHEN a.user_id IS NULL THEN 0 ELSE 1 END AS BIGINT) AS room_admin, \
         (SELECT MIN(m.added_at) FROM room_members m JOIN room_groups g ON g.id = m.group_id \
          WHERE g.room_id = r.id AND m.user_id = $1) AS member_since \
         FROM rooms r \
         LEFT JOIN room_admins a ON a.room_id = r.id AND a.user_id = $1 \
         LEFT JOIN room_phones p ON p.room_id = r.id AND p.user_id = $1 \
         WHERE a.user_id IS NOT NULL OR EXISTS (SELECT 1 FROM room_members m JOIN room_groups g \
           ON g.id = m.group_id WHERE g.room_id = r.id AND m.user_id = $1) \
         ORDER BY r.name, r.id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// Stores an invitation into a room group for `email`; an earlier one for the same address
/// and group stops working.
pub async fn replace_invitation(
    tx: &mut super::Tx,
    group_id: i64,
    email: &str,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM room_invitations WHERE group_id = $1 AND email = $2")
        .bind(group_id)
        .bind(email)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO room_invitations (token_hash, group_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(group_id)
    .bind(email)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A live invitation: the group it joins, the room's name and the address it was for.
#[derive(Clone, Debug, FromRow)]
pub struct Invitation {
    pub group_id: i64,
    pub room_id: i64,
    pub room_name: String,
    pub email: String,
}

const INVITATION: &str = "SELECT i.group_id, g.room_id, r.name AS room_name, i.email FROM room_invitations i \
     JOIN room_groups g ON g.id = i.group_id JOIN rooms r ON r.id = g.room_id \
     WHERE i.token_hash = $1 AND i.expires_at > $2";

pub async fn find_invitation<'e>(
    db: impl Exec<'e>,
    token_hash: &str,
    now: i64,
) -> Result<Option<Invitation>, DbError> {
    sqlx::query_as(INVITATION)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(db)
        .await
}

/// Uses a live invitation once: it is gone afterwards.
pub async fn consume_invitation(
    tx: &mut super::Tx,
    token_hash: &str,
    now: i64,
) -> Result<Option<Invitation>, DbError> {
    let found: Option<Invitation> = sqlx::query_as(INVITATION)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut **tx)
        .await?;
    let deleted =
        sqlx::query("DELETE FROM room_invitations WHERE token_hash = $1 AND expires_at > $2")
            .bind(token_hash)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    Ok(found.filter(|_| deleted.rows_affected() == 1))
}
