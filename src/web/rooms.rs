//! Entering a data room (`/rooms/{id}`): a member of a room that enforces two-factor
//! authentication, with a number set for them, enters a code texted to that number once per
//! session; until then the room and every path under it answer with the step. And the
//! forward-auth gate (`/auth/room/{id}`) a reverse proxy asks before it lets a browser into
//! the room's application.

use actix_session::Session;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use url::Url;

use super::code_form::{
    Alternative, CodeForm, CodePage, Resend, SMS_HINT, back_after_refusal, code_failure,
    is_refusal, send_failure,
};
use super::context::CurrentUser;
use super::errors::AppError;
use super::forms::FormErrors;
use super::layout::Layout;
use super::middleware::headers::FormActionAlso;
use super::request::SignedIn;
use super::responses::{render, see_other};
use super::session::{AUTHORIZATION_CONTINUES, mark_room_verified, room_passed_at, safe_next};
use super::state::AppState;
use crate::db::rooms::{Room, RoomContact};
use crate::domain::codes::{Purpose, Subject};
use crate::domain::language::Language;
use crate::domain::phone::mask_phone;
use crate::domain::rooms::{Entry, Standing, entry, return_address};
use crate::domain::time::time_of_day;
use crate::services::sms_codes::CheckOutcome;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/auth/room/{id}").route(web::get().to(forward_auth)))
        .service(
            web::scope("/rooms/{id}")
                .wrap(from_fn(sign_in_then_back))
                .service(
                    web::resource("/verify")
                        .route(web::get().to(step_page))
                        .route(web::post().to(verify)),
                )
                .service(web::resource("/verify/resend").route(web::post().to(send_again)))
                .service(web::resource("").route(web::get().to(open_room)))
                .default_service(web::get().to(open_room)),
        );
}

