//! Administrators requiring passkeys (PRODUCT.md, "Passkeys and security keys"): a group's
//! "Methods members may use" and the platform's "Administrators must use passkeys", saved
//! and audited; those held to passkeys without one are taken to add one (after a group's
//! grace period), keep their last, and then verify with a passkey only; the control center
//! counts passkeys. Passkeys are made and used by the test kit's software authenticator
//! through the pages (the helpers of `tests/api/passkeys/`), on a portal named `localhost`.

use std::time::Duration;

use reqwest::Response;

use crate::admin::{settings_form, signed_in_admin};
use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, location_of,
};
use crate::kit::authenticator::SoftAuthenticator;
use crate::on_each_backend;

const DAY: i64 = 86_400;
const SET_UP: &str = "/account/security/two-step";

/// A portal named `localhost` (browsers make passkeys only for a host name), reading the
/// platform settings at every request.
async fn spawn(backend: Backend) -> Option<TestApp> {
    TestApp::spawn_named(backend, |settings| {
        settings.platform_settings_ttl = Duration::ZERO;
    })
    .await
}

/// At the second step: the passkey page, answered by `authenticator`.
async fn use_passkey(app: &TestApp, authenticator: &mut SoftAuthenticator) -> Response {
    app.use_passkey_in(&app.client, authenticator).await
}

async fn id_of(app: &TestApp, email: &str) -> i64 {
    app.kit().id_of(email).await
}

async fn passkeys_of(app: &TestApp, email: &str) -> Vec<i64> {
    let id = id_of(app, email).await;
    app.state
        .services
        .passkeys(id)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect()
}

