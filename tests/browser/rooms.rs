//! Data rooms in the browser: an administrator creates an enforced room, its user group and
//! members, and sets a member's two-factor phone number on User Rights; the member then
//! enters the room with the code texted to that number; an address with no account is
//! invited and joins from its link; a room administrator manages only their own rooms. Each
//! page and state the journeys reach is checked for accessibility, refusals included.

use std::sync::{Arc, Mutex};

use fantoccini::{Client, Locator};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{
    add_account, add_administrator, add_member, expect_no_text, page_shows, path_of, seeder,
    sign_in_as_administrator,
};
use super::{
    PASSWORD, browser, enter_code, expect_text, fill, follow, portal, press, sign_in, tick,
};

const ROOM: &str = "Deal";
const GROUP: &str = "Buyers";
const MEMBER_NAME: &str = "Grace Hopper";
const MEMBER_EMAIL: &str = "grace@example.com";
const OWNER_NAME: &str = "Rosalind Franklin";
const OWNER_EMAIL: &str = "rosalind@example.com";
/// The member's two-factor phone number in the room: as typed, as shown, and as texted.
const ROOM_PHONE_TYPED: &str = "+46 70 555 00 01";
const ROOM_PHONE_SHOWN: &str = "+46 70 555 00 01";
const ROOM_PHONE: &str = "+46705550001";
const STEP_TITLE: &str = "Enter the room's code";
const ROOM_OPEN: &str = "The data room is open for you for the rest of this session.";
const ROOM_ADMIN_EXEMPT: &str =
    "Room administrators cannot be enforced; they may turn on their own 2-step verification.";

/// Chooses `option` in the select whose label reads `label`.
pub(super) async fn select(client: &Client, label: &str, option: &str) {
    let label_element = client
        .find(Locator::XPath(&format!(
            "//label[normalize-space()='{label}']"
        )))
        .await
        .unwrap_or_else(|_| panic!("no select labelled {label}"));
    let id = label_element
        .attr("for")
        .await
        .unwrap()
        .expect("the label names its select");
    client
        .find(Locator::Id(&id))
        .await
        .unwrap()
        .select_by_label(option)
        .await
        .unwrap_or_else(|_| panic!("no option {option} in {label}"));
}

/// The id at the end of the path the browser is at (`/admin/rooms/7` → 7).
async fn id_in_path(client: &Client) -> i64 {
    let path = path_of(client).await;
    path.rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id at the end of {path}"))
}

/// What User Rights shows in the "Two-factor phone number" column for the member with
/// `email`.
async fn room_phone_cell(client: &Client, email: &str) -> String {
    client
        .find(Locator::XPath(&format!(
            "//tr[td[@data-label='Email' and normalize-space()='{email}']]/td[@data-label='Two-factor phone number']"
        )))
        .await
        .unwrap_or_else(|_| panic!("no row for {email} on User Rights"))
        .text()
        .await
        .unwrap()
        .trim()
        .to_owned()
}

/// The link each member's row has on User Rights: "Edit", named in full for a screen
/// reader.
fn edit_link(name: &str) -> String {
    format!("Edit the two-factor phone number of {name}")
}

/// From "Data rooms": creates a room named `name`, its two-factor authentication enforced
/// or not, administered by `admins` (emails, or ""); lands on its page; returns its id.
async fn create_room(client: &Client, name: &str, enforced: bool, admins: &str) -> i64 {
    follow(client, "Create new data room").await;
    expect_text(client, "Enable enforced two-factor authentication").await;
    fill(client, "Name", name).await;
    if enforced {
        tick(client, "enforced").await;
    }
    fill(client, "Room administrators", admins).await;
    press(client, "Create data room").await;
    expect_text(client, "The data room was created.").await;
    id_in_path(client).await
}

/// On a room's page: creates the user group `name`; lands on its User Rights.
async fn create_room_group(client: &Client, name: &str) {
    fill(client, "New user group", name).await;
    press(client, "Create group").await;
    expect_text(client, "The user group was created.").await;
}

