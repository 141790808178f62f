//! The platform settings and who must use 2-step verification (PRODUCT.md, "Policy").
//! One type for the settings every instance reads; the rules over it are plain functions.

use crate::domain::language::Language;
use crate::domain::phone::{PhoneProblem, normalise_sms_phone};

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

impl PlatformTwoStep {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Optional => "optional",
            Self::Required => "required",
        }
    }

    /// Reads the stored spelling; anything else is the safe default.
    pub fn parse(text: &str) -> Self {
        match text {
            "off" => Self::Off,
            "required" => Self::Required,
            _ => Self::Optional,
        }
    }
}

/// The platform security settings, as stored in their one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformSettings {
    pub two_step: PlatformTwoStep,
    pub require_for_admins: bool,
    /// "Administrators must use passkeys": their second step is a passkey only.
    pub admins_use_passkeys: bool,
    /// Days a trusted device stays trusted; `None`: until removed.
    pub trusted_device_days: Option<i64>,
    pub users_choose_session_duration: bool,
    /// The longest a user may choose to stay signed in.
    pub max_session_secs: i64,
    /// Sessions unused this long end; `None`: no limit.
    pub inactivity_timeout_secs: Option<i64>,
    /// The name in pages, messages and emails.
    pub app_name: String,
    /// ISO 3166 country codes SMS may be sent to; empty allows all.
    pub sms_allowed_countries: Vec<String>,
    /// The country whose national format phone numbers may be typed in ("SE"); `None`: see
    /// `phone_country`.
    pub default_country: Option<String>,
    /// The reminder dialog for users without 2-step verification (rule 5).
    pub reminder: bool,
    /// "Let people create their own accounts": off closes `/register`.
    pub open_registration: bool,
    /// "Allow registration and sign-in with a phone number" (rule 6).
    pub phone_sign_in: bool,
    /// "Users can edit their profile" (rule 7): off, only administrators set the phone.
    pub users_edit_profile: bool,
    /// The daily limits on texts to numbers no account has verified.
    pub sms_limits: SmsLimits,
    /// "Email users when they sign in from a new device".
    pub new_device_alerts: bool,
    /// "Default language": for requests that name no language the portal speaks.
    pub default_language: super::language::Language,
}

/// Texts to numbers no account has verified (registration, phone sign-in to an unknown
/// number, enrolment, a profile change) that may go out per UTC day: platform-wide (the
/// budget), and per number, client address, network (/24 or /48) and country calling code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SmsLimits {
    pub daily_budget: i64,
    pub per_number: i64,
    pub per_address: i64,
    pub per_network: i64,
    pub per_country: i64,
}

impl Default for SmsLimits {
    fn default() -> Self {
        Self {
            daily_budget: 1_000,
            per_number: 5,
            per_address: 10,
            per_network: 20,
            per_country: 100,
        }
    }
}

impl PlatformSettings {
    /// The country whose national format phone numbers are read in: the one set, else the
    /// only country SMS may be sent to, else none (numbers start with their country code).
    pub fn phone_country(&self) -> Option<&str> {
        match (&self.default_country, self.sms_allowed_countries.as_slice()) {
            (Some(country), _) => Some(country),
            (None, [only]) => Some(only),
            _ => None,
        }
    }

    /// A number typed by a person, read as a number text messages may be sent to.
    pub fn sms_phone(&self, typed: &str) -> Result<String, PhoneProblem> {
        normalise_sms_phone(typed, &self.sms_allowed_countries, self.phone_country())
    }
}

impl Default for PlatformSettings {
    fn default() -> Self {
        Self {
            two_step: PlatformTwoStep::Optional,
            require_for_admins: true,
            admins_use_passkeys: false,
            trusted_device_days: Some(30),
            users_choose_session_duration: true,
            max_session_secs: 60 * 86_400,
            inactivity_timeout_secs: None,
            app_name: "Twostep".into(),
            sms_allowed_countries: Vec::new(),
            default_country: None,
            reminder: false,
            open_registration: true,
            phone_sign_in: false,
            users_edit_profile: true,
            default_language: super::language::Language::English,
            new_device_alerts: true,
            sms_limits: SmsLimits::default(),
        }
    }
}

