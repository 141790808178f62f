//! The control center's overview and the preview of an enforcement.

use crate::db::DbError;
use crate::db::challenges::{budget_alerted_at, sms_by_country_since, sms_sent_by_kind_since};
use crate::db::directory::{
    Adoption, AuditCursor, AuditEntry, AuditFilter, Owing, RequiredOf, TwoStepFilter, UserFilter,
    adoption_by_group, adoption_overall, count_users, enforcement_preview, list_audit, owing,
    phones_without_two_step,
};
use crate::services::Services;

use crate::domain::phone::{allowed_calling_prefixes, in_allowed_country};
use crate::domain::policy::{PlatformSettings, PlatformTwoStep};
use crate::domain::pumping::{Conversion, DAY_SECS, budget_warning_at, day_start, low_conversion};

/// The users the overview lists of those who must still set up.
const OVERVIEW_OWING: i64 = 10;

/// Of whom the platform settings require 2-step verification (besides groups' members).
pub(super) fn required_of(platform: &PlatformSettings) -> RequiredOf {
    RequiredOf {
        everyone: platform.two_step == PlatformTwoStep::Required,
        admins: platform.require_for_admins,
    }
}

/// What the control center's overview shows.
pub struct Overview {
    pub overall: Adoption,
    pub by_group: Vec<(String, Adoption)>,
    /// The first users who must still set up, and how many they are in all.
    pub owing: Vec<Owing>,
    pub owing_count: i64,
    pub sms: SmsFigures,
    pub events: Vec<AuditEntry>,
}

/// The overview's SMS figures (PRODUCT.md, "SMS pumping").
pub struct SmsFigures {
    /// Texts since midnight (UTC) to numbers no account has verified.
    pub risky_today: i64,
    /// Texts since midnight (UTC) to numbers their owner verified.
    pub safe_today: i64,
    /// The daily budget of risky texts, and the count at which administrators are warned.
    pub budget: i64,
    pub warning_at: i64,
    /// When administrators were emailed today that 80 % of the budget was spent.
    pub alerted_at: Option<i64>,
    /// Texts today per country calling code, most first.
    pub today_by_country: Vec<(i64, i64)>,
    /// Codes sent and entered over the last 7 days per country calling code, most sent
    /// first, each with whether its rate is far below the others'.
    pub week_by_country: Vec<(Conversion, bool)>,
}

impl SmsFigures {
    pub fn total_today(&self) -> i64 {
        self.risky_today + self.safe_today
    }

    /// Risky texts are paused until midnight (UTC).
    pub fn paused(&self) -> bool {
        self.risky_today >= self.budget
    }

    pub fn warned(&self) -> bool {
        self.risky_today >= self.warning_at
    }
}

/// Today's figures and the last 7 days' conversion per country: three range reads of the
/// sends' `at` index.
async fn sms_figures(
    conn: &mut sqlx::AnyConnection,
    budget: i64,
    now: i64,
) -> Result<SmsFigures, DbError> {
    let today = day_start(now);
    let (risky_today, safe_today) = sms_sent_by_kind_since(&mut *conn, today).await?;
    let today_by_country = sms_by_country_since(&mut *conn, today)
        .await?
        .into_iter()
        .map(|(code, sent, _)| (code, sent))
        .collect();
    let week: Vec<Conversion> = sms_by_country_since(&mut *conn, now - 7 * DAY_SECS)
        .await?
        .into_iter()
        .map(|(calling_code, sent, entered)| Conversion {
            calling_code,
            sent,
            entered,
        })
        .collect();
    let low = low_conversion(&week);
    Ok(SmsFigures {
        risky_today,
        safe_today,
        budget,
        warning_at: budget_warning_at(budget),
        alerted_at: budget_alerted_at(&mut *conn, today).await?,
        today_by_country,
        week_by_country: week.into_iter().zip(low).collect(),
    })
}

impl Services {
    /// The overview's figures, read on one connection.
    pub async fn overview(&self) -> Result<Overview, DbError> {
        let platform = self.platform().await?;
        let mut conn = self.db.pool.acquire().await?;
        let now = self.clock.now();
        let required_of = required_of(&platform);
        let must_set_up = UserFilter {
            two_step: Some(TwoStepFilter::MustSetUp),
            required_of,
            ..UserFilter::default()
        };
        Ok(Overview {
            overall: adoption_overall(&mut *conn).await?,
            by_group: adoption_by_group(&mut *conn).await?,
            owing: owing(&mut *conn, required_of, OVERVIEW_OWING).await?,
            owing_count: count_users(&mut conn, &must_set_up).await?,
            sms: sms_figures(&mut conn, platform.sms_limits.daily_budget, now).await?,
            events: list_audit(&mut *conn, &AuditFilter::default(), AuditCursor::START, 10).await?,
        })
    }

    /// How many users would have to set up if it became required (of everyone, or of a
    /// group's members), and how many of them have no phone number that can take codes:
    /// none at all, or one outside the SMS countries allowed. A number not verified yet
    /// can: set-up sends it a code. `countries`: the SMS countries allowed (empty: all), as
    /// they are, or as the form about to be saved makes them.
    pub async fn enforcement_preview(
        &self,
        group: Option<i64>,
        countries: &[String],
    ) -> Result<(i64, i64), DbError> {
        if countries.is_empty() {
            return enforcement_preview(&self.db.pool, group, None).await;
        }
        let (whole, shared) = allowed_calling_prefixes(countries);
        let reachable: Vec<String> = whole.iter().chain(&shared).cloned().collect();
        let mut conn = self.db.pool.acquire().await?;
        let (without, outside) = enforcement_preview(&mut *conn, group, Some(&reachable)).await?;
        let shared_outside = phones_without_two_step(&mut *conn, group, &shared)
            .await?
            .iter()
            .filter(|phone| !in_allowed_country(phone, countries))
            .count();
        Ok((
            without,
            outside + i64::try_from(shared_outside).unwrap_or(i64::MAX),
        ))
    }
}
