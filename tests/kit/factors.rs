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

impl Kit<'_> {
    /// Turns on an authenticator app for account `id` as the security settings do: the key
    /// shown, a code from it (computed by oathtool, the reference tool) typed back. Returns
    /// the key (base32) the person's app holds.
    pub async fn turn_on_app(&self, id: i64) -> String {
        let user = self.user(id).await;
        let shown = self
            .services
            .begin_app_setup(id, &user.email)
            .await
            .expect("the app's key is shown");
        let key: String = shown.grouped_key.split_whitespace().collect();
        let now = self.services.clock().now();
        match self
            .services
            .confirm_app(&user, &oathtool(&key, now), &home_of(id))
            .await
            .unwrap()
        {
            Ok(_) => key,
            Err(outcome) => panic!("the app's code was refused: {outcome:?}"),
        }
    }
}

/// A code for `key` (base32) at `unix_time`, computed by oathtool.
pub fn oathtool(key: &str, unix_time: i64) -> String {
    let output = std::process::Command::new("oathtool")
        .args(["--totp", "-b", key, &format!("--now=@{unix_time}")])
        .output()
        .expect("oathtool is installed (apt-get install oathtool)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}
