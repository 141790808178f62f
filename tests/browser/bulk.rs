//! Bulk work in the browser (issue 27): an administrator imports a CSV file (upload,
//! preview, import, report) and resets 2-step verification for people ticked in the users
//! list (select, "Apply", the question, the report). Every page and state on the way is
//! checked for accessibility, the refused upload included.

use fantoccini::{Client, Locator};

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{
    add_account, add_administrator, path_of, seeder, sign_in_as_administrator, turn_on_sms,
};
use super::rooms::select;
use super::{browser, expect_text, follow, portal, portal_state, press, tick};

/// Puts the file at `path` in the file field labelled `label`, as choosing it does.
async fn choose_file(client: &Client, label: &str, path: &std::path::Path) {
    let label = client
        .find(Locator::XPath(&format!(
            "//label[normalize-space()='{label}']"
        )))
        .await
        .unwrap_or_else(|_| panic!("no field labelled {label}"));
    let id = label
        .attr("for")
        .await
        .unwrap()
        .expect("the label names its input");
    let input = client.find(Locator::Id(&id)).await.unwrap();
    input.send_keys(path.to_str().unwrap()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_imports_people_from_a_csv_file_after_its_preview() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    seeder.kit().create_group("Sales", "allowed", None).await;
    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    follow(&client, "Users").await;
    follow(&client, "Import users (CSV)").await;
    assert_eq!(path_of(&client).await, "/admin/users/import");
    expect_text(&client, "Nothing is added before you have seen every line.").await;
    check_page(&client, "import users, the form").await;
    check_keyboard_focus(&client, "import users, the form").await;

    press(&client, "Preview").await;
    expect_text(&client, "Choose a CSV file to upload.").await;
    check_page(&client, "import users, no file chosen").await;

    let file = dir.path().join("new-staff.csv");
    std::fs::write(
        &file,
        "\u{feff}email;name;phone;groups\r\n\
         grace@example.com;Grace Hopper;+46701112233;Sales\r\n\
         alan@example.com;\"Turing; Alan\";;\r\n\
         admin@example.com;Taken;;\r\n\
         not-an-email;Nobody;;Nowhere\r\n",
    )
    .unwrap();
    choose_file(&client, "CSV file", &file).await;
    press(&client, "Preview").await;
    expect_text(&client, "Preview of new-staff.csv").await;
    expect_text(&client, "2 lines can be imported.").await;
    expect_text(&client, "2 lines have a problem and will be left alone.").await;
    expect_text(&client, "An account with this email exists already.").await;
    expect_text(&client, "There is no group “Nowhere”.").await;
    check_page(&client, "import users, the preview").await;
    check_keyboard_focus(&client, "import users, the preview").await;

    press(&client, "Import").await;
    expect_text(&client, "Import done").await;
    expect_text(&client, "2 users were added and emailed an invitation.").await;
    expect_text(&client, "Added and invited").await;
    check_page(&client, "import users, the report").await;
    let services = &portal_state(&dir).services;
    let grace = services.user_by_email("grace@example.com").await.unwrap();
    assert_eq!(grace.map(|u| u.name).as_deref(), Some("Grace Hopper"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_resets_two_people_ticked_in_the_users_list() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    let grace = add_account(&seeder, "Grace Hopper", "grace@example.com", false).await;
    turn_on_sms(&seeder, grace, "+46701112233").await;
    let alan = add_account(&seeder, "Alan Turing", "alan@example.com", false).await;
    turn_on_sms(&seeder, alan, "+46701112244").await;
    add_account(&seeder, "Ken Thompson", "ken@example.com", false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    follow(&client, "Users").await;
    expect_text(&client, "Export (CSV)").await;
    check_page(&client, "users list with bulk actions").await;
    check_keyboard_focus(&client, "users list with bulk actions").await;

    // "Apply" with nobody ticked: said, nothing done.
    select(&client, "With selected", "Reset 2-step verification").await;
    press(&client, "Apply").await;
    expect_text(&client, "Select at least one person in the list.").await;
    check_page(&client, "bulk action, nobody selected").await;
    follow(&client, "Back to users").await;

    tick(&client, &format!("select-{grace}")).await;
    tick(&client, &format!("select-{alan}")).await;
    select(&client, "With selected", "Reset 2-step verification").await;
    press(&client, "Apply").await;
    expect_text(&client, "Reset 2-step verification for 2 people?").await;
    expect_text(&client, "Alan Turing").await;
    check_page(&client, "bulk reset, the question").await;
    check_keyboard_focus(&client, "bulk reset, the question").await;

    press(&client, "Reset 2-step verification").await;
    expect_text(&client, "Done for 2 people.").await;
    check_page(&client, "bulk reset, the report").await;
    let services = &portal_state(&dir).services;
    for id in [grace, alan] {
        let user = services.find_user(id).await.unwrap().unwrap();
        assert!(!user.has_two_step(), "{id} was reset");
    }
}
