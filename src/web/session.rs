//! What the session records about authentication, and the only code that writes it.
//! Every step that raises trust (password, code, re-authentication) renews the session id.

use actix_session::Session;

use super::step::Step;
use crate::db::audit::Origin;
pub use crate::db::sessions::USER_ID_KEY;
use crate::db::sessions::{
    EXPIRES_AT_KEY, IP_KEY, LAST_SEEN_KEY, LOADED_USER_KEY, PENDING_USER_KEY, PUBLIC_ID_KEY,
    SIGNED_IN_AT_KEY, USER_AGENT_KEY,
};
use crate::db::users::UserSigningIn;
use crate::domain::oidc::{Proof, Proofs};
use crate::domain::rooms::after_a_form;
use crate::domain::sessions::Lifetime;
use crate::domain::tokens::random_token;

/// When the password was last confirmed (Unix seconds).
const AUTHENTICATED_AT_KEY: &str = "authenticated_at";
const PENDING_SINCE_KEY: &str = "pending_since";
/// True when the session cookie should outlive the browser.
const PERSISTENT_KEY: &str = "persistent";

/// How long a password stays "recently confirmed" for sensitive changes.
pub const REAUTH_WINDOW_SECS: i64 = 10 * 60;
/// How long the second step may take after the password.
pub const PENDING_TTL_SECS: i64 = 10 * 60;
/// "Last active" is written at most this often, so reads stay cheap.
pub const LAST_SEEN_EVERY_SECS: i64 = 60;

/// Why the session could not be written, or what signing in needs could not be read. The
/// pages turn it into their error (`web::errors`): this module knows no page.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("storing the session: {0}")]
    Store(String),
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
}

fn insert<T: serde::Serialize>(session: &Session, key: &str, value: T) -> Result<(), SessionError> {
    session
        .insert(key, value)
        .map_err(|err| SessionError::Store(err.to_string()))
}

fn get<T: serde::de::DeserializeOwned>(session: &Session, key: &str) -> Option<T> {
    session.get::<T>(key).ok().flatten()
}

/// What this session's sign-in proved, and how (`amr`): read by applications signing in
/// through Twostep.
const PROOFS_KEY: &str = "proofs";
/// A second step asked of a session that is signed in with one factor (an application
/// wants two): who, when their password was last confirmed, and what they proved so far.
const STEP_UP_KEY: &str = "step_up";

#[derive(serde::Serialize, serde::Deserialize)]
struct StepUp {
    user_id: i64,
    authenticated_at: Option<i64>,
    proofs: Proofs,
}

/// The token of the password step whose second step this session owes (see
/// `PasswordStep::CodeOwed`).
const PASSWORD_STEP_KEY: &str = "password_step";
/// A sign-in completed in this request, for `middleware::browsers` to note once the page
/// is answered.
const SIGNED_IN_NOW_KEY: &str = "signed_in_now";

/// A sign-in completed in this request: who, and after which password step.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct SignedInNow {
    pub user_id: i64,
    pub password_step: Option<String>,
}

/// Keeps the token of the password step whose second step this session now owes.
pub fn keep_password_step(session: &Session, token: &str) -> Result<(), SessionError> {
    insert(session, PASSWORD_STEP_KEY, token)
}

/// The sign-in this request completed, if any (once).
pub fn take_signed_in_now(session: &Session) -> Option<SignedInNow> {
    session.remove_as::<SignedInNow>(SIGNED_IN_NOW_KEY)?.ok()
}

