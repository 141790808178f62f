//! A lost phone (issue 25): an administrator issues a temporary access code, the person
//! signs in with their password and it, nothing switched off; the code is single use, one a
//! person, ends on time and after five wrong tries, and never travels by email. "Lost your
//! phone?" asks the administrators for help at most once an hour.

use twostep::db::audit::Origin;
use twostep::domain::temporary_codes::Validity;
use twostep::services::admin::Actor;

use crate::admin::signed_in_admin;
use crate::helpers::{
    GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, sorted_statuses, submit_with,
};
use crate::on_both_databases;

/// The code on the page that shows it once.
fn shown_code(page: &str) -> String {
    let marker = r#"id="temporary-code">"#;
    let start = page.find(marker).expect("the page shows the code") + marker.len();
    let end = page[start..].find('<').unwrap();
    page[start..start + end].to_owned()
}

/// The emails queued to `to`, oldest first: subject and text.
async fn emails_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body FROM outbox WHERE to_address = $1 ORDER BY id")
        .bind(to)
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

/// The help requests emailed to `to`: their texts.
async fn help_requests_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    let mut emails = emails_to(app, to).await;
    emails.retain(|(subject, _)| subject.contains("cannot sign in"));
    emails
}

/// Issues `user` a code through the use case the command line calls.
async fn issue(app: &TestApp, user: i64, hours: i64) -> String {
    app.state
        .services
        .issue_temporary_code(
            Actor::CommandLine,
            user,
            Validity::of_hours(hours).unwrap(),
            &Origin::default(),
        )
        .await
        .unwrap()
        .expect("a code is issued")
        .code
}

/// `code` typed at the temporary code's page in `browser`.
async fn type_code(app: &TestApp, browser: &reqwest::Client, code: &str) -> reqwest::Response {
    let page = "/login/temporary-code";
    submit_with(
        browser,
        &app.address,
        page,
        page,
        &[("temporary_code", code)],
    )
    .await
}

/// `email`'s password in a new browser, then `code` at the temporary code's page.
async fn sign_in_with(
    app: &TestApp,
    email: &str,
    code: &str,
) -> (reqwest::Client, reqwest::Response) {
    let (browser, response) = app.password_step_in_new_browser(email).await;
    assert_redirect_to(&response, "/login/verify");
    let answer = type_code(app, &browser, code).await;
    (browser, answer)
}

async fn an_administrator_issues_a_code_and_the_person_signs_in_with_it(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let before = app.clock.now();

    let user_page = app.get_text(&format!("/admin/users/{ada}")).await;
    assert!(
        user_page.contains("Temporary access code")
            && user_page.contains("Issue a temporary access code")
    );
    let form = format!("/admin/users/{ada}/temporary-code");
    let question = assert_page(app.get(&form).await, 200, "Valid for").await;
    assert!(question.contains(">8 hours</option>") && question.contains(">Issue code<"));
    let shown = app.submit(&form, &form, &[("valid_for", "8")]).await;
    let shown = assert_page(shown, 200, "Temporary access code for Ada Lovelace").await;
    let code = shown_code(&shown);
    assert_eq!(code.len(), 19, "{code}: four groups of four");

    // Stored as a MAC, never in clear; valid 8 hours.
    let (mac, issued_by, expires_at): (String, Option<i64>, i64) = sqlx::query_as(
        "SELECT code_mac, issued_by, expires_at FROM temporary_codes WHERE user_id = $1",
    )
    .bind(ada)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert!(!mac.contains(&code) && !mac.contains(&code.replace('-', "")));
    assert_eq!((issued_by, expires_at), (Some(admin), before + 8 * 3_600));
    let issued = app
        .audit_rows()
        .await
        .into_iter()
        .find(|r| r.event == "temporary_code.issued")
        .unwrap();
    assert_eq!((issued.actor, issued.subject), (Some(admin), Some(ada)));
    assert_eq!(
        app.audit_detail("temporary_code.issued").await,
        "valid 8 hours"
    );
    let page = app.get_text(&format!("/admin/users/{ada}")).await;
    assert!(page.contains("A code issued by Ada Admin"), "{page}");

    // The person is told, without the code.
    let emails = emails_to(&app, "ada@example.com").await;
    let (subject, body) = emails.last().unwrap();
    assert!(
        subject.contains("A temporary access code was issued"),
        "{subject}"
    );
    assert!(!body.contains(&code) && !body.contains(&code.replace('-', "")));

    // Every verification page offers it and "Lost your phone?".
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    let verify = app.get_text_in(&browser, "/login/verify").await;
    assert!(verify.contains("Use a temporary access code") && verify.contains("Lost your phone?"));

    // Typed as people type: lower case, spaces for dashes.
    let typed = code.to_lowercase().replace('-', " ");
    let answer = type_code(&app, &browser, &typed).await;
    assert_redirect_to(&answer, "/account/security?notice=temporary-code-used");
    let settings = app
        .get_text_in(&browser, "/account/security?notice=temporary-code-used")
        .await;
    assert!(
        settings.contains("Set up a new way to get your codes"),
        "{settings}"
    );
    // Nothing was switched off, and setting up a new phone asks for no password now.
    assert_eq!(app.two_factor_method(ada).await.as_deref(), Some("sms"));
    let change = app.get_in(&browser, "/account/security/sms").await;
    assert_eq!(change.status().as_u16(), 200, "the password was just given");

    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM temporary_codes WHERE user_id = $1",
            ada
        )
        .await,
        0
    );
    assert_eq!(app.count_events("temporary_code.used").await, 1);
    let how: String = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE event = 'sign_in.succeeded' AND subject_user_id = $1",
    )
    .bind(ada)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(how, "password and temporary access code");
    let (subject, body) = emails_to(&app, "ada@example.com").await.pop().unwrap();
    assert!(
        subject.contains("A temporary access code was used"),
        "{subject}"
    );
    assert!(!body.contains(&code));

    // Used once: it does not work again.
    let (_, again) = sign_in_with(&app, "ada@example.com", &code).await;
    assert_page(again, 401, "That code is not right").await;
}

