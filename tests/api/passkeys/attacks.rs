//! What each passkey ceremony refuses: another site's or origin's answer, an answer
//! replayed or made for another session's challenge, a counter gone back, another
//! account's passkey, answers of the wrong kind, malformed or huge. Each is a 4xx that
//! says what to do, and nothing is written (no passkey, no session, no counter moved) but
//! the audit event.

use reqwest::Response;

use super::{ADD_ACTION, NEW_PAGE, SIGN_IN_PAGE, STEP_ACTION, Stored, with_passkeys};
use crate::helpers::{TestApp, assert_page, assert_redirect_to, location_of};
use crate::kit::authenticator::SoftAuthenticator;

const NOT_ACCEPTED: &str = "Your passkey was not accepted.";
const NOT_CREATED: &str = "No passkey was created.";

impl TestApp {
    /// Asserts that `response` is `status` saying `message`, that nothing changed since
    /// `before`, and that `event` (if any) was audited once more than `events` times.
    async fn assert_refused(
        &self,
        response: Response,
        (status, message): (u16, &str),
        before: &Stored,
        event: Option<(&str, usize)>,
    ) {
        assert_page(response, status, message).await;
        assert_eq!(&self.stored().await, before, "nothing is written");
        if let Some((event, events)) = event {
            assert_eq!(self.count_events(event).await, events + 1, "{event}");
        }
    }
}

/// What a browser posts in answer to a page's options.
type Answer = Box<dyn Fn(&serde_json::Value) -> String>;

