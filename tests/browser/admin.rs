//! The control center (`/admin`) in the browser: an administrator resets a user's 2-step
//! verification, makes a group require it, and turns on the reminder; each page and state
//! the journeys reach is checked for accessibility, and so are the refusals and the pages a
//! user meets because of what the administrator did.

use actix_web::web::Data;
use fantoccini::{Client, Locator};
use twostep::web::state::AppState;

use super::accessibility::{check_keyboard_focus, check_page};
use super::kit::Kit;
use super::standins::StandIn;
use super::{
    PASSWORD, body_text, browser, choose, enter_code, expect_summary, expect_text, fill, find_soon,
    follow, portal, portal_state, press, sign_in, sign_out, tick,
};

const ADMIN_NAME: &str = "Ada Admin";
pub(super) const ADMIN_EMAIL: &str = "admin@example.com";
pub(super) const ADMIN_PHONE: &str = "+46709990000";

/// The portal that `portal()` started in `dir`, with its SMS stand-in: the test kit makes
/// the journeys' data through its use cases.
pub(super) struct Seeder {
    state: Data<AppState>,
    sms: StandIn,
}

impl Seeder {
    pub(super) fn kit(&self) -> Kit<'_> {
        Kit::new(&self.state.services, &self.sms)
    }
}

pub(super) fn seeder(dir: &tempfile::TempDir, sms: &StandIn) -> Seeder {
    Seeder {
        state: portal_state(dir),
        sms: sms.clone(),
    }
}

/// Adds an account with the journeys' password as the command line does; returns its id.
pub(super) async fn add_account(seeder: &Seeder, name: &str, email: &str, admin: bool) -> i64 {
    seeder.kit().create_user(email, name, PASSWORD, admin).await
}

/// Turns SMS 2-step verification on for user `id` with `phone`, as the security settings
/// do: the code texted to the stand-in, typed back.
pub(super) async fn turn_on_sms(seeder: &Seeder, id: i64, phone: &str) {
    seeder.kit().turn_on_sms(id, phone).await;
}

/// The administrator every journey uses: SMS 2-step verification on, as administrators
/// must have it.
pub(super) async fn add_administrator(seeder: &Seeder) {
    let id = add_account(seeder, ADMIN_NAME, ADMIN_EMAIL, true).await;
    turn_on_sms(seeder, id, ADMIN_PHONE).await;
}

/// Signs the administrator in with the password and the code texted to them; lands Home.
pub(super) async fn sign_in_as_administrator(client: &Client, address: &str, sms: &StandIn) {
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(client, ADMIN_EMAIL).await;
    expect_text(client, "Enter your verification code").await;
    enter_code(client, &sms.last_code_to(ADMIN_PHONE)).await;
    expect_text(client, &format!("Hello, {ADMIN_NAME}")).await;
}

/// Whether the page the browser shows has `text` anywhere in its body now (once it has a
/// body: see `body_text`).
pub(super) async fn page_shows(client: &Client, text: &str) -> bool {
    body_text(client).await.contains(text)
}

