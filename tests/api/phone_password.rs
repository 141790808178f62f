//! A password for an account made with a phone number (issue 21, item 9): set from My
//! security settings after a fresh code to the verified number, asked by phone sign-in
//! once 2-step verification applies, and reset by a link to the address waiting for
//! confirmation together with a code to the phone.

use crate::admin::signed_in_admin;
use crate::helpers::{Backend, PHONE, TestApp, location_of, submit_with};
use crate::mail::{app_mailing_to, eventually, link_to_in_email};
use crate::on_each_backend;
use crate::smtp::SmtpServer;

const GRACE: &str = "grace@example.com";
const CHOSEN: &str = "copper kettle above the quiet river";
/// Another Swedish mobile number.
const OTHER_PHONE: &str = "+46701119988";

/// The control center's security settings with phone sign-in on and 2-step verification
/// `two_step`, saved by the administrator signed in on `app.client`.
async fn platform(app: &TestApp, two_step: &str) {
    let settings = [
        ("two_step", two_step),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("app_name", "Twostep"),
        ("sms_countries", ""),
        ("phone_sign_in", "yes"),
        ("users_edit_profile", "yes"),
        ("confirmed", "yes"),
    ];
    let saved = app
        .submit("/admin/security", "/admin/security", &settings)
        .await;
    assert_eq!(saved.status().as_u16(), 303, "the settings are saved");
}

async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    submit_with(browser, &app.address, page, action, fields).await
}

/// Registers Grace with `phone` and her address in a browser of her own, signed in after.
async fn registered_by_phone(app: &TestApp, phone: &str, email: &str) -> reqwest::Client {
    let (browser, _) = app.new_browser();
    let asked = post(
        app,
        &browser,
        "/register/phone",
        "/register/phone",
        &[("phone", phone)],
    )
    .await;
    assert_eq!(
        location_of(&asked).as_deref(),
        Some("/register/phone/verify")
    );
    let code = app.sms.last_code_to(phone);
    let verify = "/register/phone/verify";
    post(app, &browser, verify, verify, &[("code", &code)]).await;
    let details = "/register/phone/details";
    let created = post(
        app,
        &browser,
        details,
        details,
        &[("name", "Grace Hopper"), ("email", email)],
    )
    .await;
    assert_eq!(
        location_of(&created).as_deref(),
        Some("/?notice=welcome-phone")
    );
    browser
}

/// Waits for the `n`th text to `to` (phone sign-in codes go out in the background).
async fn texts_to(app: &TestApp, to: &str, n: usize) {
    eventually(10, &format!("{n} texts to {to}"), async || {
        app.sms.count_to(to) >= n
    })
    .await;
}

/// Phone sign-in in a new browser up to the code; the browser and the answer to the code.
async fn phone_code_step(app: &TestApp, phone: &str) -> (reqwest::Client, reqwest::Response) {
    let (browser, _) = app.new_browser();
    let before = app.sms.count_to(phone);
    let asked = post(app, &browser, "/login", "/login/phone", &[("phone", phone)]).await;
    assert_eq!(location_of(&asked).as_deref(), Some("/login/phone/verify"));
    texts_to(app, phone, before + 1).await;
    let code = app.sms.last_code_to(phone);
    let verify = "/login/phone/verify";
    let answer = post(app, &browser, verify, verify, &[("code", &code)]).await;
    (browser, answer)
}

async fn text_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

const FIRST: &str = "/account/security/password";
const SEND: &str = "/account/security/password/send";
const NEW: &str = "/account/security/password/new";

