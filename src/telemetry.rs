//! Logs to standard error through `tracing`; `TWOSTEP_LOG_FORMAT=json` for log shippers.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

use crate::config::LogFormat;

/// The filter when `RUST_LOG` is unset.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn";

pub fn init(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    // Colours only for a person at a terminal, never in files or log shippers.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    if let Err(err) = try_init_with(format, filter, std::io::stderr, ansi) {
        eprintln!("The log could not be set up: {err}");
    }
}

/// Sends the log, formatted as `init` does, through `filter` to `writer`: standard error,
/// or a test's capture.
pub fn try_init_with<W>(
    format: LogFormat,
    filter: EnvFilter,
    writer: W,
    ansi: bool,
) -> Result<(), tracing_subscriber::util::TryInitError>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    use tracing_subscriber::util::SubscriberInitExt;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(writer);
    match format {
        LogFormat::Json => builder.json().finish().try_init(),
        LogFormat::Text => builder.finish().try_init(),
    }
}