/// Waits (up to 10 s) for the page, once loaded after a click, to no longer show `text`.
pub(super) async fn expect_no_text(client: &Client, text: &str) {
    for _ in 0..100 {
        if !page_shows(client, text).await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{text:?} is still on the page");
}

/// The path the browser is at.
pub(super) async fn path_of(client: &Client) -> String {
    client.current_url().await.unwrap().path().to_owned()
}

/// An administrator finds a user who has SMS on, resets their 2-step verification after a
/// question naming them, and the user then signs in with the password alone. On the way:
/// the overview, the users list and a search that finds nobody, Add user refused and done
/// (its one-time link emailed to the user and opened in another browser), the questions
/// each account action asks, and the 403 a user gets at /admin.
#[tokio::test(flavor = "multi_thread")]
async fn reset_a_users_two_step_verification() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let grace = add_account(&seeder, "Grace Hopper", "grace@example.com", false).await;
    turn_on_sms(&seeder, grace, "+46701234567").await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    expect_text(&client, "2-step verification in use").await;
    assert_eq!(client.title().await.unwrap(), "Control center · Twostep");
    check_page(&client, "control center overview").await;

    follow(&client, "Users").await;
    expect_text(&client, "Search users").await;
    expect_text(&client, "grace@example.com").await;
    check_page(&client, "control center users").await;
    fill(&client, "Search users", "nobody-by-this-name").await;
    press(&client, "Search").await;
    expect_text(&client, "No users match.").await;
    check_page(&client, "control center users, a search with no match").await;
    fill(&client, "Search users", "grace").await;
    press(&client, "Search").await;
    expect_text(&client, "grace@example.com").await;
    // The search shows only the user it matches.
    expect_no_text(&client, ADMIN_EMAIL).await;
    follow(&client, "Grace Hopper").await;
    expect_text(&client, "Account actions").await;
    expect_summary(&client, "2-step verification", "Text message (SMS)").await;
    check_page(&client, "control center, a user's page").await;
    check_keyboard_focus(&client, "control center, a user's page").await;

    follow(&client, "Reset 2-step verification").await;
    expect_text(&client, "Reset 2-step verification for Grace Hopper?").await;
    check_page(
        &client,
        "control center, reset 2-step verification, the question",
    )
    .await;
    press(&client, "Reset 2-step verification").await;
    expect_text(&client, "2-step verification was reset.").await;
    expect_summary(&client, "2-step verification", "Off").await;
    assert_eq!(path_of(&client).await, format!("/admin/users/{grace}"));
    check_page(
        &client,
        "control center, a user's page, 2-step verification reset",
    )
    .await;

    // Add user: refused when empty, then done, the one-time link emailed to the user.
    follow(&client, "Users").await;
    expect_text(&client, "Search users").await;
    follow(&client, "Add user").await;
    expect_text(&client, "The person gets no password from you").await;
    check_page(&client, "control center, add user").await;
    press(&client, "Add user").await;
    expect_text(&client, "There is a problem").await;
    assert!(client.title().await.unwrap().starts_with("Error: Add user"));
    check_page(&client, "control center, add user, refused").await;
    fill(&client, "Name", "Mary Jackson").await;
    fill(&client, "Email", "mary@example.com").await;
    press(&client, "Add user").await;
    expect_text(&client, "The user was added. We emailed them a link").await;
    check_page(&client, "control center, user added, the link emailed").await;
    let link =
        super::mail::link_in_mail_file(dir.path(), "mary@example.com", "/password/set").await;
    let token = link
        .split("token=")
        .nth(1)
        .expect("the link carries its token")
        .to_owned();

    // Each account action asks first, saying what it does.
    follow(&client, "Email a set-password link").await;
    expect_text(&client, "Email Mary Jackson a set-password link?").await;
    check_page(
        &client,
        "control center, email a set-password link, the question",
    )
    .await;
    follow(&client, "Cancel").await;
    follow(&client, "Disable account").await;
    expect_text(&client, "Disable Mary Jackson's account?").await;
    check_page(&client, "control center, disable an account, the question").await;
    check_keyboard_focus(&client, "control center, disable an account, the question").await;
    follow(&client, "Cancel").await;
    follow(&client, "Make administrator").await;
    expect_text(&client, "Make Mary Jackson an administrator?").await;
    check_page(
        &client,
        "control center, make an administrator, the question",
    )
    .await;
    follow(&client, "Cancel").await;
    expect_text(&client, "Account actions").await;

    // Another browser: Mary opens her link; then Grace signs in with her password alone.
    let Some((other, _other_driver)) = browser().await else {
        return;
    };
    other
        .goto(&format!("{address}/password/set?token={token}"))
        .await
        .unwrap();
    expect_text(&other, "Choose the password for mary@example.com").await;
    check_page(&other, "set your password, from the administrator's link").await;
    fill(&other, "New password", PASSWORD).await;
    press(&other, "Set password").await;
    expect_text(&other, "Your password is set. Sign in with it.").await;

    let texts_to_grace = sms.count_to("+46701234567");
    sign_in(&other, "grace@example.com").await;
    expect_text(&other, "Hello, Grace Hopper").await;
    assert_eq!(
        sms.count_to("+46701234567"),
        texts_to_grace,
        "no code was texted: the password alone signed in"
    );
    other.goto(&format!("{address}/admin")).await.unwrap();
    expect_text(&other, "The control center is for administrators.").await;
    check_page(&other, "control center, not an administrator").await;
    assert!(
        other
            .find(Locator::XPath("//a[normalize-space()='Control center']"))
            .await
            .is_err(),
        "the header offers no control center to a user"
    );
    other.close().await.unwrap();
    client.close().await.unwrap();
}

