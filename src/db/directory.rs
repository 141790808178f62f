//! What the control center reads across many users: the users list with its search and
//! filters, the adoption figures, and the audit log. Every list pages by keyset (`id`
//! after the last one shown), so a page costs the same at the millionth row as at the first.

use sqlx::FromRow;

use sqlx::any::AnyArguments;

use super::{DbError, Exec};
use crate::domain::account::SearchTerm;
use crate::domain::factors::FactorMethod;
use crate::domain::policy::GroupTwoStep;

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
    pub last_sign_in_at: Option<i64>,
}

/// "2-step verification" filter of the users list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TwoStepFilter {
    On,
    Off,
    /// Codes come from this method (the URL spells it as the database does).
    Method(FactorMethod),
    /// "Must still set up": enabled accounts of whom the policy requires it (rule 3 of
    /// PRODUCT.md's policy, as `domain::policy::requirement` reads it) that have no method.
    MustSetUp,
}

impl TwoStepFilter {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "on" => Some(Self::On),
            "off" => Some(Self::Off),
            "must" => Some(Self::MustSetUp),
            method => FactorMethod::parse(method).map(Self::Method),
        }
    }
}

/// Which accounts the users list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountFilter {
    Enabled,
    Disabled,
}

impl AccountFilter {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "enabled" => Some(Self::Enabled),
            "disabled" => Some(Self::Disabled),
            _ => None,
        }
    }
}

/// Of whom the platform requires 2-step verification, besides the members of the groups
/// that require it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RequiredOf {
    /// "Required for everyone".
    pub everyone: bool,
    /// "Require 2-step verification for administrators".
    pub admins: bool,
}

/// What the users list is narrowed to.
#[derive(Clone, Debug, Default)]
pub struct UserFilter {
    /// The words typed in the search box, each of which a user matches.
    pub search: Vec<SearchTerm>,
    pub two_step: Option<TwoStepFilter>,
    pub group: Option<i64>,
    pub admins_only: bool,
    pub account: Option<AccountFilter>,
    /// What `TwoStepFilter::MustSetUp` reads: the platform's settings.
    pub required_of: RequiredOf,
}

/// Where a page of the users list starts: after a user id (the next page), or before one
/// (the previous page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    After(i64),
    Before(i64),
}

/// How many users a list matches: counted up to a bound, so that a count costs the same
/// at the millionth user as at the ten-thousandth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matches {
    Exactly(i64),
    MoreThan(i64),
}

/// A page of the users list, in id order.
pub struct UsersPage {
    pub rows: Vec<UserRow>,
    /// Users matching before the page's first, and after its last.
    pub earlier: bool,
    pub later: bool,
    pub matches: Matches,
}

/// The end of a prefix range: in byte order (SQLite's, and PostgreSQL's "C" collation the
/// database is created with) every text starting with `prefix` sorts before it.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// A statement being written: each value added gets the next numbered placeholder, so
/// only placeholders are ever put into the text and every value is bound.
#[derive(Default)]
struct Statement {
    values: Vec<Value>,
}

enum Value {
    Text(String),
    Int(i64),
}

impl Statement {
    fn text(&mut self, value: impl Into<String>) -> String {
        self.values.push(Value::Text(value.into()));
        format!("${}", self.values.len())
    }

    fn int(&mut self, value: i64) -> String {
        self.values.push(Value::Int(value));
        format!("${}", self.values.len())
    }

    /// `column` starts with `prefix`: a range of its index.
    fn starts_with(&mut self, column: &str, prefix: &str) -> String {
        let from = self.text(prefix);
        let to = self.text(prefix_end(prefix));
        format!("{column} >= {from} AND {column} < {to}")
    }

    fn query<O>(self, sql: String) -> sqlx::query::QueryAs<'static, sqlx::Any, O, AnyArguments>
    where
        O: for<'r> FromRow<'r, sqlx::any::AnyRow>,
    {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for value in self.values {
            query = match value {
                Value::Text(text) => query.bind(text),
                Value::Int(int) => query.bind(int),
            };
        }
        query
    }
}

