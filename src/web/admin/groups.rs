//! Groups (`/admin/groups`): create, rename, delete; members; "2-step verification for
//! members", "Methods members may use" and the grace period (shown while Required or
//! Passkeys only is chosen: `static/reveal.js`).
//! Making a group Required first shows, beside the button that confirms it, whom it
//! concerns.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{Section, refused, sections};
use crate::db::directory::UserRow;
use crate::db::groups::Group;
use crate::domain::language::Language;
use crate::domain::policy::{GroupSetting, GroupTwoStep};
use crate::services::admin::{Actor, GroupRule, GroupRuleInput, NAME_MAX, Refusal, group_name};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/groups")
            .route(web::get().to(groups_page))
            .route(web::post().to(create_group)),
    )
    .service(web::resource("/groups/{id}").route(web::get().to(group_page)))
    .service(web::resource("/groups/{id}/rename").route(web::post().to(rename_group)))
    .service(web::resource("/groups/{id}/delete").route(web::post().to(delete_group)))
    .service(web::resource("/groups/{id}/rule").route(web::post().to(set_rule)))
    .service(web::resource("/groups/{id}/members").route(web::post().to(add_member)))
    .service(
        web::resource("/groups/{id}/members/{user_id}/remove").route(web::post().to(remove_member)),
    );
}

#[derive(Template)]
#[template(path = "admin/groups.html")]
struct GroupsPage {
    layout: Layout,
    sections: Vec<Section>,
    groups: Vec<Group>,
    name: String,
    errors: FormErrors,
}