async fn one_code_a_person_and_it_ends_on_time(app: TestApp) {
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let first = issue(&app, ada, 8).await;
    let second = issue(&app, ada, 1).await;
    assert_ne!(first, second);
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM temporary_codes WHERE user_id = $1",
            ada
        )
        .await,
        1
    );
    let (_, replaced) = sign_in_with(&app, "ada@example.com", &first).await;
    assert_page(replaced, 401, "That code is not right").await;

    // An hour later the second has ended too, on the server's clock.
    app.clock.advance(3_601);
    let (_, late) = sign_in_with(&app, "ada@example.com", &second).await;
    assert_page(late, 401, "no longer valid").await;

    // Someone else's code is not this person's.
    let bob = app.create_sms_user("bob@example.com", "+46701112233").await;
    let bobs = issue(&app, bob, 24).await;
    let (_, crossed) = sign_in_with(&app, "ada@example.com", &bobs).await;
    assert_page(crossed, 401, "That code is not right").await;
    let (_, own) = sign_in_with(&app, "bob@example.com", &bobs).await;
    assert_redirect_to(&own, "/account/security?notice=temporary-code-used");
}

async fn five_wrong_tries_end_the_code(app: TestApp) {
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let code = issue(&app, ada, 8).await;
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    for wrong in 1..=5 {
        let answer = type_code(&app, &browser, "0000-0000-0000-0000").await;
        assert_page(answer, 401, "after 5 wrong tries").await;
        let left = app
            .count_where(
                "SELECT COUNT(*) FROM temporary_codes WHERE user_id = $1",
                ada,
            )
            .await;
        assert_eq!(left, i64::from(wrong < 5), "after {wrong} wrong tries");
    }
    let failed = app.count_events("temporary_code.failed").await;
    assert_eq!(failed, 5);
    assert!(
        app.audit_events()
            .await
            .contains(&"temporary_code.failed".to_owned())
    );
    let ended: i64 = app
        .count("SELECT COUNT(*) FROM audit_events WHERE event = 'temporary_code.failed' AND detail = 'ended'")
        .await;
    assert_eq!(ended, 1);
    // Past the wrong-code window, the right code no longer works: a new one is needed.
    app.clock.advance(16 * 60);
    let (_, right) = sign_in_with(&app, "ada@example.com", &code).await;
    assert_page(right, 401, "That code is not right").await;

    // Wrong tries count under the person's wrong-code limit with the app's codes.
    let code = issue(&app, ada, 8).await;
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    for _ in 0..10 {
        type_code(&app, &browser, "not a code").await;
    }
    let throttled = type_code(&app, &browser, &code).await;
    assert_page(throttled, 429, "Too many wrong codes").await;
}

async fn a_hundred_uses_at_once_sign_in_once(app: TestApp) {
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let code = issue(&app, ada, 8).await;
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    let page = app.get_text_in(&browser, "/login/temporary-code").await;
    let token = crate::helpers::csrf_token(&page);
    let url = app.url("/login/temporary-code");
    let answers = futures_util::future::join_all((0..100).map(|_| {
        browser
            .post(&url)
            .form(&[
                ("csrf_token", token.as_str()),
                ("temporary_code", code.as_str()),
            ])
            .send()
    }))
    .await;
    let answers: Vec<reqwest::Response> = answers.into_iter().map(Result::unwrap).collect();
    let statuses = sorted_statuses(&answers);
    // One signs in; the others find the code used (401), the wrong-code limit reached
    // (429), or the sign-in over and its session renewed (303 to /login).
    let signed_in = answers
        .iter()
        .filter(|a| {
            a.headers()
                .get("location")
                .is_some_and(|l| l == "/account/security?notice=temporary-code-used")
        })
        .count();
    assert_eq!(signed_in, 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| [303, 401, 429].contains(s)),
        "{statuses:?}"
    );
    assert_eq!(app.count_events("temporary_code.used").await, 1);
    assert_eq!(app.count_events("sign_in.succeeded").await, 1);
}

