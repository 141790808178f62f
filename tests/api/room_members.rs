//! A room's members as its administrators remove them, and what a member and a platform
//! administrator meet at the room's door: the room's step naming who chose its number,
//! the policy that lets the step's form reach the room's application (and no other page's),
//! the link after signing in, and the header link of room administrators. On both
//! databases.

use crate::helpers::{TestApp, assert_page, assert_redirect_to, location_of, submit_with};
use crate::on_both_databases;
use crate::rooms::{
    ROOM_PHONE, add_member, create_group, create_room, enforced_room, forward_auth_status,
    set_room_phone,
};

const APP: &str = "https://docs.example.com/deal/";

/// Passes the room's step in `browser` with the code texted to the room's number.
async fn pass_the_step(app: &TestApp, browser: &reqwest::Client, room: i64) -> reqwest::Response {
    app.get_in(browser, &format!("/rooms/{room}")).await;
    let verify = format!("/rooms/{room}/verify");
    let code = app.sms.last_code_to(ROOM_PHONE);
    submit_with(browser, &app.address, &verify, &verify, &[("code", &code)]).await
}

fn remove_path(room: i64, group: i64, user: i64) -> String {
    format!("/admin/rooms/{room}/groups/{group}/members/{user}/remove")
}

async fn membership_rows(app: &TestApp, user: i64) -> (i64, i64) {
    (
        app.count_where("SELECT COUNT(*) FROM room_members WHERE user_id = $1", user)
            .await,
        app.count_where("SELECT COUNT(*) FROM room_phones WHERE user_id = $1", user)
            .await,
    )
}

