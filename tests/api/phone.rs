//! Signing in and registering with a phone number (PRODUCT.md rule 6).

use std::time::{Duration, Instant};

use twostep::domain::policy::PlatformTwoStep;

use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, csrf_token,
    location_of,
};
use crate::mail::{app_mailing_to, eventually, link_to_in_email};
use crate::smtp::SmtpServer;
use crate::{on_both_databases, on_each_backend};

/// Another Swedish mobile number that masks as `PHONE` does ("+46 ••• •• 67").
const UNKNOWN: &str = "+46709876567";
const NOT_RIGHT: &str = "That code is not right. You have 4 tries left.";

async fn phone_sign_in_on(app: &TestApp) {
    app.kit().set_platform(|s| s.phone_sign_in = true).await;
}

async fn registration_closed(app: &TestApp) {
    app.kit()
        .set_platform(|s| s.open_registration = false)
        .await;
}

/// A user whose profile number is verified (the first text to it was that code),
/// without 2-step verification.
async fn user_with_verified_phone(app: &TestApp, email: &str, phone: &str) -> i64 {
    let id = app.create_user(email, "Ada Lovelace", false).await;
    app.kit().verify_profile_phone(id, phone).await;
    id
}

/// Waits for the `n`th text message to `to` (codes go out in the background).
async fn texts_to(app: &TestApp, to: &str, n: usize) {
    eventually(10, &format!("{n} texts to {to}"), async || {
        app.sms.count_to(to) >= n
    })
    .await;
}

async fn ask_for_code(app: &TestApp, phone: &str) -> reqwest::Response {
    app.submit_on("/login/phone", &[("phone", phone)]).await
}

async fn type_code(app: &TestApp, code: &str) -> reqwest::Response {
    app.submit_on("/login/phone/verify", &[("code", code)])
        .await
}

/// The page without what differs between any two requests (the form token).
/// The page without its CSRF token, and without the clock time "Send again" opens at
/// (two pages asked a second apart differ there, and in nothing else).
fn without_token(page: &str) -> String {
    let token = csrf_token(page);
    let page = page.replace(&token, "");
    const AT: &str = "You can ask for a new code at ";
    match page.find(AT) {
        Some(start) => {
            let time_end = page[start..].find(" UTC").map_or(page.len(), |e| start + e);
            format!("{}{}", &page[..start + AT.len()], &page[time_end..])
        }
        None => page,
    }
}

async fn the_links_show_only_when_phone_sign_in_is_on(app: TestApp) {
    assert!(
        !app.get_text("/login")
            .await
            .contains("Sign in with phone number")
    );
    assert!(
        !app.get_text("/register")
            .await
            .contains("Register with phone number")
    );
    assert_eq!(app.get("/login/phone").await.status(), 404);
    assert_eq!(app.get("/register/phone").await.status(), 404);
    let refused = app.post_raw("/login/phone", &[("phone", PHONE)]).await;
    assert!(refused.status().is_client_error());
    // The settings are cached for a few seconds: a fresh app reads them at once.
    let app = TestApp::spawn(backend_of(&app)).await.unwrap();
    phone_sign_in_on(&app).await;
    assert!(
        app.get_text("/login")
            .await
            .contains(r#"<a href="/login/phone">Sign in with phone number</a>"#)
    );
    assert!(
        app.get_text("/register")
            .await
            .contains(r#"<a href="/register/phone">Register with phone number</a>"#)
    );
    let page = assert_page(app.get("/login/phone").await, 200, "Phone number").await;
    assert!(page.contains("Send code"));
}

fn backend_of(app: &TestApp) -> Backend {
    if app.database_url.starts_with("postgres") {
        Backend::Postgres
    } else {
        Backend::Sqlite
    }
}

async fn an_optional_user_signs_in_with_a_code_alone(app: TestApp) {
    phone_sign_in_on(&app).await;
    let id = user_with_verified_phone(&app, "ada@example.com", PHONE).await;
    let asked = ask_for_code(&app, "+46 70-123 45 67").await;
    assert_redirect_to(&asked, "/login/phone/verify");
    let page = assert_page(
        app.get("/login/phone/verify").await,
        200,
        "Verification code",
    )
    .await;
    assert!(page.contains("+46 ••• •• 67") && page.contains("Send again"));
    assert!(!page.contains(PHONE), "the number is masked before sign-in");
    texts_to(&app, PHONE, 2).await;
    let wrong = type_code(&app, "000000").await;
    assert_page(wrong, 401, NOT_RIGHT).await;
    let right = type_code(&app, &app.sms.last_code_to(PHONE)).await;
    assert_redirect_to(&right, "/");
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM audit_events WHERE event = 'sign_in.phone_succeeded' AND subject_user_id = $1",
            id
        )
        .await,
        1
    );
    assert_eq!(app.count_events("sign_in.phone_failed").await, 1);
    // A used code does not sign in again.
    app.post_logout().await;
    ask_for_code(&app, PHONE).await;
    let replayed = type_code(&app, &app.sms.last_code_to(PHONE)).await;
    assert!(replayed.status().is_client_error());
}

