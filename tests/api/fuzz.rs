//! Fuzzing (issue 15): every POST route of the portal gets thousands of generated bodies,
//! sent by the people whose requests reach its handler. Not one answer may be a 5xx (or a
//! dropped connection), nothing may panic anywhere in the process, and a body refused for
//! its CSRF token writes nothing. The bodies come from a seeded generator: the seed is
//! printed, and `TWOSTEP_FUZZ_SEED=<seed>` replays the same bodies
//! (`TWOSTEP_FUZZ_BODIES=<n>` changes how many each route gets).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use reqwest::cookie::Jar;
use twostep::services::admin::AccountChange;
use twostep::web::state::MAX_BODY_BYTES;

use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, csrf_token, location_of};
use crate::on_each_backend;

/// Generated bodies per route (split between the people who send them).
const BODIES_PER_ROUTE: usize = 150;
/// Requests in flight at once.
const IN_FLIGHT: usize = 16;
/// A person's session is started again every this many bodies, so a body that ends it
/// (signing out, five wrong codes) does not leave the rest of the route unreached.
const BATCH: usize = 300;

/// Who sends a route's bodies: each is the state a handler expects its callers in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    /// Password given, the code step owed (SMS).
    HalfSignedIn,
    /// Phone sign-in: a code texted to a known number.
    PhoneCodeSent,
    /// Phone sign-in: the code right, the password owed.
    PhonePassword,
    /// Phone registration: a code texted to a new number.
    RegisterCodeSent,
    /// Phone registration: the number proved, the details owed.
    RegisterVerified,
    /// Signed in, without 2-step verification.
    SignedIn,
    /// Signed in with an SMS code.
    TwoStep,
    /// A member of the enforced room, signed in.
    RoomMember,
    /// A platform administrator, signed in.
    Admin,
}

use Who::*;

struct Route {
    /// The file that registers it (checked against the source below).
    source: &'static str,
    /// With `{user}`, `{group}`, `{room}`, `{room_group}`, `{application}`, `{api_key}`,
    /// `{device}`, `{session}` or `{any}` where the route takes an id or any path.
    path: &'static str,
    fields: &'static [&'static str],
    who: &'static [Who],
}

const fn route(
    source: &'static str,
    path: &'static str,
    fields: &'static [&'static str],
    who: &'static [Who],
) -> Route {
    Route {
        source,
        path,
        fields,
        who,
    }
}

const LOGIN: &str = "src/web/login/mod.rs";
const REGISTER: &str = "src/web/register/mod.rs";
const REGISTER_PHONE: &str = "src/web/register/phone.rs";
const ACCOUNT: &str = "src/web/account/mod.rs";
const ADMIN: &str = "src/web/admin/mod.rs";
const USERS: &str = "src/web/admin/users.rs";
const IMPORT: &str = "src/web/admin/import.rs";
const BULK: &str = "src/web/admin/bulk.rs";
const GROUPS: &str = "src/web/admin/groups.rs";
const ADMIN_ROOMS: &str = "src/web/admin/rooms.rs";
const OAUTH2: &str = "src/web/oauth2/mod.rs";
const APPLICATIONS: &str = "src/web/admin/applications.rs";
const API_KEYS: &str = "src/web/admin/api_keys.rs";
const CODE: &[&str] = &["code", "with", "trust_device"];
const ROOM_FORM: &[&str] = &["name", "app_url", "enforced", "admins"];
const APPLICATION_FORM: &[&str] = &[
    "name",
    "redirect_uris",
    "post_logout_uris",
    "client_type",
    "require_two_step",
    "room_id",
];
const SETTINGS_FORM: &[&str] = &[
    "two_step",
    "require_for_admins",
    "admins_use_passkeys",
    "new_device_alerts",
    "default_language",
    "trusted_devices",
    "users_choose_session",
    "max_session_days",
    "inactivity_minutes",
    "reminder",
    "open_registration",
    "app_name",
    "sms_countries",
    "phone_sign_in",
    "users_edit_profile",
    "sms_daily_budget",
    "sms_per_number",
    "sms_per_address",
    "sms_per_network",
    "sms_per_country",
    "confirmed",
];

