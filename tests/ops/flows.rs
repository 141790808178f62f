//! A browser's side of the journeys the tests walk: its own cookie jar, redirects shown,
//! each form posted with the CSRF token of the page it came from.

use std::sync::Arc;
use std::time::Duration;

use reqwest::cookie::Jar;
use reqwest::{Client, Response};

/// A browser with its own cookies that does not follow redirects. The jar is shared by
/// every instance on 127.0.0.1, as a browser's is behind one load balancer's host.
pub fn browser() -> Client {
    builder().build().unwrap()
}

/// A browser behind a proxy the portal trusts, which names it `address` in
/// X-Forwarded-For.
pub fn browser_at(address: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().unwrap());
    builder().default_headers(headers).build().unwrap()
}

fn builder() -> reqwest::ClientBuilder {
    Client::builder()
        .cookie_provider(Arc::new(Jar::default()))
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
}

/// The CSRF token a page put in its forms.
pub fn csrf_token(html: &str) -> Option<String> {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// GETs `page` on `address` and returns the token of its form.
pub async fn token_of(client: &Client, address: &str, page: &str) -> reqwest::Result<String> {
    let response = client.get(format!("{address}{page}")).send().await?;
    let status = response.status();
    let html = response.text().await?;
    Ok(csrf_token(&html).unwrap_or_else(|| panic!("{page} ({status}) has no form: {html}")))
}

/// Posts `fields` and a token to `action` on `address`.
pub async fn post(
    client: &Client,
    address: &str,
    action: &str,
    token: &str,
    fields: &[(&str, &str)],
) -> reqwest::Result<Response> {
    let mut form = vec![("csrf_token", token)];
    form.extend_from_slice(fields);
    client
        .post(format!("{address}{action}"))
        .form(&form)
        .send()
        .await
}

/// Where a redirect points.
pub fn location(response: &Response) -> &str {
    response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

/// The password step at `address`: the answer to POST /login.
pub async fn password_step(
    client: &Client,
    address: &str,
    email: &str,
    password: &str,
) -> reqwest::Result<Response> {
    let token = token_of(client, address, "/login").await?;
    post_password(client, address, &token, email, password).await
}

/// POST /login with the token of a sign-in page fetched before.
pub async fn post_password(
    client: &Client,
    address: &str,
    token: &str,
    email: &str,
    password: &str,
) -> reqwest::Result<Response> {
    post(
        client,
        address,
        "/login",
        token,
        &[("email", email), ("password", password)],
    )
    .await
}

/// The status and Location of an answer.
pub fn status_and_location(response: &Response) -> (u16, String) {
    (response.status().as_u16(), location(response).to_owned())
}

/// The code step at `address`: the answer to POST /login/verify.
pub async fn code_step(client: &Client, address: &str, code: &str) -> reqwest::Result<Response> {
    let token = token_of(client, address, "/login/verify").await?;
    post(client, address, "/login/verify", &token, &[("code", code)]).await
}

/// Signs `client` out with the form of its security settings.
pub async fn sign_out(client: &Client, address: &str) {
    let token = token_of(client, address, "/account/security")
        .await
        .unwrap();
    let answer = post(client, address, "/logout", &token, &[]).await.unwrap();
    assert_eq!(answer.status(), 303, "signing out");
}
