//! What the control center reads across many users: the users list with its search and
//! filters, the adoption figures, and the audit log. Every list pages by keyset (`id`
//! after the last one shown), so a page costs the same at the millionth row as at the first.

use sqlx::FromRow;

use super::{DbError, Exec};
use crate::domain::account::name_search_text;
use crate::domain::factors::FactorMethod;

/// A row of the users list.
#[derive(Clone, Debug, FromRow)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub is_admin: i64,
    pub disabled: i64,
    pub two_factor_method: Option<FactorMethod>,
}

/// "2-step verification" filter of the users list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TwoStepFilter {
    On,
    Off,
    /// Codes come from this method (the URL spells it as the database does).
    Method(FactorMethod),
}

impl TwoStepFilter {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "on" => Some(Self::On),
            "off" => Some(Self::Off),
            method => FactorMethod::parse(method).map(Self::Method),
        }
    }
}

/// What the users list is narrowed to.
#[derive(Clone, Debug, Default)]
pub struct UserFilter {
    /// Typed in the search box: the start of an email or of a word of the name, or a
    /// phone number's digits.
    pub search: Option<String>,
    pub two_step: Option<TwoStepFilter>,
    pub group: Option<i64>,
    pub admins_only: bool,
    pub disabled_only: bool,
}

/// The end of a prefix range: in byte order (SQLite's, and PostgreSQL's "C" collation the
/// database is created with) every text starting with `prefix` sorts before it.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// Up to `limit` users after `after` (by id) matching `filter`.
pub async fn search_users<'e>(
    db: impl Exec<'e>,
    filter: &UserFilter,
    after: i64,
    limit: i64,
) -> Result<Vec<UserRow>, DbError> {
    let mut conditions = vec!["u.id > $1".to_owned()];
    let mut texts: Vec<String> = Vec::new();
    let mut next = 3; // $1 after, $2 limit
    let mut bind_text = |value: String, texts: &mut Vec<String>| {
        texts.push(value);
        let n = next;
        next += 1;
        format!("${n}")
    };
    if let Some(search) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        let phone_like = search
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
            && !digits.is_empty();
        if phone_like {
            // Numbers are stored in E.164: "+46 70-123" finds "+4670123…".
            let from = bind_text(format!("+{digits}"), &mut texts);
            let to = bind_text(prefix_end(&format!("+{digits}")), &mut texts);
            conditions.push(format!("u.phone >= {from} AND u.phone < {to}"));
        } else {
            // The start of an email, or of any word of the name: a range of the email
            // index and a range of the name keys, each read alone, their ids merged.
            let lower = name_search_text(search);
            let from = bind_text(lower.clone(), &mut texts);
            let to = bind_text(prefix_end(&lower), &mut texts);
            conditions.push(format!(
                "u.id IN (SELECT e.id FROM users e WHERE e.email >= {from} AND e.email < {to} \
                 UNION SELECT w.user_id FROM user_name_words w WHERE w.word >= {from} AND w.word < {to})"
            ));
        }
    }
    match filter.two_step {
        None => {}
        Some(TwoStepFilter::On) => conditions.push("u.two_factor_method IS NOT NULL".into()),
        Some(TwoStepFilter::Off) => conditions.push("u.two_factor_method IS NULL".into()),
        Some(TwoStepFilter::Method(method)) => {
            // The method's one spelling, bound like every other value.
            let method = bind_text(method.as_str().to_owned(), &mut texts);
            conditions.push(format!("u.two_factor_method = {method}"));
        }
    }
    let group = filter.group.map(|_| {
        let n = next;
        next += 1;
        n
    });
    // In a group, its members are read in id order from the membership key (group, user):
    // a page stops after its rows however large the group or the user table.
    let (from, order) = match group {
        Some(n) => {
            conditions[0] = "m.user_id > $1".to_owned();
            conditions.push(format!("m.group_id = ${n}"));
            (
                "group_members m JOIN users u ON u.id = m.user_id",
                "m.user_id",
            )
        }
        None => ("users u", "u.id"),
    };
    if filter.admins_only {
        conditions.push("u.is_admin = 1".into());
    }
    if filter.disabled_only {
        conditions.push("u.disabled = 1".into());
    }
    let sql = format!(
        "SELECT u.id, u.name, u.email, u.phone, u.is_admin, u.disabled, u.two_factor_method \
         FROM {from} WHERE {} ORDER BY {order} LIMIT $2",
        conditions.join(" AND ")
    );
    // Only numbered placeholders are put into the text; every value is bound.
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(after)
        .bind(limit);
    for text in texts {
        query = query.bind(text);
    }
    if let Some(group) = filter.group {
        query = query.bind(group);
    }
    query.fetch_all(db).await
}

