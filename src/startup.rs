//! The composition root: the binary and every test start the portal through
//! `Application::build`.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::middleware::{ErrorHandlers, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tracing_actix_web::TracingLogger;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;
use crate::db::sessions::DbSessionStore;
use crate::domain::password::Passwords;
use crate::domain::sessions::BROWSER_SESSION_SECS;
use crate::services::Services;
use crate::sms::provider_from_settings;
use crate::web::api::problem::ApiError;
use crate::web::errors::{AppError, render_error_page};
use crate::web::middleware::request_log::RequestLog;
use crate::web::middleware::{
    auth, browsers, cookie_lifetime, csrf, headers, language, metrics, outage, session_key,
};
use crate::web::routes;
use crate::web::state::{AppState, MAX_BODY_BYTES};

pub struct Application {
    port: u16,
    server: Server,
    /// `/metrics` alone, on `TWOSTEP_METRICS_BIND`, and its port.
    metrics: Option<(u16, Server)>,
    setup_link: Option<String>,
    /// Turned true once the servers have drained: the outbox sender stops.
    stop: watch::Sender<bool>,
    mail_sender: JoinHandle<()>,
    state: web::Data<AppState>,
}

impl Application {
    /// Connects to the database, applies migrations, binds the listener (port 0 picks a
    /// free one) and prepares the server; nothing is served until `run_until_stopped`.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Clock::system()).await
    }

    /// As `build`, judging every expiry by `clock` (tests move it forward).
    pub async fn build_with_clock(settings: Settings, clock: Clock) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(settings.bind)
            .with_context(|| format!("binding {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let settings = Arc::new(settings);
        let services = start_services(settings.clone(), clock.clone()).await?;
        if services.sms_is_development() {
            tracing::warn!(
                "SMS provider `log`: verification codes are written to this log and not sent. \
                 Set TWOSTEP_SMS_PROVIDER for production."
            );
        }
        if settings.public_host_is_ip() {
            tracing::warn!(
                public_url = %settings.public_url,
                "TWOSTEP_PUBLIC_URL names an IP address: browsers refuse passkeys there. \
                 Name the portal by a host name (http://localhost:8080 on this machine)."
            );
        }
        let setup_link = match services.prepare_setup_token().await? {
            Some(token) => {
                let mut link = settings.public_url.join("/setup")?;
                link.query_pairs_mut().append_pair("token", &token);
                Some(link.to_string())
            }
            None => None,
        };
        let state = web::Data::new(AppState {
            services,
            clock,
            settings,
        });
        spawn_janitor(state.clone());
        spawn_sign_in_sweep(state.clone());
        let (stop, stopped) = watch::channel(false);
        let mail_sender = spawn_mail_sender(state.clone(), stopped)?;
        let metrics = match state.settings.metrics_bind {
            Some(bind) => Some(serve_metrics(bind, state.clone())?),
            None => None,
        };
        let server = serve(listener, state.clone())?;
        Ok(Self {
            port,
            server,
            metrics,
            setup_link,
            stop,
            mail_sender,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port `/metrics` is served on alone, when `TWOSTEP_METRICS_BIND` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(port, _)| *port)
    }

    /// What every request shares, the use cases with it: the tests make their data through
    /// these, as the pages and the command line do (kanidm's testkit hands its tests the
    /// server's core the same way).
    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// The one-time link that creates the first administrator, when none exists yet.
    pub fn setup_link(&self) -> Option<&str> {
        self.setup_link.as_deref()
    }

    /// Serves until SIGTERM: stops accepting, lets in-flight requests finish (30 s at
    /// most), then lets the outbox sender put back what it claimed. SIGINT and SIGQUIT do
    /// not wait for the requests.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = match self.metrics {
            Some((_, metrics)) => futures_util::future::try_join(self.server, metrics)
                .await
                .map(|_| ()),
            None => self.server.await,
        };
        tracing::info!("The server has stopped; stopping the outbox sender");
        let _ = self.stop.send(true);
        // The sender's own bound is FINISH_BATCH plus one write; this is only a backstop.
        if tokio::time::timeout(FINISH_BATCH * 2, self.mail_sender)
            .await
            .is_err()
        {
            tracing::warn!(
                "The outbox sender did not stop in time; its lease will free its claims"
            );
        }
        served
    }
}

