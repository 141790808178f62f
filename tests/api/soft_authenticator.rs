//! The test kit's software authenticator against the verifier the portal uses (webauthn-rs),
//! with no portal in between: what it sends passes as a browser's would, and each knob the
//! passkey tests attack with makes the verifier refuse for the reason meant.

use serde::Serialize;
use serde_json::Value;
use webauthn_rs::prelude::{
    AuthenticationResult, PublicKeyCredential, RegisterPublicKeyCredential, SecurityKey, Url, Uuid,
    Webauthn, WebauthnBuilder, WebauthnError,
};

use crate::kit::authenticator::SoftAuthenticator;

const RP_ID: &str = "localhost";
const ORIGIN: &str = "http://localhost:8080";

fn relying_party() -> Webauthn {
    let origin = Url::parse(ORIGIN).expect("the origin is a URL");
    WebauthnBuilder::new(RP_ID, &origin)
        .expect("localhost is a relying party id of the origin")
        .rp_name("Twostep")
        .build()
        .expect("the relying party is complete")
}

/// The options as the page holds them: webauthn-rs's own JSON, `{"publicKey": …}`.
fn page_json(options: &impl Serialize) -> Value {
    serde_json::to_value(options).expect("the options serialise")
}

/// The credential as a relying party stores it (webauthn-rs hides its fields).
fn stored(key: &SecurityKey) -> Value {
    serde_json::to_value(key).expect("a security key serialises")["cred"].clone()
}

fn assertion(response: Value) -> PublicKeyCredential {
    serde_json::from_value(response).expect("the assertion parses as webauthn-rs reads a form")
}

/// Registers a new credential of the authenticator as a security key of `user`.
fn register(webauthn: &Webauthn, authenticator: &mut SoftAuthenticator, user: Uuid) -> SecurityKey {
    let (options, state) = webauthn
        .start_securitykey_registration(user, "ada@example.com", "Ada", None, None, None)
        .expect("a registration starts");
    let response = authenticator.register(&page_json(&options), ORIGIN);
    let response: RegisterPublicKeyCredential =
        serde_json::from_value(response).expect("the registration parses");
    webauthn
        .finish_securitykey_registration(&response, &state)
        .expect("the verifier accepts the registration")
}

/// Signs a second-step challenge for `key`, and what the verifier makes of it.
fn sign_in(
    webauthn: &Webauthn,
    authenticator: &mut SoftAuthenticator,
    key: &SecurityKey,
) -> Result<AuthenticationResult, WebauthnError> {
    let (options, state) = webauthn
        .start_securitykey_authentication(std::slice::from_ref(key))
        .expect("an authentication starts");
    let response = authenticator.authenticate(&page_json(&options), ORIGIN);
    webauthn.finish_securitykey_authentication(&assertion(response), &state)
}

/// Signs a passkey sign-in challenge (no list of credentials, user verification required)
/// with the authenticator's own choice of credential, and what the verifier makes of it.
fn sign_in_with_passkey_alone(
    webauthn: &Webauthn,
    authenticator: &mut SoftAuthenticator,
    key: &SecurityKey,
) -> Result<AuthenticationResult, WebauthnError> {
    let (options, state) = webauthn
        .start_discoverable_authentication()
        .expect("a passkey sign-in starts");
    let response = assertion(authenticator.authenticate(&page_json(&options), ORIGIN));
    let (user, credential_id) = webauthn
        .identify_discoverable_authentication(&response)
        .expect("the assertion names its user");
    assert_eq!(credential_id, key.cred_id().as_slice());
    assert_eq!(
        user.as_bytes(),
        authenticator.credentials[0].user_handle.as_slice()
    );
    webauthn.finish_discoverable_authentication_v2(&response, state, key)
}

#[test]
fn a_registration_and_its_assertions_pass_the_verifier() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    let user = Uuid::new_v4();
    let (options, state) = webauthn
        .start_securitykey_registration(user, "ada@example.com", "Ada", None, None, None)
        .expect("a registration starts");
    let response = authenticator.register(&page_json(&options), ORIGIN);

    assert_eq!(response["type"], "public-key");
    assert_eq!(response["id"], response["rawId"]);
    assert_eq!(response["response"]["transports"][0], "internal");
    assert_eq!(response["authenticatorAttachment"], "platform");
    let parsed: RegisterPublicKeyCredential =
        serde_json::from_value(response).expect("the registration parses");
    let client_data: Value =
        serde_json::from_slice(&parsed.response.client_data_json).expect("the client data is JSON");
    assert_eq!(client_data["type"], "webauthn.create");
    assert_eq!(client_data["origin"], ORIGIN);
    assert_eq!(client_data["crossOrigin"], false);
    let mut key = webauthn
        .finish_securitykey_registration(&parsed, &state)
        .expect("the verifier accepts the registration");

    let credential = &authenticator.credentials[0];
    assert_eq!(key.cred_id().as_slice(), credential.id.as_slice());
    assert!((16..=32).contains(&credential.id.len()));
    assert_eq!(credential.rp_id, RP_ID);
    assert_eq!(credential.user_handle, user.as_bytes());
    let stored = stored(&key);
    assert_eq!(stored["user_verified"], true);
    assert_eq!(stored["backup_eligible"], false);
    assert_eq!(stored["backup_state"], false);

    let first = sign_in(&webauthn, &mut authenticator, &key).expect("the verifier accepts");
    assert_eq!(first.cred_id(), key.cred_id());
    assert!(first.user_verified());
    assert_eq!(first.counter(), 1);
    key.update_credential(&first);

    // The options without their `publicKey` wrapper, as a page may also hold them.
    let (options, state) = webauthn
        .start_securitykey_authentication(std::slice::from_ref(&key))
        .expect("an authentication starts");
    let response = authenticator.authenticate(&page_json(&options)["publicKey"], ORIGIN);
    assert!(response["response"]["userHandle"].is_string());
    let second = webauthn
        .finish_securitykey_authentication(&assertion(response), &state)
        .expect("the verifier accepts the second assertion");
    assert_eq!(second.counter(), 2);
    assert_eq!(authenticator.credentials[0].counter, 2);
}

