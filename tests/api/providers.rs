//! The Twilio, Clickatell and webhook providers against stand-ins that speak their HTTP
//! APIs.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use twostep::sms::{Clickatell, SmsError, SmsProvider, Twilio, Webhook};

use crate::helpers::{Backend, PHONE, TestApp};
use crate::on_each_backend;
use crate::standins::{
    self, CLICKATELL_KEY, Mode, StandIn, TWILIO_FROM, TWILIO_SID, TWILIO_TOKEN, WEBHOOK_SECRET,
};

const BODY: &str = "Your Twostep verification code is 123456.\n\n@portal.example.com #123456";
/// The timeout of a provider that is expected to answer.
const PATIENT: Duration = Duration::from_secs(10);
/// The timeout of a provider whose stand-in hangs.
const IMPATIENT: Duration = Duration::from_millis(800);

fn http(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(3))
        .timeout(timeout)
        .build()
        .unwrap()
}

fn twilio(base: &str, token: &str, timeout: Duration) -> Twilio {
    Twilio::new(
        http(timeout),
        base.parse().unwrap(),
        TWILIO_SID.into(),
        SecretString::from(token),
        TWILIO_FROM.into(),
    )
}

fn clickatell(base: &str, key: &str, timeout: Duration) -> Clickatell {
    Clickatell::new(
        http(timeout),
        base.parse().unwrap(),
        SecretString::from(key),
    )
}

/// The stand-in got well-formed requests, the first of which carried BODY to +46701234567.
#[track_caller]
fn assert_delivered(stand_in: &StandIn) {
    stand_in.assert_well_formed();
    let sent = stand_in.sent();
    assert_eq!(
        (sent[0].to.as_str(), sent[0].body.as_str()),
        ("+46701234567", BODY)
    );
}

/// The stand-in fails on its side: the provider is unavailable and nothing was sent.
async fn assert_unavailable_on_server_errors(stand_in: &StandIn, provider: &dyn SmsProvider) {
    stand_in.set_mode(Mode::ServerError);
    assert!(matches!(
        provider.send("+46701234567", BODY, "sign_in").await,
        Err(SmsError::Unavailable(_))
    ));
    assert!(stand_in.sent().is_empty());
}

#[tokio::test]
async fn twilio_sends_the_message_as_the_api_defines_it() {
    let stand_in = standins::twilio();
    let provider = twilio(&stand_in.base_url, TWILIO_TOKEN, PATIENT);
    let receipt = provider
        .send("+46701234567", BODY, "sign_in")
        .await
        .unwrap();
    assert!(receipt.message_id.starts_with("SM"), "{receipt:?}");
    assert_eq!(stand_in.sent().len(), 1);
    assert_delivered(&stand_in);
}

#[tokio::test]
async fn twilio_errors_carry_the_providers_code() {
    let stand_in = standins::twilio();
    let wrong_token = twilio(&stand_in.base_url, "not-the-token", PATIENT);
    match wrong_token.send("+46701234567", BODY, "sign_in").await {
        Err(SmsError::Rejected { code, message }) => {
            assert_eq!((code.as_str(), message.as_str()), ("20003", "Authenticate"))
        }
        other => panic!("{other:?}"),
    }
    let provider = twilio(&stand_in.base_url, TWILIO_TOKEN, PATIENT);
    stand_in.set_mode(Mode::RejectNumber);
    match provider.send("+46701234567", BODY, "sign_in").await {
        Err(SmsError::Rejected { code, message }) => {
            assert_eq!(code, "21211");
            assert!(message.contains("is not a valid phone number"));
        }
        other => panic!("{other:?}"),
    }
    assert_unavailable_on_server_errors(&stand_in, &provider).await;
}