/// The room's administrator follows "Remove" on User Rights, reads what it ends, and
/// confirms: the member is out of the group and the room, their room number is gone, the
/// step their session passed no longer opens the room nor the proxy's gate, and it is
/// audited. Added again (and given a number), they owe the step again.
async fn a_room_administrator_removes_a_member_after_a_question(app: TestApp) {
    let (room, group, member) = enforced_room(&app, APP).await;
    let browser = app.signed_in_browser("member@example.com").await;
    let passed = pass_the_step(&app, &browser, room).await;
    assert_eq!(location_of(&passed).as_deref(), Some(APP));
    assert_eq!(forward_auth_status(&app, &browser, room).await, 200);

    let owner = app.signed_in_browser("owner@example.com").await;
    let rights = app
        .get_text_in(&owner, &format!("/admin/rooms/{room}/rights?group={group}"))
        .await;
    let remove = remove_path(room, group, member);
    assert!(
        rights.contains(&format!(
            r#"<a href="{remove}">Remove<span class="visually-hidden"> Mem Ber from Buyers</span></a>"#
        )),
        "{rights}"
    );
    let question = assert_page(
        app.get_in(&owner, &remove).await,
        200,
        "Remove Mem Ber from Buyers?",
    )
    .await;
    for said in [
        "Mem Ber (member@example.com) leaves the user group Buyers of Deal.",
        "They can no longer open Deal, here or in its application",
        "is cleared.",
        "+46 70 555 00 01",
        "Remove member",
        &format!(r#"href="/admin/rooms/{room}/rights?group={group}">Cancel</a>"#),
    ] {
        assert!(question.contains(said), "{said} in {question}");
    }
    assert_eq!(
        membership_rows(&app, member).await,
        (1, 1),
        "asking changes nothing"
    );

    let removed = submit_with(&owner, &app.address, &remove, &remove, &[]).await;
    let rights = format!("/admin/rooms/{room}/rights?group={group}&done=removed");
    assert_redirect_to(&removed, &rights);
    let page = app.get_text_in(&owner, &rights).await;
    assert!(page.contains("Mem Ber was removed from Buyers."), "{page}");
    assert!(!page.contains("member@example.com"), "{page}");
    // The notice naming them is said once; the address's own stays.
    let again = app.get_text_in(&owner, &rights).await;
    assert!(
        again.contains("The member was removed.") && !again.contains("Mem Ber was removed"),
        "{again}"
    );
    assert_eq!(membership_rows(&app, member).await, (0, 0));
    assert!(
        app.audit_detail("room.member_removed")
            .await
            .contains(&format!(
                "room {room} (Deal): Buyers; left the room, its two-factor phone number cleared"
            ))
    );
    let actor: i64 = app
        .fetch_scalar(
            "SELECT actor_user_id FROM audit_events WHERE subject_user_id = $1 AND event = 'room.member_removed'",
            member,
        )
        .await;
    assert_eq!(actor, app.kit().id_of("owner@example.com").await);

    // Out of the room at once, in the session that passed its step.
    assert_eq!(forward_auth_status(&app, &browser, room).await, 401);
    assert_eq!(
        app.get_in(&browser, &format!("/rooms/{room}"))
            .await
            .status()
            .as_u16(),
        404
    );
    let home = app.get_text_in(&browser, "/").await;
    assert!(!home.contains("Deal"), "{home}");
    // A second removal finds no one to remove.
    let twice = submit_with(&owner, &app.address, &rights, &remove, &[]).await;
    assert_eq!(twice.status().as_u16(), 404);

    // Added again later (past "Send again"'s 30 s), with a number: the step passed before
    // the removal does not count.
    app.clock.advance(31);
    add_member(&app, room, group, "member@example.com").await;
    set_room_phone(&app, room, group, member, "+46 70 555 00 01").await;
    assert_eq!(forward_auth_status(&app, &browser, room).await, 401);
    assert_eq!(
        location_of(&app.get_in(&browser, &format!("/rooms/{room}")).await),
        Some(format!("/rooms/{room}/verify"))
    );
    let home = app.get_text_in(&browser, "/").await;
    assert!(home.contains("Code asked"), "{home}");
    let passed = pass_the_step(&app, &browser, room).await;
    assert_eq!(location_of(&passed).as_deref(), Some(APP));
    assert_eq!(forward_auth_status(&app, &browser, room).await, 200);
}

/// Out of one group of two, the member stays in the room with its number and its step;
/// a room administrator taken out of a group still administers the room.
async fn a_member_of_two_groups_stays_in_the_room(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    let other = create_group(&app, room, "Advisers").await;
    add_member(&app, room, other, "member@example.com").await;
    let owner_id = app.kit().id_of("owner@example.com").await;
    add_member(&app, room, group, "owner@example.com").await;
    let browser = app.signed_in_browser("member@example.com").await;
    let passed = pass_the_step(&app, &browser, room).await;
    assert_eq!(location_of(&passed), Some(format!("/rooms/{room}")));

    let remove = remove_path(room, group, member);
    let question = assert_page(app.get(&remove).await, 200, "Remove Mem Ber from Buyers?").await;
    assert!(
        question
            .contains("They stay in Deal through Advisers, and keep its two-factor phone number."),
        "{question}"
    );
    assert!(!question.contains("can no longer open"), "{question}");
    assert_redirect_to(
        &app.submit(&remove, &remove, &[]).await,
        &format!("/admin/rooms/{room}/rights?group={group}&done=removed"),
    );
    assert_eq!(membership_rows(&app, member).await, (1, 1));
    assert_eq!(
        app.audit_detail("room.member_removed").await,
        format!("room {room} (Deal): Buyers")
    );
    // A member since before the step was passed: it still holds.
    assert_eq!(forward_auth_status(&app, &browser, room).await, 200);

    let remove_owner = remove_path(room, group, owner_id);
    let question = assert_page(
        app.get(&remove_owner).await,
        200,
        "They still administer Deal, and open it as its administrator.",
    )
    .await;
    assert!(!question.contains("is cleared"), "{question}");
    app.submit(&remove_owner, &remove_owner, &[]).await;
    let owner = app.signed_in_browser("owner@example.com").await;
    assert_eq!(forward_auth_status(&app, &owner, room).await, 200);
}

/// Removing is for the room's administrators and platform administrators only: another
/// room's administrator, a member and a stranger get 404 for the question and the change,
/// ids of another room's group or member do not cross into this room, and nothing changes.
async fn only_the_rooms_managers_remove_its_members(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    app.create_user("other-owner@example.com", "Other Owner", false)
        .await;
    let other_room = create_room(&app, "Other", "", true, "other-owner@example.com").await;
    let other_group = create_group(&app, other_room, "Theirs").await;
    let theirs = app
        .create_user("theirs@example.com", "Their Member", false)
        .await;
    add_member(&app, other_room, other_group, "theirs@example.com").await;
    app.create_user("stranger@example.com", "Stranger", false)
        .await;
    let (anonymous, _) = app.new_browser();
    let people = [
        (
            "another room's administrator",
            app.signed_in_browser("other-owner@example.com").await,
            "/admin/rooms",
        ),
        (
            "a member",
            app.signed_in_browser("member@example.com").await,
            "/",
        ),
        (
            "a stranger",
            app.signed_in_browser("stranger@example.com").await,
            "/",
        ),
    ];
    let remove = remove_path(room, group, member);
    for (who, browser, token_page) in &people {
        assert_eq!(
            app.get_in(browser, &remove).await.status().as_u16(),
            404,
            "{who}"
        );
        let refused = submit_with(browser, &app.address, token_page, &remove, &[]).await;
        assert_eq!(refused.status().as_u16(), 404, "{who}");
    }
    assert_eq!(
        location_of(&app.get_in(&anonymous, &remove).await).as_deref(),
        Some("/login")
    );
    // The room's administrator, with ids that are not this room's.
    let owner = app.signed_in_browser("owner@example.com").await;
    for crossing in [
        remove_path(room, other_group, theirs),
        remove_path(other_room, other_group, theirs),
        remove_path(room, group, theirs),
        remove_path(other_room, group, member),
        remove_path(room, 999_999, member),
    ] {
        assert_eq!(
            app.get_in(&owner, &crossing).await.status().as_u16(),
            404,
            "GET {crossing}"
        );
        let refused = submit_with(&owner, &app.address, "/admin/rooms", &crossing, &[]).await;
        assert_eq!(refused.status().as_u16(), 404, "POST {crossing}");
    }
    // A platform administrator manages both rooms, but ids still do not cross.
    let crossing = remove_path(room, other_group, theirs);
    assert_eq!(
        app.submit("/admin/rooms", &crossing, &[])
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(membership_rows(&app, member).await, (1, 1));
    assert_eq!(membership_rows(&app, theirs).await.0, 1);
    assert_eq!(app.count_events("room.member_removed").await, 0);
    // Without the form's token, nothing either.
    let forged = app.post_raw(&remove, &[]).await;
    assert!(forged.status().is_client_error());
    assert_eq!(membership_rows(&app, member).await, (1, 1));
    // The other room's administrator removes their own member.
    let other_owner = &people[0].1;
    let theirs_path = remove_path(other_room, other_group, theirs);
    assert_redirect_to(
        &submit_with(other_owner, &app.address, "/admin/rooms", &theirs_path, &[]).await,
        &format!("/admin/rooms/{other_room}/rights?group={other_group}&done=removed"),
    );
    assert_eq!(membership_rows(&app, theirs).await.0, 0);
}

/// The room's step says who chose the number and whom to ask, masks it keeping its whole
/// country code, and leads back to the person's rooms.
async fn the_room_step_says_who_chose_the_number(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    let browser = app.signed_in_browser("member@example.com").await;
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    let step = app
        .get_text_in(&browser, &format!("/rooms/{room}/verify"))
        .await;
    assert!(
        step.contains("Room Owner (owner@example.com), the room&#39;s administrator, chose this number for you in Deal. If it is wrong, ask them to change it."),
        "{step}"
    );
    assert!(
        step.contains(r##"<a href="/#rooms-title">Back to my data rooms</a>"##),
        "{step}"
    );
    // Two administrators are both named; a North American number keeps its "+1".
    app.create_user("second@example.com", "Ada Second", false)
        .await;
    let edit = format!("/admin/rooms/{room}/edit");
    app.submit(
        &edit,
        &edit,
        &[
            ("name", "Deal"),
            ("app_url", ""),
            ("enforced", "yes"),
            ("admins", "owner@example.com, second@example.com"),
        ],
    )
    .await;
    set_room_phone(&app, room, group, member, "+1 201 555 0134").await;
    app.clock.advance(31);
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    let step = app
        .get_text_in(&browser, &format!("/rooms/{room}/verify"))
        .await;
    assert!(step.contains("by text message to +1 ••• ••• 34."), "{step}");
    assert!(
        step.contains("The room&#39;s administrators, Ada Second (second@example.com) and Room Owner (owner@example.com), chose this number for you in Deal. If it is wrong, ask one of them to change it."),
        "{step}"
    );
}

/// The policy lets the step's form reach exactly the room's application; every other page,
/// and the step of a room without an application, keeps `form-action 'self'`.
async fn only_the_rooms_step_may_send_its_form_to_the_application(app: TestApp) {
    let (room, _, _) = enforced_room(&app, "https://docs.example.com:8443/deal/").await;
    let browser = app.signed_in_browser("member@example.com").await;
    let policy = |response: &reqwest::Response| {
        response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    let step = app.get_in(&browser, &format!("/rooms/{room}/verify")).await;
    assert!(
        policy(&step).contains("form-action 'self' https://docs.example.com:8443;"),
        "{}",
        policy(&step)
    );
    // A refused code re-renders the step with the same policy.
    let verify = format!("/rooms/{room}/verify");
    let wrong = submit_with(&browser, &app.address, &verify, &verify, &[("code", "12")]).await;
    assert_eq!(wrong.status().as_u16(), 422);
    assert!(policy(&wrong).contains("form-action 'self' https://docs.example.com:8443;"));
    for path in ["/", "/account/security", "/login"] {
        let page = app.get_in(&browser, path).await;
        assert!(
            policy(&page).contains("form-action 'self';"),
            "{path}: {}",
            policy(&page)
        );
    }
    let plain = create_room(&app, "Plain", "", true, "owner@example.com").await;
    let admin_page = app.get(&format!("/admin/rooms/{plain}")).await;
    assert!(policy(&admin_page).contains("form-action 'self';"));
}

/// A platform administrator who opens a room they manage but are not in is told why they
/// cannot enter it (403), not that it does not exist; a room that does not exist is 404.
async fn a_platform_administrator_is_told_why_a_room_does_not_open(app: TestApp) {
    let (room, _, _) = enforced_room(&app, "").await;
    for path in [
        format!("/rooms/{room}"),
        format!("/rooms/{room}/verify"),
        format!("/rooms/{room}/documents/report.pdf"),
    ] {
        assert_page(
            app.get(&path).await,
            403,
            "You manage this data room as a platform administrator, but managing a room does not open it",
        )
        .await;
    }
    assert_eq!(app.get("/rooms/999999").await.status().as_u16(), 404);
    assert_eq!(
        forward_auth_status(&app, &app.client, room).await,
        401,
        "the proxy's gate stays shut"
    );
}

/// Room administrators find their rooms from the header; members and platform
/// administrators (who have the control center) get no such link.
async fn room_administrators_have_a_header_link_to_their_rooms(app: TestApp) {
    enforced_room(&app, "").await;
    let link = r#"<a href="/admin/rooms">Manage data rooms</a>"#;
    let owner = app.signed_in_browser("owner@example.com").await;
    let page = app.get_text_in(&owner, "/account/security").await;
    assert!(page.contains(link), "{page}");
    let member = app.signed_in_browser("member@example.com").await;
    assert!(!app.get_text_in(&member, "/").await.contains(link));
    assert!(!app.get_text("/").await.contains(link));
}

/// The room form: "Create data room" ends the new room's form; an application address
/// that is not a whole web address is refused saying what it must be, what was typed kept.
async fn the_room_form_says_what_the_application_address_must_be(app: TestApp) {
    crate::admin::signed_in_admin(&app).await;
    let form = app.get_text("/admin/rooms/new").await;
    assert!(
        form.contains(r#"<button type="submit">Create data room</button>"#),
        "{form}"
    );
    assert!(
        form.contains("the whole address, starting with https:// (or http://)"),
        "{form}"
    );
    for (typed, said) in [
        (
            "docs.example.com/deal",
            "Enter the application address in full, starting with https:// or http://, for example https://docs.example.com/deal/.",
        ),
        (
            "ftp://docs.example.com/",
            "The application address must start with https:// or http://",
        ),
        (
            "https://user:pw@docs.example.com/",
            "The application address cannot hold a user name, a password or a #fragment.",
        ),
    ] {
        let refused = app
            .submit(
                "/admin/rooms/new",
                "/admin/rooms/new",
                &[("name", "Deal"), ("app_url", typed)],
            )
            .await;
        let page = assert_page(refused, 422, said).await;
        assert!(page.contains(&format!(r#"value="{typed}""#)), "{page}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM rooms").await, 0);
    let room = create_room(&app, "Deal", "", false, "").await;
    let edit = app.get_text(&format!("/admin/rooms/{room}/edit")).await;
    assert!(
        edit.contains(r#"<button type="submit">Save</button>"#),
        "{edit}"
    );
}

/// Clearing a member's number says what it means, naming them and the room.
async fn clearing_a_number_says_who_no_longer_needs_a_code(app: TestApp) {
    let (room, group, member) = enforced_room(&app, "").await;
    let cleared = set_room_phone(&app, room, group, member, "").await;
    let rights = format!("/admin/rooms/{room}/rights?group={group}&done=phone-cleared");
    assert_redirect_to(&cleared, &rights);
    let page = app.get_text(&rights).await;
    assert!(
        page.contains("Mem Ber no longer needs a code for Deal."),
        "{page}"
    );
}

/// Signed in on the way to a room whose application is elsewhere, the browser lands on
/// the room's page with a link into the application (a sign-in's form may not be
/// redirected to another origin); reached by a link, the room redirects there.
async fn after_signing_in_the_room_links_to_its_application(app: TestApp) {
    let (room, _, _) = enforced_room(&app, APP).await;
    let (browser, _) = app.new_browser();
    let asked = format!("/rooms/{room}?rd=https%3A%2F%2Fdocs.example.com%2Fdeal%2Freport.pdf");
    let to_sign_in = location_of(&app.get_in(&browser, &asked).await).unwrap();
    let signed_in = submit_with(
        &browser,
        &app.address,
        &to_sign_in,
        "/login",
        &[
            ("email", "owner@example.com"),
            ("password", crate::helpers::GOOD_PASSWORD),
            ("next", &asked),
        ],
    )
    .await;
    let landing = format!("{asked}&after=form");
    assert_redirect_to(&signed_in, &landing);
    let page = assert_page(
        app.get_in(&browser, &landing).await,
        200,
        "Deal lives in its own application",
    )
    .await;
    assert!(
        page.contains(
            r#"<a class="button" href="https://docs.example.com/deal/report.pdf">Open Deal</a>"#
        ),
        "{page}"
    );
    assert_eq!(
        location_of(&app.get_in(&browser, &asked).await).as_deref(),
        Some("https://docs.example.com/deal/report.pdf")
    );
}

on_both_databases!(
    a_room_administrator_removes_a_member_after_a_question,
    a_member_of_two_groups_stays_in_the_room,
    only_the_rooms_managers_remove_its_members,
    the_room_step_says_who_chose_the_number,
    only_the_rooms_step_may_send_its_form_to_the_application,
    a_platform_administrator_is_told_why_a_room_does_not_open,
    room_administrators_have_a_header_link_to_their_rooms,
    the_room_form_says_what_the_application_address_must_be,
    clearing_a_number_says_who_no_longer_needs_a_code,
    after_signing_in_the_room_links_to_its_application,
);
