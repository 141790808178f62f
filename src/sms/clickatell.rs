//! Clickatell Platform REST API: `POST {base}/messages` with `Authorization: <key>` and JSON
//! `{"content": …, "to": [number without +]}`; 202 with
//! `messages[].accepted / apiMessageId / error`.

use futures_util::future::BoxFuture;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::Value;
use url::Url;

use super::{Receipt, SmsError, SmsProvider, unavailable};

pub struct Clickatell {
    http: reqwest::Client,
    endpoint: Url,
    api_key: SecretString,
}

impl Clickatell {
    pub fn new(http: reqwest::Client, api_base: Url, api_key: SecretString) -> Self {
        let mut endpoint = api_base;
        endpoint
            .path_segments_mut()
            .expect("an http(s) base URL")
            .pop_if_empty()
            .push("messages");
        Self {
            http,
            endpoint,
            api_key,
        }
    }
}

#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    messages: Vec<Message>,
    #[serde(default)]
    error: Value,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Message {
    #[serde(default)]
    accepted: bool,
    #[serde(default)]
    api_message_id: Option<String>,
    #[serde(default)]
    error: Value,
}

/// Clickatell reports errors as `{"code", "description"}` objects or as plain strings.
fn describe(error: &Value) -> Option<(String, String)> {
    match error {
        Value::Null => None,
        Value::String(text) => Some((String::new(), text.clone())),
        Value::Object(fields) => {
            let code = fields.get("code").map(|c| match c {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            let description = fields
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("no description");
            Some((code.unwrap_or_default(), description.to_owned()))
        }
        other => Some((String::new(), other.to_string())),
    }
}

impl SmsProvider for Clickatell {
    fn name(&self) -> &'static str {
        "clickatell"
    }

    fn send<'a>(
        &'a self,
        to: &'a str,
        body: &'a str,
        _purpose: &'a str,
    ) -> BoxFuture<'a, Result<Receipt, SmsError>> {
        Box::pin(async move {
            let destination = to.trim_start_matches('+');
            let response = self
                .http
                .post(self.endpoint.clone())
                .header(reqwest::header::AUTHORIZATION, self.api_key.expose_secret())
                .header(reqwest::header::ACCEPT, "application/json")
                .json(&serde_json::json!({ "content": body, "to": [destination] }))
                .send()
                .await
                .map_err(unavailable)?;
            let status = response.status();
            let text = response.text().await.map_err(unavailable)?;
            let answer: Option<Answer> = serde_json::from_str(&text).ok();
            if status.is_server_error() || status.as_u16() == 429 {
                return Err(SmsError::Unavailable(format!(
                    "Clickatell answered HTTP {status}"
                )));
            }
            let Some(answer) = answer else {
                return Err(SmsError::Unavailable(format!(
                    "Clickatell answered HTTP {status} with an unreadable body"
                )));
            };
            if let Some((code, message)) = describe(&answer.error) {
                return Err(SmsError::refused(&code, &message));
            }
            match answer.messages.into_iter().next() {
                Some(Message {
                    accepted: true,
                    api_message_id: Some(id),
                    ..
                }) if status.as_u16() == 202 => Ok(Receipt { message_id: id }),
                Some(message) => {
                    let (code, text) = describe(&message.error)
                        .unwrap_or_else(|| (String::new(), "the message was not accepted".into()));
                    Err(SmsError::refused(&code, &text))
                }
                None => Err(SmsError::refused(
                    &status.as_u16().to_string(),
                    "no message in the answer",
                )),
            }
        })
    }
}
