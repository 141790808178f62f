//! Every column that holds a sealed value (`domain::sealing`), for `twostep secret-key
//! rotate`: read a batch of values not under the current key, and put a re-sealed value
//! back only where the row still holds what was read (a value the portal changed in the
//! meantime was sealed under the current key already, or is found by the next run).

use super::{DbError, Exec};

/// One sealed column: how to read its values not under a key, and how to replace one.
pub struct SealedColumn {
    /// `table.column`, as the command prints it.
    pub name: &'static str,
    /// The row's key (as text) and the text its owner is made of, for values that do not
    /// start with `$1` (`{current key id}:%`), in key order, skipping `$2` rows: `$3` at most.
    select: &'static str,
    /// Sets `$1` where the row's key is `$2` and the value still `$3`.
    update: &'static str,
    /// The associated data the value was sealed with, from the selected owner text.
    pub owner: fn(&str) -> String,
    /// The purpose the column's values are sealed for (`Sealer::new`).
    pub purpose: &'static str,
}

pub const TOTP_PURPOSE: &str = "totp secret";
pub const MAIL_PURPOSE: &str = "outbox email";
pub const SIGNING_KEY_PURPOSE: &str = "id token signing key";
pub const DATA_KEY_PURPOSE: &str = "data key";

fn user_owner(user_id: &str) -> String {
    format!("user:{user_id}")
}

fn mail_owner(to: &str) -> String {
    crate::domain::sealed_mail::owner(to)
}

fn same(text: &str) -> String {
    text.to_owned()
}

pub fn data_key_owner(name: &str) -> String {
    format!("data key:{name}")
}

pub const SEALED_COLUMNS: [SealedColumn; 5] = [
    SealedColumn {
        name: "totp_secrets.active_sealed",
        select: "SELECT CAST(user_id AS TEXT), CAST(user_id AS TEXT), active_sealed FROM totp_secrets \
                 WHERE active_sealed IS NOT NULL AND active_sealed NOT LIKE $1 \
                 ORDER BY user_id LIMIT $3 OFFSET $2",
        update: "UPDATE totp_secrets SET active_sealed = $1 \
                 WHERE user_id = CAST($2 AS BIGINT) AND active_sealed = $3",
        owner: user_owner,
        purpose: TOTP_PURPOSE,
    },
    SealedColumn {
        name: "totp_secrets.pending_sealed",
        select: "SELECT CAST(user_id AS TEXT), CAST(user_id AS TEXT), pending_sealed FROM totp_secrets \
                 WHERE pending_sealed IS NOT NULL AND pending_sealed NOT LIKE $1 \
                 ORDER BY user_id LIMIT $3 OFFSET $2",
        update: "UPDATE totp_secrets SET pending_sealed = $1 \
                 WHERE user_id = CAST($2 AS BIGINT) AND pending_sealed = $3",
        owner: user_owner,
        purpose: TOTP_PURPOSE,
    },
    SealedColumn {
        name: "outbox.sealed_body",
        select: "SELECT CAST(id AS TEXT), to_address, sealed_body FROM outbox \
                 WHERE sealed_body IS NOT NULL AND sealed_body NOT LIKE $1 \
                 ORDER BY id LIMIT $3 OFFSET $2",
        update: "UPDATE outbox SET sealed_body = $1 WHERE id = CAST($2 AS BIGINT) AND sealed_body = $3",
        owner: mail_owner,
        purpose: MAIL_PURPOSE,
    },
    SealedColumn {
        name: "signing_keys.sealed_private_key",
        select: "SELECT kid, kid, sealed_private_key FROM signing_keys \
                 WHERE sealed_private_key NOT LIKE $1 ORDER BY kid LIMIT $3 OFFSET $2",
        update: "UPDATE signing_keys SET sealed_private_key = $1 \
                 WHERE kid = $2 AND sealed_private_key = $3",
        owner: same,
        purpose: SIGNING_KEY_PURPOSE,
    },
    SealedColumn {
        name: "data_keys.sealed",
        select: "SELECT name, name, sealed FROM data_keys \
                 WHERE sealed NOT LIKE $1 ORDER BY name LIMIT $3 OFFSET $2",
        update: "UPDATE data_keys SET sealed = $1 WHERE name = $2 AND sealed = $3",
        owner: data_key_owner,
        purpose: DATA_KEY_PURPOSE,
    },
];

/// A sealed value as read for re-sealing.
pub struct SealedValue {
    pub key: String,
    pub owner_text: String,
    pub sealed: String,
}

/// Up to `limit` values of `column` not under the key `current_id`, after skipping `skip`
/// of them (those that could not be opened earlier in the run).
pub async fn not_under<'e>(
    db: impl Exec<'e>,
    column: &SealedColumn,
    current_id: &str,
    skip: i64,
    limit: i64,
) -> Result<Vec<SealedValue>, DbError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(column.select)
        .bind(format!("{current_id}:%"))
        .bind(skip)
        .bind(limit)
        .fetch_all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(key, owner_text, sealed)| SealedValue {
            key,
            owner_text,
            sealed,
        })
        .collect())
}

/// Replaces `value` by `resealed` when the row still holds it; whether it did.
pub async fn replace<'e>(
    db: impl Exec<'e>,
    column: &SealedColumn,
    value: &SealedValue,
    resealed: &str,
) -> Result<bool, DbError> {
    let done = sqlx::query(column.update)
        .bind(resealed)
        .bind(&value.key)
        .bind(&value.sealed)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The key ids the values of `column` are sealed under, with how many each ("" for
/// values sealed before key ids existed).
pub async fn key_ids<'e>(
    db: impl Exec<'e>,
    column: &SealedColumn,
) -> Result<Vec<(String, i64)>, DbError> {
    let (table, field) = column
        .name
        .split_once('.')
        .expect("a sealed column is named table.column");
    // Only names from the constant list above are formatted into the statement.
    let sql = format!(
        "SELECT CASE WHEN {field} LIKE '________:%' THEN substr({field}, 1, 8) ELSE '' END AS id, \
         COUNT(*) FROM {table} WHERE {field} IS NOT NULL GROUP BY 1 ORDER BY 1"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(db).await
}

/// The data key `name`, sealed, if made.
pub async fn data_key<'e>(db: impl Exec<'e>, name: &str) -> Result<Option<String>, DbError> {
    sqlx::query_scalar("SELECT sealed FROM data_keys WHERE name = $1")
        .bind(name)
        .fetch_optional(db)
        .await
}

/// Stores the data key `name` unless another instance made it first.
pub async fn insert_data_key<'e>(
    db: impl Exec<'e>,
    name: &str,
    sealed: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO data_keys (name, sealed, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(sealed)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
