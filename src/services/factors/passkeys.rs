//! Passkeys and security keys (WebAuthn): adding one, using one at the second step or
//! alone (a discoverable passkey with user verification), removing one.
//!
//! webauthn-rs checks every ceremony (origin, relying-party id, challenge, signature, user
//! verification, the sign counter). The ceremony's state is kept by the caller in the
//! server-side session (`Ceremony`), with when it expires; beginning one writes nothing
//! here. The one request that answers it claims its challenge by writing the challenge's
//! digest, once, so a response replayed, or sent by 100 requests at once, counts once. Credentials are registered as webauthn-rs
//! `SecurityKey`s: user verification preferred at the second step (a security key without
//! a PIN serves there) and required by the discoverable sign-in.

use crate::db::audit_details as details;
use serde::{Deserialize, Serialize};
use webauthn_rs::prelude::{
    AuthenticationResult, CredentialID, DiscoverableAuthentication, PublicKeyCredential,
    RegisterPublicKeyCredential, SecurityKey, SecurityKeyAuthentication, SecurityKeyRegistration,
    Url, Uuid, Webauthn, WebauthnBuilder, WebauthnError,
};

use webauthn_rs_proto::{CredProtect, CredentialProtectionPolicy, ResidentKeyRequirement};

use super::FactorOn;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::passkeys::{
    NewPasskey, StoredPasskey, claim_challenge, count_passkeys, delete_passkey, delete_passkeys_of,
    insert_passkey, keep_user_handle, passkey_in_use, passkeys_of, record_use,
};
use crate::db::users::{User, set_two_step_method};
use crate::db::{DbError, Tx};
use crate::domain::factors::FactorMethod;
use crate::domain::passkeys::{
    CHALLENGE_TTL, MAX_PASSKEYS, challenge_digest, decode_handle, encode_handle, json_for_script,
    new_user_handle,
};
use crate::services::Services;
use crate::services::notifications::Notice;

/// The relying party: the host of the public URL, and the URL as the one origin. `None`
/// when the public URL names an IP address, where browsers refuse passkeys.
pub fn relying_party(public_url: &Url, app_name: &str) -> Option<Webauthn> {
    let rp_id = public_url.domain()?;
    let mut origin = public_url.clone();
    origin.set_path("");
    WebauthnBuilder::new(rp_id, &origin)
        .ok()?
        .rp_name(app_name)
        .build()
        .ok()
}

/// A ceremony begun and not yet answered, kept in the session (server-side).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Ceremony {
    /// SHA-256 of its challenge, as claimed in `passkey_challenges`.
    digest: String,
    /// When its challenge stops being accepted.
    expires_at: i64,
    step: CeremonyStep,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
enum CeremonyStep {
    Add {
        user_id: i64,
        state: SecurityKeyRegistration,
    },
    Check {
        user_id: i64,
        state: SecurityKeyAuthentication,
    },
    SignIn {
        state: DiscoverableAuthentication,
    },
}

/// A ceremony to start in the browser: the options for `passkey-options`, and the state
/// for the session.
pub struct Started {
    /// The WebAuthn Level 3 JSON options, escaped for `<script type="application/json">`.
    pub options: String,
    pub ceremony: Ceremony,
}

/// A passkey as the settings page lists it.
pub struct PasskeyView {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub synced: bool,
}

impl From<StoredPasskey> for PasskeyView {
    fn from(stored: StoredPasskey) -> Self {
        Self {
            synced: stored.is_synced(),
            id: stored.id,
            name: stored.name,
            created_at: stored.created_at,
            last_used_at: stored.last_used_at,
        }
    }
}

/// Why a passkey could not be added.
#[derive(Debug, PartialEq, Eq)]
pub enum AddRefusal {
    /// The public URL names an IP address: no browser makes a passkey for it.
    Unavailable,
    /// The person has `MAX_PASSKEYS` already.
    TooMany,
    /// The browser's answer was not accepted (wrong origin or site, another or an old
    /// challenge, a bad signature, malformed): nothing was stored.
    NotAccepted,
    /// This passkey is registered already (to this or another account).
    AlreadyRegistered,
}

