//! The server log as an operator reads it: formatted and filtered as in production, captured
//! for every portal of this test process. ERROR is for what an operator must look at; a
//! refused request is not one, and nothing from outside (a header, an adapter's answer)
//! reaches a line as it came.

use std::io::Write;
use std::sync::{Mutex, Once};

use tracing::Level;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use twostep::config::LogFormat;

use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to};
use crate::standins::{self, Mode};
use crate::{on_both_databases, on_each_backend};

/// Every line logged since the capture started, with its level.
static LINES: Mutex<Vec<(Level, String)>> = Mutex::new(Vec::new());

/// Sends the log of every portal in this process to `LINES`, as production writes it.
pub(crate) fn capture_the_log() {
    static START: Once = Once::new();
    START.call_once(|| {
        twostep::telemetry::try_init_with(
            LogFormat::Text,
            EnvFilter::new(twostep::telemetry::DEFAULT_FILTER),
            Capture,
            false,
        )
        .expect("no other log is set up in the tests");
    });
}

/// The lines logged so far.
pub(crate) fn logged() -> Vec<(Level, String)> {
    LINES.lock().unwrap().clone()
}

struct Capture;

/// One event's line, kept when the formatter is done with it.
struct Line {
    level: Level,
    bytes: Vec<u8>,
}

impl Write for Line {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        if !self.bytes.is_empty() {
            let line = String::from_utf8_lossy(&self.bytes).into_owned();
            LINES.lock().unwrap().push((self.level, line));
        }
    }
}

impl<'a> MakeWriter<'a> for Capture {
    type Writer = Line;

    fn make_writer(&'a self) -> Line {
        Line {
            level: Level::INFO,
            bytes: Vec::new(),
        }
    }

    fn make_writer_for(&'a self, meta: &tracing::Metadata<'_>) -> Line {
        Line {
            level: *meta.level(),
            bytes: Vec::new(),
        }
    }
}

/// Anyone may open the pages between the password and the code: without a sign-in in
/// progress they are sent to the sign-in page, and nothing is written at ERROR. A refused
/// form (no CSRF token) is told at INFO.
async fn an_anonymous_visit_to_a_mid_sign_in_page_is_no_error(app: TestApp) {
    capture_the_log();
    for path in ["/login/verify", "/login/recovery"] {
        assert_redirect_to(&app.get(path).await, "/login");
    }
    for action in ["/login/verify", "/login/verify/resend", "/login/recovery"] {
        assert_redirect_to(&app.submit("/login", action, &[]).await, "/login");
    }
    let refused = app.post_raw("/login/verify/resend", &[]).await;
    assert_eq!(refused.status(), 403);

    let lines = logged();
    let errors: Vec<&String> = lines
        .iter()
        .filter(|(level, line)| *level == Level::ERROR && line.contains("http.route=/login/"))
        .map(|(_, line)| line)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let refusals: Vec<&(Level, String)> = lines
        .iter()
        .filter(|(_, line)| {
            line.contains("http.route=/login/verify/resend")
                && line.contains("Refused a request without a valid CSRF token")
        })
        .collect();
    assert!(!refusals.is_empty(), "the capture works");
    assert!(
        refusals.iter().all(|(level, _)| *level == Level::INFO),
        "{refusals:#?}"
    );
}

on_both_databases!(an_anonymous_visit_to_a_mid_sign_in_page_is_no_error);

/// Posts a form without its CSRF token (a line in the log) with this X-Forwarded-For.
async fn refused_post_forwarded_for(app: &TestApp, forwarded_for: &str) {
    app.get("/login").await;
    let refused = app
        .client
        .post(app.url("/login"))
        .header("x-forwarded-for", forwarded_for)
        .form(&[("email", "ada@example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
}

/// The log names the client the portal believes, as the audit log does: the peer, unless
/// the peer is a trusted proxy. A forwarded-for header from anyone else is not written.
async fn the_log_names_the_client_the_portal_believes(backend: Backend) {
    capture_the_log();
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let forged = "198.51.100.213";
    refused_post_forwarded_for(&app, forged).await;
    let behind_proxy = TestApp::spawn_with(backend, |s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
    .unwrap();
    let reported = "198.51.100.214";
    refused_post_forwarded_for(&behind_proxy, &format!("{forged}, {reported}")).await;

    let lines = logged();
    let reported_lines: Vec<&String> = lines
        .iter()
        .map(|(_, line)| line)
        .filter(|line| line.contains(&format!("client_ip={reported}")))
        .collect();
    assert!(
        reported_lines
            .iter()
            .any(|line| line.contains("Refused a request without a valid CSRF token")),
        "the proxy's client is named: {reported_lines:#?}"
    );
    let forged_lines: Vec<&String> = lines
        .iter()
        .map(|(_, line)| line)
        .filter(|line| line.contains(forged))
        .collect();
    assert!(forged_lines.is_empty(), "{forged_lines:#?}");
}

on_each_backend!(the_log_names_the_client_the_portal_believes => log_client_sqlite, log_client_postgres);

/// A webhook adapter that refuses with the request in its answer: the log and the audit
/// log keep its status and a filtered reason, never the code.
async fn a_webhook_refusal_is_kept_without_what_it_echoed(backend: Backend) {
    capture_the_log();
    let webhook = standins::webhook();
    let sms = webhook.webhook_settings();
    let Some(app) = TestApp::spawn_with(backend, move |s| s.sms = sms).await else {
        return;
    };
    webhook.set_mode(Mode::RejectEchoing);
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let answer = app.submit_phone(PHONE).await;
    assert_eq!(answer.status(), 200, "a handled failure of the gateway");
    let code = webhook.last_code_to(PHONE);

    let detail = app.audit_detail("sms.send_failed").await;
    assert!(detail.contains("code 422"), "{detail}");
    let audit = app.text_in_table("audit_events").await;
    for echoed in [code.as_str(), PHONE] {
        assert!(
            !audit.contains(echoed),
            "{echoed:?} in the audit log: {audit}"
        );
    }

    let lines = logged();
    // The timestamp aside (its microseconds are digits too).
    let provider_lines: Vec<&str> = lines
        .iter()
        .filter_map(|(_, line)| line.split_once(' ').map(|(_, rest)| rest))
        .filter(|line| line.contains("SMS provider") && line.contains("webhook"))
        .collect();
    assert!(
        provider_lines.iter().any(|line| line.contains("code 422")),
        "{provider_lines:#?}"
    );
    for line in &provider_lines {
        assert!(!line.contains(&code) && !line.contains(PHONE), "{line}");
    }
}

on_each_backend!(a_webhook_refusal_is_kept_without_what_it_echoed => webhook_refusal_sqlite, webhook_refusal_postgres);
