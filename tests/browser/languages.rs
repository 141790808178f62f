//! Languages in the browser (issue 26): the "Language" menu at the foot of the page, with
//! JavaScript off, switches the pages to Swedish and back; an administrator's journeys in
//! Swedish, German and Estonian, every state through the accessibility check, which reads
//! the page as the language it says it is in.

use fantoccini::Client;

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{ADMIN_EMAIL, ADMIN_PHONE, add_account, add_administrator, seeder, turn_on_sms};
use super::standins::StandIn;
use super::{
    Driver, PASSWORD, browser, browser_with_prefs, browser_without_javascript, expect_text, fill,
    follow, portal, press,
};

#[tokio::test(flavor = "multi_thread")]
async fn the_language_menu_switches_the_pages() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, _sms, _dir) = portal().await;
    client.goto(&format!("{address}/login")).await.unwrap();
    expect_text(&client, "Language: English").await;
    press(&client, "Svenska").await;
    expect_text(&client, "Språk: Svenska").await;
    expect_text(&client, "Skapa konto").await;
    check_page(&client, "sign-in page, the Swedish frame").await;
    press(&client, "English").await;
    expect_text(&client, "Language: English").await;
    client.close().await.unwrap();

    let Some((client, _driver)) = browser_without_javascript().await else {
        return;
    };
    client.goto(&format!("{address}/login")).await.unwrap();
    press(&client, "Eesti").await;
    expect_text(&client, "Keel: Eesti").await;
    client.close().await.unwrap();
}

/// An administrator whose browser asks for Swedish signs in with a text message, opens
/// their security settings and resets a user's 2-step verification in the control center:
/// every page in Swedish, each state through the accessibility check (axe reads `lang`
/// and the names in Swedish, at 375 px and by keyboard).
#[tokio::test(flavor = "multi_thread")]
async fn in_swedish_an_administrator_signs_in_with_a_text_message_and_resets_a_user() {
    let Some((client, _driver)) = browser_asking_for("sv-SE,sv").await else {
        return;
    };
    let (address, sms, _dir, _grace) = portal_with_an_administrator_and_an_sms_user().await;

    client.goto(&format!("{address}/login")).await.unwrap();
    expect_text(&client, "Språk: Svenska").await;
    assert_eq!(page_language(&client).await, "sv");
    assert_eq!(client.title().await.unwrap(), "Logga in · Twostep");
    check_page(&client, "sign-in page, in Swedish").await;
    fill(&client, "E-post", ADMIN_EMAIL).await;
    fill(&client, "Lösenord", "inte mitt lösenord alls").await;
    press(&client, "Logga in").await;
    expect_text(&client, "E-postadressen eller lösenordet är fel.").await;
    assert!(client.title().await.unwrap().starts_with("Fel: Logga in"));
    check_page(&client, "sign-in page, wrong password, in Swedish").await;
    fill(&client, "Lösenord", PASSWORD).await;
    press(&client, "Logga in").await;

    expect_text(&client, "Ange din verifieringskod").await;
    check_page(&client, "sign-in code, SMS, in Swedish").await;
    check_keyboard_focus(&client, "sign-in code, SMS, in Swedish").await;
    fill(&client, "Verifieringskod", "000000").await;
    press(&client, "Verifiera").await;
    expect_text(&client, "Något behöver rättas").await;
    check_page(&client, "sign-in code, wrong code, in Swedish").await;
    fill(&client, "Verifieringskod", &sms.last_code_to(ADMIN_PHONE)).await;
    press(&client, "Verifiera").await;
    expect_text(&client, "Hej Ada Admin").await;
    follow(&client, "Säkerhet").await;
    expect_text(&client, "Mina säkerhetsinställningar").await;
    check_page(&client, "security settings, SMS on, in Swedish").await;
    check_keyboard_focus(&client, "security settings, SMS on, in Swedish").await;
    follow(&client, "Ändra telefonnummer").await;
    expect_text(&client, "Ange ditt nya mobilnummer.").await;
    check_page(&client, "change phone number, in Swedish").await;

    follow(&client, "Kontrollpanel").await;
    expect_text(&client, "Användning av tvåstegsverifiering").await;
    check_page(&client, "control center overview, in Swedish").await;
    follow(&client, "Användare").await;
    expect_text(&client, "grace@example.com").await;
    check_page(&client, "control center users, in Swedish").await;
    follow(&client, "Grace Hopper").await;
    expect_text(&client, "Åtgärder för kontot").await;
    check_page(&client, "control center, a user's page, in Swedish").await;
    follow(&client, "Återställ tvåstegsverifiering").await;
    expect_text(
        &client,
        "Återställa tvåstegsverifieringen för Grace Hopper?",
    )
    .await;
    check_page(
        &client,
        "control center, reset 2-step verification, the question, in Swedish",
    )
    .await;
    press(&client, "Återställ tvåstegsverifiering").await;
    expect_text(&client, "Tvåstegsverifieringen återställdes.").await;
    check_page(
        &client,
        "control center, a user's page, 2-step verification reset, in Swedish",
    )
    .await;
    client.close().await.unwrap();
}

