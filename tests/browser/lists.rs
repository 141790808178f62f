//! The control center's lists in the browser (issue 22): from the overview's count of
//! users who must still set up to the users list filtered to exactly them, page by page
//! both ways, and a search as administrators type it. Each new state is checked for
//! accessibility at 1280 and 375 px.

use fantoccini::Client;

use super::accessibility::check_page;
use super::admin::{add_account, add_administrator, seeder, sign_in_as_administrator};
use super::{browser, expect_text, fill, follow, portal, press};

/// The path and query the browser is at.
async fn address_of(client: &Client) -> String {
    let url = client.current_url().await.unwrap();
    format!("{}?{}", url.path(), url.query().unwrap_or_default())
}

/// An administrator reads on the overview how many users must still set up, opens the list
/// of exactly them, pages forward and back, and searches it by words in any order.
#[tokio::test(flavor = "multi_thread")]
async fn from_the_overview_count_to_everyone_who_must_still_set_up() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let finance = seeder
        .kit()
        .create_group("Finance", "required", Some(7))
        .await;
    for n in 0..54 {
        let email = format!("member{n:02}@example.com");
        add_account(&seeder, &format!("Member {n:02} Rivera-Lee"), &email, false).await;
        seeder.kit().add_member(finance, &email).await;
    }
    add_account(&seeder, "Grace Brewster Hopper", "grace@example.com", false).await;
    seeder.kit().add_member(finance, "grace@example.com").await;
    add_account(&seeder, "Ken Thompson", "ken@example.com", false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    expect_text(
        &client,
        "55 users must use 2-step verification and have not set it up.",
    )
    .await;
    expect_text(&client, "of users use 2-step verification").await;
    check_page(
        &client,
        "control center overview, who must still set up counted",
    )
    .await;

    follow(
        &client,
        "All 55 users who must still set up, in the users list",
    )
    .await;
    expect_text(&client, "55 users must still set up").await;
    assert_eq!(address_of(&client).await, "/admin/users?two_step=must");
    expect_text(&client, "Member 00 Rivera-Lee").await;
    check_page(&client, "control center users, must still set up").await;

    follow(&client, "Next").await;
    expect_text(&client, "Grace Brewster Hopper").await;
    assert!(address_of(&client).await.contains("two_step=must&after="));
    check_page(
        &client,
        "control center users, must still set up, the last page",
    )
    .await;

    follow(&client, "Previous").await;
    expect_text(&client, "Member 00 Rivera-Lee").await;
    assert!(address_of(&client).await.contains("two_step=must&before="));
    check_page(
        &client,
        "control center users, must still set up, back to the first page",
    )
    .await;

    fill(&client, "Search users", "hopper grace").await;
    press(&client, "Search").await;
    expect_text(&client, "1 user matches “hopper grace”").await;
    expect_text(&client, "grace@example.com").await;
    check_page(&client, "control center users, a search by two words").await;
}
