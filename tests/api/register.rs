//! Registration that reveals nothing: `/register` always answers "Check your email"; a new
//! address gets a link that confirms it and signs in, an address with an account gets an
//! email saying so. Emails are read from the test SMTP server.

use std::time::{Duration, Instant};

use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to};
use crate::kit::mail::link_in_eml;
use crate::mail::{app_mailing_to, eventually, link_to_in_email};
use crate::smtp::SmtpServer;
use crate::{on_both_databases, on_each_backend};

const UNCONFIRMED: &str = "Your email address is not confirmed yet.";
const LINK_DEAD: &str = "This link has expired or was already used.";

async fn register(app: &TestApp, name: &str, email: &str, password: &str) -> reqwest::Response {
    app.submit(
        "/register",
        "/register",
        &[("name", name), ("email", email), ("password", password)],
    )
    .await
}

/// Waits for the `n`th email to `to`.
async fn emails_to(smtp: &SmtpServer, to: &str, n: usize) {
    eventually(10, &format!("{n} emails to {to}"), async || {
        smtp.received().iter().filter(|m| m.to == [to]).count() >= n
    })
    .await;
}

fn newest_text_to(smtp: &SmtpServer, to: &str) -> (String, String) {
    let email = smtp
        .received()
        .into_iter()
        .rev()
        .find(|m| m.to == [to])
        .expect("an email");
    (email.header("Subject").unwrap_or_default(), email.text())
}

