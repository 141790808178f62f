//! The command line: serve (the default), migrate, user management, and registering the
//! applications that sign in through Twostep.

use std::io::BufRead;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use secrecy::SecretString;

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;
use crate::db::audit::Origin;
use crate::domain::account::{normalise_email, normalise_name};
use crate::domain::api_keys::{KeySettingProblem, KeySettings};
use crate::domain::language::Language;
use crate::domain::password::check_new_password;
use crate::domain::phone::normalise_phone;
use crate::domain::temporary_codes::Validity;
use crate::services::account::{CreateError, NewAccount};
use crate::services::admin::{AccountChange, Actor, Refusal};
use crate::services::api_keys::ApiKeyRefusal;
use crate::services::applications::{ApplicationInput, ApplicationRefusal};
use crate::services::temporary_codes::IssueRefusal;
use crate::startup::{Application, start_services};

#[derive(Parser)]
#[command(
    name = "twostep",
    version,
    about = "A self-hosted 2-step verification portal"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// The keys ID tokens are signed with.
    #[command(subcommand, name = "signing-key")]
    SigningKey(SigningKeyCommand),
    /// The secret key (TWOSTEP_SECRET_KEY) and its rotation.
    #[command(subcommand, name = "secret-key")]
    SecretKey(SecretKeyCommand),
    /// Manage the applications that sign their users in through Twostep (OpenID Connect).
    #[command(subcommand)]
    Client(ClientCommand),
    /// Manage the keys scripts present to the administration API (/api/v1).
    #[command(subcommand, name = "api-key")]
    ApiKey(ApiKeyCommand),
    /// Write a consistent copy of the SQLite database to FILE (mode 0600) while the portal
    /// serves. On PostgreSQL, use pg_dump.
    Backup {
        /// A new file (or an empty one).
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
    },
    /// Exit 0 when the portal at TWOSTEP_BIND answers /readyz with 200 within 5 seconds
    /// (a container's health check without curl).
    Healthcheck,
}

impl Cli {
    /// `healthcheck` reads nothing but the address: it runs before the settings are read, so
    /// a health check never creates the data directory or a key, nor needs the secrets.
    pub fn is_healthcheck(&self) -> bool {
        matches!(self.command, Some(Command::Healthcheck))
    }
}

