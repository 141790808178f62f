//! The "Language" menu (`POST /language`): sets the `lang` cookie for a year and, for a
//! signed-in person, saves the choice on their profile, then goes back to the page it was
//! on. A form of buttons: no script needed.

use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::errors::AppError;
use super::layout::Layout;
use super::middleware::language::LANG_COOKIE;
use super::request::{SignedIn, Visitor};
use super::responses::see_other;
use crate::domain::language::Language;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/language").route(web::post().to(choose)));
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

/// Words in bold inside a translated sentence: the HTML for a placeable of
/// `Msg::html` (an address, a name the sentence is about).
pub fn strong(text: &str) -> String {
    format!("<strong>{}</strong>", crate::i18n::escape_html(text))
}

/// A path of this site to go back to: `/` unless `back` is one (no scheme, no `//`, no
/// backslash, nothing but printable ASCII, and not too long).
fn back_path(back: &str) -> &str {
    let local = back.starts_with('/')
        && !back.starts_with("//")
        && back.len() <= 2_048
        && back.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    if local { back } else { "/" }
}

#[tracing::instrument(name = "Choose a language", skip_all)]
async fn choose(
    visitor: Visitor,
    me: Option<SignedIn>,
    form: web::Form<LanguageForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(language) = Language::parse(&form.lang) else {
        return Err(AppError::BadRequest(
            layout.lang.t("public-language-unknown"),
        ));
    };
    if let Some(me) = &me {
        me.services()
            .set_language(me.user.id, Some(language))
            .await?;
    }
    let cookie = Cookie::build(LANG_COOKIE, language.code())
        .path("/")
        .http_only(true)
        .secure(visitor.state.settings.is_https())
        .same_site(SameSite::Lax)
        .max_age(Duration::days(365))
        .finish();
    let mut response = see_other(back_path(&form.back));
    response
        .add_cookie(&cookie)
        .map_err(|err| AppError::Unexpected(err.into()))?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::back_path;

    #[test]
    fn only_this_sites_paths_are_gone_back_to() {
        for kept in [
            "/",
            "/login",
            "/account/security?notice=sms-on",
            "/password/set?token=abc",
        ] {
            assert_eq!(back_path(kept), kept);
        }
        for refused in [
            "",
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "/a b",
            "/\r\nSet-Cookie: x=1",
            "javascript:alert(1)",
        ] {
            assert_eq!(back_path(refused), "/", "{refused:?}");
        }
        assert_eq!(back_path(&format!("/{}", "a".repeat(3_000))), "/");
    }
}