/// The stand-in hangs: the provider gives up in time.
async fn assert_times_out(stand_in: &StandIn, provider: &dyn SmsProvider) {
    stand_in.set_mode(Mode::Hang);
    let started = Instant::now();
    match provider.send("+46701234567", BODY, "sign_in").await {
        Err(SmsError::Unavailable(reason)) => assert_eq!(reason, "timed out"),
        other => panic!("{other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_hanging_twilio_times_out() {
    let stand_in = standins::twilio();
    let provider = twilio(&stand_in.base_url, TWILIO_TOKEN, IMPATIENT);
    assert_times_out(&stand_in, &provider).await;
}

#[tokio::test]
async fn a_slow_twilio_within_the_timeout_still_delivers() {
    let stand_in = standins::twilio();
    stand_in.set_delay(IMPATIENT / 2);
    let provider = twilio(&stand_in.base_url, TWILIO_TOKEN, IMPATIENT);
    let started = Instant::now();
    provider
        .send("+46701234567", BODY, "sign_in")
        .await
        .unwrap();
    assert!(
        started.elapsed() >= IMPATIENT / 2,
        "the stand-in answered early"
    );
    assert_delivered(&stand_in);
}

#[tokio::test]
async fn a_hanging_clickatell_times_out() {
    let stand_in = standins::clickatell();
    let provider = clickatell(&stand_in.base_url, CLICKATELL_KEY, IMPATIENT);
    assert_times_out(&stand_in, &provider).await;
}

#[tokio::test]
async fn clickatell_sends_the_message_as_the_api_defines_it() {
    let stand_in = standins::clickatell();
    let provider = clickatell(&stand_in.base_url, CLICKATELL_KEY, PATIENT);
    let receipt = provider
        .send("+46701234567", BODY, "sign_in")
        .await
        .unwrap();
    assert_eq!(receipt.message_id.len(), 32);
    assert_delivered(&stand_in);
}

#[tokio::test]
async fn clickatell_errors_carry_the_providers_code() {
    let stand_in = standins::clickatell();
    match clickatell(&stand_in.base_url, "wrong-key", PATIENT)
        .send("+46701234567", BODY, "sign_in")
        .await
    {
        Err(SmsError::Rejected { code, message }) => {
            assert_eq!(code, "1");
            assert_eq!(message, "Invalid or missing Integration API Key");
        }
        other => panic!("{other:?}"),
    }
    let provider = clickatell(&stand_in.base_url, CLICKATELL_KEY, PATIENT);
    stand_in.set_mode(Mode::RejectNumber);
    match provider.send("+46701234567", BODY, "sign_in").await {
        Err(SmsError::Rejected { code, message }) => assert_eq!(
            (code.as_str(), message.as_str()),
            ("105", "Invalid destination address")
        ),
        other => panic!("{other:?}"),
    }
    assert_unavailable_on_server_errors(&stand_in, &provider).await;
}

#[tokio::test]
async fn an_unreachable_provider_is_unavailable() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let result = twilio(&base, TWILIO_TOKEN, Duration::from_secs(2))
        .send("+46701234567", BODY, "sign_in")
        .await;
    assert!(matches!(result, Err(SmsError::Unavailable(reason)) if reason == "could not connect"));
}

fn webhook(stand_in: &StandIn, secret: &str, timeout: Duration) -> Webhook {
    Webhook::new(
        http(timeout),
        format!("{}/sms", stand_in.base_url).parse().unwrap(),
        SecretString::from(secret),
    )
}

#[tokio::test]
async fn the_webhook_posts_signed_json_with_the_purpose_and_an_idempotency_key() {
    let stand_in = standins::webhook();
    let provider = webhook(&stand_in, WEBHOOK_SECRET, PATIENT);
    let first = provider
        .send("+46701234567", BODY, "sign_in")
        .await
        .unwrap();
    let second = provider
        .send("+46701234567", BODY, "room_entry")
        .await
        .unwrap();
    assert!(first.message_id.starts_with("wh-"), "{first:?}");
    assert_ne!(first.message_id, second.message_id, "a key per message");
    assert_delivered(&stand_in);
    let purposes: Vec<Option<String>> = stand_in.sent().into_iter().map(|m| m.purpose).collect();
    assert_eq!(
        purposes,
        [Some("sign_in".to_owned()), Some("room_entry".to_owned())]
    );
}

#[tokio::test]
async fn the_webhook_reports_refusals_by_status_and_failures_as_unavailable() {
    let stand_in = standins::webhook();
    // Signed with another secret: the adapter refuses it, and nothing is sent.
    match webhook(
        &stand_in,
        "not-the-secret-but-long-enough-0123456789",
        PATIENT,
    )
    .send("+46701234567", BODY, "sign_in")
    .await
    {
        Err(SmsError::Rejected { code, message }) => {
            assert_eq!((code.as_str(), message.as_str()), ("401", "bad signature"))
        }
        other => panic!("{other:?}"),
    }
    assert!(stand_in.sent().is_empty());
    stand_in.malformed.lock().unwrap().clear();
    let provider = webhook(&stand_in, WEBHOOK_SECRET, PATIENT);
    stand_in.set_mode(Mode::RejectNumber);
    match provider.send("+46701234567", BODY, "sign_in").await {
        Err(SmsError::Rejected { code, message }) => {
            assert_eq!(
                (code.as_str(), message.as_str()),
                ("422", "invalid destination")
            )
        }
        other => panic!("{other:?}"),
    }
    assert_unavailable_on_server_errors(&stand_in, &provider).await;
}

#[tokio::test]
async fn a_hanging_webhook_times_out() {
    let stand_in = standins::webhook();
    let provider = webhook(&stand_in, WEBHOOK_SECRET, IMPATIENT);
    assert_times_out(&stand_in, &provider).await;
}

/// The portal configured with the webhook provider: a sign-in's code goes through it.
async fn a_sign_in_code_goes_through_the_webhook(backend: Backend) {
    let stand_in = standins::webhook();
    let settings = stand_in.webhook_settings();
    let Some(app) = TestApp::spawn_with(backend, move |s| s.sms = settings).await else {
        return;
    };
    app.create_sms_user_in_database("ada@example.com", PHONE)
        .await;
    app.sign_in_first_step("ada@example.com").await;
    let code = stand_in.last_code_to(PHONE);
    let signed_in = app.submit_sign_in_code(&code).await;
    assert_eq!(signed_in.status().as_u16(), 303);
    stand_in.assert_well_formed();
    assert_eq!(stand_in.sent()[0].purpose.as_deref(), Some("sign_in"));
    assert!(app.audit_detail("sms.sent").await.contains("webhook wh-"));
}
on_each_backend!(a_sign_in_code_goes_through_the_webhook => webhook_sign_in_sqlite, webhook_sign_in_postgres);
