use clap::Parser;

use twostep::cli::{Cli, healthcheck, run};
use twostep::config::Settings;
use twostep::telemetry;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if cli.is_healthcheck() {
        return healthcheck(std::env::var("TWOSTEP_BIND").ok().as_deref()).await;
    }
    telemetry::init(Settings::log_format());
    let settings = Settings::from_env()?;
    run(cli, settings).await
}
