//! Bulk actions and the export of the users list as an administrator uses them (issue 27):
//! select people, "Apply", a question that says how many and what will happen, then each
//! person changed on their own with their audit event and email, and a report of what was
//! done and what was refused; the CSV of every user the filters match. On both databases.

use std::time::{Duration, Instant};

use reqwest::Response;
use twostep::db::audit::Origin;

use crate::admin::signed_in_admin;
use crate::helpers::{
    GOOD_PASSWORD, PHONE, TestApp, assert_page, csrf_token, location_of, unescaped,
};
use crate::on_both_databases;

/// Posts the users list's form as a browser does: the token from the list, the people
/// ticked, the action and the group chosen.
async fn apply_from_list(app: &TestApp, users: &[i64], action: &str, group: &str) -> Response {
    let page = app.get_text("/admin/users").await;
    post_bulk(
        app,
        "/admin/users/bulk",
        &csrf_token(&page),
        users,
        action,
        group,
    )
    .await
}

async fn post_bulk(
    app: &TestApp,
    path: &str,
    token: &str,
    users: &[i64],
    action: &str,
    group: &str,
) -> Response {
    let ids: Vec<String> = users.iter().map(i64::to_string).collect();
    let mut form: Vec<(&str, &str)> =
        vec![("csrf_token", token), ("action", action), ("group", group)];
    form.extend(ids.iter().map(|id| ("user", id.as_str())));
    app.client
        .post(app.url(path))
        .form(&form)
        .send()
        .await
        .unwrap()
}

