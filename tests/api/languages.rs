//! Languages (issue 26) over HTTP: which language a page gets (the profile, the `lang`
//! cookie, `Accept-Language`, the platform's default), what the answer says about it
//! (`<html lang>`, `Content-Language`, `Vary`), the "Language" menu without JavaScript,
//! the choice following a person to another browser, and headers that are malformed.

use twostep::domain::language::Language;

use crate::admin::settings_form;
use crate::helpers::{
    GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to, cookie_value, submit_with,
};
use crate::on_both_databases;

/// GET `path` in a new browser with `headers`: the status, `Content-Language`, `Vary`
/// and the page.
async fn page_with(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &[u8])],
) -> (u16, String, String, String) {
    let (browser, _) = app.new_browser();
    let mut request = browser.get(app.url(path));
    for (name, value) in headers {
        request = request.header(
            *name,
            reqwest::header::HeaderValue::from_bytes(value).unwrap(),
        );
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let header = |name: &str| {
        response
            .headers()
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (language, vary) = (header("content-language"), header("vary"));
    (status, language, vary, response.text().await.unwrap())
}

/// The language the page says it is in.
fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("an html element") + 12;
    &page[start..start + page[start..].find('"').unwrap()]
}

async fn the_browser_the_cookie_and_the_platform_decide_in_that_order(app: TestApp) {
    let (status, language, vary, page) = page_with(
        &app,
        "/login",
        &[("accept-language", b"sv-SE,sv;q=0.9,en;q=0.8")],
    )
    .await;
    assert_eq!(
        (status, language.as_str(), html_lang(&page)),
        (200, "sv", "sv")
    );
    assert!(
        vary.contains("Accept-Language") && vary.contains("Cookie"),
        "{vary}"
    );
    assert!(page.contains("Hoppa till innehållet") && page.contains(">Skapa konto<"));
    // The page's own words are Swedish too, so nothing inside says it is another language.
    assert!(page.contains(r#"<main id="main">"#) && page.contains("<h1>Logga in</h1>"));

    let (_, language, _, page) = page_with(
        &app,
        "/login",
        &[("accept-language", b"sv"), ("cookie", b"lang=de")],
    )
    .await;
    assert_eq!((language.as_str(), html_lang(&page)), ("de", "de"));
    assert!(page.contains("Zum Inhalt springen"));

    // Nothing the portal speaks, or nothing readable: the platform's default.
    for header in [
        &b"fi-FI, fr;q=0.5"[..],
        b"de;q=nonsense, ;;;",
        b"\xff\xfe",
        &[b'x'; 8_000],
    ] {
        let (status, language, _, _) =
            page_with(&app, "/login", &[("accept-language", header)]).await;
        assert_eq!((status, language.as_str()), (200, "en"), "{header:?}");
    }
    let (status, language, _, _) = page_with(&app, "/login", &[("cookie", b"lang=<script>")]).await;
    assert_eq!((status, language.as_str()), (200, "en"));
    app.kit()
        .set_platform(|p| p.default_language = Language::Estonian)
        .await;
    let (_, language, _, page) = page_with(&app, "/login", &[]).await;
    assert_eq!((language.as_str(), html_lang(&page)), ("et", "et"));
    assert!(page.contains("Mine sisu juurde"));
    let (_, language, _, _) = page_with(&app, "/login", &[("accept-language", b"de")]).await;
    assert_eq!(language, "de", "the browser before the platform");
}

async fn the_menu_works_without_javascript_and_the_profile_follows_the_person(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    let (browser, jar) = app.new_browser();
    let page = app.get_text_in(&browser, "/login").await;
    assert!(
        page.contains(r#"action="/language""#) && page.contains(r#"lang="sv">Svenska</button>"#)
    );
    let fields = [("lang", "et"), ("back", "/login?notice=signed-out")];
    let chosen = submit_with(&browser, &app.address, "/login", "/language", &fields).await;
    assert_redirect_to(&chosen, "/login?notice=signed-out");
    let set = chosen.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        set.starts_with("lang=et") && set.contains("Max-Age=31536000") && set.contains("HttpOnly"),
        "{set}"
    );
    assert_eq!(
        cookie_value(&jar, &app.address, "lang").as_deref(),
        Some("et")
    );
    let page = app.get_text_in(&browser, "/login").await;
    assert_eq!(html_lang(&page), "et");

    // Refusals: a language it does not speak, a way back elsewhere.
    let refused = submit_with(
        &browser,
        &app.address,
        "/login",
        "/language",
        &[("lang", "fi")],
    )
    .await;
    assert_eq!(refused.status().as_u16(), 400);
    let elsewhere = [("lang", "sv"), ("back", "//evil.example/")];
    let back = submit_with(&browser, &app.address, "/login", "/language", &elsewhere).await;
    assert_redirect_to(&back, "/");

    // Signed in, the menu saves the choice on the profile: another browser gets it too,
    // from the password step on, whatever it asks for.
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let saved = app
        .submit("/", "/language", &[("lang", "de"), ("back", "/")])
        .await;
    assert_redirect_to(&saved, "/");
    let stored: Option<String> = sqlx::query_scalar("SELECT language FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(stored.as_deref(), Some("de"));
    let (other, _) = app.new_browser();
    let fields = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    let asked = submit_with(&other, &app.address, "/login", "/login", &fields).await;
    assert_redirect_to(&asked, "/login/verify");
    let verify = other
        .get(app.url("/login/verify"))
        .header("accept-language", "sv")
        .send()
        .await
        .unwrap();
    assert_eq!(verify.headers()["content-language"], "de");
}

async fn the_default_language_is_a_platform_setting(app: TestApp) {
    crate::admin::signed_in_admin(&app).await;
    let page = app.get_text("/admin/security").await;
    assert!(
        page.contains(">Default language</label>")
            && page.contains(r#"<option value="et" lang="et">Eesti</option>"#)
    );
    let mut form = settings_form("Twostep");
    form.push(("default_language", "sv"));
    let saved = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert!(saved.status().is_redirection(), "{}", saved.status());
    let detail = app.audit_detail("platform.settings_changed").await;
    assert!(
        detail.contains("Default language: English → Svenska"),
        "{detail}"
    );
    let mut form = settings_form("Twostep");
    form.push(("default_language", "xx"));
    let refused = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert_eq!(refused.status().as_u16(), 422);
}

on_both_databases!(
    the_browser_the_cookie_and_the_platform_decide_in_that_order,
    the_menu_works_without_javascript_and_the_profile_follows_the_person,
    the_default_language_is_a_platform_setting,
);
