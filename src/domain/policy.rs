//! The platform settings and who must use 2-step verification (PRODUCT.md, "Policy").
//! One type for the settings every instance reads; the rules over it are plain functions.

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

    /// The words the control center shows.
    pub fn label(self) -> &'static str {
        match self {
            Self::Allowed => "Allowed",
            Self::NotAvailable => "Not available",
            Self::Required => "Required",
        }
    }
}

/// A group's grace period in words: "none", "1 day", "7 days".
fn grace_label(days: Option<i64>) -> String {
    match days {
        None => "none".to_owned(),
        Some(1) => "1 day".to_owned(),
        Some(days) => format!("{days} days"),
    }
}

/// What a change of a group's rule and grace period really changed, for the audit log:
/// each part that differs, and nothing that did not ("2-step verification for members:
/// Allowed → Required; grace period: none → 7 days"). `None` when nothing changed.
pub fn group_rule_change(
    before: (GroupTwoStep, Option<i64>),
    after: (GroupTwoStep, Option<i64>),
) -> Option<String> {
    let mut parts = Vec::new();
    if before.0 != after.0 {
        parts.push(format!(
            "2-step verification for members: {} → {}",
            before.0.label(),
            after.0.label()
        ));
    }
    if before.1 != after.1 {
        parts.push(format!(
            "grace period: {} → {}",
            grace_label(before.1),
            grace_label(after.1)
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// One of a user's groups, as the policy reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupRule {
    pub two_step: GroupTwoStep,
    /// Days a member has to set up once required; `None` or 0: none.
    pub grace_days: Option<i64>,
    /// When this group's requirement first applied to the member (Unix seconds).
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
            Self::Required {
                deadline: Some(deadline),
            } if deadline > now => Some((deadline - now + 86_399) / 86_400),
            _ => None,
        }
    }
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
    let mut required = false;
    let mut at_once =
        platform.two_step == PlatformTwoStep::Required || (is_admin && platform.require_for_admins);
    let mut deadline: Option<i64> = None;
    for group in groups
        .iter()
        .filter(|g| g.two_step == GroupTwoStep::Required)
    {
        required = true;
        match group.grace_days.filter(|days| *days > 0) {
            Some(days) => {
                let end = group.required_since.unwrap_or(now) + days * 86_400;
                deadline = Some(deadline.map_or(end, |d| d.min(end)));
            }
            None => at_once = true,
        }
    }
    if at_once {
        return Requirement::Required { deadline: None };
    }
    if required {
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

    #[test]
    fn a_rule_change_names_only_what_changed() {
        use GroupTwoStep::{Allowed, NotAvailable, Required};
        assert_eq!(
            group_rule_change((Allowed, None), (Required, Some(7))).as_deref(),
            Some(
                "2-step verification for members: Allowed → Required; grace period: none → 7 days"
            )
        );
        assert_eq!(
            group_rule_change((Required, Some(7)), (Required, Some(1))).as_deref(),
            Some("grace period: 7 days → 1 day")
        );
        assert_eq!(
            group_rule_change((Allowed, None), (NotAvailable, None)).as_deref(),
            Some("2-step verification for members: Allowed → Not available")
        );
        assert_eq!(
            group_rule_change((Required, Some(3)), (Required, Some(3))),
            None
        );
    }

    fn group(two_step: GroupTwoStep, grace_days: Option<i64>, since: Option<i64>) -> GroupRule {
        GroupRule {
            two_step,
            grace_days,
            required_since: since,
        }
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