/// A condition that narrows the list to few users or many, with the ids that meet it read
/// from indexes alone, so that a page may start from them when they are few.
enum Narrowing<'a> {
    Term(&'a SearchTerm),
    MustSetUp(RequiredOf),
}

impl Narrowing<'_> {
    /// The condition on the user `u`.
    fn test(&self, st: &mut Statement) -> String {
        match self {
            Self::Term(SearchTerm::Word(word)) => {
                let email = st.starts_with("u.email", word);
                let name = st.starts_with("w.word", word);
                format!(
                    "(({email}) OR EXISTS (SELECT 1 FROM user_name_words w WHERE w.user_id = u.id AND {name}))"
                )
            }
            Self::Term(SearchTerm::Email(email)) => st.starts_with("u.email", email),
            Self::Term(SearchTerm::Domain(domain)) => st.starts_with("u.email_domain", domain),
            Self::Term(SearchTerm::Phone(phone)) => st.starts_with("u.phone", phone),
            Self::MustSetUp(required_of) => {
                let why = if required_of.everyone {
                    "1 = 1".to_owned()
                } else {
                    let required = st.text(GroupTwoStep::Required.as_str());
                    let group = format!(
                        "EXISTS (SELECT 1 FROM group_members m JOIN user_groups g ON g.id = m.group_id \
                         WHERE m.user_id = u.id AND g.two_step = {required})"
                    );
                    if required_of.admins {
                        format!("u.is_admin = 1 OR {group}")
                    } else {
                        group
                    }
                };
                format!("u.two_factor_method IS NULL AND u.disabled = 0 AND ({why})")
            }
        }
    }

    /// The ids of the users who may meet it, from indexes alone, as queries whose ids
    /// together are them (empty: only a scan of the users finds them: they are many).
    fn ids(&self, st: &mut Statement) -> Vec<String> {
        let users_where =
            |condition: String| format!("SELECT e.id AS id FROM users e WHERE {condition}");
        match self {
            Self::Term(SearchTerm::Word(word)) => {
                let email = users_where(st.starts_with("e.email", word));
                let name = st.starts_with("w.word", word);
                vec![
                    email,
                    format!("SELECT w.user_id AS id FROM user_name_words w WHERE {name}"),
                ]
            }
            Self::Term(SearchTerm::Email(email)) => {
                vec![users_where(st.starts_with("e.email", email))]
            }
            Self::Term(SearchTerm::Domain(domain)) => {
                vec![users_where(st.starts_with("e.email_domain", domain))]
            }
            Self::Term(SearchTerm::Phone(phone)) => {
                vec![users_where(st.starts_with("e.phone", phone))]
            }
            Self::MustSetUp(required_of) if required_of.everyone => Vec::new(),
            // Only the members who still owe it: a large required group whose members have
            // all set up then counts none, and the page starts from nobody instead of
            // testing every user of the platform.
            Self::MustSetUp(required_of) => {
                let required = st.text(GroupTwoStep::Required.as_str());
                let mut ids = vec![format!(
                    "SELECT m.user_id AS id FROM group_members m JOIN user_groups g ON g.id = m.group_id \
                     JOIN users o ON o.id = m.user_id \
                     WHERE g.two_step = {required} AND o.two_factor_method IS NULL AND o.disabled = 0"
                )];
                if required_of.admins {
                    ids.push(
                        "SELECT a.id AS id FROM users a \
                         WHERE a.is_admin = 1 AND a.two_factor_method IS NULL AND a.disabled = 0"
                            .to_owned(),
                    );
                }
                ids
            }
        }
    }
}

fn narrowings(filter: &UserFilter) -> Vec<Narrowing<'_>> {
    let mut all: Vec<Narrowing<'_>> = filter.search.iter().map(Narrowing::Term).collect();
    if filter.two_step == Some(TwoStepFilter::MustSetUp) {
        all.push(Narrowing::MustSetUp(filter.required_of));
    }
    all
}