/// How long `healthcheck` waits for `/readyz`.
const HEALTHCHECK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Asks `/readyz` of the portal at `bind` (`TWOSTEP_BIND`, 127.0.0.1:8080 when unset; a
/// wildcard address is asked on loopback): Ok when it answers 200 within 5 seconds.
pub async fn healthcheck(bind: Option<&str>) -> anyhow::Result<()> {
    let bind = bind
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .unwrap_or("127.0.0.1:8080");
    let mut address: std::net::SocketAddr = bind.parse().with_context(|| {
        format!("TWOSTEP_BIND must be an address such as 127.0.0.1:8080, not {bind:?}")
    })?;
    if address.ip().is_unspecified() {
        address.set_ip(match address {
            std::net::SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            std::net::SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    let url = format!("http://{address}/readyz");
    let client = reqwest::Client::builder()
        .timeout(HEALTHCHECK_TIMEOUT)
        .build()?;
    let response = client
        .get(&url)
        .send()
        .await
        .with_context(|| format!("{url} did not answer within 5 s"))?;
    let status = response.status();
    if status != reqwest::StatusCode::OK {
        bail!("{url} answered {status}");
    }
    println!("ready: {url}");
    Ok(())
}

#[derive(Subcommand)]
enum ApiKeyCommand {
    /// Create an API key; prints the key alone on the last line (shown this once).
    Create {
        /// What the key is for, e.g. "deploy-bot": the audit log names its changes by it.
        #[arg(long, value_name = "NAME")]
        name: String,
        /// users:read, users:write, groups:write, rooms:write or audit:read; repeat for
        /// several.
        #[arg(long = "scope", value_name = "SCOPE", required = true)]
        scopes: Vec<String>,
        /// Days until the key stops working (1 to 3650); without it, it never expires.
        #[arg(long, value_name = "DAYS")]
        expires_days: Option<i64>,
    },
    /// Revoke an API key: scripts that use it are refused from their next request.
    Revoke {
        #[arg(long, value_name = "NAME")]
        name: String,
    },
}

#[derive(Subcommand)]
enum SigningKeyCommand {
    /// Make a new signing key: published at once, signing an hour later; the current key
    /// keeps signing until then and stays published until its last ID token has expired.
    Rotate,
}

#[derive(Subcommand)]
enum SecretKeyCommand {
    /// Re-seal everything stored under a previous key (TWOSTEP_SECRET_KEY_PREVIOUS) under
    /// the current one, in batches; safe while the portal serves, and to run again.
    Rotate,
}

#[derive(Subcommand)]
enum ClientCommand {
    /// Register an application; prints its client ID and, unless it is public, its client
    /// secret (shown this once).
    Create {
        /// As people know the application, e.g. "CRM".
        #[arg(long, value_name = "NAME")]
        name: String,
        /// An address in the application that receives the sign-in, exactly as it sends
        /// it; repeat for several.
        #[arg(long = "redirect-uri", value_name = "URI", required = true)]
        redirect_uris: Vec<String>,
        /// Where the application may send people after signing out; repeat for several.
        #[arg(long = "post-logout-uri", value_name = "URI")]
        post_logout_uris: Vec<String>,
        /// A browser or mobile application, without a secret (it uses PKCE).
        #[arg(long)]
        public: bool,
        /// Everyone who signs in to it passes the second step in their session.
        #[arg(long)]
        require_two_step: bool,
        /// The data room it belongs to (its id in the control center's address).
        #[arg(long, value_name = "ID")]
        room: Option<i64>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: Option<String>,
        /// A mobile number with its country code, e.g. "+46 70 123 45 67".
        #[arg(long)]
        phone: Option<String>,
        /// Make the user a platform administrator.
        #[arg(long)]
        admin: bool,
    },
    /// Break glass for a locked-out user (an administrator who lost their phone and their
    /// recovery codes): remove their sign-in methods, recovery codes, trusted devices and
    /// every session, as "Reset 2-step verification" in the control center does.
    #[command(name = "reset-2fa")]
    ResetTwoStep {
        #[arg(long)]
        email: String,
    },
    /// Disable an account (every session ends).
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Enable a disabled account.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Make a user a platform administrator.
    MakeAdmin {
        #[arg(long)]
        email: String,
    },
    /// Issue a temporary access code to someone who lost their phone and their recovery
    /// codes: with their password it signs them in once instead of a verification code.
    /// Printed alone on the last line, to be read to them; any earlier code stops working.
    #[command(name = "temporary-code")]
    TemporaryCode {
        #[arg(long)]
        email: String,
        /// How long it is valid: 1, 8 or 24 hours.
        #[arg(long, default_value_t = crate::domain::temporary_codes::DEFAULT_HOURS)]
        hours: i64,
    },
}

/// Applies `change` to the account with `email`, from the command line (audited so), and
/// says what was done.
async fn change_account(
    settings: Settings,
    email: &str,
    change: AccountChange,
) -> anyhow::Result<()> {
    let services = start_services(Arc::new(settings), Clock::system()).await?;
    let Some(user) = services.user_by_email(email).await? else {
        bail!("--email: no account has the email {}", email.trim());
    };
    let origin = Origin::default();
    let actor = Actor::CommandLine;
    let outcome = services
        .change_account(actor, user.id, change, &origin)
        .await?;
    let done = match outcome {
        Ok(()) => match change {
            AccountChange::ResetTwoStep => format!(
                "2-step verification of {} was reset: sign-in methods, recovery codes, trusted devices and sessions removed.",
                user.email
            ),
            AccountChange::Disable => format!("{} is disabled; every session ended.", user.email),
            AccountChange::Enable => format!("{} is enabled.", user.email),
            AccountChange::MakeAdmin => format!("{} is an administrator.", user.email),
            AccountChange::SignOutEverywhere | AccountChange::RemoveAdmin => {
                format!("{}: done.", user.email)
            }
        },
        Err(Refusal::LastAdmin) => bail!(
            "{} is the last administrator: make someone else an administrator first",
            user.email
        ),
        Err(refusal) => bail!("{}: refused ({refusal:?})", user.email),
    };
    println!("{done}");
    Ok(())
}

/// Issues `email` a temporary access code, audited as from the command line, and prints
/// what it is for, then the code alone on the last line.
async fn issue_temporary_code(settings: Settings, email: &str, hours: i64) -> anyhow::Result<()> {
    let Some(validity) = Validity::of_hours(hours) else {
        bail!("--hours: a temporary access code is valid for 1, 8 or 24 hours, not {hours}");
    };
    let services = start_services(Arc::new(settings), Clock::system()).await?;
    let Some(user) = services.user_by_email(email).await? else {
        bail!("--email: no account has the email {}", email.trim());
    };
    let issued = services
        .issue_temporary_code(Actor::CommandLine, user.id, validity, &Origin::default())
        .await?;
    let issued = match issued {
        Ok(issued) => issued,
        Err(IssueRefusal::Disabled) => {
            bail!("{} is disabled: enable the account first", user.email)
        }
        Err(IssueRefusal::NoSecondStep) => bail!(
            "{} has no 2-step verification: the password alone signs in",
            user.email
        ),
        Err(IssueRefusal::NotFound) => bail!("--email: no account has the email {}", email.trim()),
    };
    println!(
        "Temporary access code for {}, valid once until {}; read it to them, never email it:",
        user.email,
        crate::domain::language::Language::English.instant(issued.expires_at)
    );
    // Printed, not logged: for the operator's eyes, this once.
    println!("{}", issued.code);
    Ok(())
}

pub async fn run(cli: Cli, settings: Settings) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Backup { file } => {
            let db = Db::connect(&settings.database_url)?;
            let bytes = db.backup(&file).await?;
            println!(
                "Backed up to {} ({bytes} bytes, mode 0600).",
                file.display()
            );
            Ok(())
        }
        Command::Healthcheck => healthcheck(std::env::var("TWOSTEP_BIND").ok().as_deref()).await,
        Command::Migrate => {
            let db = Db::connect(&settings.database_url)?;
            db.migrate().await?;
            println!("Migrations applied.");
            Ok(())
        }
        Command::User(UserCommand::Create {
            email,
            name,
            phone,
            admin,
        }) => {
            let password = read_password()?;
            let id = create_user(
                settings,
                &email,
                name.as_deref(),
                phone.as_deref(),
                admin,
                password,
            )
            .await?;
            println!("Created user {} (id {id}).", email.trim().to_lowercase());
            Ok(())
        }
        Command::User(UserCommand::ResetTwoStep { email }) => {
            change_account(settings, &email, AccountChange::ResetTwoStep).await
        }
        Command::User(UserCommand::Disable { email }) => {
            change_account(settings, &email, AccountChange::Disable).await
        }
        Command::User(UserCommand::Enable { email }) => {
            change_account(settings, &email, AccountChange::Enable).await
        }
        Command::User(UserCommand::MakeAdmin { email }) => {
            change_account(settings, &email, AccountChange::MakeAdmin).await
        }
        Command::User(UserCommand::TemporaryCode { email, hours }) => {
            issue_temporary_code(settings, &email, hours).await
        }
        Command::SigningKey(SigningKeyCommand::Rotate) => {
            let services = start_services(Arc::new(settings), Clock::system()).await?;
            let rotation = services.rotate_signing_key().await?;
            println!(
                "New signing key {} published; it signs ID tokens from {}.",
                rotation.kid,
                crate::domain::language::Language::English.instant(rotation.signs_from)
            );
            Ok(())
        }
        Command::SecretKey(SecretKeyCommand::Rotate) => {
            let services = start_services(Arc::new(settings), Clock::system()).await?;
            rotate_secret_key(&services).await
        }
        Command::Client(ClientCommand::Create {
            name,
            redirect_uris,
            post_logout_uris,
            public,
            require_two_step,
            room,
        }) => {
            let typed = NewClient {
                name: &name,
                redirect_uris: &redirect_uris,
                post_logout_uris: &post_logout_uris,
                public,
                require_two_step,
                room,
            };
            create_client(settings, &typed).await
        }
        Command::ApiKey(ApiKeyCommand::Create {
            name,
            scopes,
            expires_days,
        }) => create_api_key(settings, &name, &scopes, expires_days).await,
        Command::ApiKey(ApiKeyCommand::Revoke { name }) => revoke_api_key(settings, &name).await,
    }
}

/// The flag a problem with an API key's settings is about.
fn key_flag_of(problem: KeySettingProblem) -> &'static str {
    match problem.field() {
        "scopes" => "--scope",
        "expires_days" => "--expires-days",
        _ => "--name",
    }
}

/// Creates an API key as "Create API key" does (audited as from the command line) and
/// prints what it may do, then the key alone on the last line.
async fn create_api_key(
    settings: Settings,
    name: &str,
    scopes: &[String],
    expires_days: Option<i64>,
) -> anyhow::Result<()> {
    let checked = KeySettings::parse(name, scopes, expires_days).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|problem| {
                format!(
                    "{}: {}",
                    key_flag_of(*problem),
                    Language::English.t(problem.message_id())
                )
            })
            .collect();
        anyhow::anyhow!(lines.join("\n"))
    })?;
    let services = start_services(Arc::new(settings), Clock::system()).await?;
    let created = services
        .create_api_key(Actor::CommandLine, &checked, &Origin::default())
        .await?
        .map_err(|refusal| match refusal {
            ApiKeyRefusal::NameTaken => {
                anyhow::anyhow!("--name: {}", Language::English.t("keys-name-taken"))
            }
            refusal => anyhow::anyhow!("refused ({refusal:?})"),
        })?;
    let expires = created.info.expires_at.map_or_else(
        || "never expires".to_owned(),
        |at| format!("expires {}", Language::English.instant(at)),
    );
    println!(
        "API key {} with the scopes {}; it {expires}. Keep it now, it is shown this once:",
        created.info.name,
        created.info.scopes.stored().replace(' ', ", ")
    );
    // Printed, not logged: for the operator's eyes, this once.
    println!("{}", created.key);
    Ok(())
}

