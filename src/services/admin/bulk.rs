//! Bulk actions on the users list: one action for many people, each person's change in
//! its own transaction through the use case the user's own page runs (with its audit
//! event and email), so one refusal or failure leaves the others done. And the reminder to
//! turn on 2-step verification, a use case of its own.

use super::{Actor, Refusal, UserWithGroups};
use crate::db::DbError;
use crate::db::audit::{EventKind, Origin};
use crate::db::directory::{Page, UserFilter};
use crate::db::groups::find_group;
use crate::db::users::{User, find_user_by_id};
use crate::services::Services;
use crate::services::letters::{Letter, Secret};

/// The most people one bulk action takes: the users list's longest page.
pub const BULK_MOST: usize = 200;

/// The users an export reads at once.
const EXPORT_PAGE: i64 = 200;

/// What is done to each selected person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkAction {
    ResetTwoStep,
    AddToGroup(i64),
    RemoveFromGroup(i64),
    Remind,
}

/// Why nothing was done for one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skipped {
    NoSuchUser,
    /// The administrator's own account: they change it from their own pages.
    Yourself,
    /// An administrator is reset only from their own page, one at a time.
    Administrator,
    AlreadyMember,
    NotMember,
    /// A reminder to someone who has 2-step verification on already.
    TwoStepOn,
    /// A reminder to a disabled account, which cannot sign in.
    Disabled,
}

/// Why a bulk action was refused as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkProblem {
    NobodySelected,
    TooMany,
    NoSuchGroup,
}

/// What was done for one selected person.
pub struct BulkLine {
    pub user_id: i64,
    /// `None`: no account has the id.
    pub user: Option<User>,
    pub outcome: Result<(), Skipped>,
}

/// The people a bulk action is for, and the group it names.
pub struct Selection {
    /// Each id once, with its account (`None`: no account has it).
    pub people: Vec<(i64, Option<User>)>,
    /// The group's name, for the group actions.
    pub group: Option<String>,
}

/// The ids once each, in the order given; the problem when they cannot be acted on.
pub fn selection(ids: &[i64]) -> Result<Vec<i64>, BulkProblem> {
    if ids.len() > BULK_MOST {
        return Err(BulkProblem::TooMany);
    }
    let mut unique: Vec<i64> = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique.contains(id) {
            unique.push(*id);
        }
    }
    if unique.is_empty() {
        return Err(BulkProblem::NobodySelected);
    }
    Ok(unique)
}

impl Services {
    /// Checks a bulk action before its question is asked: the people selected (each
    /// looked up; `None` for an unknown id) and the group it names.
    pub async fn bulk_selection(
        &self,
        action: BulkAction,
        ids: &[i64],
    ) -> Result<Result<Selection, BulkProblem>, DbError> {
        let ids = match selection(ids) {
            Ok(ids) => ids,
            Err(problem) => return Ok(Err(problem)),
        };
        let group = match action {
            BulkAction::AddToGroup(group) | BulkAction::RemoveFromGroup(group) => {
                match find_group(&self.db.pool, group).await? {
                    Some(group) => Some(group.name),
                    None => return Ok(Err(BulkProblem::NoSuchGroup)),
                }
            }
            BulkAction::ResetTwoStep | BulkAction::Remind => None,
        };
        let mut conn = self.db.pool.acquire().await?;
        let mut people = Vec::with_capacity(ids.len());
        for id in ids {
            people.push((id, find_user_by_id(&mut *conn, id).await?));
        }
        Ok(Ok(Selection { people, group }))
    }

    /// Does `action` for each of `ids`, one transaction each, and says what became of each.
    #[tracing::instrument(name = "Apply a bulk action", skip_all, fields(people = ids.len()))]
    pub async fn apply_bulk(
        &self,
        admin: &User,
        action: BulkAction,
        ids: &[i64],
        origin: &Origin,
    ) -> Result<Result<Vec<BulkLine>, BulkProblem>, DbError> {
        let people = match self.bulk_selection(action, ids).await? {
            Ok(selected) => selected.people,
            Err(problem) => return Ok(Err(problem)),
        };
        let actor = Actor::Admin(admin);
        let mut report = Vec::with_capacity(people.len());
        for (user_id, user) in people {
            let outcome = match &user {
                None => Err(Skipped::NoSuchUser),
                Some(user) => self.act_on_one(actor, admin, action, user, origin).await?,
            };
            report.push(BulkLine {
                user_id,
                user,
                outcome,
            });
        }
        Ok(Ok(report))
    }

