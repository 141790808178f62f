//! What every request shares: the use cases, the clock and the settings.

use std::sync::Arc;

use crate::config::Settings;
use crate::services::Services;

/// Shared by every request: the use cases, and what the HTTP layer itself reads.
pub struct AppState {
    pub services: Services,
    pub clock: crate::clock::Clock,
    pub settings: Arc<Settings>,
}

/// The largest request body accepted; longer ones get 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