async fn groups_page(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    let groups = me.services().groups().await?;
    render(
        StatusCode::OK,
        &GroupsPage {
            layout,
            sections: sections("/admin/groups"),
            groups,
            name: String::new(),
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct NameForm {
    #[serde(default)]
    name: String,
}

async fn create_group(
    me: SignedIn,
    form: web::Form<NameForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    // `message`: a message id.
    let refuse = |layout: Layout, groups, message: &str| {
        let mut errors = FormErrors::default();
        errors.add("name", layout.tr(message).num("max", NAME_MAX));
        render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &GroupsPage {
                layout,
                sections: sections("/admin/groups"),
                groups,
                name: form.name.clone(),
                errors,
            },
        )
    };
    let name = match group_name(&form.name) {
        Ok(name) => name,
        Err(message) => return refuse(layout, me.services().groups().await?, message),
    };
    match me
        .services()
        .create_group(Actor::Admin(&me.user), name, &me.origin)
        .await?
    {
        Ok(id) => Ok(see_other(&format!("/admin/groups/{id}?done=created"))),
        Err(Refusal::NameTaken) => refuse(
            layout,
            me.services().groups().await?,
            "admin-refused-name-taken",
        ),
        Err(refusal) => Err(refused(refusal)),
    }
}

#[derive(Template)]
#[template(path = "admin/group.html")]
struct GroupPage {
    layout: Layout,
    sections: Vec<Section>,
    group: Group,
    /// A page of members (50), matching `q` when given.
    members: Vec<UserRow>,
    q: String,
    /// The query of the next page of members, when there is one.
    next: Option<String>,
    name: String,
    rule: String,
    /// "Methods members may use", as stored or typed.
    methods: String,
    grace_days: String,
    member_email: String,
    /// Before Required is saved: (members without it, of them without a phone).
    preview: Option<(i64, i64)>,
    notice: Option<String>,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct GroupQuery {
    #[serde(default)]
    done: String,
    /// The member search: the start of a name or email, or a phone number.
    #[serde(default)]
    q: String,
    after: Option<i64>,
}

const MEMBERS_PER_PAGE: i64 = 50;
/// "Ken Thompson was added.": shown once on the page the change redirects to.
const MEMBER_NOTICE_KEY: &str = "admin_group_member_notice";
const SEARCH_MAX: usize = 200;

fn next_members(q: &str, after: i64) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    if !q.trim().is_empty() {
        out.append_pair("q", q.trim());
    }
    out.append_pair("after", &after.to_string());
    out.finish()
}

/// The notice after a change: the member's name when the change stored it (shown once),
/// else the change in general words.
fn done_text(done: &str, session: &Session, lang: Language) -> Option<String> {
    let named = || {
        let text = session.get::<String>(MEMBER_NOTICE_KEY).ok().flatten();
        session.remove(MEMBER_NOTICE_KEY);
        text
    };
    match done {
        "created" => Some(lang.t("admin-group-done-created")),
        "renamed" => Some(lang.t("admin-group-done-renamed")),
        "rule" => Some(lang.t("admin-group-done-rule")),
        "added" => named().or_else(|| Some(lang.t("admin-group-done-added"))),
        "removed" => named().or_else(|| Some(lang.t("admin-group-done-removed"))),
        _ => None,
    }
}

/// Keeps "Ken Thompson was added." for the page the change redirects to.
fn store_member_notice(session: &Session, text: String) -> Result<(), AppError> {
    session
        .insert(MEMBER_NOTICE_KEY, text)
        .map_err(|err| AppError::Unexpected(anyhow::anyhow!("storing the session: {err}")))
}

/// What the group page shows besides the group: the values typed, and the outcome.
#[derive(Default)]
struct Shown {
    name: Option<String>,
    rule: Option<String>,
    methods: Option<String>,
    grace_days: Option<String>,
    member_email: String,
    preview: Option<(i64, i64)>,
    notice: Option<String>,
    errors: FormErrors,
    /// The member search and where the page of members starts.
    q: String,
    after: i64,
}

async fn show_group(
    me: &SignedIn,
    id: i64,
    layout: Layout,
    shown: Shown,
) -> Result<HttpResponse, AppError> {
    let Some(group) = me.services().group(id).await? else {
        return Err(AppError::NotFound);
    };
    let mut shown = shown;
    let (members, more) = if shown.q.chars().count() > SEARCH_MAX {
        let message = layout.tr("admin-search-too-long").num("max", SEARCH_MAX);
        shown.errors.add("q", message);
        (Vec::new(), false)
    } else {
        me.services()
            .group_members_page(id, Some(shown.q.clone()), shown.after, MEMBERS_PER_PAGE)
            .await?
    };
    let next = members
        .last()
        .filter(|_| more)
        .map(|last| next_members(&shown.q, last.id));
    let status = if shown.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        status,
        &GroupPage {
            layout,
            sections: sections("/admin/groups"),
            name: shown.name.unwrap_or_else(|| group.name.clone()),
            rule: shown
                .rule
                .unwrap_or_else(|| group.two_step().as_str().to_owned()),
            methods: shown
                .methods
                .unwrap_or_else(|| group.methods().as_str().to_owned()),
            grace_days: shown
                .grace_days
                .unwrap_or_else(|| group.grace_days.map(|d| d.to_string()).unwrap_or_default()),
            member_email: shown.member_email,
            preview: shown.preview,
            notice: shown.notice,
            errors: shown.errors,
            group,
            members,
            q: shown.q,
            next,
        },
    )
}

async fn group_page(
    me: SignedIn,
    id: web::Path<Id>,
    query: web::Query<GroupQuery>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let shown = Shown {
        notice: done_text(&query.done, &session, layout.lang),
        q: query.q,
        after: query.after.unwrap_or(0),
        ..Shown::default()
    };
    show_group(&me, id.into_inner().0, layout, shown).await
}

async fn rename_group(
    me: SignedIn,
    id: web::Path<Id>,
    form: web::Form<NameForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    let error = match group_name(&form.name) {
        Err(message) => message,
        Ok(name) => match me
            .services()
            .rename_group(Actor::Admin(&me.user), id, name, &me.origin)
            .await?
        {
            Ok(()) => return Ok(see_other(&format!("/admin/groups/{id}?done=renamed"))),
            Err(Refusal::NameTaken) => "admin-refused-name-taken",
            Err(refusal) => return Err(refused(refusal)),
        },
    };
    let mut errors = FormErrors::default();
    errors.add("name", layout.tr(error).num("max", NAME_MAX));
    let shown = Shown {
        name: Some(form.name.clone()),
        errors,
        ..Shown::default()
    };
    show_group(&me, id, layout, shown).await
}

async fn delete_group(me: SignedIn, id: web::Path<Id>) -> Result<HttpResponse, AppError> {
    if let Err(refusal) = me
        .services()
        .delete_group(Actor::Admin(&me.user), id.into_inner().0, &me.origin)
        .await?
    {
        return Err(refused(refusal));
    }
    Ok(see_other("/admin/groups"))
}

#[derive(Deserialize)]
pub struct RuleForm {
    #[serde(default)]
    two_step: String,
    /// "Methods members may use"; absent (a form from before it existed): unchanged.
    methods: Option<String>,
    #[serde(default)]
    grace_days: String,
    confirmed: Option<String>,
}

async fn set_rule(
    me: SignedIn,
    id: web::Path<Id>,
    form: web::Form<RuleForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    let input = GroupRuleInput {
        two_step: form.two_step.clone(),
        grace_days: form.grace_days.clone(),
        methods: form.methods.clone(),
    };
    let parsed = input.parse();
    let Ok(GroupRule {
        two_step: rule,
        grace_days: grace,
        methods,
    }) = parsed
    else {
        let errors = parsed
            .err()
            .map(|problems| FormErrors::from_problems(&problems, layout.lang))
            .unwrap_or_default();
        let shown = Shown {
            rule: Some(form.two_step.clone()),
            methods: form.methods.clone(),
            grace_days: Some(form.grace_days.clone()),
            errors,
            ..Shown::default()
        };
        return show_group(&me, id, layout, shown).await;
    };
    let Some(group) = me.services().group(id).await? else {
        return Err(AppError::NotFound);
    };
    let setting = GroupSetting {
        two_step: rule,
        methods: methods.unwrap_or_else(|| group.methods()),
        grace_days: grace,
    };
    // Asked first, with whom it concerns, even when that is nobody yet: whoever joins the
    // group later is held to it.
    if rule == GroupTwoStep::Required
        && group.two_step() != GroupTwoStep::Required
        && form.confirmed.as_deref() != Some("yes")
    {
        let preview = me
            .services()
            .enforcement_preview(
                Some(id),
                &me.services().platform().await?.sms_allowed_countries,
            )
            .await?;
        let shown = Shown {
            rule: Some(form.two_step.clone()),
            methods: Some(setting.methods.as_str().to_owned()),
            grace_days: Some(form.grace_days.clone()),
            preview: Some(preview),
            ..Shown::default()
        };
        return show_group(&me, id, layout, shown).await;
    }
    if let Err(refusal) = me
        .services()
        .set_group_rule(Actor::Admin(&me.user), id, setting, &me.origin)
        .await?
    {
        return Err(refused(refusal));
    }
    Ok(see_other(&format!("/admin/groups/{id}?done=rule")))
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
}

async fn add_member(
    me: SignedIn,
    id: web::Path<Id>,
    form: web::Form<MemberForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    let message = if form.email.trim().is_empty() {
        "admin-group-member-email-missing"
    } else {
        match me
            .services()
            .add_group_member(Actor::Admin(&me.user), id, &form.email, &me.origin)
            .await?
        {
            Ok((name, added)) => {
                let said = if added {
                    "admin-group-member-added"
                } else {
                    "admin-group-member-already"
                };
                let text = layout.tr(said).arg("name", name).to_string();
                store_member_notice(&session, text)?;
                return Ok(see_other(&format!("/admin/groups/{id}?done=added")));
            }
            Err(Refusal::NoSuchEmail) => "admin-refused-no-such-email",
            Err(refusal) => return Err(refused(refusal)),
        }
    };
    let mut errors = FormErrors::default();
    errors.add("email", layout.lang.t(message));
    let shown = Shown {
        member_email: form.email.clone(),
        errors,
        ..Shown::default()
    };
    show_group(&me, id, layout, shown).await
}

async fn remove_member(
    me: SignedIn,
    path: web::Path<(Id, Id)>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (Id(id), Id(user_id)) = path.into_inner();
    let name = match me
        .services()
        .remove_group_member(Actor::Admin(&me.user), id, user_id, &me.origin)
        .await?
    {
        Ok(name) => name,
        Err(refusal) => return Err(refused(refusal)),
    };
    let text = layout.tr("admin-group-member-removed").arg("name", name);
    store_member_notice(&session, text.to_string())?;
    Ok(see_other(&format!("/admin/groups/{id}?done=removed")))
}
