//! Languages in the browser (issue 26): the "Language" menu at the foot of the page, with
//! JavaScript off, switches the frame of the pages to Swedish and back; the accessibility
//! check reads the page as the language it says it is in.

use super::accessibility::check_page;
use super::{browser, browser_without_javascript, expect_text, portal, press};

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
