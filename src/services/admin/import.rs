//! The users import: an uploaded CSV file is kept (an hour, for its uploader only) so its
//! preview and its import read the same file sent once. Each line is checked again at the
//! import, and each good one goes through `add_user`, in its own transaction with its audit
//! event and invitation.

use std::collections::HashSet;

use futures_util::{StreamExt, stream};

use super::{Actor, AddUser, Refusal};
use crate::db::DbError;
use crate::db::audit::Origin;
use crate::db::groups::group_names;
use crate::db::imports::{
    claim_import, delete_expired_imports, existing_emails, find_import, insert_import,
};
use crate::db::users::User;
use crate::domain::import::{
    CheckedLine, FileProblem, LineProblem, TypedLine, check_lines, read_lines, read_text,
};
use crate::domain::tokens::{is_well_formed_token, random_token};
use crate::services::Services;

/// How long an upload is kept for its preview and import.
pub const IMPORT_KEPT_SECS: i64 = 3_600;
/// Lines added at once, each in its own transaction: on PostgreSQL they overlap, on SQLite
/// they take turns at the one writer. Few, to leave the pool to other requests.
const ADDING_AT_ONCE: usize = 4;
/// The longest file name kept (it is only shown back).
const MAX_FILE_NAME_CHARS: usize = 200;

/// An upload and what each of its lines would become.
pub struct ImportPreview {
    pub file_name: String,
    /// "Import" ran already.
    pub imported: bool,
    pub lines: Vec<CheckedLine>,
}

/// What the import did with a line.
pub enum LineOutcome {
    /// Added, and emailed an invitation.
    Added(i64),
    /// Left alone for its problems.
    LeftAlone(Vec<LineProblem>),
    /// Good at the preview, refused when added (an account was made meanwhile, a group
    /// deleted).
    Refused(Refusal),
}

/// Each line of the file, with what the import did with it.
pub type ImportReport = Vec<(TypedLine, LineOutcome)>;

/// "Import" ran already for this upload (perhaps at the same moment, from another tab).
#[derive(Debug)]
pub struct AlreadyImported;

impl Services {
    /// Keeps an uploaded file for its preview when it reads as an import file; its id.
    #[tracing::instrument(name = "Upload a users import", skip_all)]
    pub async fn upload_import(
        &self,
        admin: &User,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Result<String, FileProblem>, DbError> {
        let text = match read_text(bytes) {
            Ok(text) => text,
            Err(problem) => return Ok(Err(problem)),
        };
        if let Err(problem) = read_lines(text) {
            return Ok(Err(problem));
        }
        let file_name: String = file_name
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_FILE_NAME_CHARS)
            .collect();
        let id = random_token();
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        // Uploads nobody imported go when a new one comes, as well as with the janitor.
        delete_expired_imports(&mut *tx, now).await?;
        insert_import(
            &mut *tx,
            &id,
            admin.id,
            &file_name,
            text,
            now,
            now + IMPORT_KEPT_SECS,
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// The upload `id` of `admin` with each line checked as it would be imported now;
    /// `None` when it is not theirs, not known or expired.
    pub async fn import_preview(
        &self,
        admin: &User,
        id: &str,
    ) -> Result<Option<ImportPreview>, DbError> {
        if !is_well_formed_token(id) {
            return Ok(None);
        }
        let Some(stored) = find_import(&self.db.pool, id, admin.id, self.clock.now()).await? else {
            return Ok(None);
        };
        // The file was read at its upload: the same text reads the same now.
        let lines = read_lines(&stored.content).unwrap_or_default();
        Ok(Some(ImportPreview {
            file_name: stored.file_name,
            imported: stored.imported_at.is_some(),
            lines: self.check_import_lines(lines).await?,
        }))
    }

    async fn check_import_lines(&self, lines: Vec<TypedLine>) -> Result<Vec<CheckedLine>, DbError> {
        let platform = self.platform().await?;
        let emails: Vec<String> = lines.iter().filter_map(TypedLine::email_key).collect();
        let mut conn = self.db.pool.acquire().await?;
        let existing: HashSet<String> = existing_emails(&mut conn, &emails)
            .await?
            .into_iter()
            .collect();
        let groups = group_names(&mut *conn).await?;
        drop(conn);
        Ok(check_lines(lines, &platform, &groups, &existing))
    }

    /// Imports the good lines of upload `id`: each person added and invited by email, in
    /// their own transaction. Once per upload: `None` when it is not theirs, not known or
    /// expired.
    #[tracing::instrument(name = "Import users", skip_all)]
    pub async fn run_import(
        &self,
        admin: &User,
        id: &str,
        origin: &Origin,
    ) -> Result<Option<Result<ImportReport, AlreadyImported>>, DbError> {
        let Some(preview) = self.import_preview(admin, id).await? else {
            return Ok(None);
        };
        if preview.imported || !claim_import(&self.db.pool, id, admin.id, self.clock.now()).await? {
            return Ok(Some(Err(AlreadyImported)));
        }
        let adding = preview.lines.into_iter().map(|line| async move {
            let outcome = match line.outcome {
                Err(problems) => LineOutcome::LeftAlone(problems),
                Ok(person) => {
                    let new = AddUser {
                        name: person.name,
                        email: person.email,
                        phone: person.phone,
                        groups: person.groups,
                        admin: false,
                        invite: true,
                    };
                    match self.add_user(Actor::Admin(admin), &new, origin).await? {
                        Ok(id) => LineOutcome::Added(id),
                        Err(refusal) => LineOutcome::Refused(refusal),
                    }
                }
            };
            Ok::<_, DbError>((line.typed, outcome))
        });
        let report = stream::iter(adding)
            .buffered(ADDING_AT_ONCE)
            .collect::<Vec<_>>()
            .await
            .into_iter()
            .collect::<Result<ImportReport, DbError>>()?;
        Ok(Some(Ok(report)))
    }
}