/// A group's setting "2-step verification for members".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GroupTwoStep {
    /// Members follow the platform (the default).
    #[default]
    Allowed,
    /// Members cannot turn it on (unless something else requires it of them).
    NotAvailable,
    /// Members must use it, after the group's grace period.
    Required,
}

impl GroupTwoStep {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allowed => "allowed",
            Self::NotAvailable => "not_available",
            Self::Required => "required",
        }
    }

    /// Reads a stored or submitted spelling.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "allowed" => Some(Self::Allowed),
            "not_available" => Some(Self::NotAvailable),
            "required" => Some(Self::Required),
            _ => None,
        }
    }

    /// The words the control center shows: a message id.
    pub fn label(self) -> &'static str {
        match self {
            Self::Allowed => "admin-group-allowed",
            Self::NotAvailable => "admin-group-not-available",
            Self::Required => "admin-group-required",
        }
    }
}

/// A group's setting "Methods members may use" (PRODUCT.md, "Passkeys and security keys").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GroupMethods {
    /// Any method the platform offers (the default).
    #[default]
    Any,
    /// Members who use or must use 2-step verification use passkeys, after the group's
    /// grace period.
    PasskeysOnly,
}

impl GroupMethods {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Any => "any",
            Self::PasskeysOnly => "passkeys_only",
        }
    }

    /// Reads a stored or submitted spelling.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "any" => Some(Self::Any),
            "passkeys_only" => Some(Self::PasskeysOnly),
            _ => None,
        }
    }

    /// The words the control center shows: a message id.
    pub fn label(self) -> &'static str {
        match self {
            Self::Any => "admin-group-any-method",
            Self::PasskeysOnly => "admin-group-passkeys-only",
        }
    }
}

/// A group's rule as the control center sets it: "2-step verification for members",
/// "Methods members may use" and the grace period both count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupSetting {
    pub two_step: GroupTwoStep,
    pub methods: GroupMethods,
    pub grace_days: Option<i64>,
}

impl GroupSetting {
    /// True when the group asks something of its members that a grace period delays
    /// (and whose start is recorded per member).
    pub fn holds_members(self) -> bool {
        self.two_step == GroupTwoStep::Required || self.methods == GroupMethods::PasskeysOnly
    }
}

/// A group's grace period in words: "none", "1 day", "7 days".
fn grace_label(days: Option<i64>, lang: Language) -> String {
    match days {
        None => lang.t("admin-setting-none"),
        Some(days) => lang.tr("days").count(days).to_string(),
    }
}

