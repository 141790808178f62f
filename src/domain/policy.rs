//! Who must use 2-step verification (PRODUCT.md, "Policy").

/// The platform setting "2-step verification".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PlatformTwoStep {
    /// Nobody is offered it.
    Off,
    /// Users choose (the default).
    #[default]
    Optional,
    /// Required for everyone.
    Required,
}

/// The platform-wide rules that bear on one user.
#[derive(Clone, Copy, Debug)]
pub struct PlatformPolicy {
    pub two_step: PlatformTwoStep,
    pub require_for_admins: bool,
}

impl Default for PlatformPolicy {
    fn default() -> Self {
        Self {
            two_step: PlatformTwoStep::Optional,
            require_for_admins: true,
        }
    }
}

impl PlatformPolicy {
    /// True when the user must use 2-step verification and so cannot turn it off.
    pub fn requires(&self, is_admin: bool) -> bool {
        self.two_step == PlatformTwoStep::Required || (is_admin && self.require_for_admins)
    }

    /// True when the user may turn 2-step verification on.
    pub fn offers(&self, is_admin: bool) -> bool {
        self.two_step != PlatformTwoStep::Off || self.requires(is_admin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_lets_users_choose() {
        let policy = PlatformPolicy::default();
        assert!(!policy.requires(false));
        assert!(policy.offers(false));
    }

    #[test]
    fn administrators_must_verify_by_default() {
        let policy = PlatformPolicy::default();
        assert!(policy.requires(true));
        let relaxed = PlatformPolicy {
            require_for_admins: false,
            ..policy
        };
        assert!(!relaxed.requires(true));
    }

    #[test]
    fn required_binds_everyone_and_off_offers_nothing_but_what_is_required() {
        let required = PlatformPolicy {
            two_step: PlatformTwoStep::Required,
            require_for_admins: false,
        };
        assert!(required.requires(false) && required.requires(true));
        let off = PlatformPolicy {
            two_step: PlatformTwoStep::Off,
            require_for_admins: false,
        };
        assert!(!off.offers(false) && !off.requires(false));
        let off_admins = PlatformPolicy {
            two_step: PlatformTwoStep::Off,
            require_for_admins: true,
        };
        assert!(off_admins.offers(true));
    }
}
