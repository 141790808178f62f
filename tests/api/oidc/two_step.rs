//! Signing in to an application with each second step the portal offers (the authenticator
//! app, a recovery code, a trusted device, a phone number's sign-in), and the second step an
//! application or a request asks of someone who would not have had to take it: set-up for
//! a person without a method (its first code counts), a code for a session that proved the
//! password alone. On both databases.

use super::{acr, amr, begin, code_of, finish, follow, page_of, relying_party, sign_in_at, spawn};
use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to, location_of, oathtool,
};
use crate::kit::applications::NewApplication;
use crate::oidc::CALLBACK;
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";

/// From the answer of a sign-in form that ends the sign-in: back to the relying party.
async fn back_to_rp(app: &TestApp, answer: &reqwest::Response) -> reqwest::Response {
    let location = location_of(answer).expect("a redirect after the form");
    assert!(
        location.starts_with("/oauth2/continue?request="),
        "the form leads back to the application's sign-in: {location}"
    );
    follow(app, &app.client, &app.url(&location)).await
}

/// The application's sign-in in this app's browser, up to the password typed: the answer.
async fn password_step(app: &TestApp, url: &str) -> reqwest::Response {
    let to_login = follow(app, &app.client, url).await;
    assert_eq!(to_login.url().path(), "/login");
    sign_in_at(app, &app.client, &page_of(&to_login), EMAIL).await
}

async fn an_app_user_gives_the_apps_code_and_the_application_reads_otp(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let key = app.user_with_app(EMAIL).await;
    app.confirm_codes_saved().await;
    app.post_logout().await;
    // The set-up used the current step's code.
    app.clock.advance(30);
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);

    let code_step = password_step(&app, &attempt.url).await;
    assert_redirect_to(&code_step, "/login/verify");
    let verified = app
        .submit_sign_in_code_with("app", &oathtool(&key, app.clock.now()))
        .await;
    let back = back_to_rp(&app, &verified).await;
    let code = code_of(&app, &back, &attempt);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["pwd", "otp", "mfa"]);
    assert_eq!(acr(&signed_in.claims), "urn:twostep:two-step");
}

on_each_backend!(an_app_user_gives_the_apps_code_and_the_application_reads_otp => app_user_sqlite, app_user_postgres);

async fn a_recovery_code_counts_as_the_second_step(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.user_with_app(EMAIL).await;
    let codes = app.shown_recovery_codes().await;
    app.confirm_codes_saved().await;
    app.post_logout().await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);

    let code_step = password_step(&app, &attempt.url).await;
    assert_redirect_to(&code_step, "/login/verify");
    let used = app.submit_recovery_code(&codes[0]).await;
    let back = back_to_rp(&app, &used).await;
    let code = code_of(&app, &back, &attempt);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["pwd", "otp", "mfa"]);
    assert_eq!(acr(&signed_in.claims), "urn:twostep:two-step");
}

on_each_backend!(a_recovery_code_counts_as_the_second_step => recovery_code_sqlite, recovery_code_postgres);

async fn a_trusted_device_reads_as_two_factors_without_a_code(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_sms_user(EMAIL, PHONE).await;
    app.sign_in_first_step(EMAIL).await;
    let code = app.sms.last_code_to(PHONE);
    let trusted = app
        .submit_on("/login/verify", &[("code", &code), ("trust_device", "yes")])
        .await;
    assert_redirect_to(&trusted, "/");
    app.post_logout().await;
    let texts = app.sms.count_to(PHONE);
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);

    // The password on the trusted device signs in: no code asked, none texted.
    let signed_in = password_step(&app, &attempt.url).await;
    let back = back_to_rp(&app, &signed_in).await;
    let code = code_of(&app, &back, &attempt);
    assert_eq!(app.sms.count_to(PHONE), texts);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["pwd", "mfa"]);
    assert_eq!(acr(&signed_in.claims), "urn:twostep:two-step");
}

on_each_backend!(a_trusted_device_reads_as_two_factors_without_a_code => trusted_device_sqlite, trusted_device_postgres);

