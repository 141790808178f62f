//! Twostep as an OpenID Connect provider, tried as applications try it: with the
//! `openidconnect` crate as the relying party (discovery, the code flow with PKCE, the token
//! exchange, ID-token verification against jwks, userinfo), and the browser's part walked
//! through the portal's own pages.

mod flows;
mod rotation;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreIdTokenClaims, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope, TokenResponse,
};
use reqwest::Response;

use crate::helpers::{Backend, TestApp, location_of};
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
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    TestApp::spawn_with(backend, |settings| {
        settings.bind = format!("127.0.0.1:{port}").parse().unwrap();
        settings.public_url = format!("http://127.0.0.1:{port}").parse().unwrap();
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
    .set_redirect_uri(RedirectUrl::new(CALLBACK.to_owned()).unwrap())
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
    let location = location_of(response).expect("a redirect");
    assert!(location.starts_with(CALLBACK), "{location}");
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
    let userinfo: CoreUserInfoClaims = client
        .user_info(tokens.access_token().clone(), None)
        .unwrap()
        .request_async(&http)
        .await
        .expect("userinfo");
    SignedInToRp { claims, userinfo }
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