async fn confirmed_at(app: &TestApp, email: &str) -> Option<i64> {
    sqlx::query_scalar("SELECT email_confirmed_at FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// Nobody is signed in in the test's browser (its session, if any, keeps only the address
/// "Check your email" names).
async fn nobody_signed_in(app: &TestApp) {
    assert_eq!(
        app.get("/account/security").await.headers()["location"],
        "/login",
        "nobody is signed in"
    );
}

async fn a_new_address_is_confirmed_by_its_link_which_signs_in(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    let form = app.get_text("/register").await;
    for label in [">Name<", ">Email<", ">Password<", ">Create account<"] {
        assert!(form.contains(label), "missing {label}");
    }
    let response = register(&app, "Ada Lovelace", "  Ada@Example.COM ", GOOD_PASSWORD).await;
    assert_redirect_to(&response, "/register/check-email");
    nobody_signed_in(&app).await;
    app.registrations_settled().await;
    assert_page(
        app.get("/register/check-email").await,
        200,
        "Open the link in it to finish",
    )
    .await;
    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email = 'ada@example.com'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert_eq!(confirmed_at(&app, "ada@example.com").await, None);

    // Until the link is opened the account cannot sign in; whoever knows the password is
    // told why (and the link is sent again), anyone else sees a wrong password.
    assert_page(
        app.post_login("ada@example.com", "not the password").await,
        401,
        "incorrect",
    )
    .await;
    assert_page(
        app.post_login("ada@example.com", GOOD_PASSWORD).await,
        403,
        UNCONFIRMED,
    )
    .await;
    nobody_signed_in(&app).await;
    emails_to(&smtp, "ada@example.com", 2).await;
    let (subject, text) = newest_text_to(&smtp, "ada@example.com");
    assert_eq!(subject, "Confirm your email address for Twostep");
    assert!(text.contains("Hello Ada Lovelace,"), "{text}");
    assert!(text.contains("within 24 hours"), "{text}");
    let link = link_to_in_email(&smtp, "ada@example.com", "/register/confirm");

    // Opening the link changes nothing (mail scanners open links); the button does.
    let page = assert_page(app.get(&link).await, 200, "Confirm your email address").await;
    assert!(page.contains(">Confirm email address<"), "{page}");
    assert_eq!(confirmed_at(&app, "ada@example.com").await, None);
    let token = link.split("token=").nth(1).unwrap();
    // The password chosen at registration confirms it: another is refused.
    let wrong = app
        .submit(
            &link,
            "/register/confirm",
            &[("token", token), ("password", "not the chosen one at all")],
        )
        .await;
    assert_page(
        wrong,
        401,
        "Enter the password you chose when you created the account.",
    )
    .await;
    assert_eq!(confirmed_at(&app, "ada@example.com").await, None);
    let confirmed = app
        .submit(
            &link,
            "/register/confirm",
            &[("token", token), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_redirect_to(&confirmed, "/?notice=welcome");
    let cookie = confirmed
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("twostep_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let home = app.get_text("/?notice=welcome").await;
    assert!(home.contains("Hello, Ada Lovelace"), "{home}");
    assert!(home.contains("Your account has been created."));
    assert!(confirmed_at(&app, "ada@example.com").await.is_some());
    let events = app.audit_events().await;
    for event in ["user.registered", "sign_in.unconfirmed", "email.confirmed"] {
        assert!(events.contains(&event.to_owned()), "{event}: {events:?}");
    }

    // Once used, the link is dead, from any browser.
    app.post_logout().await;
    assert_page(app.get(&link).await, 410, LINK_DEAD).await;
    let again = app
        .submit(
            "/register",
            "/register/confirm",
            &[("token", token), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_page(again, 410, LINK_DEAD).await;
    nobody_signed_in(&app).await;
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        303
    );
    // No stored body holds a token.
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM outbox")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert!(bodies.iter().all(|b| !b.contains("token=")), "{bodies:?}");
}
on_each_backend!(a_new_address_is_confirmed_by_its_link_which_signs_in => confirm_link_sqlite, confirm_link_postgres);

async fn an_address_with_an_account_gets_the_same_answer_and_an_email(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    let ada = app.create_user("ada@example.com", "Ada", false).await;
    let taken = register(
        &app,
        "Impostor",
        "ADA@example.com",
        "another good passphrase",
    )
    .await;
    let new = register(&app, "Grace Hopper", "grace@example.com", GOOD_PASSWORD).await;
    app.registrations_settled().await;
    // Same status, same place, same cookies: nothing tells the two apart.
    assert_eq!(taken.status(), new.status());
    assert_eq!(
        taken.headers().get("location"),
        new.headers().get("location")
    );
    let cookie_names = |r: &reqwest::Response| -> Vec<String> {
        r.headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().split('=').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(cookie_names(&taken), cookie_names(&new));
    assert_eq!(taken.text().await.unwrap(), new.text().await.unwrap());

    // The account is untouched: its password and name stay, nobody is signed in.
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2);
    let name: String = sqlx::query_scalar("SELECT name FROM users WHERE id = $1")
        .bind(ada)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(name, "Ada");
    assert_eq!(
        app.login_status("ada@example.com", "another good passphrase")
            .await,
        401
    );
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        303
    );

    // Its owner is told, with where to sign in and to reset, and no secret.
    emails_to(&smtp, "ada@example.com", 1).await;
    let (subject, text) = newest_text_to(&smtp, "ada@example.com");
    assert_eq!(subject, "You already have a Twostep account");
    assert!(text.contains("nothing was created"), "{text}");
    assert!(text.contains("/login"), "{text}");
    assert!(text.contains("/password/forgot"), "{text}");
    assert!(!text.contains("token="), "{text}");
    assert!(
        app.audit_events()
            .await
            .contains(&"user.registered_again".to_owned())
    );
}
on_each_backend!(an_address_with_an_account_gets_the_same_answer_and_an_email => taken_address_sqlite, taken_address_postgres);

/// Both answers take the time of one password hash and one insert: measured in alternation,
/// the median difference within a pair is within 10 % of the median time.
/// Each request comes through a trusted proxy from its own client address, so the limit
/// on registrations per address does not cut the series short, and is timed with the
/// background worker idle.
async fn registration_takes_as_long_for_a_taken_address_as_for_a_new_one(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
    else {
        return;
    };
    app.create_user("ada@example.com", "Ada", false).await;
    let token = crate::helpers::csrf_token(&app.get_text("/register").await);
    let timed = async |n: usize, email: &str| {
        let started = Instant::now();
        let answer = app
            .client
            .post(app.url("/register"))
            .header(
                "X-Forwarded-For",
                format!("10.0.{}.{}", n / 250, n % 250 + 1),
            )
            .form(&[
                ("csrf_token", token.as_str()),
                ("name", "Someone"),
                ("email", email),
                ("password", GOOD_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        let elapsed = started.elapsed();
        assert_redirect_to(&answer, "/register/check-email");
        // The worker settles it and sends its email before the next request is timed,
        // so its work (heavier for a new address) never lands on the other kind.
        app.registrations_settled().await;
        while app
            .count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
            .await
            > 0
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        elapsed
    };
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    // A series of 100 pairs, each pair in the other order than the one before (so neither
    // kind always follows the other); the machine's load drifts, but falls alike on both
    // of a pair, so the median paired difference is near zero unless the work differs.
    // A real difference fails every series; noise from the tests running beside this one
    // may fail one, so a second series is allowed.
    let mut series = Vec::new();
    for attempt in 0..2 {
        let mut new = Vec::new();
        let mut differences = Vec::new();
        for n in 0..100 {
            let index = 1_000 * attempt + 2 * n;
            let fresh = format!("new{attempt}-{n}@example.com");
            let (a, b) = if n % 2 == 0 {
                let a = timed(index, &fresh).await;
                (a, timed(index + 1, "ada@example.com").await)
            } else {
                let b = timed(index, "ada@example.com").await;
                (timed(index + 1, &fresh).await, b)
            };
            new.push(a.as_secs_f64());
            differences.push(b.as_secs_f64() - a.as_secs_f64());
        }
        let (typical, difference) = (median(new), median(differences));
        eprintln!(
            "registration: median {:.1} ms for a new address; a taken one differs by {:+.1} ms (median of 100 paired differences)",
            typical * 1e3,
            difference * 1e3
        );
        if difference.abs() <= 0.10 * typical {
            return;
        }
        series.push(format!(
            "{:+.1} ms of {:.1} ms",
            difference * 1e3,
            typical * 1e3
        ));
    }
    panic!("a taken address takes longer or shorter than a new one: {series:?}");
}
on_each_backend!(registration_takes_as_long_for_a_taken_address_as_for_a_new_one => timing_sqlite, timing_postgres);

/// Registering again with an address nobody has confirmed yet never changes the account's
/// password (issue 21, item 2): the owner registers, someone else registers the same address
/// with another password, and the owner confirms from the newest email with their own
/// password; the other password never works. In the other order too: whoever registered
/// first gains nothing.
async fn registering_again_before_confirming_never_changes_the_password(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    const OWNER: &str = "first good passphrase";
    const OTHER: &str = "an intruder's own passphrase";
    register(&app, "Ada Lovelace", "ada@example.com", OWNER).await;
    emails_to(&smtp, "ada@example.com", 1).await;
    let first = link_to_in_email(&smtp, "ada@example.com", "/register/confirm");
    register(&app, "Eve", "ada@example.com", OTHER).await;
    emails_to(&smtp, "ada@example.com", 2).await;
    app.registrations_settled().await;
    let second = link_to_in_email(&smtp, "ada@example.com", "/register/confirm");
    assert_ne!(first, second);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
    // Nothing about the account changed: its name, its name keys, its password.
    let keys: Vec<String> = sqlx::query_scalar("SELECT word FROM user_name_words ORDER BY word")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(keys, ["ada", "lovelace"]);
    assert_eq!(app.login_status("ada@example.com", OTHER).await, 401);
    assert_page(app.get(&first).await, 410, LINK_DEAD).await;

    // The owner opens the newest email and types their own password.
    let page = app.get_text(&second).await;
    assert!(page.contains("Enter the password you chose"), "{page}");
    let token = second.split("token=").nth(1).unwrap();
    let confirmed = app
        .submit(
            &second,
            "/register/confirm",
            &[("token", token), ("password", OWNER)],
        )
        .await;
    assert_redirect_to(&confirmed, "/?notice=welcome");
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
    app.post_logout().await;
    assert_eq!(app.login_status("ada@example.com", OTHER).await, 401);
    assert_eq!(app.login_status("ada@example.com", OWNER).await, 303);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM registration_passwords")
            .await,
        0,
        "the other registrations are forgotten"
    );
}
on_each_backend!(registering_again_before_confirming_never_changes_the_password => register_again_sqlite, register_again_postgres);

/// Someone registers an address first; its owner registers it afterwards and confirms with
/// their own password: their name and password are the account's, the first ones never work.
async fn whoever_registers_an_address_first_gains_nothing(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    const FIRST: &str = "an intruder's own passphrase";
    const OWNER: &str = "the owner's good passphrase";
    register(&app, "Eve", "ada@example.com", FIRST).await;
    emails_to(&smtp, "ada@example.com", 1).await;
    register(&app, "Ada Lovelace", "ada@example.com", OWNER).await;
    emails_to(&smtp, "ada@example.com", 2).await;
    app.registrations_settled().await;
    let link = link_to_in_email(&smtp, "ada@example.com", "/register/confirm");
    let token = link.split("token=").nth(1).unwrap();
    let confirmed = app
        .submit(
            &link,
            "/register/confirm",
            &[("token", token), ("password", OWNER)],
        )
        .await;
    assert_redirect_to(&confirmed, "/?notice=welcome");
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
    app.post_logout().await;
    assert_eq!(app.login_status("ada@example.com", FIRST).await, 401);
    assert_eq!(app.login_status("ada@example.com", OWNER).await, 303);
    let keys: Vec<String> = sqlx::query_scalar("SELECT word FROM user_name_words ORDER BY word")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(keys, ["ada", "lovelace"]);
}
on_each_backend!(whoever_registers_an_address_first_gains_nothing => first_registrant_sqlite, first_registrant_postgres);

/// A reset link proves the address too: an account never confirmed becomes usable.
async fn a_password_reset_confirms_the_address(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    register(&app, "Ada", "ada@example.com", GOOD_PASSWORD).await;
    app.registrations_settled().await;
    app.submit(
        "/password/forgot",
        "/password/forgot",
        &[("email", "ada@example.com")],
    )
    .await;
    eventually(10, "the reset email", async || {
        smtp.received()
            .iter()
            .any(|m| m.text().contains("/password/set?token="))
    })
    .await;
    let link = link_to_in_email(&smtp, "ada@example.com", "/password/set");
    let token = link.split("token=").nth(1).unwrap();
    app.get(&link).await;
    let set = app
        .submit(
            &link,
            "/password/set",
            &[("token", token), ("new_password", "a brand new passphrase")],
        )
        .await;
    assert_redirect_to(&set, "/login?notice=password-set");
    assert!(confirmed_at(&app, "ada@example.com").await.is_some());
    assert_eq!(
        app.login_status("ada@example.com", "a brand new passphrase")
            .await,
        303
    );
}
on_each_backend!(a_password_reset_confirms_the_address => reset_confirms_sqlite, reset_confirms_postgres);

/// Anyone may type an address: it is written to at most three times an hour, whoever
/// asks, and the answer stays the same.
async fn an_address_gets_at_most_three_registration_emails_an_hour(app: TestApp) {
    let victim = app.create_user("ada@example.com", "Ada", false).await;
    for _ in 0..6 {
        let r = register(&app, "Someone", "ada@example.com", GOOD_PASSWORD).await;
        assert_redirect_to(&r, "/register/check-email");
    }
    for _ in 0..6 {
        let r = register(&app, "Someone", "new@example.com", GOOD_PASSWORD).await;
        assert_redirect_to(&r, "/register/check-email");
    }
    app.registrations_settled().await;
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM outbox WHERE user_id = $1", victim)
            .await,
        3
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE to_address = 'new@example.com'")
            .await,
        3
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM email_confirmations").await,
        1,
        "only the newest link lives"
    );
}

async fn invalid_registrations_say_why_and_keep_what_was_typed(app: TestApp) {
    let response = register(&app, "", "not-an-email", "short").await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("There is a problem"));
    assert!(page.contains("Enter your name."));
    assert!(page.contains("Enter an email address like name@example.com."));
    assert!(page.contains("Use at least 8 characters."));
    assert!(page.contains(r#"value="not-an-email""#));
    assert!(
        !page.contains(r#"value="short""#),
        "the password is never echoed"
    );
    app.registrations_settled().await;
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn common_passwords_are_refused_with_a_reason(app: TestApp) {
    for weak in ["password123", "qwertyuiop", "ada.lovelace"] {
        let response = register(&app, "Ada Lovelace", "ada.lovelace@example.com", weak).await;
        assert_eq!(response.status().as_u16(), 422, "{weak}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains("This password is too easy to guess. "),
            "{weak}: {page}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn a_confirmation_link_that_is_not_one_is_refused(app: TestApp) {
    let long = format!("/register/confirm?token={}", "a".repeat(5000));
    for path in [
        "/register/confirm",
        "/register/confirm?token=",
        "/register/confirm?token=not-a-token",
        long.as_str(),
        "/register/confirm?token=%00%ff",
    ] {
        let answer = app.get(path).await;
        assert_eq!(answer.status().as_u16() / 100, 4, "{path:.40}");
    }
    let confirmed = app
        .submit(
            "/register",
            "/register/confirm",
            &[("token", "x"), ("token", "y")],
        )
        .await;
    assert_eq!(confirmed.status().as_u16() / 100, 4);
    nobody_signed_in(&app).await;
}

async fn long_unicode_passwords_work_untruncated(app: TestApp) {
    let password = "Grüße aus Köln — 東京の夜は静か ".repeat(8);
    let response = register(&app, "Zoë", "zoe@example.com", &password).await;
    assert_eq!(response.status().as_u16(), 303);
    app.registrations_settled().await;
    let link = link_in_eml(app.data_dir(), "zoe@example.com", "/register/confirm").await;
    app.kit()
        .confirm_email(link.split("token=").nth(1).unwrap(), &password)
        .await;
    // A prefix of the password is not the password.
    let prefix: String = password.chars().take(100).collect();
    assert_eq!(app.login_status("zoe@example.com", &prefix).await, 401);
    assert_eq!(app.login_status("zoe@example.com", &password).await, 303);
}

on_both_databases!(
    an_address_gets_at_most_three_registration_emails_an_hour,
    invalid_registrations_say_why_and_keep_what_was_typed,
    common_passwords_are_refused_with_a_reason,
    a_confirmation_link_that_is_not_one_is_refused,
    long_unicode_passwords_work_untruncated,
);

/// 120 registrations for one address at once, each from its own client address (so the
/// per-address limit of the network does not cut them first): every answer is the same
/// redirect, and the address is written to three times, no more.
async fn a_burst_of_registrations_for_one_address_sends_three_emails(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
    else {
        return;
    };
    let victim = app.create_user("ada@example.com", "Ada", false).await;
    let token = crate::helpers::csrf_token(&app.get_text("/register").await);
    let posts = (0..120).map(|n| {
        app.client
            .post(app.url("/register"))
            .header(
                "X-Forwarded-For",
                format!("10.9.{}.{}", n / 200, n % 200 + 1),
            )
            .form(&[
                ("csrf_token", token.as_str()),
                ("name", "Someone"),
                ("email", "ada@example.com"),
                ("password", GOOD_PASSWORD),
            ])
            .send()
    });
    let answers = futures_util::future::join_all(posts).await;
    for answer in &answers {
        assert_redirect_to(answer.as_ref().unwrap(), "/register/check-email");
    }
    app.registrations_settled().await;
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM outbox WHERE user_id = $1", victim)
            .await,
        3
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}
on_each_backend!(a_burst_of_registrations_for_one_address_sends_three_emails => burst_sqlite, burst_postgres);