async fn a_user_who_must_use_two_step_verification_also_gives_the_password(app: TestApp) {
    phone_sign_in_on(&app).await;
    app.kit()
        .set_platform(|s| s.two_step = PlatformTwoStep::Required)
        .await;
    app.create_sms_user("ada@example.com", PHONE).await;
    ask_for_code(&app, PHONE).await;
    texts_to(&app, PHONE, 2).await;
    let right = type_code(&app, &app.sms.last_code_to(PHONE)).await;
    assert_redirect_to(&right, "/login/phone/password");
    // Not signed in yet: the code is one factor.
    assert!(!app.get_text("/").await.contains("Hello, Ada"));
    let page = assert_page(
        app.get("/login/phone/password").await,
        200,
        "Enter your password",
    )
    .await;
    assert!(page.contains(r#"<label for="password">Password</label>"#));
    let wrong = app
        .submit_on("/login/phone/password", &[("password", "not the password")])
        .await;
    assert_page(wrong, 401, "The password is incorrect.").await;
    let empty = app
        .submit_on("/login/phone/password", &[("password", "")])
        .await;
    assert_page(empty, 422, "Enter your password.").await;
    let before = app.session_cookie().unwrap();
    let right = app
        .submit_on("/login/phone/password", &[("password", GOOD_PASSWORD)])
        .await;
    assert_redirect_to(&right, "/");
    app.assert_new_session_id(&before, "the password completes the sign-in");
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
    assert_eq!(
        app.count_events("sign_in.phone_second_factor_required")
            .await,
        1
    );
    assert_eq!(
        app.audit_detail("sign_in.phone_succeeded").await,
        "phone code and password"
    );
    // The password step is gone with the sign-in.
    app.post_logout().await;
    let again = app
        .submit(
            "/login",
            "/login/phone/password",
            &[("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(again.status(), 409);
}

async fn an_unknown_number_with_registration_closed_gets_the_same_answers_and_no_text(
    app: TestApp,
) {
    phone_sign_in_on(&app).await;
    registration_closed(&app).await;
    user_with_verified_phone(&app, "ada@example.com", PHONE).await;
    // A number on a profile but never verified is no sign-in number either.
    let unverified = app.create_user("bob@example.com", "Bob", false).await;
    app.kit()
        .set_profile_phone(unverified, "+46701112267")
        .await;
    let mut answers = Vec::new();
    for phone in [PHONE, UNKNOWN] {
        let (browser, _) = app.new_browser();
        let form = app.get_text_in(&browser, "/login/phone").await;
        let asked = browser
            .post(app.url("/login/phone"))
            .form(&[("csrf_token", csrf_token(&form).as_str()), ("phone", phone)])
            .send()
            .await
            .unwrap();
        assert_eq!(asked.status(), 303);
        assert_eq!(location_of(&asked).as_deref(), Some("/login/phone/verify"));
        let page = app.get_text_in(&browser, "/login/phone/verify").await;
        let wrong = browser
            .post(app.url("/login/phone/verify"))
            .form(&[
                ("csrf_token", csrf_token(&page).as_str()),
                ("code", "000000"),
            ])
            .send()
            .await
            .unwrap();
        let status = wrong.status().as_u16();
        let wrong_page = wrong.text().await.unwrap();
        assert!(wrong_page.contains(NOT_RIGHT), "{wrong_page}");
        answers.push((without_token(&page), status, without_token(&wrong_page)));
    }
    assert_eq!(
        answers[0], answers[1],
        "the same pages for a known and an unknown number"
    );
    texts_to(&app, PHONE, 2).await;
    ask_for_code(&app, "+46701112267").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        app.sms.count_to(UNKNOWN),
        0,
        "nothing is sent to an unknown number"
    );
    assert_eq!(
        app.sms.count_to("+46701112267"),
        0,
        "nor to an unverified one"
    );
    // Five wrong codes kill an unknown number's "code" as a real one.
    let (browser, _) = app.new_browser();
    let form = app.get_text_in(&browser, "/login/phone").await;
    browser
        .post(app.url("/login/phone"))
        .form(&[
            ("csrf_token", csrf_token(&form).as_str()),
            ("phone", UNKNOWN),
        ])
        .send()
        .await
        .unwrap();
    let mut last = 0;
    for _ in 0..5 {
        let page = app.get_text_in(&browser, "/login/phone/verify").await;
        last = browser
            .post(app.url("/login/phone/verify"))
            .form(&[
                ("csrf_token", csrf_token(&page).as_str()),
                ("code", "000000"),
            ])
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
    }
    assert_eq!(last, 429);
    assert!(app.count_events("sign_in.phone_code_requested").await >= 3);
}

/// Asking for a code takes as long for a number no account has as for an account's: the
/// request reads once either way and the text goes out in the background. Measured in
/// alternation, the medians are within 10 % (in one of three rounds, against the noise of
/// the tests beside it).
async fn asking_for_a_code_takes_as_long_for_an_unknown_number(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    phone_sign_in_on(&app).await;
    registration_closed(&app).await;
    user_with_verified_phone(&app, "ada@example.com", PHONE).await;
    let token = csrf_token(&app.get_text("/login/phone").await);
    let timed = async |phone: &str| {
        let started = Instant::now();
        let answer = app
            .client
            .post(app.url("/login/phone"))
            .form(&[("csrf_token", token.as_str()), ("phone", phone)])
            .send()
            .await
            .unwrap();
        let elapsed = started.elapsed();
        assert_redirect_to(&answer, "/login/phone/verify");
        // Let the background send finish, so it weighs on neither series.
        tokio::time::sleep(Duration::from_millis(120)).await;
        elapsed
    };
    // Up to three rounds: the suite's other tests share the cores, and a burst of their
    // work can fall on one series. A real difference shows in every round.
    let mut rounds = Vec::new();
    for _ in 0..3 {
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        // In alternation, each first as often as the other.
        for n in 0..60 {
            if n % 2 == 0 {
                known.push(timed(PHONE).await);
                unknown.push(timed(UNKNOWN).await);
            } else {
                unknown.push(timed(UNKNOWN).await);
                known.push(timed(PHONE).await);
            }
        }
        let median = |mut times: Vec<Duration>| {
            times.sort();
            times[times.len() / 2].as_secs_f64()
        };
        let (known, unknown) = (median(known), median(unknown));
        eprintln!(
            "median {:.2} ms for an account's number, {:.2} ms for an unknown one",
            known * 1e3,
            unknown * 1e3
        );
        rounds.push(format!("{:.2} ms / {:.2} ms", known * 1e3, unknown * 1e3));
        if (unknown / known - 1.0).abs() <= 0.10 {
            return;
        }
    }
    panic!(
        "medians (an account's number / an unknown one) differ by more than 10 % in every round: {}",
        rounds.join(", ")
    );
}

on_each_backend!(asking_for_a_code_takes_as_long_for_an_unknown_number => timing_sqlite, timing_postgres);

async fn bad_input_gets_a_clear_4xx(app: TestApp) {
    phone_sign_in_on(&app).await;
    let empty = ask_for_code(&app, "").await;
    assert_page(empty, 422, "Enter your phone number.").await;
    let huge = "9".repeat(10_000);
    let oversized = ask_for_code(&app, &huge).await;
    assert_page(oversized, 422, "This is not a valid phone number.").await;
    let hostile = ask_for_code(&app, "<script>alert(1)</script>").await;
    let page = hostile.text().await.unwrap();
    assert!(!page.contains("<script>alert"));
    let premium = ask_for_code(&app, "+46 8 123 456 78").await;
    assert_page(premium, 422, "cannot receive text messages").await;
    // Out of order: a code or a password with no phone sign-in begun.
    let code = app
        .submit("/login", "/login/phone/verify", &[("code", "123456")])
        .await;
    assert_page(code, 409, "No phone sign-in is in progress").await;
    let resend = app.submit("/login", "/login/phone/resend", &[]).await;
    assert_eq!(resend.status(), 409);
    assert_redirect_to(&app.get("/login/phone/verify").await, "/login/phone");
    // No form token, no request.
    let forged = app.post_raw("/login/phone", &[("phone", PHONE)]).await;
    assert_eq!(forged.status(), 403);
    let malformed = {
        ask_for_code(&app, PHONE).await;
        type_code(&app, "12ab").await
    };
    assert_page(malformed, 422, "Enter the 6-digit code").await;
}

on_both_databases!(
    the_links_show_only_when_phone_sign_in_is_on,
    an_optional_user_signs_in_with_a_code_alone,
    a_user_who_must_use_two_step_verification_also_gives_the_password,
    an_unknown_number_with_registration_closed_gets_the_same_answers_and_no_text,
    bad_input_gets_a_clear_4xx,
);

/// Registration by phone: the number, its code, then the name and the email.
async fn register_by_phone(
    app: &TestApp,
    phone: &str,
    name: &str,
    email: &str,
) -> reqwest::Response {
    let asked = app.submit_on("/register/phone", &[("phone", phone)]).await;
    assert_redirect_to(&asked, "/register/phone/verify");
    let page = assert_page(
        app.get("/register/phone/verify").await,
        200,
        "Verification code",
    )
    .await;
    assert!(page.contains("Verify"));
    let code = app.sms.last_code_to(phone);
    let verified = app
        .submit_on("/register/phone/verify", &[("code", &code)])
        .await;
    assert_redirect_to(&verified, "/register/phone/details");
    let details = assert_page(app.get("/register/phone/details").await, 200, "Name").await;
    assert!(details.contains(r#"<label for="email">Email</label>"#));
    app.submit_on(
        "/register/phone/details",
        &[("name", name), ("email", email)],
    )
    .await
}

async fn registering_with_a_phone_number_makes_an_account_usable_by_phone(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    phone_sign_in_on(&app).await;
    let created = register_by_phone(&app, PHONE, "Grace Hopper", "grace@example.com").await;
    assert_redirect_to(&created, "/?notice=welcome-phone");
    assert!(app.get_text("/").await.contains("Hello, Grace Hopper"));
    let (id, phone, verified, confirmed): (i64, Option<String>, Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT id, phone, phone_verified_at, email_confirmed_at FROM users WHERE name = 'Grace Hopper'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(phone.as_deref(), Some(PHONE));
    assert!(
        verified.is_some(),
        "the number is the account's verified one"
    );
    assert!(confirmed.is_none(), "the address waits for its link");
    assert_eq!(app.count_events("user.registered_by_phone").await, 1);
    // Usable by phone at once.
    app.post_logout().await;
    ask_for_code(&app, PHONE).await;
    texts_to(&app, PHONE, 2).await;
    let right = type_code(&app, &app.sms.last_code_to(PHONE)).await;
    assert_redirect_to(&right, "/");
    app.post_logout().await;
    // The link confirms the address, which becomes the account's email.
    eventually(10, "a confirmation link", async || {
        smtp.received()
            .iter()
            .any(|m| m.to == ["grace@example.com"])
    })
    .await;
    let link = link_to_in_email(&smtp, "grace@example.com", "/register/confirm");
    let token = link.split("token=").nth(1).unwrap().to_owned();
    app.get(&link).await;
    let confirmed = app
        .submit(&link, "/register/confirm", &[("token", &token)])
        .await;
    assert_redirect_to(&confirmed, "/?notice=welcome");
    let email: String = app
        .fetch_scalar("SELECT email FROM users WHERE id = $1", id)
        .await;
    assert_eq!(email, "grace@example.com");
}
on_each_backend!(registering_with_a_phone_number_makes_an_account_usable_by_phone => register_sqlite, register_postgres);

async fn registering_with_a_taken_address_answers_the_same(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    phone_sign_in_on(&app).await;
    app.create_user("ada@example.com", "Ada", false).await;
    let created = register_by_phone(&app, PHONE, "Someone", "ada@example.com").await;
    assert_redirect_to(&created, "/?notice=welcome-phone");
    assert!(app.get_text("/").await.contains("Hello, Someone"));
    // The owner of the address is told; the address stays theirs.
    eventually(10, "a letter to the owner", async || {
        smtp.received().iter().any(|m| m.to == ["ada@example.com"])
    })
    .await;
    let text = smtp
        .received()
        .into_iter()
        .find(|m| m.to == ["ada@example.com"])
        .unwrap()
        .text();
    assert!(text.contains("You already have one"));
    assert!(!text.contains("/register/confirm"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email = 'ada@example.com'")
            .await,
        1
    );
}
on_each_backend!(registering_with_a_taken_address_answers_the_same => taken_sqlite, taken_postgres);

async fn registering_with_an_accounts_number_signs_in_its_owner(app: TestApp) {
    phone_sign_in_on(&app).await;
    let id = user_with_verified_phone(&app, "ada@example.com", PHONE).await;
    let answer = register_by_phone(&app, PHONE, "Mallory", "mallory@example.com").await;
    assert_redirect_to(&answer, "/");
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM audit_events WHERE event = 'sign_in.phone_succeeded' AND subject_user_id = $1",
            id
        )
        .await,
        1
    );
}

async fn an_unknown_number_at_phone_sign_in_may_register_when_open(app: TestApp) {
    phone_sign_in_on(&app).await;
    ask_for_code(&app, UNKNOWN).await;
    texts_to(&app, UNKNOWN, 1).await;
    let page = app.get_text("/login/phone/verify").await;
    assert!(page.contains("Register with phone number"));
    let right = type_code(&app, &app.sms.last_code_to(UNKNOWN)).await;
    assert_redirect_to(&right, "/register/phone/details");
    let created = app
        .submit_on(
            "/register/phone/details",
            &[("name", "Grace"), ("email", "grace@example.com")],
        )
        .await;
    assert_redirect_to(&created, "/?notice=welcome-phone");
    let risky = app
        .count("SELECT COUNT(*) FROM sms_sends WHERE purpose = 'phone_sign_in' AND risky = 1")
        .await;
    assert_eq!(
        risky, 1,
        "a sign-in code to a number no account verified is the risky kind"
    );
}

async fn registration_steps_out_of_order_are_refused(app: TestApp) {
    phone_sign_in_on(&app).await;
    let early = app
        .submit(
            "/register",
            "/register/phone/details",
            &[("name", "Eve"), ("email", "eve@example.com")],
        )
        .await;
    assert_page(early, 409, "Verify your phone number with a code first").await;
    let code = app
        .submit("/register", "/register/phone/verify", &[("code", "123456")])
        .await;
    assert_eq!(code.status(), 409);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    // A used code does not prove the number twice.
    app.submit_on("/register/phone", &[("phone", PHONE)]).await;
    let code = app.sms.last_code_to(PHONE);
    app.submit_on("/register/phone/verify", &[("code", &code)])
        .await;
    app.submit_on("/register/phone", &[("phone", PHONE)]).await;
    let replayed = app
        .submit_on("/register/phone/verify", &[("code", &code)])
        .await;
    assert!(replayed.status().is_client_error());
    // Bad names and addresses come back with their message, nothing written.
    let fresh = app.sms.last_code_to(PHONE);
    app.submit_on("/register/phone/verify", &[("code", &fresh)])
        .await;
    let bad = app
        .submit_on(
            "/register/phone/details",
            &[("name", ""), ("email", "not an address")],
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

on_both_databases!(
    registering_with_an_accounts_number_signs_in_its_owner,
    an_unknown_number_at_phone_sign_in_may_register_when_open,
    registration_steps_out_of_order_are_refused,
);

/// Rule 7: the profile number changes only once a code sent to the new number comes back.
async fn a_new_profile_phone_is_kept_only_once_its_code_is_entered(app: TestApp) {
    let id = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let profile = assert_page(app.get("/account/profile").await, 200, "Phone number").await;
    assert!(profile.contains(r#"href="/account/profile/phone">Change"#));
    let form = assert_page(app.get("/account/profile/phone").await, 200, "Phone number").await;
    assert!(form.contains("Send code"));
    let asked = app
        .submit_on("/account/profile/phone", &[("phone", "+46 70-123 45 67")])
        .await;
    assert_redirect_to(&asked, "/account/profile/phone/verify");
    let stored: Option<String> = app
        .fetch_scalar("SELECT phone FROM users WHERE id = $1", id)
        .await;
    assert_eq!(stored, None, "nothing is kept before the code");
    let page = assert_page(
        app.get("/account/profile/phone/verify").await,
        200,
        "Verification code",
    )
    .await;
    assert!(page.contains("+46 70 123 45 67"));
    let wrong = app
        .submit_on("/account/profile/phone/verify", &[("code", "000000")])
        .await;
    assert_page(wrong, 401, NOT_RIGHT).await;
    let code = app.sms.last_code_to(PHONE);
    let right = app
        .submit_on("/account/profile/phone/verify", &[("code", &code)])
        .await;
    assert_redirect_to(&right, "/account/profile?notice=phone-changed");
    let (phone, verified): (Option<String>, Option<i64>) =
        sqlx::query_as("SELECT phone, phone_verified_at FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(phone.as_deref(), Some(PHONE));
    assert!(verified.is_some());
    assert_eq!(
        app.two_factor_method(id).await,
        None,
        "no second factor was turned on"
    );
    assert_eq!(
        app.audit_detail("user.profile_phone_changed").await,
        "+46 ••• •• 67"
    );
    assert!(
        app.get_text("/account/profile")
            .await
            .contains("+46 70 123 45 67")
    );
    // A replayed code changes nothing more.
    let replayed = app
        .submit_on("/account/profile/phone/verify", &[("code", &code)])
        .await;
    assert_eq!(replayed.status(), 409);
    // Bad input: a landline, nothing typed.
    let landline = app
        .submit_on("/account/profile/phone", &[("phone", "+46 8 123 456 78")])
        .await;
    assert_page(landline, 422, "cannot receive text messages").await;
    let same = app
        .submit_on("/account/profile/phone", &[("phone", PHONE)])
        .await;
    assert_page(same, 422, "already your phone number").await;
}

async fn the_profile_phone_is_read_only_when_users_cannot_edit_their_profile(app: TestApp) {
    app.kit()
        .set_platform(|s| s.users_edit_profile = false)
        .await;
    let id = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.kit().set_profile_phone(id, PHONE).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let profile = assert_page(
        app.get("/account/profile").await,
        200,
        "Ask your administrator",
    )
    .await;
    assert!(profile.contains("+46 70 123 45 67"));
    assert!(!profile.contains(r#"href="/account/profile/phone""#));
    assert_page(
        app.get("/account/profile/phone").await,
        403,
        "Ask your administrator",
    )
    .await;
    let refused = app
        .submit(
            "/account/profile",
            "/account/profile/phone",
            &[("phone", "+46709876567")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(app.sms.count_to("+46709876567"), 0);
}

on_both_databases!(
    a_new_profile_phone_is_kept_only_once_its_code_is_entered,
    the_profile_phone_is_read_only_when_users_cannot_edit_their_profile,
);

/// An authenticator-app code may stand in for the password after the phone code.
async fn an_app_code_may_stand_in_for_the_password(app: TestApp) {
    phone_sign_in_on(&app).await;
    let key = app.user_with_app("ada@example.com").await;
    app.confirm_codes_saved().await;
    let kit = app.kit();
    kit.verify_profile_phone(kit.id_of("ada@example.com").await, PHONE)
        .await;
    app.post_logout().await;
    ask_for_code(&app, PHONE).await;
    texts_to(&app, PHONE, 2).await;
    let right = type_code(&app, &app.sms.last_code_to(PHONE)).await;
    assert_redirect_to(&right, "/login/phone/password");
    let page = app.get_text("/login/phone/password").await;
    assert!(page.contains(r#"<a href="/login/phone/app">Use authenticator app</a>"#));
    assert_page(app.get("/login/phone/app").await, 200, "Verification code").await;
    let wrong = app
        .submit_on("/login/phone/app", &[("code", "000000")])
        .await;
    assert_page(wrong, 401, "That code is not right.").await;
    let code = crate::helpers::oathtool(&key, app.clock.now() + 30);
    let right = app.submit_on("/login/phone/app", &[("code", &code)]).await;
    assert_redirect_to(&right, "/");
    assert_eq!(
        app.audit_detail("sign_in.phone_succeeded").await,
        "phone code and authenticator app"
    );
}

on_both_databases!(an_app_code_may_stand_in_for_the_password);

/// "Send again" waits 30 s for every number alike, then sends an account's number a new
/// code (and an unknown one, with registration closed, still nothing).
async fn send_again_waits_the_same_for_every_number(app: TestApp) {
    phone_sign_in_on(&app).await;
    registration_closed(&app).await;
    user_with_verified_phone(&app, "ada@example.com", PHONE).await;
    ask_for_code(&app, PHONE).await;
    texts_to(&app, PHONE, 2).await;
    let early = app.submit_on("/login/phone/verify", &[]).await;
    assert!(early.status().is_client_error(), "an empty code is refused");
    let early = app
        .submit("/login/phone/verify", "/login/phone/resend", &[])
        .await;
    assert_redirect_to(&early, "/login/phone/verify?notice=too-soon");
    let told = app.get_text("/login/phone/verify?notice=too-soon").await;
    assert!(told.contains("You can ask for a new code at"), "{told}");
    assert!(told.contains("A code was sent moments ago."), "{told}");
    app.clock.advance(31);
    let again = app
        .submit("/login/phone/verify", "/login/phone/resend", &[])
        .await;
    assert_redirect_to(&again, "/login/phone/verify?notice=code-sent");
    texts_to(&app, PHONE, 3).await;
    let right = type_code(&app, &app.sms.last_code_to(PHONE)).await;
    assert_redirect_to(&right, "/");
    app.post_logout().await;
    ask_for_code(&app, UNKNOWN).await;
    app.clock.advance(31);
    let again = app
        .submit("/login/phone/verify", "/login/phone/resend", &[])
        .await;
    assert_redirect_to(&again, "/login/phone/verify?notice=code-sent");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.sms.count_to(UNKNOWN), 0);
}

on_both_databases!(send_again_waits_the_same_for_every_number);
