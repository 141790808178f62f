//! Attempts counted against a limit (failed passwords, wrong authenticator or recovery
//! codes, registrations), in the database so limits hold across instances. Keys are keyed
//! HMACs made by the caller: nothing typed is stored in clear.

use sqlx::Row;

use super::{DbError, Exec, placeholders};

/// How many attempts each key had after `since`, in the order of `keys`, in one statement.
pub async fn attempts_since<'e>(
    db: impl Exec<'e>,
    keys: &[&str],
    since: i64,
) -> Result<Vec<i64>, DbError> {
    let sql = format!(
        "SELECT scope_key, COUNT(*) FROM login_failures WHERE at > $1 AND scope_key IN ({}) \
         GROUP BY scope_key",
        placeholders(2, keys.len())
    );
    // The text holds only numbered placeholders; the keys are bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(since);
    for key in keys {
        query = query.bind(*key);
    }
    let counted = query.fetch_all(db).await?;
    Ok(keys
        .iter()
        .map(|key| {
            counted
                .iter()
                .find(|row| row.get::<String, _>(0) == *key)
                .map_or(0, |row| row.get::<i64, _>(1))
        })
        .collect())
}

/// Records one attempt under each key at once; the ids let a successful attempt be
/// released again.
pub async fn insert_attempts<'e>(
    db: impl Exec<'e>,
    keys: &[&str],
    now: i64,
) -> Result<Vec<i64>, DbError> {
    let values: Vec<String> = (0..keys.len())
        .map(|n| format!("(${}, $1)", n + 2))
        .collect();
    let sql = format!(
        "INSERT INTO login_failures (scope_key, at) VALUES {} RETURNING id",
        values.join(", ")
    );
    // The text holds only numbered placeholders; the keys are bound.
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(now);
    for key in keys {
        query = query.bind(*key);
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