/// Creates a group named `name` from the groups page and lands on the group's page.
async fn create_group(client: &Client, name: &str) {
    fill(client, "Group name", name).await;
    press(client, "Create group").await;
    expect_text(client, "The group was created.").await;
}

/// On a group's page: adds the member with `email`.
pub(super) async fn add_member(client: &Client, email: &str) {
    fill(client, "Add a member (email)", email).await;
    press(client, "Add member").await;
    expect_text(client, " was added.").await;
    expect_text(client, email).await;
}

/// On a group's page: makes 2-step verification Required of its members, with `grace_days`
/// ("" for none), through the preview that says whom it concerns (`preview` is part of it).
async fn require_of_members(client: &Client, grace_days: &str, preview: &str, state: &str) {
    choose(client, "Required").await;
    fill(client, "Grace period (days)", grace_days).await;
    press(client, "Save").await;
    expect_text(client, preview).await;
    check_page(client, state).await;
    press(client, "Save and require 2-step verification").await;
    expect_text(client, "The rule for members was saved.").await;
}

/// A group set to Required sends its member to set-up at their next sign-in, from every
/// page; a group with a grace period lets its member set up later, with the days left.
/// On the way: the groups page empty, refused and listing groups, a group's page, its
/// Required preview, and the overview listing who must still set up.
#[tokio::test(flavor = "multi_thread")]
async fn a_group_set_to_required_sends_its_member_to_set_up() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    add_account(&seeder, "Mae Jemison", "mae@example.com", false).await;
    add_account(&seeder, "Dorothy Vaughan", "dorothy@example.com", false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    expect_text(&client, "2-step verification in use").await;
    follow(&client, "Groups").await;
    expect_text(&client, "No groups yet.").await;
    check_page(&client, "control center groups, none yet").await;
    press(&client, "Create group").await;
    expect_text(&client, "Enter a name for the group.").await;
    assert!(client.title().await.unwrap().starts_with("Error: Groups"));
    check_page(&client, "control center groups, create refused").await;

    create_group(&client, "Engineering").await;
    check_page(&client, "control center, a group just created").await;
    add_member(&client, "mae@example.com").await;
    check_page(&client, "control center, a group with a member").await;
    require_of_members(
        &client,
        "",
        "must set it up at their next sign-in",
        "control center, a group, the Required preview",
    )
    .await;
    check_page(&client, "control center, a group, rule saved").await;

    follow(&client, "Back to groups").await;
    expect_text(&client, "Create a group").await;
    create_group(&client, "Sales").await;
    add_member(&client, "dorothy@example.com").await;
    require_of_members(
        &client,
        "5",
        "must set it up within the grace period",
        "control center, a group, the Required preview with a grace period",
    )
    .await;
    follow(&client, "Back to groups").await;
    expect_text(&client, "Required (grace period 5 days)").await;
    check_page(&client, "control center groups, two groups").await;
    follow(&client, "Overview").await;
    expect_text(&client, "Users who must still set up").await;
    expect_text(&client, "mae@example.com").await;
    expect_text(&client, "dorothy@example.com").await;
    check_page(
        &client,
        "control center overview, users who must still set up",
    )
    .await;

    // The members sign in, in another browser.
    let Some((member, _member_driver)) = browser().await else {
        return;
    };
    member.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&member, "mae@example.com").await;
    expect_text(&member, "Choose how to get your codes").await;
    expect_text(
        &member,
        "2-step verification is required for your account. Set it up to continue.",
    )
    .await;
    assert!(
        !page_shows(&member, "Set up later").await,
        "no grace period, no later"
    );
    check_page(&member, "forced set-up, required now").await;
    for elsewhere in ["/", "/account/password", "/account/security"] {
        member.goto(&format!("{address}{elsewhere}")).await.unwrap();
        expect_text(
            &member,
            "2-step verification is required for your account. Set it up to continue.",
        )
        .await;
        assert_eq!(
            path_of(&member).await,
            "/account/security/two-step",
            "{elsewhere} led back to set-up"
        );
    }
    sign_out(&member).await;

    sign_in(&member, "dorothy@example.com").await;
    expect_text(&member, "Choose how to get your codes").await;
    expect_text(
        &member,
        "2-step verification is required for your account. Set it up now, or later within the time left.",
    )
    .await;
    check_page(&member, "forced set-up, with set up later").await;
    press(&member, "Set up later (5 days left)").await;
    expect_text(&member, "Hello, Dorothy Vaughan").await;
    assert_eq!(path_of(&member).await, "/");
    // Until it is done, every page says by when, and My security settings too.
    expect_text(&member, "Set up 2-step verification by").await;
    check_page(&member, "home, the set-up banner after Set up later").await;
    follow(&member, "Security").await;
    expect_text(&member, "It is required for your account: set it up by").await;
    check_page(&member, "security settings, set-up due by a date").await;
    follow(&member, "Set it up now").await;
    choose(&member, "Text message (SMS)").await;
    press(&member, "Continue").await;
    fill(&member, "Phone number", "+46 70 555 77 88").await;
    press(&member, "Send code").await;
    // The code page shows once the text was sent: reading the stand-in before it races.
    expect_text(&member, "+46 ••• •• 88").await;
    enter_code(&member, &sms.last_code_to("+46705557788")).await;
    expect_text(&member, "Save your recovery codes").await;
    tick(&member, "saved").await;
    press(&member, "Done").await;
    expect_text(&member, "2-step verification is on").await;
    assert!(
        !page_shows(&member, "Set up 2-step verification by").await,
        "the banner is gone once it is set up"
    );
    member.close().await.unwrap();
    client.close().await.unwrap();
}

