//! Signing people in to applications (OpenID Connect): the authorization code issued to a
//! signed-in browser, its exchange for an ID token and an access token, and what the access
//! token reads at userinfo.

use jsonwebtoken::{Algorithm, Validation};
use serde::{Deserialize, Serialize};

use super::Services;
use super::applications::secret_matches;
use super::signing_keys::KeyError;
use crate::db::DbError;
use crate::db::applications::{
    Application, CodeGrant, TokenRow, find_application, find_code, insert_access_token,
    insert_code, revoke_tokens_of_code, use_code,
};
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::users::{User, find_user_by_id};
use crate::domain::oidc::{CODE_TTL_SECS, Proofs, Scopes, TOKEN_TTL_SECS, pkce_matches, subject};
use crate::domain::tokens::{is_well_formed_token, random_token, token_digest};

/// What the browser's sign-in grants the application, for one code.
pub struct CodeRequest<'a> {
    pub application: &'a Application,
    pub user: &'a User,
    pub redirect_uri: &'a str,
    pub scopes: Scopes,
    pub nonce: Option<&'a str>,
    pub code_challenge: Option<&'a str>,
    /// When the person last signed in, and how, in this session.
    pub auth_time: i64,
    pub proofs: &'a Proofs,
}

/// How the application authenticated at the token endpoint.
pub enum ClientAuth<'a> {
    /// `client_secret_basic` or `client_secret_post`.
    Secret { client_id: &'a str, secret: &'a str },
    /// A public client names itself only.
    None { client_id: &'a str },
}

/// The token endpoint's errors (RFC 6749 §5.2).
#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    /// Unknown client, wrong or missing secret, or a secret sent by a public client.
    InvalidClient,
    /// The code is unknown, expired, used, another client's, for another redirect URI, or
    /// the PKCE verifier does not match; or the user can no longer sign in.
    InvalidGrant(&'static str),
}

/// What the token endpoint answers.
#[derive(Debug, Serialize)]
pub struct Tokens {
    pub access_token: String,
    pub token_type: &'static str,
    pub expires_in: i64,
    pub id_token: String,
    pub scope: String,
}

/// The claims of an ID token.
#[derive(Debug, Serialize, Deserialize)]
pub struct IdClaims {
    pub iss: String,
    pub sub: String,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
    pub auth_time: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    pub amr: Vec<String>,
    pub acr: String,
    #[serde(flatten)]
    pub person: PersonClaims,
}

/// The claims about the person that the scopes open, in the ID token and at userinfo.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PersonClaims {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_verified: Option<bool>,
}

impl PersonClaims {
    fn of(user: &User, scopes: Scopes) -> Self {
        let mut claims = Self::default();
        if scopes.email && user.has_mailbox() {
            claims.email = Some(user.email.clone());
            claims.email_verified = Some(user.email_is_confirmed());
        }
        if scopes.profile {
            claims.name = Some(user.name.clone());
        }
        if scopes.phone
            && let Some(phone) = user.verified_phone()
        {
            claims.phone_number = Some(phone.to_owned());
            claims.phone_number_verified = Some(true);
        }
        claims
    }
}

/// The answer of userinfo.
#[derive(Debug, Serialize)]
pub struct UserInfo {
    pub sub: String,
    #[serde(flatten)]
    pub person: PersonClaims,
}

/// What a checked `id_token_hint` names.
pub struct Hint {
    pub user_id_subject: String,
    pub client_id: String,
}

impl Services {
    /// The issuer: the public URL without its trailing slash.
    pub fn issuer(&self) -> String {
        self.settings
            .public_url
            .as_str()
            .trim_end_matches('/')
            .to_owned()
    }

    /// The `sub` of a user, the same for every application.
    pub fn subject_of(&self, user_id: i64) -> String {
        subject(self.mac_key(), user_id)
    }

