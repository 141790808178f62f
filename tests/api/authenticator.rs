//! Authenticator apps (TOTP) and recovery codes.

use crate::helpers::{
    GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, oathtool, sorted_statuses,
};
use crate::on_both_databases;
use twostep::db::totp::claim_step;

/// Waits for the server clock to sit early in a 30-second step, so "this step", "the one
/// before" and "the one after" are what the test means.
fn step_start(app: &TestApp) -> i64 {
    let now = app.clock.now();
    let into_step = now.rem_euclid(30);
    if into_step > 20 {
        app.clock.advance(30 - into_step + 1);
    }
    app.clock.now()
}

async fn setting_up_the_app_shows_a_qr_code_and_the_key(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert!(
        app.get_text("/account/security/two-step")
            .await
            .contains("Authenticator app")
    );
    let page = app.get_text("/account/security/app").await;
    assert!(page.contains("<svg") && page.contains("Verification code"));
    assert!(
        page.contains(r#"<p class="back"><a href="/account/security/two-step">Back</a></p>"#),
        "a way back to the choice of method: {page}"
    );
    // Two steps: the app, then the recovery codes.
    assert!(
        page.contains(r#"<p class="caption">Step 1 of 2</p>"#),
        "{page}"
    );
    let key = app.setup_key().await;
    assert_eq!(key.len(), 32, "160 bits in base32");
    let uri = format!(
        "otpauth://totp/Twostep:ada%40example%2Ecom?secret={key}&#38;issuer=Twostep&#38;algorithm=SHA1&#38;digits=6&#38;period=30"
    );
    assert!(page.contains(&uri), "{page}");
    assert_eq!(
        app.setup_key().await,
        key,
        "reloading keeps the key being set up"
    );

    // A wrong code leaves 2-step verification off.
    let wrong = app.submit_app_setup_code("000000").await;
    assert_eq!(wrong.status().as_u16(), 401);
    assert_eq!(app.two_factor_method(id).await, None);

    let code = oathtool(&key, step_start(&app));
    let confirmed = app.submit_app_setup_code(&code).await;
    assert_redirect_to(&confirmed, "/account/security/recovery-codes/new");
    let codes_page = app.get_text("/account/security/recovery-codes/new").await;
    assert!(
        codes_page.contains(r#"<p class="caption">Step 2 of 2</p>"#),
        "{codes_page}"
    );
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));
    for event in [
        "totp.failed",
        "totp.verified",
        "two_step.enabled",
        "recovery_codes.generated",
    ] {
        app.assert_audit_contains(event).await;
    }
}

async fn sign_in_accepts_the_step_before_and_after_once_each(app: TestApp) {
    let key = app.user_with_app("ada@example.com").await;
    app.post_logout().await;
    let now = step_start(&app);
    app.clock.advance(90); // past the step the set-up used

    let now = now + 90;
    app.sign_in_first_step("ada@example.com").await;
    let page = app.get_text("/login/verify").await;
    assert!(page.contains("authenticator app") && page.contains("Use a recovery code"));
    // Mid-sign-in the header offers neither "Sign in" nor "Create account".
    assert!(
        !page.contains(r#"<a href="/login">Sign in</a>"#) && !page.contains(r#"href="/register""#)
    );
    assert!(page.contains(">Cancel and sign out<"));
    // The hint of "Trust this device" is tied to its checkbox.
    assert!(page.contains(r#"value="yes" aria-describedby="trust-hint">"#));
    assert!(page.contains(r#"<p class="hint" id="trust-hint">"#));
    assert!(
        !page.contains(">Send again<"),
        "no SMS for an app user without a phone"
    );
    for (offset, accepted) in [(-60, false), (60, false), (-30, true)] {
        let code = oathtool(&key, now + offset);
        let response = app.submit_sign_in_code(&code).await;
        if accepted {
            assert_redirect_to(&response, "/");
        } else {
            assert_eq!(response.status().as_u16(), 401, "offset {offset}");
        }
    }
    // The step before was used: it, and anything older, is refused from now on.
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let replay = app.submit_sign_in_code(&oathtool(&key, now - 30)).await;
    assert_page(replay, 401, "already been used").await;
    app.assert_audit_contains("totp.replay_refused").await;
    // The step after is still good.
    assert_redirect_to(
        &app.submit_sign_in_code(&oathtool(&key, now + 30)).await,
        "/",
    );
    // And the current step is now older than the last used one.
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let current = app.submit_sign_in_code(&oathtool(&key, now)).await;
    assert_eq!(current.status().as_u16(), 401);
}

async fn recovery_codes_each_work_once_and_regenerating_voids_them(app: TestApp) {
    app.user_with_app("ada@example.com").await;
    let codes = app.shown_recovery_codes().await;
    assert_eq!(codes.len(), 10);
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 10);
    app.confirm_codes_saved().await;
    app.post_logout().await;

    app.sign_in_first_step("ada@example.com").await;
    let form = app.get_text("/login/recovery").await;
    assert!(form.contains(">Recovery code<"));
    // Typed in lower case with spaces: still the code.
    let typed = codes[0].to_lowercase().replace('-', " ");
    let used = app.submit_recovery_code(&typed).await;
    assert_redirect_to(&used, "/account/security?notice=recovery-used");
    let settings = app.get_text("/account/security?notice=recovery-used").await;
    assert!(
        settings.contains("You signed in with a recovery code.") && settings.contains("9 left")
    );
    let (subject, to): (String, String) = sqlx::query_as(
        "SELECT subject, to_address FROM outbox WHERE subject LIKE '%recovery code was used%'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(to, "ada@example.com");
    assert!(subject.contains("recovery code was used"));

    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let again = app.submit_recovery_code(&codes[0]).await;
    assert_page(again, 401, "not right, or it has been used already").await;

    // Down to three: the settings page warns.
    for code in &codes[1..7] {
        app.post_logout().await;
        app.sign_in_first_step("ada@example.com").await;
        let used = app.submit_recovery_code(code).await;
        assert_eq!(used.status().as_u16(), 303);
    }
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains(r#"<strong class="tag tag-warning">3 left</strong> <span class="hint">Generate new ones"#),
        "{settings}"
    );

    // New codes void the old ones.
    let fresh = app.regenerate_recovery_codes().await;
    assert_eq!(fresh.len(), 10);
    let shown = app.get_text("/account/security/recovery-codes/new").await;
    assert!(
        !shown.contains(r#"<p class="caption">"#),
        "new codes are no step of a set-up: {shown}"
    );
    app.confirm_codes_saved().await;
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let voided = app.submit_recovery_code(&codes[8]).await;
    assert_eq!(voided.status().as_u16(), 401);
    assert_redirect_to(
        &app.submit_recovery_code(&fresh[0]).await,
        "/account/security?notice=recovery-used",
    );
}

async fn a_recovery_code_raced_twice_works_once(app: TestApp) {
    app.user_with_app("ada@example.com").await;
    let code = app.shown_recovery_codes().await.remove(0);
    app.post_logout().await;
    let mut browsers = Vec::new();
    for _ in 0..2 {
        browsers.push(app.signed_in_browser("ada@example.com").await);
    }
    let fields = [("recovery_code", code.as_str())];
    let attempts = browsers.iter().map(|client| {
        crate::helpers::submit_with(
            client,
            &app.address,
            "/login/recovery",
            "/login/recovery",
            &fields,
        )
    });
    let answers = futures_util::future::join_all(attempts).await;
    assert_eq!(sorted_statuses(&answers), [303, 401]);
    assert_eq!(app.count_events("recovery_code.used").await, 1);
}

async fn a_database_dump_holds_no_secret_in_clear(app: TestApp) {
    let key = app.user_with_app("ada@example.com").await;
    let codes = app.shown_recovery_codes().await;
    let mut dump = String::new();
    for table in [
        "users",
        "totp_secrets",
        "recovery_codes",
        "sessions",
        "audit_events",
        "outbox",
        "sms_challenges",
    ] {
        dump.push_str(&app.text_in_table(table).await);
    }
    assert!(dump.contains("ada@example.com"), "the dump was read");
    assert!(!dump.contains(&key), "the TOTP key is sealed");
    for code in &codes {
        assert!(
            !dump.contains(code.as_str()) && !dump.contains(&code.replace('-', "")),
            "recovery code {code} in clear"
        );
    }
}

async fn switching_to_the_app_and_back_keeps_the_phone(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let setup = app.get_text("/account/security/app").await;
    assert!(
        !setup.contains(r#"<p class="caption">"#),
        "a switch is one page, no steps: {setup}"
    );
    let key = app.switch_to_the_app().await;
    app.assert_audit_contains("two_step.method_changed").await;
    // Back to text messages to a new number: the number, then the code.
    let form = app.get_text("/account/security/sms").await;
    assert!(
        form.contains(r#"<p class="caption">Step 1 of 2</p>"#),
        "{form}"
    );

    let methods = app.get_text("/account/security/two-step").await;
    assert!(
        methods.contains("The number you verified before.")
            && methods.contains("Text message (SMS) to +46 70 123 45 67"),
        "{methods}"
    );
    let sent_before = app.sms.sent().len();
    // Choosing is a radio button and "Continue"; nothing changes until the question is
    // answered.
    let unchosen = app
        .submit(
            "/account/security/two-step",
            "/account/security/two-step",
            &[],
        )
        .await;
    assert_page(unchosen, 422, "Choose how you want to get your codes.").await;
    // Anything but a choice on the page is refused with a 4xx (a NUL byte never reaches the
    // form: 400), and changes nothing.
    for hostile in ["saved-phone\u{0}", "APP", "../admin", &"x".repeat(5000)] {
        let refused = app
            .submit(
                "/account/security/two-step",
                "/account/security/two-step",
                &[("method", hostile)],
            )
            .await;
        let status = refused.status().as_u16();
        assert!(
            status == 422 || (status == 400 && hostile.contains('\0')),
            "{status} {hostile:.20}"
        );
    }
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));
    let chosen = app
        .submit(
            "/account/security/two-step",
            "/account/security/two-step",
            &[("method", "saved-phone")],
        )
        .await;
    assert_redirect_to(&chosen, "/account/security/sms/use-saved");
    let question = app.get_text("/account/security/sms/use-saved").await;
    assert!(
        question.contains("<h1>Use text messages for your codes?</h1>"),
        "{question}"
    );
    assert!(question.contains("+46 70 123 45 67, the number you verified before"));
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));
    let back = app
        .submit(
            "/account/security/sms/use-saved",
            "/account/security/sms/use-saved",
            &[],
        )
        .await;
    assert_redirect_to(&back, "/account/security?notice=sms-on");
    assert_eq!(
        app.sms.sent().len(),
        sent_before,
        "the number is not asked for or checked again"
    );
    app.assert_sms_on(id, PHONE).await;

    // With both, sign-in offers the other one.
    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    let page = app.get_text("/login/verify").await;
    assert!(page.contains("Use authenticator app") && page.contains("Use a recovery code"));
    let with_app = app.get_text("/login/verify?with=app").await;
    assert!(with_app.contains("Use text message"));
    app.clock.advance(60);
    let code = oathtool(&key, app.clock.now());
    let done = app.submit_sign_in_code_with("app", &code).await;
    assert_redirect_to(&done, "/");
}

async fn an_app_user_can_ask_for_a_text_message_instead(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    app.switch_to_the_app().await;
    let sent = app.sms.sent().len();
    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    assert_eq!(
        app.sms.sent().len(),
        sent,
        "an app user is not texted unasked"
    );
    // Opening the page sends nothing; sending is its first step, above the field, and the
    // words say so.
    let page = app.get_text("/login/verify?with=sms").await;
    assert_eq!(app.sms.sent().len(), sent);
    assert!(page.contains("We can text a 6-digit code to"), "{page}");
    assert!(!page.contains("We will text") && !page.contains("We sent"));
    let send = page.find(">Send code<").expect("a Send code button");
    assert!(
        send < page.find(r#"id="code""#).unwrap(),
        "Send code comes first"
    );
    let asked = app
        .submit("/login/verify?with=sms", "/login/verify/resend", &[])
        .await;
    assert_redirect_to(&asked, "/login/verify?with=sms&notice=code-sent");
    let code = app.sms.last_code_to(PHONE);
    let done = app.submit_sign_in_code_with("sms", &code).await;
    assert_redirect_to(&done, "/");
    let _ = id;
}

/// The sign-in reads the key once, with the user, and checks the code against it: the
/// step is claimed only while that key is still the active one (not one replaced or
/// removed meanwhile), and only once.
async fn a_step_is_claimed_only_for_the_key_it_was_checked_against(app: TestApp) {
    app.user_with_app("ada@example.com").await;
    let (user_id, sealed): (i64, String) =
        sqlx::query_as("SELECT user_id, active_sealed FROM totp_secrets")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let step = app.clock.now() / 30 + 10;
    let claim = |key: String| {
        let pool = app.db.pool.clone();
        async move { claim_step(&pool, user_id, &key, step).await.unwrap() }
    };
    assert!(!claim("a key since replaced".into()).await);
    assert!(claim(sealed.clone()).await);
    assert!(!claim(sealed).await, "a step is claimed once");
}

/// New recovery codes are asked for first, saying how many kept codes will stop working
/// and when; asking changes nothing.
async fn new_recovery_codes_are_asked_for_first(app: TestApp) {
    app.user_with_app("ada@example.com").await;
    app.shown_recovery_codes().await;
    app.confirm_codes_saved().await;
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains(
            r#"<a href="/account/security/recovery-codes">Generate new<span class="visually-hidden"> recovery codes</span></a>"#
        )
    );
    let question = app.get_text("/account/security/recovery-codes").await;
    assert!(
        question.contains("<h1>Generate new recovery codes?</h1>"),
        "{question}"
    );
    assert!(
        question.contains("Your 10 recovery codes will stop working once you save the new ones.")
    );
    assert_eq!(app.count_events("recovery_codes.generated").await, 1);
    let asked = app
        .submit(
            "/account/security/recovery-codes",
            "/account/security/recovery-codes",
            &[],
        )
        .await;
    assert_redirect_to(&asked, "/account/security/recovery-codes/new");
    assert_eq!(app.shown_recovery_codes().await.len(), 10);
}

on_both_databases!(
    new_recovery_codes_are_asked_for_first,
    a_step_is_claimed_only_for_the_key_it_was_checked_against,
    setting_up_the_app_shows_a_qr_code_and_the_key,
    sign_in_accepts_the_step_before_and_after_once_each,
    recovery_codes_each_work_once_and_regenerating_voids_them,
    a_recovery_code_raced_twice_works_once,
    a_database_dump_holds_no_secret_in_clear,
    switching_to_the_app_and_back_keeps_the_phone,
    an_app_user_can_ask_for_a_text_message_instead,
);
