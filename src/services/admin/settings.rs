//! The platform settings: what the security settings form (or any other caller) asks
//! for, read into checked settings, and saved with each change audited.

use super::Actor;
use crate::db::DbError;
use crate::db::audit::{EventKind, Origin};
use crate::db::platform::{load_platform_settings, save_platform_settings};
use crate::services::Services;

use crate::domain::language::Language;
use crate::domain::policy::{
    APP_NAME_MAX, PlatformSettings, PlatformTwoStep, SmsLimits, app_name_fits, countries_to_text,
};
use crate::domain::problems::Problems;
use serde::Deserialize;

/// "Longest session users may choose", in days.
pub const SESSION_DAYS: [i64; 6] = [1, 7, 14, 30, 60, 90];
/// "Sign out after inactivity": minutes, or never.
pub const INACTIVITY: [Option<i64>; 6] = [
    None,
    Some(15),
    Some(30),
    Some(60),
    Some(8 * 60),
    Some(24 * 60),
];
/// The largest number any SMS limit may be set to.
const SMS_LIMIT_MAX: i64 = 1_000_000;
/// The form as submitted (checkboxes absent when unticked), and as first shown.
#[derive(Deserialize, Clone)]
pub struct SettingsInput {
    #[serde(default)]
    pub two_step: String,
    pub require_for_admins: Option<String>,
    pub admins_use_passkeys: Option<String>,
    pub new_device_alerts: Option<String>,
    /// "Default language": absent from the form, it keeps its value.
    pub default_language: Option<String>,
    #[serde(default)]
    pub trusted_devices: String,
    pub users_choose_session: Option<String>,
    #[serde(default)]
    pub max_session_days: String,
    #[serde(default)]
    pub inactivity_minutes: String,
    pub reminder: Option<String>,
    pub open_registration: Option<String>,
    #[serde(default)]
    pub app_name: String,
    #[serde(default)]
    pub sms_countries: String,
    /// "Default country for phone numbers": absent from the form, it keeps its value.
    pub default_country: Option<String>,
    pub phone_sign_in: Option<String>,
    pub users_edit_profile: Option<String>,
    /// The SMS limits: a field the form does not carry at all keeps its current value.
    pub sms_daily_budget: Option<String>,
    pub sms_per_number: Option<String>,
    pub sms_per_address: Option<String>,
    pub sms_per_network: Option<String>,
    pub sms_per_country: Option<String>,
    /// "yes" once the enforcement preview was shown and accepted.
    pub confirmed: Option<String>,
}

fn tick(on: bool) -> Option<String> {
    on.then(|| "yes".to_owned())
}

impl SettingsInput {
    pub fn of(settings: &PlatformSettings) -> Self {
        Self {
            two_step: settings.two_step.as_str().to_owned(),
            require_for_admins: tick(settings.require_for_admins),
            admins_use_passkeys: tick(settings.admins_use_passkeys),
            new_device_alerts: tick(settings.new_device_alerts),
            default_language: Some(settings.default_language.code().to_owned()),
            trusted_devices: match settings.trusted_device_days {
                Some(_) => "30".into(),
                None => "never".into(),
            },
            users_choose_session: tick(settings.users_choose_session_duration),
            max_session_days: (settings.max_session_secs / 86_400).to_string(),
            inactivity_minutes: settings
                .inactivity_timeout_secs
                .map_or_else(|| "never".to_owned(), |secs| (secs / 60).to_string()),
            reminder: tick(settings.reminder),
            open_registration: tick(settings.open_registration),
            app_name: settings.app_name.clone(),
            sms_countries: countries_to_text(&settings.sms_allowed_countries).replace(',', ", "),
            default_country: Some(settings.default_country.clone().unwrap_or_default()),
            phone_sign_in: tick(settings.phone_sign_in),
            users_edit_profile: tick(settings.users_edit_profile),
            sms_daily_budget: Some(settings.sms_limits.daily_budget.to_string()),
            sms_per_number: Some(settings.sms_limits.per_number.to_string()),
            sms_per_address: Some(settings.sms_limits.per_address.to_string()),
            sms_per_network: Some(settings.sms_limits.per_network.to_string()),
            sms_per_country: Some(settings.sms_limits.per_country.to_string()),
            confirmed: None,
        }
    }

