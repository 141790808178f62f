//! The test kit: the data a test starts from, made the way the product makes it — through
//! the use cases that the pages and the command line call (`twostep::services::Services`),
//! with the codes texted to the SMS stand-in typed back — never written into the tables.
//! The API, browser and operations tests all include it (`#[path = "../kit/mod.rs"] mod
//! kit;`), as kanidm's `server/testkit` serves its suites. Raw SQL stays in a test only
//! to move time (a code's expiry, a requirement's start) or to corrupt data on purpose,
//! each saying so.

mod accounts;
pub mod applications;
pub mod authenticator;
mod factors;
pub use factors::oathtool;
pub mod mail;
mod policy;
mod rooms;

use std::path::Path;
use std::sync::Arc;

use twostep::clock::Clock;
use twostep::config::{SecretKey, Settings};
use twostep::db::audit::Origin;
use twostep::services::Services;
use twostep::startup::start_services;

use crate::standins::StandIn;

/// Makes data on one portal through its use cases: the very instance that serves its
/// requests (a setting saved applies at once), or, for a portal in another process, use
/// cases opened on its database (`services_for`). Codes go to its SMS stand-in.
pub struct Kit<'a> {
    services: &'a Services,
    sms: &'a StandIn,
}

impl<'a> Kit<'a> {
    pub fn new(services: &'a Services, sms: &'a StandIn) -> Self {
        Self { services, sms }
    }
}

/// The use cases of a portal that runs in another process, opened on its database with
/// its secret key and its SMS stand-in, as its own command line opens them.
pub async fn services_for(database_url: &str, secret_key: SecretKey, sms: &StandIn) -> Services {
    // Nothing here writes under the data directory (no mail sender runs).
    let mut settings = Settings::for_database(database_url, Path::new("unused"));
    settings.secret_key = secret_key;
    settings.sms = sms.twilio_settings();
    start_services(Arc::new(settings), Clock::system())
        .await
        .expect("the use cases start on the test database")
}

/// Where the command line acts from: nowhere on the network.
fn command_line() -> Origin {
    Origin::default()
}

/// Where seeded person `user_id` acts from: a network of their own (10.x.y.0/24 by id),
/// so the caps on texts per address and per network count each person apart, as they
/// would count people at their own homes.
fn home_of(user_id: i64) -> Origin {
    Origin {
        ip: Some(format!("10.{}.{}.1", (user_id >> 8) & 255, user_id & 255)),
        user_agent: Some("Twostep test kit".into()),
        language: None,
    }
}
