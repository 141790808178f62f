//! Attempts counted against a limit (failed passwords, wrong authenticator or recovery
//! codes, registrations), in the database so limits hold across instances. Keys are keyed
//! HMACs made by the caller: nothing typed is stored in clear.

use super::{DbError, Exec, placeholders};

pub async fn attempts_since<'e>(db: impl Exec<'e>, key: &str, since: i64) -> Result<i64, DbError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE scope_key = $1 AND at > $2")
        .bind(key)
        .bind(since)
        .fetch_one(db)
        .await
}

pub async fn insert_attempt<'e>(db: impl Exec<'e>, key: &str, now: i64) -> Result<(), DbError> {
    sqlx::query("INSERT INTO login_failures (scope_key, at) VALUES ($1, $2)")
        .bind(key)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Records one attempt under each `(key, max)` at once, when every key had fewer than its
/// `max` attempts after `since`; in one statement. Returns the new rows' ids (to release
/// a successful attempt), or none when a limit was reached. The caller holds the keys'
/// locks, so the count cannot change between the check and the insert.
pub async fn reserve_attempts<'e>(
    db: impl Exec<'e>,
    limits: &[(&str, i64)],
    since: i64,
    now: i64,
) -> Result<Vec<i64>, DbError> {
    // $1: now, $2: since, then each limit's key and max.
    let key = |n: usize| format!("${}", 3 + 2 * n);
    let max = |n: usize| format!("${}", 4 + 2 * n);
    let keys: Vec<String> = (0..limits.len())
        .map(|n| format!("SELECT {} AS scope_key", key(n)))
        .collect();
    let under: Vec<String> = (0..limits.len())
        .map(|n| {
            format!(
                "(SELECT COUNT(*) FROM login_failures WHERE scope_key = {} AND at > $2) < {}",
                key(n),
                max(n)
            )
        })
        .collect();
    let sql = format!(
        "INSERT INTO login_failures (scope_key, at) SELECT scope_key, $1 FROM ({}) AS keys \
         WHERE {} RETURNING id",
        keys.join(" UNION ALL "),
        under.join(" AND ")
    );
    // The text holds only numbered placeholders; the keys and limits are bound.
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(since);
    for (key, max) in limits {
        query = query.bind(*key).bind(*max);
    }
    query.fetch_all(db).await
}

pub async fn delete_attempts<'e>(db: impl Exec<'e>, ids: &[i64]) -> Result<(), DbError> {
    let sql = format!(
        "DELETE FROM login_failures WHERE id IN ({})",
        placeholders(1, ids.len())
    );
    // The text holds only numbered placeholders; the ids are bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for id in ids {
        query = query.bind(*id);
    }
    query.execute(db).await?;
    Ok(())
}

pub async fn purge_attempts_before<'e>(db: impl Exec<'e>, cutoff: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(cutoff)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