/// What a change of a group's rule, methods and grace period really changed, in `lang`,
/// for the audit log: each part that differs, and nothing that did not ("2-step
/// verification for members: Allowed → Required; grace period: none → 7 days"). `None`
/// when nothing changed.
pub fn group_rule_change(
    before: GroupSetting,
    after: GroupSetting,
    lang: Language,
) -> Option<String> {
    let change = |id: &str, before: String, after: String| {
        lang.tr(id)
            .arg("before", before)
            .arg("after", after)
            .to_string()
    };
    let mut parts = Vec::new();
    if before.two_step != after.two_step {
        parts.push(change(
            "admin-rule-change-two-step",
            lang.t(before.two_step.label()),
            lang.t(after.two_step.label()),
        ));
    }
    if before.methods != after.methods {
        parts.push(change(
            "admin-rule-change-methods",
            lang.t(before.methods.label()),
            lang.t(after.methods.label()),
        ));
    }
    if before.grace_days != after.grace_days {
        parts.push(change(
            "admin-rule-change-grace",
            grace_label(before.grace_days, lang),
            grace_label(after.grace_days, lang),
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// One of a user's groups, as the policy reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupRule {
    pub two_step: GroupTwoStep,
    /// "Methods members may use".
    pub methods: GroupMethods,
    /// Days a member has to set up once required; `None` or 0: none.
    pub grace_days: Option<i64>,
    /// When this group's requirement (2-step verification or passkeys) first applied to
    /// the member (Unix seconds).
    pub required_since: Option<i64>,
}

/// What the policy asks of one user (PRODUCT.md, "Policy", rule 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// 2-step verification is not offered: it cannot be turned on (a user who already
    /// uses it keeps it and may turn it off).
    NotOffered,
    /// The user chooses.
    Optional,
    /// The user must use it: set up at once, or by `deadline` (Unix seconds) while a grace
    /// period lasts.
    Required { deadline: Option<i64> },
}

impl Requirement {
    pub fn is_required(self) -> bool {
        matches!(self, Self::Required { .. })
    }

    /// True when the user may turn 2-step verification on.
    pub fn offers(self) -> bool {
        !matches!(self, Self::NotOffered)
    }

    /// Whole days left to set up at `now`, while a grace period lasts (rounded up).
    pub fn grace_days_left(self, now: i64) -> Option<i64> {
        match self {
            Self::Required { deadline } => days_left(deadline, now),
            _ => None,
        }
    }
}

/// Whole days left before `deadline` at `now`, rounded up; `None` when there is none or
/// it has passed.
fn days_left(deadline: Option<i64>, now: i64) -> Option<i64> {
    deadline
        .filter(|deadline| *deadline > now)
        .map(|deadline| (deadline - now + 86_399) / 86_400)
}

/// The deadlines of groups' grace periods, folded: `Some(None)` when one has no grace
/// period (due at once), else the earliest end; `None` when no group holds the user.
fn earliest_deadline<'a>(
    groups: impl Iterator<Item = &'a GroupRule>,
    now: i64,
) -> Option<Option<i64>> {
    let mut due: Option<Option<i64>> = None;
    for group in groups {
        let end = group
            .grace_days
            .filter(|days| *days > 0)
            .map(|days| group.required_since.unwrap_or(now) + days * 86_400);
        due = Some(match (due, end) {
            (Some(None), _) | (_, None) => None,
            (Some(Some(earlier)), Some(end)) => Some(earlier.min(end)),
            (None, Some(end)) => Some(end),
        });
    }
    due
}

/// The requirement for a user from the platform setting, all their groups and whether
/// they are an administrator. Required anywhere wins over Not available anywhere; a
/// requirement with no grace period (the platform's, the administrators', or a group's
/// without one) is due at once, and otherwise the earliest grace deadline applies.
/// A grace period whose start was not recorded counts from `now`.
pub fn requirement(
    platform: &PlatformSettings,
    is_admin: bool,
    groups: &[GroupRule],
    now: i64,
) -> Requirement {
    let at_once =
        platform.two_step == PlatformTwoStep::Required || (is_admin && platform.require_for_admins);
    let groups_due = earliest_deadline(
        groups
            .iter()
            .filter(|g| g.two_step == GroupTwoStep::Required),
        now,
    );
    if at_once {
        return Requirement::Required { deadline: None };
    }
    if let Some(deadline) = groups_due {
        return Requirement::Required { deadline };
    }
    let not_available = groups
        .iter()
        .any(|g| g.two_step == GroupTwoStep::NotAvailable);
    if platform.two_step == PlatformTwoStep::Off || not_available {
        Requirement::NotOffered
    } else {
        Requirement::Optional
    }
}

/// What the policy asks of one user's methods (PRODUCT.md, "Passkeys and security keys").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodsRule {
    /// Any method 2-step verification offers.
    Any,
    /// Held to passkeys: without one, the user adds one at once, or by `deadline` (Unix
    /// seconds) while a grace period lasts; with one, the second step is a passkey only.
    PasskeysOnly { deadline: Option<i64> },
}

impl MethodsRule {
    pub fn passkeys_only(self) -> bool {
        matches!(self, Self::PasskeysOnly { .. })
    }
}

/// The methods rule for a user: it applies to those who use (`uses_two_step`) or must
/// use 2-step verification, and holds them to passkeys when the platform asks it of
/// administrators and they are one (at once), or any of their groups allows passkeys only
/// (after its grace period, counted as for Required; a group without one: at once).
pub fn methods_rule(
    platform: &PlatformSettings,
    is_admin: bool,
    groups: &[GroupRule],
    uses_two_step: bool,
    now: i64,
) -> MethodsRule {
    if !uses_two_step && !requirement(platform, is_admin, groups, now).is_required() {
        return MethodsRule::Any;
    }
    if is_admin && platform.admins_use_passkeys {
        return MethodsRule::PasskeysOnly { deadline: None };
    }
    let passkeys_only = groups
        .iter()
        .filter(|g| g.methods == GroupMethods::PasskeysOnly);
    match earliest_deadline(passkeys_only, now) {
        Some(deadline) => MethodsRule::PasskeysOnly { deadline },
        None => MethodsRule::Any,
    }
}

