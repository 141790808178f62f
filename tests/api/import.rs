//! "Import users (CSV)" as an administrator uses it (issue 27): a file uploaded once, every
//! line previewed with its problem, the good lines imported and invited by email, a second
//! import adding nothing; hostile files refused with a message. On both databases.

use reqwest::Response;

use crate::admin::signed_in_admin;
use crate::helpers::{GOOD_PASSWORD, TestApp, assert_page, csrf_token, location_of, unescaped};
use crate::on_both_databases;

/// A multipart body as a browser sends it: the token, then the file.
fn multipart(token: &str, file_name: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----twostepTestBoundary7MA4YWxk";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_body(app: &TestApp, content_type: &str, body: Vec<u8>) -> Response {
    app.client
        .post(app.url("/admin/users/import"))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Uploads `file` from the import page, as the form does.
async fn upload(app: &TestApp, file: &[u8]) -> Response {
    let page = app.get_text("/admin/users/import").await;
    let (content_type, body) = multipart(&csrf_token(&page), "people.csv", file);
    post_body(app, &content_type, body).await
}

/// Uploads `file` and follows to its preview: the preview's address and page.
async fn preview_of(app: &TestApp, file: &[u8]) -> (String, String) {
    let uploaded = upload(app, file).await;
    assert_eq!(
        uploaded.status().as_u16(),
        303,
        "{}",
        uploaded.text().await.unwrap()
    );
    let address = location_of(&uploaded).unwrap();
    assert!(address.starts_with("/admin/users/import/"), "{address}");
    let page = app.get(&address).await;
    let page = assert_page(page, 200, "Preview of people.csv").await;
    (address, unescaped(&page))
}

/// Each line of a preview or report: its number and what is said of it.
fn outcomes(page: &str) -> Vec<(usize, String)> {
    page.split(r#"<td data-label="Line" class="card-title">"#)
        .skip(1)
        .map(|row| {
            let line = row[..row.find('<').unwrap()].parse().unwrap();
            let cell = &row[row.find(r#"data-label="Outcome">"#).unwrap()..];
            let text = &cell[cell.find("<strong").unwrap()..];
            let text = &text[text.find('>').unwrap() + 1..text.find("</strong>").unwrap()];
            (line, text.to_owned())
        })
        .collect()
}

async fn import_at(app: &TestApp, address: &str) -> Response {
    app.submit(address, address, &[]).await
}

const FILE: &str = "\u{feff}email;name;phone;groups\r\n\
    ada@example.com;Ada Lovelace;+46701234567;\"Sales; Finance\"\r\n\
    grace@example.com;\"Hopper; Grace\";;\r\n\
    not-an-email;Bad Email;;\r\n\
    premium@example.com;Premium;+46900123456;\r\n\
    group@example.com;Group;;Nobody\r\n\
    ADA@example.com;Ada Again;;\r\n\
    admin@example.com;Taken;;\r\n\
    noname@example.com;;;\r\n\
    short@example.com;Short\r\n";

async fn a_file_is_previewed_with_every_problem_then_its_good_lines_imported_once(app: TestApp) {
    signed_in_admin(&app).await;
    let kit = app.kit();
    kit.create_group("Sales", "allowed", None).await;
    kit.create_group("Finance", "allowed", None).await;
    let users_before = app.count("SELECT COUNT(*) FROM users").await;

    let (address, page) = preview_of(&app, FILE.as_bytes()).await;
    assert!(page.contains("2 lines can be imported."), "{page}");
    assert!(page.contains("7 lines have a problem and will be left alone."));
    assert_eq!(
        outcomes(&page),
        vec![
            (2, "Ready to import".to_owned()),
            (3, "Ready to import".to_owned()),
            (4, "Enter an email address like name@example.com.".to_owned()),
            (
                5,
                "This is a premium-rate number, which cannot receive text messages. Enter a mobile phone number."
                    .to_owned()
            ),
            (6, "There is no group “Nobody”.".to_owned()),
            (7, "The same email is on line 2.".to_owned()),
            (8, "An account with this email exists already.".to_owned()),
            (9, "Enter your name.".to_owned()),
            (10, "The line has 2 columns instead of 4.".to_owned()),
        ]
    );
    // Quoted fields keep their delimiter.
    assert!(page.contains("Hopper; Grace"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users").await,
        users_before,
        "the preview writes nothing"
    );
    assert!(app.mail_to("ada@example.com").is_empty());

    let report = assert_page(import_at(&app, &address).await, 200, "Import done").await;
    let report = unescaped(&report);
    assert!(
        report.contains("2 users were added and emailed an invitation."),
        "{report}"
    );
    assert!(report.contains("7 lines were left alone."));
    let said = outcomes(&report);
    assert_eq!(said[0], (2, "Added and invited".to_owned()));
    assert_eq!(said[1], (3, "Added and invited".to_owned()));
    assert_eq!(
        said[4],
        (6, "Left alone: There is no group “Nobody”.".to_owned())
    );

    let services = &app.state.services;
    let ada = services
        .user_by_email("ada@example.com")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ada.name, "Ada Lovelace");
    assert_eq!(ada.phone.as_deref(), Some("+46701234567"));
    let details = services.user_details(ada.id).await.unwrap().unwrap();
    let groups: Vec<&str> = details.groups.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(groups, ["Finance", "Sales"]);
    let grace = services
        .user_by_email("grace@example.com")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(grace.name, "Hopper; Grace");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users").await,
        users_before + 2
    );
    assert_eq!(app.count_events("user.added_by_admin").await, 2);
    // Each is invited with a link to choose a password, which works.
    for email in ["ada@example.com", "grace@example.com"] {
        let link = app.link_in_mail(email, "/password/set").await;
        let page = app
            .new_browser()
            .0
            .get(app.url(&link))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status().as_u16(), 200, "{email}");
    }

    // "Import" again on the same upload: said, nothing added.
    let again = import_at(&app, &address).await;
    assert_page(again, 409, "This file has been imported already.").await;
    let page = app.get_text(&address).await;
    assert!(page.contains("This file has been imported already."));
    assert!(!page.contains(">Import</button>"));

    // The same file uploaded again: its people are existing accounts now.
    let (second, page) = preview_of(&app, FILE.as_bytes()).await;
    assert!(page.contains("0 lines can be imported."), "{page}");
    assert_eq!(
        outcomes(&page)[0].1,
        "An account with this email exists already."
    );
    assert!(!page.contains(">Import</button>"));
    let report = import_at(&app, &second).await;
    assert_page(report, 200, "0 users were added").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users").await,
        users_before + 2
    );
}

async fn commas_and_quoted_line_breaks_are_read(app: TestApp) {
    signed_in_admin(&app).await;
    let file = "Email,Name,Phone,Groups\n\"lin@example.com\",\"Lin, \"\"Li\"\"\",,\n";
    let (address, page) = preview_of(&app, file.as_bytes()).await;
    assert!(page.contains("Lin, \"Li\""), "{page}");
    assert_page(import_at(&app, &address).await, 200, "1 user was added").await;
    let lin = app
        .state
        .services
        .user_by_email("lin@example.com")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(lin.name, "Lin, \"Li\"");
}

async fn hostile_files_are_refused_with_a_message_and_nothing_is_kept(app: TestApp) {
    signed_in_admin(&app).await;
    let cases: Vec<(Vec<u8>, u16, &str)> = vec![
        (
            b"email,name,phone,groups\n\xff\xfe\x00\x01binary".to_vec(),
            422,
            "The file is not UTF-8 text.",
        ),
        (
            b"name,email\nAda,ada@example.com\n".to_vec(),
            422,
            "The first line must be the header row email,name,phone,groups.",
        ),
        (
            b"email,name,phone,groups\n".to_vec(),
            422,
            "The file has no lines after its header row.",
        ),
        (
            b"email,name,phone,groups\n\"a@example.com,A,,\n".to_vec(),
            422,
            "Line 2 opens a quotation mark that is never closed.",
        ),
        (
            format!(
                "email,name,phone,groups\n{}",
                "a@example.com,A,,\n".repeat(10_001)
            )
            .into_bytes(),
            422,
            "The file has more than 10,000 lines.",
        ),
        (Vec::new(), 422, "Choose a CSV file to upload."),
    ];
    for (file, status, message) in cases {
        let refused = upload(&app, &file).await;
        let page = assert_page(refused, status, message).await;
        assert!(page.contains(r#"aria-invalid="true""#), "{message}");
    }
    // Larger than 2 MiB: refused before it is read.
    let huge = vec![b'a'; 3 * 1024 * 1024];
    assert_eq!(upload(&app, &huge).await.status().as_u16(), 413);
    // Not a multipart form, or a broken one: the form cannot be read.
    let page = app.get_text("/admin/users/import").await;
    let token = csrf_token(&page);
    let urlencoded = app
        .post_raw(
            "/admin/users/import",
            &[("csrf_token", &token), ("file", "x")],
        )
        .await;
    assert_page(urlencoded, 400, "").await;
    let (content_type, mut body) = multipart(&token, "people.csv", b"email,name,phone,groups\n");
    body.truncate(body.len() - 10);
    assert_eq!(
        post_body(&app, &content_type, body).await.status().as_u16(),
        400
    );
    // Without the token: refused by the CSRF check.
    let (content_type, body) = multipart("wrong", "people.csv", FILE.as_bytes());
    assert_eq!(
        post_body(&app, &content_type, body).await.status().as_u16(),
        403
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM user_imports").await, 0);
}

async fn an_upload_is_its_uploaders_only_and_expires_after_an_hour(app: TestApp) {
    signed_in_admin(&app).await;
    let (address, _) = preview_of(&app, FILE.as_bytes()).await;
    // Another administrator (signed in with the password alone): as for an unknown id.
    app.kit()
        .set_platform(|p| p.require_for_admins = false)
        .await;
    app.create_user("second@example.com", "Second Admin", true)
        .await;
    let second = app.signed_in_browser("second@example.com").await;
    assert_eq!(app.get_in(&second, &address).await.status().as_u16(), 404);
    assert_eq!(
        app.get("/admin/users/import/nonsense")
            .await
            .status()
            .as_u16(),
        404
    );
    // A user who is not an administrator does not get in at all.
    app.create_user("user@example.com", "Plain User", false)
        .await;
    let user = app.signed_in_browser("user@example.com").await;
    assert_eq!(
        app.get_in(&user, "/admin/users/import")
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(app.get_in(&user, &address).await.status().as_u16(), 403);

    app.clock.advance(3_601);
    // The password is asked again first (10 minutes passed)…
    let asked = app.get(&address).await;
    assert!(
        location_of(&asked)
            .unwrap()
            .starts_with("/account/confirm?next=")
    );
    let next = address.clone();
    let page = format!("/account/confirm?next={next}");
    app.submit(
        &page,
        "/account/confirm",
        &[("password", GOOD_PASSWORD), ("next", &next)],
    )
    .await;
    // …then the upload is gone, and the janitor removes it.
    assert_eq!(app.get(&address).await.status().as_u16(), 404);
    app.state.services.purge_expired().await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM user_imports").await, 0);
}

async fn two_imports_of_one_upload_at_once_add_each_user_once(app: TestApp) {
    signed_in_admin(&app).await;
    let mut file = String::from("email,name,phone,groups\n");
    for n in 0..20 {
        file.push_str(&format!("burst{n}@example.com,Burst {n},,\n"));
    }
    let (address, _) = preview_of(&app, file.as_bytes()).await;
    let page = app.get_text(&address).await;
    let token = csrf_token(&page);
    let posts = (0..100).map(|_| {
        app.client
            .post(app.url(&address))
            .form(&[("csrf_token", token.as_str())])
            .send()
    });
    let answers = futures_util::future::join_all(posts).await;
    let mut statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.as_ref().unwrap().status().as_u16())
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses[0], 200);
    assert_eq!(statuses[1..], [409; 99]);
    assert_eq!(app.count_events("user.added_by_admin").await, 20);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email LIKE 'burst%'")
            .await,
        20
    );
}

on_both_databases!(
    a_file_is_previewed_with_every_problem_then_its_good_lines_imported_once,
    commas_and_quoted_line_breaks_are_read,
    hostile_files_are_refused_with_a_message_and_nothing_is_kept,
    an_upload_is_its_uploaders_only_and_expires_after_an_hour,
    two_imports_of_one_upload_at_once_add_each_user_once,
);
