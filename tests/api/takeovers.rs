//! Takeover paths found by trying the product as an attacker (issue 21, items 1 to 4): each
//! test failed before its fix.

use crate::helpers::{GOOD_PASSWORD, TestApp, location_of, submit_with};
use crate::on_both_databases;
use crate::rooms::{ROOM_PHONE, enforced_room, forward_auth_status, set_room_phone};

on_both_databases!(a_room_passed_by_one_member_is_closed_to_the_next_who_signs_in);

/// Member A passes the room's code step; member B signs in in the same browser (without
/// signing A out): B still owes the room's step, and the proxy says so.
async fn a_room_passed_by_one_member_is_closed_to_the_next_who_signs_in(app: TestApp) {
    let (room, group, _) = enforced_room(&app, "").await;
    let second = app
        .create_user("second@example.com", "Sec Ond", false)
        .await;
    crate::rooms::add_member(&app, room, group, "second@example.com").await;
    set_room_phone(&app, room, group, second, "+46 70-555 00 02").await;

    let browser = app.signed_in_browser("member@example.com").await;
    let verify = format!("/rooms/{room}/verify");
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    let code = app.sms.last_code_to(ROOM_PHONE);
    submit_with(&browser, &app.address, &verify, &verify, &[("code", &code)]).await;
    assert_eq!(forward_auth_status(&app, &browser, room).await, 200);

    // B signs in over A's session, from a form of the page A had open.
    let signed_in = submit_with(
        &browser,
        &app.address,
        "/",
        "/login",
        &[("email", "second@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(signed_in.status().as_u16(), 303);
    let gate = app.get_in(&browser, &format!("/auth/room/{room}")).await;
    assert_eq!(
        gate.status().as_u16(),
        401,
        "B has not passed the room's step"
    );
    assert!(gate.headers().get("x-twostep-email").is_none());
    let opened = app.get_in(&browser, &format!("/rooms/{room}")).await;
    assert_eq!(
        location_of(&opened),
        Some(verify.clone()),
        "B is asked the code"
    );
    let home = app.get_text_in(&browser, "/").await;
    assert!(
        home.contains("Sec Ond") || home.contains("second@example.com"),
        "{home}"
    );
    assert!(
        home.contains("Code asked") && !home.contains("Open this session"),
        "{home}"
    );

    // And back to A, signing in again: A's earlier pass ended with A's session.
    submit_with(
        &browser,
        &app.address,
        "/",
        "/login",
        &[("email", "member@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(forward_auth_status(&app, &browser, room).await, 401);
}
