//! A lost phone in the browser (issue 25): the person stuck at the code step opens "Lost
//! your phone?" and asks the administrators for help; an administrator issues a temporary
//! access code from the person's page and reads it off the page shown once; the person signs
//! in with the password and the code, and changes the phone number without anything having
//! been switched off. And "This wasn't me" from a new-device email. Every page and state
//! on the way is checked for accessibility.

use fantoccini::Locator;

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{add_account, add_administrator, seeder, sign_in_as_administrator, turn_on_sms};
use super::kit::mail::link_in_eml;
use super::{
    browser, enter_code, expect_summary, expect_text, fill, follow, portal, press, sign_in,
    sign_in_elsewhere, sign_out, text_of,
};

const ADA_PHONE: &str = "+46701234567";
const NEW_PHONE: &str = "+46707654321";
const NEW_PASSWORD: &str = "amber lanterns drift upstream";

#[tokio::test(flavor = "multi_thread")]
async fn a_lost_phone_an_administrators_code_and_a_new_number() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let ada = add_account(&seeder, "Ada Lovelace", "ada@example.com", false).await;
    turn_on_sms(&seeder, ada, ADA_PHONE).await;

    // Stuck at the code step: "Lost your phone?" explains, and asks for help.
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "ada@example.com").await;
    expect_text(&client, "Enter your verification code").await;
    follow(&client, "Lost your phone?").await;
    expect_text(&client, "You can still sign in").await;
    check_page(&client, "lost your phone").await;
    check_keyboard_focus(&client, "lost your phone").await;
    press(&client, "Ask my administrators for help").await;
    expect_text(&client, "Your administrators have been asked").await;
    check_page(&client, "lost your phone, administrators asked").await;

    // The administrator issues a code from Ada's page and reads it off the page.
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in_as_administrator(&client, &address, &sms).await;
    client
        .goto(&format!("{address}/admin/users/{ada}"))
        .await
        .unwrap();
    expect_text(&client, "Temporary access code").await;
    check_page(&client, "user page, no temporary access code").await;
    follow(&client, "Issue a temporary access code").await;
    expect_text(&client, "Issue a temporary access code to Ada Lovelace?").await;
    check_page(&client, "issue a temporary access code").await;
    check_keyboard_focus(&client, "issue a temporary access code").await;
    let valid_for = client.find(Locator::Id("valid_for")).await.unwrap();
    valid_for.select_by_value("24").await.unwrap();
    press(&client, "Issue code").await;
    expect_text(&client, "Temporary access code for Ada Lovelace").await;
    check_page(&client, "the temporary access code, shown once").await;
    let code = text_of(&client, "temporary-code").await;
    assert_eq!(code.len(), 19, "{code}");
    follow(&client, "Done").await;
    expect_text(&client, "A code issued by Ada Admin").await;
    check_page(&client, "user page, a temporary access code waiting").await;
    sign_out(&client).await;

    // Ada signs in with the password and the code: a wrong one first.
    sign_in(&client, "ada@example.com").await;
    expect_text(&client, "Enter your verification code").await;
    follow(&client, "Use a temporary access code").await;
    expect_text(
        &client,
        "your administrator can give you a temporary access code",
    )
    .await;
    check_page(&client, "sign-in with a temporary access code").await;
    fill(&client, "Temporary access code", "0000-0000-0000-0000").await;
    press(&client, "Verify").await;
    expect_text(&client, "That code is not right").await;
    check_page(&client, "sign-in with a temporary access code, wrong code").await;
    fill(&client, "Temporary access code", &code).await;
    press(&client, "Verify").await;
    expect_text(&client, "Set up a new way to get your codes").await;
    check_page(&client, "security settings after a temporary access code").await;

    // The new phone, without the password again: 2-step verification never went off.
    expect_summary(&client, "2-step verification", "On").await;
    follow(&client, "Change phone number").await;
    expect_text(&client, "Enter your new mobile number.").await;
    fill(&client, "Phone number", NEW_PHONE).await;
    press(&client, "Send code").await;
    enter_code(&client, &sms.last_code_to(NEW_PHONE)).await;
    expect_text(&client, "+46 70 765 43 21").await;
    check_page(&client, "security settings, the new phone number").await;
    client.close().await.unwrap();
}

/// Someone else signs in with Grace's password from another browser: she is emailed, opens
/// "This wasn't me" from the email, secures her account in one click (the other browser is
/// signed out, the old password stops working), and chooses a new password from the link
/// emailed next.
#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_from_another_browser_and_this_wasnt_me() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_account(&seeder, "Grace Hopper", "grace@example.com", false).await;
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "grace@example.com").await;
    expect_text(&client, "Hello, Grace Hopper").await;

    let elsewhere = sign_in_elsewhere(&address, "grace@example.com").await;
    let link = link_in_eml(dir.path(), "grace@example.com", "/secure-account").await;
    client.goto(&format!("{address}{link}")).await.unwrap();
    expect_text(&client, "Secure your account").await;
    check_page(&client, "this wasn't me").await;
    check_keyboard_focus(&client, "this wasn't me").await;
    press(&client, "Secure my account").await;
    expect_text(&client, "Your account is secured").await;
    check_page(&client, "the account secured").await;

    let other = elsewhere
        .get(format!("{address}/account/security"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        other.headers()["location"],
        "/login",
        "the other browser is signed out"
    );
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "grace@example.com").await;
    expect_text(&client, "The email or password is incorrect.").await;

    let link = link_in_eml(dir.path(), "grace@example.com", "/password/set").await;
    client.goto(&format!("{address}{link}")).await.unwrap();
    fill(&client, "New password", NEW_PASSWORD).await;
    press(&client, "Set password").await;
    expect_text(&client, "Your password is set.").await;
    fill(&client, "Email", "grace@example.com").await;
    fill(&client, "Password", NEW_PASSWORD).await;
    press(&client, "Sign in").await;
    expect_text(&client, "Hello, Grace Hopper").await;
    client.close().await.unwrap();
}