/// Signed out, the room sends the browser to sign in, and back here afterwards (with the
/// address in the room's application it asked for).
async fn sign_in_then_back(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req.extensions().get::<CurrentUser>().is_none() {
        let here = match req.query_string() {
            "" => req.path().to_owned(),
            query => format!("{}?{query}", req.path()),
        };
        let to = format!(
            "/login?{}",
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("next", &here)
                .finish()
        );
        let (req, _) = req.into_parts();
        let res = HttpResponse::SeeOther()
            .insert_header((actix_web::http::header::LOCATION, to))
            .finish();
        return Ok(ServiceResponse::new(req, res));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// `rd`: where in the room's application the browser asked to go; `after`: `form` when
/// the browser arrives at the end of a form's submission (`domain::rooms::after_a_form`).
#[derive(Deserialize, Default)]
pub struct Return {
    #[serde(default)]
    rd: String,
    #[serde(default)]
    after: String,
    /// An application's sign-in waiting for this room's step (`web::oauth2`): once the
    /// step is passed the browser goes back to it.
    #[serde(default)]
    authorization: String,
}

impl Return {
    fn after_a_form(&self) -> bool {
        self.after == "form"
    }
}

/// Said to a platform administrator who opens a room they manage but are not in.
const MANAGED_NOT_ENTERED: &str = "public-room-managed-not-entered";

/// The room and the person's standing in it, or 404: a room that is not theirs is not
/// shown to exist. A platform administrator, who manages every room, is told why they
/// cannot enter one they are not in (403).
async fn standing_of(
    me: &SignedIn,
    session: &Session,
    room_id: i64,
) -> Result<(Room, Standing, Entry), AppError> {
    let passed_at = room_passed_at(session, me.user.id, room_id);
    let (room, standing) = me
        .services()
        .room_standing(&me.user, room_id, passed_at)
        .await?
        .ok_or(AppError::NotFound)?;
    match entry(&standing) {
        Entry::Denied if me.user.is_admin() => Err(AppError::Forbidden(MANAGED_NOT_ENTERED)),
        Entry::Denied => Err(AppError::NotFound),
        decision => Ok((room, standing, decision)),
    }
}

/// The room's application, when it names one.
fn application(room: &Room) -> Option<Url> {
    room.app_url.as_deref().and_then(|a| Url::parse(a).ok())
}

fn room_id(req: &HttpRequest) -> Result<i64, AppError> {
    req.match_info()
        .get("id")
        .and_then(|id| id.parse().ok())
        .ok_or(AppError::NotFound)
}

/// `?rd=…` kept on the room's own links, when it is one the room accepts, and the waiting
/// application's sign-in.
fn keep_return(room: &Room, query: &Return) -> String {
    let mut kept = url::form_urlencoded::Serializer::new(String::new());
    if let Some(url) = application(room).and_then(|app| return_address(&query.rd, &app)) {
        kept.append_pair("rd", url.as_str());
    }
    if let Some(id) = waiting_sign_in(query) {
        kept.append_pair("authorization", id);
    }
    match kept.finish() {
        kept if kept.is_empty() => String::new(),
        kept => format!("?{kept}"),
    }
}

/// The id of the application's sign-in the room's step was asked for, when well formed.
fn waiting_sign_in(query: &Return) -> Option<&str> {
    let id = query.authorization.as_str();
    let next = format!("{AUTHORIZATION_CONTINUES}{id}");
    (!id.is_empty() && safe_next(&next).is_some()).then_some(id)
}

#[derive(Template)]
#[template(path = "room.html")]
struct RoomPage {
    layout: Layout,
    room: Room,
    /// Where "Open {room}" leads: the room's application, on a page reached by a form.
    application: Option<String>,
}

/// Where an open room leads: into its application (the address asked for, when it is
/// inside the application), or its page. At the end of a form's submission (signing in)
/// the browser would refuse a redirect to the application's origin (`form-action
/// 'self'`): the room's page links to it instead.
fn inside(room: Room, query: &Return, layout: Layout) -> Result<HttpResponse, AppError> {
    let target = application(&room).map(|app| return_address(&query.rd, &app).unwrap_or(app));
    match target {
        Some(target) if !query.after_a_form() => Ok(see_other(target.as_str())),
        application => render(
            StatusCode::OK,
            &RoomPage {
                layout,
                room,
                application: application.map(String::from),
            },
        ),
    }
}

/// Opening the room, or any path under it.
async fn open_room(
    me: SignedIn,
    req: HttpRequest,
    session: Session,
    query: web::Query<Return>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = room_id(&req)?;
    let (room, _, decision) = standing_of(&me, &session, id).await?;
    match decision {
        Entry::StepOwed { phone } => {
            // Opening the room sends its code, unless one is waiting or none may be sent
            // now (the step page then says why and when).
            let subject = Subject::RoomMember {
                room_id: id,
                user_id: me.user.id,
            };
            let status = me
                .services()
                .code_status(&subject, Purpose::RoomEntry, &phone, &me.origin)
                .await?;
            let may_send =
                status.waiting_for.is_none() && status.wait_secs == 0 && status.limit.is_none();
            if may_send
                && let Err(err) = me
                    .services()
                    .send_room_code(&me.user, id, &phone, &me.origin)
                    .await
                && !is_refusal(&err)
            {
                let (status, errors) = send_failure(err, me.state.clock.now(), layout.lang)?;
                let page = step(&me, &room, &phone, &query, layout).await?;
                return step_response(&room, page.with_errors(errors), status);
            }
            Ok(see_other(&format!(
                "/rooms/{id}/verify{}",
                keep_return(&room, &query)
            )))
        }
        _ => match waiting_sign_in(&query) {
            Some(waiting) => Ok(see_other(&format!("{AUTHORIZATION_CONTINUES}{waiting}"))),
            None => inside(room, &query, layout),
        },
    }
}

/// The step page as a response. Its "Verify" ends in the room's application when the room
/// has one, so that one origin joins `form-action` for this page (and no other).
fn step_response(
    room: &Room,
    page: CodePage,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut response = page.respond(status)?;
    if let Some(app) = application(room) {
        response
            .extensions_mut()
            .insert(FormActionAlso(app.origin()));
    }
    Ok(response)
}

/// "Rosalind Franklin (rosalind@example.com), the room's administrator, chose this number
/// for you in Deal. If it is wrong, ask them to change it.", in `lang`.
fn who_chose(room: &Room, contacts: &[RoomContact], lang: Language) -> String {
    let named: Vec<String> = contacts
        .iter()
        .map(|c| format!("{} ({})", c.name, c.email))
        .collect();
    let message = match named.as_slice() {
        [] => lang.tr("public-room-chosen-by-anyone"),
        [one] => lang.tr("public-room-chosen-by-one").arg("admin", one),
        [first @ .., last] => lang
            .tr("public-room-chosen-by-many")
            .arg("admins", first.join(", "))
            .arg("last", last),
    };
    message.arg("room", &room.name).to_string()
}

/// The room's step: like the sign-in code page, for the room's number.
async fn step(
    me: &SignedIn,
    room: &Room,
    phone: &str,
    query: &Return,
    layout: Layout,
) -> Result<CodePage, AppError> {
    let subject = Subject::RoomMember {
        room_id: room.id,
        user_id: me.user.id,
    };
    let status = me
        .services()
        .code_status(&subject, Purpose::RoomEntry, phone, &me.origin)
        .await?;
    let back = keep_return(room, query);
    let contacts = me.services().room_contacts(room.id).await?;
    let lang = layout.lang;
    let situation = match status.waiting_for {
        Some(_) => "public-room-code-waiting",
        None if status.limit.is_some() => "public-room-cannot-text",
        None => "public-room-no-code",
    };
    let mut sentences = vec![
        lang.tr(situation)
            .arg("room", &room.name)
            .arg("phone", mask_phone(phone))
            .to_string(),
    ];
    // Which limit holds back a new code, and when one can be asked for.
    sentences.extend(status.limit.as_ref().map(|limit| limit.say(lang)));
    sentences.push(who_chose(room, &contacts, lang));
    let intro = sentences.join(" ");
    Ok(CodePage {
        layout,
        title: "public-room-code-title",
        intro,
        hint: SMS_HINT,
        action: format!("/rooms/{}/verify{back}", room.id),
        with: None,
        resend: status.limit.is_none().then(|| Resend {
            action: format!("/rooms/{}/verify/resend{back}", room.id),
            label: "public-send-again",
            wait_secs: status.wait_secs,
            next_at: time_of_day(me.state.clock.now() + status.wait_secs),
            first: false,
        }),
        alternatives: vec![Alternative {
            href: "/#rooms-title".into(),
            label: "public-back-to-rooms",
        }],
        offer_trust: false,
        back: None,
        step: None,
        errors: FormErrors::default(),
    })
}

async fn step_page(
    me: SignedIn,
    req: HttpRequest,
    session: Session,
    query: web::Query<Return>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = room_id(&req)?;
    let (room, _, decision) = standing_of(&me, &session, id).await?;
    match decision {
        Entry::StepOwed { phone } => {
            let page = step(&me, &room, &phone, &query, layout).await?;
            step_response(&room, page, StatusCode::OK)
        }
        _ => Ok(see_other(&format!(
            "/rooms/{id}{}",
            keep_return(&room, &query)
        ))),
    }
}

#[tracing::instrument(name = "Verify a room's code", skip_all)]
async fn verify(
    me: SignedIn,
    req: HttpRequest,
    session: Session,
    query: web::Query<Return>,
    form: web::Form<CodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = room_id(&req)?;
    let (room, _, decision) = standing_of(&me, &session, id).await?;
    let Entry::StepOwed { phone } = decision else {
        return Ok(see_other(&format!(
            "/rooms/{id}{}",
            keep_return(&room, &query)
        )));
    };
    let code = match form.normalised(layout.lang) {
        Ok(code) => code,
        Err(errors) => {
            let page = step(&me, &room, &phone, &query, layout).await?;
            return step_response(
                &room,
                page.with_errors(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let outcome = me
        .services()
        .check_room_code(&me.user, &room, &code, &me.origin)
        .await?;
    if let CheckOutcome::Verified { .. } = outcome {
        mark_room_verified(&session, me.user.id, id, me.state.clock.now())?;
        if let Some(waiting) = waiting_sign_in(&query) {
            return Ok(see_other(&format!("{AUTHORIZATION_CONTINUES}{waiting}")));
        }
        // After a POST, a redirect: into the application (which this page's policy lets
        // the form reach), or the room's own address.
        return Ok(match application(&room) {
            Some(app) => see_other(return_address(&query.rd, &app).unwrap_or(app).as_str()),
            None => see_other(&format!("/rooms/{id}")),
        });
    }
    let (status, errors) = code_failure(&outcome, layout.lang);
    let page = step(&me, &room, &phone, &query, layout).await?;
    step_response(&room, page.with_errors(errors), status)
}

#[tracing::instrument(name = "Send a room's code again", skip_all)]
async fn send_again(
    me: SignedIn,
    req: HttpRequest,
    session: Session,
    query: web::Query<Return>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = room_id(&req)?;
    let (room, _, decision) = standing_of(&me, &session, id).await?;
    let back = format!("/rooms/{id}/verify{}", keep_return(&room, &query));
    let Entry::StepOwed { phone } = decision else {
        return Ok(see_other(&back));
    };
    match me
        .services()
        .send_room_code(&me.user, id, &phone, &me.origin)
        .await
    {
        Ok(()) => Ok(see_other(&back)),
        Err(err) if is_refusal(&err) => Ok(back_after_refusal(&err, &back)),
        Err(err) => {
            let (status, errors) = send_failure(err, me.state.clock.now(), layout.lang)?;
            let page = step(&me, &room, &phone, &query, layout).await?;
            step_response(&room, page.with_errors(errors), status)
        }
    }
}

/// A header value: the text when it is visible ASCII, else percent-encoded.
fn header_text(text: &str) -> HeaderValue {
    let safe = text.bytes().all(|b| (0x20..0x7f).contains(&b));
    let value = if safe {
        text.to_owned()
    } else {
        url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
    };
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Forward auth: 200 with who it is when this browser's session may open the room now
/// (a member or room administrator, past the room's step where one is owed); 401
/// otherwise, for the proxy to send the browser to `/rooms/{id}?rd=…`. Platform
/// administrators who are not members are refused like anyone else.
async fn forward_auth(
    req: HttpRequest,
    session: Session,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let denied = || {
        HttpResponse::Unauthorized()
            .insert_header((CACHE_CONTROL, "no-store"))
            .finish()
    };
    let Ok(id) = id.parse::<i64>() else {
        return Ok(denied());
    };
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.clone());
    let (Some(user), Some(state)) = (user, req.app_data::<web::Data<AppState>>()) else {
        return Ok(denied());
    };
    let passed_at = room_passed_at(&session, user.id, id);
    let Some((_, standing)) = state.services.room_standing(&user, id, passed_at).await? else {
        return Ok(denied());
    };
    if entry(&standing) != Entry::Open {
        return Ok(denied());
    }
    Ok(HttpResponse::Ok()
        .insert_header((CACHE_CONTROL, "no-store"))
        .insert_header(("X-Twostep-User", header_text(&user.id.to_string())))
        .insert_header(("X-Twostep-Email", header_text(&user.email)))
        .finish())
}
