//! A software authenticator for the passkey tests and the benchmark client: what a browser
//! and a platform authenticator together hand a relying party, made from the JSON a page
//! holds (WebAuthn Level 3 `PublicKeyCredentialCreationOptionsJSON` and
//! `PublicKeyCredentialRequestOptionsJSON`, bare or inside `{"publicKey": …}`) and returned
//! as the JSON its form posts (`RegistrationResponseJSON`, `AuthenticationResponseJSON`).
//!
//! Its keys are ECDSA P-256 (ES256), its attestation `none`, every credential discoverable.
//! It speaks only for itself: it does not honour `excludeCredentials` or the requested user
//! verification, so a test can make it send what a relying party must refuse. The knobs are
//! its public fields:
//!
//! ```ignore
//! let mut authenticator = SoftAuthenticator::new();
//! let registration = authenticator.register(&creation_options, "http://localhost:8080");
//! authenticator.user_verification = false; // the UV flag is off from now on
//! authenticator.credentials[0].counter = 0; // the next assertion carries counter 1 again
//! let assertion = authenticator.authenticate(&request_options, "http://localhost:8080");
//! ```
//!
//! Malformed options make it panic with the reason: it serves tests, and a test that feeds
//! it such options has failed.

use std::sync::Arc;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};
use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use rand::Rng;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// base64url without padding, as WebAuthn's JSON forms write it; padding is accepted when
/// reading, as browsers accept it.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The flags of authenticator data (WebAuthn §6.1).
const USER_PRESENT: u8 = 0x01;
const USER_VERIFIED: u8 = 0x04;
const BACKUP_ELIGIBLE: u8 = 0x08;
const BACKED_UP: u8 = 0x10;
const ATTESTED_CREDENTIAL_DATA: u8 = 0x40;

/// COSE algorithm ES256: ECDSA on P-256 with SHA-256.
const ES256: i64 = -7;

/// An authenticator holding any number of credentials, with the knobs that decide what the
/// next ceremony sends.
#[derive(Clone, Debug)]
pub struct SoftAuthenticator {
    /// The credentials made by `register`, oldest first.
    pub credentials: Vec<SoftCredential>,
    /// The UV flag: the person proved who they are (PIN, fingerprint). On by default.
    pub user_verification: bool,
    /// The BE flag: credentials may be synced to other devices. Off by default.
    pub backup_eligible: bool,
    /// The BS flag: credentials are synced. Off by default.
    pub backed_up: bool,
    /// How much each assertion adds to its credential's counter: 1 by default, 0 for an
    /// authenticator that keeps no counter (synced passkeys send 0 every time).
    pub counter_step: u32,
    /// The origin written in `clientDataJSON` instead of the one the caller passes, for a
    /// phishing page that a helper would otherwise fill in correctly.
    pub origin_override: Option<String>,
    /// The relying party id whose hash starts the authenticator data instead of the one the
    /// options name: a credential signing for another site. Credentials are still looked up
    /// by the options' relying party id.
    pub rp_id_override: Option<String>,
}

/// One credential (a passkey) of the authenticator.
#[derive(Clone, Debug)]
pub struct SoftCredential {
    /// 16 to 32 random bytes.
    pub id: Vec<u8>,
    /// The relying party id it was made for.
    pub rp_id: String,
    /// The `user.id` given at registration, sent back as `userHandle`.
    pub user_handle: Vec<u8>,
    /// The signature counter last sent. Set it back to replay an older count: the next
    /// assertion carries `counter + counter_step`.
    pub counter: u32,
    /// Shared by clones, as a cloned authenticator shares its keys.
    key: Arc<EcdsaKeyPair>,
}

impl Default for SoftAuthenticator {
    fn default() -> Self {
        Self {
            credentials: Vec::new(),
            user_verification: true,
            backup_eligible: false,
            backed_up: false,
            counter_step: 1,
            origin_override: None,
            rp_id_override: None,
        }
    }
}

impl SoftAuthenticator {
    /// An authenticator with no credential, verifying its user, neither backup eligible nor
    /// backed up, counting each signature.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes a new credential for the relying party and user the creation options name, and
    /// returns the `RegistrationResponseJSON` that the page posts.
    pub fn register(&mut self, options: &Value, origin: &str) -> Value {
        let options = options.get("publicKey").unwrap_or(options);
        let offers_es256 = options["pubKeyCredParams"]
            .as_array()
            .expect("the creation options have pubKeyCredParams")
            .iter()
            .any(|parameters| parameters["alg"].as_i64() == Some(ES256));
        assert!(offers_es256, "the relying party does not accept ES256");
        let rp_id = match options["rp"]["id"].as_str() {
            Some(rp_id) => rp_id.to_owned(),
            None => host_of(origin),
        };
        let challenge = decode(&options["challenge"], "challenge");
        let user_handle = decode(&options["user"]["id"], "user.id");

        let mut random = rand::thread_rng();
        let mut id = vec![0; random.gen_range(16..=32)];
        random.fill(id.as_mut_slice());
        let key = EcdsaKeyPair::generate(&ECDSA_P256_SHA256_ASN1_SIGNING)
            .expect("aws-lc-rs generates a P-256 key");
        let credential = SoftCredential {
            id,
            rp_id,
            user_handle,
            counter: 0,
            key: Arc::new(key),
        };

        let response = self.registration_response(&credential, &challenge, origin);
        self.credentials.push(credential);
        response
    }