    /// Issues an authorization code (60 s, one use) and audits the sign-in to the
    /// application. Returns the code.
    pub async fn issue_code(
        &self,
        request: &CodeRequest<'_>,
        origin: &Origin,
    ) -> Result<String, DbError> {
        let code = random_token();
        let now = self.clock.now();
        let grant = CodeGrant {
            code_hash: token_digest(&code),
            application_id: request.application.id,
            user_id: request.user.id,
            redirect_uri: request.redirect_uri.to_owned(),
            scope: request.scopes.granted(),
            nonce: request.nonce.map(str::to_owned),
            code_challenge: request.code_challenge.map(str::to_owned),
            auth_time: request.auth_time,
            amr: request.proofs.stored(),
            expires_at: now + CODE_TTL_SECS,
            used_at: None,
        };
        let mut tx = self.db.begin().await?;
        insert_code(&mut *tx, &grant, now).await?;
        let detail = format!(
            "{} (client {})",
            request.application.name, request.application.client_id
        );
        self.audit(
            &mut tx,
            &AuditEvent::by_user(
                EventKind::SignedInToApplication,
                request.user.id,
                origin,
                Some(&detail),
            ),
        );
        tx.commit().await?;
        Ok(code)
    }

    /// The application a token request authenticates as, or `InvalidClient`. A
    /// confidential client must send its secret; a public client must not have one to
    /// send.
    pub async fn authenticate_client(
        &self,
        auth: &ClientAuth<'_>,
    ) -> Result<Result<Application, TokenError>, DbError> {
        let client_id = match auth {
            ClientAuth::Secret { client_id, .. } | ClientAuth::None { client_id } => *client_id,
        };
        let Some(application) = self.application_by_client_id(client_id).await? else {
            // As long as a real check: a digest of what was sent.
            if let ClientAuth::Secret { secret, .. } = auth {
                let _ = token_digest(secret);
            }
            return Ok(Err(TokenError::InvalidClient));
        };
        let accepted = match auth {
            ClientAuth::Secret { secret, .. } => {
                !application.is_public() && secret_matches(&application, secret)
            }
            ClientAuth::None { .. } => application.is_public(),
        };
        Ok(if accepted {
            Ok(application)
        } else {
            Err(TokenError::InvalidClient)
        })
    }