/// Answers the question page `page` with its own button: its hidden fields, posted.
async fn confirm(app: &TestApp, page: &str) -> Response {
    let form_start = page
        .find(r#"action="/admin/users/bulk/apply""#)
        .expect("the question's form");
    let form = &page[form_start..page[form_start..].find("</form>").unwrap() + form_start];
    let fields: Vec<(String, String)> = form
        .split(r#"<input type="hidden" name=""#)
        .skip(1)
        .map(|input| {
            let name = &input[..input.find('"').unwrap()];
            let value = &input[input.find(r#"value=""#).unwrap() + 7..];
            (
                name.to_owned(),
                value[..value.find('"').unwrap()].to_owned(),
            )
        })
        .collect();
    app.client
        .post(app.url("/admin/users/bulk/apply"))
        .form(&fields)
        .send()
        .await
        .unwrap()
}

/// Each person of a report with what was said of them.
fn outcomes(page: &str) -> Vec<(String, String)> {
    let page = unescaped(page);
    page.split(r#"<td data-label="Who" class="card-title">"#)
        .skip(1)
        .map(|row| {
            let who = &row[..row.find("</td>").unwrap()];
            let who = match who.find('>') {
                Some(at) if who.starts_with("<a") => &who[at + 1..who.find("</a>").unwrap()],
                _ => who,
            };
            let cell = &row[row.find(r#"data-label="Outcome">"#).unwrap()..];
            let text = match cell.find("<strong") {
                Some(at) => {
                    let text = &cell[at..];
                    text[text.find('>').unwrap() + 1..text.find("</strong>").unwrap()].to_owned()
                }
                None => String::new(),
            };
            (who.to_owned(), text)
        })
        .collect()
}

/// The emails to `to` once one contains `words` (waiting up to 10 s for the outbox).
async fn mail_saying(app: &TestApp, to: &str, words: &str) -> String {
    let started = Instant::now();
    loop {
        if let Some(mail) = app.mail_to(to).into_iter().find(|m| m.contains(words)) {
            return mail;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no mail to {to} saying {words:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn a_bulk_reset_asks_first_then_resets_each_and_says_who_was_refused(app: TestApp) {
    let me = signed_in_admin(&app).await;
    let grace = app
        .create_sms_user("grace@example.com", "+46701112233")
        .await;
    let alan = app
        .create_sms_user("alan@example.com", "+46701112244")
        .await;
    let boss = app.create_user("boss@example.com", "Bo Boss", true).await;
    let unknown = 999_999;

    // The list has a checkbox per person, labelled with their name.
    let list = app.get_text("/admin/users").await;
    assert!(list.contains(&format!(
        r#"<input type="checkbox" id="select-{grace}" name="user" value="{grace}"><label for="select-{grace}" class="visually-hidden">Ada Lovelace</label>"#
    )), "{list}");
    assert!(list.contains(r#"<option value="reset">Reset 2-step verification</option>"#));

    let asked = apply_from_list(&app, &[grace, alan, boss, me, unknown, grace], "reset", "").await;
    let question = assert_page(asked, 200, "Reset 2-step verification for 5 people?").await;
    assert!(question.contains("No such user (id 999999)"));
    assert!(unescaped(&question).contains("Administrators and your own account are left alone"));
    // Asking changes nothing.
    assert_eq!(app.two_factor_method(grace).await.as_deref(), Some("sms"));
    assert_eq!(app.count_events("two_step.reset").await, 0);

    let done = confirm(&app, &question).await;
    let report = assert_page(done, 200, "Done with the selected people").await;
    assert!(report.contains("Done for 2 people."), "{report}");
    assert!(report.contains("3 people were left alone."));
    assert_eq!(
        outcomes(&report),
        vec![
            ("Ada Lovelace".to_owned(), "Done".to_owned()),
            ("Ada Lovelace".to_owned(), "Done".to_owned()),
            (
                "Bo Boss".to_owned(),
                "Not done: an administrator is reset only from their own page.".to_owned()
            ),
            (
                "Ada Admin".to_owned(),
                "Not done: reset your own account from your own page.".to_owned()
            ),
            (
                "No such user (id 999999)".to_owned(),
                "Not done: there is no such user.".to_owned()
            ),
        ]
    );
    assert_eq!(app.two_factor_method(grace).await, None);
    assert_eq!(app.two_factor_method(alan).await, None);
    assert_eq!(app.two_factor_method(me).await.as_deref(), Some("sms"));
    assert_eq!(app.count_events("two_step.reset").await, 2);
    for email in ["grace@example.com", "alan@example.com"] {
        mail_saying(&app, email, "reset 2-step verification on your account").await;
    }
    assert!(
        app.mail_to("boss@example.com")
            .iter()
            .all(|m| !m.contains("reset 2-step"))
    );
}

async fn group_actions_and_reminders_say_what_became_of_each_person(app: TestApp) {
    let me = signed_in_admin(&app).await;
    let kit = app.kit();
    let sales = kit.create_group("Sales", "allowed", None).await;
    let new = app
        .create_user("new@example.com", "New Person", false)
        .await;
    let member = app.create_user("member@example.com", "Member", false).await;
    kit.add_member(sales, "member@example.com").await;
    let with_sms = app.create_sms_user("sms@example.com", PHONE).await;
    let gone = app.create_user("gone@example.com", "Gone", false).await;
    kit.disable(gone).await;

    let asked = apply_from_list(&app, &[new, member], "add", &sales.to_string()).await;
    let question = assert_page(asked, 200, "Add 2 people to Sales?").await;
    let report = assert_page(confirm(&app, &question).await, 200, "Done for 1 person.").await;
    assert_eq!(outcomes(&report)[1].1, "Not done: already a member.");
    assert_eq!(
        app.count_events("group.member_added").await,
        2,
        "one by the kit, one in bulk"
    );
    let details = app.state.services.user_details(new).await.unwrap().unwrap();
    assert_eq!(details.groups, [(sales, "Sales".to_owned())]);

    let asked = apply_from_list(&app, &[new, with_sms], "remove", &sales.to_string()).await;
    let question = assert_page(asked, 200, "Remove 2 people from Sales?").await;
    let report = assert_page(confirm(&app, &question).await, 200, "Done for 1 person.").await;
    assert_eq!(outcomes(&report)[1].1, "Not done: not a member.");
    assert_eq!(app.count_events("group.member_removed").await, 1);

    let asked = apply_from_list(&app, &[new, with_sms, gone, me], "remind", "").await;
    let question = assert_page(
        asked,
        200,
        "Email 4 people a reminder to turn on 2-step verification?",
    )
    .await;
    let report = assert_page(confirm(&app, &question).await, 200, "Done for 1 person.").await;
    let said: Vec<String> = outcomes(&report).into_iter().map(|(_, o)| o).collect();
    assert_eq!(
        said,
        [
            "Done",
            "Not done: 2-step verification is on already.",
            "Not done: the account is disabled.",
            "Not done: 2-step verification is on already.",
        ]
    );
    let mail = mail_saying(
        &app,
        "new@example.com",
        "asks you to turn on 2-step verification",
    )
    .await;
    assert!(mail.contains("/account/security"), "{mail}");
    assert_eq!(app.count_events("two_step.reminder_sent").await, 1);
    let rows = app.audit_rows().await;
    let reminder = rows
        .iter()
        .find(|r| r.event == "two_step.reminder_sent")
        .unwrap();
    assert_eq!((reminder.actor, reminder.subject), (Some(me), Some(new)));
}

async fn a_selection_that_cannot_be_acted_on_is_refused_with_a_message(app: TestApp) {
    signed_in_admin(&app).await;
    let user = app
        .create_user("user@example.com", "Plain User", false)
        .await;
    let refused = apply_from_list(&app, &[], "reset", "").await;
    assert_page(refused, 422, "Select at least one person in the list.").await;
    let many: Vec<i64> = (1..=201).collect();
    let refused = apply_from_list(&app, &many, "remind", "").await;
    assert_page(refused, 422, "Select at most 200 people at once.").await;
    let refused = apply_from_list(&app, &[user], "", "").await;
    assert_page(refused, 422, "Choose what to do with the selected people.").await;
    let refused = apply_from_list(&app, &[user], "add", "").await;
    assert_page(refused, 422, "Choose a group.").await;
    let refused = apply_from_list(&app, &[user], "add", "424242").await;
    assert_page(refused, 422, "Choose a group.").await;
    // The confirming post is checked the same way.
    let page = app.get_text("/admin/users").await;
    let token = csrf_token(&page);
    let refused = post_bulk(&app, "/admin/users/bulk/apply", &token, &many, "reset", "").await;
    assert_page(refused, 422, "Select at most 200 people at once.").await;
    // Without the token: refused, nothing done.
    let forged = post_bulk(
        &app,
        "/admin/users/bulk/apply",
        "forged",
        &[user],
        "remind",
        "",
    )
    .await;
    assert_eq!(forged.status().as_u16(), 403);
    assert_eq!(app.count_events("two_step.reminder_sent").await, 0);
    // Someone who is not an administrator.
    let browser = app.signed_in_browser("user@example.com").await;
    let page = app.get_text_in(&browser, "/account/security").await;
    let answer = browser
        .post(app.url("/admin/users/bulk/apply"))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("action", "remind"),
            ("user", &user.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 403);
    assert_eq!(app.count_events("two_step.reminder_sent").await, 0);
    // Ten minutes after the password: asked again, back to the list afterwards.
    app.clock.advance(11 * 60);
    let asked = post_bulk(
        &app,
        "/admin/users/bulk/apply",
        &token,
        &[user],
        "remind",
        "",
    )
    .await;
    assert_eq!(
        location_of(&asked).as_deref(),
        Some("/account/confirm?next=/admin/users")
    );
    assert_eq!(app.count_events("two_step.reminder_sent").await, 0);
    let back = app
        .submit(
            "/account/confirm?next=/admin/users",
            "/account/confirm",
            &[("password", GOOD_PASSWORD), ("next", "/admin/users")],
        )
        .await;
    assert_eq!(location_of(&back).as_deref(), Some("/admin/users"));
}

/// `count` people added through the import's use cases (no password to hash): names and
/// emails numbered from `from`.
async fn import_people(app: &TestApp, admin: i64, lines: &str) {
    let services = &app.state.services;
    let admin = app.kit().user(admin).await;
    let file = format!("email,name,phone,groups\n{lines}");
    let id = services
        .upload_import(&admin, "people.csv", file.as_bytes())
        .await
        .unwrap()
        .unwrap();
    services
        .run_import(&admin, &id, &Origin::default())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}

async fn the_export_writes_every_user_the_filters_match_with_formulas_defused(app: TestApp) {
    let me = signed_in_admin(&app).await;
    let sales = app.kit().create_group("Sales", "allowed", None).await;
    let mut lines = String::new();
    for n in 0..230 {
        lines.push_str(&format!("staff{n:03}@example.com,Staff {n:03},,Sales\n"));
    }
    lines.push_str("evil@example.com,\"=HYPERLINK(\"\"http://evil.example\"\")\",+46701234567,\n");
    import_people(&app, me, &lines).await;
    let evil = app.kit().id_of("evil@example.com").await;
    app.kit().disable(evil).await;

    // The list links to the export with its filters.
    let list = app.get_text(&format!("/admin/users?group={sales}")).await;
    assert!(
        list.contains(&format!(r#"href="/admin/users.csv?group={sales}""#)),
        "{list}"
    );

    let all = app.get("/admin/users.csv").await;
    assert_eq!(all.status().as_u16(), 200);
    assert_eq!(all.headers()["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        all.headers()["content-disposition"],
        "attachment; filename=\"users.csv\""
    );
    let text = all.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "email,name,phone,two_step,groups,disabled,last_sign_in"
    );
    assert_eq!(lines.len(), 1 + 232, "every user, not a page");
    let admin_line = lines
        .iter()
        .find(|l| l.starts_with("\"admin@example.com\""))
        .unwrap();
    assert!(
        admin_line.starts_with(&format!(
            "\"admin@example.com\",\"Ada Admin\",\"'{}\",\"sms\",\"\",\"no\",\"20",
            crate::admin::ADMIN_PHONE
        )),
        "{admin_line}"
    );
    assert!(
        lines
            .contains(&"\"staff007@example.com\",\"Staff 007\",\"\",\"off\",\"Sales\",\"no\",\"\"")
    );
    assert!(lines.contains(
        &"\"evil@example.com\",\"'=HYPERLINK(\"\"http://evil.example\"\")\",\"'+46701234567\",\"off\",\"\",\"yes\",\"\""
    ), "{text}");

    let in_sales = app
        .get_text(&format!("/admin/users.csv?group={sales}"))
        .await;
    assert_eq!(in_sales.lines().count(), 1 + 230);
    let searched = app
        .get_text("/admin/users.csv?q=staff01&account=enabled")
        .await;
    let emails: Vec<&str> = searched
        .lines()
        .skip(1)
        .map(|l| &l[1..l.find("\",").unwrap()])
        .collect();
    assert_eq!(emails.len(), 10, "{searched}");
    assert!(emails.iter().all(|e| e.starts_with("staff01")));
    let disabled = app.get_text("/admin/users.csv?account=disabled").await;
    assert_eq!(disabled.lines().count(), 2);
    let bad = app.get("/admin/users.csv?two_step=maybe").await;
    assert_eq!(bad.status().as_u16(), 400);
}

/// The users list's bulk controls, the question and the import read in Swedish and
/// German, with none of their English left.
async fn bulk_work_reads_in_the_administrators_language(app: TestApp) {
    signed_in_admin(&app).await;
    let user = app
        .create_user("berta@example.com", "Berta Beispiel", false)
        .await;
    let url = app.address.parse().unwrap();
    app.jar.add_cookie_str("lang=sv", &url);
    let list = app.get_text("/admin/users").await;
    assert!(list.contains("<html lang=\"sv\""));
    for words in [
        "Med markerade",
        "Återställ tvåstegsverifiering",
        "Lägg till i grupp",
        "Skicka en påminnelse via e-post",
        "Verkställ",
        "Exportera (CSV)",
        "Importera användare (CSV)",
    ] {
        assert!(list.contains(words), "{words}");
    }
    for english in [
        "With selected",
        "Send a reminder email",
        "Apply",
        "Export (CSV)",
        "Import users",
    ] {
        assert!(!list.contains(english), "still in English: {english}");
    }
    let asked = apply_from_list(&app, &[user], "remind", "").await;
    let question = assert_page(
        asked,
        200,
        "Skicka en påminnelse om att aktivera tvåstegsverifiering till 1 person?",
    )
    .await;
    assert!(!question.contains("reminder"), "{question}");

    app.jar.add_cookie_str("lang=de", &url);
    let import = app.get_text("/admin/users/import").await;
    assert!(import.contains("<label for=\"file\">CSV-Datei</label>"));
    assert!(
        import.contains("höchstens 10.000 Zeilen und 2 MB"),
        "{import}"
    );
    assert!(import.contains(">Vorschau</button>"));
    assert!(!import.contains("CSV file") && !import.contains(">Preview<"));
}

on_both_databases!(
    bulk_work_reads_in_the_administrators_language,
    a_bulk_reset_asks_first_then_resets_each_and_says_who_was_refused,
    group_actions_and_reminders_say_what_became_of_each_person,
    a_selection_that_cannot_be_acted_on_is_refused_with_a_message,
    the_export_writes_every_user_the_filters_match_with_formulas_defused,
);
