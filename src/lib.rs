//! Twostep: a self-hosted 2-step verification portal.

pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod i18n;
pub mod mail;
pub mod metrics;
pub mod services;
pub mod sms;
pub mod startup;
pub mod telemetry;
pub mod web;