/// Adoption: users by method, and how many have none.
#[derive(Clone, Debug, Default)]
pub struct Adoption {
    pub total: i64,
    pub sms: i64,
    pub app: i64,
}

impl Adoption {
    pub fn off(&self) -> i64 {
        self.total - self.sms - self.app
    }

    /// Counts `users` whose method is `method` (`None`: off).
    fn add(&mut self, method: Option<FactorMethod>, users: i64) {
        self.total += users;
        match method {
            Some(FactorMethod::Sms) => self.sms += users,
            Some(FactorMethod::Authenticator) => self.app += users,
            None => {}
        }
    }
}

/// Adoption among enabled users.
pub async fn adoption_overall<'e>(db: impl Exec<'e>) -> Result<Adoption, DbError> {
    let rows: Vec<(Option<FactorMethod>, i64)> = sqlx::query_as(
        "SELECT u.two_factor_method, COUNT(*) FROM users u WHERE u.disabled = 0 \
         GROUP BY u.two_factor_method",
    )
    .fetch_all(db)
    .await?;
    let mut adoption = Adoption::default();
    for (method, users) in rows {
        adoption.add(method, users);
    }
    Ok(adoption)
}

/// Adoption per group with enabled members, by group name.
pub async fn adoption_by_group<'e>(db: impl Exec<'e>) -> Result<Vec<(String, Adoption)>, DbError> {
    let rows: Vec<(i64, String, Option<FactorMethod>, i64)> = sqlx::query_as(
        "SELECT g.id, g.name, u.two_factor_method, COUNT(*) FROM user_groups g \
         JOIN group_members m ON m.group_id = g.id JOIN users u ON u.id = m.user_id \
         WHERE u.disabled = 0 GROUP BY g.id, g.name, u.two_factor_method ORDER BY g.name, g.id",
    )
    .fetch_all(db)
    .await?;
    let mut groups: Vec<(i64, String, Adoption)> = Vec::new();
    for (id, name, method, users) in rows {
        match groups.last_mut() {
            Some((last, _, adoption)) if *last == id => adoption.add(method, users),
            _ => {
                let mut adoption = Adoption::default();
                adoption.add(method, users);
                groups.push((id, name, adoption));
            }
        }
    }
    Ok(groups
        .into_iter()
        .map(|(_, name, adoption)| (name, adoption))
        .collect())
}

/// An enabled user without 2-step verification of whom it is required: by the platform,
/// as an administrator, or by a group. `deadline` is the end of their grace period, or
/// `None` when they must set up at their next sign-in.
#[derive(Clone, Debug, FromRow)]
pub struct Owing {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub deadline: Option<i64>,
}

/// The first `limit` users who must still set up. `everyone`: the platform requires it;
/// `admins`: it is required of administrators.
pub async fn owing<'e>(
    db: impl Exec<'e>,
    everyone: bool,
    admins: bool,
    limit: i64,
) -> Result<Vec<Owing>, DbError> {
    sqlx::query_as(
        "SELECT u.id, u.name, u.email, \
           CASE WHEN $2 = 1 OR (u.is_admin = 1 AND $3 = 1) OR EXISTS (SELECT 1 FROM group_members m \
                  JOIN user_groups g ON g.id = m.group_id WHERE m.user_id = u.id \
                  AND g.two_step = 'required' AND COALESCE(g.grace_days, 0) = 0) THEN NULL \
             ELSE (SELECT MIN(COALESCE(s.since, 0) + g.grace_days * 86400) FROM group_members m \
                  JOIN user_groups g ON g.id = m.group_id \
                  LEFT JOIN group_requirement_starts s ON s.group_id = m.group_id AND s.user_id = m.user_id \
                  WHERE m.user_id = u.id AND g.two_step = 'required') \
           END AS deadline \
         FROM users u WHERE u.two_factor_method IS NULL AND u.disabled = 0 \
         AND ($2 = 1 OR (u.is_admin = 1 AND $3 = 1) OR EXISTS (SELECT 1 FROM group_members m \
              JOIN user_groups g ON g.id = m.group_id WHERE m.user_id = u.id AND g.two_step = 'required')) \
         ORDER BY u.id LIMIT $1",
    )
    .bind(limit)
    .bind(i64::from(everyone))
    .bind(i64::from(admins))
    .fetch_all(db)
    .await
}

