//! The control center's lists and figures as administrators read them (issue 22): who must
//! still set up, counted on the overview and listed in full; the search as people type it;
//! the count, the pages both ways and the last sign-in of the users list; the adoption
//! chart. On both databases.

use crate::admin::signed_in_admin;
use crate::helpers::{TestApp, assert_page};
use crate::on_both_databases;

/// The emails of the users list at `path`, in its order.
async fn emails_at(app: &TestApp, path: &str) -> (String, Vec<String>) {
    let page = app.get_text(path).await;
    let emails = page
        .split(r#"<td data-label="Email">"#)
        .skip(1)
        .map(|rest| rest[..rest.find("</td>").unwrap()].to_owned())
        .collect();
    (page, emails)
}

/// The address of the link named `text` ("Next") on `page`.
fn link_before(page: &str, text: &str) -> Option<String> {
    let end = page.find(&format!(">{text}</a>"))?;
    let start = page[..end].rfind("href=\"")? + 6;
    let href = &page[start..];
    Some(
        href[..href.find('"')?]
            .replace("&#38;", "&")
            .replace("&amp;", "&"),
    )
}

/// "Grace Hopper" as a query string's value.
fn encoded(typed: &str) -> String {
    url::form_urlencoded::byte_serialize(typed.as_bytes()).collect()
}

/// Every user the list shows from `path` on, following "Next" to the end.
async fn every_page(app: &TestApp, path: &str) -> Vec<String> {
    let mut all = Vec::new();
    let mut path = Some(path.to_owned());
    while let Some(here) = path {
        let (page, emails) = emails_at(app, &here).await;
        assert!(emails.len() <= 50, "{here}");
        all.extend(emails);
        path = link_before(&page, "Next");
    }
    all
}

/// The emails of `ids` the policy holds to 2-step verification that have no method, of
/// enabled accounts: what "Must still set up" means.
async fn owing_by_the_policy(app: &TestApp, ids: &[i64]) -> Vec<String> {
    let services = &app.state.services;
    let mut owing = Vec::new();
    for id in ids {
        let user = app.kit().user(*id).await;
        let required = services.requirement(&user).await.unwrap().is_required();
        if required && !user.has_two_step() && !user.is_disabled() {
            owing.push(user.email);
        }
    }
    owing.sort();
    owing
}

fn sorted(mut emails: Vec<String>) -> Vec<String> {
    emails.sort();
    emails
}

async fn the_overview_counts_who_must_set_up_and_the_list_shows_exactly_them(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let kit = app.kit();
    let required = kit.create_group("Finance", "required", Some(7)).await;
    let closed = kit.create_group("Interns", "not_available", None).await;
    let mut ids = vec![admin];
    ids.push(
        app.create_user("second-admin@example.com", "Second Admin", true)
            .await,
    );
    // 55 members of a required group without a method: more than a page.
    for n in 0..55 {
        let email = format!("member{n:02}@example.com");
        ids.push(
            app.create_user(&email, &format!("Member {n:02}"), false)
                .await,
        );
        kit.add_member(required, &email).await;
    }
    let set_up = app
        .create_sms_user("set-up@example.com", "+46701112233")
        .await;
    kit.add_member(required, "set-up@example.com").await;
    let gone = app.create_user("gone@example.com", "Gone", false).await;
    kit.add_member(required, "gone@example.com").await;
    kit.disable(gone).await;
    let both = app.create_user("both@example.com", "Both", false).await;
    kit.add_member(closed, "both@example.com").await;
    kit.add_member(required, "both@example.com").await;
    let intern = app.create_user("intern@example.com", "Intern", false).await;
    kit.add_member(closed, "intern@example.com").await;
    let free = app.create_user("free@example.com", "Free", false).await;
    ids.extend([set_up, gone, both, intern, free]);

    // The second administrator, the 55 members and the member of both groups.
    let expected = owing_by_the_policy(&app, &ids).await;
    assert_eq!(expected.len(), 57);
    let overview = app.get_text("/admin").await;
    assert!(
        overview.contains(
            r#"<strong class="figure">57</strong> users must use 2-step verification and have not set it up. The first 10:"#
        ),
        "{overview}"
    );
    assert_eq!(
        overview.matches(r#"<td data-label="Set up by">"#).count(),
        10
    );
    assert!(overview.contains(
        r#"<a href="/admin/users?two_step=must">All 57 users who must still set up, in the users list</a>"#
    ));
    let (first, emails) = emails_at(&app, "/admin/users?two_step=must").await;
    assert!(first.contains("57 users must still set up"), "{first}");
    assert!(first.contains(r#"<option value="must" selected>Must still set up</option>"#));
    assert_eq!(emails.len(), 50);
    assert!(!first.contains(">Previous</a>"));
    let listed = every_page(&app, "/admin/users?two_step=must").await;
    assert_eq!(sorted(listed), expected);

    // Required of everyone: every enabled account without a method, the count the same.
    kit.set_platform(|p| p.two_step = twostep::domain::policy::PlatformTwoStep::Required)
        .await;
    let expected = owing_by_the_policy(&app, &ids).await;
    assert_eq!(expected.len(), 59, "the intern and the free user too");
    let overview = app.get_text("/admin").await;
    assert!(overview.contains(r#"<strong class="figure">59</strong> users must"#));
    let listed = every_page(&app, "/admin/users?two_step=must").await;
    assert_eq!(sorted(listed), expected);

    // Optional again and nothing required of administrators: the group's members alone.
    kit.set_platform(|p| {
        p.two_step = twostep::domain::policy::PlatformTwoStep::Optional;
        p.require_for_admins = false;
    })
    .await;
    let expected = owing_by_the_policy(&app, &ids).await;
    assert_eq!(expected.len(), 56);
    assert!(!expected.contains(&"second-admin@example.com".to_owned()));
    let (page, _) = emails_at(&app, "/admin/users?two_step=must").await;
    assert!(page.contains("56 users must still set up"), "{page}");
    let listed = every_page(&app, "/admin/users?two_step=must").await;
    assert_eq!(sorted(listed), expected);
    // Narrowed further, as any filter of the list.
    let (page, emails) = emails_at(&app, "/admin/users?two_step=must&q=both").await;
    assert_eq!(emails, ["both@example.com"]);
    assert!(page.contains("1 user matches “both”"), "{page}");
    let (_, emails) = emails_at(&app, "/admin/users?two_step=must&account=disabled").await;
    assert!(emails.is_empty());
}

async fn the_required_previews_open_the_list_of_the_people_they_count(app: TestApp) {
    signed_in_admin(&app).await;
    app.create_user("a@example.com", "A", false).await;
    let gone = app.create_user("gone@example.com", "Gone", false).await;
    app.kit().disable(gone).await;
    app.create_sms_user("c@example.com", "+46701112233").await;
    let form = [
        ("two_step", "required"),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("app_name", "Twostep"),
    ];
    let asked = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    let page = assert_page(asked, 200, "Save and require 2-step verification").await;
    assert!(page.contains("means 1 user must set it up"), "{page}");
    let link = link_before(&page, "Who they are, in the users list").expect("a link to them");
    assert_eq!(link, "/admin/users?two_step=off&account=enabled");
    let (list, emails) = emails_at(&app, &link).await;
    assert_eq!(emails, ["a@example.com"]);
    assert!(list.contains("1 user matches the filters"), "{list}");

    // A group's preview: its enabled members without a method.
    let group = app.kit().create_group("Finance", "allowed", None).await;
    for email in ["a@example.com", "gone@example.com", "c@example.com"] {
        app.kit().add_member(group, email).await;
    }
    app.create_user("outsider@example.com", "Outsider", false)
        .await;
    let page = format!("/admin/groups/{group}");
    let asked = app
        .submit(
            &page,
            &format!("{page}/rule"),
            &[("two_step", "required"), ("grace_days", "")],
        )
        .await;
    let preview = assert_page(asked, 200, "Save and require 2-step verification").await;
    assert!(
        preview.contains("means 1 member must set it up"),
        "{preview}"
    );
    let link = link_before(&preview, "Who they are, in the users list").expect("a link to them");
    assert_eq!(
        link,
        format!("/admin/users?two_step=off&account=enabled&group={group}")
    );
    let (_, emails) = emails_at(&app, &link).await;
    assert_eq!(emails, ["a@example.com"]);
}

async fn the_search_finds_people_the_way_administrators_type_them(app: TestApp) {
    signed_in_admin(&app).await;
    app.kit()
        .set_platform(|p| p.default_country = Some("SE".into()))
        .await;
    let grace = app
        .create_user("grace@hopper.org", "Grace Brewster Hopper", false)
        .await;
    app.turn_on_sms_in_database(grace, "+46701112233").await;
    let tim = app
        .create_user("tim@w3.org", "Tim Berners-Lee", false)
        .await;
    app.kit().set_profile_phone(tim, "+46731234567").await;
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.create_user("maria@example.org", "María García Márquez", false)
        .await;
    for (typed, expected) in [
        ("grace hopper", vec!["grace@hopper.org"]),
        ("Hopper  GRACE", vec!["grace@hopper.org"]),
        ("brew hop", vec!["grace@hopper.org"]),
        ("Lee", vec!["tim@w3.org"]),
        ("berners", vec!["tim@w3.org"]),
        ("berners-lee tim", vec!["tim@w3.org"]),
        ("márquez", vec!["maria@example.org"]),
        ("garcía maría", vec!["maria@example.org"]),
        ("@example.com", vec!["admin@example.com", "ada@example.com"]),
        (
            "@EXAMPLE",
            vec!["admin@example.com", "ada@example.com", "maria@example.org"],
        ),
        // The administrator is Ada Admin <admin@example.com>.
        (
            "@example.com ada",
            vec!["admin@example.com", "ada@example.com"],
        ),
        ("@example.com lovelace", vec!["ada@example.com"]),
        ("@w3.org", vec!["tim@w3.org"]),
        ("grace@hop", vec!["grace@hopper.org"]),
        // A phone number in the default country's national format, or international.
        ("070-111 22 33", vec!["grace@hopper.org"]),
        ("0731 23 45 67", vec!["tim@w3.org"]),
        ("+46 70 111 22 33", vec!["grace@hopper.org"]),
        ("+46 73", vec!["tim@w3.org"]),
        // Each word must match, each from the start of a word.
        ("grace nobody", vec![]),
        ("opper", vec![]),
        ("ee", vec![]),
        ("@hopper.com", vec![]),
        ("070-999 99 99", vec![]),
    ] {
        let path = format!("/admin/users?q={}", encoded(typed));
        let (page, emails) = emails_at(&app, &path).await;
        assert_eq!(emails, expected, "{typed}");
        let n = expected.len();
        let count = match n {
            1 => format!("1 user matches “{}”", typed.trim()),
            n => format!("{n} users match “{}”", typed.trim()),
        };
        assert!(page.contains(&count), "{typed}: {count}");
        if n == 0 {
            assert!(page.contains("No users match."));
        }
    }
}

async fn the_list_counts_pages_both_ways_and_shows_the_last_sign_in(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let mut ids = vec![admin];
    for n in 0..104 {
        ids.push(
            app.create_user(
                &format!("user{n:03}@example.com"),
                &format!("User {n:03}"),
                false,
            )
            .await,
        );
    }
    let (first, page1) = emails_at(&app, "/admin/users").await;
    assert!(first.contains(r#"<h2 class="list-count" id="results-title">105 users</h2>"#));
    assert_eq!(page1.len(), 50);
    assert!(!first.contains(">Previous</a>"));
    let next = link_before(&first, "Next").unwrap();
    let (second, page2) = emails_at(&app, &next).await;
    assert_eq!(page2.len(), 50);
    assert_eq!(page2[0], "user049@example.com");
    let next = link_before(&second, "Next").unwrap();
    let (third, page3) = emails_at(&app, &next).await;
    assert_eq!(page3.len(), 5);
    assert!(!third.contains(">Next</a>"));
    // "Previous" goes back page by page to the very rows seen before.
    let previous = link_before(&third, "Previous").unwrap();
    assert!(previous.contains("before="), "{previous}");
    let (back2, again2) = emails_at(&app, &previous).await;
    assert_eq!(again2, page2);
    assert!(back2.contains(">Next</a>"));
    let previous = link_before(&back2, "Previous").unwrap();
    let (back1, again1) = emails_at(&app, &previous).await;
    assert_eq!(again1, page1);
    assert!(!back1.contains(">Previous</a>"));
    // Filters and the search are kept from page to page.
    let (filtered, _) = emails_at(&app, "/admin/users?q=user&two_step=off").await;
    let next = link_before(&filtered, "Next").unwrap();
    assert!(next.contains("q=user&two_step=off&after="), "{next}");
    assert!(filtered.contains("104 users match “user”"));

    // Last sign-in: when they last signed in, "Never" otherwise, in one format.
    let signed_in = ids[1];
    app.signed_in_browser("user000@example.com").await;
    let at: Option<i64> = app
        .fetch_scalar("SELECT last_sign_in_at FROM users WHERE id = $1", signed_in)
        .await;
    let at = at.expect("the sign-in is kept");
    assert!((at - app.clock.now()).abs() < 5);
    let page = app.get_text("/admin/users?q=user000").await;
    let shown = format!(
        r#"<td data-label="Last sign-in"><time datetime="{}">{}</time></td>"#,
        twostep::domain::time::iso(at),
        twostep::domain::language::Language::English.instant(at)
    );
    assert!(page.contains(&shown), "{page}");
    let never = app.get_text("/admin/users?q=user001").await;
    assert!(never.contains(r#"<td data-label="Last sign-in">Never</td>"#));
    let admin_row = app.get_text("/admin/users?admin=yes").await;
    assert!(admin_row.contains(r#"<td data-label="Last sign-in"><time datetime=""#));
    assert!(admin_row.contains("1 user matches the filters"));
    // Hostile cursors and filters: a clear 4xx, never a 500.
    for query in ["before=abc", "account=all", "two_step=must-not"] {
        let status = app.get(&format!("/admin/users?{query}")).await.status();
        assert!(status.is_client_error(), "{query}: {status}");
    }
}

async fn the_adoption_chart_reads_alone(app: TestApp) {
    signed_in_admin(&app).await;
    let group = app.kit().create_group("Finance", "allowed", None).await;
    for n in 0..3 {
        let email = format!("off{n}@example.com");
        app.create_user(&email, "Off", false).await;
        app.kit().add_member(group, &email).await;
    }
    app.create_sms_user("sms@example.com", "+46701112233").await;
    app.kit().add_member(group, "sms@example.com").await;
    let page = app.get_text("/admin").await;
    // 2 of 5 enabled users: the administrator and the SMS user.
    assert!(page.contains(
        r#"<p class="key-figure"><strong class="big-number">40%</strong> of users use 2-step verification</p>"#
    ), "{page}");
    for (label, value) in [("All users", "40% on"), ("Finance", "25% on")] {
        let bar = page
            .split(&format!(r#"<span class="bar-label">{label}</span>"#))
            .nth(1)
            .unwrap_or_else(|| panic!("a bar labelled {label}: {page}"));
        let bar = &bar[..bar.find("</li>").unwrap()];
        assert!(
            bar.contains(&format!(r#"<span class="bar-value">{value} "#)),
            "{label}: {bar}"
        );
    }
    assert!(page.contains("(1 of 4)") && page.contains("(2 of 5)"));
}

on_both_databases!(
    the_overview_counts_who_must_set_up_and_the_list_shows_exactly_them,
    the_required_previews_open_the_list_of_the_people_they_count,
    the_search_finds_people_the_way_administrators_type_them,
    the_list_counts_pages_both_ways_and_shows_the_last_sign_in,
    the_adoption_chart_reads_alone,
);