/// What a passkey at the second step, or alone at sign-in, led to.
#[derive(Debug)]
pub enum PasskeyCheck {
    /// Accepted; the account it signed in (alone) or confirmed (second step).
    Accepted(Box<User>),
    /// Not accepted: wrong origin or site, another or an old challenge, a credential of
    /// another account, a signature that does not verify, no user verification where it
    /// is required. Nothing was written but the audit event.
    NotAccepted,
    /// The sign counter did not go forward: the passkey may have been copied. Refused
    /// and audited.
    CounterWentBack,
    /// Right, but the account is disabled (told only to someone who proved the passkey).
    Disabled,
}

/// Where the JSON a browser posted does not even parse as a WebAuthn response.
fn parse<T: for<'de> Deserialize<'de>>(credential: &str) -> Option<T> {
    serde_json::from_str(credential).ok()
}

fn credential_id_text(id: &CredentialID) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id.as_slice())
}

fn transports_text(response: &RegisterPublicKeyCredential) -> String {
    response
        .response
        .transports
        .iter()
        .flatten()
        .filter_map(|t| serde_json::to_value(t).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect::<Vec<_>>()
        .join(",")
}

impl Services {
    fn relying_party(&self) -> Option<&Webauthn> {
        self.webauthn.as_ref()
    }

    /// Passkeys can be used here: the public URL names a host.
    pub fn passkeys_available(&self) -> bool {
        self.webauthn.is_some()
    }

    /// The user's passkeys, oldest first.
    pub async fn passkeys(&self, user_id: i64) -> Result<Vec<PasskeyView>, DbError> {
        Ok(passkeys_of(&self.db.pool, user_id)
            .await?
            .into_iter()
            .map(PasskeyView::from)
            .collect())
    }

    pub async fn passkey_count(&self, user_id: i64) -> Result<i64, DbError> {
        count_passkeys(&self.db.pool, user_id).await
    }

    /// Remembers the challenge of a ceremony just begun.
    /// A ceremony begun now, for the session to keep.
    fn ceremony(&self, challenge: &[u8], step: CeremonyStep) -> Ceremony {
        Ceremony {
            digest: challenge_digest(challenge),
            expires_at: self.clock.now() + CHALLENGE_TTL,
            step,
        }
    }

    /// Begins adding a passkey for `user`: the options for the browser, with the passkeys
    /// they have excluded (an authenticator is not registered twice).
    pub async fn start_adding_passkey(
        &self,
        user: &User,
    ) -> anyhow::Result<Result<Started, AddRefusal>> {
        let Some(rp) = self.relying_party() else {
            return Ok(Err(AddRefusal::Unavailable));
        };
        let existing = passkeys_of(&self.db.pool, user.id).await?;
        if existing.len() >= MAX_PASSKEYS {
            return Ok(Err(AddRefusal::TooMany));
        }
        let handle = {
            let mut tx = self.db.begin().await?;
            let handle = keep_user_handle(&mut tx, user.id, &encode_handle(&new_user_handle()))
                .await?
                .and_then(|text| decode_handle(&text))
                .ok_or_else(|| anyhow::anyhow!("the user handle was not kept"))?;
            tx.commit().await?;
            handle
        };
        let exclude = existing
            .iter()
            .filter_map(|p| parse::<SecurityKey>(&p.credential))
            .map(|key| key.cred_id().clone())
            .collect::<Vec<_>>();
        let (mut options, state) = rp.start_securitykey_registration(
            Uuid::from_bytes(handle),
            &user.email,
            &user.name,
            Some(exclude),
            None,
            None,
        )?;
        // A passkey that can sign in alone is preferred (a security key without room for
        // one still serves as a second step); any kind of authenticator may answer.
        if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
            selection.resident_key = Some(ResidentKeyRequirement::Preferred);
            selection.require_resident_key = false;
        }
        options.public_key.hints = None;
        // webauthn-rs asks for credProtect "userVerificationRequired" while user verification
        // stays preferred: Chromium refuses that pair outright (NotSupportedError, "Requested
        // protection policy is inconsistent"), so no passkey could be made there. A
        // discoverable passkey still shows itself only to its verified user.
        if let Some(extensions) = options.public_key.extensions.as_mut() {
            extensions.cred_protect = Some(CredProtect {
                credential_protection_policy:
                    CredentialProtectionPolicy::UserVerificationOptionalWithCredentialIDList,
                enforce_credential_protection_policy: Some(false),
            });
        }
        let json = serde_json::to_string(&options.public_key)?;
        let ceremony = self.ceremony(
            &options.public_key.challenge,
            CeremonyStep::Add {
                user_id: user.id,
                state,
            },
        );
        Ok(Ok(Started {
            options: json_for_script(&json),
            ceremony,
        }))
    }

    /// Finishes adding a passkey named `name` (already parsed) with the browser's answer.
    /// The first method of any kind turns 2-step verification on, with recovery codes; a
    /// passkey is then the method the second step offers first.
    #[tracing::instrument(name = "Add a passkey", skip_all, fields(user_id = user.id))]
    pub async fn finish_adding_passkey(
        &self,
        user: &User,
        ceremony: Ceremony,
        name: &str,
        credential: &str,
        origin: &Origin,
    ) -> anyhow::Result<Result<FactorOn, AddRefusal>> {
        let Some(rp) = self.relying_party() else {
            return Ok(Err(AddRefusal::Unavailable));
        };
        let CeremonyStep::Add { user_id, state } = ceremony.step else {
            return Ok(Err(AddRefusal::NotAccepted));
        };
        if user_id != user.id {
            return Ok(Err(AddRefusal::NotAccepted));
        }
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        if !claim_challenge(&mut *tx, &ceremony.digest, ceremony.expires_at, now).await? {
            return Ok(Err(AddRefusal::NotAccepted));
        }
        // The challenge stays claimed whatever the answer: a new attempt starts a new
        // ceremony.
        let Some(response) = parse::<RegisterPublicKeyCredential>(credential) else {
            tx.commit().await?;
            return Ok(Err(AddRefusal::NotAccepted));
        };
        let Ok(key) = rp.finish_securitykey_registration(&response, &state) else {
            // webauthn-rs refuses a credential the options excluded (one of this person's
            // own) with the same error as an altered algorithm: told apart here, so an
            // authenticator that ignores the exclusion is told what happened.
            let id = credential_id_text(&response.raw_id);
            let own = passkey_in_use(&mut *tx, &id)
                .await?
                .is_some_and(|stored| stored.owner.id == user.id);
            tx.commit().await?;
            return Ok(Err(if own {
                AddRefusal::AlreadyRegistered
            } else {
                AddRefusal::NotAccepted
            }));
        };
        let transports = transports_text(&response);
        if count_passkeys(&mut *tx, user.id).await? >= MAX_PASSKEYS as i64 {
            tx.commit().await?;
            return Ok(Err(AddRefusal::TooMany));
        }
        let (backup_eligible, backup_state) = backup_flags(&key);
        let stored = insert_passkey(
            &mut *tx,
            &NewPasskey {
                user_id: user.id,
                name,
                credential_id: &credential_id_text(key.cred_id()),
                credential: &serde_json::to_string(&key)?,
                sign_count: i64::from(counter_of(&key)),
                transports: &transports,
                backup_eligible,
                backup_state,
            },
            now,
        )
        .await?;
        if !stored {
            tx.commit().await?;
            return Ok(Err(AddRefusal::AlreadyRegistered));
        }
        self.audit(
            &mut tx,
            &AuditEvent::by_user(EventKind::PasskeyAdded, user.id, origin, Some(name)),
        );
        let first_time = !user.has_two_step();
        if user.method() != Some(FactorMethod::Passkey) {
            set_two_step_method(&mut *tx, user.id, FactorMethod::Passkey, now).await?;
        }
        // On with a first method, or the second step now asks for a passkey first.
        let method_event = if first_time {
            Some(EventKind::TwoStepEnabled)
        } else {
            (user.method() != Some(FactorMethod::Passkey)).then_some(EventKind::MethodChanged)
        };
        if let Some(kind) = method_event {
            let method = Some(FactorMethod::Passkey.as_str());
            self.audit(&mut tx, &AuditEvent::by_user(kind, user.id, origin, method));
        }
        self.notify(&mut tx, user, origin, Notice::PasskeyAdded { name })
            .await?;
        let first_codes = if first_time {
            self.first_recovery_codes(&mut tx, user.id, origin).await?
        } else {
            None
        };
        tx.commit().await?;
        Ok(Ok(FactorOn::Enabled { first_codes }))
    }

    /// Begins the second step with a passkey: the user's own credentials are allowed.
    pub async fn start_passkey_check(&self, user: &User) -> anyhow::Result<Option<Started>> {
        let Some(rp) = self.relying_party() else {
            return Ok(None);
        };
        let keys = passkeys_of(&self.db.pool, user.id)
            .await?
            .iter()
            .filter_map(|p| parse::<SecurityKey>(&p.credential))
            .collect::<Vec<_>>();
        if keys.is_empty() {
            return Ok(None);
        }
        let (mut options, state) = rp.start_securitykey_authentication(&keys)?;
        options.public_key.hints = None;
        let json = serde_json::to_string(&options.public_key)?;
        let ceremony = self.ceremony(
            &options.public_key.challenge,
            CeremonyStep::Check {
                user_id: user.id,
                state,
            },
        );
        Ok(Some(Started {
            options: json_for_script(&json),
            ceremony,
        }))
    }

    /// Begins a sign-in with a discoverable passkey alone: any account's, with user
    /// verification required.
    pub async fn start_passkey_sign_in(&self) -> anyhow::Result<Option<Started>> {
        let Some(rp) = self.relying_party() else {
            return Ok(None);
        };
        let (mut options, state) = rp.start_discoverable_authentication()?;
        // Asked for by a button, not offered in the email field's autofill.
        options.mediation = None;
        let json = serde_json::to_string(&options.public_key)?;
        let ceremony = self.ceremony(
            &options.public_key.challenge,
            CeremonyStep::SignIn { state },
        );
        Ok(Some(Started {
            options: json_for_script(&json),
            ceremony,
        }))
    }

    /// Checks a passkey's answer for the ceremony begun in this session: at the second
    /// step of `expected` (the user between password and code), or alone (`None`). On
    /// success the use is recorded (counter, last used) in the transaction returned, for
    /// the caller to finish the sign-in in and commit.
    pub(crate) async fn check_passkey(
        &self,
        ceremony: Ceremony,
        expected: Option<i64>,
        credential: &str,
        origin: &Origin,
    ) -> anyhow::Result<(Tx, PasskeyCheck)> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let refused = |tx: &mut Tx, user_id: Option<i64>, why: &str| {
            self.audit(
                tx,
                &AuditEvent {
                    kind: EventKind::PasskeyRefused,
                    actor_user_id: None,
                    subject_user_id: user_id,
                    origin,
                    detail: Some(why),
                },
            );
        };
        let Some(rp) = self.relying_party() else {
            return Ok((tx, PasskeyCheck::NotAccepted));
        };
        if !claim_challenge(&mut *tx, &ceremony.digest, ceremony.expires_at, now).await? {
            refused(&mut tx, expected, details::PASSKEY_STALE);
            return Ok((tx, PasskeyCheck::NotAccepted));
        }
        let Some(response) = parse::<PublicKeyCredential>(credential) else {
            refused(&mut tx, expected, details::PASSKEY_NOT_AN_ANSWER);
            return Ok((tx, PasskeyCheck::NotAccepted));
        };
        let stored = passkey_in_use(&mut *tx, &credential_id_text(&response.raw_id)).await?;
        let Some(stored) = stored else {
            refused(&mut tx, expected, details::PASSKEY_UNKNOWN);
            return Ok((tx, PasskeyCheck::NotAccepted));
        };
        let owner_id = stored.owner.id;
        let Some(mut key) = parse::<SecurityKey>(&stored.credential) else {
            anyhow::bail!(
                "passkey {} is stored in a form that does not read",
                stored.passkey_id
            );
        };
        let result = match (ceremony.step, expected) {
            (CeremonyStep::Check { user_id, state }, Some(expected))
                if user_id == expected && owner_id == expected =>
            {
                rp.finish_securitykey_authentication(&response, &state)
            }
            (CeremonyStep::SignIn { state }, None) => {
                // The handle the authenticator returns must name the passkey's owner.
                let named = rp
                    .identify_discoverable_authentication(&response)
                    .ok()
                    .map(|(handle, _)| encode_handle(handle.as_bytes()));
                if named.is_none() || named != stored.passkey_handle {
                    refused(&mut tx, Some(owner_id), details::PASSKEY_OTHER_HANDLE);
                    return Ok((tx, PasskeyCheck::NotAccepted));
                }
                rp.finish_discoverable_authentication_v2(&response, state, &key)
            }
            _ => {
                refused(&mut tx, expected, details::PASSKEY_OTHER_ACCOUNT);
                return Ok((tx, PasskeyCheck::NotAccepted));
            }
        };
        let result: AuthenticationResult = match result {
            Ok(result) => result,
            Err(WebauthnError::CredentialPossibleCompromise) => {
                self.audit(
                    &mut tx,
                    &AuditEvent::by_user(
                        EventKind::PasskeyCounterRefused,
                        owner_id,
                        origin,
                        Some(&stored.passkey_name),
                    ),
                );
                return Ok((tx, PasskeyCheck::CounterWentBack));
            }
            Err(err) => {
                tracing::info!(error = %err, "A passkey's answer was not accepted");
                refused(&mut tx, Some(owner_id), details::PASSKEY_NOT_VERIFIED);
                return Ok((tx, PasskeyCheck::NotAccepted));
            }
        };
        key.update_credential(&result);
        let recorded = record_use(
            &mut *tx,
            stored.passkey_id,
            stored.sign_count,
            &serde_json::to_string(&key)?,
            i64::from(result.counter()),
            result.backup_state(),
            now,
        )
        .await?;
        if !recorded {
            // Another use moved the counter meanwhile: this one is the second.
            refused(&mut tx, Some(owner_id), details::PASSKEY_TWICE);
            return Ok((tx, PasskeyCheck::NotAccepted));
        }
        let user = stored.owner;
        if user.is_disabled() {
            refused(&mut tx, Some(user.id), details::ACCOUNT_DISABLED);
            return Ok((tx, PasskeyCheck::Disabled));
        }
        Ok((tx, PasskeyCheck::Accepted(Box::new(user))))
    }

    /// Removes one of the user's passkeys (see `removal`): the last one is the passkey
    /// method, removed as a method is.
    #[tracing::instrument(name = "Remove a passkey", skip_all, fields(user_id = user.id))]
    pub async fn remove_passkey(
        &self,
        user: &User,
        passkey_id: i64,
        origin: &Origin,
    ) -> anyhow::Result<Result<(), super::RemoveRefusal>> {
        let passkeys = passkeys_of(&self.db.pool, user.id).await?;
        let Some(passkey) = passkeys.iter().find(|p| p.id == passkey_id) else {
            return Ok(Err(super::RemoveRefusal::NotConfigured));
        };
        if passkeys.len() == 1 {
            return Ok(self
                .remove_factor(user, FactorMethod::Passkey, origin)
                .await?);
        }
        let mut tx = self.db.begin().await?;
        if !delete_passkey(&mut *tx, user.id, passkey_id).await? {
            return Ok(Err(super::RemoveRefusal::NotConfigured));
        }
        self.audit(
            &mut tx,
            &AuditEvent::by_user(
                EventKind::PasskeyRemoved,
                user.id,
                origin,
                Some(&passkey.name),
            ),
        );
        self.notify(
            &mut tx,
            user,
            origin,
            Notice::PasskeyRemoved {
                name: &passkey.name,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}

/// Passkeys stop being a factor: every one of the user's goes.
pub(super) async fn forget(tx: &mut Tx, user_id: i64) -> Result<(), DbError> {
    delete_passkeys_of(&mut **tx, user_id).await
}

/// The counter and backup flags webauthn-rs recorded, read through its serialised form
/// (the crate keeps the credential's fields to itself).
fn credential_field(key: &SecurityKey, field: &str) -> Option<serde_json::Value> {
    serde_json::to_value(key)
        .ok()?
        .get("cred")?
        .get(field)
        .cloned()
}

fn counter_of(key: &SecurityKey) -> u32 {
    credential_field(key, "counter")
        .and_then(|v| v.as_u64())
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(0)
}

fn backup_flags(key: &SecurityKey) -> (bool, bool) {
    let flag = |field| {
        credential_field(key, field)
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    };
    (flag("backup_eligible"), flag("backup_state"))
}