/// Every route that takes a POST, in the order they are fuzzed. The control center's
/// security settings come last: a body they accept changes the platform for the others.
#[rustfmt::skip]
const ROUTES: &[Route] = &[
    route("src/web/setup.rs", "/setup", &["token", "name", "email", "password"], &[Anonymous]),
    route(LOGIN, "/login", &["email", "password", "next"], &[Anonymous, SignedIn]),
    route(LOGIN, "/login/verify", CODE, &[HalfSignedIn, Anonymous]),
    route(LOGIN, "/login/verify/resend", &[], &[HalfSignedIn]),
    route(LOGIN, "/login/verify/passkey", &["credential", "trust_device"], &[HalfSignedIn]),
    route(LOGIN, "/login/passkey", &["credential", "next"], &[Anonymous]),
    route(LOGIN, "/login/recovery", &["recovery_code"], &[HalfSignedIn]),
    route(LOGIN, "/login/temporary-code", &["temporary_code"], &[HalfSignedIn]),
    route(LOGIN, "/login/lost-phone", &[], &[HalfSignedIn]),
    route("src/web/secure_account.rs", "/secure-account", &["token"], &[Anonymous, SignedIn]),
    route("src/web/language.rs", "/language", &["lang", "back"], &[Anonymous, SignedIn]),
    route(LOGIN, "/login/phone", &["phone"], &[Anonymous]),
    route(LOGIN, "/login/phone/verify", CODE, &[PhoneCodeSent]),
    route(LOGIN, "/login/phone/resend", &[], &[PhoneCodeSent]),
    route(LOGIN, "/login/phone/password", &["password"], &[PhonePassword]),
    route(LOGIN, "/login/phone/app", CODE, &[PhonePassword]),
    route(LOGIN, "/logout", &[], &[SignedIn, Anonymous]),
    route(REGISTER, "/register", &["name", "email", "password"], &[Anonymous]),
    route(REGISTER, "/register/confirm", &["token", "password"], &[Anonymous]),
    route(REGISTER_PHONE, "/register/phone", &["phone"], &[Anonymous]),
    route(REGISTER_PHONE, "/register/phone/verify", CODE, &[RegisterCodeSent]),
    route(REGISTER_PHONE, "/register/phone/resend", &[], &[RegisterCodeSent]),
    route(REGISTER_PHONE, "/register/phone/details", &["name", "email"], &[RegisterVerified]),
    route("src/web/password_link.rs", "/password/forgot", &["email"], &[Anonymous]),
    route("src/web/password_link.rs", "/password/set", &["token", "code", "new_password"], &[Anonymous]),
    route("src/web/password_link.rs", "/password/set/code", &["token"], &[Anonymous]),
    route("src/web/invitation.rs", "/invite", &["token", "name", "password"], &[Anonymous]),
    route("src/web/home.rs", "/reminder/dismiss", &[], &[SignedIn]),
    route(OAUTH2, "/oauth2/authorize", &["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method", "prompt", "max_age"], &[Anonymous, SignedIn]),
    route(OAUTH2, "/oauth2/token", &["grant_type", "code", "redirect_uri", "client_id", "client_secret", "code_verifier"], &[Anonymous]),
    route(OAUTH2, "/oauth2/userinfo", &["access_token"], &[Anonymous]),
    route(OAUTH2, "/oauth2/logout", &["id_token_hint", "post_logout_redirect_uri", "state", "client_id"], &[Anonymous, SignedIn]),
    route(OAUTH2, "/oauth2/step-up", &["request"], &[SignedIn]),
    route(OAUTH2, "/oauth2/logout/confirm", &["post_logout_redirect_uri", "state", "client_id"], &[SignedIn]),
    route(ACCOUNT, "/account/profile", &["language"], &[SignedIn]),
    route(ACCOUNT, "/account/profile/phone", &["phone"], &[SignedIn]),
    route(ACCOUNT, "/account/profile/phone/verify", CODE, &[SignedIn]),
    route(ACCOUNT, "/account/profile/phone/resend", &[], &[SignedIn]),
    route(ACCOUNT, "/account/confirm", &["password", "next"], &[SignedIn]),
    route(ACCOUNT, "/account/security/session-duration", &["duration"], &[SignedIn]),
    route(ACCOUNT, "/account/security/devices/remove-all", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/devices/{device}/remove", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/sessions/end-others", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/sessions/{session}/end", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/two-step", &["method"], &[SignedIn]),
    route(ACCOUNT, "/account/security/two-step/later", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/two-step/off", &[], &[TwoStep]),
    route(ACCOUNT, "/account/security/app", CODE, &[SignedIn]),
    route(ACCOUNT, "/account/security/app/remove", &[], &[TwoStep]),
    route(ACCOUNT, "/account/security/passkeys", &["name", "credential"], &[SignedIn]),
    // Any number: a passkey of nobody, or of someone else.
    route(ACCOUNT, "/account/security/passkeys/{device}/remove", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/recovery-codes", &[], &[TwoStep]),
    route(ACCOUNT, "/account/security/recovery-codes/done", &["saved"], &[TwoStep]),
    route(ACCOUNT, "/account/security/sms", &["phone"], &[SignedIn]),
    route(ACCOUNT, "/account/security/sms/verify", CODE, &[SignedIn]),
    route(ACCOUNT, "/account/security/sms/resend", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/sms/use-saved", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/sms/remove", &[], &[TwoStep]),
    route(ACCOUNT, "/account/password", &["current_password", "new_password"], &[SignedIn]),
    route(ACCOUNT, "/account/security/password", CODE, &[SignedIn]),
    route(ACCOUNT, "/account/security/password/send", &[], &[SignedIn]),
    route(ACCOUNT, "/account/security/password/new", &["new_password"], &[SignedIn]),
    route(USERS, "/admin/users/new", &["name", "email", "phone", "group", "admin"], &[Admin]),
    route(USERS, "/admin/users/{user}/password-link", &[], &[Admin]),
    route(USERS, "/admin/users/{user}/temporary-code", &["valid_for"], &[Admin]),
    route(USERS, "/admin/users/{user}/reset", &[], &[Admin]),
    route(USERS, "/admin/users/{user}/sign-out", &[], &[Admin]),
    route(USERS, "/admin/users/{user}/disable", &[], &[Admin]),
    route(USERS, "/admin/users/{user}/enable", &[], &[Admin]),
    route(USERS, "/admin/users/{user}/make-admin", &[], &[Admin]),
    route(USERS, "/admin/users/{user}/remove-admin", &[], &[Admin]),
    route(USERS, "/admin/users/{user}/phone", &["phone"], &[Admin]),
    // The upload is a multipart form; fuzzed urlencoded bodies must be refused as unreadable.
    route(IMPORT, "/admin/users/import", &["file"], &[Admin]),
    route(IMPORT, "/admin/users/import/not-an-upload", &[], &[Admin]),
    route(BULK, "/admin/users/bulk", &["user", "action", "group"], &[Admin]),
    route(BULK, "/admin/users/bulk/apply", &["user", "action", "group"], &[Admin]),
    route(GROUPS, "/admin/groups", &["name"], &[Admin]),
    route(GROUPS, "/admin/groups/{group}/rename", &["name"], &[Admin]),
    route(GROUPS, "/admin/groups/{group}/rule", &["two_step", "methods", "grace_days", "confirmed"], &[Admin]),
    route(GROUPS, "/admin/groups/{group}/members", &["email"], &[Admin]),
    route(GROUPS, "/admin/groups/{group}/members/{user}/remove", &[], &[Admin]),
    route(GROUPS, "/admin/groups/{group}/delete", &[], &[Admin]),
    route(ADMIN_ROOMS, "/admin/rooms/new", ROOM_FORM, &[Admin]),
    route(ADMIN_ROOMS, "/admin/rooms/{room}/edit", ROOM_FORM, &[Admin]),
    route(ADMIN_ROOMS, "/admin/rooms/{room}/groups", &["name"], &[Admin]),
    route(ADMIN_ROOMS, "/admin/rooms/{room}/groups/{room_group}/members", &["email"], &[Admin]),
    route(ADMIN_ROOMS, "/admin/rooms/{room}/rights/{user}?group={room_group}", &["phone"], &[Admin]),
    route(ADMIN_ROOMS, "/admin/rooms/{room}/groups/{room_group}/members/{user}/remove", &[], &[Admin]),
    route(APPLICATIONS, "/admin/applications/new", APPLICATION_FORM, &[Admin]),
    route(APPLICATIONS, "/admin/applications/{application}/edit", APPLICATION_FORM, &[Admin]),
    route(APPLICATIONS, "/admin/applications/{application}/new-secret", &[], &[Admin]),
    route(APPLICATIONS, "/admin/applications/{application}/delete", &[], &[Admin]),
    route(API_KEYS, "/admin/api-keys/new", &["name", "scopes", "expires"], &[Admin]),
    route(API_KEYS, "/admin/api-keys/{api_key}/revoke", &[], &[Admin]),
    route("src/web/rooms.rs", "/rooms/{room}/verify", CODE, &[RoomMember]),
    route("src/web/rooms.rs", "/rooms/{room}/verify/resend", &[], &[RoomMember]),
    // The room's default service: any other path under the room, any method.
    route("src/web/rooms.rs", "/rooms/{room}/{any}", &["rd"], &[RoomMember, Anonymous]),
    // The portal's default service: any path no route has.
    route("src/startup.rs", "/{any}", &[], &[Anonymous, SignedIn]),
    route(ADMIN, "/admin/security", SETTINGS_FORM, &[Admin]),
];

/// What in a file registers a handler that a POST can reach: a POST route, or a default
/// service (which takes every method).
const COUNTED: &[&str] = &["web::post()", "default_service("];
/// What would register one without either: this test could not count those.
const UNCOUNTED: &[&str] = &[
    "web::route()",
    "web::method(",
    "guard::Post",
    "#[post(",
    "#[route(",
];

fn rust_files(dir: &std::path::Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn every_post_route_in_the_source_is_fuzzed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/startup.rs")];
    rust_files(&root.join("src/web"), &mut files);
    // The administration API takes JSON, not forms: `api_v1::hostile_bodies_*` fuzzes it.
    files.retain(|file| !file.starts_with(root.join("src/web/api")));
    let mut missing = Vec::new();
    for file in files {
        // An OPTIONS route (CORS preflights) takes no POST.
        let source = std::fs::read_to_string(&file)
            .unwrap()
            .replace("web::method(Method::OPTIONS)", "");
        let name = file
            .strip_prefix(root)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        for pattern in UNCOUNTED {
            assert!(
                !source.contains(pattern),
                "{name} registers a route with {pattern}, which this test cannot count"
            );
        }
        // `web::to(…)` takes every method; it is only used as a default service.
        for line in source.lines().filter(|l| l.contains("web::to(")) {
            assert!(
                line.contains("default_service("),
                "{name}: a handler for every method outside a default service: {line}"
            );
        }
        let registered: usize = COUNTED.iter().map(|p| source.matches(p).count()).sum();
        let listed = ROUTES.iter().filter(|r| r.source == name).count();
        if registered != listed {
            missing.push(format!(
                "{name}: {registered} POST routes or default services, {listed} in ROUTES"
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "ROUTES does not match the source:\n{}",
        missing.join("\n")
    );
    let mut paths: Vec<&str> = ROUTES.iter().map(|r| r.path).collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), ROUTES.len(), "a route is listed twice");
}

/// Panics anywhere in the process but on a test's own thread (whose panic fails that test
/// anyway): the portal's workers, its background tasks, the blocking pool.
static PANICS: AtomicUsize = AtomicUsize::new(0);
static PANIC_MESSAGES: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let thread = std::thread::current();
            let name = thread.name().unwrap_or("unnamed");
            // libtest names a test's thread after its path (`fuzz::…`).
            if !name.contains("::") {
                PANICS.fetch_add(1, Ordering::SeqCst);
                if let Ok(mut messages) = PANIC_MESSAGES.lock() {
                    messages.push(format!("on thread {name}: {info}"));
                }
            }
            previous(info);
        }));
    });
}

