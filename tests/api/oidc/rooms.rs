//! An application tied to a data room: an enforced member passes the room's code before
//! the code is issued, exactly as opening the room asks it; the room's administrators pass
//! without it; anyone else gets `access_denied`. On both databases.

use super::{
    Client, begin, callback_params, code_of, finish, follow, param, password_sign_in,
    relying_party, spawn,
};
use crate::helpers::{Backend, TestApp, location_of, submit_with};
use crate::kit::applications::NewApplication;
use crate::oidc::CALLBACK;
use crate::on_each_backend;
use crate::rooms::ROOM_PHONE;

/// An enforced room "Deal" administered by owner@example.com, with member@example.com in
/// its group Buyers (their room number set), outsider@example.com in no room, and the
/// room's application; the room's id and the relying party.
async fn room_with_an_application(app: &TestApp) -> (i64, Client) {
    let kit = app.kit();
    let admin = app
        .create_user("admin@example.com", "Ada Admin", true)
        .await;
    app.create_user("owner@example.com", "Room Owner", false)
        .await;
    let member = app
        .create_user("member@example.com", "Mem Ber", false)
        .await;
    app.create_user("outsider@example.com", "Out Sider", false)
        .await;
    let room = kit
        .create_room(admin, "Deal", None, true, &["owner@example.com"])
        .await;
    let group = kit.create_room_group(admin, room, "Buyers").await;
    kit.add_room_member(admin, group, "member@example.com")
        .await;
    kit.set_room_phone(admin, room, member, ROOM_PHONE).await;
    let (application, secret) = kit
        .create_application(&NewApplication {
            room_id: Some(room),
            ..NewApplication::confidential("Deal viewer", &[CALLBACK])
        })
        .await;
    let rp = relying_party(app, &application.client_id, secret.as_deref()).await;
    (room, rp)
}

async fn an_enforced_member_passes_the_room_s_code_before_the_application_s(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let (room, rp) = room_with_an_application(&app).await;
    let attempt = begin(&rp, &["email"], &[]);
    let (browser, _) = app.new_browser();
    let to_login = follow(&app, &browser, &attempt.url).await;
    let login_page = super::page_of(&to_login);
    let signed_in = super::sign_in_at(&app, &browser, &login_page, "member@example.com").await;
    let step = follow(&app, &browser, &app.url(&location_of(&signed_in).unwrap())).await;
    assert_eq!(step.status(), 200);
    let step_page = super::page_of(&step);
    assert!(
        step_page.starts_with(&format!("/rooms/{room}/verify?authorization=")),
        "{step_page}"
    );
    let page = step.text().await.unwrap();
    assert!(
        page.contains("Deal asks for a code before it opens."),
        "{page}"
    );
    assert_eq!(app.count_events("application.signed_in").await, 0);

    // prompt=none meanwhile: the room's step is an interaction.
    let silent = begin(&rp, &[], &[("prompt", "none")]);
    let answer = browser.get(&silent.url).send().await.unwrap();
    assert_eq!(
        param(&callback_params(&answer), "error"),
        Some("interaction_required")
    );

    let wrong = submit_with(
        &browser,
        &app.address,
        &step_page,
        &step_page,
        &[("code", "000000")],
    )
    .await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(app.count_events("application.signed_in").await, 0);
    let code = app.sms.last_code_to(ROOM_PHONE);
    let passed = submit_with(
        &browser,
        &app.address,
        &step_page,
        &step_page,
        &[("code", &code)],
    )
    .await;
    let location = location_of(&passed).unwrap();
    assert!(
        location.starts_with("/oauth2/continue?request="),
        "{location}"
    );
    let back = follow(&app, &browser, &app.url(&location)).await;
    let code = code_of(&app, &back, &attempt);
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(
        signed_in.claims.email().map(|e| e.as_str()),
        Some("member@example.com")
    );

    // The room passed in this session: the next sign-in asks nothing.
    let again = begin(&rp, &[], &[]);
    let back = browser.get(&again.url).send().await.unwrap();
    code_of(&app, &back, &again);
}

on_each_backend!(an_enforced_member_passes_the_room_s_code_before_the_application_s => room_member_sqlite, room_member_postgres);

async fn the_room_s_administrator_passes_and_others_are_denied(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let (_, rp) = room_with_an_application(&app).await;
    let texts = app.sms.count_to(ROOM_PHONE);

    let attempt = begin(&rp, &[], &[]);
    let (owner, _) = app.new_browser();
    let back = password_sign_in(&app, &owner, &attempt.url, "owner@example.com").await;
    let code = code_of(&app, &back, &attempt);
    finish(&rp, attempt, &code).await;
    assert_eq!(app.sms.count_to(ROOM_PHONE), texts, "no room code asked");

    for outsider in ["outsider@example.com", "admin@example.com"] {
        let attempt = begin(&rp, &[], &[]);
        let (browser, _) = app.new_browser();
        let back = if outsider == "admin@example.com" {
            // A platform administrator manages the room but is not in it.
            app.kit()
                .turn_on_sms(app.kit().id_of(outsider).await, "+46701112233")
                .await;
            let to_login = follow(&app, &browser, &attempt.url).await;
            let code_step =
                super::sign_in_at(&app, &browser, &super::page_of(&to_login), outsider).await;
            assert_eq!(location_of(&code_step).as_deref(), Some("/login/verify"));
            let code = app.sms.last_code_to("+46701112233");
            let verified = submit_with(
                &browser,
                &app.address,
                "/login/verify",
                "/login/verify",
                &[("code", &code)],
            )
            .await;
            follow(&app, &browser, &app.url(&location_of(&verified).unwrap())).await
        } else {
            password_sign_in(&app, &browser, &attempt.url, outsider).await
        };
        let params = callback_params(&back);
        assert_eq!(param(&params, "error"), Some("access_denied"), "{outsider}");
        assert_eq!(
            param(&params, "state"),
            Some(attempt.state.secret().as_str())
        );
        assert_eq!(param(&params, "iss"), Some(app.address.as_str()));
        assert_eq!(param(&params, "code"), None);
    }
    assert_eq!(app.count_events("application.signed_in").await, 1);
}

on_each_backend!(the_room_s_administrator_passes_and_others_are_denied => room_others_sqlite, room_others_postgres);