/// The administrator turns on the reminder (the page lists what changed); a user without
/// 2-step verification then meets the dialog Home and puts it away with "Not now", a
/// plain form: the page runs no script. On the way: the security settings refused, their
/// Required-for-everyone preview, and the audit log, plain and with a date it refuses.
#[tokio::test(flavor = "multi_thread")]
async fn the_reminder_dialog_and_not_now() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    add_account(&seeder, "Katherine Johnson", "katherine@example.com", false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    assert!(
        !page_shows(&client, "now supports 2-step verification").await,
        "no reminder until it is turned on, nor for those who use 2-step verification"
    );
    follow(&client, "Control center").await;
    expect_text(&client, "2-step verification in use").await;
    follow(&client, "Security settings").await;
    expect_text(&client, "Show a reminder to users who have not turned on").await;
    check_page(&client, "control center security settings").await;
    check_keyboard_focus(&client, "control center security settings").await;

    // Refused: an empty app name.
    fill(&client, "App name", "").await;
    press(&client, "Save").await;
    expect_text(&client, "Enter the app name.").await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Security settings")
    );
    check_page(&client, "control center security settings, empty app name").await;

    // Required for everyone is asked first, with whom it concerns; cancelled here.
    fill(&client, "App name", "Twostep").await;
    choose(&client, "Required for everyone").await;
    press(&client, "Save").await;
    expect_text(
        &client,
        "Requiring 2-step verification for everyone means 1 user must set it up",
    )
    .await;
    check_page(
        &client,
        "control center security settings, the Required preview",
    )
    .await;
    follow(&client, "Cancel").await;
    expect_text(&client, "Show a reminder to users who have not turned on").await;
    expect_no_text(&client, "Requiring 2-step verification for everyone").await;

    tick(&client, "reminder").await;
    press(&client, "Save").await;
    expect_text(&client, "Saved.").await;
    expect_text(
        &client,
        "Show a reminder to users who have not turned on 2-step verification: Off → On",
    )
    .await;
    let saved = client
        .find(Locator::Css(".notice"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        saved.lines().filter(|line| line.contains('→')).count(),
        1,
        "one change listed: {saved}"
    );
    check_page(&client, "control center security settings, saved").await;

    follow(&client, "Audit log").await;
    expect_text(&client, "Security settings changed").await;
    check_page(&client, "control center audit log").await;
    // The event filter, grouped: a kind chosen from its group stays chosen.
    client
        .find(Locator::Id("event"))
        .await
        .unwrap()
        .select_by_label("Security settings changed")
        .await
        .unwrap();
    press(&client, "Filter").await;
    let chosen = find_soon(
        &client,
        Locator::Css("optgroup[label='Administration'] option[selected]"),
        "the kind chosen, in its group",
    )
    .await;
    assert_eq!(chosen.text().await.unwrap(), "Security settings changed");
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("event=platform.settings_changed")
    );
    check_page(&client, "control center audit log, filtered by an event").await;
    client
        .goto(&format!("{address}/admin/audit?user=nobody%40example.com"))
        .await
        .unwrap();
    expect_text(&client, "No account has the address nobody@example.com").await;
    check_page(
        &client,
        "control center audit log, an address no account has",
    )
    .await;
    client
        .goto(&format!(
            "{address}/admin/audit?from=2026-12-06&until=2026-12-01"
        ))
        .await
        .unwrap();
    expect_text(
        &client,
        "The last date must be the same as or after the first date.",
    )
    .await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Audit log")
    );
    check_page(&client, "control center audit log, a reversed period").await;
    client
        .goto(&format!("{address}/admin/audit?from=yesterday"))
        .await
        .unwrap();
    expect_text(&client, "There is a problem").await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Audit log")
    );
    check_page(&client, "control center audit log, a date it cannot read").await;

    // The user, in another browser.
    let Some((user, _user_driver)) = browser().await else {
        return;
    };
    user.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&user, "katherine@example.com").await;
    expect_text(
        &user,
        "Twostep now supports 2-step verification. This offers better security by also requiring you to log in using a code sent by SMS to your phone, in addition to your password.",
    )
    .await;
    expect_text(&user, "Hello, Katherine Johnson").await;
    user.find(Locator::XPath(
        "//dialog[@open]//a[normalize-space()='Turn on now']",
    ))
    .await
    .expect("the dialog offers Turn on now");
    user.find(Locator::XPath(
        "//dialog[@open]//form//button[normalize-space()='Not now']",
    ))
    .await
    .expect("Not now is the dialog's own form");
    let scripts = user
        .execute("return document.scripts.length;", Vec::new())
        .await
        .unwrap();
    assert_eq!(scripts, serde_json::json!(0), "the page runs no script");
    check_page(&user, "home page, the 2-step verification reminder").await;
    press(&user, "Not now").await;
    expect_no_text(&user, "now supports 2-step verification").await;
    expect_text(&user, "You are signed in to Twostep.").await;
    assert!(user.find(Locator::Css("dialog")).await.is_err(), "hidden");
    // It stays away for the rest of the session.
    user.goto(&format!("{address}/")).await.unwrap();
    expect_text(&user, "Hello, Katherine Johnson").await;
    assert!(!page_shows(&user, "now supports 2-step verification").await);
    user.close().await.unwrap();
    client.close().await.unwrap();
}
