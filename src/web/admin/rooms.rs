//! Data rooms in the control center (`/admin/rooms`): platform administrators create rooms
//! and name their administrators; room administrators, who need not be platform
//! administrators, see and edit only their own rooms: settings, user groups, members (added,
//! and removed after a question), and
//! on User Rights each member's "Two-factor phone number". A room one may not manage is a
//! 404, as one that does not exist.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::users::recent_password;
use super::{Section, refused};
use crate::db::rooms::{Room, RoomGroup, RoomMember};
use crate::db::users::User;
use crate::domain::account::normalise_email;
use crate::domain::language::Language;
use crate::domain::phone::format_international;
use crate::domain::rooms::normalise_app_url;
use crate::services::admin::{Actor, Refusal};
use crate::services::rooms::{Added, INVITATION_SECS, ManagedRoom, RoomSettings};
use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::middleware::auth::require_sign_in;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::{leave_notice, take_notice};

/// Registered before the rest of the control center, whose guard admits platform
/// administrators only: room administrators manage their rooms here too.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/admin/rooms")
            .wrap(from_fn(super::require_admin_or_room_admin))
            .wrap(from_fn(require_sign_in))
            .service(web::resource("").route(web::get().to(rooms_page)))
            .service(
                web::resource("/new")
                    .route(web::get().to(new_room_form))
                    .route(web::post().to(create_room)),
            )
            .service(web::resource("/{id}").route(web::get().to(room_page)))
            .service(
                web::resource("/{id}/edit")
                    .route(web::get().to(edit_room_form))
                    .route(web::post().to(save_room)),
            )
            .service(web::resource("/{id}/groups").route(web::post().to(create_group)))
            .service(
                web::resource("/{id}/groups/{group}/members").route(web::post().to(add_member)),
            )
            .service(
                web::resource("/{id}/groups/{group}/members/{user}/remove")
                    .wrap(from_fn(recent_password))
                    .route(web::get().to(confirm_remove_member))
                    .route(web::post().to(remove_member)),
            )
            .service(web::resource("/{id}/rights").route(web::get().to(rights_page)))
            .service(
                web::resource("/{id}/rights/{user}")
                    .route(web::get().to(edit_phone_form))
                    .route(web::post().to(save_phone)),
            ),
    );
}

const NAME_MAX: usize = 120;
const NOT_YOURS: &str = "rooms-not-yours";

/// The control center's sections as this person may use them: everything for a platform
/// administrator, the rooms alone for a room administrator.
fn room_sections(user: &User) -> Vec<Section> {
    let mut all = super::sections("/admin/rooms");
    if !user.is_admin() {
        all.retain(|section| section.href == "/admin/rooms");
    }
    all
}

#[derive(Template)]
#[template(path = "admin/rooms.html")]
struct RoomsPage {
    layout: Layout,
    sections: Vec<Section>,
    rooms: Vec<Room>,
    can_create: bool,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
    #[serde(default)]
    group: String,
    /// User Rights' "Data room" choice.
    #[serde(default)]
    room: String,
}

/// The confirmation the address names (`?done=saved`), in `language`.
fn done_text(done: &str, language: Language) -> Option<String> {
    let id = match done {
        "created" => "rooms-done-created",
        "saved" => "rooms-done-saved",
        "group" => "rooms-done-group",
        "member" => "rooms-done-member",
        "phone" => "rooms-done-phone",
        "phone-cleared" => "rooms-done-phone-cleared",
        "removed" => "rooms-done-removed",
        _ => return None,
    };
    Some(language.t(id))
}

async fn rooms_page(
    me: SignedIn,
    query: web::Query<DoneQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let rooms = me.services().managed_rooms(&me.user).await?;
    if rooms.is_empty() && !me.user.is_admin() {
        return Err(AppError::Forbidden(NOT_YOURS));
    }
    render(
        StatusCode::OK,
        &RoomsPage {
            sections: room_sections(&me.user),
            rooms,
            can_create: me.user.is_admin(),
            notice: done_text(&query.done, layout.lang),
            layout,
        },
    )
}

/// The room settings form as typed.
#[derive(Deserialize, Default)]
pub struct RoomForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    app_url: String,
    enforced: Option<String>,
    /// Room administrators' emails, separated by commas or spaces (platform
    /// administrators only).
    admins: Option<String>,
}