/// Signs in this app's browser with a phone number's code (texted in the background),
/// and, when the account asks for it, the password; the answer of the last form.
async fn phone_sign_in(app: &TestApp, phone: &str, password_too: bool) -> reqwest::Response {
    let texts = app.sms.count_to(phone);
    let asked = app.submit_on("/login/phone", &[("phone", phone)]).await;
    assert_redirect_to(&asked, "/login/phone/verify");
    crate::mail::eventually(10, "the phone sign-in's text", async || {
        app.sms.count_to(phone) > texts
    })
    .await;
    let coded = app
        .submit_on(
            "/login/phone/verify",
            &[("code", &app.sms.last_code_to(phone))],
        )
        .await;
    if !password_too {
        return coded;
    }
    assert_redirect_to(&coded, "/login/phone/password");
    app.submit_on("/login/phone/password", &[("password", GOOD_PASSWORD)])
        .await
}

/// A phone number's sign-in with the password (a person with 2-step verification) is two
/// factors: an application that requires them gets its code at once.
async fn a_phone_sign_in_with_the_password_meets_an_application_requiring_two_step(
    backend: Backend,
) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.kit().set_platform(|s| s.phone_sign_in = true).await;
    app.create_sms_user(EMAIL, PHONE).await;
    let (strict, secret) = app
        .kit()
        .create_application(&NewApplication {
            require_two_step: true,
            ..NewApplication::confidential("Ledger", &[CALLBACK])
        })
        .await;
    let done = phone_sign_in(&app, PHONE, true).await;
    assert_redirect_to(&done, "/");

    let rp = relying_party(&app, &strict.client_id, secret.as_deref()).await;
    let attempt = begin(&rp, &[], &[]);
    let back = follow(&app, &app.client, &attempt.url).await;
    let code = code_of(&app, &back, &attempt);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["sms", "pwd", "mfa"]);
    assert_eq!(acr(&signed_in.claims), "urn:twostep:two-step");
}

on_each_backend!(a_phone_sign_in_with_the_password_meets_an_application_requiring_two_step => phone_and_password_sqlite, phone_and_password_postgres);

/// A phone number's code alone (a person without 2-step verification) is one factor; a
/// request for two takes the person to set up 2-step verification first.
async fn a_phone_code_alone_is_one_factor(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.kit().set_platform(|s| s.phone_sign_in = true).await;
    let id = app.create_user(EMAIL, "Ada Lovelace", false).await;
    app.kit().verify_profile_phone(id, PHONE).await;
    let done = phone_sign_in(&app, PHONE, false).await;
    assert_redirect_to(&done, "/");
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;

    let attempt = begin(&rp, &[], &[]);
    let back = follow(&app, &app.client, &attempt.url).await;
    let code = code_of(&app, &back, &attempt);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["sms"]);
    assert_eq!(acr(&signed_in.claims), "urn:twostep:password");

    let two_step = begin(&rp, &[], &[("acr_values", "urn:twostep:two-step")]);
    let asked = app.client.get(&two_step.url).send().await.unwrap();
    assert_redirect_to(&asked, "/account/security/two-step");
}

on_each_backend!(a_phone_code_alone_is_one_factor => phone_code_alone_sqlite, phone_code_alone_postgres);

/// A person without a method, signing in to an application marked "Require 2-step
/// verification", is taken to set-up: the code that turns SMS on is the second step, and
/// "Done" under the recovery codes returns to the application.
async fn set_up_s_first_code_is_the_second_step_an_application_requires(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (strict, secret) = app
        .kit()
        .create_application(&NewApplication {
            require_two_step: true,
            ..NewApplication::confidential("Ledger", &[CALLBACK])
        })
        .await;
    let rp = relying_party(&app, &strict.client_id, secret.as_deref()).await;
    let attempt = begin(&rp, &[], &[]);

    let signed_in = password_step(&app, &attempt.url).await;
    let location = location_of(&signed_in).unwrap();
    let to_set_up = app.get(&location).await;
    assert_redirect_to(&to_set_up, "/account/security/two-step");
    assert_eq!(app.count_events("application.signed_in").await, 0);
    let asked = app.submit_phone(PHONE).await;
    assert_redirect_to(&asked, "/account/security/sms/verify");
    let on = app.submit_phone_code(&app.sms.last_code_to(PHONE)).await;
    assert_redirect_to(&on, "/account/security/recovery-codes/new");
    let done = app
        .submit(
            "/account/security/recovery-codes/new",
            "/account/security/recovery-codes/done",
            &[("saved", "yes")],
        )
        .await;
    let back = back_to_rp(&app, &done).await;
    let code = code_of(&app, &back, &attempt);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["pwd", "sms", "mfa"]);
    assert_eq!(acr(&signed_in.claims), "urn:twostep:two-step");
}

