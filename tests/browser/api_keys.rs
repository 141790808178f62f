//! API keys in the browser: an administrator creates a key for a script, reads it once,
//! finds it in the list and revokes it after the question. Every page and state on the way
//! is checked for accessibility, the refused form included.

use twostep::domain::api_keys::{Scope, Scopes};
use twostep::services::api_keys::KeyProblem;

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{add_administrator, expect_no_text, path_of, seeder, sign_in_as_administrator};
use super::rooms::select;
use super::{browser, expect_text, fill, follow, portal, portal_state, press, text_of, tick};

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_creates_an_api_key_reads_it_once_and_revokes_it() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    follow(&client, "API keys").await;
    expect_text(&client, "No API keys yet.").await;
    assert_eq!(path_of(&client).await, "/admin/api-keys");
    check_page(&client, "api keys, none yet").await;

    follow(&client, "Create API key").await;
    expect_text(&client, "Read the audit log.").await;
    check_page(&client, "create api key").await;
    check_keyboard_focus(&client, "create api key").await;
    press(&client, "Create API key").await;
    expect_text(&client, "There is a problem").await;
    expect_text(&client, "Enter a name for the key.").await;
    expect_text(&client, "Choose at least one scope.").await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Create API key")
    );
    check_page(&client, "create api key, nothing typed").await;

    fill(&client, "Name", "deploy-bot").await;
    tick(&client, "scope-users-read").await;
    tick(&client, "scope-audit-read").await;
    select(&client, "Expires", "In 30 days").await;
    press(&client, "Create API key").await;
    expect_text(&client, "API key “deploy-bot” created").await;
    let key = text_of(&client, "api-key").await;
    assert!(key.starts_with("twostep_"), "{key}");
    check_page(&client, "api key created, shown once").await;
    check_keyboard_focus(&client, "api key created, shown once").await;
    let services = &portal_state(&dir).services;
    let caller = services
        .authenticate_api_key(&key)
        .await
        .unwrap()
        .expect("the key shown opens");
    assert_eq!(
        caller.scopes,
        Scopes::of(&[Scope::UsersRead, Scope::AuditRead])
    );

    follow(&client, "Done").await;
    expect_text(&client, "deploy-bot").await;
    expect_text(&client, "Active").await;
    expect_no_text(&client, &key).await;
    check_page(&client, "api keys, one").await;
    check_keyboard_focus(&client, "api keys, one").await;

    follow(&client, "Revoke deploy-bot").await;
    expect_text(&client, "Revoke the API key “deploy-bot”?").await;
    check_page(&client, "revoke an api key, the question").await;
    check_keyboard_focus(&client, "revoke an api key, the question").await;
    press(&client, "Revoke key").await;
    expect_text(&client, "The API key “deploy-bot” was revoked.").await;
    expect_text(&client, "Revoked").await;
    check_page(&client, "api keys, one revoked").await;
    assert_eq!(
        services.authenticate_api_key(&key).await.unwrap(),
        Err(KeyProblem::Revoked)
    );
}
