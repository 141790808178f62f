//! What every page's layout needs: the app name, the CSRF token for its forms (the sign-out
//! button is one), and who is signed in.

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use super::context::{
    AdministersRooms, CsrfToken, CurrentUser, HasPasskey, OpenRegistration, PhoneCountry,
    PhoneSignInOn, app_name,
};
use super::middleware::language::RequestLanguage;
use super::parts::devices::{When, when};
use super::session::{passkey_owed, pending_user, set_up_by};
use super::state::AppState;
use crate::domain::language::Language;
use crate::domain::phone::example_mobile;
use crate::i18n;

pub struct SignedInUser {
    pub name: String,
    pub is_admin: bool,
    /// Administers a data room: the header links to their rooms.
    pub room_admin: bool,
}

pub struct Layout {
    pub app_name: String,
    pub csrf_token: String,
    pub user: Option<SignedInUser>,
    /// A one-line confirmation named in the query string (`?notice=signed-out`), so a
    /// redirect can say what happened without storing anything.
    pub notice: Option<String>,
    /// After "Set up later": when 2-step verification must be set up, for the banner every
    /// page shows until it is.
    pub set_up_by: Option<When>,
    /// What `set_up_by` is for: a passkey (the user is held to passkeys).
    pub set_up_passkey: bool,
    /// Phone fields' example, at home and abroad ("070-123 45 67", "+46 70 123 45 67"),
    /// when numbers may be typed in the platform's default country's national format.
    pub phone_example: Option<(String, String)>,
    /// The `log` SMS provider is in use: codes are not really sent.
    pub sms_development: bool,
    /// Between the password and the code: the header offers neither "Sign in" nor
    /// "Create account" (the page itself has "Cancel and sign out").
    pub signing_in: bool,
    /// "Create account" is offered only while people may create their own accounts.
    pub open_registration: bool,
    /// "Sign in with phone number" and "Register with phone number" are offered.
    pub phone_sign_in: bool,
    /// "Sign in with a passkey" is offered: the public URL names a host.
    pub passkeys: bool,
    /// The language the request is answered in (`middleware::language`).
    pub lang: Language,
    /// This page's path and query: where the "Language" menu comes back to.
    pub here: String,
}

/// The message of a notice named in the query string (`?notice=signed-out`).
fn notice_text(name: &str) -> Option<&'static str> {
    const NOTICES: [&str; 25] = [
        "signed-out",
        "password-set",
        "password-changed",
        "password-added",
        "welcome",
        "welcome-phone",
        "code-sent",
        "too-soon",
        "two-step-on",
        "two-step-off",
        "app-on",
        "sms-on",
        "temporary-code-used",
        "recovery-used",
        "device-removed",
        "devices-removed",
        "session-ended",
        "others-signed-out",
        "duration-saved",
        "codes-saved",
        "phone-changed",
        "app-removed",
        "passkey-added",
        "passkey-removed",
        "phone-removed",
    ];
    NOTICES.into_iter().find(|notice| *notice == name)
}

impl FromRequest for Layout {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self::of(req)))
    }
}

impl Layout {
    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> i18n::Html {
        i18n::html(self.lang, id)
    }

    /// The message `id` in the page's language with the variable `name`.
    pub fn t_with(&self, id: &str, name: &'static str, value: &str) -> String {
        i18n::text_with(self.lang, id, &[(name, value)])
    }

    /// The message `id` in the page's language, to fill in: `.arg(…)`, `.count(…)`.
    pub fn tr(&self, id: &str) -> i18n::Msg {
        self.lang.tr(id)
    }

    /// The message `id` as HTML, its variable `date` a `<time>` element of `when`.
    pub fn t_time(&self, id: &str, when: &When) -> String {
        i18n::html_with(self.lang, id, "date", &self.time(when))
    }

    /// `when` as HTML: a `<time>` element in the page's language (`|safe` in templates).
    pub fn time(&self, when: &When) -> String {
        format!(
            r#"<time datetime="{}">{}</time>"#,
            i18n::escape_html(&when.iso),
            i18n::escape_html(&self.date(when))
        )
    }

    /// `when` in words in the page's language: "29 Nov 2026, 19:34 UTC".
    pub fn date(&self, when: &When) -> String {
        self.lang.instant(when.unix)
    }

    /// Every language but the page's, for the "Language" menu.
    pub fn other_languages(&self) -> impl Iterator<Item = Language> + '_ {
        Language::ALL
            .into_iter()
            .filter(|language| *language != self.lang)
    }

    /// What every page shows of the request: the app name, who is signed in, the form
    /// token and a notice. Error pages use it too, so they keep the signed-in header.
    pub fn of(req: &HttpRequest) -> Self {
        let state = req.app_data::<web::Data<AppState>>();
        let app_name = app_name(req);
        let sms_development = state.is_some_and(|s| s.services.sms_is_development());
        let passkeys = state.is_some_and(|s| s.services.passkeys_available());
        // Before the extensions are borrowed: reading the session may write to them.
        let session = req.get_session();
        let pending = state.is_some_and(|s| pending_user(&session, s.clock.now()).is_some());
        let set_up_by = set_up_by(&session);
        let passkey_owed = passkey_owed(&session);
        let extensions = req.extensions();
        let csrf_token = extensions
            .get::<CsrfToken>()
            .map(|token| token.0.clone())
            .unwrap_or_default();
        let open_registration = extensions
            .get::<OpenRegistration>()
            .is_none_or(|open| open.0);
        let phone_sign_in = extensions.get::<PhoneSignInOn>().is_some_and(|on| on.0);
        let phone_example = extensions
            .get::<PhoneCountry>()
            .and_then(|country| country.0.as_deref())
            .and_then(example_mobile);
        let has_passkey = extensions.get::<HasPasskey>().is_some_and(|h| h.0);
        let owed = extensions
            .get::<CurrentUser>()
            .map(|current| (!current.0.has_two_step(), passkey_owed && !has_passkey));
        let set_up_passkey = owed.is_some_and(|(_, passkey)| passkey);
        let set_up_by = owed
            .filter(|(two_step, passkey)| *two_step || *passkey)
            .and(set_up_by)
            .map(when);
        let room_admin = extensions.get::<AdministersRooms>().is_some_and(|a| a.0);
        let user = extensions.get::<CurrentUser>().map(|current| SignedInUser {
            name: current.0.name.clone(),
            is_admin: current.0.is_admin(),
            room_admin,
        });
        let lang = extensions
            .get::<RequestLanguage>()
            .map(|language| language.0)
            .unwrap_or_default();
        let notice = url::form_urlencoded::parse(req.query_string().as_bytes())
            .find(|(name, _)| name == "notice")
            .and_then(|(_, value)| notice_text(&value))
            .map(|name| lang.t(&format!("notice-{name}")));
        let here = req
            .uri()
            .path_and_query()
            .map_or("/", |path| path.as_str())
            .to_owned();
        Self {
            lang,
            here,
            app_name,
            csrf_token,
            signing_in: user.is_none() && pending,
            user,
            notice,
            set_up_by,
            set_up_passkey,
            phone_example,
            sms_development,
            open_registration,
            phone_sign_in,
            passkeys,
        }
    }
}
