//! Defences against SMS pumping (PRODUCT.md, "SMS pumping") over HTTP, on both databases:
//! the daily caps on texts to numbers no account has verified hold exactly under
//! concurrent bursts, premium numbers never reach the provider, the safe kind is never
//! starved, administrators are warned at 80 % of the budget, and the overview shows it.
//!
//! The risky requests are phone enrolments (/account/security/sms) by throw-away accounts,
//! from client addresses a trusted proxy reports in X-Forwarded-For.

use std::collections::BTreeMap;

use futures_util::future::join_all;
use reqwest::Client;

use crate::admin::ADMIN_PHONE;
use crate::helpers::{
    Backend, PHONE, TestApp, assert_redirect_to, csrf_token, location_of, submit_with, unescaped,
};
use crate::on_each_backend;

const ADA: &str = "ada@example.com";

/// The daily caps, as an administrator sets them on Security settings.
#[derive(Clone, Copy)]
struct Caps {
    budget: i64,
    per_number: i64,
    per_address: i64,
    per_network: i64,
    per_country: i64,
}

const GENEROUS: Caps = Caps {
    budget: 1000,
    per_number: 100,
    per_address: 100,
    per_network: 100,
    per_country: 100,
};

/// A portal behind a trusted proxy (127.0.0.1), with no hourly limit per address in the
/// way, its clock at 01:00 UTC of a new day so the test never straddles midnight.
async fn portal_behind_a_proxy(backend: Backend) -> Option<TestApp> {
    let app = TestApp::spawn_with(backend, |s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        s.sms_sends_per_ip_per_hour = 100_000;
    })
    .await?;
    let now = app.clock.now();
    app.clock
        .advance(now - now.rem_euclid(86_400) + 86_400 + 3_600 - now);
    Some(app)
}

/// The administrator (then signed in) and, `with_ada`, Ada turned SMS on more than a week
/// ago: the texts that did it are in no day's or week's figures here.
async fn people_from_last_week(app: &TestApp, with_ada: bool) {
    let admin = app
        .create_user("admin@example.com", "Ada Admin", true)
        .await;
    app.turn_on_sms_in_database(admin, ADMIN_PHONE).await;
    if with_ada {
        app.create_sms_user(ADA, PHONE).await;
    }
    app.clock.advance(8 * 86_400);
    app.sign_in_with_sms_code("admin@example.com", ADMIN_PHONE)
        .await;
}

/// Saves the caps on Security settings, as the signed-in administrator of `app.client`.
async fn set_caps(app: &TestApp, caps: Caps) {
    let [budget, number, address, network, country] = [
        caps.budget,
        caps.per_number,
        caps.per_address,
        caps.per_network,
        caps.per_country,
    ]
    .map(|n| n.to_string());
    let form = [
        ("two_step", "optional"),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("app_name", "Twostep"),
        ("users_edit_profile", "yes"),
        ("sms_daily_budget", budget.as_str()),
        ("sms_per_number", number.as_str()),
        ("sms_per_address", address.as_str()),
        ("sms_per_network", network.as_str()),
        ("sms_per_country", country.as_str()),
    ];
    let saved = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert_redirect_to(&saved, "/admin/security");
}

/// `n` accounts without 2-step verification, each signed in in its own browser.
async fn throwaway_accounts(app: &TestApp, from: usize, n: usize) -> Vec<Client> {
    let mut emails = Vec::new();
    for i in from..from + n {
        let email = format!("bot{i}@example.net");
        app.create_user(&email, "Bot", false).await;
        emails.push(email);
    }
    join_all(emails.iter().map(|email| app.signed_in_browser(email))).await
}

/// Asks for a code to `phone` on the SMS set-up page, from client `address`: the status
/// and the page.
async fn ask_for_code(
    app: &TestApp,
    browser: &Client,
    phone: &str,
    address: &str,
) -> (u16, String) {
    let page = browser
        .get(app.url("/account/security/sms"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200, "the set-up page");
    let token = csrf_token(&page.text().await.unwrap());
    let answer = browser
        .post(app.url("/account/security/sms"))
        .header("X-Forwarded-For", address)
        .form(&[("csrf_token", token.as_str()), ("phone", phone)])
        .send()
        .await
        .unwrap();
    let status = answer.status().as_u16();
    if status == 303 {
        assert_eq!(
            location_of(&answer).as_deref(),
            Some("/account/security/sms/verify")
        );
    }
    (status, answer.text().await.unwrap())
}

/// Each browser asks once, all at the same time: `asks[i]` is (number, address).
async fn burst(app: &TestApp, bots: &[Client], asks: &[(String, String)]) -> Vec<(u16, String)> {
    assert!(asks.len() <= bots.len());
    join_all(
        bots.iter()
            .zip(asks)
            .map(|(bot, (phone, address))| ask_for_code(app, bot, phone, address)),
    )
    .await
}

/// Ada, whose number is verified, signs in with a code in a browser of her own; panics
/// unless the code reached her phone.
async fn ada_signs_in(app: &TestApp) {
    let before = app.sms.count_to(PHONE);
    let (browser, answer) = app.password_step_in_new_browser(ADA).await;
    assert_redirect_to(&answer, "/login/verify");
    assert_eq!(
        app.sms.count_to(PHONE),
        before + 1,
        "Ada's sign-in code went out"
    );
    let code = app.sms.last_code_to(PHONE);
    let done = submit_with(
        &browser,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code)],
    )
    .await;
    assert_redirect_to(&done, "/");
}