/// The seed of this run: `TWOSTEP_FUZZ_SEED`, or a new one.
fn seed() -> u64 {
    std::env::var("TWOSTEP_FUZZ_SEED")
        .ok()
        .map(|s| s.trim().parse().expect("TWOSTEP_FUZZ_SEED is a number"))
        .unwrap_or_else(|| rand::thread_rng().r#gen())
}

fn bodies_per_route() -> usize {
    std::env::var("TWOSTEP_FUZZ_BODIES")
        .ok()
        .map(|s| s.trim().parse().expect("TWOSTEP_FUZZ_BODIES is a number"))
        .unwrap_or(BODIES_PER_ROUTE)
}

/// One stream of random numbers per route, batch and person, from the seed alone: the
/// same bodies whatever order the requests finish in.
fn rng_for(seed: u64, route: &str, batch: usize, who: Who) -> StdRng {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in route.bytes().chain(batch.to_le_bytes()).chain([who as u8]) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    StdRng::seed_from_u64(seed ^ hash)
}

/// A browser of its own, with its own client address (the portal trusts the loopback
/// proxy), so the per-address limits of one person are not another's.
struct Browser {
    client: reqwest::Client,
    token: String,
    who: Who,
    email: String,
    xff: String,
}

/// What the portal holds for the fuzz: people, groups, a room; ids real and hostile.
struct Fixtures {
    admin_email: String,
    member_email: String,
    admin: i64,
    /// Users the administrator's bodies act on (never the administrator).
    victims: Vec<i64>,
    victim_emails: Vec<String>,
    groups: Vec<i64>,
    room: i64,
    room_group: i64,
    member: i64,
    /// A confidential application tied to the room, and a public one.
    applications: Vec<i64>,
    /// Two API keys to revoke.
    api_keys: Vec<i64>,
    setup_token: String,
    /// `populate` has made the accounts above.
    populated: bool,
    next_person: AtomicUsize,
}

impl Fixtures {
    fn next(&self) -> usize {
        self.next_person.fetch_add(1, Ordering::SeqCst)
    }
}

/// A Swedish mobile number of its own for person `n`.
fn phone_of(n: usize) -> String {
    format!("+4670{:07}", 2_000_000 + n)
}

/// A client address in a network of its own for person `n`.
fn address_of(n: usize) -> String {
    format!("10.{}.{}.7", 1 + n / 250 % 250, n % 250)
}

fn browser_client(jar: Arc<Jar>, xff: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", xff.parse().unwrap());
    reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .timeout(Duration::from_secs(60))
        // Shorter than actix's 5 s keep-alive: a connection the portal is closing is
        // never reused (a request sent on one just then is dropped by the transport, not
        // by the portal).
        .pool_idle_timeout(Duration::from_secs(2))
        .build()
        .unwrap()
}

async fn token_at(app: &TestApp, client: &reqwest::Client, page: &str) -> String {
    let mut response = client.get(app.url(page)).send().await.unwrap();
    // A person the fuzzed settings now hold to 2-step verification is sent to set it up
    // first: the token (one per session) is on that page as well.
    if response.status() == reqwest::StatusCode::SEE_OTHER
        && let Some(next) = location_of(&response)
    {
        response = client.get(app.url(&next)).send().await.unwrap();
    }
    let status = response.status();
    let html = response.text().await.unwrap();
    assert!(
        html.contains("name=\"csrf_token\""),
        "{page} answered {status} without a form"
    );
    csrf_token(&html)
}

async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let token = token_at(app, client, page).await;
    let mut form = vec![("csrf_token", token.as_str())];
    form.extend_from_slice(fields);
    client
        .post(app.url(action))
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn new_user(app: &TestApp, email: &str, admin: bool) -> i64 {
    app.kit()
        .create_user(email, "Fuzz Person", GOOD_PASSWORD, admin)
        .await
}

/// A verified number: SMS 2-step verification on with it, or the profile's (a text each).
async fn verified_phone(app: &TestApp, id: i64, phone: &str, sms_on: bool) {
    if sms_on {
        app.kit().turn_on_sms(id, phone).await;
    } else {
        app.kit().verify_profile_phone(id, phone).await;
    }
}

/// The newest code texted to `phone`, once it arrives (texts go out in the background).
async fn code_to(app: &TestApp, phone: &str, before: usize) -> String {
    for _ in 0..200 {
        if app.sms.count_to(phone) > before {
            return app.sms.last_code_to(phone);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no code texted to {phone}");
}

async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str) -> reqwest::Response {
    post_form(
        app,
        client,
        "/login",
        "/login",
        &[("email", email), ("password", GOOD_PASSWORD)],
    )
    .await
}

/// A browser in the state `who` names, with the CSRF token its pages carry.
async fn person(app: &TestApp, fx: &Fixtures, who: Who) -> Browser {
    let n = fx.next();
    let xff = address_of(n);
    let client = browser_client(Arc::new(Jar::default()), &xff);
    let phone = phone_of(n);
    let mut email = format!("person{n}@fuzz.example");
    let page = match who {
        Anonymous => "/login",
        HalfSignedIn => {
            let id = new_user(app, &email, false).await;
            verified_phone(app, id, &phone, true).await;
            let answer = sign_in(app, &client, &email).await;
            assert_eq!(location_of(&answer).as_deref(), Some("/login/verify"));
            "/login/verify"
        }
        PhoneCodeSent | PhonePassword => {
            let id = new_user(app, &email, false).await;
            // With 2-step verification on, the code is followed by the password.
            verified_phone(app, id, &phone, who == PhonePassword).await;
            let texts = app.sms.count_to(&phone);
            let answer = post_form(
                app,
                &client,
                "/login/phone",
                "/login/phone",
                &[("phone", &phone)],
            )
            .await;
            assert_eq!(location_of(&answer).as_deref(), Some("/login/phone/verify"));
            if who == PhoneCodeSent {
                "/login/phone/verify"
            } else {
                let code = code_to(app, &phone, texts).await;
                let answer = post_form(
                    app,
                    &client,
                    "/login/phone/verify",
                    "/login/phone/verify",
                    &[("code", &code)],
                )
                .await;
                assert_eq!(
                    location_of(&answer).as_deref(),
                    Some("/login/phone/password")
                );
                "/login/phone/password"
            }
        }
        RegisterCodeSent | RegisterVerified => {
            let path = "/register/phone";
            let answer = post_form(app, &client, path, path, &[("phone", &phone)]).await;
            assert_eq!(
                location_of(&answer).as_deref(),
                Some("/register/phone/verify")
            );
            if who == RegisterCodeSent {
                "/register/phone/verify"
            } else {
                let code = code_to(app, &phone, 0).await;
                let verify = "/register/phone/verify";
                let answer = post_form(app, &client, verify, verify, &[("code", &code)]).await;
                assert_eq!(
                    location_of(&answer).as_deref(),
                    Some("/register/phone/details")
                );
                "/register/phone/details"
            }
        }
        SignedIn | TwoStep | RoomMember | Admin => {
            if who == RoomMember {
                email.clone_from(&fx.member_email);
            } else if who == Admin {
                email.clone_from(&fx.admin_email);
                // The bodies before may have taken the role from the administrator (an
                // administrator may step down once the bodies made another): each batch
                // starts from one.
                app.kit()
                    .change_account(fx.admin, AccountChange::MakeAdmin)
                    .await;
            } else {
                let id = new_user(app, &email, false).await;
                if who == TwoStep {
                    verified_phone(app, id, &phone, true).await;
                }
            }
            let texts = app.sms.count_to(&phone);
            let answer = sign_in(app, &client, &email).await;
            if who == TwoStep {
                assert_eq!(location_of(&answer).as_deref(), Some("/login/verify"));
                let code = code_to(app, &phone, texts).await;
                let verify = "/login/verify";
                let answer = post_form(app, &client, verify, verify, &[("code", &code)]).await;
                assert_eq!(location_of(&answer).as_deref(), Some("/"));
            } else {
                assert_eq!(location_of(&answer).as_deref(), Some("/"), "{email}");
            }
            "/account/security"
        }
    };
    let token = token_at(app, &client, page).await;
    Browser {
        client,
        token,
        who,
        email,
        xff,
    }
}

/// The public id of another session of the same person: one more browser signs in.
async fn another_session(app: &TestApp, browser: &Browser, fx: &Fixtures) -> String {
    let address = address_of(fx.next());
    let other = browser_client(Arc::new(Jar::default()), &address);
    sign_in(app, &other, &browser.email).await;
    sqlx::query_scalar(
        "SELECT s.public_id FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE u.email = $1 AND s.ip = $2",
    )
    .bind(&browser.email)
    .bind(&address)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

/// Ids no route should take: not numbers, out of range, or of nothing.
const HOSTILE_IDS: &[&str] = &[
    "0",
    "-1",
    "999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e3",
    "0x10",
    "1.5",
    "+1",
    "%20",
    "%00",
    "%2e%2e",
    "..",
    "1%2F2",
    "%FF",
    "%C3%28",
    "abc",
    "%D9%A1",
    "null",
    "%27%20OR%201%3D1",
    "000000000000000000000000000000001",
];

/// Values worth trying in any field: what the forms expect, and what they should refuse.
fn pool(fx: &Fixtures, browser: &Browser) -> Vec<String> {
    let mut values: Vec<String> = [
        GOOD_PASSWORD,
        "yes",
        "on",
        "true",
        "1",
        "sms",
        "app",
        "off",
        "optional",
        "required",
        "not_available",
        "never",
        "30",
        "7",
        "123456",
        "000000",
        "12 34 56",
        "7KQM-2XHD-9RTF",
        "+46701234567",
        "+46 70-123 45 67",
        "+1 201 555 0123",
        "+44 909 879 0000",
        "+999",
        "SE",
        "se,no,XX",
        "https://app.example/deal",
        "http://[::1]:8080/",
        "javascript:alert(1)",
        "/rooms/1",
        "/rooms/1\u{1}",
        "/rooms/1\t",
        "/rooms/1\u{7f}",
        "//evil.example",
        "/account/security",
        "/account/../admin",
        "ada@example.com",
        "not an email",
        "a@b",
        "Robert'); DROP TABLE users;--",
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        "${jndi:ldap://x}",
        "\r\nSet-Cookie: x=1",
        "\u{202e}gnp.exe",
        "\u{feff}",
        "𝕬𝖉𝖆 🤖",
        "",
        " ",
    ]
    .iter()
    .map(|v| (*v).to_owned())
    .collect();
    values.push(browser.email.clone());
    // The fixtures' addresses once their accounts exist: before that, a body of the setup
    // link's that took one (its first administrator's) left `populate` without it.
    if fx.populated {
        values.push(fx.admin_email.clone());
        values.push(fx.member_email.clone());
    }
    values.extend(fx.victim_emails.iter().cloned());
    values.extend(fx.victims.iter().map(i64::to_string));
    values.extend(fx.groups.iter().map(i64::to_string));
    values.push(fx.setup_token.clone());
    values.push(browser.token.clone());
    values
}

/// Characters from every corner: controls, bidi, combining, wide, astral.
fn random_char(rng: &mut StdRng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x20, 0x7e),
        (0x00, 0x1f),
        (0x7f, 0x9f),
        (0xa0, 0x2ff),
        (0x300, 0x36f),
        (0x590, 0x6ff),
        (0x2000, 0x206f),
        (0xfe00, 0xffff),
        (0x1_f300, 0x1_faff),
        (0xe_0000, 0xe_007f),
        (0x10_fff0, 0x10_ffff),
    ];
    let (low, high) = *ranges.choose(rng).unwrap();
    char::from_u32(rng.gen_range(low..=high)).unwrap_or('\u{fffd}')
}

fn random_text(rng: &mut StdRng, max: usize) -> String {
    let len = rng.gen_range(0..=max);
    if rng.gen_bool(0.5) {
        (0..len)
            .map(|_| rng.gen_range(0x20u8..0x7f) as char)
            .collect()
    } else {
        (0..len).map(|_| random_char(rng)).collect()
    }
}

/// Lengths around the body limit, and the small ones forms take.
fn a_length(rng: &mut StdRng) -> usize {
    *[
        0,
        1,
        63,
        64,
        65,
        255,
        1024,
        4096,
        MAX_BODY_BYTES - 200,
        MAX_BODY_BYTES - 1,
        MAX_BODY_BYTES,
        MAX_BODY_BYTES + 1,
        2 * MAX_BODY_BYTES,
    ]
    .choose(rng)
    .unwrap()
}

/// What a form expects in `field`, often enough that the bodies reach past validation.
fn favourites(field: &str, fx: &Fixtures, browser: &Browser) -> Vec<String> {
    let mut emails = fx.victim_emails.clone();
    emails.push(browser.email.clone());
    let strings = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect();
    match field {
        "token" => vec![fx.setup_token.clone()],
        "email" => emails,
        "password" | "current_password" | "new_password" => strings(&[GOOD_PASSWORD]),
        "code" => strings(&["123456", "000000", "999 999"]),
        "recovery_code" => strings(&["7KQM-2XHD-9RTF", "0000-0000-0000"]),
        "temporary_code" => strings(&["7KQM-2XHD-9RTF-B4NW", "0000-0000-0000-0000"]),
        "valid_for" => strings(&["1", "8", "24"]),
        "phone" => vec![phone_of(fx.next()), "+46 70-555 00 01".into()],
        "next" | "rd" => vec![
            format!("/rooms/{}", fx.room),
            format!("/rooms/{}/app\u{1}", fx.room),
            "/account/security/sms".into(),
        ],
        "with" => strings(&["sms", "app"]),
        "method" => strings(&["sms", "app"]),
        "duration" => strings(&["browser", "30", "never"]),
        "two_step" => strings(&["off", "optional", "required", "not_available", "inherit"]),
        "app_url" => strings(&["https://app.example/deal/x", "http://[::1]:0/"]),
        "redirect_uris" | "post_logout_uris" => strings(&[
            "https://crm.example/cb",
            "http://localhost:3000/cb\r\nhttps://crm.example/cb?x=1",
            "https://crm.example/cb#x",
            "http://[::1]:8080/cb",
        ]),
        "client_type" => strings(&["confidential", "public"]),
        "require_two_step" => strings(&["yes"]),
        "room_id" => vec![fx.room.to_string(), String::new(), "999999".into()],
        _ => Vec::new(),
    }
}

fn a_field_value(
    rng: &mut StdRng,
    field: &str,
    pool: &[String],
    fx: &Fixtures,
    browser: &Browser,
) -> String {
    let favourites = favourites(field, fx, browser);
    if !favourites.is_empty() && rng.gen_bool(0.35) {
        return favourites.choose(rng).unwrap().clone();
    }
    a_value(rng, pool)
}

fn a_value(rng: &mut StdRng, pool: &[String]) -> String {
    match rng.gen_range(0..10) {
        0..=2 => pool.choose(rng).unwrap().clone(),
        3 => random_text(rng, 40),
        4 => random_text(rng, 300),
        5 => {
            let unit = random_text(rng, 3);
            let unit = if unit.is_empty() { "x".into() } else { unit };
            unit.repeat(a_length(rng) / unit.len().max(1) / 2 + 1)
        }
        6 => [
            "-1",
            "0",
            "-0",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551616",
            "1e309",
            "NaN",
            "inf",
            "0x1f",
            "1.5",
            " 7 ",
            "٣",
            "７",
        ]
        .choose(rng)
        .unwrap()
        .to_string(),
        7 => {
            let digits = rng.gen_range(0..20);
            let mut s = if rng.gen_bool(0.5) {
                "+".to_owned()
            } else {
                String::new()
            };
            for _ in 0..digits {
                s.push(*b"0123456789 -()".choose(rng).unwrap() as char);
            }
            s
        }
        8 => {
            let base = pool.choose(rng).unwrap().clone();
            let mut chars: Vec<char> = base.chars().collect();
            for _ in 0..rng.gen_range(1..4) {
                let at = rng.gen_range(0..=chars.len());
                chars.insert(at, random_char(rng));
            }
            chars.into_iter().collect()
        }
        _ => String::new(),
    }
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Percent-encodings, well and badly formed: invalid UTF-8, truncated escapes, NUL.
fn percent_soup(rng: &mut StdRng) -> String {
    let pieces = [
        "%",
        "%%",
        "%G1",
        "%1",
        "%FF",
        "%FE",
        "%C3%28",
        "%E2%82",
        "%F0%9F%98%80",
        "%ED%A0%80",
        "%00",
        "%0D%0A",
        "%26",
        "%3D",
        "%3B",
        "+",
        "%2B",
        "%C0%AF",
        "%E2%80%AE",
        "a",
        "%7F",
    ];
    (0..rng.gen_range(0..30))
        .map(|_| *pieces.choose(rng).unwrap())
        .collect()
}

struct Body {
    kind: &'static str,
    path: String,
    content_type: Option<&'static str>,
    header_token: Option<String>,
    xff: Option<String>,
    bytes: Vec<u8>,
    /// Sent without a valid token: must be refused and write nothing.
    without_token: bool,
}

fn path_for(route: &Route, rng: &mut StdRng, ids: &Ids) -> String {
    let mut path = route.path.to_owned();
    for (name, real) in [
        ("{user}", &ids.users),
        ("{group}", &ids.groups),
        ("{room}", &ids.rooms),
        ("{room_group}", &ids.room_groups),
        ("{application}", &ids.applications),
        ("{api_key}", &ids.api_keys),
        ("{device}", &ids.devices),
        ("{session}", &ids.sessions),
    ] {
        if path.contains(name) {
            let id = if rng.gen_bool(0.75) && !real.is_empty() {
                real.choose(rng).unwrap().clone()
            } else {
                (*HOSTILE_IDS.choose(rng).unwrap()).to_owned()
            };
            path = path.replace(name, &id);
        }
    }
    if path.contains("{any}") {
        let any = [
            "app",
            "app/report.pdf",
            "no-such-page",
            "a/b/c/d/e",
            "%FF",
            "..%2F..%2Fadmin",
            "verify/",
            "x.php",
        ];
        path = path.replace("{any}", any.choose(rng).unwrap());
    }
    if rng.gen_bool(0.1) {
        let queries = [
            "rd=https%3A%2F%2Fapp.example%2Fdeal%2Fx",
            "rd=https%3A%2F%2Fevil.example%2F",
            "rd=%2F%2Fevil.example",
            "next=%2Frooms%2F1",
            "with=app",
            "with=%FF",
            "a=1&a=2",
            "%",
            "token=%00",
        ];
        path.push(if path.contains('?') { '&' } else { '?' });
        path.push_str(queries.choose(rng).unwrap());
    }
    path
}

/// Real ids to put in paths, as strings.
#[derive(Default)]
struct Ids {
    users: Vec<String>,
    groups: Vec<String>,
    rooms: Vec<String>,
    room_groups: Vec<String>,
    applications: Vec<String>,
    api_keys: Vec<String>,
    devices: Vec<String>,
    sessions: Vec<String>,
}

fn join_pairs(pairs: &[(String, String)], rng: &mut StdRng, soup: bool) -> Vec<u8> {
    let mut body = String::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            let separator = if soup {
                *["&", ";", "&&", ";&", "&;", "&=&", ";;", "&&&&"]
                    .choose(rng)
                    .unwrap()
            } else {
                "&"
            };
            body.push_str(separator);
        }
        body.push_str(name);
        if !(soup && rng.gen_bool(0.2)) {
            body.push('=');
        }
        body.push_str(value);
    }
    body.into_bytes()
}