impl RoomForm {
    fn of(managed: &ManagedRoom) -> Self {
        Self {
            name: managed.room.name.clone(),
            app_url: managed.room.app_url.clone().unwrap_or_default(),
            enforced: managed.room.enforced().then(|| "yes".to_owned()),
            admins: Some(managed.admins.join(", ")),
        }
    }

    fn emails(&self) -> Vec<String> {
        self.admins
            .as_deref()
            .unwrap_or_default()
            .split([',', ' ', '\n', '\r', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| normalise_email(e).unwrap_or_else(|_| e.to_lowercase()))
            .collect()
    }

    fn parse(&self, language: Language) -> Result<RoomSettings, FormErrors> {
        let mut errors = FormErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", language.t("rooms-name-missing"));
        } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
            errors.add("name", language.t("rooms-name-too-long"));
        }
        let app_url = normalise_app_url(&self.app_url)
            .map_err(|problem| errors.add("app_url", problem.say(language)))
            .ok();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(RoomSettings {
            name: name.to_owned(),
            app_url: app_url.flatten().map(|url| url.to_string()),
            enforced: self.enforced.is_some(),
        })
    }
}

#[derive(Template)]
#[template(path = "admin/room_form.html")]
struct RoomFormPage {
    layout: Layout,
    sections: Vec<Section>,
    title: String,
    action: String,
    /// "Create data room" or "Save".
    button: String,
    form: RoomForm,
    /// Platform administrators name the room's administrators.
    names_admins: bool,
    errors: FormErrors,
}

async fn new_room_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    if !me.user.is_admin() {
        return Err(AppError::Forbidden(NOT_YOURS));
    }
    render(
        StatusCode::OK,
        &RoomFormPage {
            sections: room_sections(&me.user),
            title: layout.lang.t("rooms-new-title"),
            action: "/admin/rooms/new".into(),
            button: layout.lang.t("rooms-create-button"),
            form: RoomForm::default(),
            names_admins: true,
            errors: FormErrors::default(),
            layout,
        },
    )
}

#[tracing::instrument(name = "Create a data room", skip_all)]
async fn create_room(
    me: SignedIn,
    form: web::Form<RoomForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if !me.user.is_admin() {
        return Err(AppError::Forbidden(NOT_YOURS));
    }
    let form = form.into_inner();
    let refuse = |form: RoomForm, errors: FormErrors, layout: Layout| {
        render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RoomFormPage {
                sections: room_sections(&me.user),
                title: layout.lang.t("rooms-new-title"),
                action: "/admin/rooms/new".into(),
                button: layout.lang.t("rooms-create-button"),
                form,
                names_admins: true,
                errors,
                layout,
            },
        )
    };
    let settings = match form.parse(layout.lang) {
        Ok(settings) => settings,
        Err(errors) => return refuse(form, errors, layout),
    };
    match me
        .services()
        .create_room(&me.user, &settings, &form.emails(), &me.origin)
        .await?
    {
        Ok(id) => Ok(see_other(&format!("/admin/rooms/{id}?done=created"))),
        Err(unknown) => {
            let mut errors = FormErrors::default();
            errors.add(
                "admins",
                layout.tr("rooms-admin-unknown").arg("email", unknown),
            );
            refuse(form, errors, layout)
        }
    }
}

#[derive(Template)]
#[template(path = "admin/room.html")]
struct RoomPage {
    layout: Layout,
    sections: Vec<Section>,
    managed: ManagedRoom,
    notice: Option<String>,
    group_name: String,
    errors: FormErrors,
}