/// Signs the user in under a new session id, ending at `now + lifetime`, with what they
/// proved (`proofs`). A sign-in that completes a step-up of the same user adds to what the
/// session proved before and keeps when its password was last confirmed: a code is not a
/// password.
pub fn sign_in(
    session: &Session,
    user_id: i64,
    now: i64,
    lifetime: Lifetime,
    origin: &Origin,
    proofs: &[Proof],
) -> Result<(), SessionError> {
    // Where the browser goes next is all that outlives the steps before.
    let next = get::<String>(session, NEXT_KEY);
    let step_up = get::<StepUp>(session, STEP_UP_KEY).filter(|s| s.user_id == user_id);
    start_clean(session);
    if let Some(next) = next {
        insert(session, NEXT_KEY, next)?;
    }
    let (mut all, authenticated_at) = match step_up {
        Some(step_up) => (step_up.proofs, step_up.authenticated_at),
        None => (Proofs::default(), Some(now)),
    };
    for proof in proofs {
        all.add(*proof);
    }
    insert(session, PROOFS_KEY, all)?;
    insert(session, USER_ID_KEY, user_id)?;
    insert(session, AUTHENTICATED_AT_KEY, authenticated_at)?;
    insert(session, PUBLIC_ID_KEY, random_token())?;
    insert(session, SIGNED_IN_AT_KEY, now)?;
    insert(session, EXPIRES_AT_KEY, now + lifetime.secs)?;
    insert(session, PERSISTENT_KEY, lifetime.persistent)?;
    insert(session, LAST_SEEN_KEY, now)?;
    insert(session, IP_KEY, origin.ip.as_deref())?;
    insert(session, USER_AGENT_KEY, origin.user_agent.as_deref())
}

/// Forgets everything an earlier user or step left in the session (the rooms passed, a
/// dismissed reminder, held recovery codes, phone steps) under a new session id: signing in
/// always starts clean, whoever signed in before in this browser. Only the applications'
/// sign-ins waiting for it are kept (they belong to the browser, not to a user).
fn start_clean(session: &Session) {
    let waiting = get::<serde_json::Value>(session, AUTHORIZATIONS_KEY);
    session.clear();
    session.renew();
    if let Some(waiting) = waiting {
        let _ = session.insert(AUTHORIZATIONS_KEY, waiting);
    }
}

/// What this session proved at sign-in, and since (a step-up, a set-up's first code).
pub fn proofs(session: &Session) -> Proofs {
    get::<Proofs>(session, PROOFS_KEY).unwrap_or_default()
}

/// Adds a proof to a signed-in session (the code of a first set-up), under a new id.
pub fn add_proof(session: &Session, proof: Proof) -> Result<(), SessionError> {
    let mut all = proofs(session);
    all.add(proof);
    session.renew();
    insert(session, PROOFS_KEY, all)
}

/// When this session's user last signed in (`auth_time`).
pub fn signed_in_at(session: &Session) -> Option<i64> {
    get(session, SIGNED_IN_AT_KEY)
}

/// Asks a second step of a signed-in user whose session proved one factor: the session
/// becomes a sign-in between the two steps, and the code's sign-in keeps what it proved.
pub fn start_step_up(session: &Session, user_id: i64, now: i64) -> Result<(), SessionError> {
    let step_up = StepUp {
        user_id,
        authenticated_at: get::<i64>(session, AUTHENTICATED_AT_KEY),
        proofs: proofs(session),
    };
    let next = get::<String>(session, NEXT_KEY);
    start_second_step(session, user_id, now)?;
    if let Some(next) = next {
        insert(session, NEXT_KEY, next)?;
    }
    insert(session, STEP_UP_KEY, step_up)
}

/// Applications' sign-ins waiting for this browser to sign in (`web::oauth2`), by id.
pub const AUTHORIZATIONS_KEY: &str = "authorizations";

pub fn waiting_authorizations<T: serde::de::DeserializeOwned>(
    session: &Session,
) -> Vec<(String, T)> {
    get::<Vec<(String, T)>>(session, AUTHORIZATIONS_KEY).unwrap_or_default()
}

pub fn keep_authorizations<T: serde::Serialize>(
    session: &Session,
    waiting: &[(String, T)],
) -> Result<(), SessionError> {
    if waiting.is_empty() {
        session.remove(AUTHORIZATIONS_KEY);
        Ok(())
    } else {
        insert(session, AUTHORIZATIONS_KEY, waiting)
    }
}

/// A passkey ceremony begun on a page and not yet answered (each page begins its own).
const PASSKEY_CEREMONY_KEY: &str = "passkey_ceremony";

