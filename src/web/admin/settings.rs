//! Security settings (`/admin/security`): every platform control PRODUCT.md names, in
//! sections (2-step verification; sessions and devices; accounts and registration; the
//! app's name; text messages and limits). A setting that depends on a switch is shown while
//! the switch is on (`static/reveal.js`; without the script every setting is shown). Saving
//! says what changed; making 2-step verification required for everyone first shows, beside
//! the button that confirms it, who would have to set it up (unless that is nobody).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{Section, sections};
use crate::domain::language::Language;
use crate::domain::policy::{
    APP_NAME_MAX, PlatformSettings, PlatformTwoStep, SmsLimits, app_name_fits, countries_to_text,
};
use crate::services::admin::Actor;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};

/// "Longest session users may choose", in days.
const SESSION_DAYS: [i64; 6] = [1, 7, 14, 30, 60, 90];
/// "Sign out after inactivity": minutes, or never.
const INACTIVITY: [Option<i64>; 6] = [
    None,
    Some(15),
    Some(30),
    Some(60),
    Some(8 * 60),
    Some(24 * 60),
];
/// The largest number any SMS limit may be set to.
const SMS_LIMIT_MAX: i64 = 1_000_000;
/// What was saved, shown once on the next page (a redirect follows every save).
const SAVED_KEY: &str = "admin_saved_changes";

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "admin/security.html")]
struct SettingsPage {
    layout: Layout,
    sections: Vec<Section>,
    form: SettingsForm,
    session_choices: Vec<Choice>,
    inactivity_choices: Vec<Choice>,
    language_choices: Vec<Choice>,
    saved: Vec<String>,
    /// Before "Required for everyone" is saved: (users without it, of them without a phone).
    preview: Option<(i64, i64)>,
    errors: FormErrors,
}

/// The form as submitted (checkboxes absent when unticked), and as first shown.
#[derive(Deserialize, Clone)]
pub struct SettingsForm {
    #[serde(default)]
    two_step: String,
    require_for_admins: Option<String>,
    admins_use_passkeys: Option<String>,
    new_device_alerts: Option<String>,
    /// "Default language": absent from the form, it keeps its value.
    default_language: Option<String>,
    #[serde(default)]
    trusted_devices: String,
    users_choose_session: Option<String>,
    #[serde(default)]
    max_session_days: String,
    #[serde(default)]
    inactivity_minutes: String,
    reminder: Option<String>,
    open_registration: Option<String>,
    #[serde(default)]
    app_name: String,
    #[serde(default)]
    sms_countries: String,
    /// "Default country for phone numbers": absent from the form, it keeps its value.
    default_country: Option<String>,
    phone_sign_in: Option<String>,
    users_edit_profile: Option<String>,
    /// The SMS limits: a field the form does not carry at all keeps its current value.
    sms_daily_budget: Option<String>,
    sms_per_number: Option<String>,
    sms_per_address: Option<String>,
    sms_per_network: Option<String>,
    sms_per_country: Option<String>,
    /// "yes" once the enforcement preview was shown and accepted.
    confirmed: Option<String>,
}

fn tick(on: bool) -> Option<String> {
    on.then(|| "yes".to_owned())
}