/// Risky texts sent today.
async fn risky_sent(app: &TestApp) -> i64 {
    app.count_where(
        "SELECT COUNT(*) FROM sms_sends WHERE risky = 1 AND at >= $1",
        today(app),
    )
    .await
}

/// When today (UTC) began, by the portal's clock.
fn today(app: &TestApp) -> i64 {
    let now = app.clock.now();
    now - now.rem_euclid(86_400)
}

async fn refusals_for(app: &TestApp, reason: &'static str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE event = 'sms.send_refused' AND detail = $1",
    )
    .bind(format!("phone_enrolment {reason}"))
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

/// Of a burst's answers: exactly `sent` codes went out and every other ask was refused
/// with 429 and `message`.
#[track_caller]
fn assert_exactly(answers: &[(u16, String)], sent: usize, message: &str) {
    let went = answers.iter().filter(|(status, _)| *status == 303).count();
    assert_eq!(went, sent, "codes sent in the burst");
    for (status, page) in answers.iter().filter(|(status, _)| *status != 303) {
        assert_eq!(*status, 429, "{page}");
        assert!(page.contains(message), "{message}: {page}");
    }
}

fn asks(
    phone: impl Fn(usize) -> String,
    address: impl Fn(usize) -> String,
) -> Vec<(String, String)> {
    (0..8).map(|i| (phone(i), address(i))).collect()
}

