//! PostgreSQL goes away under a steady sign-in load and comes back: meanwhile every
//! request is answered quickly, 503 and never another 5xx, `/readyz` says 503, and the
//! portal serves fully again within 5 s of the database's return, without a restart.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cluster::Cluster;
use crate::flows::{browser, location, post, token_of};
use crate::portal::{Deployment, PASSWORD};

/// Browsers signing in one after another, all the time.
const SIGNING_IN: usize = 4;
const USERS: usize = 20;
const BEFORE: Duration = Duration::from_secs(3);
const DOWN_FOR: Duration = Duration::from_secs(5);
/// After this long back, nothing may fail any more.
const RECOVERED_WITHIN: Duration = Duration::from_secs(5);
const AFTER: Duration = Duration::from_secs(9);
const LONGEST_WAIT: Duration = Duration::from_secs(10);

#[derive(Debug)]
struct Answer {
    path: &'static str,
    started: Instant,
    took: Duration,
    /// The status, or the transport error.
    status: Result<u16, String>,
}

#[derive(Default)]
struct Record {
    answers: Mutex<Vec<Answer>>,
    /// One 503 page as a browser got it: its Retry-After and its text.
    unavailable_page: Mutex<Option<(Option<String>, String)>>,
}

impl Record {
    async fn answer(
        &self,
        path: &'static str,
        request: impl Future<Output = reqwest::Result<reqwest::Response>>,
    ) -> Option<reqwest::Response> {
        let started = Instant::now();
        let result = request.await;
        let took = started.elapsed();
        let status = match &result {
            Ok(response) => Ok(response.status().as_u16()),
            Err(err) => Err(err.to_string()),
        };
        self.answers.lock().unwrap().push(Answer {
            path,
            started,
            took,
            status,
        });
        let response = result.ok()?;
        if response.status() != 503 {
            return Some(response);
        }
        // The 503 page, kept as the first browser that got one saw it.
        let retry_after = response
            .headers()
            .get("retry-after")
            .map(|value| value.to_str().unwrap().to_owned());
        let text = response.text().await.unwrap_or_default();
        self.unavailable_page
            .lock()
            .unwrap()
            .get_or_insert((retry_after, text));
        None
    }
}

