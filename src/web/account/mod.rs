//! The signed-in user's own account: changing the password, security settings.

pub mod app;
pub mod confirm;
pub(crate) mod devices;
pub mod first_password;
pub mod passkeys;
pub mod profile;
pub mod recovery;
pub mod security;

use actix_session::Session;
use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::domain::password::check_new_password;
use crate::services::account::PasswordCheck;
use crate::web::context::CurrentUser;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::forms::empty_secret;
use crate::web::layout::Layout;
use crate::web::middleware::auth::{refuse, require_sign_in};
use crate::web::middleware::recent_password::require_recent_password;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::start_session;
use crate::web::state::AppState;

/// A scope of sensitive pages: the password again unless confirmed in the last 10 minutes.
/// `elsewhere`: the requests that come back, once it is confirmed, to another page than
/// their own address (`middleware::recent_password`).
fn sensitive(
    path: &str,
    elsewhere: &'static [(&'static str, &'static str)],
) -> actix_web::Scope<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    web::scope(path).wrap(from_fn(move |req, next| {
        require_recent_password(req, next, elsewhere)
    }))
}

/// The pages that turn 2-step verification on.
fn turns_on(path: &str) -> bool {
    matches!(
        path,
        "/account/security/two-step"
            | "/account/security/app"
            | "/account/security/sms"
            | "/account/security/sms/verify"
            | "/account/security/sms/resend"
            | "/account/security/sms/use-saved"
            | "/account/security/passkeys"
            | "/account/security/passkeys/new"
    )
}

/// Where 2-step verification is not offered to a user (the platform's "Off", or a group's
/// "Not available" with nothing requiring it), they cannot turn it on; one who already
/// uses it keeps it and may turn it off (PRODUCT.md, "Policy", rules 1 to 3). A user
/// without a password sets one before turning it on.
async fn require_offered(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.clone());
    if let (Some(user), Some(state)) = (user, req.app_data::<web::Data<AppState>>().cloned())
        && !user.has_two_step()
        && turns_on(req.path())
    {
        match state.services.requirement(&user).await {
            Ok(requirement) if requirement.offers() => {}
            Ok(_) => return Ok(refuse(req, &AppError::Forbidden(NOT_OFFERED))),
            Err(err) => return Ok(refuse(req, &AppError::from(err))),
        }
        // An account made with a phone number has no password: with 2-step verification
        // on, phone sign-in would ask for one it never had. It sets one first.
        if !user.has_password() {
            let (req, _) = req.into_parts();
            let res = see_other(first_password::FIRST_PASSWORD_PAGE);
            return Ok(ServiceResponse::new(req, res));
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// Why 2-step verification cannot be turned on (a message id).
pub const NOT_OFFERED: &str = "account-not-offered";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/account")
            .wrap(from_fn(require_offered))
            .wrap(from_fn(require_sign_in))
            .service(
                web::resource("/profile")
                    .route(web::get().to(profile::profile_page))
                    .route(web::post().to(profile::save_profile)),
            )
            .service(
                sensitive(
                    "/profile/phone",
                    &[(profile::PROFILE_RESEND, profile::PROFILE_CODE_PAGE)],
                )
                .service(
                    web::resource("")
                        .route(web::get().to(profile::phone_form))
                        .route(web::post().to(profile::send_phone_code)),
                )
                .service(
                    web::resource("/verify")
                        .route(web::get().to(profile::code_form))
                        .route(web::post().to(profile::verify_code)),
                )
                .service(web::resource("/resend").route(web::post().to(profile::resend_code))),
            )
            .service(
                web::resource("/confirm")
                    .route(web::get().to(confirm::confirm_form))
                    .route(web::post().to(confirm::confirm)),
            )
            .service(web::resource("/security").route(web::get().to(security::security_page)))
            .service(
                web::resource("/security/session-duration")
                    .route(web::post().to(devices::choose_duration)),
            )
            .service(
                web::resource("/security/devices/remove-all")
                    .route(web::post().to(devices::remove_every_device)),
            )
            .service(
                web::resource("/security/devices/{id}/remove")
                    .route(web::post().to(devices::remove_one_device)),
            )
            .service(
                web::resource("/security/sessions/end-others")
                    .route(web::post().to(devices::end_other_sessions)),
            )
            .service(
                web::resource("/security/sessions/{public_id}/end")
                    .route(web::post().to(devices::end_one_session)),
            )
            .service(
                web::resource("/security/two-step")
                    .route(web::get().to(security::methods_page))
                    .route(web::post().to(security::choose_method)),
            )
            .service(
                web::resource("/security/two-step/later")
                    .route(web::post().to(security::set_up_later)),
            )
            .service(
                sensitive("/security/two-step/off", &[]).service(
                    web::resource("")
                        .route(web::get().to(security::turn_off_form))
                        .route(web::post().to(security::turn_off)),
                ),
            )
            .service(
                sensitive(
                    "/security/passkeys",
                    &[(passkeys::ADD_ACTION, passkeys::NEW_PASSKEY_PAGE)],
                )
                .service(web::resource("").route(web::post().to(passkeys::add_passkey)))
                .service(web::resource("/new").route(web::get().to(passkeys::new_passkey_form)))
                .service(
                    web::resource("/{id}/remove")
                        .route(web::get().to(passkeys::remove_passkey_form))
                        .route(web::post().to(passkeys::remove_passkey)),
                ),
            )
            .service(
                sensitive("/security/app", &[])
                    .service(
                        web::resource("")
                            .route(web::get().to(app::setup_page))
                            .route(web::post().to(app::confirm_app)),
                    )
                    .service(
                        web::resource("/remove")
                            .route(web::get().to(app::remove_app_form))
                            .route(web::post().to(app::remove_app)),
                    ),
            )
            .service(
                sensitive(
                    "/security/recovery-codes",
                    &[
                        (recovery::DOWNLOAD_PAGE, recovery::NEW_CODES_PAGE),
                        (recovery::DONE_ACTION, recovery::NEW_CODES_PAGE),
                    ],
                )
                .service(
                    web::resource("")
                        .route(web::get().to(recovery::regenerate_form))
                        .route(web::post().to(recovery::regenerate)),
                )
                .service(web::resource("/new").route(web::get().to(recovery::show_codes)))
                .service(web::resource("/download").route(web::get().to(recovery::download_codes)))
                .service(web::resource("/done").route(web::post().to(recovery::codes_saved))),
            )
            .service(
                sensitive(
                    "/security/sms",
                    &[(security::RESEND_ACTION, security::PHONE_CODE_PAGE)],
                )
                .service(
                    web::resource("")
                        .route(web::get().to(security::phone_form))
                        .route(web::post().to(security::send_phone_code)),
                )
                .service(
                    web::resource("/verify")
                        .route(web::get().to(security::phone_code_form))
                        .route(web::post().to(security::verify_phone_code)),
                )
                .service(
                    web::resource("/resend").route(web::post().to(security::resend_phone_code)),
                )
                .service(
                    web::resource("/use-saved")
                        .route(web::get().to(security::use_saved_phone_form))
                        .route(web::post().to(security::use_saved_phone)),
                )
                .service(
                    web::resource("/remove")
                        .route(web::get().to(security::remove_phone_form))
                        .route(web::post().to(security::remove_phone)),
                ),
            )
            .service(
                web::scope("/security/password")
                    .service(
                        web::resource("")
                            .route(web::get().to(first_password::code_form))
                            .route(web::post().to(first_password::verify_code)),
                    )
                    .service(
                        web::resource("/send").route(web::post().to(first_password::send_code)),
                    )
                    .service(
                        web::resource("/new")
                            .route(web::get().to(first_password::new_password_form))
                            .route(web::post().to(first_password::set_password)),
                    ),
            )
            .service(
                web::resource("/password")
                    .route(web::get().to(password_form))
                    .route(web::post().to(change_password)),
            ),
    );
}

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage {
    layout: Layout,
    errors: FormErrors,
}