/// The administrator signs in, creates the enforced room with its group, adds the member
/// (an account already) and sets the member's two-factor phone number; ends on User
/// Rights. Returns the room's id.
async fn set_up_enforced_room(
    client: &Client,
    address: &str,
    sms: &super::standins::StandIn,
) -> i64 {
    sign_in_as_administrator(client, address, sms).await;
    follow(client, "Control center").await;
    expect_text(client, "2-step verification in use").await;
    follow(client, "Data rooms").await;
    expect_text(client, "Create new data room").await;
    let room = create_room(client, ROOM, true, OWNER_EMAIL).await;
    create_room_group(client, GROUP).await;
    add_member(client, MEMBER_EMAIL).await;
    follow(client, &edit_link(MEMBER_NAME)).await;
    expect_text(client, &format!("{MEMBER_NAME} ({MEMBER_EMAIL}) in {ROOM}")).await;
    fill(client, "Two-factor phone number", ROOM_PHONE_TYPED).await;
    press(client, "Save").await;
    expect_text(client, "The two-factor phone number was saved.").await;
    room
}

/// On User Rights the administrator follows "Edit" for a member, types the room's number
/// and saves it; the notice and the number in full show on User Rights. On the way: the
/// rooms list empty and listing rooms, Create new data room refused and done, the room's
/// page, Edit settings, a group created, members added (and an address refused), a number
/// refused, the room administrator's row that offers no number, the "Data room" select, and
/// the room administrator's own "Manage my data rooms", which lists their room alone.
#[tokio::test(flavor = "multi_thread")]
async fn user_rights_edit_a_members_number_and_save() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    add_account(&seeder, MEMBER_NAME, MEMBER_EMAIL, false).await;
    add_account(&seeder, OWNER_NAME, OWNER_EMAIL, false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    expect_text(&client, "2-step verification in use").await;
    follow(&client, "Data rooms").await;
    expect_text(&client, "No data rooms yet.").await;
    assert_eq!(path_of(&client).await, "/admin/rooms");
    check_page(&client, "data rooms, none yet").await;

    follow(&client, "Create new data room").await;
    expect_text(&client, "Enable enforced two-factor authentication").await;
    check_page(&client, "create new data room").await;
    press(&client, "Create data room").await;
    expect_text(&client, "Enter a name for the data room.").await;
    expect_text(&client, "There is a problem").await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Create new data room")
    );
    check_page(&client, "create new data room, no name").await;
    fill(&client, "Name", ROOM).await;
    // An application address without its scheme: refused, saying what it must be.
    fill(&client, "Application address", "docs.example.com/deal").await;
    press(&client, "Create data room").await;
    expect_text(
        &client,
        "Enter the application address in full, starting with https:// or http://, for example https://docs.example.com/deal/.",
    )
    .await;
    check_page(
        &client,
        "create new data room, an application address refused",
    )
    .await;
    fill(&client, "Application address", "").await;
    tick(&client, "enforced").await;
    fill(&client, "Room administrators", OWNER_EMAIL).await;
    press(&client, "Create data room").await;
    expect_text(&client, "The data room was created.").await;
    expect_text(&client, "No user groups yet.").await;
    expect_text(&client, OWNER_EMAIL).await;
    let room = id_in_path(&client).await;
    check_page(&client, "a data room just created").await;

    follow(&client, "Edit settings").await;
    expect_text(&client, &format!("Edit settings: {ROOM}")).await;
    let enforced = client
        .find(Locator::Id("enforced"))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(enforced.as_deref(), Some("true"), "enforcement is kept");
    check_page(&client, "data room, edit settings").await;
    press(&client, "Save").await;
    expect_text(&client, "The settings were saved.").await;
    expect_text(&client, OWNER_EMAIL).await;
    assert_eq!(path_of(&client).await, format!("/admin/rooms/{room}"));

    create_room_group(&client, GROUP).await;
    expect_text(&client, "No members in this group yet.").await;
    assert_eq!(
        path_of(&client).await,
        format!("/admin/rooms/{room}/rights")
    );
    check_page(&client, "User Rights, a group just created").await;
    add_member(&client, MEMBER_EMAIL).await;
    add_member(&client, OWNER_EMAIL).await;
    assert_eq!(room_phone_cell(&client, MEMBER_EMAIL).await, "None");
    // The room administrator's row offers no number, and says why.
    assert_eq!(
        room_phone_cell(&client, OWNER_EMAIL).await,
        ROOM_ADMIN_EXEMPT
    );
    assert!(
        client
            .find(Locator::XPath(&format!(
                "//a[normalize-space(.)='{}']",
                edit_link(OWNER_NAME)
            )))
            .await
            .is_err(),
        "no Edit for a room administrator"
    );
    check_page(&client, "User Rights, members").await;
    check_keyboard_focus(&client, "User Rights, members").await;

    fill(&client, "Add a member (email)", "not an address").await;
    press(&client, "Add member").await;
    expect_text(
        &client,
        "Enter a valid email address, like name@example.com.",
    )
    .await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: User Rights")
    );
    check_page(&client, "User Rights, add member refused").await;

    // Edit → the number → Save; first a number that cannot take texts.
    follow(&client, &edit_link(MEMBER_NAME)).await;
    expect_text(
        &client,
        &format!("{MEMBER_NAME} ({MEMBER_EMAIL}) in {ROOM}"),
    )
    .await;
    check_page(&client, "two-factor phone number").await;
    fill(&client, "Two-factor phone number", "+46 8 123 456 78").await;
    press(&client, "Save").await;
    expect_text(
        &client,
        "This is a landline number, which cannot receive text messages.",
    )
    .await;
    expect_text(&client, "There is a problem").await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Two-factor phone number")
    );
    let kept = client
        .find(Locator::Id("phone"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("+46 8 123 456 78"),
        "what was typed stays"
    );
    check_page(&client, "two-factor phone number, refused").await;
    fill(&client, "Two-factor phone number", ROOM_PHONE_TYPED).await;
    press(&client, "Save").await;
    expect_text(&client, "The two-factor phone number was saved.").await;
    assert_eq!(
        path_of(&client).await,
        format!("/admin/rooms/{room}/rights")
    );
    assert_eq!(
        room_phone_cell(&client, MEMBER_EMAIL).await,
        ROOM_PHONE_SHOWN
    );
    assert_eq!(
        room_phone_cell(&client, OWNER_EMAIL).await,
        ROOM_ADMIN_EXEMPT
    );
    check_page(&client, "User Rights, a number saved").await;
    assert_eq!(sms.count_to(ROOM_PHONE), 0, "setting a number texts nobody");

    // A second room, no one's but the platform's; "Data room" on User Rights shows it.
    follow(&client, "Data rooms").await;
    expect_text(&client, "Create new data room").await;
    let other = create_room(&client, "Harbour", false, "").await;
    follow(&client, "Data rooms").await;
    expect_text(&client, "Harbour").await;
    expect_text(&client, ROOM).await;
    check_page(&client, "data rooms, two rooms").await;
    follow(&client, ROOM).await;
    expect_text(&client, "User groups").await;
    expect_text(&client, GROUP).await;
    check_page(&client, "a data room with a user group").await;
    follow(&client, &format!("User Rights of {GROUP}")).await;
    expect_text(&client, MEMBER_EMAIL).await;
    // A second group: "User group" shows one group's members, then the other's.
    follow(&client, &format!("Back to {ROOM}")).await;
    create_room_group(&client, "Advisers").await;
    expect_text(&client, "No members in this group yet.").await;
    select(&client, "User group", GROUP).await;
    press(&client, "Show").await;
    expect_text(&client, MEMBER_EMAIL).await;
    assert_eq!(
        path_of(&client).await,
        format!("/admin/rooms/{room}/rights")
    );
    assert_eq!(
        room_phone_cell(&client, MEMBER_EMAIL).await,
        ROOM_PHONE_SHOWN
    );
    select(&client, "User group", "Advisers").await;
    press(&client, "Show").await;
    expect_text(&client, "No members in this group yet.").await;
    expect_no_text(&client, MEMBER_EMAIL).await;
    check_page(&client, "User Rights, another user group").await;
    select(&client, "Data room", "Harbour").await;
    press(&client, "Show").await;
    expect_text(&client, "This room has no user groups yet.").await;
    assert_eq!(
        path_of(&client).await,
        format!("/admin/rooms/{other}/rights")
    );
    expect_no_text(&client, MEMBER_EMAIL).await;
    check_page(&client, "User Rights, a room with no user groups").await;

    // The room administrator, in another browser: Home leads to their room alone.
    let Some((owner, _owner_driver)) = browser().await else {
        return;
    };
    owner.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&owner, OWNER_EMAIL).await;
    expect_text(&owner, &format!("Hello, {OWNER_NAME}")).await;
    expect_text(&owner, "Manage my data rooms").await;
    check_page(&owner, "home page, a room administrator").await;
    follow(&owner, "Manage my data rooms").await;
    expect_text(&owner, ROOM).await;
    assert_eq!(path_of(&owner).await, "/admin/rooms");
    assert!(
        !page_shows(&owner, "Harbour").await,
        "a room administrator sees only their rooms"
    );
    assert!(
        !page_shows(&owner, "Create new data room").await,
        "only platform administrators create rooms"
    );
    check_page(&owner, "data rooms, a room administrator's").await;
    follow(&owner, ROOM).await;
    expect_text(&owner, "User groups").await;
    follow(&owner, &format!("User Rights of {GROUP}")).await;
    expect_text(&owner, ROOM_PHONE_SHOWN).await;
    owner.close().await.unwrap();
    client.close().await.unwrap();
}

