//! Prometheus metrics, in the text format (the `prometheus` crate's registry and encoder).
//! Security events are counted as they are committed to the audit log, so a metric never
//! counts what a rolled-back use case did; HTTP requests by route pattern (never the raw
//! path); provider latency; and, read when scraped, the outbox, the database pool and the
//! day's texts to new numbers.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry, TextEncoder,
};

pub struct Metrics {
    registry: Registry,
    http_requests: IntCounterVec,
    http_seconds: HistogramVec,
    events: IntCounterVec,
    sign_ins: IntCounterVec,
    codes: IntCounterVec,
    authorization_codes: IntCounterVec,
    token_requests: IntCounterVec,
    provider_seconds: HistogramVec,
    outbox_unsent: IntGauge,
    outbox_oldest_seconds: IntGauge,
    pool_in_use: IntGauge,
    sms_risky_today: IntGauge,
    sms_budget: IntGauge,
}

/// What is read from the database when the metrics are scraped.
#[derive(Default)]
pub struct Snapshot {
    pub outbox_unsent: i64,
    pub outbox_oldest_seconds: i64,
    pub pool_in_use: i64,
    pub sms_risky_today: i64,
    /// The daily SMS budget of Security settings.
    pub sms_budget: i64,
}

fn counter(registry: &Registry, name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    let metric = IntCounterVec::new(Opts::new(name, help), labels).expect("a valid metric");
    registry
        .register(Box::new(metric.clone()))
        .expect("registered once");
    metric
}

fn histogram(registry: &Registry, name: &str, help: &str, labels: &[&str]) -> HistogramVec {
    let opts = HistogramOpts::new(name, help).buckets(vec![
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ]);
    let metric = HistogramVec::new(opts, labels).expect("a valid metric");
    registry
        .register(Box::new(metric.clone()))
        .expect("registered once");
    metric
}

fn gauge(registry: &Registry, name: &str, help: &str) -> IntGauge {
    let metric = IntGauge::new(name, help).expect("a valid metric");
    registry
        .register(Box::new(metric.clone()))
        .expect("registered once");
    metric
}

/// A sign-in's method, from the detail its audit event carries (a bounded set).
fn sign_in_method(detail: Option<&str>) -> &'static str {
    let detail = detail.map(str::to_lowercase);
    match detail.as_deref() {
        None => "password",
        Some(detail) if detail.contains("trusted device") => "trusted_device",
        Some(detail) if detail.contains("recovery code") => "recovery_code",
        Some(detail) if detail.contains("temporary access code") => "temporary_code",
        Some(detail) if detail.contains("phone code") => "phone",
        Some(detail) if detail.contains("passkey") => "passkey",
        Some(detail) if detail.contains("app") || detail.contains("authenticator") => {
            "authenticator"
        }
        Some(detail) if detail.contains("sms") || detail.contains("text") => "sms",
        Some(_) => "other",
    }
}

