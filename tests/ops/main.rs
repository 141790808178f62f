//! Run like production: the release binary, started as its own process, as several
//! instances on one PostgreSQL database, through a database that goes away, and stopped
//! with SIGTERM during traffic. Each test starts real processes: the portal (built with
//! `cargo build --release` on first use, or `TWOSTEP_OPS_BINARY`), PostgreSQL (the
//! server of `TWOSTEP_TEST_POSTGRES_URL`, or a cluster of its own started with `pg_ctl`),
//! and the SMS and SMTP stand-ins.
//!
//! Without PostgreSQL the tests that need it say SKIPPED and pass, unless
//! `TWOSTEP_REQUIRE_POSTGRES` is set (as `.ci/run` does).

mod cluster;
mod flows;
#[path = "../kit/mod.rs"]
#[allow(dead_code)] // each suite uses part of the kit
mod kit;
mod portal;
mod secret_key;
mod self_hosting;
#[path = "../api/smtp.rs"]
#[allow(dead_code)]
mod smtp;
#[path = "../api/standins.rs"]
#[allow(dead_code)]
mod standins;

mod instances;
mod outage;
mod shutdown;
