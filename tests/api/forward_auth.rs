//! Forward auth behind a real nginx: the Debian package's binary, started here on a free
//! port with the README's layout: one host serves the room's application (a tiny one that
//! answers with the identity nginx passed on) behind `auth_request`, and the portal's own
//! paths (`/login`, `/rooms/`, …), so the portal's host-only session cookie is the one the
//! host's requests carry. `TWOSTEP_PUBLIC_URL` is that host.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::admin::signed_in_admin;
use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, location_of, submit_with};
use crate::on_each_backend;
use crate::rooms::save_platform_settings;

const NGINX: &str = "/usr/sbin/nginx";
const ROOM_PHONE: &str = "+46705550001";

/// The room's application: answers every request with the identity nginx passed on.
async fn tiny_app() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                let text = String::from_utf8_lossy(&request);
                let email = text
                    .lines()
                    .find_map(|line| {
                        let (name, value) = line.split_once(':')?;
                        name.eq_ignore_ascii_case("x-twostep-email")
                            .then(|| value.trim().to_owned())
                    })
                    .unwrap_or_else(|| "nobody".into());
                let body = format!("the room's documents, for {email}");
                let response = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
            });
        }
    });
    port
}

/// nginx in the foreground, killed when dropped.
struct Nginx {
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free port for nginx, chosen before the portal starts (its public address is nginx's).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// nginx on `port`, configured as the README says: the portal's paths go to the portal;
/// everything else to the room's application after `auth_request` asks the portal about
/// room `room`, and a 401 sends the browser to the room's page with the address it asked
/// for as `rd`. `None` (said loudly) when nginx is not installed and not required.
fn start_nginx(port: u16, portal_port: u16, app_port: u16, room: i64) -> Option<Nginx> {
    if !std::path::Path::new(NGINX).exists() {
        assert!(
            std::env::var("TWOSTEP_REQUIRE_NGINX").is_err(),
            "TWOSTEP_REQUIRE_NGINX is set but {NGINX} is missing (apt-get install nginx)"
        );
        eprintln!("\n*** SKIPPED forward auth behind nginx: {NGINX} is not installed ***\n");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().display();
    // The server block is deploy/nginx/data-room.conf's, with its ports and room replaced
    // and plain http in place of its TLS lines.
    let server = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/deploy/nginx/data-room.conf"
    ))
    .unwrap();
    let tls_lines = [
        "    listen 443 ssl;\n",
        "    ssl_certificate     /etc/ssl/certs/docs.example.com.pem;\n",
        "    ssl_certificate_key /etc/ssl/private/docs.example.com.key;\n",
    ];
    for line in tls_lines {
        assert!(
            server.contains(line),
            "deploy/nginx/data-room.conf lost {line:?}"
        );
    }
    let server = server
        .replace(tls_lines[0], &format!("    listen 127.0.0.1:{port};\n"))
        .replace(tls_lines[1], "")
        .replace(tls_lines[2], "")
        .replace("127.0.0.1:8080", &format!("127.0.0.1:{portal_port}"))
        .replace("127.0.0.1:9000", &format!("127.0.0.1:{app_port}"))
        .replace("/auth/room/3;", &format!("/auth/room/{room};"))
        .replace("/rooms/3?", &format!("/rooms/{room}?"));
    let config = format!(
        r#"
daemon off;
master_process off;
error_log stderr warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{server}
}}
"#
    );
    let path = dir.path().join("nginx.conf");
    std::fs::File::create(&path)
        .unwrap()
        .write_all(config.as_bytes())
        .unwrap();
    let child = Command::new(NGINX)
        .args([
            "-p",
            &prefix.to_string(),
            "-c",
            &path.display().to_string(),
            "-e",
            "stderr",
        ])
        .stdout(Stdio::null())
        .spawn()
        .expect("nginx starts");
    // Dropped (killed and waited for) whatever happens next.
    let nginx = Nginx { child, _dir: dir };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(nginx);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("nginx did not listen on {port}");
}

fn portal_port(app: &TestApp) -> u16 {
    app.address.rsplit(':').next().unwrap().parse().unwrap()
}