pub fn keep_passkey_ceremony(
    session: &Session,
    ceremony: &crate::services::factors::passkeys::Ceremony,
) -> Result<(), SessionError> {
    insert(session, PASSKEY_CEREMONY_KEY, ceremony)
}

/// The ceremony this session began, taken: an answer is checked against it once.
pub fn take_passkey_ceremony(
    session: &Session,
) -> Option<crate::services::factors::passkeys::Ceremony> {
    let ceremony = session.get(PASSKEY_CEREMONY_KEY).ok().flatten();
    session.remove(PASSKEY_CEREMONY_KEY);
    ceremony
}

/// Records that the password was right and a code is still owed.
pub fn start_second_step(session: &Session, user_id: i64, now: i64) -> Result<(), SessionError> {
    start_clean(session);
    insert(session, PENDING_USER_KEY, user_id)?;
    insert(session, PENDING_SINCE_KEY, now)?;
    insert(session, EXPIRES_AT_KEY, now + PENDING_TTL_SECS)
}

/// The user between the two steps, if the password was given recently enough.
pub fn pending_user(session: &Session, now: i64) -> Option<i64> {
    let user_id = get::<i64>(session, PENDING_USER_KEY)?;
    let since = get::<i64>(session, PENDING_SINCE_KEY)?;
    (now < since + PENDING_TTL_SECS).then_some(user_id)
}

/// The session's user as read with the session (see `LOADED_USER_KEY`), if it is
/// `user_id`; `None` when the account is gone.
pub fn loaded_user(session: &Session, user_id: i64) -> Option<UserSigningIn> {
    get::<UserSigningIn>(session, LOADED_USER_KEY).filter(|loaded| loaded.user.id == user_id)
}

/// Records a re-entered password under a new session id.
pub fn confirm_password(session: &Session, now: i64) -> Result<(), SessionError> {
    session.renew();
    insert(session, AUTHENTICATED_AT_KEY, now)
}

/// True when the password was confirmed within the re-authentication window.
pub fn recently_authenticated(session: &Session, now: i64) -> bool {
    get::<i64>(session, AUTHENTICATED_AT_KEY).is_some_and(|at| now - at < REAUTH_WINDOW_SECS)
}

/// This session's public id, as the active-sessions list names it.
pub fn public_id(session: &Session) -> Option<String> {
    get(session, PUBLIC_ID_KEY)
}

pub fn last_seen(session: &Session) -> Option<i64> {
    get(session, LAST_SEEN_KEY)
}

/// Notes activity, at most once a minute (each note is a write).
pub fn touch(session: &Session, now: i64, origin: &Origin) -> Result<(), SessionError> {
    if last_seen(session).is_some_and(|seen| now - seen < LAST_SEEN_EVERY_SECS) {
        return Ok(());
    }
    insert(session, LAST_SEEN_KEY, now)?;
    insert(session, IP_KEY, origin.ip.as_deref())?;
    insert(session, USER_AGENT_KEY, origin.user_agent.as_deref())
}

/// Moves the end of this session to `signed_in_at + lifetime` (a new choice of duration).
pub fn change_lifetime(session: &Session, lifetime: Lifetime) -> Result<(), SessionError> {
    let signed_in_at: i64 = get(session, SIGNED_IN_AT_KEY).unwrap_or_default();
    insert(session, EXPIRES_AT_KEY, signed_in_at + lifetime.secs)?;
    insert(session, PERSISTENT_KEY, lifetime.persistent)
}

/// Seconds the session cookie should live, when it should outlive the browser.
pub fn cookie_max_age(session: &Session, now: i64) -> Option<i64> {
    if get::<bool>(session, PERSISTENT_KEY) != Some(true) {
        return None;
    }
    get::<i64>(session, EXPIRES_AT_KEY).map(|end| (end - now).max(0))
}

