//! Accounts as the command line and the control center make and change them.

use secrecy::SecretString;
use twostep::db::users::User;
use twostep::domain::account::{normalise_email, normalise_name};
use twostep::services::account::{Confirmation, NewAccount};
use twostep::services::admin::{AccountChange, Actor};
use twostep::services::profile::ProfilePhone;

use super::{Kit, command_line, home_of};

impl Kit<'_> {
    /// A confirmed account with `password`, made as `twostep user create` makes it
    /// (audited as made on the command line); its id.
    pub async fn create_user(&self, email: &str, name: &str, password: &str, admin: bool) -> i64 {
        let account = NewAccount {
            name: normalise_name(name).expect("a name the portal accepts"),
            email: normalise_email(email).expect("an email the portal accepts"),
            password: SecretString::from(password.to_owned()),
        };
        self.services
            .create_user_from_command_line(&account, None, admin)
            .await
            .expect("creating a test user")
    }

    /// The account `id` as the use cases see it.
    pub async fn user(&self, id: i64) -> User {
        self.services
            .find_user(id)
            .await
            .unwrap()
            .expect("a user with this id")
    }

    /// The id of the account with `email`.
    pub async fn id_of(&self, email: &str) -> i64 {
        self.services
            .user_by_email(email)
            .await
            .unwrap()
            .expect("a user with this email")
            .id
    }

    /// Disables account `id` as `twostep user disable` does: every session ends, the user
    /// is emailed.
    pub async fn disable(&self, id: i64) {
        self.change_account(id, AccountChange::Disable).await;
    }

    /// Makes `change` to account `id` as `twostep user …` does.
    pub async fn change_account(&self, id: i64, change: AccountChange) {
        self.services
            .change_account(Actor::CommandLine, id, change, &command_line())
            .await
            .unwrap()
            .unwrap_or_else(|refusal| panic!("{change:?} refused: {refusal:?}"));
    }

    /// The profile phone number of account `id` as an administrator enters it: a number
    /// that can take codes, not verified.
    pub async fn set_profile_phone(&self, id: i64, phone: &str) {
        self.services
            .set_user_phone(Actor::CommandLine, id, phone, &command_line())
            .await
            .unwrap()
            .expect("a profile number an administrator may enter");
    }

    /// The profile phone number of account `id` as its owner changes it on the profile:
    /// a code texted to `phone`, typed back; the number is then verified.
    pub async fn verify_profile_phone(&self, id: i64, phone: &str) {
        let user = self.user(id).await;
        let home = home_of(id);
        self.services
            .send_profile_phone_code(&user, phone, &home)
            .await
            .expect("a code to the new profile number")
            .expect("users may edit their profile");
        let code = self.sms.last_code_to(phone);
        match self
            .services
            .verify_profile_phone(&user, &code, &home)
            .await
            .unwrap()
        {
            ProfilePhone::Changed => {}
            ProfilePhone::NotAllowed => panic!("users may not edit their profile"),
            ProfilePhone::Failed(outcome) => panic!("the profile code was refused: {outcome:?}"),
        }
    }

    /// Confirms an address with the token of the link the portal emailed (`link_in_eml`
    /// finds it) and the password chosen at registration, as opening that link does.
    pub async fn confirm_email(&self, token: &str, password: &str) {
        let confirmed = self
            .services
            .confirm_email(token, SecretString::from(password), &command_line())
            .await
            .unwrap();
        assert!(
            matches!(confirmed, Confirmation::Confirmed(_)),
            "a live confirmation link and the registration's password"
        );
    }
}