    async fn act_on_one(
        &self,
        actor: Actor<'_>,
        admin: &User,
        action: BulkAction,
        user: &User,
        origin: &Origin,
    ) -> Result<Result<(), Skipped>, DbError> {
        let refused = |refusal: Refusal| match refusal {
            Refusal::NotFound => match action {
                BulkAction::RemoveFromGroup(_) => Skipped::NotMember,
                _ => Skipped::NoSuchUser,
            },
            _ => Skipped::NoSuchUser,
        };
        Ok(match action {
            BulkAction::ResetTwoStep if user.id == admin.id => Err(Skipped::Yourself),
            BulkAction::ResetTwoStep if user.is_admin() => Err(Skipped::Administrator),
            BulkAction::ResetTwoStep => self
                .reset_two_step(actor, user.id, origin)
                .await?
                .map(|_| ())
                .map_err(refused),
            BulkAction::AddToGroup(group) => {
                match self
                    .add_group_member(actor, group, &user.email, origin)
                    .await?
                {
                    Ok((_, true)) => Ok(()),
                    Ok((_, false)) => Err(Skipped::AlreadyMember),
                    Err(refusal) => Err(refused(refusal)),
                }
            }
            BulkAction::RemoveFromGroup(group) => self
                .remove_group_member(actor, group, user.id, origin)
                .await?
                .map(|_| ())
                .map_err(refused),
            BulkAction::Remind => {
                self.remind_to_turn_on_two_step(actor, user.id, origin)
                    .await?
            }
        })
    }

    /// A page of the users `filter` matches with `search`, after user id `after`, with their
    /// groups: what an export writes. The id to continue after, when more match.
    pub async fn export_page(
        &self,
        search: &str,
        filter: &UserFilter,
        after: i64,
    ) -> Result<(Vec<UserWithGroups>, Option<i64>), DbError> {
        let page = self
            .users_page(search, filter.clone(), Page::After(after), EXPORT_PAGE)
            .await?;
        let next = page.rows.last().filter(|_| page.later).map(|row| row.id);
        let ids: Vec<i64> = page.rows.iter().map(|row| row.id).collect();
        Ok((self.users_with_groups(&ids).await?, next))
    }

    /// Emails a person without 2-step verification a reminder to turn it on, with the way
    /// to their security settings; audited.
    #[tracing::instrument(name = "Remind to turn on 2-step verification", skip_all)]
    pub async fn remind_to_turn_on_two_step(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        origin: &Origin,
    ) -> Result<Result<(), Skipped>, DbError> {
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(Skipped::NoSuchUser));
        };
        if user.has_two_step() {
            return Ok(Err(Skipped::TwoStepOn));
        }
        if user.is_disabled() {
            return Ok(Err(Skipped::Disabled));
        }
        let (app, lang) = self.writing_to(&mut tx, user.language()).await?;
        let letter = Letter {
            language: lang,
            subject: lang
                .tr("bulk-reminder-subject")
                .arg("app", &app)
                .to_string(),
            name: Some(&user.name),
            lead: lang.tr("bulk-reminder-lead").arg("app", &app).to_string(),
            links: vec![(
                lang.t("bulk-reminder-link"),
                self.link("/account/security", None),
            )],
            after: vec![lang.t("bulk-reminder-after")],
        };
        self.queue_letter(&mut tx, Some(user.id), &user.email, &letter, Secret::None)
            .await?;
        self.admin_event(
            &mut tx,
            EventKind::TwoStepReminderSent,
            actor,
            Some(user.id),
            origin,
            None,
        );
        tx.commit().await?;
        Ok(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_each_id_once_and_at_most_a_page() {
        assert_eq!(selection(&[3, 1, 3, 2]), Ok(vec![3, 1, 2]));
        assert_eq!(selection(&[]), Err(BulkProblem::NobodySelected));
        let many: Vec<i64> = (1..=201).collect();
        assert_eq!(selection(&many), Err(BulkProblem::TooMany));
        assert_eq!(selection(&many[..200]).map(|ids| ids.len()), Ok(200));
    }
}