/// The member signs in: Home lists the room with "Code asked"; opening it texts a code to
/// the room's number and asks for it; a wrong code is refused with the tries left, the
/// right one opens the room, and it stays open for the rest of the session without
/// another text.
#[tokio::test(flavor = "multi_thread")]
async fn entering_an_enforced_room_with_the_code() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    add_account(&seeder, MEMBER_NAME, MEMBER_EMAIL, false).await;
    add_account(&seeder, OWNER_NAME, OWNER_EMAIL, false).await;
    let room = set_up_enforced_room(&client, &address, &sms).await;
    client.close().await.unwrap();

    let Some((member, _member_driver)) = browser().await else {
        return;
    };
    member.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&member, MEMBER_EMAIL).await;
    expect_text(&member, &format!("Hello, {MEMBER_NAME}")).await;
    expect_text(&member, "My data rooms").await;
    member
        .find(Locator::XPath(&format!(
            "//li[a[normalize-space()='{ROOM}']]/*[contains(normalize-space(), 'Code asked')]"
        )))
        .await
        .expect("the room is tagged Code asked");
    check_page(&member, "home page, my data rooms, a code asked").await;
    assert_eq!(sms.count_to(ROOM_PHONE), 0, "nothing is texted before");

    follow(&member, ROOM).await;
    expect_text(&member, STEP_TITLE).await;
    expect_text(
        &member,
        &format!("{ROOM} asks for a code before it opens. We sent a 6-digit code by text message to +46 ••• •• 01."),
    )
    .await;
    assert_eq!(path_of(&member).await, format!("/rooms/{room}/verify"));
    assert_eq!(
        sms.count_to(ROOM_PHONE),
        1,
        "opening the room texts its code"
    );
    check_page(&member, "room step").await;

    let code = sms.last_code_to(ROOM_PHONE);
    // The same length, one digit different: never the right code.
    let first = code.chars().next().unwrap().to_digit(10).unwrap();
    let wrong = format!("{}{}", (first + 1) % 10, &code[1..]);
    enter_code(&member, &wrong).await;
    expect_text(&member, "That code is not right. You have 4 tries left.").await;
    expect_text(&member, "There is a problem").await;
    assert!(
        member
            .title()
            .await
            .unwrap()
            .starts_with(&format!("Error: {STEP_TITLE}"))
    );
    check_page(&member, "room step, a wrong code").await;

    enter_code(&member, &code).await;
    expect_text(&member, ROOM_OPEN).await;
    // The room's page answers the code's form itself (the room has no application).
    assert!(
        path_of(&member)
            .await
            .starts_with(&format!("/rooms/{room}")),
        "the room's own page"
    );
    assert!(member.title().await.unwrap().starts_with(ROOM));
    check_page(&member, "data room, open").await;

    // Open for the rest of the session: no step, no text.
    follow(&member, "Back to my data rooms").await;
    expect_text(&member, "My data rooms").await;
    follow(&member, ROOM).await;
    expect_text(&member, ROOM_OPEN).await;
    assert_eq!(path_of(&member).await, format!("/rooms/{room}"));
    assert_eq!(sms.count_to(ROOM_PHONE), 1, "no second code");
    sms.assert_well_formed();
    member.close().await.unwrap();
}

