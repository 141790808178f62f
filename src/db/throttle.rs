//! Failed password attempts, counted in the database so the limits hold across instances.

use super::{Db, DbError};

pub fn account_key(email: &str) -> String {
    format!("email:{email}")
}

pub fn ip_key(ip: &str) -> String {
    format!("ip:{ip}")
}

pub async fn record_failure(db: &Db, keys: &[&str], now: i64) -> Result<(), DbError> {
    let mut tx = db.pool.begin().await?;
    for key in keys {
        sqlx::query("INSERT INTO login_failures (scope_key, at) VALUES ($1, $2)")
            .bind(*key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

pub async fn failures_since(db: &Db, key: &str, since: i64) -> Result<i64, DbError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE scope_key = $1 AND at > $2")
        .bind(key)
        .bind(since)
        .fetch_one(&db.pool)
        .await
}

pub async fn purge_failures_before(db: &Db, cutoff: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(cutoff)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}