async fn revoke_api_key(settings: Settings, name: &str) -> anyhow::Result<()> {
    let services = start_services(Arc::new(settings), Clock::system()).await?;
    match services
        .revoke_api_key_by_name(Actor::CommandLine, name, &Origin::default())
        .await?
    {
        Ok(key) => println!("API key {} is revoked.", key.name),
        Err(ApiKeyRefusal::NotFound) => bail!("--name: no API key is named {}", name.trim()),
        Err(ApiKeyRefusal::AlreadyRevoked) => bail!("--name: {} was revoked already", name.trim()),
        Err(refusal) => bail!("refused ({refusal:?})"),
    }
    Ok(())
}

/// `client create` as typed.
struct NewClient<'a> {
    name: &'a str,
    redirect_uris: &'a [String],
    post_logout_uris: &'a [String],
    public: bool,
    require_two_step: bool,
    room: Option<i64>,
}

/// The flag a problem of the application form is about.
fn flag_of(field: &str) -> &'static str {
    match field {
        "redirect_uris" => "--redirect-uri",
        "post_logout_uris" => "--post-logout-uri",
        "room_id" => "--room",
        _ => "--name",
    }
}

/// Registers an application as "Add application" does (audited as from the command line)
/// and prints `client_id: …` and, for a confidential client, `client_secret: …`.
async fn create_client(settings: Settings, typed: &NewClient<'_>) -> anyhow::Result<()> {
    // Each flag is one address: a line break inside one would make it two.
    for (flag, uris) in [
        ("--redirect-uri", typed.redirect_uris),
        ("--post-logout-uri", typed.post_logout_uris),
    ] {
        if let Some(uri) = uris.iter().find(|u| u.contains(['\n', '\r'])) {
            bail!("{flag}: one address each, without a line break: {uri:?}");
        }
    }
    let input = ApplicationInput {
        name: typed.name,
        redirect_uris: &typed.redirect_uris.join("\n"),
        post_logout_uris: &typed.post_logout_uris.join("\n"),
        public: typed.public,
        require_two_step: typed.require_two_step,
        room_id: typed.room,
    };
    let checked = input.parse().map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|(field, problem)| format!("{}: {problem}", flag_of(field)))
            .collect();
        anyhow::anyhow!(lines.join("\n"))
    })?;
    let services = start_services(Arc::new(settings), Clock::system()).await?;
    let created = services
        .create_application(Actor::CommandLine, &checked, &Origin::default())
        .await?
        .map_err(|refusal| match refusal {
            ApplicationRefusal::NoSuchRoom => anyhow::anyhow!(
                "--room: no data room has the id {}",
                typed.room.unwrap_or_default()
            ),
            refusal => anyhow::anyhow!("refused ({refusal:?})"),
        })?;
    println!("client_id: {}", created.application.client_id);
    if let Some(secret) = created.secret {
        // Printed, not logged: the secret is for the operator's eyes, this once.
        println!("client_secret: {secret}");
    }
    Ok(())
}

