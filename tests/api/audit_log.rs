//! The audit log as administrators read it: every event with a label and its detail as a
//! sentence, the event filter grouped, the sign-ins tried with an address no account has
//! found by that address, a reversed period refused; the CSV in the same words. The events
//! are made as people make them (signing in, wrongly too, setting up the app, generating
//! recovery codes), on both databases.

use std::path::Path;

use twostep::db::audit::EventKind;
use twostep::domain::keyring::key_id;

use crate::admin::signed_in_admin;
use crate::helpers::{Backend, PHONE, TestApp, assert_redirect_to, oathtool, submit_with};
use crate::{on_both_databases, on_each_backend};

/// A row of the log as the page shows it.
#[derive(Debug)]
struct Row {
    event: String,
    by: String,
    user: String,
    detail: String,
}

/// The text of the cell `label` of a table row, unescaped.
fn cell(row: &str, label: &str) -> String {
    let marker = format!("data-label=\"{label}\"");
    let start = row
        .find(&marker)
        .unwrap_or_else(|| panic!("no {label}: {row}"));
    let text = &row[start..];
    let text = &text[text.find('>').unwrap() + 1..];
    text[..text.find("</td>").unwrap()]
        .replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// The rows of the log on a page.
fn rows(page: &str) -> Vec<Row> {
    let Some(body) = page.split("<tbody>").nth(1) else {
        return Vec::new();
    };
    body.split("</tbody>")
        .next()
        .unwrap()
        .split("<tr>")
        .skip(1)
        .map(|row| Row {
            event: cell(row, "Event"),
            by: cell(row, "By"),
            user: cell(row, "User"),
            detail: cell(row, "Detail"),
        })
        .collect()
}

/// Whether a row shows `event` about `user` with `detail`.
fn has(rows: &[Row], event: &str, user: &str, detail: &str) -> bool {
    rows.iter()
        .any(|row| row.event == event && row.user == user && row.detail == detail)
}

/// Signs in with a wrong password in a browser of its own, as `email`.
async fn wrong_sign_in(app: &TestApp, email: &str) {
    let (browser, _) = app.new_browser();
    let response = submit_with(
        &browser,
        &app.address,
        "/login",
        "/login",
        &[("email", email), ("password", "not the password at all")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 401, "{email}");
}

/// Grace signs in in her own browser, sets up the authenticator app, saves the recovery
/// codes and then generates new ones.
async fn grace_sets_up_the_app_and_new_codes(app: &TestApp) {
    app.create_user("grace@example.com", "Grace Hopper", false)
        .await;
    let grace = app.signed_in_browser("grace@example.com").await;
    let page = app.get_text_in(&grace, "/account/security/app").await;
    let marker = r#"<p class="setup-key" id="setup-key">"#;
    let start = page.find(marker).unwrap() + marker.len();
    let key = page[start..start + page[start..].find('<').unwrap()].replace(' ', "");
    let code = oathtool(&key, app.clock.now());
    let page = "/account/security/app";
    let confirmed = submit_with(&grace, &app.address, page, page, &[("code", &code)]).await;
    assert_redirect_to(&confirmed, "/account/security/recovery-codes/new");
    let saved = [("saved", "yes")];
    let new_codes = "/account/security/recovery-codes/new";
    let done = "/account/security/recovery-codes/done";
    let response = submit_with(&grace, &app.address, new_codes, done, &saved).await;
    assert_redirect_to(&response, "/account/security?notice=codes-saved");
    let regenerate = "/account/security/recovery-codes";
    let response = submit_with(&grace, &app.address, "/account/security", regenerate, &[]).await;
    assert_redirect_to(&response, new_codes);
    let response = submit_with(&grace, &app.address, new_codes, done, &saved).await;
    assert_redirect_to(&response, "/account/security?notice=codes-saved");
}

/// Ken, who uses text messages, gives his password in his own browser, is texted a code
/// and types a wrong one.
async fn ken_types_a_wrong_code(app: &TestApp) {
    app.create_sms_user("ken@example.com", PHONE).await;
    let (ken, response) = app.password_step_in_new_browser("ken@example.com").await;
    assert!(response.status().is_redirection());
    let verify = "/login/verify";
    let wrong = if app.sms.last_code_to(PHONE) == "000000" {
        "111111"
    } else {
        "000000"
    };
    let response = submit_with(&ken, &app.address, verify, verify, &[("code", wrong)]).await;
    assert_eq!(response.status().as_u16(), 401);
}

async fn each_event_has_a_label_and_its_detail_a_sentence(app: TestApp) {
    signed_in_admin(&app).await;
    grace_sets_up_the_app_and_new_codes(&app).await;
    ken_types_a_wrong_code(&app).await;
    wrong_sign_in(&app, "nobody@example.com").await;
    // An operator's rotations (`twostep signing-key rotate`, `twostep secret-key rotate`).
    let signing_key = app.state.services.rotate_signing_key().await.unwrap().kid;
    app.state.services.rotate_secret_key().await.unwrap();
    let secret_key = key_id(app.state.settings.secret_key.expose());
    let page = app.get_text("/admin/audit").await;
    let rows = rows(&page);
    for (event, detail) in [
        (
            "Signing key rotated",
            format!("The signing key {signing_key}. From the command line."),
        ),
        (
            "Secret key rotated",
            format!(
                "0 stored values re-sealed under the secret key {secret_key}. \
                 From the command line."
            ),
        ),
    ] {
        assert!(has(&rows, event, "—", &detail), "{event}: {rows:#?}");
    }
    let admin = "admin@example.com";
    let grace = "grace@example.com";
    let ken = "ken@example.com";
    for (event, user, detail) in [
        (
            "Signed in",
            admin,
            "With the password and a code by text message.",
        ),
        ("Signed in", grace, "With the password."),
        (
            "Authenticator app code was right",
            grace,
            "While setting up the authenticator app.",
        ),
        (
            "2-step verification turned on",
            grace,
            "With an authenticator app.",
        ),
        ("Recovery codes generated", grace, ""),
        (
            "Recovery codes replaced",
            grace,
            "The codes before no longer work.",
        ),
        (
            "Password right, code asked for",
            ken,
            "A code by text message is asked for next.",
        ),
        ("Text message sent", ken, "A code for signing in."),
        ("Text message code was wrong", ken, "For signing in."),
        (
            "Sign-in failed",
            "—",
            "No account has the email address typed.",
        ),
        ("Account created from the command line", grace, ""),
    ] {
        assert!(has(&rows, event, user, detail), "{event} {user}: {rows:#?}");
    }
    // Two sets of codes: the first with the app, then the new ones.
    let generated = rows
        .iter()
        .filter(|row| row.event == "Recovery codes generated" && row.by == grace)
        .count();
    assert_eq!(generated, 2, "{rows:#?}");
    // No stored names, internal words or provider receipts in the table.
    let receipt = app.audit_detail("sms.sent").await;
    let receipt = receipt.rsplit(' ').next().unwrap();
    assert!(receipt.starts_with("SM"), "{receipt}");
    // The signing key's id is random base64url (it may hold `_`): it is
    // named on purpose, so it is left out of the search for internal words.
    let table = page
        .split("<tbody>")
        .nth(1)
        .and_then(|rest| rest.split("</tbody>").next())
        .unwrap()
        .replace(&signing_key, "KID");
    for internal in [
        receipt, "twilio", "totp", "sign_in", "sms.", "_", "app\"", "<code>",
    ] {
        assert!(!table.contains(internal), "{internal} in {table}");
    }
}

async fn the_event_filter_is_grouped_and_in_words(app: TestApp) {
    signed_in_admin(&app).await;
    let page = app.get_text("/admin/audit").await;
    let select = page
        .split(r#"<select id="event" name="event">"#)
        .nth(1)
        .unwrap()
        .split("</select>")
        .next()
        .unwrap();
    // The groups, in this order, each with options.
    let groups: Vec<&str> = select
        .split(r#"<optgroup label=""#)
        .skip(1)
        .map(|group| &group[..group.find('"').unwrap()])
        .collect();
    assert_eq!(
        groups,
        [
            "Sign-in",
            "2-step verification",
            "Administration",
            "Rooms",
            "Text messages"
        ]
    );
    let group_of = |label: &str| {
        select
            .split(r#"<optgroup label=""#)
            .skip(1)
            .find(|group| group.contains(&format!(">{label}</option>")))
            .map(|group| group[..group.find('"').unwrap()].to_owned())
    };
    assert_eq!(group_of("Signed in").as_deref(), Some("Sign-in"));
    assert_eq!(
        group_of("Recovery codes generated").as_deref(),
        Some("2-step verification")
    );
    assert_eq!(group_of("User added").as_deref(), Some("Administration"));
    assert_eq!(group_of("Data room created").as_deref(), Some("Rooms"));
    assert_eq!(
        group_of("Text message sent").as_deref(),
        Some("Text messages")
    );
    // Every kind the portal writes is an option, with a label in words.
    for kind in EventKind::ALL {
        let marker = format!(r#"<option value="{}">"#, kind.as_str());
        let start = select
            .find(&marker)
            .unwrap_or_else(|| panic!("no option for {}", kind.as_str()))
            + marker.len();
        let label = &select[start..start + select[start..].find("</option>").unwrap()];
        assert!(
            !label.is_empty() && !label.contains(['_', '.']),
            "{}: {label}",
            kind.as_str()
        );
    }
    assert_eq!(
        select.matches("<option value=\"").count(),
        EventKind::ALL.len() + 1,
        "every kind once, and All events"
    );
    // A kind chosen stays chosen, and only its events are listed.
    grace_sets_up_the_app_and_new_codes(&app).await;
    let page = app
        .get_text("/admin/audit?event=recovery_codes.generated")
        .await;
    assert!(
        page.contains(
            r#"<option value="recovery_codes.generated" selected>Recovery codes generated</option>"#
        ),
        "{page}"
    );
    let listed = rows(&page);
    assert!(
        listed
            .iter()
            .all(|row| row.event == "Recovery codes generated"),
        "{listed:#?}"
    );
    // Grace's two sets, and the administrator's first.
    let of_grace = listed.iter().filter(|row| row.user == "grace@example.com");
    assert_eq!(of_grace.count(), 2, "{listed:#?}");
    assert_eq!(listed.len(), 3, "{listed:#?}");
}

/// Every `EventKind::Name` written anywhere in `src/` (the use cases, the command line).
fn kinds_named_in_the_source() -> Vec<String> {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for (at, _) in source.match_indices("EventKind::") {
                    let name: String = source[at + "EventKind::".len()..]
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect();
                    // Variants are CamelCase; ALL and the methods are not.
                    if name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                        && name.chars().any(|c| c.is_ascii_lowercase())
                    {
                        found.push(name);
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    found.sort();
    found.dedup();
    found
}

#[test]
fn every_event_written_in_the_source_is_in_the_filter() {
    let listed: Vec<String> = EventKind::ALL
        .iter()
        .map(|kind| format!("{kind:?}"))
        .collect();
    let named = kinds_named_in_the_source();
    assert!(named.len() > 60, "{named:?}");
    for name in named {
        assert!(
            listed.contains(&name),
            "EventKind::{name} is written but missing from EventKind::ALL (and the filter)"
        );
    }
    // One stored name per kind.
    let mut stored: Vec<&str> = EventKind::ALL.iter().map(|kind| kind.as_str()).collect();
    stored.sort_unstable();
    stored.dedup();
    assert_eq!(stored.len(), EventKind::ALL.len());
}

async fn sign_ins_tried_with_an_unknown_address_are_found_by_it(app: TestApp) {
    signed_in_admin(&app).await;
    wrong_sign_in(&app, "Nobody@Example.com").await;
    wrong_sign_in(&app, "nobody@example.com").await;
    wrong_sign_in(&app, "someone.else@example.com").await;
    // A password typed into the email box is not an address: it is kept in no form.
    wrong_sign_in(&app, "violet kettle").await;
    let response = app.get("/admin/audit?user=nobody%40example.com").await;
    assert_eq!(response.status().as_u16(), 200);
    let page = response.text().await.unwrap();
    assert!(
        page.contains(
            "No account has the address nobody@example.com: these are the sign-ins tried with it."
        ),
        "{page}"
    );
    let found = rows(&page);
    assert_eq!(found.len(), 2, "{found:#?}");
    for row in &found {
        assert_eq!(row.event, "Sign-in failed");
        assert_eq!(row.user, "nobody@example.com (no account)");
        assert_eq!(row.detail, "No account has the email address typed.");
        assert_eq!(row.by, "—");
    }
    assert!(page.contains(r#"value="nobody@example.com""#));
    // Another address finds its own attempt; one never tried finds none.
    let other = app
        .get_text("/admin/audit?user=someone.else%40example.com")
        .await;
    assert_eq!(rows(&other).len(), 1);
    let never = app.get_text("/admin/audit?user=never%40example.com").await;
    assert!(never.contains("No events match."), "{never}");
    // Combined with a kind: only its failed sign-ins.
    let failed = app
        .get_text("/admin/audit?user=nobody%40example.com&event=sign_in.failed")
        .await;
    assert_eq!(rows(&failed).len(), 2);
    let signed_in = app
        .get_text("/admin/audit?user=nobody%40example.com&event=sign_in.succeeded")
        .await;
    assert!(signed_in.contains("No events match."));
    // The CSV of the filter holds them too.
    let csv = app
        .get("/admin/audit.csv?user=nobody%40example.com")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains(r#""Sign-in failed","—","nobody@example.com (no account)""#));
    // The log stores no address typed: only a key that finds it.
    let failures = app
        .count("SELECT COUNT(*) FROM audit_events WHERE event = 'sign_in.failed'")
        .await;
    assert_eq!(failures, 4);
    let keyed = app
        .count("SELECT COUNT(*) FROM audit_events WHERE address_key IS NOT NULL")
        .await;
    assert_eq!(keyed, 3, "the password typed as an address has no key");
    let stored = app.text_in_table("audit_events").await;
    for typed in ["nobody", "someone.else", "violet"] {
        assert!(!stored.contains(typed), "{typed} stored: {stored}");
    }
    // Something that is not an address is a field error.
    let response = app.get("/admin/audit?user=not-an-address").await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Enter an email address like name@example.com."));
    assert!(page.contains(r##"<a href="#user">"##), "{page}");
    assert!(page.contains(r#"value="not-an-address""#));
    // An account's address still finds the account's events.
    let admin = app.get_text("/admin/audit?user=admin%40example.com").await;
    assert!(
        rows(&admin)
            .iter()
            .any(|row| row.event == "Signed in" && row.user == "admin@example.com")
    );
}

/// With 2 failures allowed per account, the third sign-in tried with an unknown address is
/// refused unchecked: found by the address as well.
async fn throttled_sign_ins_with_an_unknown_address_are_found_too(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.max_failures_per_account = 2;
    })
    .await
    else {
        return;
    };
    signed_in_admin(&app).await;
    wrong_sign_in(&app, "nobody@example.com").await;
    wrong_sign_in(&app, "nobody@example.com").await;
    let (browser, _) = app.new_browser();
    let fields = [
        ("email", "nobody@example.com"),
        ("password", "another guess"),
    ];
    let refused = submit_with(&browser, &app.address, "/login", "/login", &fields).await;
    assert_eq!(refused.status().as_u16(), 429);
    let page = app.get_text("/admin/audit?user=nobody%40example.com").await;
    let found = rows(&page);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(has(
        &found,
        "Sign-in blocked after too many attempts",
        "nobody@example.com (no account)",
        "Too many attempts: refused without checking. No account has the email address typed."
    ));
    assert_eq!(
        found
            .iter()
            .filter(|row| row.event == "Sign-in failed")
            .count(),
        2
    );
}

on_each_backend!(throttled_sign_ins_with_an_unknown_address_are_found_too => throttled_unknown_address_sqlite, throttled_unknown_address_postgres);

async fn a_reversed_period_is_an_error_with_the_fields_kept(app: TestApp) {
    signed_in_admin(&app).await;
    let response = app
        .get("/admin/audit?user=admin%40example.com&event=sign_in.succeeded&from=2026-12-06&until=2026-12-01")
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("<title>Error: Audit log"), "{page}");
    assert!(page.contains("There is a problem"));
    assert!(page.contains(
        r##"<a href="#until">The last date must be the same as or after the first date.</a>"##
    ));
    assert!(page.contains(r#"id="until-error""#) && page.contains(r#"aria-invalid="true""#));
    for kept in [
        r#"value="admin@example.com""#,
        r#"value="2026-12-06""#,
        r#"value="2026-12-01""#,
        r#"<option value="sign_in.succeeded" selected>"#,
    ] {
        assert!(page.contains(kept), "{kept}");
    }
    // Not an empty result: no table, no "No events match", no download.
    assert!(!page.contains("No events match.") && !page.contains("<tbody>"));
    assert!(!page.contains("Download (CSV)"));
    let csv = app
        .get("/admin/audit.csv?from=2026-12-06&until=2026-12-01")
        .await;
    assert_eq!(csv.status().as_u16(), 400);
    // One day, from and until the same, is a period.
    let today = app
        .get("/admin/audit?from=1970-01-01&until=1970-01-01")
        .await;
    assert_eq!(today.status().as_u16(), 200);
    let wide = app
        .get_text("/admin/audit?user=admin%40example.com&from=1970-01-01&until=2999-12-31")
        .await;
    assert!(!rows(&wide).is_empty());
}

async fn the_csv_has_the_labels_and_the_stored_names(app: TestApp) {
    signed_in_admin(&app).await;
    grace_sets_up_the_app_and_new_codes(&app).await;
    let csv = app
        .get("/admin/audit.csv?event=two_step.enabled&user=grace%40example.com")
        .await;
    assert_eq!(csv.status().as_u16(), 200);
    let body = csv.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "time,event,actor,subject,ip_address,detail,event_name"
    );
    assert_eq!(lines.len(), 2, "{body}");
    assert!(
        lines[1].ends_with(
            r#","2-step verification turned on","grace@example.com","grace@example.com","127.0.0.1","With an authenticator app.","two_step.enabled""#
        ),
        "{body}"
    );
}

on_both_databases!(
    each_event_has_a_label_and_its_detail_a_sentence,
    the_event_filter_is_grouped_and_in_words,
    sign_ins_tried_with_an_unknown_address_are_found_by_it,
    a_reversed_period_is_an_error_with_the_fields_kept,
    the_csv_has_the_labels_and_the_stored_names,
);
