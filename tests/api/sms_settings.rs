//! The platform settings of phone sign-in, profile editing and the daily limits on texts to
//! numbers no account has verified (PRODUCT.md rules 6 and 7, "SMS pumping").

use crate::admin::signed_in_admin;
use crate::helpers::{TestApp, assert_page, assert_redirect_to};
use crate::on_both_databases;

async fn the_phone_and_sms_limit_settings_are_saved_and_audited(app: TestApp) {
    signed_in_admin(&app).await;
    let page = app.get_text("/admin/security").await;
    for name in [
        "Allow registration and sign-in with a phone number",
        "Users can edit their profile",
        "Daily SMS budget",
        "Texts a day per number",
        "Texts a day per client address",
        "Texts a day per network",
        "Texts a day per country calling code",
    ] {
        assert!(page.contains(&format!(">{name}</label>")), "{name}: {page}");
    }
    assert!(page.contains(r#"name="sms_daily_budget" type="text" inputmode="numeric" class="input-short" value="1000""#));
    assert!(page.contains(
        r#"id="users_edit_profile" name="users_edit_profile" type="checkbox" value="yes" checked"#
    ));
    let form = [
        ("two_step", "optional"),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("new_device_alerts", "yes"),
        ("app_name", "Twostep"),
        ("phone_sign_in", "yes"),
        ("sms_daily_budget", " 250 "),
        ("sms_per_number", "3"),
        ("sms_per_address", "10"),
        ("sms_per_network", "0"),
        ("sms_per_country", "40"),
    ];
    let saved = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert_redirect_to(&saved, "/admin/security");
    let page = app.get_text("/admin/security").await;
    for line in [
        "Allow registration and sign-in with a phone number: Off → On",
        "Users can edit their profile: On → Off",
        "Daily SMS budget: 1000 → 250",
        "Texts a day per number: 5 → 3",
        "Texts a day per network: 20 → 0",
        "Texts a day per country calling code: 100 → 40",
    ] {
        assert!(page.contains(line), "{line}: {page}");
    }
    assert!(
        !page.contains("Texts a day per client address:"),
        "unchanged, not listed"
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM platform_settings WHERE phone_sign_in = 1 AND users_edit_profile = 0 \
             AND sms_daily_budget = 250 AND sms_risky_per_number = 3 AND sms_risky_per_address = 10 \
             AND sms_risky_per_network = 0 AND sms_risky_per_country = 40"
        )
        .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event = 'platform.settings_changed'")
            .await,
        6
    );

    // Refused numbers say why and change nothing.
    let long = "9".repeat(500);
    for bad in ["", "-1", "1.5", "ten", "1000001", long.as_str(), "1e3"] {
        let mut refused = form.to_vec();
        refused.retain(|(name, _)| *name != "sms_daily_budget");
        refused.push(("sms_daily_budget", bad));
        let answer = app
            .submit("/admin/security", "/admin/security", &refused)
            .await;
        let page = assert_page(answer, 422, "There is a problem").await;
        assert!(
            page.contains("Enter the daily SMS budget as a whole number from 0 to 1000000."),
            "{bad:.20}: {page}"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM platform_settings WHERE sms_daily_budget = 250")
            .await,
        1
    );
}

on_both_databases!(the_phone_and_sms_limit_settings_are_saved_and_audited);