/// Connects to the database, applies migrations and builds the use cases; the server and
/// the command line both start here.
pub async fn start_services(settings: Arc<Settings>, clock: Clock) -> anyhow::Result<Services> {
    let db = Db::connect(&settings.database_url)?;
    db.migrate().await?;
    let provider = provider_from_settings(&settings)?;
    let mac_key = crate::services::secret_keys::mac_key(&db, &settings.keyring(), clock.now())
        .await
        .context("opening the database's data key")?;
    let services = Services::new(db, clock, settings, Passwords::shared()?, provider, mac_key);
    services.seed_platform_settings().await?;
    services
        .ensure_signing_key()
        .await
        .context("making the first ID-token signing key")?;
    Ok(services)
}

/// How long the outbox sender may finish the batch it holds once the process is stopping,
/// before it puts back what is still unsent.
const FINISH_BATCH: Duration = Duration::from_secs(5);

/// Settles waiting registrations and delivers the outbox: in every instance, until `stop`
/// turns true. Then the batch in hand gets `FINISH_BATCH` and whatever is still claimed is
/// put back, due at once for another instance.
fn spawn_mail_sender(
    state: web::Data<AppState>,
    mut stop: watch::Receiver<bool>,
) -> anyhow::Result<JoinHandle<()>> {
    crate::mail::from_mailbox(&state.settings.mail.from)?;
    let mailer = crate::mail::Mailer::from_settings(&state.settings)?;
    tracing::info!("{}", mailer.describe());
    let worker = crate::services::outbox::worker_name();
    Ok(tokio::spawn(async move {
        loop {
            // Registrations first: settling one queues its email.
            if let Err(err) = state.services.settle_registrations().await {
                tracing::warn!(error = %err, "Settling registrations failed; trying again");
            }
            let delivery = state.services.deliver_due(&mailer, &worker);
            tokio::pin!(delivery);
            let outcome = tokio::select! {
                outcome = &mut delivery => outcome,
                () = stopping(&mut stop) => {
                    let _ = tokio::time::timeout(FINISH_BATCH, &mut delivery).await;
                    break;
                }
            };
            match outcome {
                // More may be due: go on at once.
                Ok(claimed) if claimed > 0 => continue,
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!(error = %err, "Delivering the outbox failed; trying again")
                }
            }
            tokio::select! {
                () = tokio::time::sleep(state.settings.mail.poll) => {}
                () = state.services.mail_work_waiting() => {}
                () = stopping(&mut stop) => break,
            }
        }
        match state.services.release_claims(&worker).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(
                count,
                "Stopping: unsent emails put back for the next sender"
            ),
            Err(err) => {
                tracing::warn!(error = %err, "Stopping: the claimed emails could not be put back; their lease will free them")
            }
        }
    }))
}

/// Resolves once the process is stopping (or the application that would say so is gone).
async fn stopping(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopped| *stopped).await;
}

/// Deletes expired sessions, old attempt counters and old codes every few minutes.
fn spawn_janitor(state: web::Data<AppState>) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(300));
        loop {
            every.tick().await;
            if let Err(err) = state.services.purge_expired().await {
                tracing::warn!(error = %err, "Purging expired sessions and counters failed");
            }
        }
    });
}

/// Emails the owners of passwords whose second step was not completed, every minute, in
/// every instance (they share the work through the database: a record is taken once).
fn spawn_sign_in_sweep(state: web::Data<AppState>) {
    let Some(period) = state.settings.sign_in_sweep_every else {
        return;
    };
    tokio::spawn(async move {
        let mut every = tokio::time::interval(period);
        loop {
            every.tick().await;
            if let Err(err) = state.services.sweep_unfinished_sign_ins().await {
                tracing::warn!(error = %err, "Sweeping the unfinished sign-ins failed");
            }
        }
    });
}

