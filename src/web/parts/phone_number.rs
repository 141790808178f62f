//! The "Phone number" page of phone sign-in, phone registration and the profile, and how
//! the number typed on it is read.

use askama::Template;
use serde::Deserialize;

use crate::domain::language::Language;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::state::AppState;

/// A link under a form; `label` is a message id.
pub struct Link {
    pub href: &'static str,
    pub label: &'static str,
}

/// The "Phone number" page of phone sign-in, phone registration and the profile. `title`,
/// `intro` and the links' labels are message ids, said in the page's language.
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

impl PhoneNumberPage {
    /// The field's hint, with the example of the platform's default country when numbers
    /// may be typed in its own way.
    fn hint(&self) -> String {
        let lang = self.layout.lang;
        let example = match &self.layout.phone_example {
            Some((national, international)) => lang
                .tr("phone-example-national")
                .arg("national", national)
                .arg("international", international)
                .to_string(),
            None => lang.t("phone-example-international"),
        };
        lang.tr("public-phone-hint")
            .arg("example", example)
            .to_string()
    }
}

/// The longest phone number field accepted (a real one is far shorter).
pub const PHONE_MAX: usize = 64;

/// The typed number in E.164, or what was typed (bounded) and what is wrong with it (in
/// `language`).
pub async fn read_phone(
    state: &AppState,
    typed: &str,
    language: Language,
) -> Result<Result<String, (String, FormErrors)>, AppError> {
    let typed = typed.trim();
    let problem = if typed.is_empty() {
        language.t("public-phone-empty")
    } else if typed.len() > PHONE_MAX {
        language.t("public-phone-invalid")
    } else {
        match state.services.sms_number(typed).await? {
            Ok(phone) => return Ok(Ok(phone)),
            Err(problem) => problem.say(language),
        }
    };
    let mut errors = FormErrors::default();
    errors.add("phone", problem);
    Ok(Err((typed.chars().take(PHONE_MAX).collect(), errors)))
}