/// Register by phone; try to turn on 2-step verification (sent to set a password first);
/// set one after a fresh code; the platform then requires 2-step verification, and phone
/// sign-in asks for the password.
async fn a_phone_account_sets_a_password_and_phone_sign_in_asks_for_it(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    let grace = registered_by_phone(&app, PHONE, GRACE).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE name = 'Grace Hopper'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();

    // Turning 2-step verification on, by any of its pages, leads to setting a password.
    for page in [
        "/account/security/two-step",
        "/account/security/sms",
        "/account/security/app",
        "/account/password",
    ] {
        let answer = app.get_in(&grace, page).await;
        assert_eq!(location_of(&answer).as_deref(), Some(FIRST), "{page}");
    }
    let sms_on = post(
        &app,
        &grace,
        "/account/security",
        "/account/security/sms",
        &[("phone", PHONE)],
    )
    .await;
    assert_eq!(location_of(&sms_on).as_deref(), Some(FIRST));
    assert_eq!(app.two_factor_method(id).await, None);
    let settings = app.get_text_in(&grace, "/account/security").await;
    assert!(
        settings.contains("Your account has no password yet")
            && settings.contains(r#"href="/account/security/password">Set a password</a>"#),
        "{settings}"
    );

    // The new password waits for a fresh code.
    assert_eq!(
        location_of(&app.get_in(&grace, NEW).await).as_deref(),
        Some(FIRST)
    );
    let too_soon = post(&app, &grace, FIRST, NEW, &[("new_password", CHOSEN)]).await;
    assert_eq!(too_soon.status().as_u16(), 409);
    let (status, page) = text_of(app.get_in(&grace, FIRST).await).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Set a password") && page.contains("Send code") && page.contains("+46"),
        "{page}"
    );
    // The registration code, already used, opens nothing.
    let registration_code = app.sms.last_code_to(PHONE);
    let reused = post(&app, &grace, FIRST, FIRST, &[("code", &registration_code)]).await;
    assert_eq!(reused.status().as_u16(), 410);
    let texts = app.sms.count_to(PHONE);
    let sent = post(&app, &grace, FIRST, SEND, &[]).await;
    assert_eq!(
        location_of(&sent).as_deref(),
        Some("/account/security/password?notice=code-sent")
    );
    assert_eq!(app.sms.count_to(PHONE), texts + 1);
    let wrong = post(&app, &grace, FIRST, FIRST, &[("code", "000000")]).await;
    let (status, page) = text_of(wrong).await;
    assert_eq!(status, 401);
    assert!(page.contains("That code is not right. You have 4 tries left."));
    let code = app.sms.last_code_to(PHONE);
    let right = post(&app, &grace, FIRST, FIRST, &[("code", &code)]).await;
    assert_eq!(location_of(&right).as_deref(), Some(NEW));
    let (status, page) = text_of(app.get_in(&grace, NEW).await).await;
    assert_eq!(status, 200);
    assert!(page.contains("Choose your password"), "{page}");
    let weak = post(&app, &grace, NEW, NEW, &[("new_password", "password1")]).await;
    let (status, page) = text_of(weak).await;
    assert_eq!(status, 422);
    assert!(page.contains("too easy to guess"), "{page}");
    let empty = post(&app, &grace, NEW, NEW, &[("new_password", "")]).await;
    assert_eq!(empty.status().as_u16(), 422);
    let set = post(&app, &grace, NEW, NEW, &[("new_password", CHOSEN)]).await;
    assert_eq!(
        location_of(&set).as_deref(),
        Some("/account/security?notice=password-added")
    );
    let settings = app
        .get_text_in(&grace, "/account/security?notice=password-added")
        .await;
    assert!(settings.contains("Your password is set."), "{settings}");
    assert!(!settings.contains("Your account has no password yet"));
    assert_eq!(
        app.audit_detail("password.set").await,
        "first password, after a code to the verified phone"
    );
    // The code is used up, and a password set is never set again this way.
    let again = post(
        &app,
        &grace,
        "/account/security",
        NEW,
        &[("new_password", "another fine passphrase 77")],
    )
    .await;
    assert_eq!(again.status().as_u16(), 409);
    assert_eq!(
        location_of(&app.get_in(&grace, FIRST).await).as_deref(),
        Some("/account/password")
    );
    // The address is not confirmed: no email went to it, nor to the placeholder.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE to_address LIKE '%.invalid'")
            .await,
        0
    );
    assert!(
        !smtp
            .received()
            .iter()
            .any(|m| m.header("Subject").as_deref() == Some("Your Twostep password was changed"))
    );

    // The platform now requires 2-step verification: a code alone no longer signs in.
    platform(&app, "required").await;
    let (phone_browser, answer) = phone_code_step(&app, PHONE).await;
    assert_eq!(
        location_of(&answer).as_deref(),
        Some("/login/phone/password")
    );
    let step = app
        .get_text_in(&phone_browser, "/login/phone/password")
        .await;
    assert!(!step.contains("Your account has no password yet"), "{step}");
    let password = "/login/phone/password";
    let wrong = post(
        &app,
        &phone_browser,
        password,
        password,
        &[("password", "not it at all")],
    )
    .await;
    assert_eq!(wrong.status().as_u16(), 401);
    let right = post(
        &app,
        &phone_browser,
        password,
        password,
        &[("password", CHOSEN)],
    )
    .await;
    assert_eq!(location_of(&right).as_deref(), Some("/"));
    // Signed in, and taken to set up 2-step verification, which the password now allows.
    let home = app.get_in(&phone_browser, "/").await;
    assert_eq!(
        location_of(&home).as_deref(),
        Some("/account/security/two-step")
    );
    let (status, methods) = text_of(
        app.get_in(&phone_browser, "/account/security/two-step")
            .await,
    )
    .await;
    assert_eq!(status, 200, "{methods}");
    assert_eq!(
        app.audit_detail("sign_in.phone_succeeded").await,
        "phone code and password"
    );
}

