//! `/metrics` in the Prometheus text format: only for a scraper with the token (or on the
//! metrics address alone), and its counters move with what happens.

use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, TestApp};
use crate::on_each_backend;

/// The scrapers' token of the portals these tests start (also `tests/api/oidc/`).
pub(crate) const TOKEN: &str = "a-metrics-token-for-the-tests-0123456789";

/// The value of the sample `name{labels…}`, 0 when there is none yet.
pub(crate) fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.rsplit_once(' '))
        .filter(|(series, _)| {
            series.split('{').next() == Some(name)
                && labels
                    .iter()
                    .all(|(key, value)| series.contains(&format!("{key}=\"{value}\"")))
        })
        .map(|(_, value)| value.parse::<f64>().unwrap())
        .sum()
}

/// The metrics, read with the token (the page must be Prometheus' text format).
pub(crate) async fn scrape(app: &TestApp) -> String {
    let answer = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    assert!(
        answer.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4"),
    );
    answer.text().await.unwrap()
}

async fn metrics_need_the_token_and_move_with_sign_ins(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.metrics_token = Some(TOKEN.to_owned().into());
    })
    .await
    else {
        return;
    };
    // Without the token, or with another, the page does not exist.
    assert_eq!(app.get("/metrics").await.status().as_u16(), 404);
    for wrong in ["Bearer not-the-token", TOKEN, "Basic YTpi", "Bearer "] {
        let answer = app
            .client
            .get(app.url("/metrics"))
            .header("authorization", wrong)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status().as_u16(), 404, "{wrong}");
    }

    app.create_sms_user("grace@example.com", PHONE).await;
    let before = scrape(&app).await;
    let succeeded = [("outcome", "succeeded"), ("method", "password")];
    let wrong = [("outcome", "wrong_password"), ("method", "password")];
    let sent = [
        ("channel", "sms"),
        ("outcome", "sent"),
        ("purpose", "sign_in"),
    ];
    app.create_user("ada@example.com", "Ada", false).await;
    assert_eq!(
        app.login_status("ada@example.com", "not the password")
            .await,
        401
    );
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        303
    );
    app.post_logout().await;
    app.sign_in_first_step("grace@example.com").await;
    app.get("/no-such-page-4711").await;
    let after = scrape(&app).await;

    let moved = |labels: &[(&str, &str)], name: &str| {
        sample(&after, name, labels) - sample(&before, name, labels)
    };
    assert_eq!(moved(&succeeded, "twostep_sign_ins_total"), 1.0, "{after}");
    assert_eq!(moved(&wrong, "twostep_sign_ins_total"), 1.0);
    assert_eq!(moved(&sent, "twostep_codes_total"), 1.0);
    assert_eq!(
        moved(
            &[("provider", "twilio")],
            "twostep_sms_provider_duration_seconds_count"
        ),
        1.0
    );
    assert_eq!(
        moved(&[("event", "sign_in.failed")], "twostep_audit_events_total"),
        1.0
    );
    // Requests by route pattern, never by raw path.
    let login = [("route", "/login"), ("method", "POST"), ("status", "303")];
    assert!(
        moved(&login, "twostep_http_requests_total") >= 2.0,
        "{after}"
    );
    assert!(
        sample(
            &after,
            "twostep_http_requests_total",
            &[("route", "unmatched"), ("status", "404")]
        ) >= 1.0
    );
    assert!(!after.contains("no-such-page-4711"));
    for gauge in [
        "twostep_outbox_unsent",
        "twostep_outbox_oldest_age_seconds",
        "twostep_db_pool_connections_in_use",
        "twostep_sms_budget_used",
    ] {
        assert!(after.contains(&format!("\n{gauge} ")), "{gauge}: {after}");
    }
    // The budget beside what was used of it, for the alert at 80 % (deploy/alerts.yml).
    let budget = app
        .state
        .services
        .platform()
        .await
        .unwrap()
        .sms_limits
        .daily_budget;
    assert!(budget > 0);
    assert_eq!(sample(&after, "twostep_sms_budget", &[]), budget as f64);
}
on_each_backend!(metrics_need_the_token_and_move_with_sign_ins => metrics_token_sqlite, metrics_token_postgres);

/// `TWOSTEP_METRICS_BIND`: `/metrics` alone on its own address, without a token; the
/// portal's own address still hides it.
async fn metrics_on_their_own_address(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
    })
    .await
    else {
        return;
    };
    let address = app.metrics_address.clone().expect("a metrics address");
    app.get("/login").await;
    let answer = reqwest::get(format!("{address}/metrics")).await.unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    assert!(
        answer
            .text()
            .await
            .unwrap()
            .contains("twostep_http_requests_total")
    );
    let elsewhere = reqwest::get(format!("{address}/login")).await.unwrap();
    assert_eq!(elsewhere.status().as_u16(), 404, "only /metrics there");
    assert_eq!(app.get("/metrics").await.status().as_u16(), 404);
}
on_each_backend!(metrics_on_their_own_address => metrics_bind_sqlite, metrics_bind_postgres);