/// Who would have to set up if 2-step verification became required: enabled users
/// without it (in `group` when given), and of them those with no phone number that can
/// take codes. `reachable`: when SMS is restricted to some countries, the calling-code
/// prefixes ("+46") a number must start with to count as one that can; `None`: any number
/// can (every stored number was checked as one that can take texts when it was saved).
pub async fn enforcement_preview<'e>(
    db: impl Exec<'e>,
    group: Option<i64>,
    reachable: Option<&[String]>,
) -> Result<(i64, i64), DbError> {
    #[derive(FromRow)]
    struct Row {
        without: i64,
        no_phone: i64,
    }
    let unreachable = match reachable {
        None => "u.phone IS NULL".to_owned(),
        Some([]) => "1 = 1".to_owned(),
        Some(prefixes) => format!(
            "u.phone IS NULL OR NOT ({})",
            (0..prefixes.len())
                .map(|i| format!("u.phone LIKE ${}", i + 2))
                .collect::<Vec<_>>()
                .join(" OR ")
        ),
    };
    // Only numbered placeholders are put into the text; every value is bound.
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) AS without, \
         COALESCE(SUM(CASE WHEN {unreachable} THEN 1 ELSE 0 END), 0) AS no_phone \
         FROM users u WHERE {WITHOUT_TWO_STEP}"
    )))
    .bind(group);
    for prefix in reachable.unwrap_or_default() {
        query = query.bind(format!("{prefix}%"));
    }
    let row: Row = query.fetch_one(db).await?;
    Ok((row.without, row.no_phone))
}

/// Enabled users without 2-step verification, in group `$1` when it is not NULL.
const WITHOUT_TWO_STEP: &str = "u.two_factor_method IS NULL AND u.disabled = 0 \
     AND ($1 IS NULL OR EXISTS (SELECT 1 FROM group_members m WHERE m.user_id = u.id AND m.group_id = $1))";

/// The numbers of the users `enforcement_preview` counts that start with one of
/// `prefixes`: those whose country must be told from the number itself.
pub async fn phones_without_two_step<'e>(
    db: impl Exec<'e>,
    group: Option<i64>,
    prefixes: &[String],
) -> Result<Vec<String>, DbError> {
    if prefixes.is_empty() {
        return Ok(Vec::new());
    }
    let matching = (0..prefixes.len())
        .map(|i| format!("u.phone LIKE ${}", i + 2))
        .collect::<Vec<_>>()
        .join(" OR ");
    // Only numbered placeholders are put into the text; every value is bound.
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT u.phone FROM users u WHERE {WITHOUT_TWO_STEP} AND ({matching})"
    )))
    .bind(group);
    for prefix in prefixes {
        query = query.bind(format!("{prefix}%"));
    }
    query.fetch_all(db).await
}

/// An audit event as the log lists it, with the names of who did it and to whom.
#[derive(Clone, Debug, FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub event: String,
    pub actor_email: Option<String>,
    pub subject_email: Option<String>,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

/// What the audit log is narrowed to.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// Events whose actor or subject is this user.
    pub user: Option<i64>,
    /// Events about an email address that named no account, by the address's key
    /// (`AuditRow::about_address`).
    pub address: Option<String>,
    pub event: Option<String>,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

/// Where a page of the audit log starts: after the event at `at` with `id` (newest first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuditCursor {
    pub at: i64,
    pub id: i64,
}

impl AuditCursor {
    /// Before every event.
    pub const START: Self = Self {
        at: i64::MAX,
        id: i64::MAX,
    };

