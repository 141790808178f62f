//! Twostep: a self-hosted 2-step verification portal.

pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod startup;
pub mod telemetry;
pub mod web;
