//! Data rooms: what platform administrators and room administrators change, and a member's
//! way in (the room's step). Each change runs in one transaction with its audit event, the
//! room named in the event's detail.

use super::Services;
use super::account::CreateError;
use super::admin::{Actor, Refusal};
use super::letters::{Letter, Secret};
use super::notifications::Notice;
use super::sms_codes::{CheckOutcome, SendError};
use crate::db::audit::{AuditEvent, AuditRow, EventKind, Origin};
use crate::db::audit_details as details;
use crate::db::challenges::delete_challenges;
use crate::db::rooms::{
    Invitation, MyRoom, Room, RoomContact, RoomGroup, RoomMember, add_room_member,
    consume_invitation, find_invitation, find_room, find_room_group, groups_of_member, insert_room,
    insert_room_group, is_room_admin, list_room_groups, list_room_members, list_rooms,
    remove_room_member, replace_invitation, replace_room_admins, room_admin_emails, room_contacts,
    rooms_of_user, set_room_phone, standing, update_room,
};
use crate::db::users::{
    InsertUserError, NewUser, User, find_user_by_email, find_user_by_id, insert_user,
};
use crate::db::{DbError, Tx};
use crate::domain::account::normalise_email;
use crate::domain::codes::{Purpose, Subject};
use crate::domain::phone::format_international;
use crate::domain::rooms::{Standing, pass_holds};
use crate::domain::tokens::{random_token, token_digest};

/// A room's settings as the form gives them, checked.
pub struct RoomSettings {
    pub name: String,
    pub app_url: Option<String>,
    pub enforced: bool,
}

/// How long an invitation link works.
pub const INVITATION_SECS: i64 = 7 * 86_400;

/// What adding an address to a room group did.
pub enum Added {
    /// The account joined the group.
    Joined,
    /// No account has the address: an invitation link was emailed to it (to it alone:
    /// whoever adds the member never sees the link).
    Invited { email: String },
}

/// What taking a member out of a room group did.
pub struct Removed {
    /// The member's name.
    pub name: String,
    pub group: String,
    /// They were in no other group of the room: they left it, their room number with it.
    pub left_room: bool,
}

/// A room and what the person managing it sees of it.
pub struct ManagedRoom {
    pub room: Room,
    pub admins: Vec<String>,
    pub groups: Vec<RoomGroup>,
}

fn room_detail(room: &Room) -> String {
    format!("room {} ({})", room.id, room.name)
}

/// What an edit changed, for `room.edited`: "name Deal → Deal 2; application address
/// none → https://docs.example.com/; enforced two-factor authentication off;
/// administrators added a@example.com, removed b@example.com".
fn room_changes(before: &ManagedRoom, after: &Room, admins_after: &[String]) -> String {
    let address = |room: &Room| {
        room.app_url
            .clone()
            .unwrap_or_else(|| details::ROOM_NO_ADDRESS.into())
    };
    let mut changes = Vec::new();
    if before.room.name != after.name {
        changes.push(format!(
            "{}{} → {}",
            details::ROOM_RENAMED,
            before.room.name,
            after.name
        ));
    }
    if before.room.app_url != after.app_url {
        changes.push(format!(
            "{}{} → {}",
            details::ROOM_ADDRESS_CHANGED,
            address(&before.room),
            address(after)
        ));
    }
    if before.room.enforced() != after.enforced() {
        changes.push(
            if after.enforced() {
                details::ROOM_ENFORCED_ON
            } else {
                details::ROOM_ENFORCED_OFF
            }
            .to_owned(),
        );
    }
    let added: Vec<&str> = admins_after
        .iter()
        .filter(|email| !before.admins.contains(email))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = before
        .admins
        .iter()
        .filter(|email| !admins_after.contains(email))
        .map(String::as_str)
        .collect();
    match (added.is_empty(), removed.is_empty()) {
        (true, true) => {}
        (false, true) => changes.push(format!(
            "{}{}",
            details::ROOM_ADMINS_ADDED,
            added.join(", ")
        )),
        (true, false) => changes.push(format!(
            "{}{}",
            details::ROOM_ADMINS_REMOVED,
            removed.join(", ")
        )),
        (false, false) => changes.push(format!(
            "{}{}{}{}",
            details::ROOM_ADMINS_ADDED,
            added.join(", "),
            details::ROOM_AND_REMOVED,
            removed.join(", ")
        )),
    }
    if changes.is_empty() {
        details::ROOM_NOTHING_CHANGED.into()
    } else {
        changes.join("; ")
    }
}

