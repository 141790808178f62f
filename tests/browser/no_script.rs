//! Journeys with JavaScript turned off: the pages' small scripts only add comfort.

use super::kit::Kit;
use super::{
    PASSWORD, browser, browser_without_javascript, check_page, expect_text, portal, portal_state,
    press, sign_in,
};

/// "Send again" is a working button without JavaScript: pressed before its 30 seconds, the
/// page says a code was sent moments ago and when to ask again, and nothing is sent; once
/// the time has passed, the same button sends a new code.
#[tokio::test(flavor = "multi_thread")]
async fn send_again_works_without_javascript() {
    let Some((client, _driver)) = browser_without_javascript().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let state = portal_state(&dir);
    let kit = Kit::new(&state.services, &sms);
    let id = kit
        .create_user(
            "katherine@example.com",
            "Katherine Johnson",
            PASSWORD,
            false,
        )
        .await;
    kit.turn_on_sms(id, "+46705550188").await;
    client.goto(&format!("{address}/login")).await.unwrap();

    sign_in(&client, "katherine@example.com").await;
    expect_text(&client, "We sent a 6-digit code by text message").await;
    let texts = sms.count_to("+46705550188");
    let disabled = client
        .find(fantoccini::Locator::XPath(
            "//button[normalize-space()='Send again']",
        ))
        .await
        .unwrap()
        .attr("disabled")
        .await
        .unwrap();
    // With JavaScript on, the countdown script would have disabled it by now.
    assert_eq!(disabled, None, "the button is enabled");

    press(&client, "Send again").await;
    expect_text(
        &client,
        "A code was sent moments ago. You can ask for a new one at the time shown below.",
    )
    .await;
    expect_text(&client, "You can ask for a new code at").await;
    assert_eq!(
        sms.count_to("+46705550188"),
        texts,
        "nothing was sent early"
    );

    state.clock.advance(31);
    press(&client, "Send again").await;
    expect_text(&client, "A new code is on its way.").await;
    assert_eq!(
        sms.count_to("+46705550188"),
        texts + 1,
        "a new code was sent"
    );
    client.close().await.unwrap();

    // axe needs scripts: the state the early press led to is checked in a browser with
    // JavaScript on, at the address the server sent the press to.
    let Some((client, _driver)) = browser().await else {
        return;
    };
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "katherine@example.com").await;
    expect_text(&client, "We sent a 6-digit code by text message").await;
    client
        .goto(&format!("{address}/login/verify?with=sms&notice=too-soon"))
        .await
        .unwrap();
    expect_text(&client, "A code was sent moments ago.").await;
    check_page(&client, "sign-in code, Send again pressed too early").await;
    client.close().await.unwrap();
}