async fn issuing_is_refused_where_it_cannot_help(app: TestApp) {
    signed_in_admin(&app).await;
    let plain = app
        .create_user("plain@example.com", "Plain Person", false)
        .await;
    let form = format!("/admin/users/{plain}/temporary-code");
    assert_page(app.get(&form).await, 409, "no 2-step verification").await;
    let refused = app
        .submit(
            &format!("/admin/users/{plain}"),
            &form,
            &[("valid_for", "8")],
        )
        .await;
    assert_page(refused, 409, "no 2-step verification").await;

    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let form = format!("/admin/users/{ada}/temporary-code");
    for hours in ["2", "0", "48", "", "eight", "-1"] {
        let refused = app.submit(&form, &form, &[("valid_for", hours)]).await;
        assert_page(refused, 422, "Choose 1 hour, 8 hours or 24 hours.").await;
    }
    app.kit().disable(ada).await;
    let refused = app
        .submit(&format!("/admin/users/{ada}"), &form, &[("valid_for", "8")])
        .await;
    assert_page(refused, 409, "disabled").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM temporary_codes").await, 0);
    assert_eq!(app.count_events("temporary_code.issued").await, 0);
}

async fn lost_your_phone_asks_the_administrators_once_an_hour(app: TestApp) {
    let admin = app
        .create_user("admin@example.com", "Ada Admin", true)
        .await;
    app.turn_on_sms_in_database(admin, "+46709990001").await;
    app.create_user("second@example.com", "Second Admin", true)
        .await;
    let gone = app
        .create_user("gone@example.com", "Gone Admin", true)
        .await;
    app.kit().disable(gone).await;
    let ada = app.create_sms_user("ada@example.com", PHONE).await;

    // Only mid-sign-in.
    let (anonymous, _) = app.new_browser();
    assert_redirect_to(&app.get_in(&anonymous, "/login/lost-phone").await, "/login");
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    let page = app.get_text_in(&browser, "/login/lost-phone").await;
    assert!(
        page.contains("Lost your phone?")
            && page.contains("Use a recovery code")
            && page.contains("Ask my administrators for help")
    );

    let token = crate::helpers::csrf_token(&page);
    let url = app.url("/login/lost-phone");
    let answers = futures_util::future::join_all((0..100).map(|_| {
        browser
            .post(&url)
            .form(&[("csrf_token", token.as_str())])
            .send()
    }))
    .await;
    for answer in answers {
        assert_page(answer.unwrap(), 200, "Your administrators have been asked").await;
    }
    for to in ["admin@example.com", "second@example.com"] {
        let emails = help_requests_to(&app, to).await;
        assert_eq!(
            emails.len(),
            1,
            "{to}: one email however many asked (100 at once)"
        );
        let (subject, body) = &emails[0];
        assert!(subject.contains("Ada Lovelace cannot sign in"), "{subject}");
        assert!(body.contains(&format!("/admin/users/{ada}")), "{body}");
        assert!(!body.contains(GOOD_PASSWORD));
    }
    assert!(help_requests_to(&app, "gone@example.com").await.is_empty());
    assert_eq!(app.count_events("sign_in.help_requested").await, 1);

    // Within the hour: the same words, nothing sent. After it: asked again.
    let again = submit_with(
        &browser,
        &app.address,
        "/login/lost-phone",
        "/login/lost-phone",
        &[],
    )
    .await;
    assert_page(again, 200, "Your administrators have been asked").await;
    assert_eq!(help_requests_to(&app, "admin@example.com").await.len(), 1);
    app.clock.advance(3_601);
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    submit_with(
        &browser,
        &app.address,
        "/login/lost-phone",
        "/login/lost-phone",
        &[],
    )
    .await;
    assert_eq!(help_requests_to(&app, "admin@example.com").await.len(), 2);

    // A signed-in browser changes its phone in the settings instead.
    app.sign_in_with_sms_code("admin@example.com", "+46709990001")
        .await;
    assert_redirect_to(&app.get("/login/lost-phone").await, "/account/security");
}

on_both_databases!(
    an_administrator_issues_a_code_and_the_person_signs_in_with_it,
    one_code_a_person_and_it_ends_on_time,
    five_wrong_tries_end_the_code,
    a_hundred_uses_at_once_sign_in_once,
    issuing_is_refused_where_it_cannot_help,
    lost_your_phone_asks_the_administrators_once_an_hour,
);