/// What a signed-in user owes before anything else: 2-step verification set up, or a
/// passkey added (or both: a passkey is then the only method offered).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetUpOwed {
    /// A passkey is what must be added.
    pub passkey: bool,
    /// Due by then while a grace period lasts (Unix seconds); `None`: at once.
    pub deadline: Option<i64>,
}

impl SetUpOwed {
    /// Whole days left at `now`, while a grace period lasts (rounded up).
    pub fn grace_days_left(self, now: i64) -> Option<i64> {
        days_left(self.deadline, now)
    }
}

/// What `requirement` and `methods` ask of a user who has 2-step verification on or not
/// and passkeys or not; `None`: nothing. The earlier due date of the two counts.
pub fn set_up_owed(
    requirement: Requirement,
    methods: MethodsRule,
    has_two_step: bool,
    has_passkey: bool,
) -> Option<SetUpOwed> {
    let two_step = match requirement {
        Requirement::Required { deadline } if !has_two_step => Some(deadline),
        _ => None,
    };
    let passkey = match methods {
        MethodsRule::PasskeysOnly { deadline } if !has_passkey => Some(deadline),
        MethodsRule::PasskeysOnly { .. } | MethodsRule::Any => None,
    };
    let deadline = match (two_step, passkey) {
        (None, None) => return None,
        (Some(one), None) | (None, Some(one)) => one,
        (Some(a), Some(b)) => a.zip(b).map(|(a, b)| a.min(b)),
    };
    Some(SetUpOwed {
        passkey: passkey.is_some(),
        deadline,
    })
}

/// The longest app name, in characters.
pub const APP_NAME_MAX: usize = 60;

/// Whether `name` can be the app name (the name in pages, texts, emails and the sender
/// of emails): not blank, at most `APP_NAME_MAX` characters, on one line.
pub fn app_name_fits(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty() && name.chars().count() <= APP_NAME_MAX && !name.chars().any(char::is_control)
}

