//! The Twilio and Clickatell providers against stand-ins that speak their HTTP APIs.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use twostep::sms::{Clickatell, SmsError, SmsProvider, Twilio};

use crate::standins::{self, CLICKATELL_KEY, Mode, StandIn, TWILIO_FROM, TWILIO_SID, TWILIO_TOKEN};

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
        provider.send("+46701234567", BODY).await,
        Err(SmsError::Unavailable(_))
    ));
    assert!(stand_in.sent().is_empty());
}

#[tokio::test]
async fn twilio_sends_the_message_as_the_api_defines_it() {
    let stand_in = standins::twilio();
    let provider = twilio(&stand_in.base_url, TWILIO_TOKEN, PATIENT);
    let receipt = provider.send("+46701234567", BODY).await.unwrap();
    assert!(receipt.message_id.starts_with("SM"), "{receipt:?}");
    assert_eq!(stand_in.sent().len(), 1);
    assert_delivered(&stand_in);
}

#[tokio::test]
async fn twilio_errors_carry_the_providers_code() {
    let stand_in = standins::twilio();
    let wrong_token = twilio(&stand_in.base_url, "not-the-token", PATIENT);
    match wrong_token.send("+46701234567", BODY).await {
        Err(SmsError::Rejected { code, message }) => {
            assert_eq!((code.as_str(), message.as_str()), ("20003", "Authenticate"))
        }
        other => panic!("{other:?}"),
    }
    let provider = twilio(&stand_in.base_url, TWILIO_TOKEN, PATIENT);
    stand_in.set_mode(Mode::RejectNumber);
    match provider.send("+46701234567", BODY).await {
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
    match provider.send("+46701234567", BODY).await {
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
async fn a_hanging_clickatell_times_out() {
    let stand_in = standins::clickatell();
    let provider = clickatell(&stand_in.base_url, CLICKATELL_KEY, IMPATIENT);
    assert_times_out(&stand_in, &provider).await;
}

#[tokio::test]
async fn clickatell_sends_the_message_as_the_api_defines_it() {
    let stand_in = standins::clickatell();
    let provider = clickatell(&stand_in.base_url, CLICKATELL_KEY, PATIENT);
    let receipt = provider.send("+46701234567", BODY).await.unwrap();
    assert_eq!(receipt.message_id.len(), 32);
    assert_delivered(&stand_in);
}

#[tokio::test]
async fn clickatell_errors_carry_the_providers_code() {
    let stand_in = standins::clickatell();
    match clickatell(&stand_in.base_url, "wrong-key", PATIENT)
        .send("+46701234567", BODY)
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
    match provider.send("+46701234567", BODY).await {
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
        .send("+46701234567", BODY)
        .await;
    assert!(matches!(result, Err(SmsError::Unavailable(reason)) if reason == "could not connect"));
}