/// Locked out: 2-step verification became required of a phone account without a password.
/// "Forgot your password?" with the address waiting for confirmation sends a link there,
/// and the link's page asks for a code to the phone as well; both set the password and
/// confirm the address.
async fn a_locked_out_phone_account_resets_with_its_address_and_its_phone(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    registered_by_phone(&app, PHONE, GRACE).await;
    platform(&app, "required").await;
    let (browser, answer) = phone_code_step(&app, PHONE).await;
    assert_eq!(
        location_of(&answer).as_deref(),
        Some("/login/phone/password")
    );
    let step = app.get_text_in(&browser, "/login/phone/password").await;
    assert!(
        step.contains("Your account has no password yet") && step.contains("/password/forgot"),
        "{step}"
    );
    // The reset goes to the address waiting for its link.
    let asked = post(
        &app,
        &browser,
        "/password/forgot",
        "/password/forgot",
        &[("email", GRACE)],
    )
    .await;
    assert_eq!(
        location_of(&asked).as_deref(),
        Some("/password/forgot?sent=yes")
    );
    eventually(10, "the reset email", async || {
        smtp.received().iter().any(|m| {
            m.to == [GRACE] && m.header("Subject").as_deref() == Some("Reset your Twostep password")
        })
    })
    .await;
    let link = link_to_in_email(&smtp, GRACE, "/password/set");
    let token = link.trim_start_matches("/password/set?token=").to_owned();
    let letter = smtp
        .received()
        .into_iter()
        .rev()
        .find(|m| m.to == [GRACE] && m.text().contains("/password/set"))
        .unwrap()
        .text();
    assert!(
        letter.contains("the page also asks for a code we text to +46 ••• •• 67"),
        "{letter}"
    );
    let (reset, _) = app.new_browser();
    let (status, page) = text_of(app.get_in(&reset, &link).await).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(GRACE) && page.contains("Text me a code") && page.contains("+46 ••• •• 67"),
        "{page}"
    );
    // The link alone sets nothing: no code, a made-up code, a phone sign-in code.
    let set = |code: String, password: &'static str| {
        let (reset, token) = (reset.clone(), token.clone());
        let app = &app;
        async move {
            post(
                app,
                &reset,
                "/login",
                "/password/set",
                &[
                    ("token", &token),
                    ("code", &code),
                    ("new_password", password),
                ],
            )
            .await
        }
    };
    let (status, page) = text_of(set(String::new(), CHOSEN).await).await;
    assert_eq!(status, 422);
    assert!(page.contains("Enter the verification code."), "{page}");
    let (status, _) = text_of(set("123456".into(), CHOSEN).await).await;
    assert_eq!(status, 410, "no code was sent yet");
    let sign_in_code = app.sms.last_code_to(PHONE);
    let (status, _) = text_of(set(sign_in_code, CHOSEN).await).await;
    assert_eq!(status, 410, "a sign-in code is no reset code");
    // "Text me a code", then the code with a new password.
    let texts = app.sms.count_to(PHONE);
    let sent = post(
        &app,
        &reset,
        &link,
        &format!("/password/set/code?token={token}"),
        &[],
    )
    .await;
    assert_eq!(location_of(&sent).as_deref(), Some(link.as_str()));
    assert_eq!(app.sms.count_to(PHONE), texts + 1);
    let page = app.get_text_in(&reset, &link).await;
    assert!(page.contains("We have sent a 6-digit code"), "{page}");
    let code = app.sms.last_code_to(PHONE);
    let (status, _) = text_of(set("000000".into(), CHOSEN).await).await;
    assert_eq!(status, 401);
    let (status, _) = text_of(set(code.clone(), "password1").await).await;
    assert_eq!(status, 422, "a weak password is refused first");
    let done = set(code.clone(), CHOSEN).await;
    assert_eq!(
        location_of(&done).as_deref(),
        Some("/login?notice=password-set")
    );
    assert_eq!(
        app.audit_detail("password.set").await,
        "link and a code to the verified phone"
    );
    // Used: the link and the code are dead.
    assert_eq!(app.get_in(&reset, &link).await.status().as_u16(), 410);
    let (status, _) = text_of(set(code, "another fine passphrase 77").await).await;
    assert_eq!(status, 410);
    // The address is confirmed: it is the account's email, and gets the notice.
    let email: String = sqlx::query_scalar("SELECT email FROM users WHERE name = 'Grace Hopper'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(email, GRACE);
    eventually(10, "the password-changed email", async || {
        smtp.received().iter().any(|m| {
            m.to == [GRACE]
                && m.header("Subject").as_deref() == Some("Your Twostep password was changed")
        })
    })
    .await;
    // Phone sign-in with the password now completes.
    app.clock.advance(31);
    let (browser, answer) = phone_code_step(&app, PHONE).await;
    assert_eq!(
        location_of(&answer).as_deref(),
        Some("/login/phone/password")
    );
    let password = "/login/phone/password";
    let right = post(&app, &browser, password, password, &[("password", CHOSEN)]).await;
    assert_eq!(location_of(&right).as_deref(), Some("/"));
}