/// One browser's sign-in: GET /login, POST /login, GET /; true when it got all the way
/// (a 503 or an error on the way ends it).
async fn sign_in(record: &Record, address: &str, email: &str) -> bool {
    let client = browser();
    let Some(page) = record
        .answer("GET /login", client.get(format!("{address}/login")).send())
        .await
    else {
        return false;
    };
    let Some(token) = crate::flows::csrf_token(&page.text().await.unwrap_or_default()) else {
        return false;
    };
    let Some(signed_in) = record
        .answer(
            "POST /login",
            post(
                &client,
                address,
                "/login",
                &token,
                &[("email", email), ("password", PASSWORD)],
            ),
        )
        .await
    else {
        return false;
    };
    if signed_in.status() != 303 || location(&signed_in) != "/" {
        return false;
    }
    let home = record
        .answer("GET /", client.get(format!("{address}/")).send())
        .await;
    home.is_some_and(|home| home.status() == 200)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_going_away_under_load_gets_503_never_a_hang_and_service_comes_back() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let deployment = Deployment::new(cluster.url());
    let db = deployment.prepare().await;
    for n in 0..USERS {
        deployment
            .add_user(&format!("user{n}@example.com"), false, None)
            .await;
    }
    db.pool.close().await;
    let portal = deployment.start().await;
    // Each seeded user signs in once before the load, so the load measures sign-ins and
    // not first visits; and the token helper checks the pages are there.
    token_of(&browser(), &portal.address, "/login")
        .await
        .unwrap();

    let record = Arc::new(Record::default());
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let completed = Arc::new(Mutex::new(Vec::<Instant>::new()));
    let mut load = Vec::new();
    for worker in 0..SIGNING_IN {
        let (record, stop, completed) = (record.clone(), stop.clone(), completed.clone());
        let address = portal.address.clone();
        load.push(tokio::spawn(async move {
            let mut n = worker;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let email = format!("user{}@example.com", n % USERS);
                let started = Instant::now();
                if sign_in(&record, &address, &email).await {
                    completed.lock().unwrap().push(started);
                } else {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                n += SIGNING_IN;
            }
        }));
    }
    let readiness = {
        let (record, stop) = (record.clone(), stop.clone());
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        let url = portal.url("/readyz");
        tokio::spawn(async move {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                record.answer("GET /readyz", client.get(&url).send()).await;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };

    tokio::time::sleep(BEFORE).await;
    let cluster = Arc::new(cluster);
    let went_down = Instant::now();
    let stopping = cluster.clone();
    tokio::task::spawn_blocking(move || stopping.stop())
        .await
        .unwrap();
    let stopped = Instant::now();
    tokio::time::sleep(DOWN_FOR).await;
    let down_until = Instant::now();
    let starting = cluster.clone();
    tokio::task::spawn_blocking(move || starting.start_again())
        .await
        .unwrap();
    let came_back = Instant::now();
    eprintln!(
        "PostgreSQL stopped in {:?}, was down {:?}, started in {:?}",
        stopped - went_down,
        down_until - stopped,
        came_back - down_until
    );
    tokio::time::sleep(AFTER).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for task in load {
        task.await.unwrap();
    }
    readiness.await.unwrap();

    let answers = record.answers.lock().unwrap();
    let summary = |answers: &[&Answer]| {
        let mut kinds: Vec<String> = answers
            .iter()
            .map(|a| format!("{} {:?}", a.path, a.status))
            .collect();
        kinds.sort();
        let mut counted: Vec<(String, usize)> = Vec::new();
        for kind in kinds {
            match counted.last_mut() {
                Some((last, count)) if *last == kind => *count += 1,
                _ => counted.push((kind, 1)),
            }
        }
        counted
    };
    let all: Vec<&Answer> = answers.iter().collect();
    eprintln!("answers: {:?}", summary(&all));
    let readiness: Vec<String> = all
        .iter()
        .filter(|a| a.path == "GET /readyz")
        .map(|a| {
            let at = a.started.saturating_duration_since(went_down).as_secs_f32();
            format!("{at:.1}s {:?}", a.status)
        })
        .collect();
    eprintln!("/readyz from the stop on: {readiness:?}");

    // Never a transport error, never a 5xx other than 503, never anything unexpected.
    let odd: Vec<&&Answer> = all
        .iter()
        .filter(|a| !matches!(a.status, Ok(200 | 303 | 503)))
        .collect();
    assert!(odd.is_empty(), "unexpected answers: {odd:?}");
    assert!(
        all.iter()
            .all(|a| a.path != "GET /readyz" || matches!(a.status, Ok(200 | 503)))
    );
    let longest = all.iter().map(|a| a.took).max().unwrap();
    eprintln!("the longest request took {longest:?}");
    assert!(longest < LONGEST_WAIT, "a request waited {longest:?}");

    // During the outage: 503 pages and an unready /readyz. The outage starts when the stop
    // is asked for: a request begun while PostgreSQL shuts down meets it too, and under
    // load every sign-in worker may have begun one then and wait the pool's acquire
    // timeout (as long as the outage) for its 503.
    let during: Vec<&Answer> = all
        .iter()
        .copied()
        .filter(|a| a.started >= went_down && a.started < down_until)
        .collect();
    assert!(
        during
            .iter()
            .any(|a| a.path == "GET /readyz" && a.status == Ok(503)),
        "/readyz answered 503 while the database was down: {:?}",
        summary(&during)
    );
    assert!(
        during
            .iter()
            .any(|a| a.path != "GET /readyz" && a.status == Ok(503)),
        "pages answered 503 while the database was down: {:?}",
        summary(&during)
    );
    let (retry_after, text) = record
        .unavailable_page
        .lock()
        .unwrap()
        .clone()
        .expect("a 503 page was seen");
    assert_eq!(retry_after.as_deref(), Some("5"));
    assert!(text.contains("Try again in a moment"), "{text}");

    // Full service within 5 s of the database's return.
    let recovered = came_back + RECOVERED_WITHIN;
    let after: Vec<&Answer> = all
        .iter()
        .copied()
        .filter(|a| a.started >= recovered)
        .collect();
    assert!(
        after.iter().all(|a| matches!(a.status, Ok(200 | 303))),
        "still failing 5 s after the database came back: {:?}",
        summary(&after)
    );
    let first_ready = all
        .iter()
        .filter(|a| a.path == "GET /readyz" && a.started >= came_back && a.status == Ok(200))
        .map(|a| a.started - came_back)
        .min();
    eprintln!("/readyz answered 200 again {first_ready:?} after the database came back");
    let sign_ins_after = completed
        .lock()
        .unwrap()
        .iter()
        .filter(|started| **started >= recovered)
        .count();
    assert!(
        sign_ins_after >= SIGNING_IN,
        "{sign_ins_after} sign-ins after recovery"
    );
    portal.assert_log_clean();
}
