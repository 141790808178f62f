//! Data rooms over HTTP: who manages which room, User Rights and the room's number, the
//! room's step, and the forward-auth gate, on both databases.

use crate::admin::signed_in_admin;
use crate::helpers::{TestApp, assert_page, assert_redirect_to, location_of, submit_with};
use crate::on_both_databases;

pub(crate) const ROOM_PHONE: &str = "+46705550001";

/// A room made through the control center's form; returns its id.
pub(crate) async fn create_room(
    app: &TestApp,
    name: &str,
    app_url: &str,
    enforced: bool,
    admins: &str,
) -> i64 {
    let mut fields = vec![("name", name), ("app_url", app_url), ("admins", admins)];
    if enforced {
        fields.push(("enforced", "yes"));
    }
    let created = app
        .submit("/admin/rooms/new", "/admin/rooms/new", &fields)
        .await;
    let location = location_of(&created).expect("the room is created");
    location
        .trim_start_matches("/admin/rooms/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// A user group in the room; returns its id.
pub(crate) async fn create_group(app: &TestApp, room: i64, name: &str) -> i64 {
    let page = format!("/admin/rooms/{room}");
    let created = app
        .submit(&page, &format!("{page}/groups"), &[("name", name)])
        .await;
    let location = location_of(&created).expect("the group is created");
    location
        .split("group=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub(crate) async fn add_member(
    app: &TestApp,
    room: i64,
    group: i64,
    email: &str,
) -> reqwest::Response {
    app.submit(
        &format!("/admin/rooms/{room}/rights?group={group}"),
        &format!("/admin/rooms/{room}/groups/{group}/members"),
        &[("email", email)],
    )
    .await
}

pub(crate) async fn set_room_phone(
    app: &TestApp,
    room: i64,
    group: i64,
    user: i64,
    phone: &str,
) -> reqwest::Response {
    let path = format!("/admin/rooms/{room}/rights/{user}?group={group}");
    app.submit(&path, &path, &[("phone", phone)]).await
}

/// An enforced room "Deal" with a group "Buyers" holding `member@example.com`, whose room
/// number is set; a room administrator `owner@example.com`. Returns (room, group, member).
pub(crate) async fn enforced_room(app: &TestApp, app_url: &str) -> (i64, i64, i64) {
    signed_in_admin(app).await;
    let member = app
        .create_user("member@example.com", "Mem Ber", false)
        .await;
    app.create_user("owner@example.com", "Room Owner", false)
        .await;
    let room = create_room(app, "Deal", app_url, true, "owner@example.com").await;
    let group = create_group(app, room, "Buyers").await;
    add_member(app, room, group, "member@example.com").await;
    assert_redirect_to(
        &set_room_phone(app, room, group, member, "+46 70-555 00 01").await,
        &format!("/admin/rooms/{room}/rights?group={group}&done=phone"),
    );
    (room, group, member)
}

pub(crate) async fn forward_auth_status(
    app: &TestApp,
    browser: &reqwest::Client,
    room: i64,
) -> u16 {
    app.get_in(browser, &format!("/auth/room/{room}"))
        .await
        .status()
        .as_u16()
}

async fn a_member_enters_an_enforced_room_with_its_code(app: TestApp) {
    let (room, _, member) = enforced_room(&app, "").await;
    let browser = app.signed_in_browser("member@example.com").await;
    let home = app.get_text_in(&browser, "/").await;
    assert!(
        home.contains(&format!(r#"<a href="/rooms/{room}">Deal</a>"#))
            && home.contains("Code asked"),
        "{home}"
    );
    assert_eq!(forward_auth_status(&app, &browser, room).await, 401);
    // Opening the room texts its code to the room's number, never to the member's own.
    let opened = app.get_in(&browser, &format!("/rooms/{room}")).await;
    assert_eq!(
        location_of(&opened).as_deref(),
        Some(format!("/rooms/{room}/verify").as_str())
    );
    assert_eq!(app.sms.count_to(ROOM_PHONE), 1);
    // Every path under the room answers with the step until it is passed.
    for path in [
        format!("/rooms/{room}"),
        format!("/rooms/{room}/documents/report.pdf"),
    ] {
        let answer = app.get_in(&browser, &path).await;
        assert_eq!(
            location_of(&answer).as_deref(),
            Some(format!("/rooms/{room}/verify").as_str()),
            "{path}"
        );
    }
    assert_eq!(
        app.sms.count_to(ROOM_PHONE),
        1,
        "a waiting code is not sent again"
    );
    let step = app
        .get_text_in(&browser, &format!("/rooms/{room}/verify"))
        .await;
    assert!(step.contains("Deal asks for a code before it opens. We sent a 6-digit code by text message to +46 ••• •• 01."), "{step}");
    let verify = format!("/rooms/{room}/verify");
    let wrong = submit_with(
        &browser,
        &app.address,
        &verify,
        &verify,
        &[("code", "000000")],
    )
    .await;
    assert_page(wrong, 401, "That code is not right. You have 4 tries left.").await;
    let code = app.sms.last_code_to(ROOM_PHONE);
    let right = submit_with(&browser, &app.address, &verify, &verify, &[("code", &code)]).await;
    assert_eq!(
        location_of(&right),
        Some(format!("/rooms/{room}")),
        "after the POST, the room's address"
    );
    assert!(
        app.get_text_in(&browser, &format!("/rooms/{room}"))
            .await
            .contains("The data room is open for you for the rest of this session.")
    );
    // Home says so too, for this session only.
    let home = app.get_text_in(&browser, "/").await;
    assert!(
        home.contains("Open this session") && !home.contains("Code asked"),
        "{home}"
    );
    let elsewhere = app.signed_in_browser("member@example.com").await;
    let home = app.get_text_in(&elsewhere, "/").await;
    assert!(
        home.contains("Code asked") && !home.contains("Open this session"),
        "{home}"
    );
    // Open for the rest of the session, for the proxy too.
    let gate = app.get_in(&browser, &format!("/auth/room/{room}")).await;
    assert_eq!(gate.status().as_u16(), 200);
    assert_eq!(gate.headers()["x-twostep-email"], "member@example.com");
    assert_eq!(
        gate.headers()["x-twostep-user"],
        member.to_string().as_str()
    );
    assert_eq!(
        app.get_in(&browser, &format!("/rooms/{room}"))
            .await
            .status()
            .as_u16(),
        200
    );
    let events = app.audit_events().await;
    for event in [
        "room.created",
        "room.group_created",
        "room.member_added",
        "room.phone_set",
        "room.step_failed",
        "room.step_passed",
    ] {
        assert!(events.contains(&event.to_owned()), "{event}");
    }
    assert!(
        app.audit_detail("room.step_passed")
            .await
            .contains(&format!("room {room} (Deal)"))
    );
    // Signing out closes it.
    submit_with(&browser, &app.address, "/", "/logout", &[]).await;
    assert_eq!(forward_auth_status(&app, &browser, room).await, 401);
}

async fn five_wrong_codes_kill_the_code_and_send_again_brings_a_new_one(app: TestApp) {
    let (room, _, _) = enforced_room(&app, "").await;
    let browser = app.signed_in_browser("member@example.com").await;
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    let verify = format!("/rooms/{room}/verify");
    for _ in 0..4 {
        let wrong = submit_with(
            &browser,
            &app.address,
            &verify,
            &verify,
            &[("code", "000000")],
        )
        .await;
        assert_eq!(wrong.status().as_u16(), 401);
    }
    let locked = submit_with(
        &browser,
        &app.address,
        &verify,
        &verify,
        &[("code", "000000")],
    )
    .await;
    assert_page(locked, 429, "Too many wrong codes").await;
    let dead = app.sms.last_code_to(ROOM_PHONE);
    let refused = submit_with(&browser, &app.address, &verify, &verify, &[("code", &dead)]).await;
    assert_eq!(
        refused.status().as_u16(),
        429,
        "the right code no longer works"
    );
    app.assert_audit_contains("room.step_locked").await;
    app.clock.advance(31);
    let resent = submit_with(
        &browser,
        &app.address,
        &verify,
        &format!("{verify}/resend"),
        &[],
    )
    .await;
    assert_eq!(location_of(&resent).as_deref(), Some(verify.as_str()));
    assert_eq!(app.sms.count_to(ROOM_PHONE), 2);
    let code = app.sms.last_code_to(ROOM_PHONE);
    let right = submit_with(&browser, &app.address, &verify, &verify, &[("code", &code)]).await;
    assert_eq!(right.status().as_u16(), 303);
    // An expired code is refused: a new session, a code, then 11 minutes.
    let other = app.signed_in_browser("member@example.com").await;
    app.clock.advance(31);
    app.get_in(&other, &format!("/rooms/{room}")).await;
    app.clock.advance(11 * 60);
    let late = app.sms.last_code_to(ROOM_PHONE);
    let expired = submit_with(&other, &app.address, &verify, &verify, &[("code", &late)]).await;
    assert_page(expired, 410, "This code has expired.").await;
}

async fn no_step_without_enforcement_a_number_or_for_room_administrators(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    // The room administrator: never stepped, and never offered a number.
    let owner = app.signed_in_browser("owner@example.com").await;
    let home = app.get_text_in(&owner, "/").await;
    assert!(
        home.contains(r#"<a href="/admin/rooms">Manage my data rooms</a>"#),
        "{home}"
    );
    assert!(
        !home.contains("Code asked"),
        "no lock for a room administrator: {home}"
    );
    assert_eq!(
        app.get_in(&owner, &format!("/rooms/{room}"))
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(forward_auth_status(&app, &owner, room).await, 200);
    let owner_id: i64 = app
        .fetch_scalar(
            "SELECT id FROM users WHERE email = 'owner@example.com' AND $1 = $1",
            0,
        )
        .await;
    add_member(&app, room, group, "owner@example.com").await;
    let refused = set_room_phone(&app, room, group, owner_id, ROOM_PHONE).await;
    assert_page(refused, 409, "Room administrators cannot be enforced").await;
    let rights = app
        .get_text(&format!("/admin/rooms/{room}/rights?group={group}"))
        .await;
    assert!(rights.contains(
        "Room administrators cannot be enforced; they may turn on their own 2-step verification."
    ));

    // Clearing the member's number lifts the step at once.
    let browser = app.signed_in_browser("member@example.com").await;
    assert_eq!(forward_auth_status(&app, &browser, room).await, 401);
    assert_redirect_to(
        &set_room_phone(&app, room, group, member, "").await,
        &format!("/admin/rooms/{room}/rights?group={group}&done=phone-cleared"),
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM room_phones").await, 0);
    assert_eq!(forward_auth_status(&app, &browser, room).await, 200);
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM outbox WHERE user_id = $1", member)
            .await,
        2,
        "set, then cleared: two emails"
    );
    app.assert_audit_contains("room.phone_cleared").await;

    // Enforcement off: no step for anyone; the number is kept for when it comes back on.
    set_room_phone(&app, room, group, member, ROOM_PHONE).await;
    let edit = format!("/admin/rooms/{room}/edit");
    app.submit(
        &edit,
        &edit,
        &[
            ("name", "Deal"),
            ("app_url", ""),
            ("admins", "owner@example.com"),
        ],
    )
    .await;
    let fresh = app.signed_in_browser("member@example.com").await;
    assert_eq!(forward_auth_status(&app, &fresh, room).await, 200);
    assert_eq!(app.count("SELECT COUNT(*) FROM room_phones").await, 1);
    app.assert_audit_contains("room.enforcement_off").await;
    app.submit(
        &edit,
        &edit,
        &[
            ("name", "Deal"),
            ("app_url", ""),
            ("enforced", "yes"),
            ("admins", "owner@example.com"),
        ],
    )
    .await;
    assert_eq!(
        forward_auth_status(&app, &fresh, room).await,
        401,
        "back on: the kept number asks again"
    );
}

async fn room_numbers_are_checked_like_any_phone_number(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    for (typed, reason) in [
        ("0701234567", "Enter the phone number with its country code"),
        (
            "+46 8 123 456 78",
            "This is a landline number, which cannot receive text messages.",
        ),
        ("+1 555", "This is not a valid phone number."),
    ] {
        let refused = set_room_phone(&app, room, group, member, typed).await;
        let page = assert_page(refused, 422, reason).await;
        assert!(
            page.contains(&format!(r#"value="{typed}""#)),
            "what was typed stays"
        );
    }
    assert_eq!(
        app.fetch_scalar::<String>("SELECT phone FROM room_phones WHERE user_id = $1", member)
            .await,
        ROOM_PHONE
    );
    // Outside the countries allowed (saved in the control center, seen at once).
    save_platform_settings(&app, "optional", "NO").await;
    let refused = set_room_phone(&app, room, group, member, "+46 70 555 00 02").await;
    assert_page(
        refused,
        422,
        "Text messages cannot be sent to numbers in this country.",
    )
    .await;
    // The member's own phone number is a different thing and stays as it was.
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM users WHERE id = $1 AND phone IS NULL",
            member
        )
        .await,
        1
    );
}

/// "Send again" on the room's step: not within 30 s, at most 5 codes an hour, and those 5
/// count every room's codes for the member (not 5 in each room).
async fn the_room_step_limits_codes_per_member_across_rooms(app: TestApp) {
    const OTHER_PHONE: &str = "+46705550002";
    let (room, _, member) = enforced_room(&app, "").await;
    let second = create_room(&app, "Second", "", true, "owner@example.com").await;
    let second_group = create_group(&app, second, "Advisers").await;
    add_member(&app, second, second_group, "member@example.com").await;
    set_room_phone(&app, second, second_group, member, OTHER_PHONE).await;
    let browser = app.signed_in_browser("member@example.com").await;
    let send_again = |room: i64| {
        let verify = format!("/rooms/{room}/verify");
        let browser = &browser;
        let app = &app;
        async move {
            let answer = submit_with(
                browser,
                &app.address,
                &verify,
                &format!("{verify}/resend"),
                &[],
            )
            .await;
            // Back to the step; a press within the 30 s is told so at the top.
            let back = location_of(&answer);
            assert!(
                back.as_deref() == Some(verify.as_str())
                    || back == Some(format!("{verify}?notice=too-soon")),
                "back to the step: {back:?}"
            );
            app.get_text_in(browser, &verify).await
        }
    };
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    assert_eq!(app.sms.count_to(ROOM_PHONE), 1);
    // Within 30 s: nothing is sent, and the step says when it can be.
    let step = send_again(room).await;
    assert_eq!(app.sms.count_to(ROOM_PHONE), 1);
    assert!(
        step.contains("You can ask for a new code at") && step.contains("seconds)."),
        "{step}"
    );
    for sent in 2..=5 {
        app.clock.advance(31);
        send_again(room).await;
        assert_eq!(app.sms.count_to(ROOM_PHONE), sent);
    }
    // The sixth within the hour is refused, and the step says until when.
    app.clock.advance(31);
    let step = send_again(room).await;
    assert_eq!(app.sms.count_to(ROOM_PHONE), 5);
    assert!(
        step.contains("You have asked for too many codes. You can ask for a new one at ")
            && !step.contains("another way"),
        "{step}"
    );
    app.assert_audit_contains("sms.send_refused").await;

    // An hour on: 3 codes for the first room and 2 for the second spend the member's 5.
    app.clock.advance(3600);
    for sent in 6..=8 {
        send_again(room).await;
        assert_eq!(app.sms.count_to(ROOM_PHONE), sent);
        app.clock.advance(31);
    }
    app.get_in(&browser, &format!("/rooms/{second}")).await;
    app.clock.advance(31);
    send_again(second).await;
    assert_eq!(app.sms.count_to(OTHER_PHONE), 2);
    app.clock.advance(31);
    for (room, phone, sent) in [(room, ROOM_PHONE, 8), (second, OTHER_PHONE, 2)] {
        let step = send_again(room).await;
        assert_eq!(app.sms.count_to(phone), sent, "room {room}");
        assert!(
            step.contains("You have asked for too many codes."),
            "{step}"
        );
    }
    // A room the member opens anew sends nothing either.
    let fresh = app.signed_in_browser("member@example.com").await;
    let opened = app.get_in(&fresh, &format!("/rooms/{second}")).await;
    assert_eq!(
        location_of(&opened),
        Some(format!("/rooms/{second}/verify"))
    );
    assert_eq!(app.sms.count_to(OTHER_PHONE), 2);
}

/// Every room event names the room; `room.edited` says what changed.
async fn room_changes_are_audited_with_the_room_and_what_changed(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    app.create_user("second-owner@example.com", "Second Owner", false)
        .await;
    let named = format!("room {room} (Deal)");
    for event in ["room.created", "room.phone_set"] {
        let detail = app.audit_detail(event).await;
        assert!(detail.starts_with(&named), "{event}: {detail}");
    }
    let edit = format!("/admin/rooms/{room}/edit");
    let saved = app
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Deal 2"),
                ("app_url", "https://docs.example.com/deal"),
                ("admins", "second-owner@example.com"),
            ],
        )
        .await;
    assert_redirect_to(&saved, &format!("/admin/rooms/{room}?done=saved"));
    assert_eq!(
        app.audit_detail("room.edited").await,
        format!(
            "room {room} (Deal 2): name Deal → Deal 2; application address none → \
             https://docs.example.com/deal; enforced two-factor authentication off; \
             administrators added second-owner@example.com, removed owner@example.com"
        )
    );
    assert_eq!(
        app.audit_detail("room.enforcement_off").await,
        format!("room {room} (Deal 2)")
    );
    app.submit(
        &edit,
        &edit,
        &[
            ("name", "Deal 2"),
            ("app_url", "https://docs.example.com/deal"),
            ("enforced", "yes"),
            ("admins", "second-owner@example.com"),
        ],
    )
    .await;
    assert_eq!(
        app.audit_detail("room.enforcement_on").await,
        format!("room {room} (Deal 2)")
    );
    let edits: Vec<String> = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE event = 'room.edited' ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        edits[1],
        format!("room {room} (Deal 2): enforced two-factor authentication on")
    );
    // Saved as it was: said so.
    app.submit(
        &edit,
        &edit,
        &[
            ("name", "Deal 2"),
            ("app_url", "https://docs.example.com/deal"),
            ("enforced", "yes"),
            ("admins", "second-owner@example.com"),
        ],
    )
    .await;
    let edits: Vec<String> = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE event = 'room.edited' ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(edits[2], format!("room {room} (Deal 2): nothing changed"));
    set_room_phone(&app, room, group, member, "").await;
    assert_eq!(
        app.audit_detail("room.phone_cleared").await,
        format!("room {room} (Deal 2)")
    );
    // Who the number was set or cleared for is the event's subject.
    for event in ["room.phone_set", "room.phone_cleared"] {
        let subject: i64 =
            sqlx::query_scalar("SELECT subject_user_id FROM audit_events WHERE event = $1")
                .bind(event)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(subject, member, "{event}");
    }
}

/// The member is emailed when their room number is set and when it is cleared.
async fn the_member_is_emailed_when_their_room_number_is_set_or_cleared(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    set_room_phone(&app, room, group, member, "").await;
    let emails: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT to_address, subject, body FROM outbox WHERE user_id = $1 ORDER BY id",
    )
    .bind(member)
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(emails.len(), 2, "{emails:?}");
    let (to, subject, body) = &emails[0];
    assert_eq!(to, "member@example.com");
    assert_eq!(subject, "A code will be asked when you open Deal");
    assert!(
        body.contains(
            "The administrator of the data room Deal set +46 70 555 00 01 as your two-factor \
             phone number there. Opening the room now needs a code texted to it, once per session."
        ),
        "{body}"
    );
    let (to, subject, body) = &emails[1];
    assert_eq!(to, "member@example.com");
    assert_eq!(subject, "No code is asked any more when you open Deal");
    assert!(
        body.contains(
            "The administrator of the data room Deal removed your two-factor phone number \
             there. Opening the room no longer needs a code."
        ),
        "{body}"
    );
}

/// The control center's security settings, with 2-step verification `two_step`
/// ("optional", "required") and text messages to `countries` only (empty: anywhere).
pub(crate) async fn save_platform_settings(app: &TestApp, two_step: &str, countries: &str) {
    let settings = [
        ("two_step", two_step),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("app_name", "Twostep"),
        ("sms_countries", countries),
        ("confirmed", "yes"),
    ];
    let saved = app
        .submit("/admin/security", "/admin/security", &settings)
        .await;
    assert_eq!(saved.status().as_u16(), 303, "the settings are saved");
}

/// A member who owes 2-step set-up (the platform requires it) is taken to set-up by the
/// room's pages, but the forward-auth gate answers the proxy 401, never a redirect (which
/// nginx's `auth_request` turns into a 500).
async fn forward_auth_refuses_a_member_who_owes_set_up(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    // No number: without the set-up owed, the room would open.
    set_room_phone(&app, room, group, member, "").await;
    let before = app.signed_in_browser("member@example.com").await;
    assert_eq!(forward_auth_status(&app, &before, room).await, 200);
    save_platform_settings(&app, "required", "").await;
    let browser = app.signed_in_browser("member@example.com").await;
    let gate = app.get_in(&browser, &format!("/auth/room/{room}")).await;
    assert_eq!(gate.status().as_u16(), 401);
    assert_eq!(location_of(&gate), None);
    assert_eq!(gate.headers()["cache-control"], "no-store");
    assert_redirect_to(
        &app.get_in(&browser, &format!("/rooms/{room}")).await,
        "/account/security/two-step",
    );
}

/// What a room's tables hold, a line per row: a refused request must leave it as it was.
async fn room_rows(app: &TestApp) -> Vec<String> {
    let mut rows = Vec::new();
    for sql in [
        "SELECT 'room ' || CAST(id AS TEXT) || ' ' || name || ' ' || COALESCE(app_url, '-') || ' ' || CAST(enforced AS TEXT) FROM rooms ORDER BY id",
        "SELECT 'admin ' || CAST(room_id AS TEXT) || ' ' || CAST(user_id AS TEXT) FROM room_admins ORDER BY room_id, user_id",
        "SELECT 'group ' || CAST(id AS TEXT) || ' ' || CAST(room_id AS TEXT) || ' ' || name FROM room_groups ORDER BY id",
        "SELECT 'member ' || CAST(group_id AS TEXT) || ' ' || CAST(user_id AS TEXT) FROM room_members ORDER BY group_id, user_id",
        "SELECT 'phone ' || CAST(room_id AS TEXT) || ' ' || CAST(user_id AS TEXT) || ' ' || phone FROM room_phones ORDER BY room_id, user_id",
        "SELECT 'invitation ' || CAST(group_id AS TEXT) || ' ' || email FROM room_invitations ORDER BY group_id, email",
        "SELECT 'emails ' || CAST(COUNT(*) AS TEXT) FROM outbox",
    ] {
        let found: Vec<String> = sqlx::query_scalar(sql)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
        rows.extend(found);
    }
    rows
}

/// The answer a cell of the matrix expects: "404", "303 /login", "303 /admin/rooms/*" (a
/// location starting so).
fn assert_answer(response: &reqwest::Response, expected: &str, what: &str) {
    let (status, location) = match expected.split_once(' ') {
        Some((status, location)) => (status, Some(location)),
        None => (expected, None),
    };
    assert_eq!(response.status().as_u16().to_string(), status, "{what}");
    if let Some(location) = location {
        let found = location_of(response).unwrap_or_default();
        match location.strip_suffix('*') {
            Some(prefix) => assert!(found.starts_with(prefix), "{what}: to {found}"),
            None => assert_eq!(found, location, "{what}"),
        }
    }
}

/// A form's fields.
type Fields = Vec<(&'static str, &'static str)>;
/// What each of the six kinds of person gets, in the matrix's order.
type Answers = [&'static str; 6];

/// Every room route and form, as anonymous, a non-member, a member, a room administrator of
/// another room, the room's administrator and a platform administrator: the status and
/// where it leads, and a refused POST changes nothing.
async fn every_room_route_answers_each_kind_of_person_as_it_should(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    app.create_user("other-owner@example.com", "Other Owner", false)
        .await;
    create_room(&app, "Other", "", false, "other-owner@example.com").await;
    app.create_user("stranger@example.com", "Stranger", false)
        .await;
    let (anonymous, _) = app.new_browser();
    let people = [
        ("anonymous", anonymous, "/login"),
        (
            "a non-member",
            app.signed_in_browser("stranger@example.com").await,
            "/",
        ),
        (
            "a member",
            app.signed_in_browser("member@example.com").await,
            "/",
        ),
        (
            "another room's administrator",
            app.signed_in_browser("other-owner@example.com").await,
            "/admin/rooms",
        ),
        (
            "the room's administrator",
            app.signed_in_browser("owner@example.com").await,
            "/admin/rooms",
        ),
        (
            "a platform administrator",
            app.client.clone(),
            "/admin/rooms",
        ),
    ];
    let at = |text: &str| {
        text.replace("{room}", &room.to_string())
            .replace("{group}", &group.to_string())
            .replace("{member}", &member.to_string())
    };
    const LOGIN: &str = "303 /login";
    const MANAGERS: Answers = [LOGIN, "404", "404", "404", "200", "200"];
    // (path, expected per person, in the order above).
    let gets: [(&str, Answers); 15] = [
        ("/admin/rooms", [LOGIN, "403", "403", "200", "200", "200"]),
        (
            "/admin/rooms/new",
            [LOGIN, "403", "403", "403", "403", "200"],
        ),
        ("/admin/rooms/{room}", MANAGERS),
        ("/admin/rooms/{room}/edit", MANAGERS),
        ("/admin/rooms/{room}/rights", MANAGERS),
        ("/admin/rooms/{room}/rights?group={group}", MANAGERS),
        (
            "/admin/rooms/{room}/rights/{member}?group={group}",
            MANAGERS,
        ),
        // The member's first visit texts the code; the step is then waiting.
        (
            "/rooms/{room}",
            [
                "303 /login?next=%2Frooms%2F{room}",
                "404",
                "303 /rooms/{room}/verify",
                "404",
                "200",
                // Managing every room is not entering one: told why (not "Page not found").
                "403",
            ],
        ),
        (
            "/rooms/{room}/documents/report.pdf",
            [
                "303 /login?next=%2Frooms%2F{room}%2Fdocuments%2Freport.pdf",
                "404",
                "303 /rooms/{room}/verify",
                "404",
                "200",
                // Managing every room is not entering one: told why (not "Page not found").
                "403",
            ],
        ),
        (
            "/rooms/{room}/verify",
            [
                "303 /login?next=%2Frooms%2F{room}%2Fverify",
                "404",
                "200",
                "404",
                "303 /rooms/{room}",
                "403",
            ],
        ),
        // The proxy's question: never a redirect, which `auth_request` cannot pass on.
        (
            "/auth/room/{room}",
            ["401", "401", "401", "401", "200", "401"],
        ),
        (
            "/auth/room/999999",
            ["401", "401", "401", "401", "401", "401"],
        ),
        ("/auth/room/abc", ["401", "401", "401", "401", "401", "401"]),
        ("/rooms/999999", [LOGIN, "404", "404", "404", "404", "404"]),
        ("/rooms/abc", [LOGIN, "404", "404", "404", "404", "404"]),
    ];
    for (path, expected) in &gets {
        let path = at(path);
        for ((who, browser, _), expected) in people.iter().zip(expected) {
            let answer = app.get_in(browser, &path).await;
            let expected = at(expected);
            let expected = match expected.as_str() {
                // Anonymous: to sign in, and back to the room when it is one.
                LOGIN if path.starts_with("/rooms/") => {
                    format!("303 /login?next={}", urlencode(&path))
                }
                _ => expected,
            };
            assert_answer(&answer, &expected, &format!("{who}: GET {path}"));
        }
    }
    // "+…": allowed, and so sent only once the refused ones are checked.
    let posts: [(&str, Fields, Answers); 7] = [
        (
            "/admin/rooms/new",
            vec![("name", "Mine now")],
            [LOGIN, "403", "403", "403", "403", "+303 /admin/rooms/*"],
        ),
        (
            "/admin/rooms/{room}/groups",
            vec![("name", "Intruders of {who}")],
            [
                LOGIN,
                "404",
                "404",
                "404",
                "+303 /admin/rooms/{room}/rights?group=*",
                "+303 /admin/rooms/{room}/rights?group=*",
            ],
        ),
        (
            "/admin/rooms/{room}/groups/{group}/members",
            vec![("email", "stranger@example.com")],
            [
                LOGIN,
                "404",
                "404",
                "404",
                "+303 /admin/rooms/{room}/rights?group={group}&done=member",
                "+303 /admin/rooms/{room}/rights?group={group}&done=member",
            ],
        ),
        (
            "/admin/rooms/{room}/rights/{member}?group={group}",
            vec![("phone", "+46 70 555 00 99")],
            [
                LOGIN,
                "404",
                "404",
                "404",
                "+303 /admin/rooms/{room}/rights?group={group}&done=phone",
                "+303 /admin/rooms/{room}/rights?group={group}&done=phone",
            ],
        ),
        (
            "/admin/rooms/{room}/edit",
            vec![
                ("name", "Taken over by {who}"),
                ("app_url", "https://evil.example/"),
            ],
            [
                LOGIN,
                "404",
                "404",
                "404",
                "+303 /admin/rooms/{room}?done=saved",
                "+303 /admin/rooms/{room}?done=saved",
            ],
        ),
        (
            "/rooms/{room}/verify",
            vec![("code", "000000")],
            [
                "303 /login?next=%2Frooms%2F{room}%2Fverify",
                "404",
                "401",
                "404",
                "303 /rooms/{room}",
                "403",
            ],
        ),
        (
            "/rooms/{room}/verify/resend",
            vec![],
            [
                "303 /login?next=%2Frooms%2F{room}%2Fverify%2Fresend",
                "404",
                // Within 30 s of the first code: back to the step, nothing sent.
                "303 /rooms/{room}/verify?notice=too-soon",
                "404",
                "303 /rooms/{room}/verify",
                "403",
            ],
        ),
    ];
    let before = room_rows(&app).await;
    let texts = app.sms.count_to(ROOM_PHONE);
    for allowed in [false, true] {
        for (action, fields, expected) in &posts {
            let action = at(action);
            for (n, ((who, browser, token_page), expected)) in
                people.iter().zip(expected).enumerate()
            {
                let (is_allowed, expected) = match expected.strip_prefix('+') {
                    Some(expected) => (true, expected),
                    None => (false, *expected),
                };
                if is_allowed != allowed {
                    continue;
                }
                let fields: Vec<(&str, String)> = fields
                    .iter()
                    .map(|(name, value)| (*name, value.replace("{who}", &n.to_string())))
                    .collect();
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
                let answer = submit_with(browser, &app.address, token_page, &action, &fields).await;
                assert_answer(&answer, &at(expected), &format!("{who}: POST {action}"));
            }
        }
        if !allowed {
            assert_eq!(room_rows(&app).await, before, "refused: nothing changed");
            assert_eq!(app.sms.count_to(ROOM_PHONE), texts, "and nothing texted");
        }
    }
    // What the allowed ones did.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM rooms WHERE name IN ('Mine now', 'Taken over by 5')")
            .await,
        2
    );
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM room_admins WHERE room_id = $1", room)
            .await,
        1
    );
    let edit = format!("/admin/rooms/{room}/edit");
    let owner_edit = submit_with(
        &people[4].1,
        &app.address,
        &edit,
        &edit,
        &[("name", "Deal"), ("app_url", ""), ("admins", "")],
    )
    .await;
    assert_answer(
        &owner_edit,
        &format!("303 /admin/rooms/{room}?done=saved"),
        "the room's administrator saves",
    );
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM room_admins WHERE room_id = $1", room)
            .await,
        1,
        "a room administrator cannot change who administers"
    );
    let theirs = app.get_text_in(&people[3].1, "/admin/rooms").await;
    assert!(
        theirs.contains("Other") && !theirs.contains("Taken over"),
        "{theirs}"
    );
}

/// Ids from another room in a room's addresses: another room's group, a member of another
/// room, someone in no room. Always 404, and nothing changes, for the room's administrator
/// and for a platform administrator (who manages both rooms).
async fn ids_of_another_room_do_not_cross_into_this_one(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    app.create_user("other-owner@example.com", "Other Owner", false)
        .await;
    let other_room = create_room(&app, "Other", "", true, "other-owner@example.com").await;
    let other_group = create_group(&app, other_room, "Theirs").await;
    let other_member = app
        .create_user("theirs@example.com", "Their Member", false)
        .await;
    add_member(&app, other_room, other_group, "theirs@example.com").await;
    let stranger = app
        .create_user("stranger@example.com", "Stranger", false)
        .await;
    let owner = app.signed_in_browser("owner@example.com").await;
    let phone = [("phone", "+46 70 555 00 99")];
    let rights = |room: i64, user: i64, group: i64| {
        format!("/admin/rooms/{room}/rights/{user}?group={group}")
    };
    let gets = [
        format!("/admin/rooms/{room}/rights?group={other_group}"),
        rights(room, member, other_group),
        rights(room, other_member, group),
        rights(room, other_member, other_group),
        rights(room, stranger, group),
        rights(room, stranger, other_group),
        format!("/admin/rooms/{room}/rights/{member}"),
        rights(other_room, member, group),
    ];
    let posts: Vec<(String, &[(&str, &str)])> = vec![
        (
            format!("/admin/rooms/{room}/groups/{other_group}/members"),
            &[("email", "stranger@example.com")],
        ),
        (rights(room, member, other_group), &phone),
        (rights(room, other_member, group), &phone),
        (rights(room, other_member, other_group), &phone),
        (rights(room, stranger, group), &phone),
        (rights(room, stranger, other_group), &phone),
        (rights(other_room, member, group), &phone),
        (format!("/admin/rooms/{room}/rights/{member}"), &phone),
    ];
    let before = room_rows(&app).await;
    for (who, browser) in [
        ("the room's administrator", &owner),
        ("a platform administrator", &app.client),
    ] {
        for page in &gets {
            assert_eq!(
                app.get_in(browser, page).await.status().as_u16(),
                404,
                "{who}: GET {page}"
            );
        }
        for (action, fields) in &posts {
            let answer = submit_with(browser, &app.address, "/admin/rooms", action, fields).await;
            assert_eq!(answer.status().as_u16(), 404, "{who}: POST {action}");
        }
    }
    // The other room is not the room administrator's at all.
    for page in [
        format!("/admin/rooms/{other_room}"),
        format!("/admin/rooms/{other_room}/rights?group={other_group}"),
    ] {
        assert_eq!(
            app.get_in(&owner, &page).await.status().as_u16(),
            404,
            "{page}"
        );
    }
    for (action, fields) in [
        (
            format!("/admin/rooms/{other_room}/groups"),
            vec![("name", "Mine")],
        ),
        (
            format!("/admin/rooms/{other_room}/groups/{other_group}/members"),
            vec![("email", "stranger@example.com")],
        ),
        (
            rights(other_room, other_member, other_group),
            phone.to_vec(),
        ),
    ] {
        let answer = submit_with(&owner, &app.address, "/admin/rooms", &action, &fields).await;
        assert_eq!(answer.status().as_u16(), 404, "POST {action}");
    }
    assert_eq!(room_rows(&app).await, before, "nothing changed");
}

async fn the_return_address_stays_inside_the_rooms_application(app: TestApp) {
    let (room, _, _) = enforced_room(&app, "https://docs.example.com/deal").await;
    let browser = app.signed_in_browser("member@example.com").await;
    let inside = "https://docs.example.com/deal/report.pdf?page=2";
    let opened = app
        .get_in(&browser, &format!("/rooms/{room}?rd={}", urlencode(inside)))
        .await;
    let verify = location_of(&opened).unwrap();
    assert!(
        verify.starts_with(&format!("/rooms/{room}/verify?rd=")),
        "{verify}"
    );
    let code = app.sms.last_code_to(ROOM_PHONE);
    let entered = submit_with(&browser, &app.address, &verify, &verify, &[("code", &code)]).await;
    assert_eq!(location_of(&entered).as_deref(), Some(inside));
    for outside in [
        "https://evil.example/deal",
        "https://docs.example.com.evil.example/deal",
        "https://docs.example.com@evil.example/deal",
        "//evil.example/deal",
        "https://docs.example.com/other",
        "javascript:alert(1)",
    ] {
        let answer = app
            .get_in(
                &browser,
                &format!("/rooms/{room}?rd={}", urlencode(outside)),
            )
            .await;
        assert_eq!(
            location_of(&answer).as_deref(),
            Some("https://docs.example.com/deal"),
            "{outside}"
        );
    }
}

fn urlencode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

async fn the_room_forms_refuse_what_is_not_a_room(app: TestApp) {
    signed_in_admin(&app).await;
    for (fields, message) in [
        (vec![("name", "")], "Enter a name for the data room."),
        (
            vec![("name", "Deal"), ("app_url", "docs.example.com")],
            "Enter the application address in full",
        ),
        (
            vec![
                ("name", "Deal"),
                ("app_url", "https://user:pw@docs.example.com/"),
            ],
            "cannot hold a user name",
        ),
        (
            vec![("name", "Deal"), ("admins", "ghost@example.com")],
            "No account has the email ghost@example.com.",
        ),
    ] {
        let refused = app
            .submit("/admin/rooms/new", "/admin/rooms/new", &fields)
            .await;
        assert_page(refused, 422, message).await;
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM rooms").await, 0);
    let rooms = app.get_text("/admin/rooms").await;
    assert!(rooms.contains("Create new data room") && rooms.contains("No data rooms yet."));
}

async fn an_unknown_address_is_invited_and_joins_with_its_own_account(app: TestApp) {
    let (room, group, _) = enforced_room(&app, "").await;
    let added = add_member(&app, room, group, "Newcomer@Example.com").await;
    assert_page(
        added,
        200,
        "No account has the address newcomer@example.com.",
    )
    .await;
    let link = app.link_in_mail("newcomer@example.com", "/invite").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();
    assert_ne!(
        app.fetch_scalar::<String>("SELECT token_hash FROM room_invitations WHERE $1 = $1", 0)
            .await,
        token
    );
    app.assert_audit_contains("room.invitation_made").await;

    let (browser, _) = app.new_browser();
    let path = format!("/invite?token={token}");
    let form = app.get_text_in(&browser, &path).await;
    assert!(
        form.contains("<h1>Join Deal</h1>")
            && form.contains("<strong>newcomer@example.com</strong>"),
        "{form}"
    );
    let weak = submit_with(
        &browser,
        &app.address,
        &path,
        "/invite",
        &[
            ("token", &token),
            ("name", "New Comer"),
            ("password", "password"),
        ],
    )
    .await;
    assert_page(weak, 422, "too easy to guess").await;
    let joined = submit_with(
        &browser,
        &app.address,
        &path,
        "/invite",
        &[
            ("token", &token),
            ("name", "New Comer"),
            ("password", crate::helpers::GOOD_PASSWORD),
        ],
    )
    .await;
    assert_eq!(
        location_of(&joined).as_deref(),
        Some(format!("/rooms/{room}?after=form").as_str())
    );
    // Signed in, a member of the group (no number set for them: the room opens).
    assert_eq!(
        app.get_in(&browser, &format!("/rooms/{room}"))
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM users WHERE email = 'newcomer@example.com' AND name = 'New Comer'"
        )
        .await,
        1
    );
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM room_members WHERE group_id = $1",
            group
        )
        .await,
        2
    );
    app.assert_audit_contains("room.invitation_accepted").await;
    // Once only.
    let (again, _) = app.new_browser();
    assert_page(
        app.get_in(&again, &path).await,
        410,
        "This invitation has expired or was already used.",
    )
    .await;
    for bad in ["", "x", "%00", &"a".repeat(3000)] {
        let status = app
            .get_in(&again, &format!("/invite?token={bad}"))
            .await
            .status()
            .as_u16();
        assert_eq!(status, 410, "{bad:.20}");
    }
    // An address that is not one is refused.
    let refused = add_member(&app, room, group, "not an address").await;
    assert_page(refused, 422, "Enter a valid email address").await;
}

