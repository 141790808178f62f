//! Integration tests over HTTP. Every test in `on_both_databases!` runs on SQLite and on
//! PostgreSQL (set TWOSTEP_TEST_POSTGRES_URL).

mod helpers;
mod standins;

mod admin;
mod authenticator;
mod cli;
mod devices;
mod fuzz;
mod health;
mod hostile;
mod login;
mod mail;
mod metrics;
mod password;
mod phone;
mod phone_password;
mod providers;
mod register;
mod rooms;
mod security;
mod security_settings;
mod session_store;
mod setup;
mod sms_pumping;
mod sms_settings;
mod smtp;
mod stale_links;
mod stale_room_codes;
mod two_step;
mod who_must_verify;

mod findings;
mod forward_auth;
mod races;