/// Each daily cap, alone, meets a burst of 8 concurrent asks and lets exactly its number
/// through; the safe kind goes on whatever the risky kind has spent.
async fn each_daily_cap_holds_exactly(backend: Backend) {
    let Some(app) = portal_behind_a_proxy(backend).await else {
        return;
    };
    people_from_last_week(&app, true).await;
    // Two sets, taking turns, so no account comes near its own hourly limit.
    let bots = throwaway_accounts(&app, 0, 16).await;
    let (even, odd) = bots.split_at(8);

    // Per number: others cannot spend Ada's sign-in codes by enrolling her number.
    set_caps(
        &app,
        Caps {
            per_number: 3,
            ..GENEROUS
        },
    )
    .await;
    let answers = burst(
        &app,
        even,
        &asks(|_| PHONE.into(), |i| format!("10.1.{i}.1")),
    )
    .await;
    assert_exactly(
        &answers,
        3,
        "Too many codes have been sent to this phone number today.",
    );
    assert_eq!(refusals_for(&app, "per_number").await, 5);
    ada_signs_in(&app).await;
    app.clock.advance(31);

    // Per client address, however it is spelt.
    set_caps(
        &app,
        Caps {
            per_address: 3,
            ..GENEROUS
        },
    )
    .await;
    let answers = burst(
        &app,
        odd,
        &asks(
            |i| format!("+4670200000{i}"),
            |i| match i % 2 {
                0 => "203.0.113.7".into(),
                _ => "::ffff:203.0.113.7".into(),
            },
        ),
    )
    .await;
    assert_exactly(&answers, 3, "asked for from your address today");
    assert_eq!(refusals_for(&app, "per_address").await, 5);
    app.clock.advance(31);

    // Per IPv4 network: eight addresses of one /24, half of them IPv4-mapped IPv6.
    set_caps(
        &app,
        Caps {
            per_network: 3,
            ..GENEROUS
        },
    )
    .await;
    let answers = burst(
        &app,
        even,
        &asks(
            |i| format!("+4670300000{i}"),
            |i| match i % 2 {
                0 => format!("203.0.114.{}", 10 + i),
                _ => format!("::ffff:203.0.114.{}", 10 + i),
            },
        ),
    )
    .await;
    assert_exactly(&answers, 3, "asked for from your network today");
    app.clock.advance(31);

    // Per IPv6 network: eight addresses of one /48.
    let answers = burst(
        &app,
        odd,
        &asks(
            |i| format!("+4670400000{i}"),
            |i| format!("2001:db8:7:{i}::1"),
        ),
    )
    .await;
    assert_exactly(&answers, 3, "asked for from your network today");
    assert_eq!(refusals_for(&app, "per_network").await, 10);
    app.clock.advance(31);

    // Per country calling code.
    set_caps(
        &app,
        Caps {
            per_country: 3,
            ..GENEROUS
        },
    )
    .await;
    let answers = burst(
        &app,
        even,
        &asks(
            |i| format!("+4474001234{:02}", 50 + i),
            |i| format!("10.4.{i}.1"),
        ),
    )
    .await;
    assert_exactly(
        &answers,
        3,
        "Too many codes have been sent to numbers in this country today.",
    );
    assert_eq!(refusals_for(&app, "per_country").await, 5);
    app.clock.advance(31);

    // The budget: three more risky texts today, then a pause.
    let spent = risky_sent(&app).await;
    assert_eq!(spent, 15);
    set_caps(
        &app,
        Caps {
            budget: spent + 3,
            ..GENEROUS
        },
    )
    .await;
    let answers = burst(
        &app,
        odd,
        &asks(|i| format!("+4670500000{i}"), |i| format!("10.5.{i}.1")),
    )
    .await;
    assert_exactly(&answers, 3, "Texts to new numbers are paused for today");
    assert_eq!(refusals_for(&app, "daily_budget").await, 5);
    assert_eq!(risky_sent(&app).await, spent + 3);
    // "Send again" on the code page of one that got a code: back to the page, which says so.
    let lucky = &odd[answers
        .iter()
        .position(|(status, _)| *status == 303)
        .unwrap()];
    app.clock.advance(31);
    let again = submit_with(
        lucky,
        &app.address,
        "/account/security/sms/verify",
        "/account/security/sms/resend",
        &[],
    )
    .await;
    assert_redirect_to(&again, "/account/security/sms/verify");
    let page = lucky
        .get(app.url("/account/security/sms/verify"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Texts to new numbers are paused for today"),
        "{page}"
    );
    assert_eq!(risky_sent(&app).await, spent + 3);
    // Safe sends go on.
    ada_signs_in(&app).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sms_sends WHERE risky = 0 AND entered = 1")
            .await,
        3,
        "the administrator's and Ada's two sign-in codes, entered"
    );
    app.sms.assert_well_formed();
}

on_each_backend!(
    each_daily_cap_holds_exactly =>
    each_daily_cap_holds_exactly_on_sqlite,
    each_daily_cap_holds_exactly_on_postgres
);

/// What a number is, in the simulation.
fn simulation_numbers() -> (Vec<&'static str>, Vec<&'static str>) {
    let premium = vec![
        "+449098790000",
        "+449098790001",
        "+449098790002",
        "+449098790003",
        "+449098790004",
        "+19002000000",
        "+19002000001",
        "+19002000002",
        "+19002000003",
        "+19002000004",
    ];
    let ordinary = vec![
        "+46701111101",
        "+46701111102",
        "+46701111103",
        "+46701111104",
        "+12015550101",
        "+12015550102",
        "+12015550103",
        "+447400123451",
        "+447400123452",
        "+447400123453",
    ];
    (premium, ordinary)
}

/// Sixty client addresses over four IPv4 /24s and two IPv6 /48s.
fn simulation_address(k: usize) -> String {
    let (network, host) = (k % 6, 10 + k / 6);
    if network < 4 {
        format!("198.51.{network}.{host}")
    } else {
        format!("2001:db8:{network}::{host:x}")
    }
}

