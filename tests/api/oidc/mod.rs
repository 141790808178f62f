//! Twostep as an OpenID Connect provider, tried as applications try it: with the
//! `openidconnect` crate as the relying party (discovery, the code flow with PKCE, the token
//! exchange, ID-token verification against jwks, userinfo), and the browser's part walked
//! through the portal's own pages.

mod accounts;
mod authorize_refusals;
mod clients;
mod flows;
mod logout;
mod rooms;
mod rotation;
mod sessions;
mod signing_keys;
mod token_refusals;
mod two_step;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreIdTokenClaims, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{AuthenticationContextClass, AuthenticationMethodReference};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope, TokenResponse,
};
use reqwest::Response;
use twostep::config::Settings;

use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, location_of, submit_with};
use crate::kit::applications::NewApplication;

/// The relying party's callback: never served, only read from the redirect.
pub const CALLBACK: &str = "https://rp.example/callback";

pub type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// A portal whose public URL is its real address, as the issuer must be.
pub async fn spawn(backend: Backend) -> Option<TestApp> {
    spawn_with(backend, |_| {}).await
}

/// As `spawn`, with other settings adjusted by `adjust` (a metrics token…).
pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> Option<TestApp> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    TestApp::spawn_with(backend, |settings| {
        settings.bind = format!("127.0.0.1:{port}").parse().unwrap();
        settings.public_url = format!("http://127.0.0.1:{port}").parse().unwrap();
        adjust(settings);
    })
    .await
}

/// The relying party's own HTTP client: no redirects, as the crate asks.
pub fn rp_http() -> openidconnect::reqwest::Client {
    openidconnect::reqwest::ClientBuilder::new()
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A relying party configured by discovery, as an application developer sets one up.
pub async fn relying_party(app: &TestApp, client_id: &str, secret: Option<&str>) -> Client {
    relying_party_at(app, client_id, secret, CALLBACK).await
}

/// A relying party whose callback is `callback`.
pub async fn relying_party_at(
    app: &TestApp,
    client_id: &str,
    secret: Option<&str>,
    callback: &str,
) -> Client {
    let metadata = CoreProviderMetadata::discover_async(
        IssuerUrl::new(app.address.clone()).unwrap(),
        &rp_http(),
    )
    .await
    .expect("discovery");
    CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(client_id.to_owned()),
        secret.map(|s| ClientSecret::new(s.to_owned())),
    )
    .set_redirect_uri(RedirectUrl::new(callback.to_owned()).unwrap())
}

/// One sign-in as the relying party begins it.
pub struct Attempt {
    pub url: String,
    pub state: CsrfToken,
    pub nonce: Nonce,
    pub verifier: PkceCodeVerifier,
}

pub fn begin(client: &Client, scopes: &[&str], extra: &[(&str, &str)]) -> Attempt {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge);
    for scope in scopes {
        request = request.add_scope(Scope::new((*scope).to_owned()));
    }
    for (name, value) in extra {
        request = request.add_extra_param(*name, *value);
    }
    let (url, state, nonce) = request.url();
    Attempt {
        url: url.to_string(),
        state,
        nonce,
        verifier,
    }
}

/// The parameters of the redirect back to the relying party.
pub fn callback_params(response: &Response) -> Vec<(String, String)> {
    callback_params_at(response, CALLBACK)
}

/// The parameters of the redirect back to `callback`.
pub fn callback_params_at(response: &Response, callback: &str) -> Vec<(String, String)> {
    let location = location_of(response).expect("a redirect");
    assert!(location.starts_with(callback), "{location}");
    url::Url::parse(&location)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

pub fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// What the relying party holds after the exchange.
pub struct SignedInToRp {
    pub claims: CoreIdTokenClaims,
    pub userinfo: CoreUserInfoClaims,
    /// The ID token as received (for `id_token_hint`).
    pub id_token: String,
    pub access_token: String,
}

/// The code exchanged, the ID token verified (signature against jwks, `iss`, `aud`,
/// `nonce`, expiry), userinfo read.
pub async fn finish(client: &Client, attempt: Attempt, code: &str) -> SignedInToRp {
    let http = rp_http();
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .unwrap()
        .set_pkce_verifier(attempt.verifier)
        .request_async(&http)
        .await
        .expect("the token exchange");
    let id_token = tokens.id_token().expect("an ID token");
    let claims = id_token
        .claims(&client.id_token_verifier(), &attempt.nonce)
        .expect("a valid ID token")
        .clone();
    let raw_id_token = id_token.to_string();
    let access_token = tokens.access_token().secret().clone();
    let userinfo: CoreUserInfoClaims = client
        .user_info(tokens.access_token().clone(), None)
        .unwrap()
        .request_async(&http)
        .await
        .expect("userinfo");
    SignedInToRp {
        claims,
        userinfo,
        id_token: raw_id_token,
        access_token,
    }
}

impl crate::kit::Kit<'_> {
    /// A confidential application with the test callback; its client id and secret.
    pub async fn confidential_application(&self, name: &str) -> (String, String) {
        let (application, secret) = self
            .create_application(&NewApplication::confidential(name, &[CALLBACK]))
            .await;
        (application.client_id, secret.unwrap())
    }
}

