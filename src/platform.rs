//! The platform settings as every request sees them: read from the database at most once
//! every few seconds per instance, so a change reaches all instances within seconds.

use std::time::{Duration, Instant};

use tokio::sync::RwLock;

use crate::db::Db;
use crate::db::platform::{PlatformSettings, load_platform_settings};

const FRESH_FOR: Duration = Duration::from_secs(5);

pub struct PlatformCache {
    db: Db,
    cached: RwLock<Option<(Instant, PlatformSettings)>>,
}

impl PlatformCache {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            cached: RwLock::new(None),
        }
    }

    pub async fn get(&self) -> Result<PlatformSettings, sqlx::Error> {
        if let Some((read_at, settings)) = self.cached.read().await.as_ref()
            && read_at.elapsed() < FRESH_FOR
        {
            return Ok(settings.clone());
        }
        let settings = load_platform_settings(&self.db).await?;
        *self.cached.write().await = Some((Instant::now(), settings.clone()));
        Ok(settings)
    }
}
