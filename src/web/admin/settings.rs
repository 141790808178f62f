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

use super::{Section, sections};
use crate::domain::language::Language;
use crate::domain::policy::PlatformTwoStep;
use crate::services::admin::{Actor, INACTIVITY, SESSION_DAYS, SettingsInput};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};

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
    form: SettingsInput,
    session_choices: Vec<Choice>,
    inactivity_choices: Vec<Choice>,
    language_choices: Vec<Choice>,
    saved: Vec<String>,
    /// Before "Required for everyone" is saved: (users without it, of them without a phone).
    preview: Option<(i64, i64)>,
    errors: FormErrors,
}

fn page(
    layout: Layout,
    form: SettingsInput,
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
            SettingsInput::of(&settings),
            saved,
            None,
            FormErrors::default(),
        ),
    )
}

#[tracing::instrument(name = "Save the security settings", skip_all)]
pub async fn save_settings(
    me: SignedIn,
    form: web::Form<SettingsInput>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let current = me.services().platform().await?;
    let new = match form.parse(&current) {
        Ok(new) => new,
        Err(problems) => {
            let errors = FormErrors::from_problems(&problems, layout.lang);
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