    /// Registers credential `index` (made before, perhaps for another account) again with
    /// the challenge of these creation options, as an authenticator that ignores
    /// `excludeCredentials` would: the relying party must find it registered already.
    pub fn register_again(&self, index: usize, options: &Value, origin: &str) -> Value {
        let options = options.get("publicKey").unwrap_or(options);
        let challenge = decode(&options["challenge"], "challenge");
        self.registration_response(&self.credentials[index], &challenge, origin)
    }

    /// The `RegistrationResponseJSON` of `credential` for `challenge`.
    fn registration_response(
        &self,
        credential: &SoftCredential,
        challenge: &[u8],
        origin: &str,
    ) -> Value {
        let mut auth_data = self.authenticator_data(
            &credential.rp_id,
            ATTESTED_CREDENTIAL_DATA,
            credential.counter,
        );
        // The AAGUID: zeros, as an authenticator that gives no attestation sends.
        auth_data.extend_from_slice(&[0; 16]);
        let id_length = u16::try_from(credential.id.len()).expect("the id is 16 to 32 bytes");
        auth_data.extend_from_slice(&id_length.to_be_bytes());
        auth_data.extend_from_slice(&credential.id);
        auth_data.extend_from_slice(&credential.cose_key());
        let attestation_object = Cbor::Map(vec![
            (Cbor::Text("fmt"), Cbor::Text("none")),
            (Cbor::Text("attStmt"), Cbor::Map(Vec::new())),
            (Cbor::Text("authData"), Cbor::Bytes(auth_data)),
        ])
        .to_bytes();
        let client_data = self.client_data("webauthn.create", challenge, origin);

        let id = BASE64URL.encode(&credential.id);
        json!({
            "id": id,
            "rawId": id,
            "type": "public-key",
            "response": {
                "clientDataJSON": BASE64URL.encode(client_data),
                "attestationObject": BASE64URL.encode(attestation_object),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        })
    }

    /// Signs the challenge of the request options with the first credential of
    /// `allowCredentials` it holds for their relying party or, when that list is empty or
    /// absent, with its newest credential for that relying party (a discoverable sign-in);
    /// returns the `AuthenticationResponseJSON` that the page posts. Clear
    /// `allowCredentials` in the options to sign with a credential the server did not ask for.
    pub fn authenticate(&mut self, options: &Value, origin: &str) -> Value {
        let options = options.get("publicKey").unwrap_or(options);
        let rp_id = match options["rpId"].as_str() {
            Some(rp_id) => rp_id.to_owned(),
            None => host_of(origin),
        };
        let challenge = decode(&options["challenge"], "challenge");
        let allowed: Vec<Vec<u8>> = match options["allowCredentials"].as_array() {
            Some(list) => list
                .iter()
                .map(|descriptor| decode(&descriptor["id"], "allowCredentials[].id"))
                .collect(),
            None => Vec::new(),
        };
        let for_this_site = |credential: &SoftCredential| credential.rp_id == rp_id;
        let position = if allowed.is_empty() {
            self.credentials.iter().rposition(for_this_site)
        } else {
            allowed.iter().find_map(|id| {
                self.credentials
                    .iter()
                    .position(|credential| for_this_site(credential) && credential.id == *id)
            })
        };
        let position = position.unwrap_or_else(|| {
            panic!("the authenticator holds no credential for {rp_id} that the options allow")
        });

        let step = self.counter_step;
        let credential = &mut self.credentials[position];
        credential.counter = credential.counter.wrapping_add(step);
        let credential = &self.credentials[position];

        let auth_data = self.authenticator_data(&credential.rp_id, 0, credential.counter);
        let client_data = self.client_data("webauthn.get", &challenge, origin);
        let mut signed = auth_data.clone();
        signed.extend_from_slice(&Sha256::digest(&client_data));
        let signature = credential
            .key
            .sign(&SystemRandom::new(), &signed)
            .expect("aws-lc-rs signs with a P-256 key");

        let id = BASE64URL.encode(&credential.id);
        json!({
            "id": id,
            "rawId": id,
            "type": "public-key",
            "response": {
                "clientDataJSON": BASE64URL.encode(client_data),
                "authenticatorData": BASE64URL.encode(auth_data),
                "signature": BASE64URL.encode(signature.as_ref()),
                "userHandle": BASE64URL.encode(&credential.user_handle),
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        })
    }

    /// rpIdHash || flags || signCount, the part of authenticator data every ceremony sends.
    fn authenticator_data(&self, rp_id: &str, extra_flags: u8, counter: u32) -> Vec<u8> {
        let rp_id = self.rp_id_override.as_deref().unwrap_or(rp_id);
        let mut flags = USER_PRESENT | extra_flags;
        if self.user_verification {
            flags |= USER_VERIFIED;
        }
        if self.backup_eligible {
            flags |= BACKUP_ELIGIBLE;
        }
        if self.backed_up {
            flags |= BACKED_UP;
        }
        let mut data = Sha256::digest(rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend_from_slice(&counter.to_be_bytes());
        data
    }

    /// The client data as a browser serialises it: these members in this order (WebAuthn
    /// §5.8.1.1), the challenge in base64url without padding.
    fn client_data(&self, kind: &str, challenge: &[u8], origin: &str) -> Vec<u8> {
        let origin = self.origin_override.as_deref().unwrap_or(origin);
        format!(
            r#"{{"type":{},"challenge":{},"origin":{},"crossOrigin":false}}"#,
            Value::from(kind),
            Value::from(BASE64URL.encode(challenge)),
            Value::from(origin),
        )
        .into_bytes()
    }
}

impl SoftCredential {
    /// The public key as an uncompressed SEC1 point (0x04 || x || y).
    pub fn public_key(&self) -> &[u8] {
        self.key.public_key().as_ref()
    }

    /// The public key as a COSE_Key (RFC 9053): EC2, ES256, P-256, x, y.
    fn cose_key(&self) -> Vec<u8> {
        let (x, y) = self.public_key()[1..].split_at(32);
        Cbor::Map(vec![
            (Cbor::Int(1), Cbor::Int(2)),             // kty: EC2
            (Cbor::Int(3), Cbor::Int(ES256)),         // alg
            (Cbor::Int(-1), Cbor::Int(1)),            // crv: P-256
            (Cbor::Int(-2), Cbor::Bytes(x.to_vec())), // x
            (Cbor::Int(-3), Cbor::Bytes(y.to_vec())), // y
        ])
        .to_bytes()
    }
}

/// The options a page holds for `static/passkey.js`: the JSON of its
/// `<script type="application/json" id="passkey-options">` element (escaped with `\u003c`
/// and the like, which JSON reads back as the characters); `None` when it holds none.
pub fn options_on_page(html: &str) -> Option<Value> {
    let marker = r#"<script type="application/json" id="passkey-options">"#;
    let start = html.find(marker)? + marker.len();
    let end = start + html[start..].find("</script>")?;
    serde_json::from_str(&html[start..end]).ok()
}

fn decode(value: &Value, what: &str) -> Vec<u8> {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("the options have no {what}"));
    BASE64URL
        .decode(text)
        .unwrap_or_else(|error| panic!("the options' {what} is not base64url: {error}"))
}

/// The default relying party id: the host of the origin.
fn host_of(origin: &str) -> String {
    let origin = url::Url::parse(origin).expect("the origin is a URL");
    origin.host_str().expect("the origin has a host").to_owned()
}

/// The few CBOR items (RFC 8949) an attestation object and a COSE key are made of, written
/// in the order given: callers give map keys in CTAP2's canonical order.
enum Cbor {
    Int(i64),
    Bytes(Vec<u8>),
    Text(&'static str),
    Map(Vec<(Cbor, Cbor)>),
}

impl Cbor {
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Cbor::Int(n) if *n >= 0 => write_head(out, 0, n.unsigned_abs()),
            // A negative integer n is written as -1 - n.
            Cbor::Int(n) => write_head(out, 1, (-1 - n).unsigned_abs()),
            Cbor::Bytes(bytes) => {
                write_head(out, 2, bytes.len() as u64);
                out.extend_from_slice(bytes);
            }
            Cbor::Text(text) => {
                write_head(out, 3, text.len() as u64);
                out.extend_from_slice(text.as_bytes());
            }
            Cbor::Map(entries) => {
                write_head(out, 5, entries.len() as u64);
                for (key, value) in entries {
                    key.write(out);
                    value.write(out);
                }
            }
        }
    }
}

/// A major type and its argument, in the shortest form (RFC 8949 §3).
fn write_head(out: &mut Vec<u8>, major: u8, argument: u64) {
    let major = major << 5;
    if argument < 24 {
        out.push(major | argument as u8);
    } else if let Ok(argument) = u8::try_from(argument) {
        out.push(major | 24);
        out.push(argument);
    } else if let Ok(argument) = u16::try_from(argument) {
        out.push(major | 25);
        out.extend_from_slice(&argument.to_be_bytes());
    } else if let Ok(argument) = u32::try_from(argument) {
        out.push(major | 26);
        out.extend_from_slice(&argument.to_be_bytes());
    } else {
        out.push(major | 27);
        out.extend_from_slice(&argument.to_be_bytes());
    }
}
