//! Local stand-ins for the SMS providers' HTTP APIs. They check method, path, credentials
//! and fields as the real APIs define them, answer with the real APIs' bodies, and record
//! what they accepted so tests can read the codes.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::dev::Service;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use secrecy::SecretString;
use twostep::config::SmsSettings;

pub const TWILIO_SID: &str = "AC0123456789abcdef0123456789abcdef";
pub const TWILIO_TOKEN: &str = "twilio-auth-token-for-tests";
pub const TWILIO_FROM: &str = "+15005550006";
pub const CLICKATELL_KEY: &str = "clickatell-key-for-tests";
pub const WEBHOOK_SECRET: &str = "webhook-secret-for-tests-0123456789abcdef";

/// How the stand-in answers the next requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// The provider refuses the destination (Twilio 21211, Clickatell 105).
    RejectNumber,
    /// The webhook adapter refuses with an answer that repeats the request, code included,
    /// as a careless adapter does (the others refuse the number). The message is recorded
    /// as if sent, so a test knows the code it must not find anywhere.
    RejectEchoing,
    /// The provider fails on its side (HTTP 500 / 503).
    ServerError,
    /// Accepts the connection and never answers.
    Hang,
}

#[derive(Clone, Debug)]
pub struct Sent {
    pub to: String,
    pub body: String,
    /// What the code is for, where the API carries it (the webhook).
    pub purpose: Option<String>,
}

#[derive(Clone)]
pub struct StandIn {
    pub base_url: String,
    sent: Arc<Mutex<Vec<Sent>>>,
    mode: Arc<Mutex<Mode>>,
    /// Requests refused because method, path, credentials or fields were wrong.
    pub malformed: Arc<Mutex<Vec<String>>>,
    delay: Arc<Mutex<Duration>>,
}

impl StandIn {
    /// Every next request is answered only after `delay` (a slow provider).
    pub fn set_delay(&self, delay: Duration) {
        *self.delay.lock().unwrap() = delay;
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.sent.lock().unwrap().clone()
    }

    /// The code in the newest message to `to`.
    pub fn last_code_to(&self, to: &str) -> String {
        let sent = self.sent();
        let message = sent
            .iter()
            .rev()
            .find(|m| m.to == to)
            .unwrap_or_else(|| panic!("no SMS to {to}: {sent:?}"));
        code_in(&message.body)
    }

    pub fn count_to(&self, to: &str) -> usize {
        self.sent().iter().filter(|m| m.to == to).count()
    }

    /// The portal's settings for sending through this stand-in as Twilio.
    pub fn twilio_settings(&self) -> SmsSettings {
        SmsSettings::Twilio {
            account_sid: TWILIO_SID.into(),
            auth_token: SecretString::from(TWILIO_TOKEN),
            from: TWILIO_FROM.into(),
            api_base: self.base_url.parse().unwrap(),
        }
    }

    /// The portal's settings for sending through this stand-in as an SMS webhook.
    pub fn webhook_settings(&self) -> SmsSettings {
        SmsSettings::Webhook {
            url: format!("{}/sms", self.base_url).parse().unwrap(),
            secret: SecretString::from(WEBHOOK_SECRET),
        }
    }

    #[track_caller]
    pub fn assert_well_formed(&self) {
        let malformed = self.malformed.lock().unwrap();
        assert!(
            malformed.is_empty(),
            "the stand-in refused malformed requests: {malformed:?}"
        );
    }
}

/// "Your Twostep verification code is 123456.\n\n@host #123456" -> "123456": read from the
/// WebOTP line, the last, as a browser reads it whatever the language of the words above.
pub fn code_in(body: &str) -> String {
    body.lines()
        .last()
        .and_then(|last| last.strip_prefix('@'))
        .and_then(|webotp| webotp.rsplit_once(" #"))
        .map(|(_, code)| code.to_owned())
        .unwrap_or_else(|| panic!("no WebOTP line last in {body:?}"))
}

struct Shared {
    sent: Arc<Mutex<Vec<Sent>>>,
    mode: Arc<Mutex<Mode>>,
    malformed: Arc<Mutex<Vec<String>>>,
}

