//! SMS 2-step verification: set-up, sign-in, limits, provider failures.

use twostep::config::Settings;
use twostep::startup::Application;

use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, csrf_token,
    location_of, submit_with,
};
use crate::kit::Kit;
use crate::standins::Mode;
use crate::{on_both_databases, on_each_backend};

async fn turning_on_sms_then_signing_in_with_a_code(app: TestApp) {
    let id = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let settings = app.get_text("/account/security").await;
    assert!(settings.contains(r#"<dt>2-step verification</dt>"#));
    assert!(settings.contains(r#"<strong class="tag tag-off">Off</strong>"#));
    assert!(settings.contains("Turn on 2-step verification"));
    let methods = app.get_text("/account/security/two-step").await;
    assert!(methods.contains("Text message (SMS)"));
    // The steps of turning it on are told apart, each with its way back.
    assert!(methods.contains("<h1>Choose how to get your codes</h1>"));
    assert!(methods.contains(r#"<p class="back"><a href="/account/security">Back</a></p>"#));

    let form = app.get_text("/account/security/sms").await;
    assert!(form.contains(">Phone number<") && form.contains(">Send code<"));
    // Three steps: the number, the code, the recovery codes.
    assert!(
        form.contains(r#"<p class="caption">Step 1 of 3</p>"#),
        "{form}"
    );
    assert!(form.contains(r#"<a href="/account/security/two-step">Back</a>"#));
    let sent = app.submit_phone("+46 70-123 45 67").await;
    assert_redirect_to(&sent, "/account/security/sms/verify");
    let page = app.get_text("/account/security/sms/verify").await;
    assert!(page.contains("+46 ••• •• 67"), "{page}");
    assert!(
        page.contains(r#"<p class="caption">Step 2 of 3</p>"#),
        "{page}"
    );
    assert!(page.contains(r#"<a href="/account/security/sms">Back</a>"#));
    assert!(
        page.contains(r#"autocomplete="one-time-code""#) && page.contains(r#"inputmode="numeric""#)
    );
    let message = &app.sms.sent()[0];
    assert_eq!(message.to, PHONE);
    let code = crate::standins::code_in(&message.body);
    assert_eq!(
        message.body,
        format!("Your Twostep verification code is {code}.\n\n@localhost #{code}")
    );

    // "123 456" is how people read it off a phone.
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    let verified = app.submit_phone_code(&spaced).await;
    // First time on: ten recovery codes, shown once, until the user says they are saved.
    assert_redirect_to(&verified, "/account/security/recovery-codes/new");
    let codes_page = app.get_text("/account/security/recovery-codes/new").await;
    assert_eq!(codes_page.matches("<li><code>").count(), 10, "{codes_page}");
    assert!(
        codes_page.contains(r#"<p class="caption">Step 3 of 3</p>"#),
        "{codes_page}"
    );
    assert!(codes_page.contains("I have saved my recovery codes") && codes_page.contains(">Done<"));
    let unticked = app
        .submit(
            "/account/security/recovery-codes/new",
            "/account/security/recovery-codes/done",
            &[],
        )
        .await;
    assert_eq!(unticked.status().as_u16(), 422);
    let unticked = unticked.text().await.unwrap();
    assert_eq!(
        unticked.matches("<li><code>").count(),
        10,
        "the codes are shown again"
    );
    assert!(unticked.contains(r#"<p class="caption">Step 3 of 3</p>"#));
    app.confirm_codes_saved().await;
    // Saved: the codes are no longer shown; the page asks whether to make new ones.
    assert_redirect_to(
        &app.get("/account/security/recovery-codes/new").await,
        "/account/security/recovery-codes",
    );
    let settings = app.get_text("/account/security?notice=codes-saved").await;
    assert!(settings.contains("<dt>Recovery codes</dt>") && settings.contains("10 left"));
    assert!(
        settings.contains(r#"<strong class="tag tag-on">On</strong>"#)
            && settings.contains("<dd>+46 70 123 45 67</dd>")
    );
    app.assert_sms_on(id, PHONE).await;
    app.assert_audit_contains("two_step.enabled").await;

    // Sign out, sign in: password, then the code.
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let before = app.session_cookie().unwrap();
    assert_redirect_to(&app.get("/").await, "/login");
    assert_redirect_to(&app.get("/account/security").await, "/login");
    app.finish_sign_in_with_sms(PHONE).await;
    app.assert_new_session_id(&before, "a new session id after the code");
    assert!(
        app.session_is_dead(&before, "/login/verify").await,
        "the half-signed-in id is dead"
    );
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
    app.sms.assert_well_formed();
    for event in [
        "sign_in.code_required",
        "sms.sent",
        "code.verified",
        "sign_in.succeeded",
    ] {
        app.assert_audit_contains(event).await;
    }
}

/// How many codes were tried against user `id`'s current sign-in code.
/// The attempts on user `id`'s newest code.
async fn code_attempts(app: &TestApp, id: i64) -> i64 {
    app.count_where(
        "SELECT attempts FROM sms_challenges WHERE user_id = $1 ORDER BY id DESC LIMIT 1",
        id,
    )
    .await
}

async fn codes_are_stored_only_as_macs(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    let rows: Vec<(String,)> = sqlx::query_as("SELECT code_mac FROM sms_challenges")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(rows.len(), 2, "the code that turned SMS on, and this one");
    for (mac,) in rows {
        assert_eq!(mac.len(), 64);
        assert!(!mac.contains(&code));
    }
}

async fn wrong_codes_say_how_many_tries_remain_then_the_code_dies(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in [4, 3, 2] {
        let response = app.submit_sign_in_code(wrong).await;
        assert_page(response, 401, &format!("You have {left} tries left.")).await;
    }
    let response = app.submit_sign_in_code(wrong).await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("You have 1 try left.")
    );
    let locked = app.submit_sign_in_code(wrong).await;
    assert_page(locked, 429, "Request a new code").await;
    // Dead means dead: not even the right code works now.
    let right = app.submit_sign_in_code(&code).await;
    assert_eq!(right.status().as_u16(), 429);
    assert_redirect_to(&app.get("/").await, "/login");
    assert_eq!(code_attempts(&app, id).await, 5);
    assert_eq!(app.count_events("code.locked").await, 1);
    // The page no longer claims a code is on its way.
    let page = app.get_text("/login/verify").await;
    assert!(page.contains("No code is waiting for"), "{page}");
    assert!(!page.contains("We sent") && page.contains(">Send again<"));

    // A new code after the cooldown works.
    app.clock.advance(31);
    app.resend_and_finish_sign_in(PHONE).await;
}

async fn malformed_codes_are_explained(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    for (typed, message) in [
        ("", "Enter the verification code."),
        ("12ab56", "Enter the 6-digit code"),
        ("1234567", "Enter the 6-digit code"),
    ] {
        let response = app.submit_sign_in_code(typed).await;
        assert_eq!(response.status().as_u16(), 422);
        assert!(response.text().await.unwrap().contains(message), "{typed}");
    }
    assert_eq!(
        app.count("SELECT attempts FROM sms_challenges").await,
        0,
        "typos are not attempts"
    );
}

async fn an_expired_code_asks_for_a_new_one(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    app.clock.advance(9 * 60 + 50);
    let page = csrf_token(&app.get_text("/login/verify").await);
    app.clock.advance(20);
    let response = app
        .post_raw("/login/verify", &[("csrf_token", &page), ("code", &code)])
        .await;
    // The pending sign-in itself lasted 10 minutes: back to the password.
    assert_redirect_to(&response, "/login");
}

async fn an_expired_code_is_refused_within_a_fresh_sign_in(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    // Moves time: the code's expiry into the past.
    sqlx::query("UPDATE sms_challenges SET expires_at = $1 WHERE user_id = $2")
        .bind(app.clock.now() - 1)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let response = app.submit_sign_in_code(&code).await;
    assert_page(response, 410, "This code has expired. Request a new code").await;
}

async fn send_again_waits_for_the_cooldown_and_replaces_the_code(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let first = app.sms.last_code_to(PHONE);
    // The page says when, as a time; the button is enabled (a small script disables it and
    // counts down; without JavaScript a press too early is answered with the wait).
    let page = app.get_text("/login/verify").await;
    let now = app.clock.now();
    let said = page
        .split("You can ask for a new code at ")
        .nth(1)
        .expect("the page says when");
    let wait: i64 = said
        .split("data-countdown>")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.parse().ok())
        .expect("and in how many seconds");
    assert!((28..=30).contains(&wait), "{wait}");
    let mut at = (now + wait - 1..=now + wait + 1).map(twostep::domain::time::time_of_day);
    assert!(
        at.any(|at| said.starts_with(&format!("{at} (in "))),
        "{said}"
    );
    assert!(page.contains(r#"<button type="submit" class="secondary" aria-describedby="resend-wait">Send again</button>"#));
    assert!(!page.contains("disabled"), "nothing is rendered disabled");
    assert!(page.contains(r#"<script src="/static/countdown.js" defer></script>"#));
    // Pressed anyway (an old page, a script-less client): back to the page, nothing sent,
    // and a reload never posts again.
    let early = app.send_again().await;
    assert_redirect_to(&early, "/login/verify?with=sms&notice=too-soon");
    let told = app.get_text("/login/verify?with=sms&notice=too-soon").await;
    assert!(
        told.contains(
            "A code was sent moments ago. You can ask for a new one at the time shown below."
        ),
        "{told}"
    );
    assert_eq!(
        app.sms.count_to(PHONE),
        2,
        "the code that turned SMS on, and one"
    );
    let script = app.get("/static/countdown.js").await;
    assert_eq!(script.status().as_u16(), 200);

    app.clock.advance(30);
    assert_redirect_to(
        &app.send_again().await,
        "/login/verify?with=sms&notice=code-sent",
    );
    assert!(
        app.get_text("/login/verify?with=sms&notice=code-sent")
            .await
            .contains("A new code is on its way.")
    );
    let mut second = app.sms.last_code_to(PHONE);
    // One time in a million the new code equals the old one; send again until it differs,
    // so the old code can be tried on its own.
    for _ in 0..3 {
        if second != first {
            break;
        }
        app.clock.advance(30);
        app.send_again().await;
        second = app.sms.last_code_to(PHONE);
    }
    assert_ne!(first, second, "a new code");
    let old = app.submit_sign_in_code(&first).await;
    assert_eq!(
        old.status().as_u16(),
        401,
        "the replaced code no longer works"
    );
    assert_redirect_to(&app.submit_sign_in_code(&second).await, "/");
}

/// Asks for four more codes, each once the cooldown has passed: all are sent.
async fn send_again_four_times(app: &TestApp) {
    for _ in 0..4 {
        app.clock.advance(31);
        assert_eq!(app.send_again().await.status().as_u16(), 303);
    }
}

async fn at_most_five_codes_per_user_per_hour_and_ten_per_phone_per_day(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await; // send 1
    send_again_four_times(&app).await;
    app.clock.advance(31);
    // Refused: back to the page (a reload never posts again), which says until when, drops
    // the "Send again" that cannot work, and offers the other ways in.
    let sixth = app.send_again().await;
    assert_redirect_to(&sixth, "/login/verify?with=sms");
    let page = app.get_text("/login/verify?with=sms").await;
    assert!(
        page.contains("You have asked for too many codes. You can ask for a new one at "),
        "{page}"
    );
    assert!(
        !page.contains(">Send again<") && page.contains("Use a recovery code"),
        "{page}"
    );
    assert_eq!(app.sms.count_to(PHONE), 5);
    app.assert_audit_contains("sms.send_refused").await;

    // An hour later the user may ask again, until the phone's daily ten are used.
    app.clock.advance(3600);
    app.sign_in_first_step("ada@example.com").await; // send 6
    send_again_four_times(&app).await;
    app.clock.advance(3600);
    let eleventh = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_redirect_to(&eleventh, "/login/verify");
    let page = app.get_text("/login/verify").await;
    assert!(
        page.contains("Too many codes have been sent to this phone number today"),
        "{page}"
    );
    assert_eq!(app.sms.count_to(PHONE), 10);
}

async fn twenty_concurrent_wrong_guesses_count_exactly_five(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let token = csrf_token(&app.get_text("/login/verify").await);
    let form = [("csrf_token", token.as_str()), ("code", wrong)];
    let guesses = (0..20).map(|_| app.post_raw("/login/verify", &form));
    let statuses: Vec<u16> = futures_util::future::join_all(guesses)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 429),
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 401).count(),
        4,
        "{statuses:?}"
    );
    assert_eq!(code_attempts(&app, id).await, 5);
    assert_eq!(app.count_events("code.failed").await, 4);
    let right = app
        .post_raw(
            "/login/verify",
            &[("csrf_token", token.as_str()), ("code", &code)],
        )
        .await;
    assert_eq!(right.status().as_u16(), 429);
    assert_redirect_to(&app.get("/").await, "/login");
}

async fn a_correct_code_raced_twice_is_accepted_once(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    let token = csrf_token(&app.get_text("/login/verify").await);
    let cookie = format!("twostep_session={}", app.session_cookie().unwrap());
    let csrf_cookie = format!(
        "twostep_csrf={}",
        crate::helpers::cookie_value(&app.jar, &app.address, "twostep_csrf").unwrap()
    );
    let race = (0..2).map(|_| {
        // Two browsers holding the same session, as an attacker with a copy would.
        let (client, _) = app.new_browser();
        let cookies = format!("{cookie}; {csrf_cookie}");
        let form = [("csrf_token", token.clone()), ("code", code.clone())];
        let url = app.url("/login/verify");
        async move {
            client
                .post(url)
                .header("cookie", cookies)
                .form(&form)
                .send()
                .await
                .unwrap()
        }
    });
    let outcomes: Vec<(u16, String)> = futures_util::future::join_all(race)
        .await
        .iter()
        .map(|r| (r.status().as_u16(), location_of(r).unwrap_or_default()))
        .collect();
    // One signs in. The other finds the code used (410) or, if it came after the first
    // had renewed the session, no half-signed-in session at all (back to /login).
    let signed_in = outcomes
        .iter()
        .filter(|o| **o == (303, "/".to_owned()))
        .count();
    assert_eq!(signed_in, 1, "{outcomes:?}");
    let other = outcomes.iter().find(|o| o.1 != "/").unwrap();
    assert!(
        other.0 == 410 || *other == (303, "/login".to_owned()),
        "{outcomes:?}"
    );
    // The other right code: the one that turned SMS on.
    assert_eq!(app.count_events("code.verified").await, 2);
}

/// A burst of 120 concurrent "Send again" after the cooldown sends exactly one code; every
/// other is refused by the cooldown it started and redirected back to the page (never a
/// 5xx), which then says when.
async fn a_burst_of_send_again_sends_one_code(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    app.clock.advance(31);
    let burst = (0..120).map(|_| app.send_again());
    let statuses: Vec<u16> = futures_util::future::join_all(burst)
        .await
        .iter()
        .map(|response| response.status().as_u16())
        .collect();
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    // After the code that turned SMS on: the first sign-in code and one more.
    assert_eq!(app.sms.count_to(PHONE), 3, "the first code and one more");
    assert_eq!(app.count("SELECT COUNT(*) FROM sms_sends").await, 3);
    let page = app.get_text("/login/verify?with=sms").await;
    assert!(page.contains("You can ask for a new code at "), "{page}");
}

on_both_databases!(
    a_burst_of_send_again_sends_one_code,
    turning_on_sms_then_signing_in_with_a_code,
    codes_are_stored_only_as_macs,
    wrong_codes_say_how_many_tries_remain_then_the_code_dies,
    malformed_codes_are_explained,
    an_expired_code_asks_for_a_new_one,
    an_expired_code_is_refused_within_a_fresh_sign_in,
    send_again_waits_for_the_cooldown_and_replaces_the_code,
    at_most_five_codes_per_user_per_hour_and_ten_per_phone_per_day,
    twenty_concurrent_wrong_guesses_count_exactly_five,
    a_correct_code_raced_twice_is_accepted_once,
);

/// Codes from one address across accounts stop at the per-IP limit.
#[tokio::test]
async fn codes_are_limited_per_client_address() {
    let app = TestApp::spawn_with(Backend::Sqlite, |s| s.sms_sends_per_ip_per_hour = 2)
        .await
        .unwrap();
    let mut responses = Vec::new();
    for (n, phone) in ["+46701234561", "+46701234562", "+46701234563"]
        .iter()
        .enumerate()
    {
        let email = format!("user{n}@example.com");
        app.create_sms_user(&email, phone).await;
        let response = app.post_login(&email, GOOD_PASSWORD).await;
        let location = location_of(&response);
        let status = response.status().as_u16();
        responses.push((status, location, response.text().await.unwrap()));
    }
    let outcomes: Vec<(u16, Option<&str>)> = responses
        .iter()
        .map(|(status, location, _)| (*status, location.as_deref()))
        .collect();
    assert_eq!(
        outcomes,
        [
            (303, Some("/login/verify")),
            (303, Some("/login/verify")),
            (303, Some("/login/verify"))
        ]
    );
    // The third, whose code was refused, reads why on the code page.
    let page = app.get_text("/login/verify").await;
    assert!(page.contains("from your network"), "{page}");
    assert!(
        page.contains("We cannot text a code to") && !page.contains("We sent"),
        "no code was sent, and the page does not say one was: {page}"
    );
    // The three codes that turned SMS on came from the users' own networks.
    assert_eq!(app.sms.sent().len(), 3 + 2);
}

async fn a_provider_failure_at_sign_in_says_so_and_send_again_works(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sms.set_mode(Mode::ServerError);
    let response = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 200);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("We could not send the text message just now"),
        "{page}"
    );
    assert!(page.contains(">Send again<"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sms_sends WHERE purpose = 'sign_in'")
            .await,
        0,
        "a failed send does not count"
    );
    let detail = app.audit_detail("sms.send_failed").await;
    assert!(
        detail.contains("twilio") && detail.contains("20500"),
        "{detail}"
    );

    // The provider recovers: "Send again" works at once, no cooldown.
    app.sms.set_mode(Mode::Accept);
    app.resend_and_finish_sign_in(PHONE).await;
}

async fn a_refused_number_is_explained(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    app.sms.set_mode(Mode::RejectNumber);
    let response = app.submit_phone("+46 70 123 45 67").await;
    assert_eq!(response.status().as_u16(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("could not be delivered to this number"));
    assert!(
        page.contains(r#"value="+46 70 123 45 67""#),
        "the typed number is kept"
    );
    let detail = app.audit_detail("sms.send_failed").await;
    assert!(detail.contains("21211"), "{detail}");
    assert!(
        !detail.contains("verification code"),
        "the message text is never recorded"
    );
}

on_both_databases!(
    a_provider_failure_at_sign_in_says_so_and_send_again_works,
    a_refused_number_is_explained
);

/// A provider that never answers is given up on after the timeout, with a clear message.
#[tokio::test]
async fn a_hanging_provider_gives_a_clear_message() {
    let app = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.sms_timeout = std::time::Duration::from_millis(700)
    })
    .await
    .unwrap();
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sms.set_mode(Mode::Hang);
    let response = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_page(response, 200, "We could not send the text message just now").await;
    let detail = app.audit_detail("sms.send_failed").await;
    assert!(detail.contains("timed out"), "{detail}");
}

/// With Clickatell configured, codes go through its API.
#[tokio::test]
async fn sign_in_works_through_clickatell() {
    let clickatell = crate::standins::clickatell();
    let base = clickatell.base_url.clone();
    let app = TestApp::spawn_with(Backend::Sqlite, move |s| {
        s.sms = twostep::config::SmsSettings::Clickatell {
            api_key: secrecy::SecretString::from(crate::standins::CLICKATELL_KEY),
            api_base: base.parse().unwrap(),
        };
    })
    .await
    .unwrap();
    let id = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    Kit::new(&app.state.services, &clickatell)
        .turn_on_sms(id, PHONE)
        .await;
    app.sign_in_first_step("ada@example.com").await;
    let code = clickatell.last_code_to(PHONE);
    assert_redirect_to(&app.submit_sign_in_code(&code).await, "/");
    clickatell.assert_well_formed();
    assert!(app.sms.sent().is_empty());
}

/// The zero-setup `log` provider says on every page that codes are not really sent.
#[tokio::test]
async fn the_log_provider_shows_the_development_banner() {
    // Ada turned SMS on (a code through the stand-in); then the portal is started again
    // on the same database and key with the `log` provider.
    let seeded = TestApp::spawn(Backend::Sqlite).await.unwrap();
    seeded.create_sms_user("ada@example.com", PHONE).await;
    let mut settings = Settings::for_database(&seeded.database_url, seeded.data_dir());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.secret_key = seeded.state.settings.secret_key.clone();
    settings.sms = twostep::config::SmsSettings::Log;
    let portal = Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}", portal.port());
    tokio::spawn(portal.run_until_stopped());
    let (browser, _) = seeded.new_browser();
    let page = async |path: &str| {
        let answer = browser.get(format!("{address}{path}")).send().await;
        answer.unwrap().text().await.unwrap()
    };
    assert!(page("/login").await.contains("SMS is in development mode"));
    let fields = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    let asked = submit_with(&browser, &address, "/login", "/login", &fields).await;
    assert_redirect_to(&asked, "/login/verify");
    assert!(
        page("/login/verify")
            .await
            .contains("verification codes are written to the server log")
    );
    let detail: String = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE event = 'sms.sent' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&seeded.db.pool)
    .await
    .unwrap();
    assert!(detail.starts_with("sign_in log log-"), "{detail}");
    let normal = TestApp::spawn(Backend::Sqlite).await.unwrap();
    assert!(!normal.get_text("/login").await.contains("development mode"));
}

/// Concurrent sends from one address stop exactly at the limit, with no error: the limit
/// check and the send record are one serialised step on both databases.
async fn concurrent_sends_stop_exactly_at_the_limit(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |s| s.sms_sends_per_ip_per_hour = 20).await else {
        return;
    };
    let mut emails = Vec::new();
    for n in 0..24 {
        let email = format!("user{n}@example.com");
        app.create_sms_user(&email, &format!("+467012345{n:02}"))
            .await;
        emails.push(email);
    }
    let logins = emails.iter().map(|email| {
        let (client, _) = app.new_browser();
        let address = app.address.clone();
        async move {
            crate::helpers::submit_with(
                &client,
                &address,
                "/login",
                "/login",
                &[("email", email), ("password", GOOD_PASSWORD)],
            )
            .await
            .status()
            .as_u16()
        }
    });
    let mut statuses = futures_util::future::join_all(logins).await;
    statuses.sort();
    // Every password was right (303 to the code page); the limit shows in what was sent.
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    // Beside the 24 codes that turned SMS on, each from its user's own network.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sms_sends WHERE purpose = 'sign_in'")
            .await,
        20
    );
    assert_eq!(app.sms.sent().len(), 24 + 20);
}

on_each_backend!(
    concurrent_sends_stop_exactly_at_the_limit =>
    concurrent_sends_stop_exactly_at_the_limit_on_sqlite,
    concurrent_sends_stop_exactly_at_the_limit_on_postgres
);

async fn the_second_step_can_be_cancelled(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let pending = app.session_cookie().unwrap();
    assert!(
        app.get_text("/login/verify")
            .await
            .contains("Cancel and sign out")
    );
    let cancelled = app.submit("/login/verify", "/logout", &[]).await;
    assert_redirect_to(&cancelled, "/login?notice=signed-out");
    assert!(app.session_is_dead(&pending, "/login/verify").await);
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
}

on_both_databases!(the_second_step_can_be_cancelled);
