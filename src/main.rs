use clap::Parser;

use twostep::cli::{Cli, run};
use twostep::config::Settings;
use twostep::telemetry;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init(Settings::log_format());
    let settings = Settings::from_env()?;
    run(cli, settings).await
}
