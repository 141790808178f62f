//! The database session store, called as actix-session calls it.

use std::collections::HashMap;

use actix_session::storage::SessionStore;
use actix_web::cookie::time::Duration;
use twostep::db::sessions::DbSessionStore;

use crate::helpers::TestApp;
use crate::on_both_databases;

async fn an_ended_session_is_not_brought_back_by_a_late_update(app: TestApp) {
    let user_id = app.create_user("ada@example.com", "Ada", false).await;
    let store = DbSessionStore::new(app.db.clone(), app.clock.clone());
    let ttl = Duration::hours(1);
    let state = HashMap::from([("user_id".to_owned(), user_id.to_string())]);
    let key = store.save(state.clone(), &ttl).await.unwrap();
    assert_eq!(store.load(&key).await.unwrap(), Some(state.clone()));

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

on_both_databases!(
    an_ended_session_is_not_brought_back_by_a_late_update,
    sessions_end_on_the_server_when_they_expire,
);
