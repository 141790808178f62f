//! Pages, emails and text messages in Swedish, German and Estonian (issue 26), area by area:
//! what a person whose language is not English sees, through HTTP.

mod account;
mod admin;
mod audit_rooms;
mod login;
mod messages;
mod public;

use crate::helpers::{TestApp, assert_redirect_to};

/// Chooses `lang` in the "Language" menu of the app's browser (the `lang` cookie).
pub(super) async fn choose(app: &TestApp, lang: &str) {
    let chosen = app
        .submit("/login", "/language", &[("lang", lang), ("back", "/login")])
        .await;
    assert_redirect_to(&chosen, "/login");
}

/// None of `english` is left on `page`.
#[track_caller]
pub(super) fn no_english(page: &str, english: &[&str]) {
    for words in english {
        assert!(!page.contains(words), "{words:?} is still English:\n{page}");
    }
}