/// The administrator adds an address that has no account: the invitation is emailed to it.
/// The invited person opens it in another browser, is refused a weak password, then
/// creates the account and is in the room, signed in; the link works once.
#[tokio::test(flavor = "multi_thread")]
async fn an_invited_person_joins_from_the_link() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    add_account(&seeder, OWNER_NAME, OWNER_EMAIL, false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    expect_text(&client, "2-step verification in use").await;
    follow(&client, "Data rooms").await;
    expect_text(&client, "Create new data room").await;
    let room = create_room(&client, ROOM, true, OWNER_EMAIL).await;
    create_room_group(&client, GROUP).await;
    fill(&client, "Add a member (email)", "Newcomer@Example.com").await;
    press(&client, "Add member").await;
    expect_text(&client, "Invitation sent").await;
    expect_text(&client, "We emailed an invitation to newcomer@example.com.").await;
    check_page(&client, "invitation sent").await;
    let link = super::mail::link_in_mail_file(dir.path(), "newcomer@example.com", "/invite").await;
    let token = link
        .split("token=")
        .nth(1)
        .expect("the link carries its token")
        .to_owned();

    let Some((invited, _invited_driver)) = browser().await else {
        return;
    };
    let invitation = format!("{address}/invite?token={token}");
    invited.goto(&invitation).await.unwrap();
    expect_text(&invited, &format!("Join {ROOM}")).await;
    expect_text(&invited, "You were invited as newcomer@example.com.").await;
    check_page(&invited, "invitation").await;
    fill(&invited, "Name", "New Comer").await;
    fill(&invited, "Password", "password").await;
    press(&invited, "Create account").await;
    expect_text(&invited, "There is a problem").await;
    expect_text(&invited, "too easy to guess").await;
    assert!(
        invited
            .title()
            .await
            .unwrap()
            .starts_with(&format!("Error: Join {ROOM}"))
    );
    check_page(&invited, "invitation, a weak password").await;
    fill(&invited, "Name", "New Comer").await;
    fill(&invited, "Password", PASSWORD).await;
    press(&invited, "Create account").await;
    expect_text(&invited, ROOM_OPEN).await;
    assert_eq!(path_of(&invited).await, format!("/rooms/{room}"));
    expect_text(&invited, "New Comer").await;
    follow(&invited, "Back to my data rooms").await;
    expect_text(&invited, "Hello, New Comer").await;
    expect_text(&invited, "My data rooms").await;
    assert!(
        !page_shows(&invited, "Code asked").await,
        "no number is set for the newcomer: no code"
    );

    // The link works once.
    invited.goto(&invitation).await.unwrap();
    expect_text(&invited, "This invitation has expired or was already used.").await;
    check_page(&invited, "invitation, already used").await;
    invited.close().await.unwrap();

    // The administrator sees the newcomer among the group's members.
    follow(&client, "Back to User Rights").await;
    expect_text(&client, "newcomer@example.com").await;
    assert_eq!(
        room_phone_cell(&client, "newcomer@example.com").await,
        "None"
    );
    client.close().await.unwrap();
}

