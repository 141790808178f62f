//! The "Phone number" page of phone sign-in, phone registration and the profile, and how
//! the number typed on it is read.

use askama::Template;
use serde::Deserialize;

use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::state::AppState;

/// A link under a form.
pub struct Link {
    pub href: &'static str,
    pub label: &'static str,
}

/// The "Phone number" page of phone sign-in, phone registration and the profile.
#[derive(Template)]
#[template(path = "phone_number.html")]
pub struct PhoneNumberPage {
    pub layout: Layout,
    pub title: &'static str,
    pub intro: &'static str,
    pub action: &'static str,
    pub phone: String,
    pub links: Vec<Link>,
    pub errors: FormErrors,
}

#[derive(Deserialize)]
pub struct PhoneForm {
    #[serde(default)]
    pub phone: String,
}

/// The longest phone number field accepted (a real one is far shorter).
pub const PHONE_MAX: usize = 64;

/// The typed number in E.164, or what was typed (bounded) and what is wrong with it.
pub async fn read_phone(
    state: &AppState,
    typed: &str,
) -> Result<Result<String, (String, FormErrors)>, AppError> {
    let typed = typed.trim();
    let problem = if typed.is_empty() {
        "Enter your phone number.".to_owned()
    } else if typed.len() > PHONE_MAX {
        "This is not a valid phone number. Check the country code and the digits.".to_owned()
    } else {
        match state.services.sms_number(typed).await? {
            Ok(phone) => return Ok(Ok(phone)),
            Err(problem) => problem.to_string(),
        }
    };
    let mut errors = FormErrors::default();
    errors.add("phone", problem);
    Ok(Err((typed.chars().take(PHONE_MAX).collect(), errors)))
}
