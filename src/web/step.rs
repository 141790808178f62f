//! "Step 2 of 3": where a set-up is, shown above its heading by the `step` macro of
//! `templates/partials/components.html`.

use serde::{Deserialize, Serialize};

use crate::db::users::User;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub number: u8,
    pub of: u8,
}

/// Step `number` of turning on text messages: the number, the code, then on a first set-up
/// the recovery codes. Changing the number is no set-up, so it has no steps.
pub fn sms_set_up(user: &User, number: u8) -> Option<Step> {
    if user.sms_phone().is_some() {
        return None;
    }
    let of = if user.has_two_step() { 2 } else { 3 };
    Some(Step { number, of })
}

/// Step `number` of a first set-up with an authenticator app: the app, then the recovery
/// codes. Replacing the app, or adding it beside text messages, is one page.
pub fn app_set_up(user: &User, number: u8) -> Option<Step> {
    (!user.has_two_step()).then_some(Step { number, of: 2 })
}
