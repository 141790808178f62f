//! Integration tests over HTTP. Every test in `on_both_databases!` runs on SQLite and on
//! PostgreSQL (set TWOSTEP_TEST_POSTGRES_URL).

mod helpers;
#[path = "../kit/mod.rs"]
#[allow(dead_code)] // each suite uses part of the kit
mod kit;
mod standins;

mod admin;
mod admin_lists;
mod api_keys;
mod api_v1;
mod applications_admin;
mod architecture;
mod audit_log;
mod authenticator;
mod bulk;
mod cli;
mod devices;
mod factors;
mod fuzz;
mod health;
mod hostile;
mod import;
mod languages;
mod login;
mod logs;
mod mail;
mod mailbox;
mod metrics;
mod notices;
mod oidc;
mod passkey_policy;
mod passkeys;
mod password;
mod phone;
mod phone_password;
mod providers;
mod register;
mod room_members;
mod rooms;
mod secret_keys;
mod security;
mod security_settings;
mod session_store;
mod settings_pages;
mod setup;
mod sign_in_alerts;
mod sms_pumping;
mod sms_settings;
mod smtp;
mod soft_authenticator;
mod stale_links;
mod stale_room_codes;
mod takeovers;
mod temporary_codes;
mod translated;
mod two_step;
mod who_must_verify;
mod words;

mod findings;
mod forward_auth;
mod races;
