//! The platform security settings: a single row, with defaults from the migrations.

use sqlx::FromRow;

use super::{DbError, Exec, flag};
use crate::domain::language::Language;
use crate::domain::policy::{
    PlatformSettings, PlatformTwoStep, SmsLimits, countries_from_text, countries_to_text,
};

#[derive(FromRow)]
struct Row {
    two_step: String,
    require_two_step_for_admins: i64,
    admins_use_passkeys: i64,
    new_device_alerts: i64,
    default_language: String,
    trusted_device_days: Option<i64>,
    users_choose_session_duration: i64,
    max_session_secs: i64,
    inactivity_timeout_secs: Option<i64>,
    app_name: Option<String>,
    sms_allowed_countries: Option<String>,
    default_country: Option<String>,
    reminder: i64,
    open_registration: i64,
    phone_sign_in: i64,
    users_edit_profile: i64,
    sms_daily_budget: i64,
    sms_risky_per_number: i64,
    sms_risky_per_address: i64,
    sms_risky_per_network: i64,
    sms_risky_per_country: i64,
}

pub async fn load_platform_settings<'e>(db: impl Exec<'e>) -> Result<PlatformSettings, DbError> {
    let row: Row = sqlx::query_as(
        "SELECT two_step, require_two_step_for_admins, admins_use_passkeys, new_device_alerts, default_language, trusted_device_days, users_choose_session_duration, \
         max_session_secs, inactivity_timeout_secs, app_name, sms_allowed_countries, default_country, \
         reminder, open_registration, phone_sign_in, users_edit_profile, sms_daily_budget, sms_risky_per_number, \
         sms_risky_per_address, sms_risky_per_network, sms_risky_per_country \
         FROM platform_settings WHERE id = 1",
    )
    .fetch_one(db)
    .await?;
    let defaults = PlatformSettings::default();
    Ok(PlatformSettings {
        two_step: PlatformTwoStep::parse(&row.two_step),
        require_for_admins: row.require_two_step_for_admins != 0,
        admins_use_passkeys: row.admins_use_passkeys != 0,
        new_device_alerts: row.new_device_alerts != 0,
        default_language: Language::parse(&row.default_language).unwrap_or_default(),
        trusted_device_days: row.trusted_device_days,
        users_choose_session_duration: row.users_choose_session_duration != 0,
        max_session_secs: row.max_session_secs,
        inactivity_timeout_secs: row.inactivity_timeout_secs,
        app_name: row.app_name.unwrap_or(defaults.app_name),
        sms_allowed_countries: row
            .sms_allowed_countries
            .as_deref()
            .map(countries_from_text)
            .unwrap_or_default(),
        default_country: row.default_country,
        reminder: row.reminder != 0,
        open_registration: row.open_registration != 0,
        phone_sign_in: row.phone_sign_in != 0,
        users_edit_profile: row.users_edit_profile != 0,
        sms_limits: SmsLimits {
            daily_budget: row.sms_daily_budget,
            per_number: row.sms_risky_per_number,
            per_address: row.sms_risky_per_address,
            per_network: row.sms_risky_per_network,
            per_country: row.sms_risky_per_country,
        },
    })
}

/// Stores every setting of the control center's form.
pub async fn save_platform_settings<'e>(
    db: impl Exec<'e>,
    settings: &PlatformSettings,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE platform_settings SET two_step = $1, require_two_step_for_admins = $2, \
         trusted_device_days = $3, users_choose_session_duration = $4, max_session_secs = $5, \
         inactivity_timeout_secs = $6, app_name = $7, sms_allowed_countries = $8, reminder = $9, \
         open_registration = $10, updated_at = $11, phone_sign_in = $12, users_edit_profile = $13, \
         sms_daily_budget = $14, sms_risky_per_number = $15, sms_risky_per_address = $16, \
         sms_risky_per_network = $17, sms_risky_per_country = $18, \
         default_country = $19, admins_use_passkeys = $20, new_device_alerts = $21, default_language = $22 WHERE id = 1",
    )
    .bind(settings.two_step.as_str())
    .bind(flag(settings.require_for_admins))
    .bind(settings.trusted_device_days)
    .bind(flag(settings.users_choose_session_duration))
    .bind(settings.max_session_secs)
    .bind(settings.inactivity_timeout_secs)
    .bind(&settings.app_name)
    .bind(countries_to_text(&settings.sms_allowed_countries))
    .bind(flag(settings.reminder))
    .bind(flag(settings.open_registration))
    .bind(now)
    .bind(flag(settings.phone_sign_in))
    .bind(flag(settings.users_edit_profile))
    .bind(settings.sms_limits.daily_budget)
    .bind(settings.sms_limits.per_number)
    .bind(settings.sms_limits.per_address)
    .bind(settings.sms_limits.per_network)
    .bind(settings.sms_limits.per_country)
    .bind(&settings.default_country)
    .bind(flag(settings.admins_use_passkeys))
    .bind(flag(settings.new_device_alerts))
    .bind(settings.default_language.code())
    .execute(db)
    .await?;
    Ok(())
}

/// Gives the settings that the environment starts (the app name, the SMS countries) their
/// first value; values an administrator has set are kept. An app name still at the built-in
/// default takes the environment's too: before TWOSTEP_APP_NAME was read, the first start
/// stored that default, and an instance started with the variable should now show it.
pub async fn seed_from_environment<'e>(
    db: impl Exec<'e>,
    app_name: &str,
    sms_allowed_countries: &[String],
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE platform_settings SET \
         app_name = CASE WHEN app_name IS NULL OR app_name = $3 THEN $1 ELSE app_name END, \
         sms_allowed_countries = COALESCE(sms_allowed_countries, $2) WHERE id = 1",
    )
    .bind(app_name)
    .bind(countries_to_text(sms_allowed_countries))
    .bind(PlatformSettings::default().app_name)
    .execute(db)
    .await?;
    Ok(())
}