async fn the_proxy_lets_in_only_after_the_rooms_code(backend: Backend) {
    // nginx's port first: it is the portal's public address and the room's application's.
    let port = free_port();
    let proxied = format!("http://127.0.0.1:{port}");
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.public_url = url::Url::parse(&proxied).unwrap();
        settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
    else {
        return;
    };
    let app_port = tiny_app().await;
    // The room next (its id goes into nginx's configuration), then nginx.
    signed_in_admin(&app).await;
    let member = app
        .create_user("member@example.com", "Mem Ber", false)
        .await;
    let created = app
        .submit(
            "/admin/rooms/new",
            "/admin/rooms/new",
            &[
                ("name", "Deal"),
                ("app_url", &format!("{proxied}/")),
                ("enforced", "yes"),
            ],
        )
        .await;
    let room: i64 = location_of(&created)
        .unwrap()
        .trim_start_matches("/admin/rooms/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let Some(_nginx) = start_nginx(port, portal_port(&app), app_port, room) else {
        return;
    };
    let group_created = app
        .submit(
            &format!("/admin/rooms/{room}"),
            &format!("/admin/rooms/{room}/groups"),
            &[("name", "Buyers")],
        )
        .await;
    let group: String = location_of(&group_created)
        .unwrap()
        .split("group=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    app.submit(
        "/admin/rooms",
        &format!("/admin/rooms/{room}/groups/{group}/members"),
        &[("email", "member@example.com")],
    )
    .await;
    let phone_page = format!("/admin/rooms/{room}/rights/{member}?group={group}");
    app.submit(&phone_page, &phone_page, &[("phone", ROOM_PHONE)])
        .await;

    // Signed out: nginx sends the browser to the room, on the same host, with where it was
    // going.
    let (browser, _) = app.new_browser();
    let document = format!("{proxied}/files/report.pdf?page=2");
    let denied = browser.get(&document).send().await.unwrap();
    assert_eq!(denied.status().as_u16(), 302);
    let to_room = location_of(&denied).unwrap();
    assert_eq!(to_room, format!("{proxied}/rooms/{room}?rd={document}"));
    // The room (the portal, through nginx) sends the browser to sign in, and back to itself
    // afterwards.
    let to_sign_in = location_of(&browser.get(&to_room).send().await.unwrap()).unwrap();
    assert!(
        to_sign_in.starts_with("/login?next=%2Frooms%2F"),
        "{to_sign_in}"
    );
    let form = browser
        .get(format!("{proxied}{to_sign_in}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let next: String = form
        .split(r#"name="next" value=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    let signed_in = submit_with(
        &browser,
        &proxied,
        &to_sign_in,
        "/login",
        &[
            ("email", "member@example.com"),
            ("password", GOOD_PASSWORD),
            ("next", &next),
        ],
    )
    .await;
    let back = location_of(&signed_in).unwrap();
    assert_eq!(
        format!("{proxied}{back}"),
        format!("{to_room}&after=form"),
        "back to the room, with where it was going (marked as the end of a form)"
    );
    // Signed in, still not in: the room asks for its code first.
    assert_eq!(status_of(&browser, &document).await, 302);
    let opened = browser.get(&to_room).send().await.unwrap();
    let step = location_of(&opened).unwrap();
    assert!(
        step.starts_with(&format!("/rooms/{room}/verify?rd=")),
        "{step}"
    );
    let code = app.sms.last_code_to(ROOM_PHONE);
    let passed = submit_with(&browser, &proxied, &step, &step, &[("code", &code)]).await;
    assert_eq!(
        location_of(&passed).as_deref(),
        Some(document.as_str()),
        "back to the document asked for"
    );
    let allowed = browser.get(&document).send().await.unwrap();
    assert_eq!(allowed.status().as_u16(), 200);
    assert_eq!(
        allowed.text().await.unwrap(),
        "the room's documents, for member@example.com"
    );
    // The return address cannot leave the room's application.
    let evil = browser
        .get(format!(
            "{proxied}/rooms/{room}?rd=http://127.0.0.1:1/steal"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(
        location_of(&evil).as_deref(),
        Some(format!("{proxied}/").as_str())
    );
    // Signed out: denied again.
    submit_with(&browser, &proxied, "/account/security", "/logout", &[]).await;
    assert_eq!(status_of(&browser, &document).await, 302);
    // A platform administrator who is not a member is not let in.
    assert_eq!(status_of(&app.client, &document).await, 302);
    // A member who owes 2-step set-up: nginx sends them to the room (which sends them on to
    // set-up), not to an error page.
    save_platform_settings(&app, "required", "").await;
    let (late, _) = app.new_browser();
    submit_with(
        &late,
        &proxied,
        "/login",
        "/login",
        &[("email", "member@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    let owed = late.get(&document).send().await.unwrap();
    assert_eq!(owed.status().as_u16(), 302);
    assert_eq!(location_of(&owed).as_deref(), Some(to_room.as_str()));
    assert_eq!(
        location_of(&late.get(&to_room).send().await.unwrap()).as_deref(),
        Some("/account/security/two-step")
    );
}

async fn status_of(browser: &reqwest::Client, url: &str) -> u16 {
    browser.get(url).send().await.unwrap().status().as_u16()
}

on_each_backend!(the_proxy_lets_in_only_after_the_rooms_code => behind_nginx_sqlite, behind_nginx_postgres);