async fn managed(me: &SignedIn, id: i64) -> Result<ManagedRoom, AppError> {
    me.services()
        .managed_room(&me.user, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn room_page(
    me: SignedIn,
    id: web::Path<Id>,
    query: web::Query<DoneQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let managed = managed(&me, id.into_inner().0).await?;
    render(
        StatusCode::OK,
        &RoomPage {
            notice: done_text(&query.done, layout.lang),
            layout,
            sections: room_sections(&me.user),
            managed,
            group_name: String::new(),
            errors: FormErrors::default(),
        },
    )
}

async fn edit_room_form(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let managed = managed(&me, id.into_inner().0).await?;
    render(
        StatusCode::OK,
        &RoomFormPage {
            sections: room_sections(&me.user),
            title: layout
                .tr("rooms-edit-title")
                .arg("room", &managed.room.name)
                .to_string(),
            action: format!("/admin/rooms/{}/edit", managed.room.id),
            button: layout.lang.t("rooms-save"),
            form: RoomForm::of(&managed),
            names_admins: me.user.is_admin(),
            errors: FormErrors::default(),
            layout,
        },
    )
}

#[tracing::instrument(name = "Save a data room", skip_all)]
async fn save_room(
    me: SignedIn,
    id: web::Path<Id>,
    form: web::Form<RoomForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let managed = managed(&me, id.into_inner().0).await?;
    let form = form.into_inner();
    let refuse = |form: RoomForm, errors: FormErrors, layout: Layout| {
        render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RoomFormPage {
                sections: room_sections(&me.user),
                title: layout
                    .tr("rooms-edit-title")
                    .arg("room", &managed.room.name)
                    .to_string(),
                action: format!("/admin/rooms/{}/edit", managed.room.id),
                button: layout.lang.t("rooms-save"),
                form,
                names_admins: me.user.is_admin(),
                errors,
                layout,
            },
        )
    };
    let settings = match form.parse(layout.lang) {
        Ok(settings) => settings,
        Err(errors) => return refuse(form, errors, layout),
    };
    let emails = form.emails();
    let admins = (me.user.is_admin() && form.admins.is_some()).then_some(emails.as_slice());
    match me
        .services()
        .edit_room(&me.user, managed.room.id, &settings, admins, &me.origin)
        .await?
    {
        Ok(()) => Ok(see_other(&format!(
            "/admin/rooms/{}?done=saved",
            managed.room.id
        ))),
        Err(Refusal::NoSuchEmail) => {
            let mut errors = FormErrors::default();
            errors.add("admins", layout.lang.t("rooms-admins-unknown"));
            refuse(form, errors, layout)
        }
        Err(refusal) => Err(refused(refusal)),
    }
}

#[derive(Deserialize)]
pub struct NameForm {
    #[serde(default)]
    name: String,
}

async fn create_group(
    me: SignedIn,
    id: web::Path<Id>,
    form: web::Form<NameForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let managed = managed(&me, id.into_inner().0).await?;
    let name = form.name.trim();
    let message =
        if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
            "rooms-group-name-invalid"
        } else {
            match me
                .services()
                .create_room_group(&me.user, managed.room.id, name, &me.origin)
                .await?
            {
                Ok(group) => {
                    return Ok(see_other(&format!(
                        "/admin/rooms/{}/rights?group={group}&done=group",
                        managed.room.id
                    )));
                }
                Err(Refusal::NameTaken) => "rooms-group-name-taken",
                Err(refusal) => return Err(refused(refusal)),
            }
        };
    let mut errors = FormErrors::default();
    errors.add("name", layout.lang.t(message));
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &RoomPage {
            layout,
            sections: room_sections(&me.user),
            managed,
            notice: None,
            group_name: form.name.clone(),
            errors,
        },
    )
}

/// A member's row on User Rights.
pub struct RightsRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub room_admin: bool,
}