on_each_backend!(set_up_s_first_code_is_the_second_step_an_application_requires => set_up_sqlite, set_up_postgres);

/// A session that proved the password alone (2-step verification was turned on elsewhere
/// since) is asked the code when a request's `acr_values` wants two factors; the session
/// then holds both, and `auth_time` is the code's.
async fn acr_values_asks_the_code_of_a_password_only_session(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let id = app.create_user(EMAIL, "Ada Lovelace", false).await;
    let signed_in = app.post_login(EMAIL, GOOD_PASSWORD).await;
    assert_redirect_to(&signed_in, "/");
    app.kit().turn_on_sms(id, PHONE).await;
    let texts = app.sms.count_to(PHONE);
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;

    // Without acr_values, the session's one factor is enough.
    let plain = begin(&rp, &[], &[]);
    let back = follow(&app, &app.client, &plain.url).await;
    let code = code_of(&app, &back, &plain);
    let first = finish(&rp, plain, &code).await;
    assert_eq!(acr(&first.claims), "urn:twostep:password");

    app.clock.advance(5);
    let attempt = begin(&rp, &[], &[("acr_values", "urn:twostep:two-step")]);
    // Asked first: a link alone neither ends the session's sign-in nor texts a code.
    let asked = follow(&app, &app.client, &attempt.url).await;
    assert_eq!(asked.status(), 200);
    let page = asked.url().to_string();
    let html = asked.text().await.unwrap();
    assert!(html.contains("CRM asks for 2-step verification"), "{html}");
    assert_eq!(app.sms.count_to(PHONE), texts, "nothing texted yet");
    let request = html
        .split("name=\"request\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let forged = app
        .post_raw("/oauth2/step-up", &[("request", request.as_str())])
        .await;
    assert_eq!(forged.status(), 403, "another site cannot press it");
    assert_eq!(app.sms.count_to(PHONE), texts);
    let started = app
        .submit(
            page.strip_prefix(&app.address).unwrap(),
            "/oauth2/step-up",
            &[("request", request.as_str())],
        )
        .await;
    assert_redirect_to(&started, "/login/verify");
    assert_eq!(app.sms.count_to(PHONE), texts + 1, "the code is texted");
    let verified = app.submit_sign_in_code(&app.sms.last_code_to(PHONE)).await;
    let back = back_to_rp(&app, &verified).await;
    let code = code_of(&app, &back, &attempt);
    let stepped_up = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&stepped_up.claims), ["pwd", "sms", "mfa"]);
    assert_eq!(acr(&stepped_up.claims), "urn:twostep:two-step");
    assert_eq!(stepped_up.claims.subject(), first.claims.subject());
    assert!(stepped_up.claims.auth_time().unwrap() > first.claims.auth_time().unwrap());
    // Still signed in, as the same person.
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
}

on_each_backend!(acr_values_asks_the_code_of_a_password_only_session => step_up_sqlite, step_up_postgres);

/// "Sign in with phone number" on the sign-in page an application's sign-in sent the
/// browser to keeps the way back: the phone sign-in ends in the application.
async fn a_phone_sign_in_from_an_applications_sign_in_page_returns_there(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.kit().set_platform(|s| s.phone_sign_in = true).await;
    app.create_sms_user(EMAIL, PHONE).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);
    let login = follow(&app, &app.client, &attempt.url).await;
    assert_eq!(login.url().path(), "/login");
    let html = login.text().await.unwrap();
    let link = html
        .split("<a href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with("/login/phone"))
        .expect("the phone sign-in link")
        .replace("&amp;", "&");
    let next = url::Url::parse(&app.url(&link))
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v.into_owned());
    assert!(
        next.as_deref()
            .is_some_and(|n| n.starts_with("/oauth2/continue?request=")),
        "{link}"
    );
    assert_eq!(app.get(&link).await.status(), 200);
    let done = phone_sign_in(&app, PHONE, true).await;
    let back = back_to_rp(&app, &done).await;
    let code = code_of(&app, &back, &attempt);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["sms", "pwd", "mfa"]);
}

on_each_backend!(a_phone_sign_in_from_an_applications_sign_in_page_returns_there => phone_link_sqlite, phone_link_postgres);