/// The second step's answers: for each, a browser of Ada's between her password and her
/// passkey posts it.
async fn the_second_step_refuses_what_is_not_her_passkey_now(app: TestApp) {
    let (ada, authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    let (_, bobs) = app.create_passkey_user("bob@example.com", "Bob").await;
    let origin = app.passkey_origin();
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    let refused = (401, NOT_ACCEPTED);

    let mut attempts: Vec<(&str, Answer)> = Vec::new();
    let mut phished = authenticator.clone();
    phished.origin_override = Some("http://evil.example".into());
    attempts.push((
        "another origin",
        Box::new(move |options| phished.clone().authenticate(options, &origin).to_string()),
    ));
    let origin = app.passkey_origin();
    let mut elsewhere = authenticator.clone();
    elsewhere.rp_id_override = Some("evil.example".into());
    attempts.push((
        "another site",
        Box::new(move |options| elsewhere.clone().authenticate(options, &origin).to_string()),
    ));
    let origin = app.passkey_origin();
    attempts.push((
        "Bob's passkey",
        Box::new(move |options| {
            // Bob's authenticator signs with his own credential whatever the page allows.
            let mut options = options.clone();
            options["allowCredentials"] = serde_json::json!([]);
            bobs.clone().authenticate(&options, &origin).to_string()
        }),
    ));
    attempts.push(("malformed", Box::new(|_| "{\"id\": \"abc\", ".to_owned())));
    attempts.push(("an empty object", Box::new(|_| "{}".to_owned())));
    let origin = app.passkey_origin();
    let registering = SoftAuthenticator::new();
    let creation = serde_json::json!({
        "rp": {"id": "localhost", "name": "Twostep"},
        "user": {"id": "AAAAAAAAAAAAAAAAAAAAAA", "name": "ada@example.com", "displayName": "Ada"},
        "challenge": "AAAAAAAAAAAAAAAAAAAAAA",
        "pubKeyCredParams": [{"type": "public-key", "alg": -7}],
    });
    attempts.push((
        "a registration",
        Box::new(move |_| registering.clone().register(&creation, &origin).to_string()),
    ));

    for (what, answer) in attempts {
        let before = app.stored().await;
        let events = app.count_events("passkey.refused").await;
        let page = app.passkey_page_in(&browser, "/login/verify").await;
        let credential = answer(&page.options);
        let posted = app
            .post_from_in(&browser, &page, STEP_ACTION, &[("credential", &credential)])
            .await;
        assert_eq!(posted.status().as_u16(), 401, "{what}");
        app.assert_refused(posted, refused, &before, Some(("passkey.refused", events)))
            .await;
    }
    assert_eq!(
        app.last_detail("passkey.refused").await.as_deref(),
        Some("not a passkey's answer")
    );

    // Empty (a form sent without JavaScript) and oversized answers are not even read.
    let huge = format!("{{\"id\":\"{}\"}}", "A".repeat(17 * 1024));
    for credential in ["", "   ", huge.as_str()] {
        let before = app.stored().await;
        let page = app.passkey_page_in(&browser, "/login/verify").await;
        let posted = app
            .post_from_in(&browser, &page, STEP_ACTION, &[("credential", credential)])
            .await;
        app.assert_refused(posted, refused, &before, None).await;
    }
    let page = app.passkey_page_in(&browser, "/login/verify").await;
    let body = format!("{{\"id\":\"{}\"}}", "A".repeat(65 * 1024));
    let too_large = app
        .post_from_in(&browser, &page, STEP_ACTION, &[("credential", &body)])
        .await;
    assert_eq!(too_large.status().as_u16(), 413);

    // After all that, her own passkey still works, with the counter where it was.
    assert_eq!(app.sign_count_of(ada).await, 0);
    let mut authenticator = authenticator;
    assert_redirect_to(&app.use_passkey_in(&browser, &mut authenticator).await, "/");
    assert_eq!(app.sign_count_of(ada).await, 1);
}

async fn an_answer_counts_once_and_only_in_its_own_session(app: TestApp) {
    let (ada, mut authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    let origin = app.passkey_origin();

    // A challenge from browser A, answered and posted in browser B (both past the
    // password): B's own challenge is the one it must answer.
    let (a, _) = app.password_step_in_new_browser("ada@example.com").await;
    let (b, _) = app.password_step_in_new_browser("ada@example.com").await;
    let page_a = app.passkey_page_in(&a, "/login/verify").await;
    let page_b = app.passkey_page_in(&b, "/login/verify").await;
    let for_a = authenticator
        .authenticate(&page_a.options, &origin)
        .to_string();
    let before = app.stored().await;
    let events = app.count_events("passkey.refused").await;
    let posted = app
        .post_from_in(&b, &page_b, STEP_ACTION, &[("credential", &for_a)])
        .await;
    app.assert_refused(
        posted,
        (401, NOT_ACCEPTED),
        &before,
        Some(("passkey.refused", events)),
    )
    .await;

    // Alone at /login/passkey: the answer signs in once; replayed, in the same browser
    // or another, it is refused.
    let (c, _) = app.new_browser();
    let page = app.passkey_page_in(&c, SIGN_IN_PAGE).await;
    let answer = authenticator
        .authenticate(&page.options, &origin)
        .to_string();
    let signed_in = app
        .post_from_in(&c, &page, SIGN_IN_PAGE, &[("credential", &answer)])
        .await;
    assert_redirect_to(&signed_in, "/");
    // The answer made for browser A (count 1) was never taken: this one (2) was.
    assert_eq!(app.sign_count_of(ada).await, 2);
    crate::helpers::submit_with(&c, &app.address, "/", "/logout", &[]).await;
    let (d, _) = app.new_browser();
    for browser in [&c, &d] {
        let before = app.stored().await;
        let events = app.count_events("passkey.refused").await;
        let page = app.passkey_page_in(browser, SIGN_IN_PAGE).await;
        let replayed = app
            .post_from_in(browser, &page, SIGN_IN_PAGE, &[("credential", &answer)])
            .await;
        app.assert_refused(
            replayed,
            (401, NOT_ACCEPTED),
            &before,
            Some(("passkey.refused", events)),
        )
        .await;
        assert_redirect_to(&app.get_in(browser, "/account/security").await, "/login");
    }
    // Posted with no ceremony begun in this browser at all.
    let (e, _) = app.new_browser();
    let page = app.passkey_page_in(&e, SIGN_IN_PAGE).await;
    let (fresh, _) = app.new_browser();
    let token_page = fresh.get(app.url("/login")).send().await.unwrap();
    let html = token_page.text().await.unwrap();
    let token = crate::helpers::csrf_token(&html);
    let answer = authenticator
        .authenticate(&page.options, &origin)
        .to_string();
    let before = app.stored().await;
    let stray = fresh
        .post(app.url(SIGN_IN_PAGE))
        .form(&[("csrf_token", token.as_str()), ("credential", &answer)])
        .send()
        .await
        .unwrap();
    app.assert_refused(stray, (401, NOT_ACCEPTED), &before, None)
        .await;
}

async fn a_counter_gone_back_is_refused_and_audited(app: TestApp) {
    let (ada, mut authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    let (browser, _) = app.new_browser();
    assert_redirect_to(
        &app.sign_in_with_passkey_in(&browser, &mut authenticator)
            .await,
        "/",
    );
    assert_redirect_to(
        &app.sign_in_with_passkey_in(&app.new_browser().0, &mut authenticator)
            .await,
        "/",
    );
    assert_eq!(app.sign_count_of(ada).await, 2);

    // A copy of the key that signed only once: its next count, 2, is not past the 2 seen.
    let mut copy = authenticator.clone();
    copy.credentials[0].counter = 1;
    for (page, action) in [(SIGN_IN_PAGE, SIGN_IN_PAGE), ("/login/verify", STEP_ACTION)] {
        let browser = if page == SIGN_IN_PAGE {
            app.new_browser().0
        } else {
            app.password_step_in_new_browser("ada@example.com").await.0
        };
        let before = app.stored().await;
        let events = app.count_events("passkey.counter_refused").await;
        let page = app.passkey_page_in(&browser, page).await;
        let answer = copy
            .clone()
            .authenticate(&page.options, &app.passkey_origin())
            .to_string();
        let refused = app
            .post_from_in(&browser, &page, action, &[("credential", &answer)])
            .await;
        app.assert_refused(
            refused,
            (401, "This passkey was refused: it may have been copied."),
            &before,
            Some(("passkey.counter_refused", events)),
        )
        .await;
    }
    assert_eq!(
        app.last_detail("passkey.counter_refused").await.as_deref(),
        Some("Laptop")
    );
    assert_eq!(app.sign_count_of(ada).await, 2);
}

/// The add page's answers: another origin's or site's, a sign-in's, malformed, replayed,
/// empty, oversized.
async fn adding_refuses_what_is_not_a_new_passkey_for_this_page(app: TestApp) {
    let (_, mut authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    let browser = app
        .passkey_signed_in_browser("ada@example.com", &mut authenticator)
        .await;
    let origin = app.passkey_origin();
    let add = |page: &super::PasskeyPage, credential: String| {
        let page_token = page.csrf();
        let browser = browser.clone();
        let url = app.url(ADD_ACTION);
        async move {
            browser
                .post(url)
                .form(&[
                    ("csrf_token", page_token.as_str()),
                    ("name", "Stolen"),
                    ("credential", &credential),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let refused = (422, NOT_CREATED);

    let page = app.passkey_page_in(&browser, NEW_PAGE).await;
    let mut phished = SoftAuthenticator::new();
    phished.origin_override = Some("http://evil.example".into());
    let answer = phished.register(&page.options, &origin).to_string();
    let before = app.stored().await;
    app.assert_refused(add(&page, answer).await, refused, &before, None)
        .await;

    let page = app.passkey_page_in(&browser, NEW_PAGE).await;
    let mut elsewhere = SoftAuthenticator::new();
    elsewhere.rp_id_override = Some("evil.example".into());
    let answer = elsewhere.register(&page.options, &origin).to_string();
    app.assert_refused(add(&page, answer).await, refused, &before, None)
        .await;

    // A sign-in's answer (an assertion) is not a registration.
    let sign_in = app
        .passkey_page_in(&app.new_browser().0, SIGN_IN_PAGE)
        .await;
    let page = app.passkey_page_in(&browser, NEW_PAGE).await;
    let mut assertion_options = sign_in.options.clone();
    assertion_options["challenge"] = page.options["challenge"].clone();
    let answer = authenticator
        .clone()
        .authenticate(&assertion_options, &origin)
        .to_string();
    app.assert_refused(add(&page, answer).await, refused, &before, None)
        .await;

    // A good answer is stored once.
    let page = app.passkey_page_in(&browser, NEW_PAGE).await;
    let answer = authenticator.register(&page.options, &origin).to_string();
    assert_redirect_to(
        &add(&page, answer.clone()).await,
        "/account/security?notice=passkey-added",
    );
    // Replayed on the next page (its own challenge), it is told apart as this person's
    // own passkey.
    let before = app.stored().await;
    let page = app.passkey_page_in(&browser, NEW_PAGE).await;
    let already = (409, "This passkey is already registered.");
    app.assert_refused(add(&page, answer.clone()).await, already, &before, None)
        .await;

    let huge = format!("{{\"id\":\"{}\"}}", "A".repeat(17 * 1024));
    for credential in ["", "not json", "{\"id\":", huge.as_str()] {
        let page = app.passkey_page_in(&browser, NEW_PAGE).await;
        let posted = add(&page, credential.to_owned()).await;
        app.assert_refused(posted, refused, &before, None).await;
    }
    let page = app.passkey_page_in(&browser, NEW_PAGE).await;
    let too_large = add(&page, "A".repeat(65 * 1024)).await;
    assert_eq!(too_large.status().as_u16(), 413);
    assert_eq!(app.stored().await, before);
}

async fn another_accounts_passkey_cannot_be_removed(app: TestApp) {
    let (_, _) = app.create_passkey_user("ada@example.com", "Ada").await;
    let adas: i64 = app.count("SELECT MAX(id) FROM passkeys").await;
    app.create_user("bob@example.com", "Bob", false).await;
    let bob = app.signed_in_browser("bob@example.com").await;
    let before = app.stored().await;
    let events = app.audit_events().await.len();
    for path in [
        format!("/account/security/passkeys/{adas}/remove"),
        "/account/security/passkeys/999999/remove".to_owned(),
    ] {
        let page = app.passkey_page_in_or_security(&bob).await;
        let posted = bob
            .post(app.url(&path))
            .form(&[("csrf_token", page.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(posted.status().as_u16(), 303);
        assert_eq!(
            location_of(&posted).as_deref(),
            Some("/account/security#passkeys")
        );
        let asked = app.get_in(&bob, &path).await;
        assert_eq!(
            location_of(&asked).as_deref(),
            Some("/account/security#passkeys")
        );
    }
    assert_eq!(app.stored().await, before);
    assert_eq!(app.audit_events().await.len(), events);
    let email = app.mail_to("ada@example.com");
    assert!(!email.iter().any(|m| m.contains("removed")), "{email:?}");
}

impl TestApp {
    /// The CSRF token of My security settings in `browser`.
    async fn passkey_page_in_or_security(&self, browser: &reqwest::Client) -> String {
        crate::helpers::csrf_token(&self.get_text_in(browser, "/account/security").await)
    }
}

with_passkeys!(
    the_second_step_refuses_what_is_not_her_passkey_now,
    an_answer_counts_once_and_only_in_its_own_session,
    a_counter_gone_back_is_refused_and_audited,
    adding_refuses_what_is_not_a_new_passkey_for_this_page,
    another_accounts_passkey_cannot_be_removed,
);