impl From<RoomMember> for RightsRow {
    fn from(member: RoomMember) -> Self {
        Self {
            room_admin: member.is_room_admin(),
            id: member.id,
            name: member.name,
            email: member.email,
            phone: member.phone.as_deref().map(format_international),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/rights.html")]
struct RightsPage {
    layout: Layout,
    sections: Vec<Section>,
    rooms: Vec<Room>,
    room: Room,
    groups: Vec<RoomGroup>,
    group: Option<RoomGroup>,
    members: Vec<RightsRow>,
    notice: Option<String>,
    member_email: String,
    errors: FormErrors,
}

async fn rights(
    me: &SignedIn,
    room_id: i64,
    group: &str,
    layout: Layout,
    notice: Option<String>,
    member_email: String,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    let managed = managed(me, room_id).await?;
    let group = match group {
        "" => managed.groups.first().cloned(),
        text => {
            let id: i64 = text.parse().map_err(|_| AppError::NotFound)?;
            Some(
                managed
                    .groups
                    .iter()
                    .find(|g| g.id == id)
                    .cloned()
                    .ok_or(AppError::NotFound)?,
            )
        }
    };
    let members = match &group {
        Some(group) => me
            .services()
            .managed_room_group(&me.user, group.id)
            .await?
            .map(|(_, _, members)| members.into_iter().map(RightsRow::from).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        status,
        &RightsPage {
            layout,
            sections: room_sections(&me.user),
            rooms: me.services().managed_rooms(&me.user).await?,
            room: managed.room,
            groups: managed.groups,
            group,
            members,
            notice,
            member_email,
            errors,
        },
    )
}

async fn rights_page(
    me: SignedIn,
    session: Session,
    id: web::Path<Id>,
    query: web::Query<DoneQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    // Another room chosen in "Data room": its own User Rights, from its first group.
    if let Ok(room) = query.room.parse::<i64>()
        && room != id
    {
        return Ok(see_other(&format!("/admin/rooms/{room}/rights")));
    }
    // A notice that names the member ("Ken Thompson was removed from Buyers") when the
    // change left one, else the plain one the address names.
    let notice = take_notice(&session).or_else(|| done_text(&query.done, layout.lang));
    rights(
        &me,
        id,
        &query.group,
        layout,
        notice,
        String::new(),
        FormErrors::default(),
    )
    .await
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
}

async fn add_member(
    me: SignedIn,
    path: web::Path<(Id, Id)>,
    form: web::Form<MemberForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (Id(room_id), Id(group_id)) = path.into_inner();
    let managed = managed(&me, room_id).await?;
    if !managed.groups.iter().any(|g| g.id == group_id) {
        return Err(AppError::NotFound);
    }
    let message = if form.email.trim().is_empty() {
        "rooms-member-email-missing"
    } else {
        match me
            .services()
            .add_room_member(&me.user, group_id, &form.email, &me.origin)
            .await?
        {
            Ok(Added::Joined) => {
                return Ok(see_other(&format!(
                    "/admin/rooms/{room_id}/rights?group={group_id}&done=member"
                )));
            }
            Ok(Added::Invited { email }) => {
                let page = InvitationPage {
                    layout,
                    sections: room_sections(&me.user),
                    room: managed.room,
                    group: group_id,
                    email,
                    days: INVITATION_SECS / 86_400,
                };
                return render(StatusCode::OK, &page);
            }
            Err(Refusal::NoSuchEmail) => "rooms-member-email-invalid",
            Err(refusal) => return Err(refused(refusal)),
        }
    };
    let mut errors = FormErrors::default();
    errors.add("email", layout.lang.t(message));
    rights(
        &me,
        room_id,
        &group_id.to_string(),
        layout,
        None,
        form.email.clone(),
        errors,
    )
    .await
}

#[derive(Template)]
#[template(path = "admin/invitation.html")]
struct InvitationPage {
    layout: Layout,
    sections: Vec<Section>,
    room: Room,
    group: i64,
    email: String,
    days: i64,
}

#[derive(Template)]
#[template(path = "admin/room_phone.html")]
struct PhonePage {
    layout: Layout,
    sections: Vec<Section>,
    room: Room,
    group: String,
    member: RightsRow,
    phone: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct GroupQuery {
    #[serde(default)]
    group: String,
}

/// The member of a managed room named in the path, with the group they were listed in.
async fn member_of(
    me: &SignedIn,
    room_id: i64,
    user_id: i64,
    group: &str,
) -> Result<(ManagedRoom, RightsRow), AppError> {
    let managed = managed(me, room_id).await?;
    let group_id: i64 = group.parse().map_err(|_| AppError::NotFound)?;
    let (_, _, members) = me
        .services()
        .managed_room_group(&me.user, group_id)
        .await?
        .filter(|(m, _, _)| m.room.id == room_id)
        .ok_or(AppError::NotFound)?;
    let member = members
        .into_iter()
        .find(|m| m.id == user_id)
        .ok_or(AppError::NotFound)?;
    Ok((managed, RightsRow::from(member)))
}

/// "Edit" on User Rights: the number in full international format.
async fn edit_phone_form(
    me: SignedIn,
    path: web::Path<(Id, Id)>,
    query: web::Query<GroupQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (Id(room_id), Id(user_id)) = path.into_inner();
    let (managed, member) = member_of(&me, room_id, user_id, &query.group).await?;
    if member.room_admin {
        return Err(refused(Refusal::RoomAdminExempt));
    }
    render(
        StatusCode::OK,
        &PhonePage {
            layout,
            sections: room_sections(&me.user),
            room: managed.room,
            group: query.group.clone(),
            phone: member.phone.clone().unwrap_or_default(),
            member,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct PhoneForm {
    #[serde(default)]
    phone: String,
}

#[tracing::instrument(name = "Set a member's room number", skip_all)]
async fn save_phone(
    me: SignedIn,
    session: Session,
    path: web::Path<(Id, Id)>,
    query: web::Query<GroupQuery>,
    form: web::Form<PhoneForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (Id(room_id), Id(user_id)) = path.into_inner();
    let (managed, member) = member_of(&me, room_id, user_id, &query.group).await?;
    match me
        .services()
        .set_member_room_phone(
            Actor::Admin(&me.user),
            room_id,
            user_id,
            &form.phone,
            &me.origin,
        )
        .await?
    {
        Ok(None) if member.phone.is_some() => {
            // What clearing the number means, said with whom and where.
            leave_notice(
                &session,
                layout
                    .tr("rooms-notice-no-code")
                    .arg("name", &member.name)
                    .arg("room", &managed.room.name)
                    .to_string(),
            )?;
            Ok(see_other(&format!(
                "/admin/rooms/{room_id}/rights?group={}&done=phone-cleared",
                query.group
            )))
        }
        Ok(_) => Ok(see_other(&format!(
            "/admin/rooms/{room_id}/rights?group={}&done=phone",
            query.group
        ))),
        Err(Refusal::Phone(problem)) => {
            let mut errors = FormErrors::default();
            errors.add("phone", problem.say(layout.lang));
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &PhonePage {
                    layout,
                    sections: room_sections(&me.user),
                    room: managed.room,
                    group: query.group.clone(),
                    member,
                    phone: form.phone.clone(),
                    errors,
                },
            )
        }
        Err(refusal) => Err(refused(refusal)),
    }
}

/// "Remove Ken Thompson from Buyers?": what taking the member out of the group ends, before
/// it is done. Like adding members and setting their numbers, removing one needs no
/// recent password: it only takes access away, and adding them again undoes it.
async fn confirm_remove_member(
    me: SignedIn,
    path: web::Path<(Id, Id, Id)>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (Id(room_id), Id(group_id), Id(user_id)) = path.into_inner();
    let (managed, member) = member_of(&me, room_id, user_id, &group_id.to_string()).await?;
    let group = managed
        .groups
        .iter()
        .find(|g| g.id == group_id)
        .ok_or(AppError::NotFound)?;
    let others: Vec<String> = me
        .services()
        .member_groups(&me.user, room_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?
        .into_iter()
        .filter(|name| *name != group.name)
        .collect();
    let room = &managed.room.name;
    let say = |id: &str| layout.tr(id).arg("room", room);
    let mut consequences = vec![
        say("rooms-remove-leaves")
            .arg("name", &member.name)
            .arg("email", &member.email)
            .arg("group", &group.name)
            .to_string(),
    ];
    if !others.is_empty() {
        consequences.push(
            say("rooms-remove-stays")
                .arg("groups", others.join(", "))
                .to_string(),
        );
    } else if member.room_admin {
        consequences.push(say("rooms-remove-still-admin").to_string());
    } else {
        consequences.push(say("rooms-remove-no-longer-opens").to_string());
        if let Some(phone) = &member.phone {
            consequences.push(
                say("rooms-remove-phone-cleared")
                    .arg("phone", phone)
                    .to_string(),
            );
        }
    }
    let title = layout
        .tr("rooms-remove-title")
        .arg("name", &member.name)
        .arg("group", &group.name)
        .to_string();
    ConfirmChange {
        title,
        button: layout.lang.t("rooms-remove-button"),
        layout,
        consequences,
        action: format!("/admin/rooms/{room_id}/groups/{group_id}/members/{user_id}/remove"),
        danger: true,
        cancel: format!("/admin/rooms/{room_id}/rights?group={group_id}"),
    }
    .respond()
}

#[tracing::instrument(name = "Remove a member from a room group", skip_all)]
async fn remove_member(
    me: SignedIn,
    session: Session,
    path: web::Path<(Id, Id, Id)>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (Id(room_id), Id(group_id), Id(user_id)) = path.into_inner();
    let removed = me
        .services()
        .remove_room_member(&me.user, room_id, group_id, user_id, &me.origin)
        .await?
        .map_err(refused)?;
    leave_notice(
        &session,
        layout
            .tr("rooms-notice-removed")
            .arg("name", &removed.name)
            .arg("group", &removed.group)
            .to_string(),
    )?;
    Ok(see_other(&format!(
        "/admin/rooms/{room_id}/rights?group={group_id}&done=removed"
    )))
}
