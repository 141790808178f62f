//! Registering and signing in with a phone number, and the profile phone, in a browser;
//! every new page through the accessibility check.

use std::time::Duration;

use super::accessibility::check_page;
use super::{browser, expect_text, fill, follow, portal, press, sign_out};

const PHONE: &str = "+46701234567";
const NEW_PHONE: &str = "+46709876543";

/// The code in the `n`th text to `to`, waiting (up to 10 s) for it.
async fn nth_code_to(sms: &super::standins::StandIn, to: &str, n: usize) -> String {
    for _ in 0..100 {
        if sms.count_to(to) >= n {
            return sms.last_code_to(to);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no text number {n} to {to}");
}

#[tokio::test(flavor = "multi_thread")]
async fn register_with_a_phone_number_then_sign_in_with_it() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    super::admin::seeder(&dir, &sms)
        .kit()
        .set_platform(|s| s.phone_sign_in = true)
        .await;

    client.goto(&format!("{address}/register")).await.unwrap();
    follow(&client, "Register with phone number").await;
    expect_text(&client, "Phone number").await;
    check_page(&client, "phone registration, the number").await;
    fill(&client, "Phone number", "070").await;
    press(&client, "Send code").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "phone registration, a wrong number").await;
    fill(&client, "Phone number", "+46 70-123 45 67").await;
    press(&client, "Send code").await;
    expect_text(&client, "We have sent a 6-digit code").await;
    check_page(&client, "phone registration, the code").await;
    fill(&client, "Verification code", "000000").await;
    press(&client, "Verify").await;
    expect_text(&client, "That code is not right.").await;
    check_page(&client, "phone registration, a wrong code").await;
    fill(
        &client,
        "Verification code",
        &nth_code_to(&sms, PHONE, 1).await,
    )
    .await;
    press(&client, "Verify").await;
    expect_text(&client, "Your name and email").await;
    check_page(&client, "phone registration, name and email").await;
    fill(&client, "Name", "Grace Hopper").await;
    fill(&client, "Email", "not an address").await;
    press(&client, "Create account").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "phone registration, a wrong address").await;
    fill(&client, "Email", "grace@example.com").await;
    press(&client, "Create account").await;
    expect_text(&client, "Hello, Grace Hopper").await;
    check_page(&client, "home page, account created by phone").await;

    follow(&client, "Profile").await;
    expect_text(&client, "Your profile").await;
    check_page(&client, "profile").await;
    follow(&client, "Change phone number").await;
    expect_text(&client, "Change your phone number").await;
    check_page(&client, "profile, a new phone number").await;
    fill(&client, "Phone number", NEW_PHONE).await;
    press(&client, "Send code").await;
    expect_text(&client, "Verify your new phone number").await;
    check_page(&client, "profile, the code to the new number").await;
    fill(
        &client,
        "Verification code",
        &nth_code_to(&sms, NEW_PHONE, 1).await,
    )
    .await;
    press(&client, "Verify").await;
    expect_text(&client, "Your phone number has been changed.").await;
    expect_text(&client, "+46 70 987 65 43").await;

    sign_out(&client).await;
    follow(&client, "Sign in with phone number").await;
    expect_text(&client, "Sign in with phone number").await;
    check_page(&client, "phone sign-in, the number").await;
    fill(&client, "Phone number", NEW_PHONE).await;
    press(&client, "Send code").await;
    expect_text(&client, "Enter your verification code").await;
    check_page(&client, "phone sign-in, the code").await;
    fill(
        &client,
        "Verification code",
        &nth_code_to(&sms, NEW_PHONE, 2).await,
    )
    .await;
    press(&client, "Verify").await;
    expect_text(&client, "Hello, Grace Hopper").await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_required_user_gives_the_password_after_the_phone_code() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = super::admin::seeder(&dir, &sms);
    seeder.kit().set_platform(|s| s.phone_sign_in = true).await;
    let id = super::admin::add_account(&seeder, "Ada Lovelace", "ada@example.com", false).await;
    super::admin::turn_on_sms(&seeder, id, PHONE).await;

    client
        .goto(&format!("{address}/login/phone"))
        .await
        .unwrap();
    fill(&client, "Phone number", PHONE).await;
    press(&client, "Send code").await;
    expect_text(&client, "Enter your verification code").await;
    // The first text to the number was the code that turned SMS on.
    fill(
        &client,
        "Verification code",
        &nth_code_to(&sms, PHONE, 2).await,
    )
    .await;
    press(&client, "Verify").await;
    expect_text(&client, "Enter your password").await;
    check_page(&client, "phone sign-in, the password").await;
    fill(&client, "Password", "not my password at all").await;
    press(&client, "Sign in").await;
    expect_text(&client, "The password is incorrect.").await;
    check_page(&client, "phone sign-in, a wrong password").await;
    fill(&client, "Password", super::PASSWORD).await;
    press(&client, "Sign in").await;
    expect_text(&client, "Hello, Ada Lovelace").await;
    client.close().await.unwrap();
}