    /// The settings the form asks for, or what is wrong with it.
    pub fn parse(&self, current: &PlatformSettings) -> Result<PlatformSettings, Problems> {
        let mut errors = Problems::default();
        let two_step = match self.two_step.as_str() {
            "off" => PlatformTwoStep::Off,
            "optional" => PlatformTwoStep::Optional,
            "required" => PlatformTwoStep::Required,
            _ => {
                errors.message("two_step", "admin-settings-choose-two-step");
                PlatformTwoStep::Optional
            }
        };
        let trusted_device_days = match self.trusted_devices.as_str() {
            "30" => Some(30),
            "never" => None,
            _ => {
                errors.message("trusted_devices", "admin-settings-choose-trusted");
                None
            }
        };
        let max_session_days = self
            .max_session_days
            .parse::<i64>()
            .ok()
            .filter(|d| SESSION_DAYS.contains(d));
        if max_session_days.is_none() {
            errors.message("max_session_days", "admin-settings-choose-session");
        }
        let inactivity = match self.inactivity_minutes.as_str() {
            "never" => Ok(None),
            minutes => minutes
                .parse::<i64>()
                .ok()
                .filter(|m| INACTIVITY.contains(&Some(*m)))
                .map(|m| Some(m * 60))
                .ok_or(()),
        };
        if inactivity.is_err() {
            errors.message("inactivity_minutes", "admin-settings-choose-inactivity");
        }
        let app_name = self.app_name.trim();
        if app_name.is_empty() {
            errors.message("app_name", "admin-settings-app-name-missing");
        } else if !app_name_fits(app_name) {
            errors.with_max("app_name", "admin-settings-app-name-too-long", APP_NAME_MAX);
        }
        let mut countries = Vec::new();
        for code in self
            .sms_countries
            .split([',', ' '])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            let upper = code.to_ascii_uppercase();
            let known = upper.len() == 2 && upper.parse::<phonenumber::country::Id>().is_ok();
            if known {
                if !countries.contains(&upper) {
                    countries.push(upper);
                }
            } else {
                errors.message("sms_countries", "admin-settings-countries-invalid");
                break;
            }
        }
        // `invalid`: the message id of the refusal, naming the limit.
        let mut limit =
            |field: &'static str, typed: &Option<String>, kept: i64, invalid: &'static str| {
                let Some(typed) = typed else {
                    return kept;
                };
                let value = typed
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (0..=SMS_LIMIT_MAX).contains(n));
                if value.is_none() {
                    errors.with_max(field, invalid, SMS_LIMIT_MAX);
                }
                value.unwrap_or(kept)
            };
        let kept = current.sms_limits;
        let sms_limits = SmsLimits {
            daily_budget: limit(
                "sms_daily_budget",
                &self.sms_daily_budget,
                kept.daily_budget,
                "admin-settings-budget-invalid",
            ),
            per_number: limit(
                "sms_per_number",
                &self.sms_per_number,
                kept.per_number,
                "admin-settings-per-number-invalid",
            ),
            per_address: limit(
                "sms_per_address",
                &self.sms_per_address,
                kept.per_address,
                "admin-settings-per-address-invalid",
            ),
            per_network: limit(
                "sms_per_network",
                &self.sms_per_network,
                kept.per_network,
                "admin-settings-per-network-invalid",
            ),
            per_country: limit(
                "sms_per_country",
                &self.sms_per_country,
                kept.per_country,
                "admin-settings-per-country-invalid",
            ),
        };
        let default_country = match self.default_country.as_deref().map(str::trim) {
            None => current.default_country.clone(),
            Some("") => None,
            Some(code) => {
                let upper = code.to_ascii_uppercase();
                if upper.len() == 2 && upper.parse::<phonenumber::country::Id>().is_ok() {
                    Some(upper)
                } else {
                    errors.message("default_country", "admin-settings-country-invalid");
                    None
                }
            }
        };
        let default_language = match self.default_language.as_deref() {
            None => current.default_language,
            Some(code) => Language::parse(code).unwrap_or_else(|| {
                errors.message("default_language", "admin-settings-choose-language");
                current.default_language
            }),
        };
        errors.or(PlatformSettings {
            two_step,
            require_for_admins: self.require_for_admins.is_some(),
            admins_use_passkeys: self.admins_use_passkeys.is_some(),
            trusted_device_days,
            users_choose_session_duration: self.users_choose_session.is_some(),
            max_session_secs: max_session_days.unwrap_or(60) * 86_400,
            inactivity_timeout_secs: inactivity.unwrap_or(None),
            app_name: app_name.to_owned(),
            sms_allowed_countries: countries,
            default_country,
            reminder: self.reminder.is_some(),
            open_registration: self.open_registration.is_some(),
            phone_sign_in: self.phone_sign_in.is_some(),
            users_edit_profile: self.users_edit_profile.is_some(),
            sms_limits,
            new_device_alerts: self.new_device_alerts.is_some(),
            default_language,
        })
    }
}