impl SettingsForm {
    fn of(settings: &PlatformSettings) -> Self {
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

    /// The settings the form asks for, or what is wrong with it (in `lang`).
    fn parse(
        &self,
        current: &PlatformSettings,
        lang: Language,
    ) -> Result<PlatformSettings, FormErrors> {
        let mut errors = FormErrors::default();
        let two_step = match self.two_step.as_str() {
            "off" => PlatformTwoStep::Off,
            "optional" => PlatformTwoStep::Optional,
            "required" => PlatformTwoStep::Required,
            _ => {
                errors.add("two_step", lang.t("admin-settings-choose-two-step"));
                PlatformTwoStep::Optional
            }
        };
        let trusted_device_days = match self.trusted_devices.as_str() {
            "30" => Some(30),
            "never" => None,
            _ => {
                errors.add("trusted_devices", lang.t("admin-settings-choose-trusted"));
                None
            }
        };
        let max_session_days = self
            .max_session_days
            .parse::<i64>()
            .ok()
            .filter(|d| SESSION_DAYS.contains(d));
        if max_session_days.is_none() {
            errors.add("max_session_days", lang.t("admin-settings-choose-session"));
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
            errors.add(
                "inactivity_minutes",
                lang.t("admin-settings-choose-inactivity"),
            );
        }
        let app_name = self.app_name.trim();
        if app_name.is_empty() {
            errors.add("app_name", lang.t("admin-settings-app-name-missing"));
        } else if !app_name_fits(app_name) {
            let message = lang
                .tr("admin-settings-app-name-too-long")
                .num("max", APP_NAME_MAX);
            errors.add("app_name", message);
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
                errors.add("sms_countries", lang.t("admin-settings-countries-invalid"));
                break;
            }
        }
        // `invalid`: the message id of the refusal, naming the limit.
        let mut limit = |field: &'static str, typed: &Option<String>, kept: i64, invalid: &str| {
            let Some(typed) = typed else {
                return kept;
            };
            let value = typed
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=SMS_LIMIT_MAX).contains(n));
            if value.is_none() {
                errors.add(field, lang.tr(invalid).num("max", SMS_LIMIT_MAX));
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
                    errors.add("default_country", lang.t("admin-settings-country-invalid"));
                    None
                }
            }
        };
        let default_language = match self.default_language.as_deref() {
            None => current.default_language,
            Some(code) => Language::parse(code).unwrap_or_else(|| {
                errors.add("default_language", lang.t("admin-settings-choose-language"));
                current.default_language
            }),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PlatformSettings {
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

fn page(
    layout: Layout,
    form: SettingsForm,
    saved: Vec<String>,
    preview: Option<(i64, i64)>,
    errors: FormErrors,
) -> SettingsPage {
    let lang = layout.lang;
    let session_choices = SESSION_DAYS
        .iter()
        .map(|days| Choice {
            value: days.to_string(),
            label: lang.tr("days").count(days).to_string(),
            selected: form.max_session_days == days.to_string(),
        })
        .collect();
    let inactivity_choices = INACTIVITY
        .iter()
        .map(|minutes| {
            let value = minutes.map_or_else(|| "never".to_owned(), |m| m.to_string());
            let label = match minutes {
                None => lang.t("admin-never"),
                Some(m) if m % 60 == 0 => lang.tr("hours").count(m / 60).to_string(),
                Some(m) => lang.tr("minutes").count(m).to_string(),
            };
            Choice {
                selected: form.inactivity_minutes == value,
                value,
                label,
            }
        })
        .collect();
    let language_choices = Language::ALL
        .into_iter()
        .map(|language| Choice {
            value: language.code().to_owned(),
            label: language.own_name().to_owned(),
            selected: form.default_language.as_deref() == Some(language.code()),
        })
        .collect();
    SettingsPage {
        layout,
        sections: sections("/admin/security"),
        form,
        session_choices,
        inactivity_choices,
        language_choices,
        saved,
        preview,
        errors,
    }
}

pub async fn settings_page(
    me: SignedIn,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let settings = me.services().platform().await?;
    let saved: Vec<String> = session.get(SAVED_KEY).ok().flatten().unwrap_or_default();
    session.remove(SAVED_KEY);
    render(
        StatusCode::OK,
        &page(
            layout,
            SettingsForm::of(&settings),
            saved,
            None,
            FormErrors::default(),
        ),
    )
}

#[tracing::instrument(name = "Save the security settings", skip_all)]
pub async fn save_settings(
    me: SignedIn,
    form: web::Form<SettingsForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let current = me.services().platform().await?;
    let new = match form.parse(&current, layout.lang) {
        Ok(new) => new,
        Err(errors) => {
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(layout, form, Vec::new(), None, errors),
            );
        }
    };
    // Requiring it of everyone is asked first, with who it concerns; when it concerns
    // nobody (everyone uses it already), there is nothing to warn of.
    if new.two_step == PlatformTwoStep::Required
        && current.two_step != PlatformTwoStep::Required
        && form.confirmed.as_deref() != Some("yes")
        && let preview = me
            .services()
            .enforcement_preview(None, &new.sms_allowed_countries)
            .await?
        && preview.0 > 0
    {
        let mut form = form;
        form.confirmed = Some("yes".into());
        return render(
            StatusCode::OK,
            &page(
                layout,
                form,
                Vec::new(),
                Some(preview),
                FormErrors::default(),
            ),
        );
    }
    let saved = me
        .services()
        .save_platform_settings(Actor::Admin(&me.user), &new, &me.origin)
        .await?;
    let lines: Vec<String> = if saved.is_empty() {
        vec![layout.lang.t("admin-settings-nothing-changed")]
    } else {
        saved.iter().map(|c| c.say(layout.lang)).collect()
    };
    session
        .insert(SAVED_KEY, lines)
        .map_err(|err| AppError::Unexpected(anyhow::anyhow!("storing the session: {err}")))?;
    Ok(see_other("/admin/security"))
}
