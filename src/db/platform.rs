//! The platform security settings: a single row, with defaults from the migration.

use sqlx::FromRow;

use super::{Db, DbError};

#[derive(Clone, Debug, FromRow, PartialEq, Eq)]
pub struct PlatformSettings {
    /// Days a trusted device stays trusted; `None`: until removed.
    pub trusted_device_days: Option<i64>,
    pub users_choose_session_duration: i64,
    /// The longest a user may choose to stay signed in.
    pub max_session_secs: i64,
    /// Sessions unused this long end; `None`: no limit.
    pub inactivity_timeout_secs: Option<i64>,
}

impl PlatformSettings {
    pub fn users_choose_session_duration(&self) -> bool {
        self.users_choose_session_duration != 0
    }
}

pub async fn load_platform_settings(db: &Db) -> Result<PlatformSettings, DbError> {
    sqlx::query_as(
        "SELECT trusted_device_days, users_choose_session_duration, max_session_secs, inactivity_timeout_secs \
         FROM platform_settings WHERE id = 1",
    )
    .fetch_one(&db.pool)
    .await
}

pub async fn save_platform_settings(
    db: &Db,
    settings: &PlatformSettings,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE platform_settings SET trusted_device_days = $1, users_choose_session_duration = $2, \
         max_session_secs = $3, inactivity_timeout_secs = $4, updated_at = $5 WHERE id = 1",
    )
    .bind(settings.trusted_device_days)
    .bind(settings.users_choose_session_duration)
    .bind(settings.max_session_secs)
    .bind(settings.inactivity_timeout_secs)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}
