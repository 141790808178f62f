//! The database session store, called as actix-session calls it.

use std::collections::HashMap;

use actix_session::storage::SessionStore;
use actix_web::cookie::time::Duration;
use twostep::db::sessions::{DbSessionStore, LOADED_USER_KEY};

use crate::helpers::TestApp;
use crate::on_both_databases;

async fn an_ended_session_is_not_brought_back_by_a_late_update(app: TestApp) {
    let user_id = app.create_user("ada@example.com", "Ada", false).await;
    let store = DbSessionStore::new(app.db.clone(), app.clock.clone());
    let ttl = Duration::hours(1);
    let state = HashMap::from([("user_id".to_owned(), user_id.to_string())]);
    let key = store.save(state.clone(), &ttl).await.unwrap();
    let mut loaded = store.load(&key).await.unwrap().unwrap();
    assert!(
        loaded.remove(LOADED_USER_KEY).is_some(),
        "the user is read with the session"
    );
    assert_eq!(loaded, state);

    // Signed out elsewhere while a request on this session was still running.
    let old_key: String = key.as_ref().to_owned();
    store.delete(&key).await.unwrap();
    let new_key = store.update(key, state, &ttl).await.unwrap();
    assert_ne!(new_key.as_ref(), old_key);
    assert_eq!(
        store.load(&new_key).await.unwrap(),
        Some(HashMap::new()),
        "no sign-in carried over"
    );
    let old = old_key.try_into().unwrap();
    assert_eq!(store.load(&old).await.unwrap(), None);
}

async fn sessions_end_on_the_server_when_they_expire(app: TestApp) {
    let store = DbSessionStore::new(app.db.clone(), app.clock.clone());
    let key = store
        .save(
            HashMap::from([("k".to_owned(), "1".to_owned())]),
            &Duration::minutes(5),
        )
        .await
        .unwrap();
    app.clock.advance(4 * 60);
    assert!(store.load(&key).await.unwrap().is_some());
    app.clock.advance(61);
    assert_eq!(store.load(&key).await.unwrap(), None);
}

/// The session's user (with their password hash) is read with the state for the request,
/// and never written back into it: not by an update, not under a renewed key.
async fn the_user_read_with_a_session_is_never_stored_in_it(app: TestApp) {
    let user_id = app.create_user("ada@example.com", "Ada", false).await;
    let store = DbSessionStore::new(app.db.clone(), app.clock.clone());
    let ttl = Duration::hours(1);
    let state = HashMap::from([("user_id".to_owned(), user_id.to_string())]);
    let key = store.save(state, &ttl).await.unwrap();
    let loaded = store.load(&key).await.unwrap().unwrap();
    let user: serde_json::Value = serde_json::from_str(&loaded[LOADED_USER_KEY]).unwrap();
    assert_eq!(user["user"]["email"], "ada@example.com");

    store.update(key, loaded.clone(), &ttl).await.unwrap();
    store.save(loaded, &ttl).await.unwrap();
    let stored: Vec<String> = sqlx::query_scalar("SELECT state FROM sessions")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 2);
    for state in stored {
        assert!(
            !state.contains(LOADED_USER_KEY) && !state.contains("argon2"),
            "{state}"
        );
    }
    // A session that names no user reads none.
    let anonymous = store.save(HashMap::new(), &ttl).await.unwrap();
    let loaded = store.load(&anonymous).await.unwrap().unwrap();
    assert!(loaded.is_empty());
}

on_both_databases!(
    the_user_read_with_a_session_is_never_stored_in_it,
    an_ended_session_is_not_brought_back_by_a_late_update,
    sessions_end_on_the_server_when_they_expire,
);