/// A fresh set of recovery codes, sealed, kept until the user says they saved them.
const FRESH_RECOVERY_CODES_KEY: &str = "fresh_recovery_codes";
/// True when the held set is a replacement, stored only at "Done".
const CODES_REPLACE_KEY: &str = "fresh_recovery_codes_replace";
/// The step of a set-up the codes page is, for a first set.
const CODES_STEP_KEY: &str = "fresh_recovery_codes_step";

/// A set of recovery codes held for the codes page until the person says they saved it.
pub struct HeldCodes {
    pub sealed: String,
    /// The set is to replace the stored one at "Done".
    pub replaces: bool,
    /// The codes page is the last step of a set-up.
    pub step: Option<Step>,
}

pub fn hold_recovery_codes(session: &Session, held: HeldCodes) -> Result<(), SessionError> {
    insert(session, FRESH_RECOVERY_CODES_KEY, held.sealed)?;
    insert(session, CODES_REPLACE_KEY, held.replaces)?;
    insert(session, CODES_STEP_KEY, held.step)
}

pub fn held_recovery_codes(session: &Session) -> Option<HeldCodes> {
    Some(HeldCodes {
        sealed: get(session, FRESH_RECOVERY_CODES_KEY)?,
        replaces: get(session, CODES_REPLACE_KEY).unwrap_or(false),
        step: get::<Option<Step>>(session, CODES_STEP_KEY).flatten(),
    })
}

pub fn release_recovery_codes(session: &Session) {
    session.remove(FRESH_RECOVERY_CODES_KEY);
    session.remove(CODES_REPLACE_KEY);
    session.remove(CODES_STEP_KEY);
}

/// Set while a user who must use 2-step verification has not set it up: every page but
/// set-up leads to set-up (`require_set_up`).
const SET_UP_OWED_KEY: &str = "set_up_owed";
/// Set beside `set_up_owed` when what is owed is a passkey (the user is held to passkeys
/// and has none); kept after "Set up later" for the banner.
const PASSKEY_OWED_KEY: &str = "passkey_owed";
/// Where to go once signed in (a room the proxy sent the browser to), kept across the
/// code step.
const NEXT_KEY: &str = "after_sign_in";

/// Where an application's sign-in continues once the browser is signed in.
pub const AUTHORIZATION_CONTINUES: &str = "/oauth2/continue?request=";

/// A place inside the portal the browser may be sent to after signing in: a data room's
/// path (and its query), or an application's sign-in waiting in this session, nothing
/// else, so the parameter is no open redirect. It becomes a `Location` header, which holds
/// no control character.
pub fn safe_next(next: &str) -> Option<&str> {
    if let Some(id) = next.strip_prefix(AUTHORIZATION_CONTINUES) {
        let ok = (1..=64).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        return ok.then_some(next);
    }
    let rest = next.strip_prefix("/rooms/")?;
    let id_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let id_ok = id_end > 0 && rest[..id_end].bytes().all(|b| b.is_ascii_digit());
    let clean = !next.contains('\\') && !next.chars().any(char::is_control) && next.len() <= 2048;
    (id_ok && clean).then_some(next)
}

pub fn remember_next(session: &Session, next: &str) -> Result<(), SessionError> {
    match safe_next(next) {
        Some(next) => insert(session, NEXT_KEY, next),
        None => Ok(()),
    }
}

/// Where a sign-in's form leads once it succeeds: `next` when it is safe, else Home. A
/// room's address is marked as reached by a form (`after_a_form`): the room then links to
/// its application rather than redirect the form's submission to another origin.
pub fn after_sign_in(next: &str) -> String {
    safe_next(next).map_or_else(|| "/".to_owned(), after_a_form)
}

/// An application's sign-in this session waits to return to after a set-up, once, while
/// it still waits (a set-up left half-way and finished later goes on as any other).
pub fn take_waiting_sign_in(session: &Session) -> Option<String> {
    let next = get::<String>(session, NEXT_KEY)?;
    let id = next.strip_prefix(AUTHORIZATION_CONTINUES)?;
    safe_next(&next)?;
    session.remove(NEXT_KEY);
    let waiting = waiting_authorizations::<serde_json::Value>(session);
    waiting.iter().any(|(other, _)| other == id).then_some(next)
}

