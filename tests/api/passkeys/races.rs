//! One passkey answer sent by 100 requests at once (one browser, one cookie, one CSRF
//! token): its challenge is claimed by one of them, so it counts once.

use futures_util::future::join_all;
use reqwest::Response;

use super::{ADD_ACTION, NEW_PAGE, PasskeyPage, STEP_ACTION, with_passkeys};
use crate::helpers::{GOOD_PASSWORD, TestApp, location_of};
use crate::kit::authenticator::SoftAuthenticator;

const AT_ONCE: usize = 100;

/// Posts `fields` from `page` to `action` `AT_ONCE` times at once in this app's browser.
async fn burst(
    app: &TestApp,
    page: &PasskeyPage,
    action: &str,
    fields: &[(&str, &str)],
) -> Vec<Response> {
    let token = page.csrf();
    let mut form = vec![("csrf_token", token.as_str())];
    form.extend_from_slice(fields);
    let posts = (0..AT_ONCE).map(|_| app.client.post(app.url(action)).form(&form).send());
    join_all(posts)
        .await
        .into_iter()
        .map(|r| r.expect("POST"))
        .collect()
}

/// How many answers redirected to `location`, after checking none failed on the server.
fn redirected_to(responses: &[Response], location: &str) -> usize {
    let mut statuses: Vec<(u16, Option<String>)> = responses
        .iter()
        .map(|r| (r.status().as_u16(), location_of(r)))
        .collect();
    statuses.sort();
    assert!(
        statuses.iter().all(|(status, _)| *status < 500),
        "server errors in the burst: {statuses:?}"
    );
    statuses
        .iter()
        .filter(|(status, to)| *status == 303 && to.as_deref() == Some(location))
        .count()
}

async fn one_assertion_sent_100_times_signs_in_once(app: TestApp) {
    let (ada, mut authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    let signed_in = app.count_events("sign_in.succeeded").await;
    app.sign_in_first_step("ada@example.com").await;
    let page = app.passkey_page_in(&app.client, "/login/verify").await;
    let answer = authenticator
        .authenticate(&page.options, &app.passkey_origin())
        .to_string();
    let responses = burst(&app, &page, STEP_ACTION, &[("credential", &answer)]).await;
    assert_eq!(redirected_to(&responses, "/"), 1);
    assert_eq!(app.sign_count_of(ada).await, 1, "the counter moved once");
    assert_eq!(app.count_events("sign_in.succeeded").await, signed_in + 1);
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM sessions WHERE user_id = $1", ada)
            .await,
        // The browser that added the passkey, and this one.
        2
    );
}

async fn one_registration_sent_100_times_adds_one_passkey(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let page = app.passkey_page_in(&app.client, NEW_PAGE).await;
    let answer = SoftAuthenticator::new()
        .register(&page.options, &app.passkey_origin())
        .to_string();
    let responses = burst(
        &app,
        &page,
        ADD_ACTION,
        &[("name", "Laptop"), ("credential", &answer)],
    )
    .await;
    assert_eq!(
        redirected_to(&responses, "/account/security/recovery-codes/new"),
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 1);
    assert_eq!(app.count_events("passkey.added").await, 1);
    assert_eq!(app.count_events("two_step.enabled").await, 1);
    assert_eq!(app.count_events("recovery_codes.generated").await, 1);
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("passkey"));
}

with_passkeys!(
    one_assertion_sent_100_times_signs_in_once,
    one_registration_sent_100_times_adds_one_passkey,
);
