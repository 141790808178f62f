use crate::helpers::{Backend, TestApp};
use crate::on_both_databases;

async fn health_and_readiness_answer(app: TestApp) {
    let health = app.get("/healthz").await;
    assert_eq!(health.status().as_u16(), 200);
    assert_eq!(health.text().await.unwrap(), "ok");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status().as_u16(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

async fn the_stylesheet_is_served_from_the_binary(app: TestApp) {
    let css = app.get("/static/style.css").await;
    assert_eq!(css.status().as_u16(), 200);
    assert!(
        css.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(css.text().await.unwrap().contains("error-summary"));
}

on_both_databases!(
    health_and_readiness_answer,
    the_stylesheet_is_served_from_the_binary
);

/// A PostgreSQL database that refuses connections makes `/readyz` answer 503 while
/// `/healthz` stays 200.
#[tokio::test]
async fn readiness_fails_while_the_database_is_down() {
    let Some(app) = TestApp::spawn(Backend::Postgres).await else {
        return;
    };
    let name = url::Url::parse(&app.database_url)
        .unwrap()
        .path()
        .trim_start_matches('/')
        .to_owned();
    let admin = sqlx::AnyPool::connect(&std::env::var(crate::helpers::POSTGRES_URL_VAR).unwrap())
        .await
        .unwrap();
    for sql in [
        format!(r#"ALTER DATABASE "{name}" ALLOW_CONNECTIONS false"#),
        format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"),
    ] {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&admin)
            .await
            .unwrap();
    }
    assert_eq!(app.get("/readyz").await.status().as_u16(), 503);
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    // Pages that need the database fail with the opaque error page, nothing more.
    let failed = app.post_login("ada@example.com", "whatever password").await;
    assert_eq!(failed.status().as_u16(), 500);
    let page = failed.text().await.unwrap();
    assert!(page.contains("Something went wrong") && page.contains("/static/style.css"));
    for leak in ["sqlx", "pool", "connection", "database"] {
        assert!(
            !page.to_lowercase().contains(leak),
            "the page mentions {leak}"
        );
    }

    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        r#"ALTER DATABASE "{name}" ALLOW_CONNECTIONS true"#
    )))
    .execute(&admin)
    .await
    .unwrap();
    assert_eq!(app.get("/readyz").await.status().as_u16(), 200);
}
