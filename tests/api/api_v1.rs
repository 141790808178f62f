//! The administration API (`/api/v1/`, issue 27): keys in `Authorization: Bearer`, scopes,
//! problem+json for every refusal, users and groups changed through the control center's
//! use cases and audited under the key's name, keyset pages that stay right while users
//! are added, a limit per key that holds under a burst, and an OpenAPI description whose
//! every path answers.

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use twostep::db::audit::Origin;
use twostep::domain::api_keys::{KeySettings, REQUESTS_PER_MINUTE};
use twostep::services::admin::{Actor, AddUser};

use crate::admin::signed_in_admin;
use crate::helpers::TestApp;
use crate::on_both_databases;

on_both_databases!(
    a_request_without_a_working_key_is_refused_as_problem_json,
    each_scope_opens_only_its_own_routes,
    users_are_added_changed_reset_and_read,
    bad_input_gets_a_problem_for_each_field,
    groups_and_their_members_are_managed,
    the_audit_log_names_the_key_as_the_actor,
    pages_stay_right_while_users_are_added,
    a_burst_is_held_to_the_keys_limit,
    every_path_of_the_openapi_description_answers,
    a_change_is_all_or_nothing,
    a_rooms_member_number_is_set_and_removed,
);

/// A key made as `twostep api-key create` makes it.
async fn key(app: &TestApp, name: &str, scopes: &[&str]) -> String {
    let settings = KeySettings::parse(name, scopes, None).expect("good settings");
    app.state
        .services
        .create_api_key(Actor::CommandLine, &settings, &Origin::default())
        .await
        .unwrap()
        .expect("the key is made")
        .key
}

const ALL: [&str; 5] = [
    "users:read",
    "users:write",
    "groups:write",
    "rooms:write",
    "audit:read",
];

