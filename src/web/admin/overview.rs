//! Overview (`/admin`): how far 2-step verification has spread, who must still set it up,
//! SMS sent today, and the latest security events.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use super::audit::EventRow;
use super::{Section, sections};
use crate::db::directory::Adoption;
use crate::domain::time::instant;
use crate::web::errors::AppError;
use crate::web::layout::Layout;
use crate::web::render;
use crate::web::request::SignedIn;

/// One bar of the chart and one row of the table beside it.
pub struct AdoptionRow {
    pub label: String,
    pub total: i64,
    pub sms: i64,
    pub app: i64,
    pub off: i64,
    /// Share with 2-step verification on, in whole percent.
    pub percent_on: i64,
    /// Widths of the bar's three parts, in percent of the bar (they add up to 100).
    pub sms_width: f64,
    pub app_width: f64,
    pub off_width: f64,
    /// Where the bar sits in the chart, in SVG units.
    pub y: i64,
}

fn row(label: String, adoption: &Adoption, index: usize) -> AdoptionRow {
    let total = adoption.total.max(0);
    let share = |n: i64| {
        if total == 0 {
            0.0
        } else {
            (n as f64) * 100.0 / (total as f64)
        }
    };
    let on = adoption.sms + adoption.app;
    AdoptionRow {
        label,
        total,
        sms: adoption.sms,
        app: adoption.app,
        off: adoption.off(),
        percent_on: if total == 0 { 0 } else { on * 100 / total },
        sms_width: share(adoption.sms),
        app_width: share(adoption.app),
        off_width: if total == 0 {
            100.0
        } else {
            share(adoption.off())
        },
        y: i64::try_from(index).unwrap_or(0) * 40,
    }
}

/// A user who must set up 2-step verification and has not.
pub struct OwingRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// "at once", or the end of the grace period.
    pub deadline: String,
}

#[derive(Template)]
#[template(path = "admin/overview.html")]
struct OverviewPage {
    layout: Layout,
    sections: Vec<Section>,
    rows: Vec<AdoptionRow>,
    chart_height: i64,
    owing: Vec<OwingRow>,
    sms_today: i64,
    events: Vec<EventRow>,
}

pub async fn overview(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    let figures = me.services().overview().await?;
    let mut rows = vec![row("All users".to_owned(), &figures.overall, 0)];
    rows.extend(
        figures
            .by_group
            .iter()
            .enumerate()
            .map(|(i, (name, adoption))| row(name.clone(), adoption, i + 1)),
    );
    let owing = figures
        .owing
        .into_iter()
        .map(|owing| OwingRow {
            id: owing.id,
            name: owing.name,
            email: owing.email,
            deadline: owing
                .deadline
                .map_or_else(|| "At their next sign-in".to_owned(), instant),
        })
        .collect();
    render(
        StatusCode::OK,
        &OverviewPage {
            layout,
            sections: sections("/admin"),
            chart_height: i64::try_from(rows.len()).unwrap_or(1) * 40,
            rows,
            owing,
            sms_today: figures.sms_today,
            events: figures.events.into_iter().map(EventRow::from).collect(),
        },
    )
}