/// One setting as it was and as it is now, for the notice and the audit log.
pub struct Change {
    /// The setting's name as the page names it: a message id.
    pub setting: &'static str,
    pub before: SettingValue,
    pub after: SettingValue,
}

impl Change {
    /// "Trusted devices expire: After 30 days → Never" in `lang`.
    pub fn say(&self, lang: Language) -> String {
        lang.tr("admin-setting-change")
            .arg("setting", lang.t(self.setting))
            .arg("before", self.before.say(lang))
            .arg("after", self.after.say(lang))
            .to_string()
    }
}

/// A setting's value, as the notice and the audit log say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingValue {
    OnOff(bool),
    TwoStep(PlatformTwoStep),
    Language(Language),
    /// Trusted devices expire after so many days, or never.
    AfterDays(Option<i64>),
    /// A length of time in seconds, or never.
    Duration(Option<i64>),
    Text(String),
    /// The SMS countries allowed: none listed allows all.
    Countries(Vec<String>),
    /// The default country for phone numbers, or none.
    Country(Option<String>),
    Number(i64),
}

impl SettingValue {
    pub fn say(&self, lang: Language) -> String {
        match self {
            Self::OnOff(true) => lang.t("admin-on"),
            Self::OnOff(false) => lang.t("admin-off"),
            Self::TwoStep(PlatformTwoStep::Off) => lang.t("admin-off"),
            Self::TwoStep(PlatformTwoStep::Optional) => lang.t("admin-settings-optional"),
            Self::TwoStep(PlatformTwoStep::Required) => lang.t("admin-setting-required-everyone"),
            Self::Language(language) => language.own_name().to_owned(),
            Self::AfterDays(None) | Self::Duration(None) => lang.t("admin-never"),
            Self::AfterDays(Some(days)) => {
                lang.tr("admin-setting-after-days").count(days).to_string()
            }
            Self::Duration(Some(secs)) if secs % 86_400 == 0 => {
                lang.tr("days").count(secs / 86_400).to_string()
            }
            Self::Duration(Some(secs)) if secs % 3_600 == 0 => {
                lang.tr("hours").count(secs / 3_600).to_string()
            }
            Self::Duration(Some(secs)) => lang.tr("minutes").count(secs / 60).to_string(),
            Self::Text(text) => text.clone(),
            Self::Countries(countries) if countries.is_empty() => lang.t("admin-setting-all"),
            Self::Countries(countries) => countries_to_text(countries),
            Self::Country(Some(code)) => code.clone(),
            Self::Country(None) => lang.t("admin-setting-none"),
            Self::Number(n) => n.to_string(),
        }
    }
}