/// Re-seals, then says what it did and whether the previous keys can go.
async fn rotate_secret_key(services: &crate::services::Services) -> anyhow::Result<()> {
    let keyring = services.keyring();
    let current = keyring.current_id();
    let previous = keyring.ids()[1..].join(", ");
    if previous.is_empty() {
        println!("Secret key {current}; no previous key is set (TWOSTEP_SECRET_KEY_PREVIOUS).");
    } else {
        println!("Secret key {current}; previous keys: {previous}.");
    }
    let mut unopened = Vec::new();
    for column in services.rotate_secret_key().await? {
        let mut said = match column.resealed {
            0 => "nothing to re-seal".to_owned(),
            n => format!("{n} re-sealed"),
        };
        if column.changed_meanwhile > 0 {
            said.push_str(&format!(
                ", {} changed by the portal meanwhile",
                column.changed_meanwhile
            ));
        }
        for (id, count) in &column.unopened {
            let id = if id.is_empty() {
                "no key held"
            } else {
                id.as_str()
            };
            said.push_str(&format!(", {count} under {id}: not opened"));
        }
        println!("  {}: {said}", column.column);
        unopened.extend(column.unopened);
    }
    let left: i64 = services
        .sealed_key_ids()
        .await?
        .iter()
        .flat_map(|column| column.ids.iter())
        .filter(|(id, _)| id != current)
        .map(|(_, count)| count)
        .sum();
    if !unopened.is_empty() {
        bail!(
            "some values are sealed under a key this portal does not hold: add it to \
             TWOSTEP_SECRET_KEY_PREVIOUS and run `twostep secret-key rotate` again"
        );
    }
    if left > 0 {
        println!(
            "{left} values were sealed under a previous key by the portal while this ran: \
             run `twostep secret-key rotate` again once every instance has the new key."
        );
    } else {
        println!(
            "Everything stored is sealed under {current}. Once every instance runs with \
             this key, TWOSTEP_SECRET_KEY_PREVIOUS can be removed (sessions whose cookie \
             was last set before the rotation then sign in again)."
        );
    }
    Ok(())
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let bind = settings.bind;
    let public_url = settings.public_url.clone();
    let app = Application::build(settings).await?;
    tracing::info!(%bind, %public_url, "Twostep is listening");
    let services = &app.state().services;
    match services.missing_key_ids().await {
        Ok(missing) => {
            for id in missing {
                tracing::error!(
                    "Stored values are sealed under the secret key {id}, which this portal \
                     does not hold: list it in TWOSTEP_SECRET_KEY_PREVIOUS"
                );
            }
        }
        Err(err) => tracing::warn!(error = %err, "Could not list the keys stored values need"),
    }
    if let Some(link) = app.setup_link() {
        // Printed, not logged: the link is a secret meant for the operator's eyes only.
        println!("No administrator exists yet. Open this link once to create one:\n\n    {link}\n");
    }
    app.run_until_stopped().await?;
    Ok(())
}