impl Services {
    /// Audits `kind` by `actor` to `subject` (`who`), naming the room in the detail.
    fn room_event(
        &self,
        tx: &mut Tx,
        kind: EventKind,
        (actor, subject): (Option<i64>, Option<i64>),
        room: &Room,
        origin: &Origin,
        more: Option<&str>,
    ) {
        let detail = match more {
            Some(more) => format!("{}: {more}", room_detail(room)),
            None => room_detail(room),
        };
        let event = AuditEvent {
            kind,
            actor_user_id: actor,
            subject_user_id: subject,
            origin,
            detail: Some(&detail),
        };
        self.audit(tx, &event);
    }

    /// A room event by an actor that may be the command line or an API key.
    fn room_event_by(
        &self,
        tx: &mut Tx,
        kind: EventKind,
        (actor, subject): (Actor<'_>, Option<i64>),
        room: &Room,
        origin: &Origin,
    ) {
        let detail = match actor {
            Actor::CommandLine => format!("{}{}", room_detail(room), details::COMMAND_LINE_AFTER),
            Actor::Admin(_) | Actor::ApiKey(_) => room_detail(room),
        };
        let event = AuditEvent {
            kind,
            actor_user_id: actor.user_id(),
            subject_user_id: subject,
            origin,
            detail: Some(&detail),
        };
        let row = AuditRow::new(&event, self.clock.now());
        tx.record(match actor {
            Actor::ApiKey(key) => row.by_api_key(key.id),
            Actor::Admin(_) | Actor::CommandLine => row,
        });
    }

    /// The room, when `user` may manage it: a platform administrator, or one of its own
    /// administrators. Anyone else gets `None`, as for a room that does not exist.
    pub async fn managed_room(
        &self,
        user: &User,
        room_id: i64,
    ) -> Result<Option<ManagedRoom>, DbError> {
        let mut conn = self.db.pool.acquire().await?;
        let Some(room) = find_room(&mut *conn, room_id).await? else {
            return Ok(None);
        };
        if !user.is_admin() && !is_room_admin(&mut *conn, room_id, user.id).await? {
            return Ok(None);
        }
        Ok(Some(ManagedRoom {
            admins: room_admin_emails(&mut *conn, room_id).await?,
            groups: list_room_groups(&mut *conn, room_id).await?,
            room,
        }))
    }

    /// The rooms `user` manages: all for a platform administrator, else their own.
    pub async fn managed_rooms(&self, user: &User) -> Result<Vec<Room>, DbError> {
        list_rooms(&self.db.pool, (!user.is_admin()).then_some(user.id)).await
    }

    /// The accounts named by `emails`, or the first address no account has.
    async fn accounts(&self, emails: &[String]) -> Result<Result<Vec<i64>, String>, DbError> {
        let mut ids = Vec::new();
        for email in emails {
            match self.user_by_email(email).await? {
                Some(user) => ids.push(user.id),
                None => return Ok(Err(email.clone())),
            }
        }
        Ok(Ok(ids))
    }

    /// Creates a room with its administrators (existing accounts, by email).
    pub async fn create_room(
        &self,
        actor: &User,
        settings: &RoomSettings,
        admins: &[String],
        origin: &Origin,
    ) -> Result<Result<i64, String>, DbError> {
        let admin_ids = match self.accounts(admins).await? {
            Ok(ids) => ids,
            Err(unknown) => return Ok(Err(unknown)),
        };
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let id = insert_room(
            &mut *tx,
            &settings.name,
            settings.app_url.as_deref(),
            settings.enforced,
            now,
        )
        .await?;
        replace_room_admins(&mut tx, id, &admin_ids).await?;
        let room = find_room(&mut *tx, id).await?.ok_or(DbError::RowNotFound)?;
        let enforcement = if settings.enforced {
            details::ROOM_ENFORCED_ON
        } else {
            details::ROOM_ENFORCED_OFF
        };
        self.room_event(
            &mut tx,
            EventKind::RoomCreated,
            (Some(actor.id), None),
            &room,
            origin,
            Some(enforcement),
        );
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Saves a room's settings; a platform administrator may also name its administrators
    /// (`admins`). Turning enforcement on or off is audited as such.
    pub async fn edit_room(
        &self,
        actor: &User,
        room_id: i64,
        settings: &RoomSettings,
        admins: Option<&[String]>,
        origin: &Origin,
    ) -> Result<Result<(), Refusal>, DbError> {
        let Some(managed) = self.managed_room(actor, room_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let admin_ids = match admins.filter(|_| actor.is_admin()) {
            Some(emails) => match self.accounts(emails).await? {
                Ok(ids) => Some(ids),
                Err(_) => return Ok(Err(Refusal::NoSuchEmail)),
            },
            None => None,
        };
        let mut tx = self.db.begin().await?;
        update_room(
            &mut *tx,
            room_id,
            &settings.name,
            settings.app_url.as_deref(),
            settings.enforced,
            self.clock.now(),
        )
        .await?;
        if let Some(ids) = &admin_ids {
            replace_room_admins(&mut tx, room_id, ids).await?;
        }
        let room = find_room(&mut *tx, room_id)
            .await?
            .ok_or(DbError::RowNotFound)?;
        let admins_now = room_admin_emails(&mut *tx, room_id).await?;
        let changes = room_changes(&managed, &room, &admins_now);
        self.room_event(
            &mut tx,
            EventKind::RoomEdited,
            (Some(actor.id), None),
            &room,
            origin,
            Some(&changes),
        );
        if managed.room.enforced() != settings.enforced {
            let kind = if settings.enforced {
                EventKind::RoomEnforcementOn
            } else {
                EventKind::RoomEnforcementOff
            };
            self.room_event(&mut tx, kind, (Some(actor.id), None), &room, origin, None);
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// A new user group in a room the actor manages.
    pub async fn create_room_group(
        &self,
        actor: &User,
        room_id: i64,
        name: &str,
        origin: &Origin,
    ) -> Result<Result<i64, Refusal>, DbError> {
        if self.managed_room(actor, room_id).await?.is_none() {
            return Ok(Err(Refusal::NotFound));
        }
        let mut tx = self.db.begin().await?;
        let Some(id) = insert_room_group(&mut *tx, room_id, name, self.clock.now()).await? else {
            return Ok(Err(Refusal::NameTaken));
        };
        let room = find_room(&mut *tx, room_id)
            .await?
            .ok_or(DbError::RowNotFound)?;
        self.room_event(
            &mut tx,
            EventKind::RoomGroupCreated,
            (Some(actor.id), None),
            &room,
            origin,
            Some(name.trim()),
        );
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// A room group and its members, when the actor manages its room.
    pub async fn managed_room_group(
        &self,
        actor: &User,
        group_id: i64,
    ) -> Result<Option<(ManagedRoom, RoomGroup, Vec<RoomMember>)>, DbError> {
        let Some(group) = find_room_group(&self.db.pool, group_id).await? else {
            return Ok(None);
        };
        let Some(managed) = self.managed_room(actor, group.room_id).await? else {
            return Ok(None);
        };
        let members = list_room_members(&self.db.pool, &group).await?;
        Ok(Some((managed, group, members)))
    }

    /// Adds the account with this email to a room group the actor manages; an address with
    /// no account is emailed an invitation link instead.
    pub async fn add_room_member(
        &self,
        actor: &User,
        group_id: i64,
        typed_email: &str,
        origin: &Origin,
    ) -> Result<Result<Added, Refusal>, DbError> {
        let Some((managed, group, _)) = self.managed_room_group(actor, group_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let Ok(email) = normalise_email(typed_email) else {
            return Ok(Err(Refusal::NoSuchEmail));
        };
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_email(&mut *tx, &email).await? else {
            let token = random_token();
            replace_invitation(
                &mut tx,
                group.id,
                &email,
                &token_digest(&token),
                now,
                now + INVITATION_SECS,
            )
            .await?;
            // Nobody invited has chosen a language yet: the platform's.
            let (app, lang) = self.writing_to(&mut tx, None).await?;
            let room = &managed.room.name;
            let letter = Letter {
                language: lang,
                subject: lang
                    .tr("email-invitation-subject")
                    .arg("room", room)
                    .arg("app", &app)
                    .to_string(),
                name: None,
                lead: lang
                    .tr("email-invitation-lead")
                    .arg("name", &actor.name)
                    .arg("room", room)
                    .arg("app", &app)
                    .to_string(),
                links: vec![(
                    lang.t("email-invitation-link"),
                    self.link("/invite", Some(&token)),
                )],
                after: vec![
                    lang.tr("email-invitation-ignore")
                        .arg("email", &email)
                        .to_string(),
                ],
            };
            self.queue_letter(&mut tx, None, &email, &letter, Secret::OneTimeLink)
                .await?;
            let detail = format!("{}{}{email}", group.name, details::ROOM_INVITED);
            self.room_event(
                &mut tx,
                EventKind::RoomInvitationMade,
                (Some(actor.id), None),
                &managed.room,
                origin,
                Some(&detail),
            );
            tx.commit().await?;
            return Ok(Ok(Added::Invited { email }));
        };
        if add_room_member(&mut *tx, group.id, user.id, now).await? {
            self.room_event(
                &mut tx,
                EventKind::RoomMemberAdded,
                (Some(actor.id), Some(user.id)),
                &managed.room,
                origin,
                Some(&group.name),
            );
        }
        tx.commit().await?;
        Ok(Ok(Added::Joined))
    }

    /// The live invitation behind a link.
    pub async fn invitation(&self, token: &str) -> Result<Option<Invitation>, DbError> {
        find_invitation(&self.db.pool, &token_digest(token), self.clock.now()).await
    }

    /// Accepts an invitation once: creates the account (name and password from the form,
    /// the invited address) and joins the group. `None` when the link is used, replaced or
    /// old, or the address has an account by now (it then joins by signing in and being
    /// added).
    #[tracing::instrument(name = "Accept a room invitation", skip_all)]
    pub async fn accept_invitation(
        &self,
        token: &str,
        name: &str,
        password: secrecy::SecretString,
        origin: &Origin,
    ) -> Result<Option<(User, i64)>, CreateError> {
        let hash = self.passwords.hash(password).await?;
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(invitation) = consume_invitation(&mut tx, &token_digest(token), now).await? else {
            return Ok(None);
        };
        let new_user = NewUser {
            email: &invitation.email,
            name,
            password_hash: Some(&hash),
            phone: None,
            is_admin: false,
            email_confirmed: true,
        };
        let id = match insert_user(&mut tx, &new_user, now).await {
            Ok(id) => id,
            Err(InsertUserError::EmailTaken) => return Ok(None),
            Err(InsertUserError::Db(err)) => return Err(err.into()),
        };
        add_room_member(&mut *tx, invitation.group_id, id, now).await?;
        let room = find_room(&mut *tx, invitation.room_id)
            .await?
            .ok_or(DbError::RowNotFound)?;
        self.room_event(
            &mut tx,
            EventKind::RoomInvitationAccepted,
            (Some(id), Some(id)),
            &room,
            origin,
            None,
        );
        tx.commit().await?;
        let user = find_user_by_id(&self.db.pool, id)
            .await?
            .ok_or(DbError::RowNotFound)?;
        Ok(Some((user, invitation.room_id)))
    }

    /// Sets (typed) or clears (empty) the room's "Two-factor phone number" of a member of
    /// a room the actor manages. Room administrators cannot be enforced. The member is
    /// emailed; a room code already sent to the old number dies with the change.
    pub async fn set_member_room_phone(
        &self,
        actor: Actor<'_>,
        room_id: i64,
        user_id: i64,
        typed: &str,
        origin: &Origin,
    ) -> Result<Result<Option<String>, Refusal>, DbError> {
        // A room administrator acts in their own rooms; a platform administrator, the
        // command line and an API key with `rooms:write` in any.
        let room = match actor {
            Actor::Admin(user) => self.managed_room(user, room_id).await?.map(|m| m.room),
            Actor::CommandLine | Actor::ApiKey(_) => find_room(&self.db.pool, room_id).await?,
        };
        let Some(room) = room else {
            return Ok(Err(Refusal::NotFound));
        };
        let Some(member) = find_user_by_id(&self.db.pool, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        let Some((_, standing)) = standing(&self.db.pool, room_id, user_id).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        if standing.room_admin {
            return Ok(Err(Refusal::RoomAdminExempt));
        }
        if !standing.member {
            return Ok(Err(Refusal::NotFound));
        }
        let phone = match typed.trim() {
            "" => None,
            typed => match self.platform().await?.sms_phone(typed) {
                Ok(phone) => Some(phone),
                Err(problem) => return Ok(Err(Refusal::Phone(problem))),
            },
        };
        if standing.phone == phone {
            return Ok(Ok(phone));
        }
        let mut tx = self.db.begin().await?;
        set_room_phone(
            &mut *tx,
            room_id,
            user_id,
            phone.as_deref(),
            self.clock.now(),
        )
        .await?;
        // A code already sent to the old number opens nothing any more.
        let subject = Subject::RoomMember { room_id, user_id };
        delete_challenges(&mut *tx, &subject.key(), Purpose::RoomEntry).await?;
        let room = &room;
        match &phone {
            Some(number) => {
                self.room_event_by(
                    &mut tx,
                    EventKind::RoomPhoneSet,
                    (actor, Some(user_id)),
                    room,
                    origin,
                );
                let shown = format_international(number);
                self.notify(
                    &mut tx,
                    &member,
                    origin,
                    Notice::RoomPhoneSet {
                        room: &room.name,
                        phone: &shown,
                    },
                )
                .await?;
            }
            None => {
                self.room_event_by(
                    &mut tx,
                    EventKind::RoomPhoneCleared,
                    (actor, Some(user_id)),
                    room,
                    origin,
                );
                self.notify(
                    &mut tx,
                    &member,
                    origin,
                    Notice::RoomPhoneCleared { room: &room.name },
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(Ok(phone))
    }

    /// The rooms on `user`'s Home.
    pub async fn my_rooms(&self, user: &User) -> Result<Vec<MyRoom>, DbError> {
        rooms_of_user(&self.db.pool, user.id).await
    }

    /// A room and what `user` is to it; `passed_at`: when this session passed its step,
    /// which holds while they stay a member (`pass_holds`).
    pub async fn room_standing(
        &self,
        user: &User,
        room_id: i64,
        passed_at: Option<i64>,
    ) -> Result<Option<(Room, Standing)>, DbError> {
        Ok(standing(&self.db.pool, room_id, user.id)
            .await?
            .map(|(room, mut standing)| {
                standing.verified = pass_holds(passed_at, standing.member_since);
                (room, standing)
            }))
    }

    /// Whom a member asks about the room: its administrators.
    pub async fn room_contacts(&self, room_id: i64) -> Result<Vec<RoomContact>, DbError> {
        room_contacts(&self.db.pool, room_id).await
    }

    /// The groups of a room the actor manages that `user_id` is in; `None` when the actor
    /// does not manage the room.
    pub async fn member_groups(
        &self,
        actor: &User,
        room_id: i64,
        user_id: i64,
    ) -> Result<Option<Vec<String>>, DbError> {
        if self.managed_room(actor, room_id).await?.is_none() {
            return Ok(None);
        }
        Ok(Some(
            groups_of_member(&self.db.pool, room_id, user_id).await?,
        ))
    }

    /// Takes a member out of a group of a room the actor manages. Out of the room's last
    /// group they leave the room: its number for them is cleared, a code sent to it dies,
    /// and a step their sessions passed no longer holds (`pass_holds`: should they be
    /// added again, the step is owed again). Audited with the group and what ended.
    pub async fn remove_room_member(
        &self,
        actor: &User,
        room_id: i64,
        group_id: i64,
        user_id: i64,
        origin: &Origin,
    ) -> Result<Result<Removed, Refusal>, DbError> {
        let Some((managed, group, members)) = self.managed_room_group(actor, group_id).await?
        else {
            return Ok(Err(Refusal::NotFound));
        };
        if managed.room.id != room_id {
            return Ok(Err(Refusal::NotFound));
        }
        let Some(member) = members.into_iter().find(|m| m.id == user_id) else {
            return Ok(Err(Refusal::NotFound));
        };
        let mut tx = self.db.begin().await?;
        if !remove_room_member(&mut *tx, group.id, user_id).await? {
            // Removed by someone else meanwhile.
            return Ok(Err(Refusal::NotFound));
        }
        let left_room = groups_of_member(&mut *tx, room_id, user_id)
            .await?
            .is_empty();
        let mut detail = group.name.clone();
        if left_room {
            detail.push_str("; ");
            detail.push_str(if member.phone.is_some() {
                details::ROOM_MEMBER_LEFT_PHONE_CLEARED
            } else {
                details::ROOM_MEMBER_LEFT
            });
            set_room_phone(&mut *tx, room_id, user_id, None, self.clock.now()).await?;
            let subject = Subject::RoomMember { room_id, user_id };
            delete_challenges(&mut *tx, &subject.key(), Purpose::RoomEntry).await?;
        }
        self.room_event(
            &mut tx,
            EventKind::RoomMemberRemoved,
            (Some(actor.id), Some(user_id)),
            &managed.room,
            origin,
            Some(&detail),
        );
        tx.commit().await?;
        Ok(Ok(Removed {
            name: member.name,
            group: group.name,
            left_room,
        }))
    }

    /// Sends the room's code to the room's number for `user`.
    pub async fn send_room_code(
        &self,
        user: &User,
        room_id: i64,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), SendError> {
        let subject = Subject::RoomMember {
            room_id,
            user_id: user.id,
        };
        self.send_code(&subject, Purpose::RoomEntry, phone, origin)
            .await
    }

    /// Checks a typed code for the room's step; passed, failed and locked are audited with
    /// the room.
    pub async fn check_room_code(
        &self,
        user: &User,
        room: &Room,
        code: &str,
        origin: &Origin,
    ) -> Result<CheckOutcome, DbError> {
        let subject = Subject::RoomMember {
            room_id: room.id,
            user_id: user.id,
        };
        let mut tx = self.db.begin().await?;
        let outcome = self
            .check_code(&mut tx, &subject, Purpose::RoomEntry, code, origin)
            .await?;
        let kind = match &outcome {
            CheckOutcome::Verified { .. } => Some(EventKind::RoomStepPassed),
            CheckOutcome::Wrong { .. } => Some(EventKind::RoomStepFailed),
            CheckOutcome::Locked => Some(EventKind::RoomStepLocked),
            CheckOutcome::Dead | CheckOutcome::Expired | CheckOutcome::NoCode => None,
        };
        if let Some(kind) = kind {
            self.room_event(
                &mut tx,
                kind,
                (Some(user.id), Some(user.id)),
                room,
                origin,
                None,
            );
        }
        tx.commit().await?;
        Ok(outcome)
    }
}