/// The settings that differ between `old` and `new`, named as the page names them.
pub fn changes(old: &PlatformSettings, new: &PlatformSettings) -> Vec<Change> {
    use SettingValue::{AfterDays, Countries, Country, Duration, Number, OnOff, Text, TwoStep};
    let (was, is) = (&old.sms_limits, &new.sms_limits);
    let rows: [(&'static str, SettingValue, SettingValue); 21] = [
        (
            "admin-two-step",
            TwoStep(old.two_step),
            TwoStep(new.two_step),
        ),
        (
            "admin-setting-require-for-admins",
            OnOff(old.require_for_admins),
            OnOff(new.require_for_admins),
        ),
        (
            "admin-setting-admins-use-passkeys",
            OnOff(old.admins_use_passkeys),
            OnOff(new.admins_use_passkeys),
        ),
        (
            "admin-setting-default-language",
            SettingValue::Language(old.default_language),
            SettingValue::Language(new.default_language),
        ),
        (
            "admin-setting-new-device-alerts",
            OnOff(old.new_device_alerts),
            OnOff(new.new_device_alerts),
        ),
        (
            "admin-setting-trusted-devices",
            AfterDays(old.trusted_device_days),
            AfterDays(new.trusted_device_days),
        ),
        (
            "admin-setting-users-choose-session",
            OnOff(old.users_choose_session_duration),
            OnOff(new.users_choose_session_duration),
        ),
        (
            "admin-setting-max-session",
            Duration(Some(old.max_session_secs)),
            Duration(Some(new.max_session_secs)),
        ),
        (
            "admin-setting-inactivity",
            Duration(old.inactivity_timeout_secs),
            Duration(new.inactivity_timeout_secs),
        ),
        (
            "admin-setting-reminder",
            OnOff(old.reminder),
            OnOff(new.reminder),
        ),
        (
            "admin-setting-open-registration",
            OnOff(old.open_registration),
            OnOff(new.open_registration),
        ),
        (
            "admin-setting-app-name",
            Text(old.app_name.clone()),
            Text(new.app_name.clone()),
        ),
        (
            "admin-setting-sms-countries",
            Countries(old.sms_allowed_countries.clone()),
            Countries(new.sms_allowed_countries.clone()),
        ),
        (
            "admin-setting-default-country",
            Country(old.default_country.clone()),
            Country(new.default_country.clone()),
        ),
        (
            "admin-setting-phone-sign-in",
            OnOff(old.phone_sign_in),
            OnOff(new.phone_sign_in),
        ),
        (
            "admin-setting-users-edit-profile",
            OnOff(old.users_edit_profile),
            OnOff(new.users_edit_profile),
        ),
        (
            "admin-setting-sms-daily-budget",
            Number(was.daily_budget),
            Number(is.daily_budget),
        ),
        (
            "admin-setting-sms-per-number",
            Number(was.per_number),
            Number(is.per_number),
        ),
        (
            "admin-setting-sms-per-address",
            Number(was.per_address),
            Number(is.per_address),
        ),
        (
            "admin-setting-sms-per-network",
            Number(was.per_network),
            Number(is.per_network),
        ),
        (
            "admin-setting-sms-per-country",
            Number(was.per_country),
            Number(is.per_country),
        ),
    ];
    rows.into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(setting, before, after)| Change {
            setting,
            before,
            after,
        })
        .collect()
}

impl Services {
    /// Saves the platform settings; each change is audited as "setting: old → new". This
    /// instance sees the new values at once, the others within seconds.
    #[tracing::instrument(name = "Save the platform settings", skip_all)]
    pub async fn save_platform_settings(
        &self,
        actor: Actor<'_>,
        new: &PlatformSettings,
        origin: &Origin,
    ) -> Result<Vec<Change>, DbError> {
        let mut tx = self.db.begin().await?;
        let old = load_platform_settings(&mut *tx).await?;
        let changed = changes(&old, new);
        if changed.is_empty() {
            return Ok(changed);
        }
        save_platform_settings(&mut *tx, new, self.clock.now()).await?;
        for change in &changed {
            // The audit log keeps what happened in English, as every event's detail.
            let detail = change.say(Language::English);
            self.admin_event(
                &mut tx,
                EventKind::PlatformSettingsChanged,
                actor,
                None,
                origin,
                Some(&detail),
            );
        }
        tx.commit().await?;
        self.platform.forget().await;
        Ok(changed)
    }
}
