//! Signing in to an application through Twostep, in Chromium: a tiny relying party (the
//! `openidconnect` crate, on an origin of its own) sends the browser to Twostep, which asks
//! the password and the code texted, and comes back to it with the claims shown. Then the
//! application's "Sign out" asks Twostep to end its session too, after a question.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreIdTokenClaims, CoreProviderMetadata,
};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{add_account, path_of, seeder, turn_on_sms};
use super::kit::applications::NewApplication;
use super::{browser, enter_code, expect_text, follow, portal_with, press, sign_in};

const EMAIL: &str = "katherine@example.com";
const NAME: &str = "Katherine Johnson";
const PHONE: &str = "+46705550123";
const OTHER_PHONE: &str = "+46705550124";

/// What the relying party keeps between sending the browser away and its return.
struct Pending {
    nonce: Nonce,
    verifier: PkceCodeVerifier,
}

type Sessions = Arc<Mutex<HashMap<String, Pending>>>;

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>{title}</title><link rel=\"icon\" href=\"data:,\"></head><body><main><h1>{title}</h1>{body}</main></body></html>"
    )
}

fn rp_http() -> openidconnect::reqwest::Client {
    openidconnect::reqwest::ClientBuilder::new()
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The relying party's answer to one request (`target`: path and query).
async fn answer(
    target: &str,
    client: &openidconnect::core::CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    sessions: &Sessions,
    end_session: &str,
    client_id: &str,
    me: &str,
) -> (u16, Option<String>, String) {
    let url = url::Url::parse(&format!("http://rp{target}")).unwrap();
    let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
    match url.path() {
        "/" => (
            200,
            None,
            page(
                "Field notes",
                "<p><a href=\"/login\">Sign in with Twostep</a></p>",
            ),
        ),
        "/login" | "/login-with-two-step" => {
            let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
            let mut request = client
                .authorize_url(
                    CoreAuthenticationFlow::AuthorizationCode,
                    CsrfToken::new_random,
                    Nonce::new_random,
                )
                .add_scope(Scope::new("email".into()))
                .add_scope(Scope::new("profile".into()))
                .set_pkce_challenge(challenge);
            if url.path() == "/login-with-two-step" {
                request = request.add_extra_param("acr_values", "urn:twostep:two-step");
            }
            let (to, state, nonce) = request.url();
            sessions
                .lock()
                .unwrap()
                .insert(state.secret().clone(), Pending { nonce, verifier });
            (302, Some(to.to_string()), String::new())
        }
        "/callback" => {
            let pending = query
                .get("state")
                .and_then(|s| sessions.lock().unwrap().remove(s));
            let (Some(pending), Some(code)) = (pending, query.get("code")) else {
                return (400, None, page("Sign-in failed", "<p>Unknown state.</p>"));
            };
            let tokens = client
                .exchange_code(AuthorizationCode::new(code.clone()))
                .unwrap()
                .set_pkce_verifier(pending.verifier)
                .request_async(&rp_http())
                .await
                .expect("the token exchange");
            let claims: CoreIdTokenClaims = tokens
                .id_token()
                .unwrap()
                .claims(&client.id_token_verifier(), &pending.nonce)
                .expect("a valid ID token")
                .clone();
            let amr: Vec<String> = claims
                .auth_method_refs()
                .map(|v| v.iter().map(|a| a.to_string()).collect())
                .unwrap_or_default();
            let logout = format!(
                "{end_session}?client_id={client_id}&post_logout_redirect_uri={}",
                url::form_urlencoded::byte_serialize(format!("{me}/signed-out").as_bytes())
                    .collect::<String>()
            );
            let body = format!(
                "<p>Signed in as {}</p><p>Methods: {}</p><p>Level: {}</p><p><a href=\"{}\">Sign out</a></p>",
                claims.email().map(|e| e.as_str()).unwrap_or("?"),
                amr.join(" "),
                claims.auth_context_ref().map(|a| a.as_str()).unwrap_or("?"),
                logout.replace('&', "&amp;"),
            );
            (200, None, page("Field notes", &body))
        }
        "/signed-out" => (
            200,
            None,
            page("Field notes", "<p>You are signed out of Field notes.</p>"),
        ),
        _ => (404, None, page("Not found", "")),
    }
}

/// Serves the relying party on `listener` (a port of `127.0.0.1`, while the portal is at
/// `localhost`: another origin), configured by discovery as the confidential client
/// `client_id`.
async fn serve_relying_party(
    listener: tokio::net::TcpListener,
    portal: &str,
    client_id: String,
    secret: String,
) {
    let me = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let metadata = CoreProviderMetadata::discover_async(
        IssuerUrl::new(portal.to_owned()).unwrap(),
        &rp_http(),
    )
    .await
    .expect("discovery");
    let end_session = format!("{portal}/oauth2/logout");
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(client_id.clone()),
        Some(ClientSecret::new(secret)),
    )
    .set_redirect_uri(RedirectUrl::new(format!("{me}/callback")).unwrap());
    let sessions: Sessions = Arc::default();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let (client, sessions, end_session, client_id, me) = (
                client.clone(),
                sessions.clone(),
                end_session.clone(),
                client_id.clone(),
                me.clone(),
            );
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut chunk = [0u8; 2048];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&chunk[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&head).into_owned();
                let target = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let (status, location, body) =
                    answer(&target, &client, &sessions, &end_session, &client_id, &me).await;
                let location = location
                    .map(|l| format!("Location: {l}\r\n"))
                    .unwrap_or_default();
                let response = format!(
                    "HTTP/1.1 {status} X\r\n{location}Content-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
            });
        }
    });
}