/// Grace registers with `PHONE` (the portal's first text to it) and lands on Home, signed in,
/// with no password.
async fn register_grace_by_phone(
    client: &fantoccini::Client,
    address: &str,
    sms: &super::standins::StandIn,
) {
    client
        .goto(&format!("{address}/register/phone"))
        .await
        .unwrap();
    fill(client, "Phone number", PHONE).await;
    press(client, "Send code").await;
    expect_text(client, "We have sent a 6-digit code").await;
    fill(
        client,
        "Verification code",
        &nth_code_to(sms, PHONE, 1).await,
    )
    .await;
    press(client, "Verify").await;
    expect_text(client, "Your name and email").await;
    fill(client, "Name", "Grace Hopper").await;
    fill(client, "Email", "grace@example.com").await;
    press(client, "Create account").await;
    expect_text(client, "Hello, Grace Hopper").await;
}

/// Someone who registered with a phone number has no password: My security settings offers
/// "Set a password", which texts a code to their verified number first; a wrong code and a
/// weak password are refused; then the password is set.
#[tokio::test(flavor = "multi_thread")]
async fn a_phone_account_sets_a_password_after_a_code() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    super::admin::seeder(&dir, &sms)
        .kit()
        .set_platform(|s| s.phone_sign_in = true)
        .await;

    register_grace_by_phone(&client, &address, &sms).await;

    client
        .goto(&format!("{address}/account/security"))
        .await
        .unwrap();
    expect_text(&client, "Set a password").await;
    check_page(&client, "security settings, no password yet").await;
    follow(&client, "Set a password").await;
    expect_text(&client, "Your account has no password yet").await;
    check_page(&client, "set a password, before the code").await;
    press(&client, "Send code").await;
    expect_text(&client, "We have sent a 6-digit code by text message").await;
    check_page(&client, "set a password, the code sent").await;
    fill(&client, "Verification code", "000000").await;
    press(&client, "Verify").await;
    expect_text(&client, "That code is not right.").await;
    check_page(&client, "set a password, a wrong code").await;
    fill(
        &client,
        "Verification code",
        &nth_code_to(&sms, PHONE, 2).await,
    )
    .await;
    press(&client, "Verify").await;
    expect_text(&client, "Choose your password").await;
    check_page(&client, "set a password, the new password").await;
    fill(&client, "New password", "password").await;
    press(&client, "Set password").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "set a password, too easy to guess").await;
    fill(&client, "New password", super::PASSWORD).await;
    press(&client, "Set password").await;
    expect_text(&client, "Your password is set.").await;
    check_page(&client, "set a password, done").await;
    client.close().await.unwrap();
}

/// A phone account whose address is not confirmed yet resets its password with the emailed
/// link and a code texted to its phone, both on the link's page.
#[tokio::test(flavor = "multi_thread")]
async fn a_phone_account_resets_with_the_link_and_a_code() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    super::admin::seeder(&dir, &sms)
        .kit()
        .set_platform(|s| s.phone_sign_in = true)
        .await;
    register_grace_by_phone(&client, &address, &sms).await;
    sign_out(&client).await;

    client
        .goto(&format!("{address}/password/forgot"))
        .await
        .unwrap();
    fill(&client, "Email", "grace@example.com").await;
    press(&client, "Send reset link").await;
    expect_text(&client, "Check your email").await;
    let link =
        super::mail::link_in_mail_file(dir.path(), "grace@example.com", "/password/set").await;
    client.goto(&format!("{address}{link}")).await.unwrap();
    expect_text(&client, "This address is not confirmed yet").await;
    check_page(&client, "set your password, a code is asked too").await;
    press(&client, "Text me a code").await;
    expect_text(&client, "We have sent a 6-digit code by text message").await;
    check_page(&client, "set your password, the code sent").await;
    fill(&client, "Code from the text message", "000000").await;
    fill(&client, "New password", super::PASSWORD).await;
    press(&client, "Set password").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "set your password, a wrong code").await;
    fill(
        &client,
        "Code from the text message",
        &nth_code_to(&sms, PHONE, 2).await,
    )
    .await;
    fill(&client, "New password", super::PASSWORD).await;
    press(&client, "Set password").await;
    expect_text(&client, "Your password is set.").await;
    client.close().await.unwrap();
}