/// A browser whose `Accept-Language` is `languages`.
async fn browser_asking_for(languages: &str) -> Option<(Client, Driver)> {
    browser_with_prefs(serde_json::json!({ "intl.accept_languages": languages })).await
}

/// The portal with the journeys' administrator (SMS on) and Grace Hopper, an SMS user whose
/// id is returned.
async fn portal_with_an_administrator_and_an_sms_user() -> (String, StandIn, tempfile::TempDir, i64)
{
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let grace = add_account(&seeder, "Grace Hopper", "grace@example.com", false).await;
    turn_on_sms(&seeder, grace, "+46701234567").await;
    (address, sms, dir, grace)
}

/// The language the page says it is in (`<html lang>`).
async fn page_language(client: &Client) -> String {
    let lang = client
        .execute("return document.documentElement.lang;", Vec::new())
        .await
        .unwrap();
    lang.as_str().unwrap_or_default().to_owned()
}

/// The pages an administrator walks through, in German and then, switched with the
/// "Language" menu, in Estonian: longer words must still fit a phone's width, and every
/// state passes the accessibility check in its language.
#[tokio::test(flavor = "multi_thread")]
async fn in_german_and_estonian_the_pages_fit_and_pass_the_check() {
    let Some((client, _driver)) = browser_asking_for("de-DE,de").await else {
        return;
    };
    let (address, sms, _dir, grace) = portal_with_an_administrator_and_an_sms_user().await;

    client.goto(&format!("{address}/login")).await.unwrap();
    expect_text(&client, "Sprache: Deutsch").await;
    check_page(&client, "sign-in page, in German").await;
    fill(&client, "E-Mail", ADMIN_EMAIL).await;
    fill(&client, "Passwort", PASSWORD).await;
    press(&client, "Anmelden").await;
    expect_text(&client, "Bestätigungscode").await;
    check_page(&client, "sign-in code, SMS, in German").await;
    fill(&client, "Bestätigungscode", &sms.last_code_to(ADMIN_PHONE)).await;
    press(&client, "Bestätigen").await;
    expect_text(&client, "Abmelden").await;

    let pages = [
        ("/", "home"),
        ("/account/security", "security settings"),
        ("/account/profile", "profile"),
        ("/admin", "control center overview"),
        ("/admin/users", "control center users"),
        (&format!("/admin/users/{grace}"), "a user's page"),
        ("/admin/security", "security settings of the platform"),
        ("/admin/audit", "audit log"),
    ];
    for (path, page) in &pages {
        client.goto(&format!("{address}{path}")).await.unwrap();
        expect_text(&client, "Sprache: Deutsch").await;
        check_page(&client, &format!("{page}, in German")).await;
    }
    press(&client, "Eesti").await;
    expect_text(&client, "Keel: Eesti").await;
    for (path, page) in &pages {
        client.goto(&format!("{address}{path}")).await.unwrap();
        expect_text(&client, "Keel: Eesti").await;
        check_page(&client, &format!("{page}, in Estonian")).await;
    }
    client.close().await.unwrap();
}