async fn password_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    // Without a password there is no current one to type: set a first one instead.
    if !me.user.has_password() {
        return Ok(see_other(first_password::FIRST_PASSWORD_PAGE));
    }
    render(
        StatusCode::OK,
        &PasswordPage {
            layout,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default = "empty_secret")]
    current_password: SecretString,
    #[serde(default = "empty_secret")]
    new_password: SecretString,
}

#[tracing::instrument(name = "Change the password", skip_all, fields(user_id = user.id))]
async fn change_password(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    form: web::Form<PasswordForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let PasswordForm {
        current_password,
        new_password,
    } = form.into_inner();
    let mut errors = FormErrors::default();
    if current_password.expose_secret().is_empty() {
        errors.add(
            "current_password",
            layout.lang.t("account-enter-current-password"),
        );
    }
    if new_password.expose_secret().is_empty() {
        errors.add("new_password", layout.lang.t("account-choose-new-password"));
    } else if let Err(problem) =
        check_new_password(new_password.expose_secret(), &[&user.email, &user.name])
    {
        errors.add("new_password", problem.say(layout.lang));
    }
    if !errors.is_empty() {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage { layout, errors },
        );
    }
    let (status, errors) = match state
        .services
        .change_password(&user, current_password, new_password, &origin)
        .await?
    {
        PasswordCheck::Right => {
            // Every other session ended; this one continues under a new id.
            // What this session proved before, and the password again.
            let mut proved = crate::web::session::proofs(&session);
            proved.add(crate::domain::oidc::Proof::Password);
            start_session(&state, &session, &user, &origin, proved.all()).await?;
            return Ok(see_other("/?notice=password-changed"));
        }
        PasswordCheck::Throttled => (
            StatusCode::TOO_MANY_REQUESTS,
            FormErrors::general(layout.lang.t("account-too-many-passwords")),
        ),
        PasswordCheck::Wrong => {
            let mut errors = FormErrors::default();
            errors.add(
                "current_password",
                layout.lang.t("account-current-password-wrong"),
            );
            (StatusCode::UNAUTHORIZED, errors)
        }
    };
    render(status, &PasswordPage { layout, errors })
}
