//! The platform settings and groups, as an administrator saves them.

use twostep::domain::policy::{GroupMethods, GroupSetting, GroupTwoStep, PlatformSettings};
use twostep::services::admin::Actor;

use super::{Kit, command_line};

impl Kit<'_> {
    /// Saves the platform settings as the control center does, with `change` applied to
    /// the current ones (audited; this portal sees them at once).
    pub async fn set_platform(&self, change: impl FnOnce(&mut PlatformSettings)) {
        let mut settings = self.services.platform().await.unwrap();
        change(&mut settings);
        self.services
            .save_platform_settings(Actor::CommandLine, &settings, &command_line())
            .await
            .unwrap();
    }

    /// A group whose "2-step verification for members" is `rule` ("allowed",
    /// "not_available", "required") with `grace_days`; its id.
    pub async fn create_group(&self, name: &str, rule: &str, grace_days: Option<i64>) -> i64 {
        self.create_group_with_methods(name, rule, "any", grace_days)
            .await
    }

    /// A group as `create_group` makes it, with "Methods members may use" `methods`
    /// ("any", "passkeys_only").
    pub async fn create_group_with_methods(
        &self,
        name: &str,
        rule: &str,
        methods: &str,
        grace_days: Option<i64>,
    ) -> i64 {
        let setting = GroupSetting {
            two_step: GroupTwoStep::parse(rule).expect("a group rule"),
            methods: GroupMethods::parse(methods).expect("a methods setting"),
            grace_days,
        };
        let id = self
            .services
            .create_group(Actor::CommandLine, name, &command_line())
            .await
            .unwrap()
            .expect("a new group name");
        self.services
            .set_group_rule(Actor::CommandLine, id, setting, &command_line())
            .await
            .unwrap()
            .expect("the group exists");
        id
    }

    /// Adds the account with `email` to group `group`, as its members page does.
    pub async fn add_member(&self, group: i64, email: &str) {
        self.services
            .add_group_member(Actor::CommandLine, group, email, &command_line())
            .await
            .unwrap()
            .expect("the group and the account exist");
    }
}
