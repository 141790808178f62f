//! The control center's use cases: platform settings, users, groups. Each runs in one
//! transaction with its audit events (actor: the administrator, or none from the command
//! line) and, where the user is told, the email.

pub mod bulk;
mod groups;
pub mod import;
mod lists;
mod overview;
mod settings;
mod users;

pub use groups::{GRACE_MAX, GroupRule, GroupRuleInput, NAME_MAX, group_name};
pub use lists::{LIST_COUNT_MOST, SEARCH_MAX, UserList, UserListInput, UserWithGroups};
pub use overview::{Overview, SmsFigures};
pub use settings::{Change, INACTIVITY, SESSION_DAYS, SettingValue, SettingsInput, changes};
pub use users::{AddUser, NewUserInput, PASSWORD_LINK_SECS, UserDetails, UserEdit};

use crate::db::Tx;
use crate::db::audit::{AuditEvent, AuditRow, EventKind, Origin};
use crate::db::audit_details as details;
use crate::db::users::User;
use crate::services::Services;

use crate::domain::api_keys::ApiCaller;
use crate::domain::phone::PhoneProblem;

/// Who made a change: an administrator through the control center, someone at the
/// server's command line, or a script with an API key.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    Admin(&'a User),
    CommandLine,
    ApiKey(&'a ApiCaller),
}

impl Actor<'_> {
    pub(crate) fn user_id(self) -> Option<i64> {
        match self {
            Self::Admin(user) => Some(user.id),
            Self::CommandLine | Self::ApiKey(_) => None,
        }
    }
}

/// What an administrator (or the command line) does to one account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountChange {
    ResetTwoStep,
    SignOutEverywhere,
    Disable,
    Enable,
    MakeAdmin,
    RemoveAdmin,
}

/// Why an administrative change was not made.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such user or group.
    NotFound,
    /// The last enabled administrator cannot lose the role nor be disabled.
    LastAdmin,
    /// An administrator does not disable their own account (another one can).
    Yourself,
    /// The number is not one codes can be sent to.
    Phone(PhoneProblem),
    /// The number receives the user's sign-in codes: it changes only with a code.
    PhoneInUse,
    /// A group with this name exists.
    NameTaken,
    /// No account has this email.
    NoSuchEmail,
    /// An account has this email already.
    EmailTaken,
    /// Room administrators cannot be enforced in their room.
    RoomAdminExempt,
}

impl Services {
    pub(super) fn admin_event<'a>(
        &self,
        tx: &mut Tx,
        kind: EventKind,
        actor: Actor<'_>,
        subject: Option<i64>,
        origin: &'a Origin,
        detail: Option<&'a str>,
    ) {
        let detail = match (actor, detail) {
            (Actor::CommandLine, Some(detail)) => {
                Some(format!("{detail}{}", details::COMMAND_LINE_AFTER))
            }
            (Actor::CommandLine, None) => Some(details::COMMAND_LINE.to_owned()),
            (Actor::Admin(_) | Actor::ApiKey(_), detail) => detail.map(str::to_owned),
        };
        let event = AuditEvent {
            kind,
            actor_user_id: actor.user_id(),
            subject_user_id: subject,
            origin,
            detail: detail.as_deref(),
        };
        let row = AuditRow::new(&event, self.clock.now());
        tx.record(match actor {
            Actor::ApiKey(key) => row.by_api_key(key.id),
            Actor::Admin(_) | Actor::CommandLine => row,
        });
    }
}
