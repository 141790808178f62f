//! Overview (`/admin`): how far 2-step verification has spread, who must still set it up,
//! SMS sent today, and the latest security events.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use super::audit::EventRow;
use super::users::thousands;
use super::{Section, sections};
use crate::db::directory::Adoption;
use crate::domain::language::Language;
use crate::services::admin::SmsFigures;
use crate::web::errors::AppError;
use crate::web::layout::Layout;
use crate::web::parts::devices::{When, when};
use crate::web::request::SignedIn;
use crate::web::responses::render;

/// One bar of the chart and one row of the table beside it.
pub struct AdoptionRow {
    pub label: String,
    pub total: i64,
    pub sms: i64,
    pub app: i64,
    pub passkey: i64,
    pub off: i64,
    /// Share with 2-step verification on, in whole percent.
    pub percent_on: i64,
    /// Widths of the bar's four parts, in percent of the bar (they add up to 100).
    pub passkey_width: f64,
    pub sms_width: f64,
    pub app_width: f64,
    pub off_width: f64,
}

fn row(label: String, adoption: &Adoption) -> AdoptionRow {
    let total = adoption.total.max(0);
    let share = |n: i64| {
        if total == 0 {
            0.0
        } else {
            (n as f64) * 100.0 / (total as f64)
        }
    };
    let on = adoption.sms + adoption.app + adoption.passkey;
    AdoptionRow {
        label,
        total,
        sms: adoption.sms,
        app: adoption.app,
        passkey: adoption.passkey,
        off: adoption.off(),
        percent_on: if total == 0 { 0 } else { on * 100 / total },
        passkey_width: share(adoption.passkey),
        sms_width: share(adoption.sms),
        app_width: share(adoption.app),
        off_width: if total == 0 {
            100.0
        } else {
            share(adoption.off())
        },
    }
}

/// A user who must set up 2-step verification and has not.
pub struct OwingRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// The end of the grace period; `None`: at their next sign-in.
    pub deadline: Option<When>,
}

#[derive(Template)]
#[template(path = "admin/overview.html")]
struct OverviewPage {
    layout: Layout,
    sections: Vec<Section>,
    rows: Vec<AdoptionRow>,
    owing: Vec<OwingRow>,
    /// How many must still set up in all, and that number as the language writes it
    /// ("1,234", "1 234").
    owing_count: i64,
    owing_count_text: String,
    /// The share of enabled users with 2-step verification on, in whole percent.
    percent_on: i64,
    sms: SmsFigures,
    sms_countries_today: Vec<(String, i64)>,
    sms_conversion: Vec<ConversionRow>,
    /// The countries whose conversion is far below the others', for the warning.
    sms_low: Vec<String>,
    events: Vec<EventRow>,
}

/// A country calling code's codes over the last 7 days.
pub struct ConversionRow {
    /// "+46", or "Unknown" (in the page's language) for sends from before calling codes
    /// were kept.
    pub country: String,
    pub sent: i64,
    pub entered: i64,
    pub percent: i64,
    pub low: bool,
}

fn country_label(calling_code: i64, lang: Language) -> String {
    if calling_code == 0 {
        lang.t("admin-country-unknown")
    } else {
        format!("+{calling_code}")
    }
}

pub async fn overview(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    let figures = me.services().overview().await?;
    let lang = layout.lang;
    let mut rows = vec![row(lang.t("admin-overview-all-users"), &figures.overall)];
    rows.extend(
        figures
            .by_group
            .iter()
            .map(|(name, adoption)| row(name.clone(), adoption)),
    );
    let owing = figures
        .owing
        .into_iter()
        .map(|owing| OwingRow {
            id: owing.id,
            name: owing.name,
            email: owing.email,
            deadline: owing.deadline.map(when),
        })
        .collect();
    render(
        StatusCode::OK,
        &OverviewPage {
            layout,
            sections: sections("/admin"),
            percent_on: rows.first().map_or(0, |all| all.percent_on),
            rows,
            owing,
            owing_count: figures.owing_count,
            owing_count_text: thousands(figures.owing_count, lang),
            sms_countries_today: figures
                .sms
                .today_by_country
                .iter()
                .map(|(code, sent)| (country_label(*code, lang), *sent))
                .collect(),
            sms_conversion: figures
                .sms
                .week_by_country
                .iter()
                .map(|(c, low)| ConversionRow {
                    country: country_label(c.calling_code, lang),
                    sent: c.sent,
                    entered: c.entered,
                    percent: (c.rate() * 100.0).round() as i64,
                    low: *low,
                })
                .collect(),
            sms_low: figures
                .sms
                .week_by_country
                .iter()
                .filter(|(_, low)| *low)
                .map(|(c, _)| country_label(c.calling_code, lang))
                .collect(),
            sms: figures.sms,
            events: figures.events.into_iter().map(EventRow::from).collect(),
        },
    )
}