/// Someone registers a phone account with another person's address (or a mistyped one):
/// the address's holder who asks for a reset cannot take the account, nor confirm the
/// address onto it, without the account's phone.
async fn a_reset_to_an_unproven_address_takes_nothing_without_the_phone(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    registered_by_phone(&app, OTHER_PHONE, GRACE).await;
    let (holder, _) = app.new_browser();
    post(
        &app,
        &holder,
        "/password/forgot",
        "/password/forgot",
        &[("email", GRACE)],
    )
    .await;
    eventually(10, "the reset email", async || {
        smtp.received()
            .iter()
            .any(|m| m.to == [GRACE] && m.text().contains("/password/set"))
    })
    .await;
    let link = link_to_in_email(&smtp, GRACE, "/password/set");
    let token = link.trim_start_matches("/password/set?token=").to_owned();
    // Asking for the code texts the account's phone, not the address's holder.
    post(
        &app,
        &holder,
        &link,
        &format!("/password/set/code?token={token}"),
        &[],
    )
    .await;
    assert_eq!(
        app.sms.count_to(OTHER_PHONE),
        2,
        "registration and this code"
    );
    for guess in ["111111", "222222", "333333", "444444", "555555", "666666"] {
        let tried = post(
            &app,
            &holder,
            &link,
            "/password/set",
            &[("token", &token), ("code", guess), ("new_password", CHOSEN)],
        )
        .await;
        assert!(tried.status().is_client_error(), "{guess}");
    }
    // Five wrong codes killed the code: even the right one is refused now.
    let code = app.sms.last_code_to(OTHER_PHONE);
    let late = post(
        &app,
        &holder,
        &link,
        "/password/set",
        &[("token", &token), ("code", &code), ("new_password", CHOSEN)],
    )
    .await;
    assert_eq!(late.status().as_u16(), 429);
    let (email, confirmed, has_password): (String, Option<i64>, Option<String>) = sqlx::query_as(
        "SELECT email, email_confirmed_at, password_hash FROM users WHERE name = 'Grace Hopper'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert!(email.ends_with(".invalid"), "the address stays unconfirmed");
    assert!(confirmed.is_none() && has_password.is_none());
    assert_eq!(app.count_events("password.set").await, 0);
}

/// A code for a first password proves the number it went to: once the profile number
/// changes, a code sent to the old one opens nothing.
async fn a_password_code_to_a_number_no_longer_verified_is_refused(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    let grace = registered_by_phone(&app, PHONE, GRACE).await;
    post(&app, &grace, FIRST, SEND, &[]).await;
    let old_code = app.sms.last_code_to(PHONE);
    // Registration signed her in moments ago: the profile number changes without a
    // password to confirm.
    let changed = post(
        &app,
        &grace,
        "/account/profile/phone",
        "/account/profile/phone",
        &[("phone", OTHER_PHONE)],
    )
    .await;
    assert_eq!(
        location_of(&changed).as_deref(),
        Some("/account/profile/phone/verify")
    );
    let verify = "/account/profile/phone/verify";
    let code = app.sms.last_code_to(OTHER_PHONE);
    let kept = post(&app, &grace, verify, verify, &[("code", &code)]).await;
    assert_eq!(
        location_of(&kept).as_deref(),
        Some("/account/profile?notice=phone-changed")
    );
    let refused = post(&app, &grace, FIRST, FIRST, &[("code", &old_code)]).await;
    assert_eq!(refused.status().as_u16(), 410);
    assert_eq!(
        location_of(&app.get_in(&grace, NEW).await).as_deref(),
        Some(FIRST)
    );
}

/// With its address confirmed, a phone account is emailed when it sets a first password,
/// and resets it by email alone, as any account does (the next sign-in still asks for the
/// second factor).
async fn a_phone_account_with_a_confirmed_address_is_emailed_and_resets_by_email(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    let grace = registered_by_phone(&app, PHONE, GRACE).await;
    eventually(10, "the confirmation link", async || {
        smtp.received().iter().any(|m| m.to == [GRACE])
    })
    .await;
    let confirm = link_to_in_email(&smtp, GRACE, "/register/confirm");
    let token = confirm
        .trim_start_matches("/register/confirm?token=")
        .to_owned();
    let confirmed = post(
        &app,
        &grace,
        &confirm,
        "/register/confirm",
        &[("token", &token)],
    )
    .await;
    assert_eq!(location_of(&confirmed).as_deref(), Some("/?notice=welcome"));
    code_for_first_password(&app, &grace).await;
    let set = post(&app, &grace, NEW, NEW, &[("new_password", CHOSEN)]).await;
    assert_eq!(set.status().as_u16(), 303);
    eventually(10, "the password email", async || {
        smtp.received().iter().any(|m| {
            m.to == [GRACE]
                && m.header("Subject").as_deref() == Some("Your Twostep password was changed")
        })
    })
    .await;
    // The reset link asks for no code: the address is the account's, proven.
    let (browser, _) = app.new_browser();
    post(
        &app,
        &browser,
        "/password/forgot",
        "/password/forgot",
        &[("email", GRACE)],
    )
    .await;
    eventually(10, "the reset email", async || {
        smtp.received()
            .iter()
            .any(|m| m.to == [GRACE] && m.text().contains("/password/set"))
    })
    .await;
    let link = link_to_in_email(&smtp, GRACE, "/password/set");
    let token = link.trim_start_matches("/password/set?token=").to_owned();
    let page = app.get_text_in(&browser, &link).await;
    assert!(!page.contains("Text me a code"), "{page}");
    let reset = post(
        &app,
        &browser,
        &link,
        "/password/set",
        &[
            ("token", &token),
            ("new_password", "another fine passphrase 77"),
        ],
    )
    .await;
    assert_eq!(
        location_of(&reset).as_deref(),
        Some("/login?notice=password-set")
    );
    platform(&app, "required").await;
    app.clock.advance(31);
    let (phone_browser, answer) = phone_code_step(&app, PHONE).await;
    assert_eq!(
        location_of(&answer).as_deref(),
        Some("/login/phone/password")
    );
    let password = "/login/phone/password";
    let right = post(
        &app,
        &phone_browser,
        password,
        password,
        &[("password", "another fine passphrase 77")],
    )
    .await;
    assert_eq!(location_of(&right).as_deref(), Some("/"));
}

/// Texts the code for a first password and enters it: the new password's page opens.
async fn code_for_first_password(app: &TestApp, grace: &reqwest::Client) {
    post(app, grace, FIRST, SEND, &[]).await;
    let code = app.sms.last_code_to(PHONE);
    let right = post(app, grace, FIRST, FIRST, &[("code", &code)]).await;
    assert_eq!(location_of(&right).as_deref(), Some(NEW));
}

/// The reset link of the address waiting for confirmation, asked for from a new browser.
async fn pending_reset_link(app: &TestApp, smtp: &SmtpServer) -> (String, String) {
    let (browser, _) = app.new_browser();
    post(
        app,
        &browser,
        "/password/forgot",
        "/password/forgot",
        &[("email", GRACE)],
    )
    .await;
    eventually(10, "the reset email", async || {
        smtp.received()
            .iter()
            .any(|m| m.to == [GRACE] && m.text().contains("/password/set"))
    })
    .await;
    let link = link_to_in_email(smtp, GRACE, "/password/set");
    let token = link.trim_start_matches("/password/set?token=").to_owned();
    (link, token)
}

/// A reset link sent before a first password was set in the settings dies with it.
async fn a_reset_link_dies_when_a_first_password_is_set_in_the_settings(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    let grace = registered_by_phone(&app, PHONE, GRACE).await;
    let (link, _) = pending_reset_link(&app, &smtp).await;
    let (other, _) = app.new_browser();
    let (status, page) = text_of(app.get_in(&other, &link).await).await;
    assert_eq!(status, 200, "{link}: {page}");
    code_for_first_password(&app, &grace).await;
    let set = post(&app, &grace, NEW, NEW, &[("new_password", CHOSEN)]).await;
    assert_eq!(set.status().as_u16(), 303);
    assert_eq!(app.get_in(&other, &link).await.status().as_u16(), 410);
}

/// Two first passwords sent at once: one is set, the other refused.
async fn two_first_passwords_at_once_set_one(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    let grace = registered_by_phone(&app, PHONE, GRACE).await;
    code_for_first_password(&app, &grace).await;
    let (one, two) = tokio::join!(
        post(&app, &grace, NEW, NEW, &[("new_password", CHOSEN)]),
        post(
            &app,
            &grace,
            NEW,
            NEW,
            &[("new_password", "another fine passphrase 77")]
        ),
    );
    let added = [&one, &two]
        .iter()
        .filter(|r| location_of(r).as_deref() == Some("/account/security?notice=password-added"))
        .count();
    assert_eq!(added, 1, "{} {}", one.status(), two.status());
    assert_eq!(app.count_events("password.set").await, 1);
}

/// A reset link and its code sent twice at once set the password once.
async fn a_reset_link_and_its_code_used_twice_at_once_set_the_password_once(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    platform(&app, "optional").await;
    registered_by_phone(&app, PHONE, GRACE).await;
    let (link, token) = pending_reset_link(&app, &smtp).await;
    let (browser, _) = app.new_browser();
    post(
        &app,
        &browser,
        &link,
        &format!("/password/set/code?token={token}"),
        &[],
    )
    .await;
    let code = app.sms.last_code_to(PHONE);
    let use_it = |password: &'static str| {
        let (browser, token, code) = (browser.clone(), token.clone(), code.clone());
        let app = &app;
        async move {
            post(
                app,
                &browser,
                "/login",
                "/password/set",
                &[
                    ("token", &token),
                    ("code", &code),
                    ("new_password", password),
                ],
            )
            .await
        }
    };
    let (one, two) = tokio::join!(use_it(CHOSEN), use_it("another fine passphrase 77"));
    let mut statuses = [one.status().as_u16(), two.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses[0], 303);
    assert!(statuses[1] == 403 || statuses[1] == 410, "{statuses:?}");
    assert_eq!(app.count_events("password.set").await, 1);
}

on_each_backend!(a_phone_account_sets_a_password_and_phone_sign_in_asks_for_it => journey_sqlite, journey_postgres);
on_each_backend!(a_locked_out_phone_account_resets_with_its_address_and_its_phone => reset_sqlite, reset_postgres);
on_each_backend!(a_reset_to_an_unproven_address_takes_nothing_without_the_phone => unproven_address_sqlite, unproven_address_postgres);
on_each_backend!(a_password_code_to_a_number_no_longer_verified_is_refused => moved_number_sqlite, moved_number_postgres);
on_each_backend!(a_reset_link_dies_when_a_first_password_is_set_in_the_settings => link_then_first_password_sqlite, link_then_first_password_postgres);
on_each_backend!(two_first_passwords_at_once_set_one => first_password_twice_sqlite, first_password_twice_postgres);
on_each_backend!(a_reset_link_and_its_code_used_twice_at_once_set_the_password_once => link_and_code_twice_sqlite, link_and_code_twice_postgres);
on_each_backend!(a_phone_account_with_a_confirmed_address_is_emailed_and_resets_by_email => confirmed_address_sqlite, confirmed_address_postgres);