/// A stand-in for a room's application on an origin of its own (`127.0.0.1` and a port of
/// its own, while the portal is at `localhost`): it answers every GET with a page that
/// names the path asked. Returns its address and the paths it was asked for.
async fn application() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = asked.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut chunk = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&chunk[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&head);
                let path: String = head
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || "/-._".contains(*c))
                    .collect();
                seen.lock().unwrap().push(path.clone());
                let body = format!(
                    "<!doctype html><html lang=\"en\"><head><title>Deal application</title><link rel=\"icon\" href=\"data:,\"></head>\
                     <body><main><h1>Deal application</h1><p>You asked for {path}</p></main></body></html>"
                );
                let response = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
            });
        }
    });
    (format!("http://127.0.0.1:{port}"), asked)
}

/// The portal's address at `localhost`: another origin than the application's.
fn at_localhost(address: &str) -> String {
    address.replace("http://127.0.0.1:", "http://localhost:")
}

/// A room whose application is on another origin: the proxy in front of it sends a
/// signed-out member to the room (`?rd=` the page they asked for); they sign in, pass the
/// room's step, and Chromium — enforcing the portal's Content-Security-Policy — arrives in
/// the application at that page. The room's administrator, not stepped, arrives there
/// straight from signing in.
#[tokio::test(flavor = "multi_thread")]
async fn entering_a_room_whose_application_is_on_another_origin() {
    let Some((member, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let address = at_localhost(&address);
    let (app, asked) = application().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let admin = seeder.kit().id_of("admin@example.com").await;
    let member_id = add_account(&seeder, MEMBER_NAME, MEMBER_EMAIL, false).await;
    add_account(&seeder, OWNER_NAME, OWNER_EMAIL, false).await;
    let kit = seeder.kit();
    let room = kit
        .create_room(
            admin,
            ROOM,
            Some(&format!("{app}/deal/")),
            true,
            &[OWNER_EMAIL],
        )
        .await;
    let group = kit.create_room_group(admin, room, GROUP).await;
    kit.add_room_member(admin, group, MEMBER_EMAIL).await;
    kit.set_room_phone(admin, room, member_id, ROOM_PHONE).await;

    // What the proxy does with a browser its forward-auth question refused.
    let report = format!("{app}/deal/report.pdf");
    let via_proxy = format!("{address}/rooms/{room}?rd={}", urlencoding(&report));
    member.goto(&via_proxy).await.unwrap();
    sign_in(&member, MEMBER_EMAIL).await;
    expect_text(&member, STEP_TITLE).await;
    enter_code(&member, &sms.last_code_to(ROOM_PHONE)).await;
    expect_text(&member, "You asked for /deal/report.pdf").await;
    assert_eq!(
        member.current_url().await.unwrap().as_str(),
        report,
        "the browser is in the application"
    );
    assert_eq!(asked.lock().unwrap().as_slice(), ["/deal/report.pdf"]);
    member.close().await.unwrap();

    let Some((owner, _owner_driver)) = browser().await else {
        return;
    };
    owner.goto(&via_proxy).await.unwrap();
    sign_in(&owner, OWNER_EMAIL).await;
    // Signing in is a form: its submission may not be redirected to the application's
    // origin, so the room links there.
    expect_text(&owner, ROOM_OPEN).await;
    expect_text(&owner, &format!("{ROOM} lives in its own application")).await;
    assert_eq!(path_of(&owner).await, format!("/rooms/{room}"));
    check_page(&owner, "data room, open, a link to its application").await;
    follow(&owner, &format!("Open {ROOM}")).await;
    expect_text(&owner, "You asked for /deal/report.pdf").await;
    assert_eq!(owner.current_url().await.unwrap().as_str(), report);
    owner.close().await.unwrap();
}

fn urlencoding(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// A room's administrator removes a member: from the header's "Manage data rooms" to
/// User Rights, "Remove" asks a question naming what ends, and the member is gone with a
/// notice naming them; the member, who had passed the room's step, finds the room closed.
/// On the way: the platform administrator, who manages the room but is not in it, is told
/// why it does not open, and clears another member's number, told what that means.
#[tokio::test(flavor = "multi_thread")]
async fn a_room_administrator_removes_a_member() {
    let Some((member, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let admin = seeder.kit().id_of("admin@example.com").await;
    let member_id = add_account(&seeder, MEMBER_NAME, MEMBER_EMAIL, false).await;
    let ken = add_account(&seeder, "Ken Thompson", "ken@example.com", false).await;
    add_account(&seeder, OWNER_NAME, OWNER_EMAIL, false).await;
    let kit = seeder.kit();
    let room = kit
        .create_room(admin, ROOM, None, true, &[OWNER_EMAIL])
        .await;
    let group = kit.create_room_group(admin, room, GROUP).await;
    kit.add_room_member(admin, group, MEMBER_EMAIL).await;
    kit.add_room_member(admin, group, "ken@example.com").await;
    kit.set_room_phone(admin, room, member_id, ROOM_PHONE).await;
    kit.set_room_phone(admin, room, ken, "+46 70 555 00 02")
        .await;

    // The member passes the room's step.
    member.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&member, MEMBER_EMAIL).await;
    follow(&member, ROOM).await;
    expect_text(&member, STEP_TITLE).await;
    expect_text(
        &member,
        &format!("{OWNER_NAME} ({OWNER_EMAIL}), the room's administrator, chose this number for you in {ROOM}. If it is wrong, ask them to change it."),
    )
    .await;
    enter_code(&member, &sms.last_code_to(ROOM_PHONE)).await;
    expect_text(&member, ROOM_OPEN).await;

    // The platform administrator manages the room, and is told why it does not open.
    let Some((client, _admin_driver)) = browser().await else {
        return;
    };
    sign_in_as_administrator(&client, &address, &sms).await;
    client
        .goto(&format!("{address}/rooms/{room}"))
        .await
        .unwrap();
    expect_text(
        &client,
        "You manage this data room as a platform administrator, but managing a room does not open it",
    )
    .await;
    check_page(&client, "data room, a platform administrator not in it").await;
    client
        .goto(&format!(
            "{address}/admin/rooms/{room}/rights?group={group}"
        ))
        .await
        .unwrap();
    follow(&client, &edit_link("Ken Thompson")).await;
    fill(&client, "Two-factor phone number", "").await;
    press(&client, "Save").await;
    expect_text(
        &client,
        &format!("Ken Thompson no longer needs a code for {ROOM}."),
    )
    .await;
    assert_eq!(room_phone_cell(&client, "ken@example.com").await, "None");
    check_page(&client, "User Rights, a number cleared").await;
    client.close().await.unwrap();

    // The room's administrator, from the header.
    let Some((owner, _owner_driver)) = browser().await else {
        return;
    };
    owner.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&owner, OWNER_EMAIL).await;
    expect_text(&owner, &format!("Hello, {OWNER_NAME}")).await;
    owner
        .find(Locator::XPath(
            "//header//a[normalize-space()='Manage data rooms']",
        ))
        .await
        .expect("the header links a room administrator to their rooms");
    follow(&owner, "Manage data rooms").await;
    follow(&owner, ROOM).await;
    follow(&owner, &format!("User Rights of {GROUP}")).await;
    expect_text(&owner, MEMBER_EMAIL).await;
    check_page(&owner, "User Rights, a Remove per member").await;
    follow(&owner, &format!("Remove {MEMBER_NAME} from {GROUP}")).await;
    expect_text(&owner, &format!("Remove {MEMBER_NAME} from {GROUP}?")).await;
    expect_text(
        &owner,
        &format!("They can no longer open {ROOM}, here or in its application"),
    )
    .await;
    expect_text(&owner, ROOM_PHONE_SHOWN).await;
    check_page(&owner, "remove a room member, the question").await;
    check_keyboard_focus(&owner, "remove a room member, the question").await;
    // "Cancel" changes nothing.
    follow(&owner, "Cancel").await;
    expect_text(&owner, MEMBER_EMAIL).await;
    follow(&owner, &format!("Remove {MEMBER_NAME} from {GROUP}")).await;
    press(&owner, "Remove member").await;
    expect_text(&owner, &format!("{MEMBER_NAME} was removed from {GROUP}.")).await;
    expect_no_text(&owner, MEMBER_EMAIL).await;
    assert_eq!(path_of(&owner).await, format!("/admin/rooms/{room}/rights"));
    check_page(&owner, "User Rights, a member removed").await;
    owner.close().await.unwrap();

    // The member's session had passed the step: the room is closed to them now.
    member
        .goto(&format!("{address}/rooms/{room}"))
        .await
        .unwrap();
    expect_text(&member, "There is no page at this address.").await;
    member.goto(&format!("{address}/")).await.unwrap();
    expect_text(&member, &format!("Hello, {MEMBER_NAME}")).await;
    expect_no_text(&member, "My data rooms").await;
    member.close().await.unwrap();
}
