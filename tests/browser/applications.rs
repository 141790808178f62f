//! Applications in the browser: an administrator adds an application that signs in through
//! Twostep and reads its client ID and secret, shown once; adds a public one, which has no
//! secret; edits the first, gives it a new secret and deletes the second, each after its
//! question. Every page and state on the way is checked for accessibility, refusals
//! included.

use fantoccini::Client;
use twostep::services::applications::secret_matches;

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{add_administrator, expect_no_text, path_of, seeder, sign_in_as_administrator};
use super::rooms::select;
use super::{
    browser, choose, expect_text, fill, follow, portal, portal_state, press, text_of, tick,
};

const SHOWN_ONCE: &str = "The client secret is shown only once, on this page.";

/// The client ID and secret on the page that shows them once.
async fn credentials(client: &Client) -> (String, String) {
    expect_text(client, SHOWN_ONCE).await;
    let id = text_of(client, "client-id").await;
    let secret = text_of(client, "client-secret").await;
    assert_eq!((id.len(), secret.len()), (43, 43), "{id} {secret}");
    (id, secret)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_adds_an_application_and_reads_its_secret_once() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let admin = seeder.kit().id_of("admin@example.com").await;
    seeder
        .kit()
        .create_room(admin, "Deal", None, true, &["admin@example.com"])
        .await;

    let settings = &portal_state(&dir).settings;
    let issuer = settings.public_url.as_str().trim_end_matches('/');
    let discovery = format!("{issuer}/.well-known/openid-configuration");
    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    follow(&client, "Applications").await;
    expect_text(&client, "No applications yet.").await;
    expect_text(&client, &discovery).await;
    assert_eq!(path_of(&client).await, "/admin/applications");
    check_page(&client, "applications, none yet").await;

    follow(&client, "Add application").await;
    expect_text(&client, "Post-logout redirect URIs").await;
    check_page(&client, "add application").await;
    check_keyboard_focus(&client, "add application").await;
    press(&client, "Add application").await;
    expect_text(&client, "There is a problem").await;
    expect_text(&client, "Enter the application's name.").await;
    expect_text(&client, "Enter at least one redirect URI").await;
    assert!(
        client
            .title()
            .await
            .unwrap()
            .starts_with("Error: Add application")
    );
    check_page(&client, "add application, nothing typed").await;
    fill(&client, "Name", "CRM").await;
    fill(
        &client,
        "Redirect URIs",
        "http://crm.example.com/oidc/callback",
    )
    .await;
    press(&client, "Add application").await;
    expect_text(&client, "must start with https://").await;
    check_page(&client, "add application, a redirect URI refused").await;

    // A confidential application, tied to the room, that requires the second step.
    fill(
        &client,
        "Redirect URIs",
        "https://crm.example.com/oidc/callback\nhttp://localhost:3000/cb",
    )
    .await;
    fill(
        &client,
        "Post-logout redirect URIs",
        "https://crm.example.com/",
    )
    .await;
    choose(&client, "Confidential").await;
    tick(&client, "require_two_step").await;
    select(&client, "Data room", "Deal").await;
    press(&client, "Add application").await;
    expect_text(&client, "CRM was added").await;
    let (client_id, secret) = credentials(&client).await;
    expect_text(&client, &discovery).await;
    check_page(&client, "application added, its secret shown once").await;
    check_keyboard_focus(&client, "application added, its secret shown once").await;

    follow(&client, "Done").await;
    expect_text(&client, &client_id).await;
    expect_no_text(&client, &secret).await;
    check_page(&client, "applications, one").await;

    // A public application: no secret.
    follow(&client, "Add application").await;
    fill(&client, "Name", "Mobile").await;
    fill(&client, "Redirect URIs", "http://127.0.0.1:7000/cb").await;
    choose(&client, "Public").await;
    press(&client, "Add application").await;
    expect_text(&client, "Mobile was added").await;
    expect_text(&client, "A public application has no client secret").await;
    expect_no_text(&client, "Client secret").await;
    check_page(&client, "application added, public").await;
    follow(&client, "Done").await;
    expect_text(&client, "Public").await;
    check_page(&client, "applications, two").await;
    check_keyboard_focus(&client, "applications, two").await;

    // Edit: the type and the client ID stay.
    follow(&client, "Edit CRM").await;
    expect_text(
        &client,
        "The client type and the client ID stay as they are",
    )
    .await;
    expect_text(&client, &client_id).await;
    check_page(&client, "edit an application").await;
    fill(&client, "Name", "").await;
    press(&client, "Save").await;
    expect_text(&client, "Enter the application's name.").await;
    check_page(&client, "edit an application, refused").await;
    fill(&client, "Name", "CRM 2").await;
    press(&client, "Save").await;
    expect_text(&client, "CRM 2 was saved.").await;
    check_page(&client, "applications, one saved").await;

    // A new secret, after its question; the old one stops working.
    follow(&client, "Generate new secret for CRM 2").await;
    expect_text(&client, "Generate a new secret for CRM 2?").await;
    check_page(&client, "new secret, the question").await;
    check_keyboard_focus(&client, "new secret, the question").await;
    press(&client, "Generate new secret").await;
    expect_text(&client, "New secret for CRM 2").await;
    let (same_id, new_secret) = credentials(&client).await;
    assert_eq!(same_id, client_id);
    assert_ne!(new_secret, secret);
    check_page(&client, "a new secret shown once").await;
    let services = &portal_state(&dir).services;
    let id = services
        .application_by_client_id(&client_id)
        .await
        .unwrap()
        .unwrap();
    assert!(secret_matches(&id, &new_secret) && !secret_matches(&id, &secret));

    // Delete, after its question.
    follow(&client, "Done").await;
    follow(&client, "Delete Mobile").await;
    expect_text(&client, "Delete Mobile?").await;
    check_page(&client, "delete an application, the question").await;
    follow(&client, "Cancel").await;
    expect_text(&client, "Mobile").await;
    follow(&client, "Delete Mobile").await;
    press(&client, "Delete application").await;
    expect_text(&client, "Mobile was deleted.").await;
    expect_no_text(&client, "Edit Mobile").await;
    check_page(&client, "applications, one deleted").await;
    client.close().await.unwrap();
}