/// Where the person goes now that they are signed in (`after_sign_in`); forgotten once
/// read.
pub fn take_next(session: &Session) -> String {
    let next = get::<String>(session, NEXT_KEY).unwrap_or_default();
    session.remove(NEXT_KEY);
    after_sign_in(&next)
}

/// The data rooms whose step this session passed, when, and whose: they belong to the user
/// who passed them, and end with their session (or, for one room, when the user leaves
/// it: `domain::rooms::pass_holds`).
const ROOMS_VERIFIED_KEY: &str = "rooms_passed_at";

#[derive(serde::Serialize, serde::Deserialize)]
struct RoomsPassed {
    user_id: i64,
    /// (room id, when its step was passed).
    passed: Vec<(i64, i64)>,
}

fn rooms_passed(session: &Session, user_id: i64) -> Vec<(i64, i64)> {
    get::<RoomsPassed>(session, ROOMS_VERIFIED_KEY)
        .filter(|passed| passed.user_id == user_id)
        .map(|passed| passed.passed)
        .unwrap_or_default()
}

/// When this session passed `user_id`'s step of room `room_id`, if it did.
pub fn room_passed_at(session: &Session, user_id: i64, room_id: i64) -> Option<i64> {
    rooms_passed(session, user_id)
        .into_iter()
        .find(|(room, _)| *room == room_id)
        .map(|(_, at)| at)
}

/// Records `user_id`'s passed room step, at `now`, under a new session id (trust went up).
pub fn mark_room_verified(
    session: &Session,
    user_id: i64,
    room_id: i64,
    now: i64,
) -> Result<(), SessionError> {
    let mut passed = rooms_passed(session, user_id);
    passed.retain(|(room, _)| *room != room_id);
    passed.push((room_id, now));
    session.renew();
    insert(session, ROOMS_VERIFIED_KEY, RoomsPassed { user_id, passed })
}

/// A sentence for the next page this session opens, read once: the notice after a change
/// that names whom it changed ("Ken Thompson was removed from Buyers"), which a redirect's
/// query cannot carry without letting anyone write on the page.
const NOTICE_KEY: &str = "notice_once";

pub fn leave_notice(session: &Session, text: String) -> Result<(), SessionError> {
    insert(session, NOTICE_KEY, text)
}

pub fn take_notice(session: &Session) -> Option<String> {
    let text = get::<String>(session, NOTICE_KEY)?;
    session.remove(NOTICE_KEY);
    Some(text)
}

/// A fresh code to the verified number was entered, to set a first password: the user
/// and when (`web::account::first_password`).
const PHONE_PROVEN_FOR_PASSWORD_KEY: &str = "phone_proven_for_password";

/// Records, under a new session id, that `user_id` just entered a fresh code to their
/// verified number to set a first password.
pub fn prove_phone_for_password(
    session: &Session,
    user_id: i64,
    now: i64,
) -> Result<(), SessionError> {
    session.renew();
    insert(session, PHONE_PROVEN_FOR_PASSWORD_KEY, (user_id, now))
}

/// True while `user_id`'s code for a first password is recent (the 10 minutes of a code).
pub fn phone_proven_for_password(session: &Session, user_id: i64, now: i64) -> bool {
    get::<(i64, i64)>(session, PHONE_PROVEN_FOR_PASSWORD_KEY)
        .is_some_and(|(user, at)| user == user_id && now - at < REAUTH_WINDOW_SECS)
}

/// The proof is used up (the password is set).
pub fn forget_phone_proof(session: &Session) {
    session.remove(PHONE_PROVEN_FOR_PASSWORD_KEY);
}

/// "Not now" on the reminder dialog: hidden for the rest of this session.
const REMINDER_DISMISSED_KEY: &str = "reminder_dismissed";

pub fn set_up_owed(session: &Session) -> bool {
    get::<bool>(session, SET_UP_OWED_KEY) == Some(true)
}

/// What was owed at sign-in is a passkey.
pub fn passkey_owed(session: &Session) -> bool {
    get::<bool>(session, PASSKEY_OWED_KEY) == Some(true)
}