    /// Exchanges a code for tokens. The code is marked used in the transaction that
    /// stores the access token, so of concurrent exchanges exactly one succeeds; a code
    /// used again revokes what its first use issued.
    pub async fn exchange_code(
        &self,
        application: &Application,
        code: &str,
        redirect_uri: &str,
        code_verifier: Option<&str>,
    ) -> Result<Result<Tokens, TokenError>, TokenExchangeError> {
        const BAD_CODE: &str = "The authorization code is invalid, expired or already used.";
        if !is_well_formed_token(code) {
            return Ok(Err(TokenError::InvalidGrant(BAD_CODE)));
        }
        let code_hash = token_digest(code);
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(grant) = use_code(&mut *tx, &code_hash, now).await? else {
            if find_code(&mut *tx, &code_hash).await?.is_some() {
                // Used before: whoever holds the first exchange's tokens loses them.
                revoke_tokens_of_code(&mut *tx, &code_hash).await?;
                tx.commit().await?;
            }
            return Ok(Err(TokenError::InvalidGrant(BAD_CODE)));
        };
        if grant.application_id != application.id || grant.expires_at <= now {
            tx.commit().await?;
            return Ok(Err(TokenError::InvalidGrant(BAD_CODE)));
        }
        if grant.redirect_uri != redirect_uri {
            tx.commit().await?;
            return Ok(Err(TokenError::InvalidGrant(
                "redirect_uri is not the one the code was issued for.",
            )));
        }
        let pkce_ok = match (grant.code_challenge.as_deref(), code_verifier) {
            (Some(challenge), Some(verifier)) => pkce_matches(verifier, challenge),
            (None, None) => !application.is_public(),
            _ => false,
        };
        if !pkce_ok {
            tx.commit().await?;
            return Ok(Err(TokenError::InvalidGrant(
                "The code_verifier does not match the code_challenge.",
            )));
        }
        let user = find_user_by_id(&mut *tx, grant.user_id).await?;
        let Some(user) = user.filter(|u| !u.is_disabled()) else {
            tx.commit().await?;
            return Ok(Err(TokenError::InvalidGrant("The account cannot sign in.")));
        };
        let access_token = random_token();
        insert_access_token(
            &mut *tx,
            &TokenRow {
                token_hash: &token_digest(&access_token),
                code_hash: &code_hash,
                application_id: application.id,
                user_id: user.id,
                scope: &grant.scope,
                expires_at: now + TOKEN_TTL_SECS,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        let scopes = Scopes::parse(&grant.scope).unwrap_or_default();
        let proofs = Proofs::from_stored(&grant.amr);
        let claims = IdClaims {
            iss: self.issuer(),
            sub: self.subject_of(user.id),
            aud: application.client_id.clone(),
            exp: now + TOKEN_TTL_SECS,
            iat: now,
            auth_time: grant.auth_time,
            nonce: grant.nonce.clone(),
            amr: proofs.amr().into_iter().map(str::to_owned).collect(),
            acr: proofs.acr().to_owned(),
            person: PersonClaims::of(&user, scopes),
        };
        let id_token = self.sign(&claims).await?;
        Ok(Ok(Tokens {
            access_token,
            token_type: "Bearer",
            expires_in: TOKEN_TTL_SECS,
            id_token,
            scope: grant.scope,
        }))
    }

    async fn sign(&self, claims: &IdClaims) -> Result<String, KeyError> {
        self.signer().await?.sign(claims)
    }

    /// What an access token may read: `None` for an unknown or expired token, or one whose
    /// user can no longer sign in.
    pub async fn user_info(&self, access_token: &str) -> Result<Option<UserInfo>, DbError> {
        if !is_well_formed_token(access_token) {
            return Ok(None);
        }
        let now = self.clock.now();
        let Some(token) = crate::db::applications::find_live_token(
            &self.db.pool,
            &token_digest(access_token),
            now,
        )
        .await?
        else {
            return Ok(None);
        };
        let user = find_user_by_id(&self.db.pool, token.user_id).await?;
        let Some(user) = user.filter(|u| !u.is_disabled()) else {
            return Ok(None);
        };
        if find_application(&self.db.pool, token.application_id)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        let scopes = Scopes::parse(&token.scope).unwrap_or_default();
        Ok(Some(UserInfo {
            sub: self.subject_of(user.id),
            person: PersonClaims::of(&user, scopes),
        }))
    }

    /// Reads an ID token this portal signed (`id_token_hint` at logout): its signature
    /// under a published key and its issuer; expired tokens are accepted, as hints.
    pub async fn check_id_token_hint(&self, token: &str) -> Result<Option<Hint>, KeyError> {
        if token.len() > 8192 {
            return Ok(None);
        }
        let Ok(header) = jsonwebtoken::decode_header(token) else {
            return Ok(None);
        };
        let Some(key) = header.kid.as_deref() else {
            return Ok(None);
        };
        let Some(key) = self.decoding_key(key).await? else {
            return Ok(None);
        };
        let mut validation = Validation::new(Algorithm::RS256);
        validation.validate_exp = false;
        validation.validate_aud = false;
        validation.set_issuer(&[self.issuer()]);
        validation.set_required_spec_claims(&["iss", "sub", "aud"]);
        Ok(jsonwebtoken::decode::<IdClaims>(token, &key, &validation)
            .ok()
            .map(|data| Hint {
                user_id_subject: data.claims.sub,
                client_id: data.claims.aud,
            }))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TokenExchangeError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Key(#[from] KeyError),
}