fn read_password() -> anyhow::Result<SecretString> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!(
            "no password on standard input: pipe it in, e.g. `echo \"$PASSWORD\" | twostep user create …`"
        );
    }
    Ok(SecretString::from(password))
}

async fn create_user(
    settings: Settings,
    email: &str,
    name: Option<&str>,
    phone: Option<&str>,
    admin: bool,
    password: SecretString,
) -> anyhow::Result<i64> {
    use secrecy::ExposeSecret;
    let email = normalise_email(email).map_err(|p| {
        anyhow::anyhow!(
            "--email: {}",
            p.say(crate::domain::language::Language::English)
        )
    })?;
    let name = match name {
        Some(name) => normalise_name(name).map_err(|p| {
            anyhow::anyhow!(
                "--name: {}",
                p.say(crate::domain::language::Language::English)
            )
        })?,
        None => email.split('@').next().unwrap_or_default().to_owned(),
    };
    let phone = phone
        .map(|typed| normalise_phone(typed, None))
        .transpose()
        .map_err(|p| anyhow::anyhow!("--phone: {p}"))?;
    check_new_password(password.expose_secret(), &[&email, &name])
        .map_err(|p| anyhow::anyhow!("password: {p}"))?;
    let services = start_services(Arc::new(settings), Clock::system()).await?;
    let account = NewAccount {
        name,
        email,
        password,
    };
    services
        .create_user_from_command_line(&account, phone.as_deref(), admin)
        .await
        .map_err(|err| match err {
            CreateError::EmailTaken => {
                anyhow::anyhow!("--email: an account with this email already exists")
            }
            err => err.into(),
        })
}
