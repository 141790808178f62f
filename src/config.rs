//! Typed settings, read once from the environment. Every setting has a working default so
//! `cargo run --release` needs no configuration.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use rand::RngCore;
use secrecy::SecretString;
use url::Url;

use crate::domain::policy::{APP_NAME_MAX, app_name_fits};

/// The server's secret key: signs CSRF tokens and cookies, keys code HMACs. It cannot be
/// printed; `Debug` shows `***`.
#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl SecretKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// Accepts 64 hexadecimal characters (32 bytes).
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let bytes = hex::decode(text.trim()).context("the secret key is not hexadecimal")?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| anyhow::anyhow!("the secret key must be 64 hexadecimal characters"))?;
        Ok(Self(bytes))
    }

    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }

    /// Reads the key from `path`, writing a new one (readable by the owner only) if absent.
    fn load_or_create(path: &Path) -> anyhow::Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text)
                .with_context(|| format!("reading the secret key from {}", path.display())),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                let key = Self::generate();
                write_private_file(path, &hex::encode(key.0))
                    .with_context(|| format!("writing a new secret key to {}", path.display()))?;
                Ok(key)
            }
            Err(err) => Err(err).with_context(|| format!("reading {}", path.display())),
        }
    }
}

/// `TWOSTEP_SECRET_KEY_PREVIOUS`: keys separated by commas (spaces around them ignored).
fn parse_previous_keys(list: &str) -> anyhow::Result<Vec<SecretKey>> {
    list.split(',')
        .map(str::trim)
        .filter(|key| !key.is_empty())
        .enumerate()
        .map(|(i, key)| {
            SecretKey::parse(key)
                .with_context(|| format!("TWOSTEP_SECRET_KEY_PREVIOUS, key number {}", i + 1))
        })
        .collect()
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

#[cfg(unix)]
fn write_private_file(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private_file(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Which SMS provider sends the codes.
#[derive(Clone, Debug)]
pub enum SmsSettings {
    /// Writes each message to the server log; nothing is sent (the zero-setup default).
    Log,
    Twilio {
        account_sid: String,
        auth_token: SecretString,
        from: String,
        api_base: Url,
    },
    Clickatell {
        api_key: SecretString,
        api_base: Url,
    },
    /// A signed JSON POST to an adapter in front of any gateway.
    Webhook { url: Url, secret: SecretString },
}

#[derive(Clone, Debug)]
pub struct Settings {
    pub database_url: String,
    pub bind: SocketAddr,
    pub public_url: Url,
    pub data_dir: PathBuf,
    pub secret_key: SecretKey,
    /// The keys of a rotation (`TWOSTEP_SECRET_KEY_PREVIOUS`): what was sealed or signed
    /// under them still opens, until `twostep secret-key rotate` has re-sealed it.
    pub previous_secret_keys: Vec<SecretKey>,
    pub app_name: String,
    /// Failed password attempts allowed per account (by email) in `throttle_window_secs`.
    pub max_failures_per_account: i64,
    /// Failed password attempts allowed per client IP in `throttle_window_secs`.
    pub max_failures_per_ip: i64,
    pub throttle_window_secs: i64,
    pub sms: SmsSettings,
    /// ISO 3166 country codes SMS may be sent to; empty allows all.
    pub sms_allowed_countries: Vec<String>,
    pub sms_connect_timeout: Duration,
    pub sms_timeout: Duration,
    /// Codes one client address may have sent per hour, across accounts.
    pub sms_sends_per_ip_per_hour: i64,
    /// Reverse proxies whose X-Forwarded-For is believed (empty: none; the peer address is
    /// the client).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// HTTP worker threads (one per core by default).
    pub http_workers: usize,
    /// `TWOSTEP_METRICS_TOKEN`: `/metrics` answers scrapers that present it as a bearer
    /// token (otherwise 404).
    pub metrics_token: Option<SecretString>,
    /// `TWOSTEP_METRICS_BIND`: a separate address that serves `/metrics` alone, without a
    /// token (for a private network).
    pub metrics_bind: Option<SocketAddr>,
    /// How often this instance sweeps for passwords whose second step was not completed
    /// (`Services::sweep_unfinished_sign_ins`); `None` runs no sweep (tests call it).
    pub sign_in_sweep_every: Option<Duration>,
    pub mail: MailSettings,
    /// How long an instance keeps the platform settings before reading them again: a
    /// change an administrator saves on one instance reaches the others within this.
    pub platform_settings_ttl: Duration,
}

/// Where email goes (PRODUCT.md, "SMS and email").
#[derive(Clone, Debug)]
pub struct MailSettings {
    /// `TWOSTEP_SMTP_URL` (`smtp://user:password@host:587?tls=required`, `smtps://…`); unset:
    /// each email is written as an `.eml` file under the data directory.
    pub smtp_url: Option<secrecy::SecretString>,
    /// `TWOSTEP_MAIL_FROM`, e.g. `no-reply@example.com`: without a name of its own
    /// (`IT desk <no-reply@example.com>`), emails come from the app name.
    pub from: String,
    /// The first retry's delay; each next one doubles, up to an hour.
    pub retry_base: Duration,
    /// How long a sender's claim on an email holds before another instance may take it.
    pub lease: Duration,
    /// How often the sender looks for due email when nothing woke it.
    pub poll: Duration,
}

/// The secrets that may come from a file instead (container and systemd credentials):
/// `NAME_FILE` names the file that holds `NAME`'s value.
pub const FILE_SECRETS: [&str; 8] = [
    "TWOSTEP_SECRET_KEY",
    "TWOSTEP_SECRET_KEY_PREVIOUS",
    "DATABASE_URL",
    "TWOSTEP_SMTP_URL",
    "TWOSTEP_TWILIO_AUTH_TOKEN",
    "TWOSTEP_CLICKATELL_API_KEY",
    "TWOSTEP_SMS_WEBHOOK_SECRET",
    "TWOSTEP_METRICS_TOKEN",
];

/// Each secret whose `_FILE` variable is set, read from its file without the final
/// newline. An empty variable counts as unset; a secret set both ways, or a file that
/// cannot be read, refuses the start, naming the variable.
fn secrets_from_files(
    lookup: &impl Fn(&str) -> Option<String>,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    let set = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
    let mut found = Vec::new();
    for name in FILE_SECRETS {
        let file_var = format!("{name}_FILE");
        let Some(path) = set(&file_var) else {
            continue;
        };
        if set(name).is_some() {
            bail!("{name} and {file_var} are both set: set one of them");
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{file_var}: cannot read {path}"))?;
        let value = text.strip_suffix('\n').map_or(text.as_str(), |line| {
            line.strip_suffix('\r').unwrap_or(line)
        });
        found.push((name, value.to_owned()));
    }
    Ok(found)
}

impl Settings {
    /// The current secret key and the previous ones of a rotation.
    pub fn keyring(&self) -> crate::domain::keyring::Keyring {
        crate::domain::keyring::Keyring::new(
            *self.secret_key.expose(),
            self.previous_secret_keys.iter().map(|key| *key.expose()),
        )
    }

    /// Reads the settings from the environment, creating the data directory and, when
    /// `TWOSTEP_SECRET_KEY` is unset, the secret key file inside it.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_variables(|name| std::env::var(name).ok())
    }

    /// As `from_env`, with each variable's value given by `lookup` (tests start instances
    /// with variables of their own without touching the process's environment).
    pub fn from_variables(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let from_files = secrets_from_files(&lookup)?;
        let var = |name: &str| {
            from_files
                .iter()
                .find(|(secret, _)| *secret == name)
                .map(|(_, value)| value.clone())
                .or_else(|| lookup(name))
                .filter(|v| !v.trim().is_empty())
        };
        let data_dir = PathBuf::from(var("TWOSTEP_DATA_DIR").unwrap_or_else(|| "data".into()));
        // It holds the secret key and, by default, the database: owner-only.
        crate::db::create_private_dir(&data_dir)?;
        crate::db::set_mode(&data_dir, 0o700)
            .with_context(|| format!("protecting the data directory {}", data_dir.display()))?;
        let database_url = var("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("twostep.db").display()));
        let bind = var("TWOSTEP_BIND")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .context("TWOSTEP_BIND must be an address such as 127.0.0.1:8080")?;
        let public_url = parse_public_url(
            &var("TWOSTEP_PUBLIC_URL").unwrap_or_else(|| default_public_url(bind)),
        )?;
        let secret_key = match var("TWOSTEP_SECRET_KEY") {
            Some(text) => SecretKey::parse(&text).context("TWOSTEP_SECRET_KEY")?,
            None => SecretKey::load_or_create(&data_dir.join("secret.key"))?,
        };
        let previous_secret_keys = match var("TWOSTEP_SECRET_KEY_PREVIOUS") {
            Some(list) => parse_previous_keys(&list)?,
            None => Vec::new(),
        };
        let sms = sms_settings_from_env(&var)?;
        let app_name = match var("TWOSTEP_APP_NAME") {
            Some(name) if !app_name_fits(&name) => {
                bail!("TWOSTEP_APP_NAME must be {APP_NAME_MAX} characters or fewer, on one line")
            }
            Some(name) => name.trim().to_owned(),
            None => "Twostep".to_owned(),
        };
        let sms_allowed_countries = var("TWOSTEP_SMS_ALLOWED_COUNTRIES")
            .map(|list| parse_countries(&list))
            .transpose()?
            .unwrap_or_default();
        let trusted_proxies = var("TWOSTEP_TRUSTED_PROXIES")
            .map(|list| {
                list.split(',')
                    .map(str::trim)
                    .filter(|ip| !ip.is_empty())
                    .map(|ip| {
                        ip.parse().with_context(|| {
                            format!("TWOSTEP_TRUSTED_PROXIES: {ip:?} is not an IP address")
                        })
                    })
                    .collect::<anyhow::Result<Vec<_>>>()
            })
            .transpose()?
            .unwrap_or_default();
        let metrics_token = match var("TWOSTEP_METRICS_TOKEN") {
            Some(token) if token.len() < 32 => {
                bail!("TWOSTEP_METRICS_TOKEN must be at least 32 characters")
            }
            token => token.map(SecretString::from),
        };
        let metrics_bind = var("TWOSTEP_METRICS_BIND")
            .map(|bind| {
                bind.parse()
                    .with_context(|| format!("TWOSTEP_METRICS_BIND: {bind:?} is not host:port"))
            })
            .transpose()?;
        let defaults = Self::defaults();
        let mail = MailSettings {
            smtp_url: var("TWOSTEP_SMTP_URL").map(secrecy::SecretString::from),
            from: var("TWOSTEP_MAIL_FROM").unwrap_or_else(|| {
                format!("twostep@{}", public_url.host_str().unwrap_or("localhost"))
            }),
            ..defaults.mail.clone()
        };
        Ok(Self {
            database_url,
            bind,
            public_url,
            data_dir,
            secret_key,
            previous_secret_keys,
            app_name,
            sms,
            sms_allowed_countries,
            trusted_proxies,
            mail,
            metrics_token,
            metrics_bind,
            ..defaults
        })
    }

    /// Settings for a local instance with the given database; tests start from these.
    pub fn for_database(database_url: &str, data_dir: &Path) -> Self {
        Self {
            database_url: database_url.to_owned(),
            data_dir: data_dir.to_owned(),
            ..Self::defaults()
        }
    }

    fn defaults() -> Self {
        Self {
            database_url: "sqlite://data/twostep.db".into(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: Url::parse("http://localhost:8080").expect("a constant URL parses"),
            data_dir: PathBuf::from("data"),
            secret_key: SecretKey::generate(),
            previous_secret_keys: Vec::new(),
            app_name: "Twostep".into(),
            max_failures_per_account: 10,
            max_failures_per_ip: 50,
            throttle_window_secs: 15 * 60,
            sms: SmsSettings::Log,
            sms_allowed_countries: Vec::new(),
            sms_connect_timeout: Duration::from_secs(3),
            sms_timeout: Duration::from_secs(10),
            sms_sends_per_ip_per_hour: 30,
            trusted_proxies: Vec::new(),
            http_workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            mail: MailSettings {
                smtp_url: None,
                from: "twostep@localhost".into(),
                retry_base: Duration::from_secs(5),
                lease: Duration::from_secs(60),
                poll: Duration::from_secs(1),
            },
            platform_settings_ttl: Duration::from_secs(5),
            metrics_token: None,
            metrics_bind: None,
            sign_in_sweep_every: Some(Duration::from_secs(60)),
        }
    }

    /// The public URL names an IP address: browsers refuse passkeys there (a relying-party
    /// id must be a host name), so the portal warns at start.
    pub fn public_host_is_ip(&self) -> bool {
        matches!(
            self.public_url.host(),
            Some(url::Host::Ipv4(_) | url::Host::Ipv6(_))
        )
    }

    /// Cookies get `Secure` and the `__Host-` prefix when the portal is served over https.
    pub fn is_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    pub fn log_format() -> LogFormat {
        match std::env::var("TWOSTEP_LOG_FORMAT").as_deref() {
            Ok("json") => LogFormat::Json,
            _ => LogFormat::Text,
        }
    }
}

fn sms_settings_from_env(var: &impl Fn(&str) -> Option<String>) -> anyhow::Result<SmsSettings> {
    let required =
        |name: &str| var(name).with_context(|| format!("{name} must be set for this SMS provider"));
    let base = |name: &str, default: &str| -> anyhow::Result<Url> {
        let text = var(name).unwrap_or_else(|| default.to_owned());
        Url::parse(&text).with_context(|| format!("{name} must be a URL"))
    };
    match var("TWOSTEP_SMS_PROVIDER").as_deref().unwrap_or("log") {
        "log" => Ok(SmsSettings::Log),
        "twilio" => Ok(SmsSettings::Twilio {
            account_sid: required("TWOSTEP_TWILIO_ACCOUNT_SID")?,
            auth_token: SecretString::from(required("TWOSTEP_TWILIO_AUTH_TOKEN")?),
            from: required("TWOSTEP_TWILIO_FROM")?,
            api_base: base("TWOSTEP_TWILIO_API_BASE", "https://api.twilio.com")?,
        }),
        "clickatell" => Ok(SmsSettings::Clickatell {
            api_key: SecretString::from(required("TWOSTEP_CLICKATELL_API_KEY")?),
            api_base: base(
                "TWOSTEP_CLICKATELL_API_BASE",
                "https://platform.clickatell.com",
            )?,
        }),
        "webhook" => {
            let url = base("TWOSTEP_SMS_WEBHOOK_URL", "")?;
            if !matches!(url.scheme(), "http" | "https") {
                bail!("TWOSTEP_SMS_WEBHOOK_URL must be an http(s) URL");
            }
            let secret = required("TWOSTEP_SMS_WEBHOOK_SECRET")?;
            if secret.len() < 32 {
                bail!("TWOSTEP_SMS_WEBHOOK_SECRET must be at least 32 characters");
            }
            Ok(SmsSettings::Webhook {
                url,
                secret: SecretString::from(secret),
            })
        }
        other => {
            bail!("TWOSTEP_SMS_PROVIDER must be log, twilio, clickatell or webhook, not {other:?}")
        }
    }
}

/// "SE, no,FI" -> ["SE", "NO", "FI"]; each must be a two-letter country code.
fn parse_countries(list: &str) -> anyhow::Result<Vec<String>> {
    list.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(|code| {
            let upper = code.to_ascii_uppercase();
            // Only countries the phone number rules know: a typo would refuse every number.
            if upper.len() == 2 && upper.parse::<phonenumber::country::Id>().is_ok() {
                Ok(upper)
            } else {
                bail!("TWOSTEP_SMS_ALLOWED_COUNTRIES takes two-letter country codes such as SE,NO, not {code:?}")
            }
        })
        .collect()
}

/// Without TWOSTEP_PUBLIC_URL, links point at the port the portal listens on, by the name
/// `localhost` (`http://localhost:8080` by default) when it listens on loopback or on all
/// interfaces: browsers refuse passkeys on an IP address, so the default names a host.
/// Bound to one other address, that address is all the portal knows of itself.
fn default_public_url(bind: SocketAddr) -> String {
    let ip = bind.ip();
    let host = if ip.is_loopback() || ip.is_unspecified() {
        "localhost".to_owned()
    } else if bind.is_ipv6() {
        format!("[{ip}]")
    } else {
        ip.to_string()
    };
    format!("http://{host}:{}", bind.port())
}

fn parse_public_url(text: &str) -> anyhow::Result<Url> {
    let url = Url::parse(text).context("TWOSTEP_PUBLIC_URL must be a URL")?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        bail!("TWOSTEP_PUBLIC_URL must be an http or https URL with a host");
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn secret_key_never_prints() {
        let key = SecretKey::parse(&"ab".repeat(32)).unwrap();
        assert_eq!(format!("{key:?}"), "SecretKey(***)");
    }

    #[test]
    fn secret_key_must_be_32_bytes_of_hex() {
        assert!(SecretKey::parse("abcd").is_err());
        assert!(SecretKey::parse(&"zz".repeat(32)).is_err());
    }

    #[test]
    fn previous_keys_are_a_list_and_a_bad_one_is_named_by_its_place() {
        let (a, b) = ("ab".repeat(32), "cd".repeat(32));
        let keys = parse_previous_keys(&format!(" {a} ,{b},")).unwrap();
        assert_eq!(keys.len(), 2);
        assert_eq!(keys[1].expose(), &[0xcd; 32]);
        assert!(parse_previous_keys("").unwrap().is_empty());
        let err = format!(
            "{:#}",
            parse_previous_keys(&format!("{a},abcd")).unwrap_err()
        );
        assert!(
            err.contains("TWOSTEP_SECRET_KEY_PREVIOUS, key number 2"),
            "{err}"
        );
        assert!(!err.contains(&a), "{err}");
    }

    #[test]
    fn allowed_countries_are_two_letter_codes() {
        assert_eq!(parse_countries(" se, NO ,").unwrap(), ["SE", "NO"]);
        assert!(parse_countries("Sweden").is_err());
        assert!(parse_countries("SE,XQ").is_err());
    }

    #[test]
    fn the_app_name_comes_from_the_environment_on_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let with_name = |name: &str| {
            Settings::from_variables(|var| match var {
                "TWOSTEP_APP_NAME" => Some(name.to_owned()),
                "TWOSTEP_DATA_DIR" => Some(dir.path().display().to_string()),
                _ => None,
            })
        };
        assert_eq!(with_name(" Acme IT ").unwrap().app_name, "Acme IT");
        assert_eq!(with_name("").unwrap().app_name, "Twostep");
        assert!(with_name(&"x".repeat(61)).is_err());
        assert!(with_name("Acme\nSubject: forged").is_err());
    }

    #[test]
    fn a_secret_comes_from_its_file_without_the_final_newline() {
        let dir = tempfile::tempdir().unwrap();
        let key = "ab".repeat(32);
        let key_file = dir.path().join("key");
        std::fs::write(&key_file, format!("{key}\n")).unwrap();
        let token_file = dir.path().join("token");
        std::fs::write(&token_file, format!("{}\r\n", "t".repeat(40))).unwrap();
        let data = dir.path().join("data");
        let settings = Settings::from_variables(|var| match var {
            "TWOSTEP_SECRET_KEY_FILE" => Some(key_file.display().to_string()),
            "TWOSTEP_METRICS_TOKEN_FILE" => Some(token_file.display().to_string()),
            // Empty: as if unset.
            "TWOSTEP_SMTP_URL" | "TWOSTEP_SMTP_URL_FILE" => Some(String::new()),
            "TWOSTEP_DATA_DIR" => Some(data.display().to_string()),
            _ => None,
        })
        .unwrap();
        assert_eq!(hex::encode(settings.secret_key.expose()), key);
        assert_eq!(
            settings
                .metrics_token
                .as_ref()
                .map(|t| t.expose_secret().len()),
            Some(40)
        );
        assert!(settings.mail.smtp_url.is_none());
        // The key came from the file: none was generated into the data directory.
        assert!(!data.join("secret.key").exists());
    }

    #[test]
    fn a_secret_set_twice_or_an_unreadable_file_refuses_the_start_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("url");
        std::fs::write(&file, "postgres://u:p@db/twostep\n").unwrap();
        let data = dir.path().join("data").display().to_string();
        let both = Settings::from_variables(|var| match var {
            "DATABASE_URL" => Some("sqlite://x.db".into()),
            "DATABASE_URL_FILE" => Some(file.display().to_string()),
            "TWOSTEP_DATA_DIR" => Some(data.clone()),
            _ => None,
        })
        .unwrap_err();
        assert!(format!("{both:#}").contains("DATABASE_URL and DATABASE_URL_FILE are both set"));
        for secret in FILE_SECRETS {
            let file_var = format!("{secret}_FILE");
            let missing = Settings::from_variables(|var| {
                if var == file_var {
                    Some("/nonexistent/secret".into())
                } else if var == "TWOSTEP_DATA_DIR" {
                    Some(data.clone())
                } else {
                    None
                }
            })
            .unwrap_err();
            let said = format!("{missing:#}");
            assert!(
                said.contains(&format!("{file_var}: cannot read /nonexistent/secret")),
                "{said}"
            );
        }
    }

    #[test]
    fn the_default_public_url_names_localhost_for_the_bind_port() {
        assert_eq!(
            default_public_url("127.0.0.1:8080".parse().unwrap()),
            "http://localhost:8080"
        );
        assert_eq!(
            default_public_url("0.0.0.0:9000".parse().unwrap()),
            "http://localhost:9000"
        );
        assert_eq!(
            default_public_url("[::1]:8443".parse().unwrap()),
            "http://localhost:8443"
        );
        assert_eq!(
            default_public_url("192.0.2.10:8080".parse().unwrap()),
            "http://192.0.2.10:8080"
        );
        assert_eq!(
            default_public_url("[2001:db8::1]:8080".parse().unwrap()),
            "http://[2001:db8::1]:8080"
        );
    }

    #[test]
    fn a_public_url_on_an_ip_address_is_noticed() {
        let on = |url: &str| Settings {
            public_url: url.parse().unwrap(),
            ..Settings::defaults()
        };
        assert!(on("http://127.0.0.1:8080").public_host_is_ip());
        assert!(on("https://[2001:db8::1]/").public_host_is_ip());
        assert!(!on("http://localhost:8080").public_host_is_ip());
        assert!(!on("https://portal.example.com").public_host_is_ip());
    }

    #[test]
    fn public_url_must_be_http() {
        assert!(parse_public_url("ftp://example.com").is_err());
        assert!(parse_public_url("https://portal.example.com").is_ok());
    }

    #[test]
    fn the_webhook_provider_needs_an_http_url_and_a_long_secret() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            }
        };
        let ok: &'static [(&str, &str)] = &[
            ("TWOSTEP_SMS_PROVIDER", "webhook"),
            (
                "TWOSTEP_SMS_WEBHOOK_URL",
                "https://sms-adapter.internal/send",
            ),
            (
                "TWOSTEP_SMS_WEBHOOK_SECRET",
                "0123456789abcdef0123456789abcdef",
            ),
        ];
        assert!(matches!(
            sms_settings_from_env(&env(ok)),
            Ok(SmsSettings::Webhook { url, .. }) if url.as_str() == "https://sms-adapter.internal/send"
        ));
        let problem = |pairs: &'static [(&'static str, &'static str)]| {
            format!("{:#}", sms_settings_from_env(&env(pairs)).unwrap_err())
        };
        assert!(
            problem(&[("TWOSTEP_SMS_PROVIDER", "webhook")]).contains("TWOSTEP_SMS_WEBHOOK_URL")
        );
        assert!(
            problem(&[
                ("TWOSTEP_SMS_PROVIDER", "webhook"),
                (
                    "TWOSTEP_SMS_WEBHOOK_URL",
                    "https://sms-adapter.internal/send"
                ),
            ])
            .contains("TWOSTEP_SMS_WEBHOOK_SECRET")
        );
        assert!(
            problem(&[
                ("TWOSTEP_SMS_PROVIDER", "webhook"),
                (
                    "TWOSTEP_SMS_WEBHOOK_URL",
                    "https://sms-adapter.internal/send"
                ),
                ("TWOSTEP_SMS_WEBHOOK_SECRET", "short"),
            ])
            .contains("at least 32")
        );
        assert!(
            problem(&[
                ("TWOSTEP_SMS_PROVIDER", "webhook"),
                ("TWOSTEP_SMS_WEBHOOK_URL", "ftp://sms-adapter.internal/send"),
                (
                    "TWOSTEP_SMS_WEBHOOK_SECRET",
                    "0123456789abcdef0123456789abcdef"
                ),
            ])
            .contains("http(s)")
        );
    }
}