fn generate(
    rng: &mut StdRng,
    route: &Route,
    fx: &Fixtures,
    browser: &Browser,
    pool: &[String],
    ids: &Ids,
) -> Body {
    let fields: Vec<&str> = if route.fields.is_empty() {
        vec!["x"]
    } else {
        route.fields.to_vec()
    };
    let token = browser.token.clone();
    let real_pairs = |rng: &mut StdRng| -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for field in &fields {
            if rng.gen_bool(0.8) {
                pairs.push((
                    (*field).to_owned(),
                    encode(&a_field_value(rng, field, pool, fx, browser)),
                ));
            }
        }
        pairs.shuffle(rng);
        pairs
    };
    let with_token = |rng: &mut StdRng, mut pairs: Vec<(String, String)>| {
        let at = rng.gen_range(0..=pairs.len());
        pairs.insert(at, ("csrf_token".into(), token.clone()));
        pairs
    };
    let form = Some("application/x-www-form-urlencoded");
    let mut body = Body {
        kind: "",
        path: path_for(route, rng, ids),
        content_type: form,
        header_token: None,
        xff: None,
        bytes: Vec::new(),
        without_token: false,
    };
    match rng.gen_range(0..100) {
        0..=29 => {
            body.kind = "real fields";
            let pairs = real_pairs(rng);
            body.bytes = join_pairs(&with_token(rng, pairs), rng, false);
        }
        30..=37 => {
            body.kind = "random field names";
            let mut pairs = real_pairs(rng);
            for _ in 0..rng.gen_range(1..8) {
                let name = match rng.gen_range(0..4) {
                    0 => encode(&random_text(rng, 12)),
                    1 => percent_soup(rng),
                    2 => format!("{}[]", fields.choose(rng).unwrap()),
                    _ => encode(&format!(
                        "{}{}",
                        fields.choose(rng).unwrap(),
                        random_char(rng)
                    )),
                };
                pairs.push((name, encode(&a_value(rng, pool))));
            }
            pairs.shuffle(rng);
            body.bytes = join_pairs(&with_token(rng, pairs), rng, false);
        }
        38..=45 => {
            body.kind = "duplicate fields";
            let mut pairs = Vec::new();
            for field in &fields {
                for _ in 0..rng.gen_range(1..5) {
                    let value = a_field_value(rng, field, pool, fx, browser);
                    pairs.push(((*field).to_owned(), encode(&value)));
                }
            }
            if rng.gen_bool(0.3) {
                pairs.push(("csrf_token".into(), encode(&a_value(rng, pool))));
            }
            pairs.shuffle(rng);
            body.bytes = join_pairs(&with_token(rng, pairs), rng, false);
        }
        46..=51 => {
            body.kind = "long value";
            let mut pairs = real_pairs(rng);
            let unit = encode(&random_text(rng, 2));
            let unit = if unit.is_empty() {
                "a".to_owned()
            } else {
                unit
            };
            let long = unit.repeat(a_length(rng) / unit.len() + 1);
            pairs.push(((*fields.choose(rng).unwrap()).to_owned(), long));
            body.bytes = join_pairs(&with_token(rng, pairs), rng, false);
        }
        52..=56 => {
            body.kind = "random bytes";
            let mut bytes = format!("csrf_token={token}&").into_bytes();
            let len = rng.gen_range(0..2000);
            bytes.extend((0..len).map(|_| rng.r#gen::<u8>()));
            body.bytes = bytes;
        }
        57..=62 => {
            body.kind = "percent soup";
            let mut pairs = vec![((*fields.choose(rng).unwrap()).to_owned(), percent_soup(rng))];
            if rng.gen_bool(0.5) {
                pairs.push((percent_soup(rng), percent_soup(rng)));
            }
            body.bytes = join_pairs(&with_token(rng, pairs), rng, false);
        }
        63..=66 => {
            body.kind = "invalid UTF-8";
            let mut bytes =
                format!("csrf_token={token}&{}=", fields.choose(rng).unwrap()).into_bytes();
            let bad: &[&[u8]] = &[
                b"\xff\xfe",
                b"\xc3\x28",
                b"\xed\xa0\x80",
                b"\xf8\x88\x80\x80\x80",
                b"\xe2\x82",
            ];
            bytes.extend_from_slice(bad.choose(rng).unwrap());
            body.bytes = bytes;
        }
        67..=72 => {
            body.kind = "missing CSRF";
            let pairs = real_pairs(rng);
            body.bytes = join_pairs(&pairs, rng, false);
            body.without_token = true;
        }
        73..=75 => {
            body.kind = "wrong CSRF";
            let wrong = match rng.gen_range(0..4) {
                0 => String::new(),
                1 => format!("{token}0"),
                2 => token.chars().rev().collect(),
                _ => hex::encode(rng.r#gen::<[u8; 32]>()),
            };
            let mut pairs = real_pairs(rng);
            pairs.push(("csrf_token".into(), wrong.clone()));
            body.bytes = join_pairs(&pairs, rng, false);
            if rng.gen_bool(0.3) {
                body.header_token = Some(wrong);
            }
            body.without_token = true;
        }
        76..=81 => {
            body.kind = "wrong content type";
            let pairs = real_pairs(rng);
            body.bytes = join_pairs(&with_token(rng, pairs), rng, false);
            body.header_token = Some(token);
            body.content_type = *[
                None,
                Some("text/plain"),
                Some("application/octet-stream"),
                Some("application/x-www-form-urlencoded; charset=utf-16"),
                Some("application/x-www-form-urlencodedx"),
                Some("multipart/form-data"),
                Some("text/html; charset=utf-8"),
                Some("*/*"),
                Some(";;;"),
            ]
            .choose(rng)
            .unwrap();
        }
        82..=86 => {
            body.kind = "JSON";
            let mut object = serde_json::Map::new();
            for field in &fields {
                let value = match rng.gen_range(0..6) {
                    0 => serde_json::Value::from(a_value(rng, pool)),
                    1 => serde_json::Value::from(rng.r#gen::<i64>()),
                    2 => serde_json::Value::Null,
                    3 => serde_json::json!([a_value(rng, pool), 1, null]),
                    4 => serde_json::json!({ "nested": a_value(rng, pool) }),
                    _ => serde_json::Value::from(rng.gen_bool(0.5)),
                };
                object.insert((*field).to_owned(), value);
            }
            object.insert("csrf_token".into(), token.clone().into());
            body.bytes = serde_json::to_vec(&object).unwrap();
            body.header_token = Some(token);
            body.content_type = Some("application/json");
        }
        87..=92 => {
            body.kind = "; and & soup";
            let mut pairs = real_pairs(rng);
            for _ in 0..rng.gen_range(0..6) {
                pairs.push((String::new(), String::new()));
            }
            pairs.shuffle(rng);
            body.bytes = join_pairs(&with_token(rng, pairs), rng, true);
            if rng.gen_bool(0.5) {
                body.header_token = Some(token);
            }
        }
        93..=95 => {
            body.kind = "empty";
            body.header_token = Some(token);
            if rng.gen_bool(0.5) {
                body.content_type = None;
            }
        }
        _ => {
            body.kind = "multipart";
            let mut text = String::new();
            let pairs = real_pairs(rng);
            for (name, value) in with_token(rng, pairs) {
                text.push_str(&format!(
                    "--b\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                ));
            }
            text.push_str("--b--\r\n");
            body.bytes = text.into_bytes();
            body.header_token = Some(token);
            body.content_type = Some("multipart/form-data; boundary=b");
        }
    }
    if rng.gen_bool(0.05) {
        // What a header can carry: visible ASCII.
        let visible = |rng: &mut StdRng, max| -> String {
            random_text(rng, max)
                .chars()
                .filter(|c| (' '..='~').contains(c))
                .collect()
        };
        body.xff = Some(match rng.gen_range(0..4) {
            0 => format!("{}, {}", visible(rng, 20), browser.xff),
            1 => "::ffff:127.0.0.1, , ,,".to_owned(),
            2 => visible(rng, 60),
            _ => format!(
                "{}.{}.{}.{}",
                rng.r#gen::<u8>(),
                rng.r#gen::<u8>(),
                rng.r#gen::<u8>(),
                rng.r#gen::<u8>()
            ),
        });
    }
    body
}

/// What one request answered.
struct Answer {
    route: &'static str,
    who: Who,
    status: Option<u16>,
    error: Option<String>,
    /// Refused before any handler: the CSRF check, the body limit, text that is no text.
    refused_at_the_door: bool,
    kind: &'static str,
    path: String,
    preview: String,
}

fn preview(body: &Body) -> String {
    let shown: String = String::from_utf8_lossy(&body.bytes[..body.bytes.len().min(300)])
        .escape_debug()
        .collect();
    format!(
        "{} bytes, {:?}, token header {}, XFF {:?}: {shown}",
        body.bytes.len(),
        body.content_type,
        body.header_token.is_some(),
        body.xff
    )
}

async fn send(app: &TestApp, browser: &Browser, route: &'static Route, body: Body) -> Answer {
    let mut request = browser.client.post(app.url(&body.path));
    if let Some(content_type) = body.content_type {
        request = request.header("content-type", content_type);
    }
    if let Some(token) = &body.header_token {
        request = request.header("x-csrf-token", token);
    }
    if let Some(xff) = &body.xff {
        request = request.header("x-forwarded-for", xff);
    }
    let preview = preview(&body);
    let mut answer = Answer {
        route: route.path,
        who: browser.who,
        status: None,
        error: None,
        refused_at_the_door: false,
        kind: body.kind,
        path: body.path,
        preview,
    };
    match request.body(body.bytes).send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            let text = response.text().await.unwrap_or_default();
            answer.status = Some(status);
            answer.refused_at_the_door = status == 413
                || (status == 403 && text.contains("This form has expired"))
                || (status == 400 && text.contains("characters that cannot be used"));
        }
        Err(err) => answer.error = Some(format!("{err:?}")),
    }
    answer
}

/// Rows a refused request must not add to.
const TABLES: &[&str] = &[
    "audit_events",
    "users",
    "user_groups",
    "group_members",
    "rooms",
    "room_groups",
    "room_members",
    "room_phones",
    "outbox",
    "sms_sends",
    "sms_challenges",
    "password_links",
    "registration_requests",
    "login_failures",
    "recovery_codes",
    "trusted_devices",
    "applications",
    "api_keys",
];

async fn row_counts(app: &TestApp) -> BTreeMap<&'static str, i64> {
    let mut counts = BTreeMap::new();
    for table in TABLES {
        let count: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        counts.insert(*table, count);
    }
    counts
}

/// The portal before anyone exists: the settings the fuzz needs, and the setup link.
async fn empty_portal(app: &TestApp) -> Fixtures {
    // Phone sign-in and registration on, the control center open without a code, and SMS
    // limits far above what the fuzz's own people need (its bodies still meet them).
    app.kit()
        .set_platform(|s| {
            s.phone_sign_in = true;
            s.open_registration = true;
            s.require_for_admins = false;
            s.sms_limits.daily_budget = 1_000_000;
            s.sms_limits.per_country = 1_000_000;
        })
        .await;
    let setup_token = app
        .setup_link
        .as_deref()
        .and_then(|link| link.split("token=").nth(1))
        .expect("a setup link on an empty portal")
        .to_owned();
    Fixtures {
        admin_email: "admin@fuzz.example".into(),
        member_email: "member@fuzz.example".into(),
        admin: 0,
        victims: Vec::new(),
        victim_emails: Vec::new(),
        groups: Vec::new(),
        room: 0,
        room_group: 0,
        member: 0,
        applications: Vec::new(),
        api_keys: Vec::new(),
        setup_token,
        populated: false,
        next_person: AtomicUsize::new(1),
    }
}

/// The id in a redirect's address, after `after`.
fn id_in(response: &reqwest::Response, after: &str) -> i64 {
    let location = location_of(response).expect("a redirect");
    location
        .split(after)
        .nth(1)
        .and_then(|rest| rest.split(['?', '&', '/']).next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id after {after} in {location}"))
}

/// An administrator, users for them to act on, two groups, and an enforced room whose
/// member has a number set.
async fn populate(app: &TestApp, fx: &mut Fixtures) {
    fx.admin = new_user(app, &fx.admin_email, true).await;
    for i in 0..4 {
        let email = format!("victim{i}@fuzz.example");
        fx.victims.push(new_user(app, &email, false).await);
        fx.victim_emails.push(email);
    }
    fx.member = new_user(app, &fx.member_email, false).await;
    let admin = person(app, fx, Admin).await;
    let post = async |page: &str, action: &str, fields: &[(&str, &str)]| {
        post_form(app, &admin.client, page, action, fields).await
    };
    for name in ["Fuzzers", "Others"] {
        let created = post("/admin/groups", "/admin/groups", &[("name", name)]).await;
        let group = id_in(&created, "/admin/groups/");
        let page = format!("/admin/groups/{group}");
        let members = format!("{page}/members");
        post(&page, &members, &[("email", "victim0@fuzz.example")]).await;
        fx.groups.push(group);
    }
    let created = post(
        "/admin/rooms/new",
        "/admin/rooms/new",
        &[
            ("name", "Deal"),
            ("app_url", "https://app.example/deal"),
            ("enforced", "yes"),
            ("admins", ""),
        ],
    )
    .await;
    fx.room = id_in(&created, "/admin/rooms/");
    let page = format!("/admin/rooms/{}", fx.room);
    let created = post(&page, &format!("{page}/groups"), &[("name", "Buyers")]).await;
    fx.room_group = id_in(&created, "group=");
    let rights = format!("{page}/rights?group={}", fx.room_group);
    let members = format!("{page}/groups/{}/members", fx.room_group);
    post(&rights, &members, &[("email", &fx.member_email)]).await;
    let member_rights = format!("{page}/rights/{}?group={}", fx.member, fx.room_group);
    let set = post(
        &member_rights,
        &member_rights,
        &[("phone", "+46 70-555 00 01")],
    )
    .await;
    assert!(
        location_of(&set).is_some_and(|l| l.contains("done=phone")),
        "the member's room number is set"
    );
    let room = fx.room.to_string();
    for (name, client_type, room) in [
        ("CRM", "confidential", room.as_str()),
        ("Mobile", "public", ""),
    ] {
        let new = "/admin/applications/new";
        let fields = [
            ("name", name),
            ("redirect_uris", "https://crm.example/cb"),
            ("client_type", client_type),
            ("room_id", room),
        ];
        let added = post(new, new, &fields).await;
        assert_eq!(added.status().as_u16(), 200, "{name} is added");
    }
    fx.applications = sqlx::query_scalar("SELECT id FROM applications ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    for name in ["deploy-bot", "reporter"] {
        let new = "/admin/api-keys/new";
        let fields = [
            ("name", name),
            ("scopes", "users:read"),
            ("expires", "never"),
        ];
        let created = post(new, new, &fields).await;
        assert_eq!(created.status().as_u16(), 200, "{name} is created");
    }
    fx.api_keys = sqlx::query_scalar("SELECT id FROM api_keys ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    fx.populated = true;
}

/// The ids a route's paths take for this browser: the fixtures' and its own.
async fn ids_for(app: &TestApp, fx: &Fixtures, route: &Route, browser: &Browser) -> Ids {
    let strings = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>();
    let mut ids = Ids {
        users: strings(&fx.victims),
        groups: strings(&fx.groups),
        rooms: vec![fx.room.to_string()],
        room_groups: vec![fx.room_group.to_string()],
        applications: strings(&fx.applications),
        api_keys: strings(&fx.api_keys),
        ..Ids::default()
    };
    if route.path.contains("/rights/{user}") {
        ids.users = vec![fx.member.to_string()];
    }
    if route.path.contains("{session}") {
        ids.sessions = vec![another_session(app, browser, fx).await];
    }
    if route.path.contains("{device}") {
        ids.devices = sqlx::query_scalar::<_, i64>("SELECT id FROM trusted_devices")
            .fetch_all(&app.db.pool)
            .await
            .unwrap()
            .iter()
            .map(i64::to_string)
            .collect();
        ids.devices.push("1".into());
    }
    ids
}

/// Sends a route its bodies, batch by batch, each batch from a person in a fresh session;
/// prints what it answered.
async fn fuzz_route(
    app: &TestApp,
    fx: &Fixtures,
    route: &'static Route,
    seed: u64,
    per_route: usize,
) -> Vec<Answer> {
    let started = Instant::now();
    let share = (per_route / route.who.len()).clamp(1, BATCH);
    let mut answers: Vec<Answer> = Vec::new();
    let mut batch = 0;
    while answers.len() < per_route {
        for &who in route.who {
            let browser = person(app, fx, who).await;
            let ids = ids_for(app, fx, route, &browser).await;
            let pool = pool(fx, &browser);
            let mut rng = rng_for(seed, route.path, batch, who);
            let bodies: Vec<Body> = (0..share)
                .map(|_| generate(&mut rng, route, fx, &browser, &pool, &ids))
                .collect();
            let batch_answers: Vec<Answer> = stream::iter(bodies)
                .map(|body| send(app, &browser, route, body))
                .buffer_unordered(IN_FLIGHT)
                .collect()
                .await;
            answers.extend(batch_answers);
        }
        batch += 1;
    }
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    for answer in &answers {
        let key = answer
            .status
            .map_or_else(|| "error".to_owned(), |s| s.to_string());
        *statuses.entry(key).or_default() += 1;
    }
    eprintln!(
        "  POST {:<48} {:>5.1}s {statuses:?}",
        route.path,
        started.elapsed().as_secs_f64()
    );
    answers
}

/// Row counts once two readings a moment apart agree (the background workers are idle).
async fn settled_row_counts(app: &TestApp) -> BTreeMap<&'static str, i64> {
    let mut counts = row_counts(app).await;
    loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let again = row_counts(app).await;
        if again == counts {
            return counts;
        }
        counts = again;
    }
}

/// Bodies without a valid token, from one person of each kind, alone on the portal: each
/// refused before any handler, and not one row written.
async fn refuse_without_token(app: &TestApp, fx: &Fixtures, seed: u64) -> Vec<Answer> {
    let mut people = BTreeMap::new();
    for who in ROUTES.iter().flat_map(|r| r.who) {
        if !people.contains_key(who) {
            people.insert(*who, person(app, fx, *who).await);
        }
    }
    let mut work = Vec::new();
    // The OpenID Connect endpoints applications post to take no token of ours (their own
    // tests refuse what they must: tests/api/oidc/).
    let cross_site = |route: &Route| twostep::web::oauth2::CROSS_SITE_POSTS.contains(&route.path);
    for route in ROUTES.iter().filter(|r| !cross_site(r)) {
        for who in route.who {
            let browser = &people[who];
            let ids = ids_for(app, fx, route, browser).await;
            let pool = pool(fx, browser);
            let mut rng = rng_for(seed, route.path, usize::MAX, *who);
            let mut bodies = 0;
            while bodies < 20 {
                let body = generate(&mut rng, route, fx, browser, &pool, &ids);
                if body.without_token {
                    work.push((browser, route, body));
                    bodies += 1;
                }
            }
        }
    }
    let before = settled_row_counts(app).await;
    let answers: Vec<Answer> = stream::iter(work)
        .map(|(browser, route, body)| send(app, browser, route, body))
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await;
    let after = settled_row_counts(app).await;
    let let_through: Vec<String> = answers
        .iter()
        .filter(|a| !a.refused_at_the_door)
        .take(10)
        .map(|a| {
            format!(
                "POST {} as {:?} ({}): {:?} {:?}\n    {}",
                a.path, a.who, a.kind, a.status, a.error, a.preview
            )
        })
        .collect();
    assert!(
        let_through.is_empty(),
        "bodies without a valid CSRF token got past it (seed {seed}):\n{}",
        let_through.join("\n")
    );
    assert_eq!(
        before, after,
        "bodies without a valid CSRF token wrote rows (seed {seed})"
    );
    eprintln!(
        "  {} bodies without a valid token: all refused, no row written",
        answers.len()
    );
    answers
}

async fn fuzz_every_post_route(backend: Backend) {
    count_panics();
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
    else {
        return;
    };
    let seed = seed();
    let per_route = bodies_per_route();
    eprintln!(
        "fuzz on {backend:?}: seed {seed} (replay with TWOSTEP_FUZZ_SEED={seed}), \
         {per_route} bodies for each of {} routes",
        ROUTES.len()
    );
    let panics_before = PANICS.load(Ordering::SeqCst);
    let started = Instant::now();
    let mut fx = empty_portal(&app).await;

    // The setup link works only while no administrator exists: it goes first.
    let (setup, others) = ROUTES.split_first().unwrap();
    assert_eq!(setup.path, "/setup");
    let mut answers = fuzz_route(&app, &fx, setup, seed, per_route).await;
    populate(&app, &mut fx).await;
    answers.extend(refuse_without_token(&app, &fx, seed).await);
    for route in others {
        answers.extend(fuzz_route(&app, &fx, route, seed, per_route).await);
    }
    let elapsed = started.elapsed();

    let failures: Vec<&Answer> = answers
        .iter()
        .filter(|a| a.error.is_some() || a.status.is_none_or(|s| s >= 500))
        .collect();
    let unreached: Vec<&str> = ROUTES
        .iter()
        .map(|r| r.path)
        .filter(|path| {
            !answers
                .iter()
                .any(|a| a.route == *path && !a.refused_at_the_door)
        })
        .collect();
    let panics = PANICS.load(Ordering::SeqCst) - panics_before;
    eprintln!(
        "fuzz on {backend:?}: {} requests in {:.1}s, {} failures, {panics} panics (seed {seed})",
        answers.len(),
        elapsed.as_secs_f64(),
        failures.len()
    );
    let shown: Vec<String> = failures
        .iter()
        .take(15)
        .map(|a| {
            format!(
                "POST {} as {:?} ({}): {}\n    {}",
                a.path,
                a.who,
                a.kind,
                a.status
                    .map_or_else(|| a.error.clone().unwrap_or_default(), |s| s.to_string()),
                a.preview
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} answers were 5xx or no answer (seed {seed}); the first:\n{}",
        failures.len(),
        shown.join("\n")
    );
    assert_eq!(
        panics,
        0,
        "the portal panicked (seed {seed}): {:?}",
        PANIC_MESSAGES.lock().unwrap()
    );
    assert!(
        unreached.is_empty(),
        "no body got past the CSRF check on {unreached:?} (seed {seed})"
    );
}

on_each_backend!(fuzz_every_post_route => every_post_route_on_sqlite, every_post_route_on_postgres);