async fn signing_in_returns_to_the_room_and_nowhere_else(app: TestApp) {
    let (room, _, member) = enforced_room(&app, "").await;
    // A member with 2-step verification of their own: the way back survives the code step.
    app.turn_on_sms_in_database(member, "+46701112299").await;
    let (browser, _) = app.new_browser();
    let to_sign_in = location_of(&app.get_in(&browser, &format!("/rooms/{room}")).await).unwrap();
    assert_eq!(to_sign_in, format!("/login?next=%2Frooms%2F{room}"));
    let password = submit_with(
        &browser,
        &app.address,
        &to_sign_in,
        "/login",
        &[
            ("email", "member@example.com"),
            ("password", crate::helpers::GOOD_PASSWORD),
            ("next", &format!("/rooms/{room}")),
        ],
    )
    .await;
    assert_eq!(location_of(&password).as_deref(), Some("/login/verify"));
    let code = app.sms.last_code_to("+46701112299");
    let signed_in = submit_with(
        &browser,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(
        location_of(&signed_in),
        Some(format!("/rooms/{room}?after=form"))
    );
    // Anything but a room's path is ignored: no open redirect through sign-in.
    for next in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "/rooms/abc",
        "/admin",
        "/rooms/",
        "javascript:alert(1)",
    ] {
        let encoded = urlencode(next);
        let page = app.get_text(&format!("/login?next={encoded}")).await;
        assert!(!page.contains(r#"name="next""#), "{next}");
    }
    let (other, _) = app.new_browser();
    let signed_in = submit_with(
        &other,
        &app.address,
        "/login",
        "/login",
        &[
            ("email", "owner@example.com"),
            ("password", crate::helpers::GOOD_PASSWORD),
            ("next", "https://evil.example/"),
        ],
    )
    .await;
    assert_eq!(location_of(&signed_in).as_deref(), Some("/"));
}

on_both_databases!(
    a_member_enters_an_enforced_room_with_its_code,
    five_wrong_codes_kill_the_code_and_send_again_brings_a_new_one,
    no_step_without_enforcement_a_number_or_for_room_administrators,
    room_numbers_are_checked_like_any_phone_number,
    every_room_route_answers_each_kind_of_person_as_it_should,
    ids_of_another_room_do_not_cross_into_this_one,
    forward_auth_refuses_a_member_who_owes_set_up,
    the_room_step_limits_codes_per_member_across_rooms,
    room_changes_are_audited_with_the_room_and_what_changed,
    the_member_is_emailed_when_their_room_number_is_set_or_cleared,
    the_return_address_stays_inside_the_rooms_application,
    the_room_forms_refuse_what_is_not_a_room,
    an_unknown_address_is_invited_and_joins_with_its_own_account,
    signing_in_returns_to_the_room_and_nowhere_else,
);
