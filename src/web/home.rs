use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::errors::AppError;
use super::layout::Layout;
use super::middleware::auth::require_sign_in;
use super::request::SignedIn;
use super::responses::{render, see_other};
use super::session::{dismiss_reminder, reminder_dismissed, room_passed_at};
use crate::domain::rooms::pass_holds;
use actix_session::Session;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/")
            .wrap(from_fn(require_sign_in))
            .route(web::get().to(home)),
    )
    .service(
        web::resource("/reminder/dismiss")
            .wrap(from_fn(require_sign_in))
            .route(web::post().to(not_now)),
    );
}

/// A room on Home, as it stands for this session.
struct RoomLink {
    id: i64,
    name: String,
    /// Opening it asks for a code (enforced, a number set, not a room administrator).
    code_asked: bool,
    /// It asked, and this session passed its step: it opens without one now.
    open_now: bool,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
    /// The reminder dialog (PRODUCT.md, "Policy", rule 5).
    reminder: bool,
    /// My data rooms, with a lock where a code will be asked of me.
    rooms: Vec<RoomLink>,
    /// A room administrator who is not a platform administrator: a way to their rooms.
    manages_rooms: bool,
}

async fn home(me: SignedIn, session: Session, layout: Layout) -> Result<HttpResponse, AppError> {
    // Shown while the platform asks for it, to users who can turn 2-step verification
    // on and have not, until "Not now" in this session.
    let reminder = !me.user.has_two_step()
        && !reminder_dismissed(&session)
        && me.services().platform().await?.reminder
        && me.services().requirement(&me.user).await?.offers();
    let rooms = me.services().my_rooms(&me.user).await?;
    let manages_rooms = !me.user.is_admin() && rooms.iter().any(|room| room.administered());
    let rooms = rooms
        .into_iter()
        .map(|room| {
            let passed = room.locked()
                && pass_holds(
                    room_passed_at(&session, me.user.id, room.id),
                    room.member_since,
                );
            RoomLink {
                id: room.id,
                code_asked: room.locked() && !passed,
                open_now: passed,
                name: room.name,
            }
        })
        .collect();
    let name = me.user.name;
    render(
        StatusCode::OK,
        &HomePage {
            layout,
            name,
            reminder,
            rooms,
            manages_rooms,
        },
    )
}

/// "Not now": the reminder stays away for the rest of this session.
async fn not_now(session: Session) -> Result<HttpResponse, AppError> {
    dismiss_reminder(&session)?;
    Ok(see_other("/"))
}