/// "SE,NO" as stored <-> the list.
pub fn countries_from_text(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

pub fn countries_to_text(countries: &[String]) -> String {
    countries.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;
    const NOW: i64 = 1_800_000_000;

    fn setting(two_step: GroupTwoStep, methods: GroupMethods, grace: Option<i64>) -> GroupSetting {
        GroupSetting {
            two_step,
            methods,
            grace_days: grace,
        }
    }

    #[test]
    fn a_rule_change_names_only_what_changed() {
        use GroupMethods::{Any, PasskeysOnly};
        use GroupTwoStep::{Allowed, NotAvailable, Required};
        assert_eq!(
            group_rule_change(
                setting(Allowed, Any, None),
                setting(Required, Any, Some(7)),
                Language::English
            )
            .as_deref(),
            Some(
                "2-step verification for members: Allowed → Required; grace period: none → 7 days"
            )
        );
        assert_eq!(
            group_rule_change(
                setting(Required, Any, Some(7)),
                setting(Required, Any, Some(1)),
                Language::English
            )
            .as_deref(),
            Some("grace period: 7 days → 1 day")
        );
        assert_eq!(
            group_rule_change(
                setting(Allowed, Any, None),
                setting(NotAvailable, Any, None),
                Language::English
            )
            .as_deref(),
            Some("2-step verification for members: Allowed → Not available")
        );
        assert_eq!(
            group_rule_change(
                setting(Required, Any, Some(3)),
                setting(Required, PasskeysOnly, Some(3)),
                Language::English
            )
            .as_deref(),
            Some("methods: Any method → Passkeys only")
        );
        assert_eq!(
            group_rule_change(
                setting(Allowed, PasskeysOnly, None),
                setting(Required, Any, Some(2)),
                Language::English
            )
            .as_deref(),
            Some(
                "2-step verification for members: Allowed → Required; methods: Passkeys only → Any method; grace period: none → 2 days"
            )
        );
        assert_eq!(
            group_rule_change(
                setting(Required, PasskeysOnly, Some(3)),
                setting(Required, PasskeysOnly, Some(3)),
                Language::English
            ),
            None
        );
        assert!(setting(Allowed, PasskeysOnly, None).holds_members());
        assert!(setting(Required, Any, None).holds_members());
        assert!(!setting(NotAvailable, Any, None).holds_members());
    }

    fn group(two_step: GroupTwoStep, grace_days: Option<i64>, since: Option<i64>) -> GroupRule {
        GroupRule {
            two_step,
            methods: GroupMethods::Any,
            grace_days,
            required_since: since,
        }
    }

    fn passkeys_only(
        two_step: GroupTwoStep,
        grace_days: Option<i64>,
        since: Option<i64>,
    ) -> GroupRule {
        GroupRule {
            methods: GroupMethods::PasskeysOnly,
            ..group(two_step, grace_days, since)
        }
    }

    /// Who is held to passkeys: platform, administrator, groups, uses 2-step verification
    /// -> methods rule.
    #[test]
    fn the_passkey_table() {
        use GroupTwoStep::{Allowed, NotAvailable, Required as GroupRequired};
        use MethodsRule::{Any, PasskeysOnly as Only};
        use PlatformTwoStep::{Off, Optional, Required};
        let any = group(Allowed, None, None);
        let only_now = passkeys_only(Allowed, None, Some(NOW - DAY));
        let only_7 = passkeys_only(Allowed, Some(7), Some(NOW - DAY));
        let only_3 = passkeys_only(Allowed, Some(3), Some(NOW - 2 * DAY));
        let only_unstarted = passkeys_only(Allowed, Some(5), None);
        let only_over = passkeys_only(Allowed, Some(2), Some(NOW - 3 * DAY));
        let required_only_7 = passkeys_only(GroupRequired, Some(7), Some(NOW - DAY));
        let not_available_only = passkeys_only(NotAvailable, None, Some(NOW - DAY));
        let required_grace = group(GroupRequired, Some(7), Some(NOW - DAY));
        #[rustfmt::skip]
        type Case<'a> = (PlatformTwoStep, bool, bool, &'a [GroupRule], bool, MethodsRule);
        let cases: &[Case] = &[
            // platform, admin, admins use passkeys, groups, uses 2-step => rule
            (Optional, false, false, &[], true, Any),
            (Optional, false, false, &[any], true, Any),
            (
                Optional,
                false,
                false,
                &[only_now],
                true,
                Only { deadline: None },
            ),
            // Only those who use or must use 2-step verification are held.
            (Optional, false, false, &[only_now], false, Any),
            (Off, false, false, &[only_now], false, Any),
            (
                Required,
                false,
                false,
                &[only_now],
                false,
                Only { deadline: None },
            ),
            (
                Optional,
                false,
                false,
                &[only_now, required_grace],
                false,
                Only { deadline: None },
            ),
            (
                Optional,
                false,
                false,
                &[required_only_7],
                false,
                Only {
                    deadline: Some(NOW + 6 * DAY),
                },
            ),
            (
                Optional,
                false,
                false,
                &[not_available_only],
                true,
                Only { deadline: None },
            ),
            // The grace period counts as for Required: from its start, the earliest wins,
            // one without grace is due at once.
            (
                Optional,
                false,
                false,
                &[only_7],
                true,
                Only {
                    deadline: Some(NOW + 6 * DAY),
                },
            ),
            (
                Optional,
                false,
                false,
                &[only_unstarted],
                true,
                Only {
                    deadline: Some(NOW + 5 * DAY),
                },
            ),
            (
                Optional,
                false,
                false,
                &[only_7, only_3],
                true,
                Only {
                    deadline: Some(NOW + DAY),
                },
            ),
            (
                Optional,
                false,
                false,
                &[only_7, only_now],
                true,
                Only { deadline: None },
            ),
            (
                Optional,
                false,
                false,
                &[any, only_over],
                true,
                Only {
                    deadline: Some(NOW - DAY),
                },
            ),
            // Administrators: at once when the platform asks it and 2-step applies to them.
            (Optional, true, true, &[], false, Only { deadline: None }),
            (
                Optional,
                true,
                true,
                &[only_7],
                true,
                Only { deadline: None },
            ),
            (Optional, true, false, &[], true, Any),
            (Optional, false, true, &[], true, Any),
        ];
        for (i, (two_step, is_admin, admins_use_passkeys, groups, uses, expected)) in
            cases.iter().enumerate()
        {
            let platform = PlatformSettings {
                two_step: *two_step,
                admins_use_passkeys: *admins_use_passkeys,
                ..PlatformSettings::default()
            };
            assert_eq!(
                methods_rule(&platform, *is_admin, groups, *uses, NOW),
                *expected,
                "case {i}: {two_step:?}, admin {is_admin}, admins use passkeys {admins_use_passkeys}, uses {uses}, {groups:?}"
            );
        }
        // An administrator not required to use 2-step verification, who does not, is not held.
        let platform = PlatformSettings {
            require_for_admins: false,
            admins_use_passkeys: true,
            ..PlatformSettings::default()
        };
        assert_eq!(methods_rule(&platform, true, &[], false, NOW), Any);
        assert_eq!(
            methods_rule(&platform, true, &[], true, NOW),
            Only { deadline: None }
        );
    }

    #[test]
    fn what_is_owed_at_sign_in() {
        use MethodsRule::{Any, PasskeysOnly as Only};
        use Requirement::{Optional, Required};
        let owed = |passkey, deadline| Some(SetUpOwed { passkey, deadline });
        let soon = Some(NOW + DAY);
        let later = Some(NOW + 5 * DAY);
        #[rustfmt::skip]
        let cases = [
            // requirement, methods, has 2-step, has a passkey => owed
            (Optional, Any, false, false, None),
            (Required { deadline: None }, Any, false, false, owed(false, None)),
            (Required { deadline: later }, Any, false, false, owed(false, later)),
            (Required { deadline: None }, Any, true, false, None),
            (Optional, Only { deadline: None }, true, false, owed(true, None)),
            (Optional, Only { deadline: soon }, true, false, owed(true, soon)),
            (Optional, Only { deadline: None }, true, true, None),
            (Required { deadline: later }, Only { deadline: soon }, false, false, owed(true, soon)),
            (Required { deadline: None }, Only { deadline: soon }, false, false, owed(true, None)),
            (Required { deadline: later }, Only { deadline: None }, false, false, owed(true, None)),
        ];
        for (i, (requirement, methods, two_step, passkey, expected)) in
            cases.into_iter().enumerate()
        {
            assert_eq!(
                set_up_owed(requirement, methods, two_step, passkey),
                expected,
                "case {i}"
            );
        }
        assert_eq!(owed(true, soon).unwrap().grace_days_left(NOW), Some(1));
        assert_eq!(owed(true, None).unwrap().grace_days_left(NOW), None);
        assert_eq!(
            owed(true, Some(NOW - 1)).unwrap().grace_days_left(NOW),
            None
        );
    }

    /// PRODUCT.md's policy, case by case: platform, administrator, groups -> requirement.
    #[test]
    fn the_policy_table() {
        use GroupTwoStep::{Allowed, NotAvailable, Required as GroupRequired};
        use PlatformTwoStep::{Off, Optional, Required};
        use Requirement::{NotOffered, Optional as Choose, Required as Must};
        let allowed = group(Allowed, None, None);
        let not_available = group(NotAvailable, None, None);
        let required_now = group(GroupRequired, None, Some(NOW - DAY));
        let required_0_days = group(GroupRequired, Some(0), Some(NOW - DAY));
        let grace_7 = group(GroupRequired, Some(7), Some(NOW - DAY));
        let grace_3 = group(GroupRequired, Some(3), Some(NOW - 2 * DAY));
        let grace_unstarted = group(GroupRequired, Some(5), None);
        let over = group(GroupRequired, Some(2), Some(NOW - 3 * DAY));
        #[rustfmt::skip]
        let cases: &[(PlatformTwoStep, bool, bool, &[GroupRule], Requirement)] = &[
            // platform, admin, require admins, groups => requirement
            (Optional, false, true, &[], Choose),
            (Off, false, true, &[], NotOffered),
            (Required, false, true, &[], Must { deadline: None }),
            (Optional, true, true, &[], Must { deadline: None }),
            (Optional, true, false, &[], Choose),
            (Off, true, true, &[], Must { deadline: None }),
            (Off, true, false, &[], NotOffered),
            (Optional, false, true, &[allowed], Choose),
            (Optional, false, true, &[allowed, allowed], Choose),
            (Optional, false, true, &[not_available], NotOffered),
            (Optional, false, true, &[allowed, not_available], NotOffered),
            (Off, false, true, &[allowed], NotOffered),
            (Required, false, true, &[not_available], Must { deadline: None }),
            (Optional, true, true, &[not_available], Must { deadline: None }),
            (Optional, false, true, &[required_now], Must { deadline: None }),
            (Optional, false, true, &[required_0_days], Must { deadline: None }),
            (Off, false, true, &[required_now], Must { deadline: None }),
            // Required anywhere beats Not available anywhere.
            (Optional, false, true, &[not_available, required_now], Must { deadline: None }),
            (Off, false, true, &[not_available, grace_7], Must { deadline: Some(NOW + 6 * DAY) }),
            // A grace period counts from when the requirement first applied.
            (Optional, false, true, &[grace_7], Must { deadline: Some(NOW + 6 * DAY) }),
            (Optional, false, true, &[grace_unstarted], Must { deadline: Some(NOW + 5 * DAY) }),
            // The earliest deadline wins; one without grace makes it due at once.
            (Optional, false, true, &[grace_7, grace_3], Must { deadline: Some(NOW + DAY) }),
            (Optional, false, true, &[grace_7, required_now], Must { deadline: None }),
            (Required, false, true, &[grace_7], Must { deadline: None }),
            (Optional, true, true, &[grace_7], Must { deadline: None }),
            (Optional, true, false, &[grace_7], Must { deadline: Some(NOW + 6 * DAY) }),
            // Past its deadline a grace period is over: the deadline says so.
            (Optional, false, true, &[over], Must { deadline: Some(NOW - DAY) }),
        ];
        for (i, (two_step, is_admin, require_for_admins, groups, expected)) in
            cases.iter().enumerate()
        {
            let platform = PlatformSettings {
                two_step: *two_step,
                require_for_admins: *require_for_admins,
                ..PlatformSettings::default()
            };
            assert_eq!(
                requirement(&platform, *is_admin, groups, NOW),
                *expected,
                "case {i}: {two_step:?}, admin {is_admin}, require admins {require_for_admins}, {groups:?}"
            );
        }
    }

    #[test]
    fn grace_days_left_round_up_and_end_at_the_deadline() {
        let must = |deadline| Requirement::Required { deadline };
        assert_eq!(must(Some(NOW + 6 * DAY)).grace_days_left(NOW), Some(6));
        assert_eq!(must(Some(NOW + 1)).grace_days_left(NOW), Some(1));
        assert_eq!(must(Some(NOW + DAY + 1)).grace_days_left(NOW), Some(2));
        assert_eq!(must(Some(NOW)).grace_days_left(NOW), None);
        assert_eq!(must(None).grace_days_left(NOW), None);
        assert_eq!(Requirement::Optional.grace_days_left(NOW), None);
        assert!(!Requirement::NotOffered.offers() && Requirement::Optional.offers());
    }

    #[test]
    fn stored_spellings_round_trip() {
        for value in [
            GroupTwoStep::Allowed,
            GroupTwoStep::NotAvailable,
            GroupTwoStep::Required,
        ] {
            assert_eq!(GroupTwoStep::parse(value.as_str()), Some(value));
        }
        assert_eq!(GroupTwoStep::parse("Required"), None);
        for value in [GroupMethods::Any, GroupMethods::PasskeysOnly] {
            assert_eq!(GroupMethods::parse(value.as_str()), Some(value));
        }
        assert_eq!(GroupMethods::parse("passkey"), None);
        for value in [
            PlatformTwoStep::Off,
            PlatformTwoStep::Optional,
            PlatformTwoStep::Required,
        ] {
            assert_eq!(PlatformTwoStep::parse(value.as_str()), value);
        }
        assert_eq!(PlatformTwoStep::parse("bogus"), PlatformTwoStep::Optional);
        assert_eq!(countries_from_text(" se, no ,"), ["SE", "NO"]);
        assert_eq!(countries_to_text(&countries_from_text("SE,NO")), "SE,NO");
    }
}