fn start(configure: fn(&mut web::ServiceConfig)) -> StandIn {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let sent = Arc::new(Mutex::new(Vec::new()));
    let mode = Arc::new(Mutex::new(Mode::Accept));
    let malformed = Arc::new(Mutex::new(Vec::new()));
    let delay = Arc::new(Mutex::new(Duration::ZERO));
    let slow = delay.clone();
    let shared = web::Data::new(Shared {
        sent: sent.clone(),
        mode: mode.clone(),
        malformed: malformed.clone(),
    });
    let server = HttpServer::new(move || {
        let slow = slow.clone();
        App::new()
            .app_data(shared.clone())
            .wrap_fn(move |req, service| {
                let delay = *slow.lock().unwrap();
                let answer = service.call(req);
                async move {
                    tokio::time::sleep(delay).await;
                    answer.await
                }
            })
            .configure(configure)
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    StandIn {
        base_url: format!("http://127.0.0.1:{port}"),
        sent,
        mode,
        malformed,
        delay,
    }
}

async fn hang() -> HttpResponse {
    tokio::time::sleep(Duration::from_secs(3600)).await;
    HttpResponse::Ok().finish()
}

fn refuse(shared: &Shared, why: String, response: HttpResponse) -> HttpResponse {
    shared.malformed.lock().unwrap().push(why);
    response
}

// ---- Twilio Messages API ----

pub fn twilio() -> StandIn {
    start(|cfg| {
        cfg.route("/2010-04-01/Accounts/{sid}/Messages.json", web::post().to(twilio_messages))
            .default_service(web::to(|req: HttpRequest| async move {
                HttpResponse::NotFound().json(serde_json::json!({
                    "code": 20404, "message": format!("The requested resource {} was not found", req.path()),
                    "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404
                }))
            }));
    })
}

async fn twilio_messages(
    req: HttpRequest,
    sid: web::Path<String>,
    form: web::Bytes,
    shared: web::Data<Shared>,
) -> HttpResponse {
    let expected_auth = format!(
        "Basic {}",
        STANDARD.encode(format!("{TWILIO_SID}:{TWILIO_TOKEN}"))
    );
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth != expected_auth || sid.as_str() != TWILIO_SID {
        return refuse(&shared, format!("twilio auth {auth:?} sid {sid}"), HttpResponse::Unauthorized().json(serde_json::json!({
            "code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401
        })));
    }
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&form).unwrap_or_default();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let (Some(to), Some(from), Some(body)) = (field("To"), field("From"), field("Body")) else {
        return refuse(&shared, format!("twilio fields {fields:?}"), HttpResponse::BadRequest().json(serde_json::json!({
            "code": 21604, "message": "A 'To' phone number is required.", "more_info": "https://www.twilio.com/docs/errors/21604", "status": 400
        })));
    };
    if !content_type.starts_with("application/x-www-form-urlencoded")
        || from != TWILIO_FROM
        || !to.starts_with('+')
    {
        return refuse(
            &shared,
            format!("twilio content-type {content_type} from {from} to {to}"),
            HttpResponse::BadRequest().finish(),
        );
    }
    let mode = *shared.mode.lock().unwrap();
    match mode {
        Mode::Accept => {
            shared.sent.lock().unwrap().push(Sent { to: to.clone(), body: body.clone(), purpose: None });
            HttpResponse::Created().json(serde_json::json!({
                "account_sid": TWILIO_SID, "api_version": "2010-04-01", "body": body,
                "from": from, "to": to, "status": "queued", "num_segments": "1",
                "sid": format!("SM{}", uuid::Uuid::new_v4().simple()),
                "uri": format!("/2010-04-01/Accounts/{TWILIO_SID}/Messages/SM.json")
            }))
        }
        Mode::RejectNumber | Mode::RejectEchoing => HttpResponse::BadRequest().json(serde_json::json!({
            "code": 21211, "message": format!("The 'To' number {to} is not a valid phone number."),
            "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400
        })),
        Mode::ServerError => HttpResponse::InternalServerError().json(serde_json::json!({
            "code": 20500, "message": "Internal Server Error", "more_info": "https://www.twilio.com/docs/errors/20500", "status": 500
        })),
        Mode::Hang => hang().await,
    }
}

// ---- Clickatell Platform REST API ----

pub fn clickatell() -> StandIn {
    start(|cfg| {
        cfg.route("/messages", web::post().to(clickatell_messages));
    })
}

async fn clickatell_messages(
    req: HttpRequest,
    body: web::Bytes,
    shared: web::Data<Shared>,
) -> HttpResponse {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth != CLICKATELL_KEY {
        return refuse(&shared, format!("clickatell auth {auth:?}"), HttpResponse::Unauthorized().json(serde_json::json!({
            "messages": [], "error": {"code": 1, "description": "Invalid or missing Integration API Key", "documentation": "https://www.clickatell.com/developers/api-documentation/error-codes/"}
        })));
    }
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let content = json["content"].as_str().map(str::to_owned);
    let to: Option<Vec<String>> = json["to"].as_array().map(|a| {
        a.iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    });
    let (Some(content), Some(to)) = (content, to) else {
        return refuse(
            &shared,
            format!("clickatell body {json}"),
            HttpResponse::BadRequest().finish(),
        );
    };
    if !content_type.starts_with("application/json")
        || to.len() != 1
        || to[0].starts_with('+')
        || !to[0].bytes().all(|b| b.is_ascii_digit())
    {
        return refuse(
            &shared,
            format!("clickatell content-type {content_type} to {to:?}"),
            HttpResponse::BadRequest().finish(),
        );
    }
    let number = to[0].clone();
    let mode = *shared.mode.lock().unwrap();
    match mode {
        Mode::Accept => {
            shared.sent.lock().unwrap().push(Sent { to: format!("+{number}"), body: content, purpose: None });
            HttpResponse::Accepted().json(serde_json::json!({
                "messages": [{"apiMessageId": uuid::Uuid::new_v4().simple().to_string(), "accepted": true, "to": number, "error": null}],
                "error": null
            }))
        }
        Mode::RejectNumber | Mode::RejectEchoing => HttpResponse::Accepted().json(serde_json::json!({
            "messages": [{"apiMessageId": "", "accepted": false, "to": number,
                "error": {"code": 105, "description": "Invalid destination address", "documentation": "https://www.clickatell.com/developers/api-documentation/error-codes/"}}],
            "error": null
        })),
        Mode::ServerError => HttpResponse::ServiceUnavailable().finish(),
        Mode::Hang => hang().await,
    }
}

// ---- An SMS webhook adapter, as an operator would write one ----

pub fn webhook() -> StandIn {
    start(|cfg| {
        cfg.route("/sms", web::post().to(webhook_sms));
    })
}

/// Checks the signature as an adapter must: the HMAC over "<t>.<raw body>" under the
/// shared secret, compared whole, and a timestamp within five minutes.
fn signature_is_valid(req: &HttpRequest, body: &[u8]) -> bool {
    let Some(header) = req
        .headers()
        .get(twostep::sms::SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some(timestamp) = header
        .strip_prefix("t=")
        .and_then(|rest| rest.split(',').next())
        .and_then(|t| t.parse::<i64>().ok())
    else {
        return false;
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    (now - timestamp).abs() <= 300
        && twostep::sms::signature(WEBHOOK_SECRET.as_bytes(), timestamp, body) == header
}

async fn webhook_sms(
    req: HttpRequest,
    body: web::Bytes,
    shared: web::Data<Shared>,
) -> HttpResponse {
    if !signature_is_valid(&req, &body) {
        return refuse(
            &shared,
            "webhook signature".into(),
            HttpResponse::Unauthorized().body("bad signature"),
        );
    }
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let field = |name: &str| json[name].as_str().map(str::to_owned);
    let key_header = req
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (Some(to), Some(text), Some(purpose), Some(key)) = (
        field("to"),
        field("body"),
        field("code_purpose"),
        field("idempotency_key"),
    ) else {
        return refuse(
            &shared,
            format!("webhook body {json}"),
            HttpResponse::BadRequest().finish(),
        );
    };
    if key_header.as_deref() != Some(key.as_str()) || key.len() < 32 || !to.starts_with('+') {
        return refuse(
            &shared,
            format!("webhook key {key_header:?} / {key:?}, to {to}"),
            HttpResponse::BadRequest().finish(),
        );
    }
    let mode = *shared.mode.lock().unwrap();
    match mode {
        Mode::Accept => {
            shared.sent.lock().unwrap().push(Sent {
                to,
                body: text,
                purpose: Some(purpose),
            });
            HttpResponse::Ok().json(serde_json::json!({ "id": format!("wh-{key}") }))
        }
        Mode::RejectNumber => HttpResponse::UnprocessableEntity().body("invalid destination"),
        Mode::RejectEchoing => {
            shared.sent.lock().unwrap().push(Sent {
                to,
                body: text,
                purpose: Some(purpose),
            });
            HttpResponse::UnprocessableEntity().body(format!(
                "cannot deliver this request:\n{}",
                String::from_utf8_lossy(&body)
            ))
        }
        Mode::ServerError => HttpResponse::BadGateway().finish(),
        Mode::Hang => hang().await,
    }
}
