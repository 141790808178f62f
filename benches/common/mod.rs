//! What the benchmarks need: a browser-like client, the CSRF token of a page, percentiles,
//! and a fresh PostgreSQL database; `portal` has what those that sign in against the
//! release binary share.

pub mod portal;

use std::sync::Arc;
use std::time::Duration;

use reqwest::cookie::Jar;

/// A client with its own cookies and redirects off, one connection kept per host.
pub fn client() -> reqwest::Client {
    client_with(Arc::new(Jar::default()))
}

/// A client keeping its cookies in `jar`.
pub fn client_with(jar: Arc<Jar>) -> reqwest::Client {
    client_builder(jar).build().unwrap()
}

/// The builder of `client_with`, for a client that changes a setting.
pub fn client_builder(jar: Arc<Jar>) -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(60))
}

/// The CSRF token a page put in its forms.
pub fn csrf_token(html: &str) -> Option<String> {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker)? + marker.len();
    Some(html[start..start + html[start..].find('"')?].to_owned())
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Creates a database for this run on the server at `server`; returns its URL.
pub async fn fresh_postgres_database(server: &str) -> String {
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(server).await.unwrap();
    let name = format!("twostep_bench_{}", std::process::id());
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(r#"CREATE DATABASE "{name}""#)))
        .execute(&admin)
        .await
        .unwrap();
    let mut url = url::Url::parse(server).unwrap();
    url.set_path(&name);
    url.to_string()
}

pub async fn drop_postgres_database(server: &str, database_url: &str) {
    let admin = sqlx::AnyPool::connect(server).await.unwrap();
    let name = database_url.rsplit('/').next().unwrap().to_owned();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        r#"DROP DATABASE "{name}" WITH (FORCE)"#
    )))
    .execute(&admin)
    .await
    .unwrap();
}