#[test]
fn a_passkey_alone_names_its_user_and_passes_the_verifier() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    let user = Uuid::new_v4();
    let key = register(&webauthn, &mut authenticator, user);
    let (options, _) = webauthn
        .start_discoverable_authentication()
        .expect("a passkey sign-in starts");
    let options = page_json(&options);
    assert_eq!(
        options["publicKey"]["allowCredentials"],
        Value::Array(Vec::new())
    );
    assert_eq!(options["publicKey"]["userVerification"], "required");

    let result = sign_in_with_passkey_alone(&webauthn, &mut authenticator, &key)
        .expect("the verifier accepts the passkey alone");
    assert!(result.user_verified());
    assert_eq!(result.counter(), 1);
}

#[test]
fn a_phishing_origin_is_refused() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    let (options, state) = webauthn
        .start_securitykey_registration(Uuid::new_v4(), "ada@example.com", "Ada", None, None, None)
        .expect("a registration starts");
    let response = authenticator.register(&page_json(&options), "http://localhost.example:8080");
    let response: RegisterPublicKeyCredential =
        serde_json::from_value(response).expect("the registration parses");
    let refused = webauthn.finish_securitykey_registration(&response, &state);
    assert!(
        matches!(refused, Err(WebauthnError::InvalidRPOrigin)),
        "{refused:?}"
    );

    let key = register(&webauthn, &mut authenticator, Uuid::new_v4());
    authenticator.origin_override = Some("https://localhost:8080".to_owned());
    let refused = sign_in(&webauthn, &mut authenticator, &key);
    assert!(
        matches!(refused, Err(WebauthnError::InvalidRPOrigin)),
        "{refused:?}"
    );

    authenticator.origin_override = None;
    assert!(sign_in(&webauthn, &mut authenticator, &key).is_ok());
}

#[test]
fn a_passkey_alone_without_user_verification_is_refused() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    let key = register(&webauthn, &mut authenticator, Uuid::new_v4());

    authenticator.user_verification = false;
    let refused = sign_in_with_passkey_alone(&webauthn, &mut authenticator, &key);
    assert!(
        matches!(refused, Err(WebauthnError::UserNotVerified)),
        "{refused:?}"
    );

    authenticator.user_verification = true;
    let result = sign_in_with_passkey_alone(&webauthn, &mut authenticator, &key)
        .expect("the same passkey verifying its user is accepted");
    assert!(result.user_verified());
}

#[test]
fn a_security_key_without_user_verification_serves_the_second_step() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    authenticator.user_verification = false;
    let key = register(&webauthn, &mut authenticator, Uuid::new_v4());

    let result = sign_in(&webauthn, &mut authenticator, &key)
        .expect("user verification is preferred, not required, at the second step");
    assert!(!result.user_verified());
}

#[test]
fn a_signature_for_another_relying_party_is_refused() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    let key = register(&webauthn, &mut authenticator, Uuid::new_v4());

    authenticator.rp_id_override = Some("example.com".to_owned());
    let refused = sign_in(&webauthn, &mut authenticator, &key);
    assert!(
        matches!(refused, Err(WebauthnError::InvalidRPIDHash)),
        "{refused:?}"
    );
}

#[test]
fn a_counter_going_backwards_is_refused_and_no_counter_at_all_is_accepted() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    let mut key = register(&webauthn, &mut authenticator, Uuid::new_v4());
    let result = sign_in(&webauthn, &mut authenticator, &key).expect("the first assertion");
    key.update_credential(&result);

    authenticator.credentials[0].counter = 0;
    let refused = sign_in(&webauthn, &mut authenticator, &key);
    assert!(
        matches!(refused, Err(WebauthnError::CredentialPossibleCompromise)),
        "{refused:?}"
    );

    let mut synced = SoftAuthenticator::new();
    synced.counter_step = 0;
    let key = register(&webauthn, &mut synced, Uuid::new_v4());
    for _ in 0..2 {
        let result = sign_in(&webauthn, &mut synced, &key).expect("a counter of 0 every time");
        assert_eq!(result.counter(), 0);
    }
}

#[test]
fn backup_flags_are_recorded_and_a_change_of_eligibility_is_refused() {
    let webauthn = relying_party();
    let mut authenticator = SoftAuthenticator::new();
    authenticator.backup_eligible = true;
    authenticator.backed_up = true;
    let key = register(&webauthn, &mut authenticator, Uuid::new_v4());
    let stored = stored(&key);
    assert_eq!(stored["backup_eligible"], true);
    assert_eq!(stored["backup_state"], true);

    let result = sign_in(&webauthn, &mut authenticator, &key).expect("the synced passkey");
    assert!(result.backup_eligible() && result.backup_state());

    authenticator.backup_eligible = false;
    authenticator.backed_up = false;
    let refused = sign_in(&webauthn, &mut authenticator, &key);
    assert!(
        matches!(
            refused,
            Err(WebauthnError::CredentialBackupEligibilityInconsistent)
        ),
        "{refused:?}"
    );
}