async fn call(
    app: &TestApp,
    key: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Response {
    let mut request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(key);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// A problem+json answer of `status`: its document.
async fn problem(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    assert_eq!(body["type"], "about:blank");
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    body
}

async fn ok_json(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    response.json().await.unwrap()
}

/// A user added through the control center's use case, without an invitation.
async fn add_user(app: &TestApp, email: &str, name: &str) -> i64 {
    let new = AddUser {
        name: name.into(),
        email: email.into(),
        phone: None,
        groups: Vec::new(),
        admin: false,
        invite: false,
    };
    app.state
        .services
        .add_user(Actor::CommandLine, &new, &Origin::default())
        .await
        .unwrap()
        .expect("a new address")
}

async fn a_request_without_a_working_key_is_refused_as_problem_json(app: TestApp) {
    let none = reqwest::Client::new()
        .get(app.url("/api/v1/users"))
        .send()
        .await
        .unwrap();
    let challenge = none.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(challenge.starts_with("Bearer"), "{challenge}");
    let body = problem(none, StatusCode::UNAUTHORIZED).await;
    assert!(body["detail"].as_str().unwrap().contains("Authorization"));

    for wrong in [
        "nonsense",
        "twostep_AAAAAAAAAAAA_AAAA",
        "Basic dXNlcjpwYXNz",
    ] {
        let response = reqwest::Client::new()
            .get(app.url("/api/v1/users"))
            .header("authorization", format!("Bearer {wrong}"))
            .send()
            .await
            .unwrap();
        assert!(
            response.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .contains("invalid_token")
        );
        let body = problem(response, StatusCode::UNAUTHORIZED).await;
        assert_eq!(body["detail"], "This API key is not valid.");
    }

    // A signed-in administrator's session cookie opens nothing here.
    signed_in_admin(&app).await;
    let with_cookie = app.get("/api/v1/users").await;
    problem(with_cookie, StatusCode::UNAUTHORIZED).await;

    let revoked = key(&app, "old", &ALL).await;
    app.state
        .services
        .revoke_api_key_by_name(Actor::CommandLine, "old", &Origin::default())
        .await
        .unwrap()
        .unwrap();
    let body = problem(
        call(&app, &revoked, Method::GET, "/api/v1/users", None).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(body["detail"], "This API key was revoked.");

    let settings = KeySettings::parse("short-lived", &["users:read"], Some(1)).unwrap();
    let expiring = app
        .state
        .services
        .create_api_key(Actor::CommandLine, &settings, &Origin::default())
        .await
        .unwrap()
        .unwrap()
        .key;
    ok_json(
        call(&app, &expiring, Method::GET, "/api/v1/users", None).await,
        StatusCode::OK,
    )
    .await;
    app.clock.advance(86_400 + 1);
    let body = problem(
        call(&app, &expiring, Method::GET, "/api/v1/users", None).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(body["detail"], "This API key has expired.");

    // In the language the script asks for.
    let german = reqwest::Client::new()
        .get(app.url("/api/v1/users"))
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    let body = problem(german, StatusCode::UNAUTHORIZED).await;
    assert_eq!(body["title"], "Ein API-Schlüssel ist nötig");
}

async fn each_scope_opens_only_its_own_routes(app: TestApp) {
    let id = add_user(&app, "grace@example.com", "Grace Hopper").await;
    let audit = key(&app, "auditor", &["audit:read"]).await;
    let reader = key(&app, "reader", &["users:read"]).await;
    let groups = key(&app, "grouper", &["groups:write"]).await;
    let writer = key(&app, "writer", &["users:write"]).await;
    let user = format!("/api/v1/users/{id}");

    let body = problem(
        call(&app, &audit, Method::GET, "/api/v1/users", None).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("users:read"));
    ok_json(
        call(&app, &audit, Method::GET, "/api/v1/audit", None).await,
        StatusCode::OK,
    )
    .await;

    ok_json(
        call(&app, &reader, Method::GET, &user, None).await,
        StatusCode::OK,
    )
    .await;
    ok_json(
        call(&app, &reader, Method::GET, "/api/v1/groups", None).await,
        StatusCode::OK,
    )
    .await;
    for (method, path, body) in [
        (Method::PATCH, user.clone(), json!({"disabled": true})),
        (Method::POST, format!("{user}/reset-two-step"), json!({})),
        (
            Method::POST,
            "/api/v1/users".to_owned(),
            json!({"email": "x@example.com", "name": "X"}),
        ),
    ] {
        problem(
            call(&app, &reader, method, &path, Some(body)).await,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    problem(
        call(&app, &reader, Method::GET, "/api/v1/audit", None).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    problem(
        call(
            &app,
            &reader,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": "Sales"})),
        )
        .await,
        StatusCode::FORBIDDEN,
    )
    .await;

    // groups:write reads groups, not users; users:write reads users.
    ok_json(
        call(&app, &groups, Method::GET, "/api/v1/groups", None).await,
        StatusCode::OK,
    )
    .await;
    problem(
        call(&app, &groups, Method::GET, &user, None).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    ok_json(
        call(&app, &writer, Method::GET, &user, None).await,
        StatusCode::OK,
    )
    .await;
    // Nothing was changed by the refused requests.
    let shown = ok_json(
        call(&app, &writer, Method::GET, &user, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(shown["disabled"], false);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

async fn users_are_added_changed_reset_and_read(app: TestApp) {
    let admin = key(&app, "hr-sync", &ALL).await;
    let group = ok_json(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": "Sales"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let created = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/users",
        Some(json!({
            "email": "Linus@Example.com",
            "name": "Linus Torvalds",
            "phone_number": "+46 70 123 45 67",
            "groups": [group["id"]],
            "invite": true,
        })),
    )
    .await;
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let user = ok_json(created, StatusCode::CREATED).await;
    assert_eq!(location, format!("/api/v1/users/{}", user["id"]));
    assert_eq!(user["email"], "linus@example.com");
    assert_eq!(user["phone_number"], "+46701234567");
    assert_eq!(user["two_step"], Value::Null);
    assert_eq!(user["groups"][0]["name"], "Sales");
    assert_eq!(user["last_sign_in_at"], Value::Null);
    assert!(user["created_at"].as_str().unwrap().ends_with('Z'));
    // The invitation went to the outbox, as the control center's "Add user" sends it.
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox").await, 1);

    let again = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/users",
        Some(json!({"email": "linus@example.com", "name": "Someone Else"})),
    )
    .await;
    problem(again, StatusCode::CONFLICT).await;

    let path = location.clone();
    let changed = ok_json(
        call(
            &app,
            &admin,
            Method::PATCH,
            &path,
            Some(json!({"disabled": true})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(changed["disabled"], true);
    let fetched = ok_json(
        call(&app, &admin, Method::GET, &path, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(fetched["disabled"], true);
    let cleared = ok_json(
        call(
            &app,
            &admin,
            Method::PATCH,
            &path,
            Some(json!({"phone_number": "", "disabled": false})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(cleared["phone_number"], Value::Null);
    assert_eq!(cleared["disabled"], false);

    // A temporary code stands in for a second step the user does not have: refused.
    let code = call(
        &app,
        &admin,
        Method::POST,
        &format!("{path}/temporary-access-code"),
        Some(json!({"hours": 8})),
    )
    .await;
    problem(code, StatusCode::CONFLICT).await;

    // An SMS user: reset, and a temporary code shown once.
    let sms = app.create_sms_user("sms@example.com", "+46701112233").await;
    let sms_path = format!("/api/v1/users/{sms}");
    let before = ok_json(
        call(&app, &admin, Method::GET, &sms_path, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(before["two_step"], "sms");
    let issued = call(
        &app,
        &admin,
        Method::POST,
        &format!("{sms_path}/temporary-access-code"),
        Some(json!({"hours": 1})),
    )
    .await;
    assert_eq!(issued.headers()["cache-control"], "no-store");
    let issued = ok_json(issued, StatusCode::OK).await;
    assert!(issued["code"].as_str().is_some_and(|c| c.len() >= 8));
    assert!(issued["expires_at"].as_str().unwrap().ends_with('Z'));
    let reset = ok_json(
        call(
            &app,
            &admin,
            Method::POST,
            &format!("{sms_path}/reset-two-step"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(reset["two_step"], Value::Null);

    problem(
        call(&app, &admin, Method::GET, "/api/v1/users/999999", None).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    // One spelling for an id: `+{id}` and `0{id}` name nothing.
    for other in [
        format!("/api/v1/users/+{sms}"),
        format!("/api/v1/users/0{sms}"),
    ] {
        problem(
            call(&app, &admin, Method::GET, &other, None).await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    problem(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/users/999999/reset-two-step",
            None,
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

async fn bad_input_gets_a_problem_for_each_field(app: TestApp) {
    let admin = key(&app, "hr-sync", &ALL).await;
    let body = problem(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/users",
            Some(json!({"email": "not an email", "name": "", "phone_number": "+1 900 555 0100"})),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "email", "phone_number"]);
    assert!(
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["detail"].as_str().is_some_and(|d| !d.is_empty()))
    );

    // Unknown fields, wrong types, not JSON, too large: 4xx, nothing written.
    let unknown = problem(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/users",
            Some(json!({"email": "a@example.com", "name": "A", "admin": true})),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(unknown["detail"].as_str().unwrap().contains("admin"));
    problem(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/users",
            Some(json!(["a list"])),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    let form = reqwest::Client::new()
        .post(app.url("/api/v1/users"))
        .bearer_auth(&admin)
        .form(&[("email", "a@example.com"), ("name", "A")])
        .send()
        .await
        .unwrap();
    problem(form, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let huge = json!({"email": "a@example.com", "name": "x".repeat(200_000)});
    problem(
        call(&app, &admin, Method::POST, "/api/v1/users", Some(huge)).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    for query in [
        "limit=0",
        "limit=201",
        "limit=ten",
        "cursor=abc",
        "two_step=maybe",
        "group=x",
    ] {
        problem(
            call(
                &app,
                &admin,
                Method::GET,
                &format!("/api/v1/users?{query}"),
                None,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    for query in [
        "since=yesterday",
        "event=user.nothing",
        "cursor=1.x",
        "user=%00",
    ] {
        problem(
            call(
                &app,
                &admin,
                Method::GET,
                &format!("/api/v1/audit?{query}"),
                None,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    problem(
        call(&app, &admin, Method::GET, "/api/v1/users/abc", None).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    problem(
        call(&app, &admin, Method::DELETE, "/api/v1/users", None).await,
        StatusCode::METHOD_NOT_ALLOWED,
    )
    .await;
    problem(
        call(&app, &admin, Method::GET, "/api/v1/nothing-here", None).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn groups_and_their_members_are_managed(app: TestApp) {
    let admin = key(&app, "org-sync", &["groups:write", "users:read"]).await;
    let id = add_user(&app, "ada@example.com", "Ada Lovelace").await;
    let group = ok_json(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": "Engineering"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(group["rule"], "allowed");
    assert_eq!(group["methods"], "any");
    problem(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": "engineering"})),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    problem(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": " "})),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let group_path = format!("/api/v1/groups/{}", group["id"]);
    let member = format!("{group_path}/members/{id}");
    let put = ok_json(
        call(&app, &admin, Method::PUT, &member, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(put["members"], 1);
    // Again: still a member, one membership.
    let again = ok_json(
        call(&app, &admin, Method::PUT, &member, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(again["members"], 1);
    let user = ok_json(
        call(
            &app,
            &admin,
            Method::GET,
            &format!("/api/v1/users/{id}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(user["groups"].as_array().unwrap().len(), 1);

    let changed = ok_json(
        call(
            &app,
            &admin,
            Method::PATCH,
            &group_path,
            Some(json!({"rule": "required", "grace_days": 7, "methods": "passkeys"})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(changed["rule"], "required");
    assert_eq!(changed["grace_days"], 7);
    assert_eq!(changed["methods"], "passkeys");
    assert_eq!(changed["members"], 1);
    let body = problem(
        call(
            &app,
            &admin,
            Method::PATCH,
            &group_path,
            Some(json!({"rule": "sometimes", "grace_days": 1000})),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["rule", "grace_days"]);

    assert_eq!(
        call(&app, &admin, Method::DELETE, &member, None)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    problem(
        call(&app, &admin, Method::DELETE, &member, None).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    problem(
        call(
            &app,
            &admin,
            Method::PUT,
            &format!("{group_path}/members/999999"),
            None,
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    problem(
        call(
            &app,
            &admin,
            Method::PUT,
            &format!("/api/v1/groups/999999/members/{id}"),
            None,
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let list = ok_json(
        call(&app, &admin, Method::GET, "/api/v1/groups", None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["items"][0]["members"], 0);
}

async fn the_audit_log_names_the_key_as_the_actor(app: TestApp) {
    let admin = key(&app, "helpdesk-script", &["users:write", "audit:read"]).await;
    let sms = app.create_sms_user("sms@example.com", "+46701112233").await;
    ok_json(
        call(
            &app,
            &admin,
            Method::POST,
            &format!("/api/v1/users/{sms}/reset-two-step"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let page = ok_json(
        call(
            &app,
            &admin,
            Method::GET,
            "/api/v1/audit?event=two_step.reset&user=sms@example.com",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["actor"], "api-key:helpdesk-script");
    assert_eq!(items[0]["subject"], "sms@example.com");
    assert!(items[0]["time"].as_str().unwrap().ends_with('Z'));
    // Filtering by id finds the same; a later `since` finds nothing.
    let by_id = ok_json(
        call(
            &app,
            &admin,
            Method::GET,
            &format!("/api/v1/audit?event=two_step.reset&user={sms}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(by_id["items"], page["items"]);
    let later = ok_json(
        call(
            &app,
            &admin,
            Method::GET,
            "/api/v1/audit?since=2999-01-01T00:00:00Z",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(later["items"], json!([]));
}

async fn pages_stay_right_while_users_are_added(app: TestApp) {
    let admin = key(&app, "export", &["users:read"]).await;
    let mut ids = Vec::new();
    for n in 0..1_000 {
        ids.push(
            add_user(
                &app,
                &format!("user{n:04}@example.com"),
                &format!("User {n}"),
            )
            .await,
        );
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut added = 0;
    loop {
        let path = match &cursor {
            Some(cursor) => format!("/api/v1/users?limit=200&cursor={cursor}"),
            None => "/api/v1/users?limit=200".to_owned(),
        };
        let page = ok_json(
            call(&app, &admin, Method::GET, &path, None).await,
            StatusCode::OK,
        )
        .await;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 200);
        seen.extend(items.iter().map(|u| u["id"].as_i64().unwrap()));
        // Someone is added between pages: they come at the end, none is seen twice.
        add_user(&app, &format!("late{added}@example.com"), "Late Comer").await;
        added += 1;
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted, seen, "every user once, in id order");
    assert!(
        ids.iter().all(|id| seen.contains(id)),
        "every user there at the start"
    );
    assert!(seen.len() >= 1_000 && seen.len() < 1_000 + added);
}

async fn a_burst_is_held_to_the_keys_limit(app: TestApp) {
    let busy = key(&app, "busy", &["users:read"]).await;
    let other = key(&app, "other", &["users:read"]).await;
    app.to_start_of_minute();
    let burst = usize::try_from(REQUESTS_PER_MINUTE).unwrap() + 100;
    let client = reqwest::Client::new();
    let requests = (0..burst).map(|_| {
        client
            .get(app.url("/api/v1/users?limit=1"))
            .bearer_auth(&busy)
            .send()
    });
    let answers = futures_util::future::join_all(requests).await;
    let mut ok = 0;
    let mut limited = 0;
    for answer in answers {
        let answer = answer.unwrap();
        match answer.status() {
            StatusCode::OK => ok += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                let wait: i64 = answer.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((1..=60).contains(&wait));
                limited += 1;
            }
            status => panic!("unexpected {status}"),
        }
    }
    assert_eq!(ok, REQUESTS_PER_MINUTE);
    assert_eq!(limited, 100);
    // Another key has its own limit.
    ok_json(
        call(&app, &other, Method::GET, "/api/v1/users", None).await,
        StatusCode::OK,
    )
    .await;
}

async fn every_path_of_the_openapi_description_answers(app: TestApp) {
    let doc: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["components"]["securitySchemes"]["api_key"]["scheme"] == "bearer");
    let admin = key(&app, "everything", &ALL).await;
    let user = add_user(&app, "ada@example.com", "Ada Lovelace").await;
    let group = ok_json(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": "Staff"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    // A member, so that taking them out answers 204 whatever order the methods come in.
    let member = format!("/api/v1/groups/{group}/members/{user}");
    assert_eq!(
        call(&app, &admin, Method::PUT, &member, None)
            .await
            .status(),
        StatusCode::OK
    );
    let owner = app
        .create_user("owner@example.com", "Room Owner", true)
        .await;
    let room = app
        .kit()
        .create_room(owner, "Deals", None, true, &["owner@example.com"])
        .await;
    let room_group = app.kit().create_room_group(owner, room, "Buyers").await;
    app.kit()
        .add_room_member(owner, room_group, "ada@example.com")
        .await;
    let paths = doc["paths"].as_object().unwrap();
    let mut operations = 0;
    for (path, item) in paths {
        let concrete = path
            .replace("/groups/{id}", &format!("/groups/{group}"))
            .replace("/rooms/{id}", &format!("/rooms/{room}"))
            .replace("{id}", &user.to_string())
            .replace("{user_id}", &user.to_string());
        for method in item.as_object().unwrap().keys() {
            let method: Method = method.to_uppercase().parse().unwrap();
            let body = matches!(method, Method::POST | Method::PATCH).then(|| json!({}));
            let response = call(&app, &admin, method.clone(), &concrete, body).await;
            let status = response.status();
            assert!(
                status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
                "{method} {concrete}: {status}"
            );
            assert!(!status.is_server_error(), "{method} {concrete}: {status}");
            operations += 1;
        }
    }
    // Every route the API registers is described (the same list makes both).
    assert_eq!(operations, 14);
    for path in [
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/api/v1/groups/{id}/members/{user_id}",
        "/api/v1/audit",
    ] {
        assert!(paths.contains_key(path), "{path}");
    }
}

async fn a_change_is_all_or_nothing(app: TestApp) {
    let admin = key(&app, "hr-sync", &ALL).await;
    let sms = app.create_sms_user("sms@example.com", "+46701112233").await;
    let path = format!("/api/v1/users/{sms}");
    // The number takes the user's codes: the whole change is refused, the name too.
    let refused = call(
        &app,
        &admin,
        Method::PATCH,
        &path,
        Some(json!({"name": "New Name", "phone_number": "+46709998877", "disabled": true})),
    )
    .await;
    let body = problem(refused, StatusCode::CONFLICT).await;
    assert!(body["detail"].as_str().unwrap().contains("code"));
    let user = ok_json(
        call(&app, &admin, Method::GET, &path, None).await,
        StatusCode::OK,
    )
    .await;
    assert_ne!(user["name"], "New Name");
    assert_eq!(user["disabled"], false);
    assert_eq!(user["phone_number"], "+46701112233");

    let renamed = ok_json(
        call(
            &app,
            &admin,
            Method::PATCH,
            &path,
            Some(json!({"name": "  Grace Hopper "})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(renamed["name"], "Grace Hopper");
    // The users list finds the new name, not the old one.
    let found = ok_json(
        call(
            &app,
            &admin,
            Method::GET,
            "/api/v1/users?query=hopper",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let audit = ok_json(
        call(
            &app,
            &admin,
            Method::GET,
            &format!("/api/v1/audit?user={sms}&event=user.name_changed_by_admin"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(audit["items"][0]["actor"], "api-key:hr-sync");

    // The only administrator is not disabled, and nothing else of the change is made.
    let only = app
        .create_user("admin@example.com", "Only Admin", true)
        .await;
    let refused = call(
        &app,
        &admin,
        Method::PATCH,
        &format!("/api/v1/users/{only}"),
        Some(json!({"disabled": true, "name": "Gone"})),
    )
    .await;
    problem(refused, StatusCode::CONFLICT).await;
    let admin_user = ok_json(
        call(
            &app,
            &admin,
            Method::GET,
            &format!("/api/v1/users/{only}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(admin_user["name"], "Only Admin");
    assert_eq!(admin_user["disabled"], false);
}

async fn a_rooms_member_number_is_set_and_removed(app: TestApp) {
    let rooms = key(&app, "rooms-sync", &["rooms:write"]).await;
    let readers = key(&app, "reader", &["users:read"]).await;
    let owner = app
        .create_user("owner@example.com", "Room Owner", true)
        .await;
    let member = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let room = app
        .kit()
        .create_room(owner, "Deals", None, true, &["owner@example.com"])
        .await;
    let group = app.kit().create_room_group(owner, room, "Buyers").await;
    app.kit()
        .add_room_member(owner, group, "ada@example.com")
        .await;
    let path = format!("/api/v1/rooms/{room}/members/{member}/phone");

    problem(
        call(
            &app,
            &readers,
            Method::PUT,
            &path,
            Some(json!({"phone_number": "+46701234567"})),
        )
        .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let set = ok_json(
        call(
            &app,
            &rooms,
            Method::PUT,
            &path,
            Some(json!({"phone_number": "+46 70 123 45 67"})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(set["phone_number"], "+46701234567");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event = 'room.phone_set' AND actor_api_key_id IS NOT NULL")
            .await,
        1
    );
    let bad = problem(
        call(
            &app,
            &rooms,
            Method::PUT,
            &path,
            Some(json!({"phone_number": "12"})),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(bad["errors"][0]["field"], "phone_number");
    // The room's administrator is not held to its step; a stranger is not a member.
    let stranger = app.create_user("eve@example.com", "Eve", false).await;
    problem(
        call(
            &app,
            &rooms,
            Method::PUT,
            &format!("/api/v1/rooms/{room}/members/{owner}/phone"),
            Some(json!({"phone_number": "+46701234567"})),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    for other in [
        format!("/api/v1/rooms/{room}/members/{stranger}/phone"),
        format!("/api/v1/rooms/999999/members/{member}/phone"),
    ] {
        problem(
            call(
                &app,
                &rooms,
                Method::PUT,
                &other,
                Some(json!({"phone_number": "+46701234567"})),
            )
            .await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    let removed = call(&app, &rooms, Method::DELETE, &path, None).await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event = 'room.phone_cleared'")
            .await,
        1
    );
}

on_both_databases!(hostile_bodies_get_a_4xx_and_change_nothing);

/// Bodies a hostile or broken script sends: not JSON, deep, huge, the wrong types, control
/// characters, each field replaced in turn.
fn hostile_bodies(good: &Value) -> Vec<Vec<u8>> {
    let mut bodies: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"{".to_vec(),
        b"null".to_vec(),
        b"[]".to_vec(),
        b"\"text\"".to_vec(),
        b"{\"a\":1}".to_vec(),
        vec![0xff, 0xfe, 0x00, 0x80],
        format!("{}{}", "[".repeat(5_000), "]".repeat(5_000)).into_bytes(),
        format!("{{\"x\":{}}}", "9".repeat(400)).into_bytes(),
    ];
    let strange: Vec<Value> = vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(i64::MAX),
        json!(1.5e300),
        json!(""),
        json!("\u{0000}"),
        json!("a\u{0007}b"),
        json!("\u{202e}evil"),
        json!("x".repeat(10_000)),
        json!([1, 2, 3]),
        json!({"nested": {"deeper": []}}),
    ];
    if let Some(object) = good.as_object() {
        for field in object.keys() {
            for value in &strange {
                let mut body = object.clone();
                body.insert(field.clone(), value.clone());
                bodies.push(serde_json::to_vec(&body).unwrap());
            }
        }
    }
    bodies
}

async fn hostile_bodies_get_a_4xx_and_change_nothing(app: TestApp) {
    let admin = key(&app, "fuzz", &ALL).await;
    let user = add_user(&app, "ada@example.com", "Ada Lovelace").await;
    let owner = app
        .create_user("owner@example.com", "Room Owner", true)
        .await;
    let room = app
        .kit()
        .create_room(owner, "Deals", None, true, &["owner@example.com"])
        .await;
    let room_group = app.kit().create_room_group(owner, room, "Buyers").await;
    app.kit()
        .add_room_member(owner, room_group, "ada@example.com")
        .await;
    let group = ok_json(
        call(
            &app,
            &admin,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": "Staff"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let routes = [
        (
            Method::POST,
            "/api/v1/users".to_owned(),
            json!({"email": "new@example.com", "name": "New", "phone_number": "+46701234567", "groups": [group], "invite": false}),
        ),
        (
            Method::PATCH,
            format!("/api/v1/users/{user}"),
            json!({"name": "Ada", "phone_number": "", "disabled": false}),
        ),
        (
            Method::POST,
            format!("/api/v1/users/{user}/temporary-access-code"),
            json!({"hours": 8}),
        ),
        (
            Method::POST,
            "/api/v1/groups".to_owned(),
            json!({"name": "Other"}),
        ),
        (
            Method::PATCH,
            format!("/api/v1/groups/{group}"),
            json!({"rule": "allowed", "grace_days": 3, "methods": "any"}),
        ),
        (
            Method::PUT,
            format!("/api/v1/rooms/{room}/members/{user}/phone"),
            json!({"phone_number": "+46701234567"}),
        ),
    ];
    let client = reqwest::Client::new();
    let mut refused = 0;
    for (method, path, good) in &routes {
        for body in hostile_bodies(good) {
            let events = app.count("SELECT COUNT(*) FROM audit_events").await;
            let response = client
                .request(method.clone(), app.url(path))
                .bearer_auth(&admin)
                .header("content-type", "application/json")
                .body(body.clone())
                .send()
                .await
                .unwrap();
            let status = response.status();
            let shown = String::from_utf8_lossy(&body[..body.len().min(80)]).into_owned();
            assert!(
                !status.is_server_error(),
                "{method} {path} {shown}: {status}"
            );
            if status.is_client_error() {
                assert_eq!(
                    response.headers()["content-type"],
                    "application/problem+json"
                );
                // Every change is audited: a refusal wrote none.
                assert_eq!(
                    app.count("SELECT COUNT(*) FROM audit_events").await,
                    events,
                    "{method} {path} {shown}: {status}"
                );
                refused += 1;
            }
        }
    }
    assert!(refused > 150, "{refused}");
}

/// `openapi-spec-validator` (PyPI, the reference validator of OpenAPI 3.0 and 3.1) reads
/// the description as a client generator would. `.ci/run` installs it and sets
/// `TWOSTEP_REQUIRE_OPENAPI_VALIDATOR`; without either, this says so and checks nothing.
/// The description does not depend on the database: SQLite alone.
#[tokio::test]
async fn an_independent_validator_accepts_the_description() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite)
        .await
        .unwrap();
    let installed = std::process::Command::new("python3")
        .args(["-c", "import openapi_spec_validator"])
        .status()
        .is_ok_and(|status| status.success());
    if !installed {
        assert!(
            std::env::var_os("TWOSTEP_REQUIRE_OPENAPI_VALIDATOR").is_none(),
            "openapi-spec-validator is required: pip install openapi-spec-validator"
        );
        eprintln!("openapi-spec-validator is not installed: the description is not validated");
        return;
    }
    let doc = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let file = app.data_dir().join("openapi.json");
    std::fs::write(&file, &doc).unwrap();
    let checked = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}