/// A page starts from the ids of a narrowing when it has at most this many.
const DRIVE_MOST: i64 = 5_000;

/// Which narrowing a page starts from: the one with the fewest ids when they are at most
/// `DRIVE_MOST` (each query of its ids counted up to that bound, a range of an index).
/// Otherwise the page reads the users in id order and tests each: they are many, so the
/// page fills soon.
async fn driving(
    conn: &mut sqlx::AnyConnection,
    narrowings: &[Narrowing<'_>],
) -> Result<Option<usize>, DbError> {
    let mut best: Option<(usize, i64)> = None;
    for (i, narrowing) in narrowings.iter().enumerate() {
        let mut st = Statement::default();
        let ids = narrowing.ids(&mut st);
        if ids.is_empty() {
            continue;
        }
        let bound = st.int(DRIVE_MOST + 1);
        let counts = ids
            .iter()
            .map(|ids| format!("(SELECT COUNT(*) FROM ({ids} LIMIT {bound}) c)"))
            .collect::<Vec<_>>()
            .join(" + ");
        let (count,): (i64,) = st
            .query(format!("SELECT {counts}"))
            .fetch_one(&mut *conn)
            .await?;
        if count <= DRIVE_MOST && best.is_none_or(|(_, fewest)| count < fewest) {
            best = Some((i, count));
        }
    }
    Ok(best.map(|(i, _)| i))
}

/// The tables a list reads, the key it pages by, and its conditions.
fn selection(
    filter: &UserFilter,
    narrowings: &[Narrowing<'_>],
    driver: Option<usize>,
    st: &mut Statement,
) -> (&'static str, &'static str, Vec<String>) {
    let mut conditions = Vec::new();
    // In a group, its members are read in id order from the membership key (group, user):
    // a page stops after its rows however large the group or the user table.
    let (from, key) = match filter.group {
        Some(group) => {
            let group = st.int(group);
            conditions.push(format!("m.group_id = {group}"));
            (
                "group_members m JOIN users u ON u.id = m.user_id",
                "m.user_id",
            )
        }
        None => ("users u", "u.id"),
    };
    match filter.two_step {
        None | Some(TwoStepFilter::MustSetUp) => {}
        Some(TwoStepFilter::On) => conditions.push("u.two_factor_method IS NOT NULL".into()),
        Some(TwoStepFilter::Off) => conditions.push("u.two_factor_method IS NULL".into()),
        Some(TwoStepFilter::Method(method)) => {
            let method = st.text(method.as_str());
            conditions.push(format!("u.two_factor_method = {method}"));
        }
    }
    if filter.admins_only {
        conditions.push("u.is_admin = 1".into());
    }
    match filter.account {
        None => {}
        Some(AccountFilter::Enabled) => conditions.push("u.disabled = 0".into()),
        Some(AccountFilter::Disabled) => conditions.push("u.disabled = 1".into()),
    }
    for (i, narrowing) in narrowings.iter().enumerate() {
        if driver == Some(i) {
            let ids = narrowing.ids(st).join(" UNION ALL ");
            conditions.push(format!("{key} IN ({ids})"));
        }
        // The test stays beside the ids, which may hold more users than meet it.
        conditions.push(narrowing.test(st));
    }
    (from, key, conditions)
}

fn where_clause(conditions: &[String]) -> String {
    if conditions.is_empty() {
        "1 = 1".to_owned()
    } else {
        conditions.join(" AND ")
    }
}

/// A page of `per_page` users matching `filter` from `page`, and how many match, counted
/// up to `count_most` (`Matches::MoreThan` beyond it).
pub async fn list_users(
    conn: &mut sqlx::AnyConnection,
    filter: &UserFilter,
    page: Page,
    per_page: i64,
    count_most: i64,
) -> Result<UsersPage, DbError> {
    let narrowings = narrowings(filter);
    let driver = driving(conn, &narrowings).await?;

    let mut st = Statement::default();
    let (from, key, mut conditions) = selection(filter, &narrowings, driver, &mut st);
    let (id, compare, order) = match page {
        Page::After(id) => (id, ">", "ASC"),
        Page::Before(id) => (id, "<", "DESC"),
    };
    let from_id = st.int(id);
    conditions.push(format!("{key} {compare} {from_id}"));
    let limit = st.int(per_page + 1);
    let mut rows: Vec<UserRow> = st
        .query(format!(
            "SELECT u.id, u.name, u.email, u.phone, u.is_admin, u.disabled, u.two_factor_method, \
             u.last_sign_in_at FROM {from} WHERE {} ORDER BY {key} {order} LIMIT {limit}",
            where_clause(&conditions)
        ))
        .fetch_all(&mut *conn)
        .await?;
    let more = rows.len() > usize::try_from(per_page).unwrap_or(0);
    rows.truncate(usize::try_from(per_page).unwrap_or(0));
    let (earlier, later) = match page {
        // The page came from a link on the page before or after it.
        Page::After(id) => (id > 0, more),
        Page::Before(_) => {
            rows.reverse();
            (more, true)
        }
    };
    let matches = count(conn, filter, &narrowings, driver, Some(count_most)).await?;
    Ok(UsersPage {
        rows,
        earlier,
        later,
        matches,
    })
}

/// How many users match `filter`, exactly, or up to `most`.
async fn count(
    conn: &mut sqlx::AnyConnection,
    filter: &UserFilter,
    narrowings: &[Narrowing<'_>],
    driver: Option<usize>,
    most: Option<i64>,
) -> Result<Matches, DbError> {
    let mut st = Statement::default();
    let (from, _, conditions) = selection(filter, narrowings, driver, &mut st);
    let limit = most.map(|most| format!(" LIMIT {}", st.int(most + 1)));
    let (count,): (i64,) = st
        .query(format!(
            "SELECT COUNT(*) FROM (SELECT 1 AS one FROM {from} WHERE {}{}) c",
            where_clause(&conditions),
            limit.unwrap_or_default()
        ))
        .fetch_one(&mut *conn)
        .await?;
    Ok(match most {
        Some(most) if count > most => Matches::MoreThan(most),
        _ => Matches::Exactly(count),
    })
}

/// How many users match `filter`, exactly: the overview's figures, which read every user.
pub async fn count_users(
    conn: &mut sqlx::AnyConnection,
    filter: &UserFilter,
) -> Result<i64, DbError> {
    let narrowings = narrowings(filter);
    let driver = driving(conn, &narrowings).await?;
    match count(conn, filter, &narrowings, driver, None).await? {
        Matches::Exactly(count) | Matches::MoreThan(count) => Ok(count),
    }
}

/// Adoption: users by method, and how many have none.
#[derive(Clone, Debug, Default)]
pub struct Adoption {
    pub total: i64,
    pub sms: i64,
    pub app: i64,
    pub passkey: i64,
}

impl Adoption {
    pub fn off(&self) -> i64 {
        self.total - self.sms - self.app - self.passkey
    }

    /// Counts `users` whose method is `method` (`None`: off).
    fn add(&mut self, method: Option<FactorMethod>, users: i64) {
        self.total += users;
        match method {
            Some(FactorMethod::Sms) => self.sms += users,
            Some(FactorMethod::Authenticator) => self.app += users,
            Some(FactorMethod::Passkey) => self.passkey += users,
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

/// The first `limit` users who must still set up (as `TwoStepFilter::MustSetUp`).
pub async fn owing<'e>(
    db: impl Exec<'e>,
    required_of: RequiredOf,
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
    .bind(i64::from(required_of.everyone))
    .bind(i64::from(required_of.admins))
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
    /// The name of the API key that made the change, when a key did.
    pub actor_api_key: Option<String>,
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
        "SELECT a.id, a.at, a.event, actor.email AS actor_email, k.name AS actor_api_key, \
         subject.email AS subject_email, a.ip, a.detail \
         FROM audit_events a \
         LEFT JOIN users actor ON actor.id = a.actor_user_id \
         LEFT JOIN api_keys k ON k.id = a.actor_api_key_id \
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
