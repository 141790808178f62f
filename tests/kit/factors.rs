//! Second factors as their owners turn them on in their security settings.

use twostep::services::factors::FactorOn;

use super::{Kit, home_of};

impl Kit<'_> {
    /// Turns on SMS 2-step verification for account `id` with `phone` as the security
    /// settings do: a code texted to the stand-in and typed back. The text, the audit
    /// events, the email and the first recovery codes are the product's own.
    pub async fn turn_on_sms(&self, id: i64, phone: &str) {
        let user = self.user(id).await;
        let home = home_of(id);
        self.services
            .send_phone_code(&user, phone, &home)
            .await
            .expect("a code to the new phone");
        let code = self.sms.last_code_to(phone);
        match self
            .services
            .verify_phone(&user, &code, &home)
            .await
            .unwrap()
        {
            Ok(FactorOn::Enabled { .. }) => {}
            Ok(FactorOn::PhoneChanged) => panic!("SMS was on already for user {id}"),
            Err(outcome) => panic!("the phone code was refused: {outcome:?}"),
        }
    }
}