/// True while the set-up owed at sign-in is still missing: 2-step verification, or the
/// passkey of someone held to passkeys.
pub fn owes_set_up(session: &Session, has_two_step: bool, has_passkey: bool) -> bool {
    set_up_owed(session) && (!has_two_step || (passkey_owed(session) && !has_passkey))
}

/// "Set up later" while a grace period lasts, or set-up done.
pub fn release_set_up(session: &Session) {
    session.remove(SET_UP_OWED_KEY);
}

/// After "Set up later": when set-up is due (Unix seconds), for the banner every page
/// shows until 2-step verification is on.
const SET_UP_BY_KEY: &str = "set_up_by";

pub fn postpone_set_up(session: &Session, deadline: i64) -> Result<(), SessionError> {
    release_set_up(session);
    insert(session, SET_UP_BY_KEY, deadline)
}

pub fn set_up_by(session: &Session) -> Option<i64> {
    get::<i64>(session, SET_UP_BY_KEY)
}

/// Where "Check your email" says the email went: the address typed on the form before it
/// (registration, a forgotten password), whether or not it has an account.
const SENT_TO_KEY: &str = "sent_to";

pub fn note_sent_to(session: &Session, email: &str) -> Result<(), SessionError> {
    insert(session, SENT_TO_KEY, email)
}

pub fn sent_to(session: &Session) -> Option<String> {
    get::<String>(session, SENT_TO_KEY)
}

/// The browser's session was ended by an administrator (`end_sessions_by_administrator`):
/// its sign-in page says so.
pub fn signed_out_by_administrator(session: &Session) -> bool {
    get::<bool>(session, crate::db::sessions::SIGNED_OUT_BY_ADMIN_KEY) == Some(true)
}

pub fn reminder_dismissed(session: &Session) -> bool {
    get::<bool>(session, REMINDER_DISMISSED_KEY) == Some(true)
}

pub fn dismiss_reminder(session: &Session) -> Result<(), SessionError> {
    insert(session, REMINDER_DISMISSED_KEY, true)
}

/// Signs the user in for as long as they chose to stay signed in, within the platform's
/// rules. A user who must use 2-step verification and has not set it up, or is held to
/// passkeys and has none, owes set-up before anything else.
pub async fn start_session(
    state: &super::state::AppState,
    session: &Session,
    user: &crate::db::users::User,
    origin: &Origin,
    proofs: &[Proof],
) -> Result<(), SessionError> {
    let lifetime = state
        .services
        .session_lifetime(user.session_duration_secs)
        .await?;
    let password_step = get::<String>(session, PASSWORD_STEP_KEY);
    sign_in(
        session,
        user.id,
        state.clock.now(),
        lifetime,
        origin,
        proofs,
    )?;
    state.services.record_sign_in(user.id).await?;
    let now = SignedInNow {
        user_id: user.id,
        password_step,
    };
    insert(session, SIGNED_IN_NOW_KEY, now)?;
    session.remove(PASSKEY_OWED_KEY);
    if let Some(owed) = state.services.set_up_owed(user).await? {
        insert(session, SET_UP_OWED_KEY, true)?;
        if owed.passkey {
            insert(session, PASSKEY_OWED_KEY, true)?;
        }
    }
    Ok(())
}

/// A step of signing in or registering with a phone number, each under its own key so a
/// later step is reached only through the earlier one.
#[derive(Clone, Copy)]
pub struct PhoneStepKey(&'static str);

/// A code was asked for at `/login/phone`.
pub const PHONE_SIGN_IN: PhoneStepKey = PhoneStepKey("phone_sign_in");
/// The phone code was right; the password is owed (`account` is the user).
pub const PHONE_PASSWORD: PhoneStepKey = PhoneStepKey("phone_password");
/// A code was asked for at `/register/phone`.
pub const PHONE_REGISTRATION: PhoneStepKey = PhoneStepKey("phone_registration");
/// A code proved the number: registration asks for the name and the email.
pub const PHONE_PROVEN: PhoneStepKey = PhoneStepKey("phone_proven");
const PHONE_STEP_KEYS: [PhoneStepKey; 4] = [
    PHONE_SIGN_IN,
    PHONE_PASSWORD,
    PHONE_REGISTRATION,
    PHONE_PROVEN,
];

/// Where a phone sign-in or registration is.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PhoneStep {
    pub target: crate::services::phone_sign_in::PhoneTarget,
    pub since: i64,
    /// Wrong codes typed for a number that was sent none (answered as real ones are).
    pub tries: i64,
}