/// A person with 2-step verification by text message signs in to an application through
/// Twostep: the application sends Chromium to Twostep's sign-in, which asks the password
/// and the code; Chromium, enforcing the portal's Content-Security-Policy, returns to the
/// application, which reads who signed in and how. The application's "Sign out" asks
/// whether to sign out of Twostep too; "Sign out of Twostep" does, and returns to the
/// application.
#[tokio::test(flavor = "multi_thread")]
async fn signing_in_to_an_application_through_twostep() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let portal = format!("http://localhost:{port}");
    let public = portal.clone();
    let (_, sms, dir) = portal_with(move |settings| {
        settings.bind = format!("127.0.0.1:{port}").parse().unwrap();
        settings.public_url = public.parse().unwrap();
    })
    .await;
    let seeder = seeder(&dir, &sms);
    let id = add_account(&seeder, NAME, EMAIL, false).await;
    turn_on_sms(&seeder, id, PHONE).await;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let rp = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let callback = format!("{rp}/callback");
    let signed_out = format!("{rp}/signed-out");
    let (application, secret) = seeder
        .kit()
        .create_application(&NewApplication {
            post_logout_uris: &[&signed_out],
            ..NewApplication::confidential("Field notes", &[&callback])
        })
        .await;
    serve_relying_party(listener, &portal, application.client_id, secret.unwrap()).await;

    client.goto(&rp).await.unwrap();
    follow(&client, "Sign in with Twostep").await;
    expect_text(&client, "Sign in").await;
    assert_eq!(path_of(&client).await, "/login");
    sign_in(&client, EMAIL).await;
    // The code page, once its text was sent.
    expect_text(&client, "We sent a 6-digit code").await;
    check_page(&client, "the code step of signing in to an application").await;
    enter_code(&client, &sms.last_code_to(PHONE)).await;
    expect_text(&client, &format!("Signed in as {EMAIL}")).await;
    expect_text(&client, "Methods: pwd sms mfa").await;
    expect_text(&client, "Level: urn:twostep:two-step").await;
    assert_eq!(
        client
            .current_url()
            .await
            .unwrap()
            .origin()
            .ascii_serialization(),
        rp,
        "the browser is back in the application"
    );

    // Single sign-on: a second sign-in asks nothing.
    client.goto(&format!("{rp}/login")).await.unwrap();
    expect_text(&client, "Methods: pwd sms mfa").await;

    follow(&client, "Sign out").await;
    expect_text(&client, "Sign out of Twostep?").await;
    expect_text(&client, "Field notes asks to sign you out of Twostep too.").await;
    check_page(&client, "an application asks to sign out").await;
    check_keyboard_focus(&client, "an application asks to sign out").await;
    press(&client, "Sign out of Twostep").await;
    expect_text(&client, "You are signed out of Field notes.").await;
    client
        .goto(&format!("{portal}/account/security"))
        .await
        .unwrap();
    expect_text(&client, "Forgot your password?").await;
    assert_eq!(
        path_of(&client).await,
        "/login",
        "signed out of Twostep too"
    );

    // An application that is not registered gets an error page, not a redirect.
    client
        .goto(&format!(
            "{portal}/oauth2/authorize?client_id=nobody&redirect_uri=https%3A%2F%2Fevil.example%2F&response_type=code&scope=openid"
        ))
        .await
        .unwrap();
    expect_text(&client, "is not registered with this portal").await;
    check_page(&client, "an unknown application asks to sign someone in").await;

    // A person signed in with the password alone (2-step verification turned on since, in
    // another browser) meets an application that asks for the second step: Twostep asks
    // before it texts a code.
    let later = add_account(&seeder, "Dorothy Vaughan", "dorothy@example.com", false).await;
    client.goto(&format!("{portal}/login")).await.unwrap();
    sign_in(&client, "dorothy@example.com").await;
    expect_text(&client, "Hello, Dorothy Vaughan").await;
    turn_on_sms(&seeder, later, OTHER_PHONE).await;
    client
        .goto(&format!("{rp}/login-with-two-step"))
        .await
        .unwrap();
    expect_text(&client, "Field notes asks for 2-step verification").await;
    let state = "an application asks a password-only session for the code";
    check_page(&client, state).await;
    check_keyboard_focus(&client, state).await;
    press(&client, "Continue").await;
    expect_text(&client, "We sent a 6-digit code").await;
    enter_code(&client, &sms.last_code_to(OTHER_PHONE)).await;
    expect_text(&client, "Signed in as dorothy@example.com").await;
    expect_text(&client, "Methods: pwd sms mfa").await;
    client.close().await.unwrap();
}
