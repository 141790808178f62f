//! Pure rules: no HTTP and no database here.

pub mod account;
pub mod api_keys;
pub mod client_ip;
pub mod codes;
pub mod csv;
pub mod factors;
pub mod import;
pub mod keyring;
pub mod language;
pub mod oidc;
pub mod passkeys;
pub mod password;
pub mod phone;
pub mod policy;
pub mod problems;
pub mod pumping;
pub mod recovery;
pub mod rooms;
pub mod sealed_mail;
pub mod sealing;
pub mod sessions;
pub mod temporary_codes;
pub mod time;
pub mod tokens;
pub mod totp;
pub mod user_agent;