/// Records a phone step. A step that follows a right code raises trust: the session id
/// is renewed and the earlier steps are forgotten.
pub fn set_phone_step(
    session: &Session,
    key: PhoneStepKey,
    step: &PhoneStep,
) -> Result<(), SessionError> {
    if matches!(key.0, "phone_password" | "phone_proven") {
        session.renew();
        for other in PHONE_STEP_KEYS {
            session.remove(other.0);
        }
    }
    insert(session, key.0, step)
}

/// The phone step under `key`, while it is recent enough (10 minutes, as a code).
pub fn phone_step(session: &Session, key: PhoneStepKey, now: i64) -> Option<PhoneStep> {
    get::<PhoneStep>(session, key.0).filter(|step| now < step.since + PENDING_TTL_SECS)
}

pub fn end_phone_step(session: &Session, key: PhoneStepKey) {
    session.remove(key.0);
}

/// Properties of the return addresses taken from a request (`next`): whatever is sent, the
/// browser is only ever sent to a path of this portal.
#[cfg(test)]
pub(crate) mod properties {
    use proptest::prelude::*;

    /// Pieces attackers put in return addresses.
    const PIECES: &[&str] = &[
        "/",
        "//",
        "\\",
        "/rooms/",
        "rooms",
        "1",
        "42",
        "/verify",
        "?",
        "&",
        "=",
        "#",
        "@",
        ":",
        "evil.example",
        "https:",
        "http://",
        "javascript:",
        "%2f",
        "%5c",
        "%0d%0a",
        "..",
        "/./",
        "\r",
        "\n",
        "\t",
        "\0",
        "\u{1}",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        " ",
        "é",
        "\u{202e}",
        "%",
    ];

    /// Return addresses as attackers build them: from those pieces, from nothing in
    /// particular, and starting like the real thing.
    pub(crate) fn hostile_address() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|p| p.concat()),
            any::<String>(),
            ("(/rooms/|/account/)[0-9a-z]{0,3}", any::<String>())
                .prop_map(|(start, rest)| format!("{start}{rest}")),
            prop::collection::vec(prop::sample::select(PIECES), 0..8)
                .prop_map(|p| format!("/rooms/1{}", p.concat())),
        ]
    }

    /// What a same-site path is: one leading `/`, no backslash or control character,
    /// a valid `Location` header, and resolved against the portal it stays there.
    pub(crate) fn assert_same_site_path(next: &str) -> Result<(), TestCaseError> {
        prop_assert!(next.starts_with('/'), "{next:?}");
        prop_assert!(!next.starts_with("//"), "{next:?}");
        prop_assert!(!next.contains('\\'), "{next:?}");
        prop_assert!(!next.chars().any(char::is_control), "{next:?}");
        prop_assert!(
            actix_web::http::header::HeaderValue::from_str(next).is_ok(),
            "{next:?} is no Location header"
        );
        let portal = url::Url::parse("https://portal.example/").unwrap();
        let resolved = portal.join(next).unwrap();
        prop_assert_eq!(resolved.origin(), portal.origin(), "{:?}", next);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn after_sign_in_only_a_room_of_this_portal_is_returned_to(next in hostile_address()) {
            if let Some(kept) = super::safe_next(&next) {
                prop_assert_eq!(kept, next.as_str());
                assert_same_site_path(kept)?;
                let id = kept["/rooms/".len()..].split(['/', '?']).next().unwrap();
                prop_assert!(!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()));
            }
        }
    }
}
