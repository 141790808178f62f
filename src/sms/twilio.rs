//! Twilio Messages API: `POST {base}/2010-04-01/Accounts/{Sid}/Messages.json` with HTTP
//! Basic `Sid:Token` and form fields `To`, `From`, `Body`; 201 with the message `sid`;
//! errors as `{code, message, status}`.

use futures_util::future::BoxFuture;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

use super::{Receipt, SmsError, SmsProvider, from_provider, unavailable};

pub struct Twilio {
    http: reqwest::Client,
    endpoint: Url,
    account_sid: String,
    auth_token: SecretString,
    from: String,
}

impl Twilio {
    pub fn new(
        http: reqwest::Client,
        api_base: Url,
        account_sid: String,
        auth_token: SecretString,
        from: String,
    ) -> Self {
        let mut endpoint = api_base;
        endpoint
            .path_segments_mut()
            .expect("an http(s) base URL")
            .pop_if_empty()
            .extend(["2010-04-01", "Accounts", &account_sid, "Messages.json"]);
        Self {
            http,
            endpoint,
            account_sid,
            auth_token,
            from,
        }
    }
}

#[derive(Deserialize)]
struct Created {
    sid: String,
}

#[derive(Deserialize)]
struct Failure {
    code: Option<i64>,
    message: Option<String>,
}

impl SmsProvider for Twilio {
    fn name(&self) -> &'static str {
        "twilio"
    }

    fn send<'a>(
        &'a self,
        to: &'a str,
        body: &'a str,
        _purpose: &'a str,
    ) -> BoxFuture<'a, Result<Receipt, SmsError>> {
        Box::pin(async move {
            let response = self
                .http
                .post(self.endpoint.clone())
                .basic_auth(&self.account_sid, Some(self.auth_token.expose_secret()))
                .form(&[("To", to), ("From", self.from.as_str()), ("Body", body)])
                .send()
                .await
                .map_err(unavailable)?;
            let status = response.status();
            let text = response.text().await.map_err(unavailable)?;
            if status.as_u16() == 201 {
                let created: Created = serde_json::from_str(&text).map_err(|_| {
                    SmsError::Unavailable("Twilio answered 201 without a message sid".into())
                })?;
                return Ok(Receipt {
                    message_id: created.sid,
                });
            }
            let failure: Option<Failure> = serde_json::from_str(&text).ok();
            let code = failure
                .as_ref()
                .and_then(|f| f.code)
                .map_or_else(|| status.as_u16().to_string(), |code| code.to_string());
            let message = failure
                .and_then(|f| f.message)
                .unwrap_or_else(|| format!("HTTP {status}"));
            if status.is_server_error() || status.as_u16() == 429 {
                Err(SmsError::Unavailable(format!(
                    "Twilio error {code}: {}",
                    from_provider(&message, 80)
                )))
            } else {
                Err(SmsError::refused(&code, &message))
            }
        })
    }
}
