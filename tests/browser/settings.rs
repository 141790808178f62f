//! Security settings and a group's page in the browser (issue 22, items 9 to 11): the
//! settings in sections, dependent settings shown while their switch is on (and all of them
//! with JavaScript off), the "Required" warning beside the button that confirms it, a
//! group's grace period under Required, a member added by name, and the last
//! administrator told why their role cannot go.

use fantoccini::{Client, Locator};

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{
    add_account, add_administrator, expect_no_text, seeder, sign_in_as_administrator, turn_on_sms,
};
use super::{
    browser, browser_without_javascript, choose, enter_code, expect_text, fill, follow, portal,
    press, sign_in, tick,
};

/// Whether the element whose id is `id` is shown.
async fn shown(client: &Client, id: &str) -> bool {
    client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|_| panic!("no #{id} on the page"))
        .is_displayed()
        .await
        .unwrap()
}

/// Waits (up to 5 s) for the element whose id is `id` to be shown (`true`) or hidden.
async fn expect_shown(client: &Client, id: &str, expected: bool) {
    for _ in 0..50 {
        if shown(client, id).await == expected {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "#{id} should be {}",
        if expected { "shown" } else { "hidden" }
    );
}

/// The texts of the page's second-level headings, in order.
async fn headings(client: &Client) -> Vec<String> {
    let found = client.find_all(Locator::Css("main h2")).await.unwrap();
    let mut texts = Vec::new();
    for heading in found {
        texts.push(heading.text().await.unwrap());
    }
    texts
}

/// An administrator reads Security settings in five sections, sees the reminder's words
/// beside its switch, watches dependent settings come and go with their switches, and meets
/// the "Required for everyone" warning beside the button that confirms it, where the page
/// opens. Then a group: the grace period comes with Required, a member is added by name.
/// The last administrator's page says why the role cannot go. With JavaScript off, every
/// setting is shown and saving works.
#[tokio::test(flavor = "multi_thread")]
async fn security_settings_in_sections_with_dependent_settings_and_the_warning_by_its_button() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    add_account(&seeder, "Ken Thompson", "ken@example.com", false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    follow(&client, "Security settings").await;
    expect_text(&client, "Sessions and devices").await;
    assert_eq!(
        headings(&client).await,
        [
            "2-step verification",
            "Sessions and devices",
            "Accounts and registration",
            "The app's name",
            "Text messages and limits",
        ]
    );
    expect_text(
        &client,
        "Twostep now supports 2-step verification. This offers better security by also requiring you to log in using a code sent by SMS to your phone, in addition to your password.",
    )
    .await;
    assert!(
        client.find(Locator::Id("required-warning")).await.is_err(),
        "no warning before Required is chosen"
    );
    check_page(&client, "control center security settings, in sections").await;
    check_keyboard_focus(&client, "control center security settings, in sections").await;

    // The longest session comes and goes with its switch.
    assert!(shown(&client, "max_session_days").await);
    tick(&client, "users_choose_session").await;
    expect_shown(&client, "max_session_days", false).await;
    check_page(
        &client,
        "control center security settings, users do not choose their session",
    )
    .await;
    tick(&client, "users_choose_session").await;
    expect_shown(&client, "max_session_days", true).await;

    // Required for everyone: the administrators' switch and the reminder are moot, and go.
    choose(&client, "Required for everyone").await;
    expect_shown(&client, "require_for_admins", false).await;
    expect_shown(&client, "reminder", false).await;
    expect_no_text(&client, "now supports 2-step verification").await;
    check_page(
        &client,
        "control center security settings, Required for everyone chosen",
    )
    .await;
    choose(&client, "Optional").await;
    expect_shown(&client, "reminder", true).await;
    choose(&client, "Required for everyone").await;
    press(&client, "Save").await;
    expect_text(
        &client,
        "Requiring 2-step verification for everyone means 1 user must set it up",
    )
    .await;
    // The warning stands right before the button that confirms it, and the page opens there.
    let placed = client
        .execute(
            "const w = document.getElementById('required-warning'); \
             const r = w.getBoundingClientRect(); \
             return { next: w.nextElementSibling.querySelector('button').textContent, \
                      focused: document.activeElement === w, \
                      visible: r.top >= 0 && r.bottom <= window.innerHeight };",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(placed["next"], "Save and require 2-step verification");
    assert_eq!(placed["focused"], true, "the page opens at the warning");
    assert_eq!(placed["visible"], true, "the warning is in view: {placed}");
    check_page(
        &client,
        "control center security settings, the Required warning by its button",
    )
    .await;
    press(&client, "Save and require 2-step verification").await;
    expect_text(
        &client,
        "2-step verification: Optional → Required for everyone",
    )
    .await;
    check_page(
        &client,
        "control center security settings, saved Required for everyone",
    )
    .await;
    // Back to optional, and users no longer choose their session: saved for the browser
    // without JavaScript below.
    choose(&client, "Optional").await;
    tick(&client, "users_choose_session").await;
    press(&client, "Save").await;
    expect_text(&client, "Let users choose their session duration: On → Off").await;

    // A group: the grace period only under Required; a member added by name.
    follow(&client, "Groups").await;
    fill(&client, "Group name", "Engineering").await;
    press(&client, "Create group").await;
    expect_text(&client, "The group was created.").await;
    assert!(
        !shown(&client, "grace_days").await,
        "Allowed: no grace period"
    );
    expect_text(&client, "Members follow the platform's setting").await;
    choose(&client, "Required").await;
    expect_shown(&client, "grace_days", true).await;
    check_page(&client, "control center group, Required chosen").await;
    check_keyboard_focus(&client, "control center group, Required chosen").await;
    fill(&client, "Add a member (email)", "ken@example.com").await;
    press(&client, "Add member").await;
    expect_text(&client, "Ken Thompson was added.").await;
    check_page(&client, "control center group, a member added by name").await;

    // The last administrator: the role's control is a sentence saying why.
    follow(&client, "Users").await;
    follow(&client, "Ada Admin").await;
    expect_text(
        &client,
        "You are the only administrator, so your role cannot be removed.",
    )
    .await;
    assert!(
        client
            .find(Locator::XPath(
                "//a[normalize-space()='Remove administrator']"
            ))
            .await
            .is_err()
    );
    check_page(&client, "control center user, the last administrator").await;
    let me = client.current_url().await.unwrap();
    client.goto(&format!("{me}/remove-admin")).await.unwrap();
    expect_text(&client, "This is the last administrator").await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Ada Admin")
    );
    check_page(
        &client,
        "control center user, removing the last administrator refused",
    )
    .await;

    // Without JavaScript: every setting is there, and saving works.
    let Some((plain, _plain_driver)) = browser_without_javascript().await else {
        return;
    };
    // A second administrator, with their own phone (the first one's code was just used).
    let grace = add_account(&seeder, "Grace Hopper", "grace@example.com", true).await;
    turn_on_sms(&seeder, grace, "+46709990001").await;
    plain.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&plain, "grace@example.com").await;
    expect_text(&plain, "Enter your verification code").await;
    enter_code(&plain, &sms.last_code_to("+46709990001")).await;
    expect_text(&plain, "Hello, Grace Hopper").await;
    plain
        .goto(&format!("{address}/admin/security"))
        .await
        .unwrap();
    expect_text(&plain, "Text messages and limits").await;
    let switch = plain
        .find(Locator::Id("users_choose_session"))
        .await
        .unwrap();
    assert_eq!(
        switch.prop("checked").await.unwrap().as_deref(),
        Some("false")
    );
    assert!(
        shown(&plain, "max_session_days").await,
        "shown though its switch is off"
    );
    assert!(shown(&plain, "reminder").await);
    assert!(shown(&plain, "require_for_admins").await);
    // axe cannot run where scripts do not (its check is asynchronous): the page as it
    // reads without JavaScript is checked in the first browser below.
    fill(&plain, "App name", "Acme").await;
    press(&plain, "Save").await;
    expect_text(&plain, "App name: Twostep → Acme").await;
    plain
        .goto(&format!("{address}/admin/groups"))
        .await
        .unwrap();
    follow(&plain, "Engineering").await;
    expect_text(&plain, "Grace period (days)").await;
    assert!(shown(&plain, "grace_days").await);
    plain.close().await.unwrap();

    // The pages as they read without JavaScript, every setting shown, checked with axe.
    let show_all =
        "document.querySelectorAll('[data-shown-if]').forEach(e => { e.hidden = false; });";
    client
        .goto(&format!("{address}/admin/security"))
        .await
        .unwrap();
    expect_text(&client, "Text messages and limits").await;
    client.execute(show_all, Vec::new()).await.unwrap();
    assert!(shown(&client, "max_session_days").await);
    check_page(
        &client,
        "control center security settings, every setting shown (as without JavaScript)",
    )
    .await;
    client
        .goto(&format!("{address}/admin/groups"))
        .await
        .unwrap();
    follow(&client, "Engineering").await;
    expect_text(&client, "Members follow the platform's setting").await;
    client.execute(show_all, Vec::new()).await.unwrap();
    check_page(
        &client,
        "control center group, the grace period shown (as without JavaScript)",
    )
    .await;
    client.close().await.unwrap();
}
