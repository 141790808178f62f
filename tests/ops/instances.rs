//! Two instances on one PostgreSQL database, as behind a load balancer (here the test's
//! own client is the balancer): a sign-in crosses from one to the other, the limits hold
//! across both under concurrency, and a killed instance loses nothing of a flow.

use futures_util::future::join_all;

use crate::flows::{
    browser, code_step, location, password_step, post, post_password, status_and_location, token_of,
};
use crate::portal::{Deployment, PASSWORD, Portal, fresh_postgres_database};
use crate::standins::code_in;

/// What both instances' scrapers present.
const METRICS_TOKEN: &str = "a-scraper-token-of-at-least-32-characters";

/// The value of the series of `family` whose labels include all of `labels`; 0 if absent.
fn series(metrics: &str, family: &str, labels: &[&str]) -> f64 {
    metrics
        .lines()
        .filter(|line| line.starts_with(&format!("{family}{{")))
        .find(|line| labels.iter().all(|label| line.contains(label)))
        .and_then(|line| line.rsplit(' ').next()?.parse().ok())
        .unwrap_or(0.0)
}

async fn scrape(portal: &Portal, token: Option<&str>) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(portal.url("/metrics"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

/// The id of the newest audit event: what the seeds recorded ends there.
async fn last_event(db: &twostep::db::Db) -> i64 {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM audit_events")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

async fn two_instances() -> Option<(Deployment, twostep::db::Db, Portal, Portal)> {
    let deployment = Deployment::new(fresh_postgres_database().await?)
        .with("TWOSTEP_METRICS_TOKEN", METRICS_TOKEN);
    let db = deployment.prepare().await;
    let (a, b) = tokio::join!(deployment.start(), deployment.start());
    Some((deployment, db, a, b))
}

#[tokio::test]
async fn a_sign_in_begun_on_one_instance_finishes_on_the_other_after_the_first_is_killed() {
    let Some((deployment, db, mut a, b)) = two_instances().await else {
        return;
    };
    let phone = "+46701110001";
    deployment
        .add_user("ada@example.com", false, Some(phone))
        .await;
    // The code that turned SMS on was the first text.
    let seeded = deployment.sms.sent().len();
    let client = browser();

    let response = password_step(&client, &a.address, "ada@example.com", PASSWORD)
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login/verify");
    let sent = deployment.sms.sent();
    assert_eq!(sent.len(), seeded + 1, "{sent:?}");
    let code = code_in(&sent[seeded].body);

    // The instance that took the password dies without finishing anything.
    a.kill();

    assert_eq!(scrape(&b, None).await.status(), 404, "no token, no metrics");
    assert_eq!(scrape(&b, Some("a-guess")).await.status(), 404);
    let signed_in_by_sms = [r#"outcome="succeeded""#, r#"method="sms""#];
    let before = scrape(&b, Some(METRICS_TOKEN)).await.text().await.unwrap();
    let response = code_step(&client, &b.address, &code).await.unwrap();
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    assert_eq!(location(&response), "/");
    let after = scrape(&b, Some(METRICS_TOKEN)).await.text().await.unwrap();
    assert_eq!(
        series(&after, "twostep_sign_ins_total", &signed_in_by_sms)
            - series(&before, "twostep_sign_ins_total", &signed_in_by_sms),
        1.0,
        "the sign-in finished on this instance is counted here: {after}"
    );
    let home = client.get(b.url("/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    assert!(home.text().await.unwrap().contains("Ada Lovelace"));
    let signed_in: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE event = 'sign_in.succeeded'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(signed_in, 1);
    b.assert_log_clean();
}

#[tokio::test]
async fn a_hundred_wrong_codes_spread_over_both_instances_count_exactly_five() {
    let Some((deployment, db, a, b)) = two_instances().await else {
        return;
    };
    let phone = "+46701110002";
    deployment
        .add_user("grace@example.com", false, Some(phone))
        .await;
    let seeded = last_event(&db).await;
    let client = browser();
    let response = password_step(&client, &a.address, "grace@example.com", PASSWORD)
        .await
        .unwrap();
    assert_eq!(location(&response), "/login/verify");
    let right = deployment.sms.last_code_to(phone);
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };

    // Concurrency: 100 POST /login/verify at once, alternating between the instances, in
    // one session with one CSRF token.
    let token = token_of(&client, &b.address, "/login/verify")
        .await
        .unwrap();
    let posts = (0..100).map(|n| {
        let address = if n % 2 == 0 { &a.address } else { &b.address };
        let (client, token) = (&client, &token);
        async move {
            post(client, address, "/login/verify", token, &[("code", wrong)])
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    let statuses = join_all(posts).await;
    let wrong_answers = statuses.iter().filter(|s| **s == 401).count();
    let locked = statuses.iter().filter(|s| **s == 429).count();
    // The fifth wrong try is counted and locks the code: it is answered as locked.
    assert_eq!(
        (wrong_answers, locked),
        (4, 96),
        "5 tries are checked, the rest refused: {statuses:?}"
    );
    let attempts: i64 =
        sqlx::query_scalar("SELECT attempts FROM sms_challenges ORDER BY id DESC LIMIT 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(attempts, 5);
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT event FROM audit_events WHERE event LIKE 'code.%' AND id > $1 ORDER BY id",
    )
    .bind(seeded)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        events,
        [
            "code.failed",
            "code.failed",
            "code.failed",
            "code.failed",
            "code.locked"
        ],
        "one event per counted try"
    );

    // The code is spent: even the right one is refused now, on either instance.
    let response = code_step(&client, &a.address, &right).await.unwrap();
    assert_eq!(response.status(), 429);
    a.assert_log_clean();
    b.assert_log_clean();
}

#[tokio::test]
async fn a_hundred_simultaneous_sign_ins_over_both_instances_send_one_text() {
    let Some((deployment, db, a, b)) = two_instances().await else {
        return;
    };
    let phone = "+46701110003";
    deployment
        .add_user("mary@example.com", false, Some(phone))
        .await;
    let (texts_before, seeded) = (deployment.sms.count_to(phone), last_event(&db).await);
    // Concurrency: 100 browsers give the right password at once, alternating between the
    // instances; a code is sent at most once every 30 s to one account.
    let browsers: Vec<_> = (0..100).map(|_| browser()).collect();
    let mut tokens = Vec::new();
    for (n, client) in browsers.iter().enumerate() {
        let address = if n % 2 == 0 { &a.address } else { &b.address };
        tokens.push(token_of(client, address, "/login").await.unwrap());
    }
    let posts = browsers
        .iter()
        .zip(&tokens)
        .enumerate()
        .map(|(n, (client, token))| {
            let address = if n % 2 == 0 { &a.address } else { &b.address };
            async move {
                let response = post_password(client, address, token, "mary@example.com", PASSWORD)
                    .await
                    .unwrap();
                status_and_location(&response)
            }
        });
    let answers = join_all(posts).await;
    // Attempts in flight count against the account's limit before they are checked, so
    // many of the 100 are refused; none fails, and those let in reach the code step.
    assert!(
        answers.iter().all(|(status, location)| {
            (*status == 303 && location == "/login/verify") || *status == 429
        }),
        "{answers:?}"
    );
    let let_in = answers.iter().filter(|(status, _)| *status == 303).count();
    assert!(let_in >= 1, "{answers:?}");
    assert_eq!(
        deployment.sms.count_to(phone),
        texts_before + 1,
        "one text for 100 simultaneous sign-ins: {:?}",
        deployment.sms.sent()
    );
    let sends: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE event = 'sms.sent' AND id > $1",
    )
    .bind(seeded)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(sends, 1);
    a.assert_log_clean();
    b.assert_log_clean();
}
