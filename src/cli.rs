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
use crate::domain::password::check_new_password;
use crate::domain::phone::normalise_phone;
use crate::domain::temporary_codes::Validity;
use crate::services::account::{CreateError, NewAccount};
use crate::services::admin::{AccountChange, Actor, Refusal};
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
    /// Manage the applications that sign their users in through Twostep (OpenID Connect).
    #[command(subcommand)]
    Client(ClientCommand),
}

#[derive(Subcommand)]
enum SigningKeyCommand {
    /// Make a new signing key: published at once, signing an hour later; the current key
    /// keeps signing until then and stays published until its last ID token has expired.
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
    }
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

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let bind = settings.bind;
    let public_url = settings.public_url.clone();
    let app = Application::build(settings).await?;
    tracing::info!(%bind, %public_url, "Twostep is listening");
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