async fn settings_save_show_and_are_audited(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    signed_in_admin(&app).await;
    let group = app.kit().create_group("Finance", "allowed", None).await;
    let page_path = format!("/admin/groups/{group}");
    let rule = format!("/admin/groups/{group}/rule");
    let page = app.get_text(&page_path).await;
    assert!(page.contains("Methods members may use"), "{page}");
    assert!(page.contains(r#"value="any" checked"#), "{page}");
    assert!(!page.contains(r#"value="passkeys_only" checked"#));

    let saved = app
        .submit(
            &page_path,
            &rule,
            &[
                ("two_step", "allowed"),
                ("methods", "passkeys_only"),
                ("grace_days", "7"),
            ],
        )
        .await;
    assert_redirect_to(&saved, &format!("{page_path}?done=rule"));
    let page = app.get_text(&page_path).await;
    assert!(page.contains(r#"value="passkeys_only" checked"#), "{page}");
    assert!(
        page.contains(
            r#"name="grace_days" type="text" inputmode="numeric" class="input-short" value="7""#
        ),
        "{page}"
    );
    let stored = app.state.services.group(group).await.unwrap().unwrap();
    assert_eq!(stored.methods().as_str(), "passkeys_only");
    assert_eq!(stored.grace_days, Some(7));
    assert_eq!(
        app.audit_detail("group.rule_changed").await,
        "Finance — methods: Any method → Passkeys only; grace period: none → 7 days"
    );

    // Back to any method: the grace period holds nothing any more and goes.
    let saved = app
        .submit(
            &page_path,
            &rule,
            &[
                ("two_step", "allowed"),
                ("methods", "any"),
                ("grace_days", "7"),
            ],
        )
        .await;
    assert_eq!(saved.status().as_u16(), 303);
    let details: Vec<String> = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE event = 'group.rule_changed' ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        details.last().map(String::as_str),
        Some("Finance — methods: Passkeys only → Any method; grace period: 7 days → none"),
        "{details:?}"
    );

    // Another spelling is refused and nothing changes.
    let refused = app
        .submit(
            &page_path,
            &rule,
            &[("two_step", "allowed"), ("methods", "passkey")],
        )
        .await;
    assert_page(refused, 422, "Choose Any method or Passkeys only.").await;
    let stored = app.state.services.group(group).await.unwrap().unwrap();
    assert_eq!(stored.methods().as_str(), "any");

    // The platform setting: off by default, saved by the form, audited. This
    // administrator has a passkey already, so the control center stays open to them.
    let mut laptop = SoftAuthenticator::new();
    let added = app.add_passkey(&mut laptop, "Laptop").await;
    assert_redirect_to(&added, "/account/security?notice=passkey-added");
    let page = app.get_text("/admin/security").await;
    assert!(page.contains("Administrators must use passkeys"), "{page}");
    assert!(!page.contains(r#"name="admins_use_passkeys" type="checkbox" value="yes" checked"#));
    let mut form = settings_form("Twostep");
    form.push(("users_edit_profile", "yes"));
    form.push(("admins_use_passkeys", "yes"));
    let saved = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert_redirect_to(&saved, "/admin/security");
    let page = app.get_text("/admin/security").await;
    assert!(
        page.contains(r#"name="admins_use_passkeys" type="checkbox" value="yes" checked"#),
        "{page}"
    );
    assert!(
        app.state
            .services
            .platform()
            .await
            .unwrap()
            .admins_use_passkeys
    );
    assert_eq!(
        app.audit_detail("platform.settings_changed").await,
        "Administrators must use passkeys: Off → On"
    );
}

/// Ada uses text messages and is in a group that allows passkeys only (no grace period).
async fn ada_held_to_passkeys(app: &TestApp, grace_days: Option<i64>) {
    app.create_sms_user("ada@example.com", PHONE).await;
    let group = app
        .kit()
        .create_group_with_methods("Finance", "allowed", "passkeys_only", grace_days)
        .await;
    app.kit().add_member(group, "ada@example.com").await;
}

async fn a_member_is_taken_to_add_a_passkey_keeps_it_and_then_uses_only_it(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    ada_held_to_passkeys(&app, None).await;
    // Signing in as before (a text message), then every page leads to adding a passkey.
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    for path in ["/", "/account/security", "/account/profile"] {
        assert_redirect_to(&app.get(path).await, SET_UP);
    }
    let methods = app.get_text(SET_UP).await;
    assert!(methods.contains("<h1>Add a passkey</h1>"), "{methods}");
    assert!(methods.contains("Your administrator requires a passkey"));
    assert!(methods.contains(r#"value="passkey""#));
    assert!(!methods.contains(r#"value="sms""#) && !methods.contains(r#"value="app""#));
    assert!(!methods.contains("Set up later"));
    let sms = app.submit_on(SET_UP, &[("method", "sms")]).await;
    assert_eq!(sms.status().as_u16(), 422);
    let chosen = app.submit_on(SET_UP, &[("method", "passkey")]).await;
    assert_redirect_to(&chosen, "/account/security/passkeys/new");

    let mut phone = SoftAuthenticator::new();
    let added = app.add_passkey(&mut phone, "My phone").await;
    assert_redirect_to(&added, "/account/security?notice=passkey-added");
    assert_eq!(app.get("/").await.status().as_u16(), 200);

    // The last passkey stays: no "Remove", and a removal is refused.
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains("Your last passkey cannot be removed: your administrator requires a passkey for your account."),
        "{settings}"
    );
    let passkey = passkeys_of(&app, "ada@example.com").await[0];
    assert!(!settings.contains(&format!("/account/security/passkeys/{passkey}/remove")));
    let remove = format!("/account/security/passkeys/{passkey}/remove");
    let question = app.get(&remove).await;
    assert_eq!(
        location_of(&question).as_deref(),
        Some("/account/security#passkeys")
    );
    let refused = app.submit("/account/security", &remove, &[]).await;
    assert_page(refused, 403, "so your last passkey cannot be removed").await;
    assert_eq!(passkeys_of(&app, "ada@example.com").await, [passkey]);
    assert_eq!(app.count_events("passkey.removed").await, 0);

    // With a second one, one of the two may go.
    let mut key = SoftAuthenticator::new();
    app.add_passkey(&mut key, "Security key").await;
    let both = passkeys_of(&app, "ada@example.com").await;
    assert_eq!(both.len(), 2);
    let removed = app
        .submit(
            "/account/security",
            &format!("/account/security/passkeys/{}/remove", both[1]),
            &[],
        )
        .await;
    assert_redirect_to(&removed, "/account/security?notice=passkey-removed");

    // The next sign-in: a passkey only, no text message sent or accepted.
    app.post_logout().await;
    app.clock.advance(31);
    let texts = app.sms.sent().len();
    let password = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_redirect_to(&password, "/login/verify");
    let step = app.get_text("/login/verify").await;
    assert!(step.contains("<h1>Use your passkey</h1>"), "{step}");
    assert!(step.contains("Use a recovery code"));
    assert!(!step.contains("Use text message") && !step.contains("Use authenticator app"));
    let asked_sms = app.get_text("/login/verify?with=sms").await;
    assert!(
        asked_sms.contains("<h1>Use your passkey</h1>"),
        "{asked_sms}"
    );
    let resend = app.send_again().await;
    assert_eq!(location_of(&resend).as_deref(), Some("/login/verify"));
    assert_eq!(app.sms.sent().len(), texts, "no text is sent");
    let code = app.submit_sign_in_code_with("sms", "123456").await;
    assert_page(
        code,
        403,
        "codes by text message or from an app are not accepted",
    )
    .await;
    assert_eq!(app.get("/account/security").await.status().as_u16(), 303);
    let signed_in = use_passkey(&app, &mut phone).await;
    assert_redirect_to(&signed_in, "/");
    assert_eq!(app.get("/account/security").await.status().as_u16(), 200);

    // Phone sign-in is no way around it: a right code to her number, and she is sent to
    // her passkey, signed in nowhere.
    app.post_logout().await;
    app.kit().set_platform(|s| s.phone_sign_in = true).await;
    app.clock.advance(31);
    let before = app.sms.count_to(PHONE);
    app.submit_on("/login/phone", &[("phone", PHONE)]).await;
    // Phone sign-in codes go out in the background.
    for _ in 0..100 {
        if app.sms.count_to(PHONE) > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        app.sms.count_to(PHONE) > before,
        "a code went to her verified number"
    );
    let code = app.sms.last_code_to(PHONE);
    let phone_code = app
        .submit_on("/login/phone/verify", &[("code", &code)])
        .await;
    assert_page(
        phone_code,
        403,
        "Your administrator asks you to sign in with a passkey",
    )
    .await;
    assert_eq!(app.get("/account/security").await.status().as_u16(), 303);
    assert!(
        !app.get_text("/login/phone/password")
            .await
            .contains("Password")
    );
}

async fn the_grace_period_lets_a_member_add_it_later(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    ada_held_to_passkeys(&app, Some(3)).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    assert_redirect_to(&app.get("/").await, SET_UP);
    let methods = app.get_text(SET_UP).await;
    assert!(methods.contains("Set up later (3 days left)"), "{methods}");
    let later = app
        .submit(SET_UP, "/account/security/two-step/later", &[])
        .await;
    assert_redirect_to(&later, "/");
    let home = app.get_text("/").await;
    assert!(home.contains("Add a passkey by"), "{home}");
    assert!(home.contains("your administrator requires one"));

    // Past the grace period: at once, with no "later".
    app.post_logout().await;
    app.clock.advance(4 * DAY);
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    assert_redirect_to(&app.get("/").await, SET_UP);
    let methods = app.get_text(SET_UP).await;
    assert!(!methods.contains("Set up later"), "{methods}");
    assert!(methods.contains("Add one to continue."));
    let refused = app
        .submit(SET_UP, "/account/security/two-step/later", &[])
        .await;
    assert_eq!(refused.status().as_u16(), 403);
}

async fn an_administrator_held_to_passkeys_adds_one_before_the_control_center(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    signed_in_admin(&app).await;
    // Someone who does not administer uses text messages as before.
    app.create_sms_user("bob@example.com", "+46701112200").await;
    let mut form = settings_form("Twostep");
    form.push(("users_edit_profile", "yes"));
    form.push(("admins_use_passkeys", "yes"));
    let saved = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert_redirect_to(&saved, "/admin/security");
    // The session that saved it is held at once.
    assert_redirect_to(&app.get("/admin").await, SET_UP);
    let methods = app.get_text(SET_UP).await;
    assert!(methods.contains("<h1>Add a passkey</h1>"), "{methods}");
    assert!(!methods.contains("Set up later"));

    let mut laptop = SoftAuthenticator::new();
    let added = app.add_passkey(&mut laptop, "Laptop").await;
    assert_redirect_to(&added, "/account/security?notice=passkey-added");
    assert_eq!(app.get("/admin").await.status().as_u16(), 200);

    // At the next sign-in the administrator's second step is the passkey only.
    app.post_logout().await;
    app.clock.advance(31);
    assert_redirect_to(
        &app.post_login("admin@example.com", GOOD_PASSWORD).await,
        "/login/verify",
    );
    let step = app.get_text("/login/verify").await;
    assert!(step.contains("<h1>Use your passkey</h1>") && !step.contains("Use text message"));
    assert_redirect_to(&use_passkey(&app, &mut laptop).await, "/");

    app.post_logout().await;
    app.sign_in_with_sms_code("bob@example.com", "+46701112200")
        .await;
    assert_eq!(app.get("/").await.status().as_u16(), 200);
}

async fn the_overview_and_the_users_filter_count_passkeys(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    // Bob turns 2-step verification on with a passkey, his first method.
    app.create_user("bob@example.com", "Bob Passkey", false)
        .await;
    assert_redirect_to(&app.post_login("bob@example.com", GOOD_PASSWORD).await, "/");
    let mut phone = SoftAuthenticator::new();
    let added = app.add_passkey(&mut phone, "Phone").await;
    assert_eq!(added.status().as_u16(), 303);
    app.post_logout().await;

    signed_in_admin(&app).await;
    let overview = app.get_text("/admin").await;
    assert!(
        overview.contains(
            r#"<tr><th scope="row">All users</th><td>2</td><td>1</td><td>1</td><td>0</td><td>0</td><td>100%</td></tr>"#
        ),
        "{overview}"
    );
    assert!(overview.contains("100% on <span class=\"bar-detail\">(2 of 2)</span>"));
    assert!(overview.contains(r#"<span class="key key-passkey"></span> Passkey"#));
    let listed = app.get_text("/admin/users?two_step=passkey").await;
    assert!(listed.contains("bob@example.com"), "{listed}");
    assert!(!listed.contains("admin@example.com"));
    assert!(
        listed.contains(r#"<strong class="tag tag-on">Passkey</strong>"#),
        "{listed}"
    );
    assert!(listed.contains(r#"<option value="passkey" selected>Passkey</option>"#));
}

on_each_backend!(settings_save_show_and_are_audited => settings_sqlite, settings_postgres);
on_each_backend!(
    a_member_is_taken_to_add_a_passkey_keeps_it_and_then_uses_only_it =>
        member_sqlite, member_postgres
);
on_each_backend!(the_grace_period_lets_a_member_add_it_later => grace_sqlite, grace_postgres);
on_each_backend!(
    an_administrator_held_to_passkeys_adds_one_before_the_control_center =>
        admin_sqlite, admin_postgres
);
on_each_backend!(
    the_overview_and_the_users_filter_count_passkeys => adoption_sqlite, adoption_postgres
);
