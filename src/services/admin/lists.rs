//! The users list and the audit log, a page at a time.

use super::overview::required_of;
use crate::db::DbError;
use crate::db::directory::{
    AccountFilter, AuditCursor, AuditEntry, AuditFilter, Page, TwoStepFilter, UserFilter,
    UsersPage, list_audit, list_users,
};
use crate::db::groups::groups_of_users;
use crate::db::users::{UserRecord, user_records};
use crate::domain::problems::Problems;
use crate::services::Services;

use crate::domain::account::read_search;

/// The users list counts the users it matches up to this many ("More than 1,000 users"):
/// a count costs the same at the millionth user.
pub const LIST_COUNT_MOST: i64 = 1_000;

/// The longest search the users list reads.
pub const SEARCH_MAX: usize = 200;

/// The users list's search and filters, as the page's address or `GET /api/v1/users`
/// sends them: as typed, empty for "any".
#[derive(Default)]
pub struct UserListInput {
    pub search: String,
    /// on, off, must, or a method (sms, app, passkey).
    pub two_step: String,
    /// A group id.
    pub group: String,
    pub admins_only: bool,
    /// enabled or disabled.
    pub account: String,
}

/// The users list's search and filters, checked. The words are read when the list is
/// (a phone number in them in the platform's default country).
pub struct UserList {
    pub search: String,
    pub filter: UserFilter,
}

impl UserList {
    /// Problems are named by the page's fields: `q`, `two_step`, `group`, `account`.
    pub fn parse(input: &UserListInput) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        if input.search.chars().count() > SEARCH_MAX {
            problems.with_max("q", "admin-search-too-long", SEARCH_MAX);
        }
        let mut read = |field: &'static str,
                        text: &str,
                        message: &'static str,
                        parse: &dyn Fn(&str) -> bool| {
            if !text.is_empty() && !parse(text) {
                problems.message(field, message);
            }
        };
        read(
            "two_step",
            &input.two_step,
            "admin-users-choose-filter",
            &|t| TwoStepFilter::parse(t).is_some(),
        );
        read("group", &input.group, "admin-users-choose-group", &|t| {
            t.parse::<i64>().is_ok()
        });
        read(
            "account",
            &input.account,
            "admin-users-choose-accounts",
            &|t| AccountFilter::parse(t).is_some(),
        );
        problems.or(Self {
            search: input.search.clone(),
            filter: UserFilter {
                two_step: TwoStepFilter::parse(&input.two_step),
                group: input.group.parse().ok(),
                admins_only: input.admins_only,
                account: AccountFilter::parse(&input.account),
                ..UserFilter::default()
            },
        })
    }
}

/// An account with its groups, as the administration API shows it.
pub struct UserWithGroups {
    pub record: UserRecord,
    pub groups: Vec<(i64, String)>,
}

impl Services {
    /// The accounts with these ids and their groups, in id order: two statements for a
    /// page.
    pub async fn users_with_groups(&self, ids: &[i64]) -> Result<Vec<UserWithGroups>, DbError> {
        let mut conn = self.db.pool.acquire().await?;
        let records = user_records(&mut conn, ids).await?;
        let mut memberships = groups_of_users(&mut conn, ids)
            .await?
            .into_iter()
            .peekable();
        let mut out = Vec::with_capacity(records.len());
        for record in records {
            let mut groups = Vec::new();
            while let Some((user_id, _, _)) = memberships.peek() {
                if *user_id < record.id {
                    memberships.next();
                } else if *user_id == record.id {
                    if let Some((_, id, name)) = memberships.next() {
                        groups.push((id, name));
                    }
                } else {
                    break;
                }
            }
            out.push(UserWithGroups { record, groups });
        }
        Ok(out)
    }

    /// A page of the users list: `filter` with the words `search` as typed (a phone number
    /// read in the platform's default country too), "Must still set up" as the platform's
    /// settings make it, and how many users match (up to `LIST_COUNT_MOST`).
    pub async fn users_page(
        &self,
        search: &str,
        mut filter: UserFilter,
        page: Page,
        per_page: i64,
    ) -> Result<UsersPage, DbError> {
        let platform = self.platform().await?;
        filter.search = read_search(search, platform.phone_country());
        filter.required_of = required_of(&platform);
        let mut conn = self.db.pool.acquire().await?;
        list_users(&mut conn, &filter, page, per_page, LIST_COUNT_MOST).await
    }

    /// Events matching `filter` after `cursor`: a page, and whether more follow.
    pub async fn audit_page(
        &self,
        filter: &AuditFilter,
        cursor: AuditCursor,
        per_page: i64,
    ) -> Result<(Vec<AuditEntry>, bool), DbError> {
        let mut rows = list_audit(&self.db.pool, filter, cursor, per_page + 1).await?;
        let more = rows.len() > usize::try_from(per_page).unwrap_or(0);
        rows.truncate(usize::try_from(per_page).unwrap_or(0));
        Ok((rows, more))
    }
}
