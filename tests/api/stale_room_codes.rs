//! A room's code proves the number the room administrator set: once they change or clear
//! it, a code already sent to the old number opens nothing (issue 21, item 5).

use crate::helpers::{TestApp, assert_page, location_of, submit_with};
use crate::on_both_databases;
use crate::rooms::{ROOM_PHONE, enforced_room, set_room_phone};

const NEW_ROOM_PHONE: &str = "+46705550002";
const NO_CODE: &str = "There is no code waiting to be used.";

/// The member's browser, signed in, with the room's code sent to the room's number.
async fn code_sent(app: &TestApp, room: i64) -> (reqwest::Client, String) {
    let browser = app.signed_in_browser("member@example.com").await;
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    assert_eq!(app.sms.count_to(ROOM_PHONE), 1);
    (browser, app.sms.last_code_to(ROOM_PHONE))
}

async fn type_room_code(
    app: &TestApp,
    browser: &reqwest::Client,
    room: i64,
    code: &str,
) -> reqwest::Response {
    let verify = format!("/rooms/{room}/verify");
    submit_with(browser, &app.address, &verify, &verify, &[("code", code)]).await
}

async fn a_code_sent_to_the_old_number_dies_when_the_number_changes(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    let (browser, old_code) = code_sent(&app, room).await;
    set_room_phone(&app, room, group, member, NEW_ROOM_PHONE).await;
    let refused = type_room_code(&app, &browser, room, &old_code).await;
    assert_page(refused, 410, NO_CODE).await;
    assert_eq!(
        app.get_in(&browser, &format!("/auth/room/{room}"))
            .await
            .status()
            .as_u16(),
        401,
        "the room stays closed"
    );
    assert_eq!(app.count_events("room.step_passed").await, 0);
    // The new number gets its own code, which opens the room.
    app.clock.advance(31);
    let verify = format!("/rooms/{room}/verify");
    submit_with(
        &browser,
        &app.address,
        &verify,
        &format!("{verify}/resend"),
        &[],
    )
    .await;
    assert_eq!(app.sms.count_to(NEW_ROOM_PHONE), 1);
    let code = app.sms.last_code_to(NEW_ROOM_PHONE);
    let right = type_room_code(&app, &browser, room, &code).await;
    assert_eq!(location_of(&right), Some(format!("/rooms/{room}")));
}

async fn a_code_sent_before_the_number_was_cleared_dies_even_if_it_comes_back(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    let (browser, old_code) = code_sent(&app, room).await;
    // Cleared: no step, so the code has nothing to open; set again to the same number:
    // the step is owed again, and the code sent before the change is still dead.
    set_room_phone(&app, room, group, member, "").await;
    set_room_phone(&app, room, group, member, ROOM_PHONE).await;
    let refused = type_room_code(&app, &browser, room, &old_code).await;
    assert_page(refused, 410, NO_CODE).await;
    // Changed and changed back: a code sent to the number in between dies too.
    set_room_phone(&app, room, group, member, NEW_ROOM_PHONE).await;
    app.clock.advance(31);
    let other = app.signed_in_browser("member@example.com").await;
    app.get_in(&other, &format!("/rooms/{room}")).await;
    let between = app.sms.last_code_to(NEW_ROOM_PHONE);
    set_room_phone(&app, room, group, member, ROOM_PHONE).await;
    let refused = type_room_code(&app, &other, room, &between).await;
    assert_page(refused, 410, NO_CODE).await;
    assert_eq!(app.count_events("room.step_passed").await, 0);
}

on_both_databases!(
    a_code_sent_to_the_old_number_dies_when_the_number_changes,
    a_code_sent_before_the_number_was_cleared_dies_even_if_it_comes_back,
);