/// `/metrics` alone, without a token, on its own address (a private network's).
fn serve_metrics(
    bind: std::net::SocketAddr,
    state: web::Data<AppState>,
) -> anyhow::Result<(u16, Server)> {
    let listener =
        TcpListener::bind(bind).with_context(|| format!("binding TWOSTEP_METRICS_BIND {bind}"))?;
    let port = listener.local_addr()?.port();
    tracing::info!("Metrics are served on {}", listener.local_addr()?);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .route("/metrics", web::get().to(crate::web::health::metrics_page))
    })
    .workers(1)
    .listen(listener)?
    .run();
    Ok((port, server))
}

fn serve(listener: TcpListener, state: web::Data<AppState>) -> anyhow::Result<Server> {
    let https = state.settings.is_https();
    // The session cookie carries only the random session key, signed with a key derived
    // from the secret key; all state stays on the server. (A cookie signed under a previous
    // key of a rotation is signed again on its way in: `session_key`.)
    let cookie_key = Key::derive_from(state.services.keyring().current());
    let store = DbSessionStore::new(state.services.session_db(), state.clock.clone());
    // Every signed-in (or half signed-in) session carries its own end; this is only the
    // fallback for any other state.
    let session_ttl = actix_web::cookie::time::Duration::seconds(BROWSER_SESSION_SECS);
    let workers = state.settings.http_workers;
    let server = HttpServer::new(move || {
        let session = SessionMiddleware::builder(store.clone(), cookie_key.clone())
            .cookie_name(session_cookie_name(https).to_owned())
            .cookie_secure(https)
            .cookie_http_only(true)
            .cookie_same_site(SameSite::Lax)
            .cookie_path("/".into())
            .cookie_content_security(CookieContentSecurity::Signed)
            .session_lifecycle(BrowserSession::default().state_ttl(session_ttl))
            .build();
        App::new()
            .app_data(state.clone())
            .app_data(
                web::FormConfig::default()
                    .limit(MAX_BODY_BYTES)
                    .error_handler(|err, _| form_error(&err).into()),
            )
            .app_data(
                web::JsonConfig::default()
                    .limit(MAX_BODY_BYTES)
                    .error_handler(|err, _| json_error(&err).into()),
            )
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|_, _| AppError::Invalid("error-page-bad-address").into()),
            )
            .wrap(from_fn(auth::require_set_up))
            .wrap(from_fn(csrf::protect))
            .wrap(from_fn(language::negotiate))
            .wrap(from_fn(auth::load_user))
            .wrap(from_fn(browsers::note_sign_ins))
            .wrap(from_fn(outage::refuse_while_store_unreachable))
            .wrap(session)
            .wrap(from_fn(move |req, next| {
                cookie_lifetime::session_cookie_lifetime(req, next, session_cookie_name(https))
            }))
            .wrap(from_fn(move |req, next| {
                session_key::accept_previous_keys(req, next, session_cookie_name(https))
            }))
            .wrap(from_fn(outage::answer_unavailable))
            .wrap(ErrorHandlers::new().default_handler(render_error_page))
            .wrap(from_fn(move |req, next| {
                headers::security_headers(req, next, https)
            }))
            .wrap(TracingLogger::<RequestLog>::new())
            .wrap(from_fn(metrics::count_requests))
            .configure(routes)
            .default_service(web::to(|| async {
                Err::<actix_web::HttpResponse, _>(AppError::NotFound)
            }))
    })
    .listen(listener)?
    .workers(workers)
    .shutdown_timeout(30)
    .run();
    Ok(server)
}

fn session_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-twostep_session"
    } else {
        "twostep_session"
    }
}

/// A JSON body the API cannot read: the problem+json of its status.
fn json_error(err: &actix_web::error::JsonPayloadError) -> ApiError {
    use actix_web::error::JsonPayloadError;
    match err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::TooLarge
        }
        JsonPayloadError::ContentType => ApiError::UnsupportedType,
        JsonPayloadError::Deserialize(err) => ApiError::Unreadable(err.to_string()),
        _ => ApiError::Unreadable(String::new()),
    }
}

fn form_error(err: &actix_web::error::UrlencodedError) -> AppError {
    use actix_web::error::UrlencodedError;
    match err {
        UrlencodedError::Overflow { .. } => AppError::TooLarge,
        UrlencodedError::ContentType => AppError::Invalid("error-page-415"),
        _ => AppError::Invalid("error-page-bad-form"),
    }
}