    /// "1764062400.12345" as written in a next-page link.
    pub fn parse(text: &str) -> Option<Self> {
        let (at, id) = text.split_once('.')?;
        Some(Self {
            at: at.parse().ok()?,
            id: id.parse().ok()?,
        })
    }

    pub fn after(entry: &AuditEntry) -> Self {
        Self {
            at: entry.at,
            id: entry.id,
        }
    }
}

impl std::fmt::Display for AuditCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.at, self.id)
    }
}

/// Up to `limit` events after `cursor`, newest first (by time, then id), matching `filter`.
///
/// Only the filters given go into the statement, and each has an index in that order:
/// `(at, id)`; the kind `(event, at, id)`; a user `(actor_user_id, at, id)` and
/// `(subject_user_id, at, id)`, read as two branches whose ids are merged; an address that
/// named no account `(address_key, at, id)`; a period is a
/// range of the same indexes. So a page costs the same at the millionth event.
pub async fn list_audit<'e>(
    db: impl Exec<'e>,
    filter: &AuditFilter,
    cursor: AuditCursor,
    limit: i64,
) -> Result<Vec<AuditEntry>, DbError> {
    // $1, $2 the cursor, $3 the limit, then the filters' values in this order.
    let mut next = 4;
    let mut placeholder = |present: bool| {
        present.then(|| {
            let n = next;
            next += 1;
            format!("${n}")
        })
    };
    let event = placeholder(filter.event.is_some());
    let from = placeholder(filter.from.is_some());
    let until = placeholder(filter.until.is_some());
    let user = placeholder(filter.user.is_some());
    let address = placeholder(filter.address.is_some());
    // The conditions on the events of table alias `t`.
    let conditions = |t: &str| {
        let mut all = vec![format!("({t}.at, {t}.id) < ($1, $2)")];
        if let Some(event) = &event {
            all.push(format!("{t}.event = {event}"));
        }
        if let Some(from) = &from {
            all.push(format!("{t}.at >= {from}"));
        }
        if let Some(until) = &until {
            all.push(format!("{t}.at < {until}"));
        }
        if let Some(address) = &address {
            all.push(format!("{t}.address_key = {address}"));
        }
        all.join(" AND ")
    };
    let matching = match &user {
        Some(user) => format!(
            "a.id IN (SELECT id FROM (SELECT e.id FROM audit_events e WHERE e.actor_user_id = {user} AND {} \
             ORDER BY e.at DESC, e.id DESC LIMIT $3) AS by_actor \
             UNION SELECT id FROM (SELECT e.id FROM audit_events e WHERE e.subject_user_id = {user} AND {} \
             ORDER BY e.at DESC, e.id DESC LIMIT $3) AS by_subject)",
            conditions("e"),
            conditions("e")
        ),
        None => conditions("a"),
    };
    let sql = format!(
        "SELECT a.id, a.at, a.event, actor.email AS actor_email, subject.email AS subject_email, a.ip, a.detail \
         FROM audit_events a \
         LEFT JOIN users actor ON actor.id = a.actor_user_id \
         LEFT JOIN users subject ON subject.id = a.subject_user_id \
         WHERE {matching} ORDER BY a.at DESC, a.id DESC LIMIT $3"
    );
    // Only numbered placeholders are put into the text; every value is bound.
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(cursor.at)
        .bind(cursor.id)
        .bind(limit);
    if let Some(event) = &filter.event {
        query = query.bind(event.clone());
    }
    if let Some(from) = filter.from {
        query = query.bind(from);
    }
    if let Some(until) = filter.until {
        query = query.bind(until);
    }
    if let Some(user) = filter.user {
        query = query.bind(user);
    }
    if let Some(address) = &filter.address {
        query = query.bind(address.clone());
    }
    query.fetch_all(db).await
}

/// The user's most recent events, as actor or subject.
pub async fn recent_events_of_user<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    limit: i64,
) -> Result<Vec<AuditEntry>, DbError> {
    list_audit(
        db,
        &AuditFilter {
            user: Some(user_id),
            ..AuditFilter::default()
        },
        AuditCursor::START,
        limit,
    )
    .await
}