/// A pumping attack: 500 risky asks in concurrent bursts of 34 throw-away accounts, from
/// 60 rotating addresses, across 20 numbers (10 premium-rate, 10 ordinary in 3 countries).
/// Premium numbers never reach the provider; no cap and not the budget is exceeded, the
/// budget is spent exactly; a verified user signs in during the attack; administrators are
/// emailed once at 80 %; the overview shows the pause.
async fn a_pumping_attack_is_held_to_the_caps(backend: Backend) {
    const REQUESTS: usize = 500;
    const BOTS: usize = 34;
    let caps = Caps {
        budget: 40,
        per_number: 5,
        per_address: 10,
        per_network: 20,
        per_country: 15,
    };
    let Some(app) = portal_behind_a_proxy(backend).await else {
        return;
    };
    people_from_last_week(&app, true).await;
    app.create_user("second-admin@example.com", "Grace Admin", true)
        .await;
    let gone = app
        .create_user("gone-admin@example.com", "Gone Admin", true)
        .await;
    app.kit().disable(gone).await;
    set_caps(&app, caps).await;
    let bots = throwaway_accounts(&app, 0, BOTS).await;
    let (premium, ordinary) = simulation_numbers();
    let numbers: Vec<&str> = premium.iter().chain(&ordinary).copied().collect();

    let mut answers = Vec::new();
    for (n, first) in (0..REQUESTS).step_by(BOTS).enumerate() {
        let asks: Vec<(String, String)> = (first..REQUESTS.min(first + BOTS))
            .map(|i| {
                (
                    numbers[i % numbers.len()].to_owned(),
                    simulation_address(i % 60),
                )
            })
            .collect();
        let attack = burst(&app, &bots, &asks);
        let results = if n == 7 {
            // In the middle of the attack, with the budget spent by then.
            futures_util::future::join(attack, ada_signs_in(&app))
                .await
                .0
        } else {
            attack.await
        };
        answers.extend(asks.into_iter().zip(results));
        app.clock.advance(31);
    }
    assert_eq!(answers.len(), REQUESTS);

    // Premium numbers: refused before anything is sent.
    for ((phone, _), (status, page)) in &answers {
        if premium.contains(&phone.as_str()) {
            assert_eq!(*status, 422, "{phone}");
            assert!(
                page.contains("which cannot receive text messages."),
                "{phone}: {page}"
            );
        } else {
            assert!(*status == 303 || *status == 429, "{phone}: {status} {page}");
        }
    }
    let sent = app.sms.sent();
    assert!(sent.iter().all(|m| !premium.contains(&m.to.as_str())));
    let risky_to_provider = sent
        .iter()
        .filter(|m| ordinary.contains(&m.to.as_str()))
        .count();
    let accepted = answers.iter().filter(|(_, (s, _))| *s == 303).count();

    // The budget is spent exactly, and no cap is exceeded.
    assert_eq!(risky_sent(&app).await, caps.budget);
    assert_eq!(risky_to_provider as i64, caps.budget);
    assert_eq!(accepted as i64, caps.budget);
    for (column, cap) in [
        ("phone", caps.per_number),
        ("ip", caps.per_address),
        ("network", caps.per_network),
        ("calling_code", caps.per_country),
    ] {
        let most: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM sms_sends WHERE risky = 1 AND at >= {} GROUP BY {column}) AS per",
            today(&app)
        )))
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert!(most <= cap, "{column}: {most} > {cap}");
    }
    let networks = app
        .count("SELECT COUNT(DISTINCT network) FROM sms_sends WHERE risky = 1")
        .await;
    assert!(networks > 1, "addresses were read from X-Forwarded-For");

    // Administrators are told once, at 80 %: the enabled ones.
    let warned: Vec<String> = sqlx::query_scalar(
        "SELECT to_address FROM outbox WHERE subject = '80 % of today''s SMS budget is spent' ORDER BY to_address",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(warned, ["admin@example.com", "second-admin@example.com"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM sms_budget_alerts").await, 1);

    let overview = app.get_text("/admin").await;
    for text in [
        "Texts to new numbers are paused for today: all 40 of the daily SMS budget is spent.",
        "40 to new numbers",
        "Daily budget of texts to new numbers: 40 of 40 spent.",
    ] {
        assert!(overview.contains(text), "{text}: {overview}");
    }

    let mut reasons = BTreeMap::new();
    for (_, (status, page)) in &answers {
        let reason = match status {
            303 => "sent",
            422 => "premium or not a mobile number",
            _ if page.contains("paused for today") => "daily budget",
            _ if page.contains("to this phone number today") => "per number",
            _ if page.contains("from your address today") => "per address",
            _ if page.contains("from your network today") => "per network",
            _ if page.contains("numbers in this country today") => "per country",
            _ if page.contains("moments ago") => "cooldown",
            _ => "other limit",
        };
        *reasons.entry(reason).or_insert(0) += 1;
    }
    eprintln!(
        "SMS pumping simulation ({backend:?}): {REQUESTS} risky requests, {} SMS sent to the provider (budget {}), {} to premium numbers (none sent); answers: {reasons:?}",
        risky_to_provider,
        caps.budget,
        answers
            .iter()
            .filter(|((phone, _), _)| premium.contains(&phone.as_str()))
            .count(),
    );
    app.sms.assert_well_formed();
}

on_each_backend!(
    a_pumping_attack_is_held_to_the_caps =>
    a_pumping_attack_is_held_to_the_caps_on_sqlite,
    a_pumping_attack_is_held_to_the_caps_on_postgres
);

/// Sends recorded straight in the database, moving time: `count` of them `days_ago` days
/// ago (0: a minute ago), to numbers of `calling_code`, risky or safe, their codes entered
/// or not — a week of history no send made now can have.
async fn record_sends(
    app: &TestApp,
    calling_code: i64,
    risky: bool,
    entered: bool,
    days_ago: i64,
    count: usize,
) {
    let at = app.clock.now() - 60 - days_ago * 86_400;
    for n in 0..count {
        // Moves time: a send `days_ago` days back.
        sqlx::query(
            "INSERT INTO sms_sends (subject, user_id, purpose, phone, ip, network, calling_code, risky, entered, at) \
             VALUES ($1, NULL, 'phone_enrolment', $2, '10.9.9.9', '10.9.9.0/24', $3, $4, $5, $6)",
        )
        .bind(format!("seed:{calling_code}:{days_ago}:{n}"))
        .bind(format!("+{calling_code}000{n}"))
        .bind(calling_code)
        .bind(i64::from(risky))
        .bind(i64::from(entered))
        .bind(at)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
}

/// The overview: texts today by kind and by country, the 7-day conversion per country
/// with a warning for the one far below the others, and the 80 % warning with when
/// administrators were emailed (by the real send that crossed it).
async fn the_overview_shows_the_sms_figures(backend: Backend) {
    let Some(app) = portal_behind_a_proxy(backend).await else {
        return;
    };
    people_from_last_week(&app, false).await;
    set_caps(
        &app,
        Caps {
            budget: 10,
            ..GENEROUS
        },
    )
    .await;
    for (code, risky, entered, days_ago, count) in [
        (46, false, true, 0, 2),
        (46, true, false, 0, 2),
        (234, true, false, 0, 5),
        (46, true, true, 3, 30),
        (46, true, false, 3, 6),
        (44, true, true, 2, 24),
        (44, true, false, 2, 6),
        (1, true, true, 5, 15),
        (1, true, false, 5, 10),
        (234, true, true, 1, 2),
        (234, true, false, 1, 43),
        (7, true, false, 6, 10),
        // Older than the week: not counted.
        (46, true, false, 8, 5),
    ] {
        record_sends(&app, code, risky, entered, days_ago, count).await;
    }
    let page = app.get_text("/admin").await;
    assert!(
        !page.contains("of today's SMS budget is spent"),
        "7 of 10: {page}"
    );

    // The eighth risky text today reaches 80 % of the budget of 10.
    let bots = throwaway_accounts(&app, 0, 1).await;
    let (status, _) = ask_for_code(&app, &bots[0], "+46701111101", "10.8.8.8").await;
    assert_eq!(status, 303);
    let warned: Vec<String> = sqlx::query_scalar(
        "SELECT to_address FROM outbox WHERE subject = '80 % of today''s SMS budget is spent'",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(warned, ["admin@example.com"]);

    let page = unescaped(&app.get_text("/admin").await);
    for text in [
        // Today: 2 + 5 seeded and the bot's risky texts; 2 seeded and the administrator's
        // sign-in code safe.
        "<strong class=\"figure\">11</strong> text messages since midnight (UTC): 8 to new numbers",
        "and 3 to verified numbers (sign-in, room steps).",
        "80 % of today's SMS budget is spent: 8 of 10 texts to new numbers. Administrators were emailed at",
        "<tr><th scope=\"row\">+46</th><td>6</td></tr>",
        "<tr><th scope=\"row\">+234</th><td>5</td></tr>",
        // The week: +46 is 40 seeded, the administrator's and the bot's.
        "<tr><th scope=\"row\">+46</th><td>42</td><td>33</td><td>79%</td></tr>",
        "<tr><th scope=\"row\">+44</th><td>30</td><td>24</td><td>80%</td></tr>",
        "<tr><th scope=\"row\">+1</th><td>25</td><td>15</td><td>60%</td></tr>",
        "<tr><th scope=\"row\">+234</th><td>50</td><td>2</td><td>4% <strong class=\"tag tag-warning\">Far below the others</strong></td></tr>",
        // Too few sends to judge.
        "<tr><th scope=\"row\">+7</th><td>10</td><td>0</td><td>0%</td></tr>",
        "Codes sent to +234 are rarely entered: under half the usual rate of the other countries.",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    assert_eq!(page.matches("Far below the others").count(), 1);
}

on_each_backend!(
    the_overview_shows_the_sms_figures =>
    the_overview_shows_the_sms_figures_on_sqlite,
    the_overview_shows_the_sms_figures_on_postgres
);