/// The browser follows the portal's redirects from `url` until it leaves for the relying
/// party or lands on a page; returns the last response.
pub async fn follow(app: &TestApp, client: &reqwest::Client, url: &str) -> Response {
    let mut response = client.get(url).send().await.unwrap();
    for _ in 0..10 {
        let Some(location) = location_of(&response) else {
            return response;
        };
        if !location.starts_with('/') {
            return response;
        }
        response = client.get(app.url(&location)).send().await.unwrap();
    }
    panic!("too many redirects from {url}");
}

/// The path and query of the page a response is (after `follow`).
pub fn page_of(response: &Response) -> String {
    let url = response.url();
    match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    }
}

/// At the sign-in page the authorization sent the browser to: the password, typed in the
/// form (with its `next`); the answer.
pub async fn sign_in_at(
    app: &TestApp,
    client: &reqwest::Client,
    login_page: &str,
    email: &str,
) -> Response {
    let next = url::Url::parse(&app.url(login_page))
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v.into_owned())
        .expect("the sign-in page returns to the application's sign-in");
    submit_with(
        client,
        &app.address,
        login_page,
        "/login",
        &[
            ("email", email),
            ("password", GOOD_PASSWORD),
            ("next", &next),
        ],
    )
    .await
}

/// A browser sent to the application's sign-in, signed in there with the password of a
/// user without 2-step verification, and followed back: the redirect to the relying party.
pub async fn password_sign_in(
    app: &TestApp,
    browser: &reqwest::Client,
    url: &str,
    email: &str,
) -> Response {
    let to_login = follow(app, browser, url).await;
    assert_eq!(to_login.status(), 200, "the sign-in page");
    assert_eq!(to_login.url().path(), "/login");
    let signed_in = sign_in_at(app, browser, &page_of(&to_login), email).await;
    let location = location_of(&signed_in).expect("signed in");
    follow(app, browser, &app.url(&location)).await
}

/// The code of a redirect back to the relying party, after checking its `state` and `iss`.
pub fn code_of(app: &TestApp, response: &Response, attempt: &Attempt) -> String {
    let params = callback_params(response);
    assert_eq!(
        param(&params, "state"),
        Some(attempt.state.secret().as_str())
    );
    assert_eq!(param(&params, "iss"), Some(app.address.as_str()));
    assert_eq!(param(&params, "error"), None, "{params:?}");
    param(&params, "code").expect("a code").to_owned()
}

/// A new browser signed in (password only) to the portal through an application's sign-in:
/// the browser, and the code that sign-in got.
pub async fn signed_in_browser_with_code(
    app: &TestApp,
    attempt: &Attempt,
    email: &str,
) -> (reqwest::Client, String) {
    let (browser, _) = app.new_browser();
    let back = password_sign_in(app, &browser, &attempt.url, email).await;
    let code = code_of(app, &back, attempt);
    (browser, code)
}

/// `amr` of an ID token, as strings.
pub fn amr(claims: &CoreIdTokenClaims) -> Vec<String> {
    claims
        .auth_method_refs()
        .map(|values| {
            values
                .iter()
                .map(|v: &AuthenticationMethodReference| v.to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// `acr` of an ID token.
pub fn acr(claims: &CoreIdTokenClaims) -> String {
    claims
        .auth_context_ref()
        .map(|a: &AuthenticationContextClass| a.to_string())
        .unwrap_or_default()
}

/// `/oauth2/authorize` with exactly these parameters, as a hand-built request sends them.
pub fn authorize_path(params: &[(&str, &str)]) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    format!("/oauth2/authorize?{query}")
}

/// A hand-built token request: the form, and Basic credentials when given.
pub async fn post_token(
    app: &TestApp,
    form: &[(&str, &str)],
    basic: Option<(&str, &str)>,
) -> Response {
    let mut request = reqwest::Client::new()
        .post(app.url("/oauth2/token"))
        .form(form);
    if let Some((id, secret)) = basic {
        request = request.basic_auth(id, Some(secret));
    }
    request.send().await.unwrap()
}

/// The `error` of an OAuth error answer (checked to be JSON, never cached).
pub async fn oauth_error(response: Response) -> String {
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: serde_json::Value = response.json().await.unwrap();
    body["error"].as_str().expect("an error code").to_owned()
}

/// The status of userinfo read with `access_token`.
pub async fn userinfo_status(app: &TestApp, access_token: &str) -> u16 {
    reqwest::Client::new()
        .get(app.url("/oauth2/userinfo"))
        .bearer_auth(access_token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The `kid`s `/oauth2/jwks` publishes, in order.
pub async fn published_kids(app: &TestApp) -> Vec<String> {
    let body: serde_json::Value = reqwest::get(app.url("/oauth2/jwks"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}
