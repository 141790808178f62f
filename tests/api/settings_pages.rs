//! Security settings in sections, a group's page, and refused changes said on the page they
//! came from (issue 22, items 9 to 11), on both databases.

use crate::admin::signed_in_admin;
use crate::helpers::{PHONE, TestApp, assert_page, assert_redirect_to, unescaped};
use crate::on_both_databases;

/// Where `needle` first stands in `page`, failing when it is not there.
fn at(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in:\n{page}"))
}

/// The security settings form as a browser sends it with the defaults, `two_step` chosen.
fn settings_form(two_step: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("two_step", two_step),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("users_edit_profile", "yes"),
        ("app_name", "Acme"),
    ]
}

/// The details of every `event` in the audit log, oldest first.
async fn details_of(app: &TestApp, event: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT detail FROM audit_events WHERE event = $1 ORDER BY id")
        .bind(event)
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

async fn the_settings_are_in_sections_with_the_reminder_users_read(app: TestApp) {
    signed_in_admin(&app).await;
    app.kit().set_platform(|s| s.app_name = "Acme".into()).await;
    let page = unescaped(&app.get_text("/admin/security").await);
    // Five sections, in this order, each control in its own.
    let headings = [
        r#"<h2 id="two_step-title">2-step verification</h2>"#,
        r#"<h2 id="sessions-title">Sessions and devices</h2>"#,
        r#"<h2 id="accounts-title">Accounts and registration</h2>"#,
        r#"<h2 id="name-title">The app's name</h2>"#,
        r#"<h2 id="sms-title">Text messages and limits</h2>"#,
    ];
    let starts: Vec<usize> = headings.iter().map(|h| at(&page, h)).collect();
    assert!(starts.is_sorted(), "sections in order: {starts:?}");
    let controls: [(&str, &[&str]); 5] = [
        (
            "2-step verification",
            &[
                ">Required for everyone</label>",
                ">Require 2-step verification for administrators</label>",
                ">Show a reminder to users who have not turned on 2-step verification</label>",
            ],
        ),
        (
            "sessions",
            &[
                ">Trusted devices expire</label>",
                ">Let users choose their session duration</label>",
                ">Longest session users may choose</label>",
                ">Sign out after inactivity</label>",
            ],
        ),
        (
            "accounts",
            &[
                ">Let people create their own accounts</label>",
                ">Allow registration and sign-in with a phone number</label>",
                ">Users can edit their profile</label>",
            ],
        ),
        ("name", &[">App name</label>"]),
        (
            "text messages",
            &[
                ">SMS countries allowed</label>",
                ">Default country for phone numbers</label>",
                ">Daily SMS budget</label>",
                ">Texts a day per country calling code</label>",
            ],
        ),
    ];
    for (n, (section, labels)) in controls.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(page.len());
        for label in *labels {
            let place = at(&page, label);
            assert!(
                (starts[n]..end).contains(&place),
                "{label} is in the {section} section"
            );
        }
    }
    assert_eq!(
        page.matches("<h2").count(),
        5,
        "no other heading: the radios' legend is the section's heading"
    );
    // The reminder's own words, with the app's name, beside its switch.
    let reminder = at(&page, r#"<input id="reminder""#);
    let text = at(
        &page,
        "Acme now supports 2-step verification. This offers better security by also requiring you to log in using a code sent by SMS to your phone, in addition to your password.",
    );
    assert!(
        text > reminder && text < starts[1],
        "the text follows its switch"
    );
    assert!(page.contains(r#"aria-describedby="reminder-hint reminder-text""#));
    // Dependent settings carry what they depend on; a script of our own shows and hides
    // them, and without it they are all there.
    assert!(page.contains(r#"<div class="field reveal" data-shown-if="users_choose_session">"#));
    assert!(page.contains(r#"data-shown-if="two_step-optional""#));
    assert!(page.contains(r#"<script src="/static/reveal.js" defer></script>"#));
    let script = app.get("/static/reveal.js").await;
    assert_eq!(script.status().as_u16(), 200);
    assert!(script.text().await.unwrap().contains("data-shown-if"));
    assert!(
        !page.contains("Requiring 2-step verification"),
        "no warning"
    );
    assert!(!page.contains(r#"class="warning""#), "no warning");

    // A setting hidden by the script is still sent, and saved as it reads.
    let mut form = settings_form("optional");
    form.retain(|(name, _)| *name != "users_choose_session");
    form.push(("max_session_days", "14"));
    form.retain(|field| *field != ("max_session_days", "60"));
    let saved = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert_redirect_to(&saved, "/admin/security");
    let page = unescaped(&app.get_text("/admin/security").await);
    assert!(page.contains("Let users choose their session duration: On → Off"));
    assert!(page.contains("Longest session users may choose: 60 days → 14 days"));
}

async fn the_required_warning_stands_by_its_button_and_only_when_someone_must_set_up(app: TestApp) {
    signed_in_admin(&app).await;
    // Everyone (the administrator alone) uses it already: saved at once, nothing to warn of.
    let saved = app
        .submit(
            "/admin/security",
            "/admin/security",
            &settings_form("required"),
        )
        .await;
    assert_redirect_to(&saved, "/admin/security");
    let page = unescaped(&app.get_text("/admin/security").await);
    assert!(page.contains("2-step verification: Optional → Required for everyone"));
    assert!(!page.contains("Requiring 2-step verification"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM platform_settings WHERE two_step = 'required'")
            .await,
        1
    );
    app.submit(
        "/admin/security",
        "/admin/security",
        &settings_form("optional"),
    )
    .await;

    // Someone without it: asked first, the warning beside the button that confirms it.
    app.create_user("ken@example.com", "Ken Thompson", false)
        .await;
    let asked = app
        .submit(
            "/admin/security",
            "/admin/security",
            &settings_form("required"),
        )
        .await;
    let page = assert_page(asked, 200, "means 1 user must set it up").await;
    let last_section = at(&page, "Text messages and limits</h2>");
    let warning = at(&page, r#"id="required-warning" tabindex="-1" autofocus"#);
    let button = at(&page, "Save and require 2-step verification</button>");
    assert!(
        last_section < warning && warning < button,
        "after the fields, by the button"
    );
    assert!(
        !page[warning..button].contains("<input") && !page[warning..button].contains("<select"),
        "nothing between the warning and its button"
    );
    assert_eq!(page.matches("Requiring 2-step verification").count(), 1);
    assert!(page.contains(r#"name="confirmed" value="yes""#));
    assert!(page.contains(r#"value="Acme""#), "what was typed stays");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM platform_settings WHERE two_step = 'required'")
            .await,
        0
    );
}

async fn a_groups_page_has_one_heading_hints_and_the_grace_period_under_required(app: TestApp) {
    signed_in_admin(&app).await;
    let group = app.kit().create_group("Engineering", "allowed", None).await;
    let page = unescaped(&app.get_text(&format!("/admin/groups/{group}")).await);
    assert!(
        page.contains("<title>Engineering · Twostep</title>"),
        "{page}"
    );
    assert_eq!(
        page.matches("2-step verification for members").count(),
        1,
        "one heading, which is also the radios' legend: {page}"
    );
    assert!(
        page.contains(
            r#"<legend><h2 id="rule-title">2-step verification for members</h2></legend>"#
        )
    );
    for (id, hint) in [
        ("rule-allowed", "Members follow the platform's setting"),
        ("rule-not-available", "Members cannot turn it on"),
        (
            "rule-required",
            "Members must set it up and cannot turn it off",
        ),
    ] {
        assert!(
            page.contains(&format!(r#"aria-describedby="{id}-hint""#)),
            "{id}"
        );
        assert!(
            page.contains(&format!(r#"<p class="hint" id="{id}-hint">{hint}"#)),
            "{hint}"
        );
    }
    let reveal = at(&page, r#"data-shown-if="rule-required methods-passkeys""#);
    let grace = at(&page, ">Grace period (days)</label>");
    assert!(
        reveal < grace && grace - reveal < 100,
        "the grace period is revealed by Required or Passkeys only"
    );
    assert!(page.contains(r#"<script src="/static/reveal.js" defer></script>"#));
}

async fn adding_and_removing_a_member_names_them(app: TestApp) {
    signed_in_admin(&app).await;
    let ken = app
        .create_user("ken@example.com", "Ken Thompson", false)
        .await;
    let group = app.kit().create_group("Engineering", "allowed", None).await;
    let page = format!("/admin/groups/{group}");
    let added = app
        .submit(
            &page,
            &format!("{page}/members"),
            &[("email", "Ken@Example.com")],
        )
        .await;
    assert_redirect_to(&added, &format!("{page}?done=added"));
    let shown = app.get_text(&format!("{page}?done=added")).await;
    assert!(shown.contains("<p>Ken Thompson was added.</p>"), "{shown}");
    // Once: a reload says it in general words.
    let again = app.get_text(&format!("{page}?done=added")).await;
    assert!(!again.contains("Ken Thompson was added."));
    let twice = app
        .submit(
            &page,
            &format!("{page}/members"),
            &[("email", "ken@example.com")],
        )
        .await;
    assert_redirect_to(&twice, &format!("{page}?done=added"));
    assert!(
        app.get_text(&format!("{page}?done=added"))
            .await
            .contains("Ken Thompson is already a member.")
    );
    assert_eq!(app.count_events("group.member_added").await, 1);
    let removed = app
        .submit(&page, &format!("{page}/members/{ken}/remove"), &[])
        .await;
    assert_redirect_to(&removed, &format!("{page}?done=removed"));
    assert!(
        app.get_text(&format!("{page}?done=removed"))
            .await
            .contains("<p>Ken Thompson was removed.</p>")
    );
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM group_members WHERE user_id = $1", ken)
            .await,
        0
    );
}

async fn a_rule_change_is_audited_as_what_really_changed(app: TestApp) {
    signed_in_admin(&app).await;
    let group = app.kit().create_group("Engineering", "allowed", None).await;
    let page = format!("/admin/groups/{group}");
    let rule = format!("{page}/rule");
    // Asked first even with no member yet (whoever joins is held to it), then saved.
    let asked = app
        .submit(
            &page,
            &rule,
            &[("two_step", "required"), ("grace_days", "7")],
        )
        .await;
    assert_page(
        asked,
        200,
        "means 0 members must set it up within the grace period",
    )
    .await;
    let saved = app
        .submit(
            &page,
            &rule,
            &[
                ("two_step", "required"),
                ("grace_days", "7"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_redirect_to(&saved, &format!("{page}?done=rule"));
    let shorter = app
        .submit(
            &page,
            &rule,
            &[("two_step", "required"), ("grace_days", "3")],
        )
        .await;
    assert_redirect_to(&shorter, &format!("{page}?done=rule"));
    // The same again changes nothing and writes nothing.
    app.submit(
        &page,
        &rule,
        &[("two_step", "required"), ("grace_days", "3")],
    )
    .await;
    let back = app
        .submit(
            &page,
            &rule,
            &[("two_step", "not_available"), ("grace_days", "")],
        )
        .await;
    assert_redirect_to(&back, &format!("{page}?done=rule"));
    assert_eq!(
        details_of(&app, "group.rule_changed").await,
        [
            "Engineering — 2-step verification for members: Allowed → Required; grace period: none → 7 days",
            "Engineering — grace period: 7 days → 3 days",
            "Engineering — 2-step verification for members: Required → Not available; grace period: 3 days → none",
        ]
    );
}

async fn the_number_codes_go_to_is_explained_before_and_refused_on_the_users_page(app: TestApp) {
    signed_in_admin(&app).await;
    let user = app.create_sms_user("sms@example.com", PHONE).await;
    let page = format!("/admin/users/{user}");
    let action = format!("{page}/phone");
    let shown = unescaped(&app.get_text(&page).await);
    assert!(
        !shown.contains(&format!(r#"action="{action}""#)),
        "no form that could only be refused"
    );
    assert!(
        shown.contains("Ada Lovelace's sign-in codes go to this number"),
        "{shown}"
    );
    assert!(shown.contains(&format!(
        r#"href="/admin/users/{user}/reset">reset their 2-step verification</a>"#
    )));

    // A page opened before the user turned it on: the refusal, on the page, typed value kept.
    let refused = app
        .submit(&page, &action, &[("phone", "+46 70 555 12 34")])
        .await;
    let body = assert_page(refused, 409, "There is a problem").await;
    assert!(
        body.contains("<title>Error: Ada Lovelace"),
        "the user's page"
    );
    assert!(body.contains(r##"<li><a href="#phone">This number receives the user"##));
    assert!(body.contains(r#"<p class="field-error" id="phone-error">This number receives"#));
    assert!(
        body.contains(r#"value="+46 70 555 12 34""#),
        "what was typed stays"
    );
    assert!(body.contains(r#"aria-invalid="true""#));
    assert_eq!(
        app.fetch_scalar::<String>("SELECT phone FROM users WHERE id = $1", user)
            .await,
        PHONE
    );
    assert_eq!(app.count_events("phone.set_by_admin").await, 0);
}

async fn the_last_administrator_is_told_why_before_and_after(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let page = format!("/admin/users/{admin}");
    let shown = unescaped(&app.get_text(&page).await);
    assert!(
        !shown.contains(">Remove administrator</a>"),
        "no control that is refused"
    );
    assert!(shown.contains(
        "You are the only administrator, so your role cannot be removed. Make someone else an administrator first."
    ));
    // The question, and the change from a page opened earlier: the user's page, with why.
    for refused in [
        app.get(&format!("{page}/remove-admin")).await,
        app.submit(&page, &format!("{page}/remove-admin"), &[])
            .await,
        app.submit(&page, &format!("{page}/disable"), &[]).await,
    ] {
        let body = assert_page(
            refused,
            409,
            "This is the last administrator: make someone else an administrator first.",
        )
        .await;
        assert!(
            body.contains("<title>Error: Ada Admin"),
            "the user's page: {body}"
        );
        assert!(body.contains(r#"<h2 id="error-summary-title">There is a problem</h2>"#));
        assert!(body.contains(r#"<h2 id="actions-title">Account actions</h2>"#));
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND disabled = 0")
            .await,
        1
    );
    assert_eq!(app.count_events("admin.revoked").await, 0);

    // With a second administrator, the role can go: the control is back.
    let other = app
        .create_user("ken@example.com", "Ken Thompson", true)
        .await;
    let shown = unescaped(&app.get_text(&page).await);
    assert!(shown.contains(">Remove administrator</a>"));
    assert!(!shown.contains("the only administrator"));
    let other_page = app.get_text(&format!("/admin/users/{other}")).await;
    assert!(other_page.contains(">Disable account</a>"));
}

on_both_databases!(
    the_settings_are_in_sections_with_the_reminder_users_read,
    the_required_warning_stands_by_its_button_and_only_when_someone_must_set_up,
    a_groups_page_has_one_heading_hints_and_the_grace_period_under_required,
    adding_and_removing_a_member_names_them,
    a_rule_change_is_audited_as_what_really_changed,
    the_number_codes_go_to_is_explained_before_and_refused_on_the_users_page,
    the_last_administrator_is_told_why_before_and_after,
);