/// A code's purpose, the first word of an SMS event's detail, kept to the known ones.
fn purpose(detail: Option<&str>) -> &'static str {
    let first = detail
        .and_then(|d| d.split_whitespace().next())
        .unwrap_or("");
    [
        "sign_in",
        "phone_enrolment",
        "phone_change",
        "room_entry",
        "phone_sign_in",
        "phone_registration",
        "profile_phone",
    ]
    .into_iter()
    .find(|known| *known == first)
    .unwrap_or("other")
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new_custom(Some("twostep".into()), None).expect("a prefix");
        Self {
            http_requests: counter(
                &registry,
                "http_requests_total",
                "HTTP requests answered, by route pattern (the route's template, such as /admin/users/{id}, or \"unmatched\"; never the raw path), method and status code",
                &["route", "method", "status"],
            ),
            http_seconds: histogram(
                &registry,
                "http_request_duration_seconds",
                "Seconds from a request's arrival to its response, by route pattern (as in twostep_http_requests_total)",
                &["route"],
            ),
            events: counter(
                &registry,
                "audit_events_total",
                "Security events written to the audit log, by kind (sign_in.succeeded, code.failed, user.disabled and the others the audit log lists), counted when the change that records them commits",
                &["event"],
            ),
            sign_ins: counter(
                &registry,
                "sign_ins_total",
                "Passwords and codes checked at sign-in, by outcome (succeeded, wrong_password, throttled: refused unchecked by an attempt limit, wrong_code, refused_passkey: a passkey's answer not accepted) and method (password, sms, authenticator, recovery_code, trusted_device, phone, passkey)",
                &["outcome", "method"],
            ),
            codes: counter(
                &registry,
                "codes_total",
                "Verification codes, by channel (sms), outcome (sent: the provider took it; failed: the provider refused it or did not answer; refused: a limit or rule stopped it before sending) and purpose (sign_in, phone_enrolment, phone_change, room_entry, phone_sign_in, phone_registration, profile_phone)",
                &["channel", "outcome", "purpose"],
            ),
            authorization_codes: counter(
                &registry,
                "oidc_authorization_codes_total",
                "Authorization codes issued to applications signing in through Twostep (OpenID Connect), counted when their audit event (application.signed_in) commits",
                &[],
            ),
            token_requests: counter(
                &registry,
                "oidc_token_requests_total",
                "Requests to the token endpoint, by outcome (issued, invalid_client, invalid_grant, invalid_request, unsupported_grant_type)",
                &["outcome"],
            ),
            provider_seconds: histogram(
                &registry,
                "sms_provider_duration_seconds",
                "Seconds the SMS provider took to answer a send, failures included, by provider (twilio, clickatell, webhook, log)",
                &["provider"],
            ),
            outbox_unsent: gauge(
                &registry,
                "outbox_unsent",
                "Emails waiting to be sent: queued, or failed and to be tried again (given-up emails are not counted); read at each scrape",
            ),
            outbox_oldest_seconds: gauge(
                &registry,
                "outbox_oldest_age_seconds",
                "Age in seconds of the oldest email waiting to be sent, 0 when none waits; a steady rise means the SMTP server is not taking mail; read at each scrape",
            ),
            pool_in_use: gauge(
                &registry,
                "db_pool_connections_in_use",
                "Database connections this instance has taken from its pool right now (the pool holds at most 8 on SQLite, 16 on PostgreSQL); read at each scrape",
            ),
            sms_risky_today: gauge(
                &registry,
                "sms_budget_used",
                "Texts sent today (UTC) to numbers no account has verified: what the daily SMS budget of Security settings limits (at the budget such texts pause); read at each scrape",
            ),
            sms_budget: gauge(
                &registry,
                "sms_budget",
                "The daily SMS budget of Security settings: how many texts to numbers no account has verified may go out in a day (UTC), compared with sms_budget_used; read at each scrape",
            ),
            registry,
        }
    }

    /// Counts events the audit log just committed: each event's stored name and detail
    /// (`AuditRow::name_and_detail`).
    pub fn recorded<'r>(&self, events: impl IntoIterator<Item = (&'static str, Option<&'r str>)>) {
        for (event, detail) in events {
            self.events.with_label_values(&[event]).inc();
            match event {
                "sign_in.succeeded" | "sign_in.phone_succeeded" => self
                    .sign_ins
                    .with_label_values(&["succeeded", sign_in_method(detail)])
                    .inc(),
                "sign_in.trusted_device" => self
                    .sign_ins
                    .with_label_values(&["succeeded", "trusted_device"])
                    .inc(),
                "sign_in.failed" => self
                    .sign_ins
                    .with_label_values(&["wrong_password", "password"])
                    .inc(),
                "sign_in.throttled" => self
                    .sign_ins
                    .with_label_values(&["throttled", "password"])
                    .inc(),
                "code.failed" | "code.locked" => self
                    .sign_ins
                    .with_label_values(&["wrong_code", "sms"])
                    .inc(),
                "totp.failed" | "totp.replay_refused" => self
                    .sign_ins
                    .with_label_values(&["wrong_code", "authenticator"])
                    .inc(),
                "recovery_code.failed" => self
                    .sign_ins
                    .with_label_values(&["wrong_code", "recovery_code"])
                    .inc(),
                "temporary_code.failed" => self
                    .sign_ins
                    .with_label_values(&["wrong_code", "temporary_code"])
                    .inc(),
                "passkey.refused" | "passkey.counter_refused" => self
                    .sign_ins
                    .with_label_values(&["refused_passkey", "passkey"])
                    .inc(),
                "application.signed_in" => self
                    .authorization_codes
                    .with_label_values(&[] as &[&str])
                    .inc(),
                "sms.sent" => self
                    .codes
                    .with_label_values(&["sms", "sent", purpose(detail)])
                    .inc(),
                "sms.send_failed" => self
                    .codes
                    .with_label_values(&["sms", "failed", purpose(detail)])
                    .inc(),
                "sms.send_refused" => self
                    .codes
                    .with_label_values(&["sms", "refused", purpose(detail)])
                    .inc(),
                _ => {}
            }
        }
    }

    /// One HTTP request, by the pattern of the route it matched.
    pub fn request(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.http_requests
            .with_label_values(&[route, method, &status.to_string()])
            .inc();
        self.http_seconds
            .with_label_values(&[route])
            .observe(seconds);
    }

    /// One answer of the token endpoint (`outcome`: "issued" or the OAuth error code).
    pub fn token_request(&self, outcome: &'static str) {
        self.token_requests.with_label_values(&[outcome]).inc();
    }

    /// How long the SMS provider took.
    pub fn provider_answered(&self, provider: &str, seconds: f64) {
        self.provider_seconds
            .with_label_values(&[provider])
            .observe(seconds);
    }

    /// The text format, with the gauges set from `snapshot`.
    pub fn render(&self, snapshot: &Snapshot) -> String {
        self.outbox_unsent.set(snapshot.outbox_unsent);
        self.outbox_oldest_seconds
            .set(snapshot.outbox_oldest_seconds);
        self.pool_in_use.set(snapshot.pool_in_use);
        self.sms_risky_today.set(snapshot.sms_risky_today);
        self.sms_budget.set(snapshot.sms_budget);
        let mut out = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut out)
            .expect("the text encoder writes to memory");
        String::from_utf8(out).unwrap_or_default()
    }
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_and_purposes_are_a_bounded_set() {
        assert_eq!(sign_in_method(None), "password");
        assert_eq!(
            sign_in_method(Some("password on a trusted device")),
            "trusted_device"
        );
        assert_eq!(
            sign_in_method(Some("password and recovery code")),
            "recovery_code"
        );
        assert_eq!(sign_in_method(Some("password and SMS code")), "sms");
        assert_eq!(
            sign_in_method(Some("password and temporary access code")),
            "temporary_code"
        );
        assert_eq!(
            sign_in_method(Some("password and authenticator app")),
            "authenticator"
        );
        assert_eq!(sign_in_method(Some("phone code and password")), "phone");
        assert_eq!(sign_in_method(Some("what anyone typed")), "other");
        assert_eq!(purpose(Some("room_entry twilio SM123")), "room_entry");
        assert_eq!(purpose(Some("<script> x")), "other");
        assert_eq!(purpose(None), "other");
    }

    #[test]
    fn every_metric_explains_itself_in_its_help_text() {
        let metrics = Metrics::new();
        // A labelled family is shown once it has a series.
        metrics
            .http_requests
            .with_label_values(&["/", "GET", "200"])
            .inc();
        metrics.http_seconds.with_label_values(&["/"]).observe(0.1);
        metrics.events.with_label_values(&["sign_out"]).inc();
        metrics
            .sign_ins
            .with_label_values(&["succeeded", "password"])
            .inc();
        metrics
            .codes
            .with_label_values(&["sms", "sent", "sign_in"])
            .inc();
        metrics.provider_answered("log", 0.1);
        let text = metrics.render(&Snapshot::default());
        let helps: Vec<&str> = text
            .lines()
            .filter(|line| line.starts_with("# HELP "))
            .collect();
        assert_eq!(helps.len(), 11, "{text}");
        for help in helps {
            let (name, words) = help["# HELP ".len()..].split_once(' ').unwrap();
            assert!(name.starts_with("twostep_"), "{help}");
            assert!(
                words.split_whitespace().count() >= 12,
                "{name}: say what it counts, in what unit and what its labels hold: {words}"
            );
        }
    }
}
