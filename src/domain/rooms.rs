//! Data rooms (PRODUCT.md, "Policy", rule 4): who may open a room now, and where a browser
//! may be sent back to in the room's application.

use url::Url;

use crate::domain::language::Language;

/// What one person is to one room, and what this session has done there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub member: bool,
    pub room_admin: bool,
    pub enforced: bool,
    /// The room's "Two-factor phone number" for this person, if the room admin set one.
    pub phone: Option<String>,
    /// When this person's membership of the room began (their earliest group in it that
    /// they are still in); `None` when they are in none of its groups.
    pub member_since: Option<i64>,
    /// This session passed the room's step (see [`pass_holds`]).
    pub verified: bool,
}

/// A room step passed at `passed_at` (Unix seconds) still holds when the person has been a
/// member since at least then: a member removed from the room and added again later owes
/// the step again, whatever their sessions remember.
pub fn pass_holds(passed_at: Option<i64>, member_since: Option<i64>) -> bool {
    passed_at.is_some_and(|at| member_since.is_none_or(|since| at >= since))
}

/// The query parameter that marks a room's address as the end of a form's submission
/// (signing in, accepting an invitation). Browsers apply the page's `form-action 'self'`
/// to every redirect of a submission, so the room cannot send such a browser on to its
/// application's origin: it shows a link to it instead.
pub const AFTER_A_FORM: &str = "after=form";

/// `path` (a room's address, with or without a query) marked with [`AFTER_A_FORM`].
pub fn after_a_form(path: &str) -> String {
    let joint = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joint}{AFTER_A_FORM}")
}

/// Whether the room opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Not a member nor a room administrator: the room is not theirs (platform
    /// administrators included: managing a room is not entering it).
    Denied,
    Open,
    /// A code sent to the room's number must be entered first.
    StepOwed {
        phone: String,
    },
}

/// Room administrators are never stepped; members are when the room enforces two-factor
/// authentication and has a number for them, until this session passes the step.
pub fn entry(standing: &Standing) -> Entry {
    if !standing.member && !standing.room_admin {
        return Entry::Denied;
    }
    match &standing.phone {
        Some(phone) if standing.enforced && !standing.room_admin && !standing.verified => {
            Entry::StepOwed {
                phone: phone.clone(),
            }
        }
        _ => Entry::Open,
    }
}

/// Why a typed application address is refused; `message_id` names the words
/// (`locales/*/rooms.ftl`).
#[derive(Debug, PartialEq, Eq)]
pub enum AppUrlProblem {
    NotAnAddress,
    NotWeb,
    NoHost,
    TooLong,
    Credentials,
}

impl AppUrlProblem {
    /// The refusal's message in the message files.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::NotAnAddress => "rooms-address-not-an-address",
            Self::NotWeb => "rooms-address-not-web",
            Self::NoHost => "rooms-address-no-host",
            Self::TooLong => "rooms-address-too-long",
            Self::Credentials => "rooms-address-credentials",
        }
    }

    /// The refusal in `language`, as the room form says it.
    pub fn say(&self, language: Language) -> String {
        language.t(self.message_id())
    }
}

/// The longest application address taken.
const APP_URL_MAX: usize = 2000;

/// The room application's address as typed: an absolute http(s) URL with a host, no
/// credentials and no fragment; empty is none.
pub fn normalise_app_url(typed: &str) -> Result<Option<Url>, AppUrlProblem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if typed.len() > APP_URL_MAX {
        return Err(AppUrlProblem::TooLong);
    }
    let url = Url::parse(typed).map_err(|_| AppUrlProblem::NotAnAddress)?;
    if !matches!(url.scheme(), "http" | "https") {
        // "docs.example.com:8080" parses with the scheme "docs.example.com": a host
        // without its scheme, not another kind of address.
        return Err(if typed.contains("://") {
            AppUrlProblem::NotWeb
        } else {
            AppUrlProblem::NotAnAddress
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(AppUrlProblem::NoHost);
    }
    if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
        return Err(AppUrlProblem::Credentials);
    }
    Ok(Some(url))
}

/// Where a browser may be sent back to after the room's step: only into the room's own
/// application (same scheme, host and port, and a path under the application's), never
/// anywhere else (no open redirect). Returns the address to use.
pub fn return_address(requested: &str, app: &Url) -> Option<Url> {
    let requested = requested.trim();
    // Only absolute addresses are taken: "//evil.example", "/\\evil" and the like are not.
    let url = Url::parse(requested).ok()?;
    if url.scheme() != app.scheme()
        || url.host_str() != app.host_str()
        || url.port_or_known_default() != app.port_or_known_default()
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return None;
    }
    let base = app.path().trim_end_matches('/');
    let path = url.path();
    let inside = path == base || path.starts_with(&format!("{base}/")) || base.is_empty();
    inside.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(
        member: bool,
        room_admin: bool,
        enforced: bool,
        phone: bool,
        verified: bool,
    ) -> Standing {
        Standing {
            member,
            room_admin,
            enforced,
            phone: phone.then(|| "+46701234567".to_owned()),
            member_since: member.then_some(100),
            verified,
        }
    }

    #[test]
    fn the_entry_table() {
        let step = Entry::StepOwed {
            phone: "+46701234567".into(),
        };
        #[rustfmt::skip]
        let cases = [
            // member, room admin, enforced, number set, verified => entry
            ((false, false, true, true, false), Entry::Denied),
            ((false, false, false, false, false), Entry::Denied),
            ((true, false, true, true, false), step.clone()),
            ((true, false, true, true, true), Entry::Open),
            ((true, false, true, false, false), Entry::Open),
            ((true, false, false, true, false), Entry::Open),
            ((true, true, true, true, false), Entry::Open),
            ((false, true, true, true, false), Entry::Open),
            ((false, true, false, false, false), Entry::Open),
        ];
        for ((member, admin, enforced, phone, verified), expected) in cases {
            assert_eq!(
                entry(&standing(member, admin, enforced, phone, verified)),
                expected,
                "member {member}, room admin {admin}, enforced {enforced}, number {phone}, verified {verified}"
            );
        }
    }

    #[test]
    fn application_addresses_are_whole_http_urls_without_credentials() {
        assert_eq!(
            normalise_app_url(" https://docs.example.com/room/ ")
                .unwrap()
                .unwrap()
                .as_str(),
            "https://docs.example.com/room/"
        );
        assert_eq!(normalise_app_url("").unwrap(), None);
        for (bad, problem) in [
            ("docs.example.com", AppUrlProblem::NotAnAddress),
            ("docs.example.com:8080/deal", AppUrlProblem::NotAnAddress),
            ("javascript:alert(1)", AppUrlProblem::NotAnAddress),
            ("/relative", AppUrlProblem::NotAnAddress),
            ("https://", AppUrlProblem::NotAnAddress),
            ("ftp://x.example", AppUrlProblem::NotWeb),
            ("file:///etc/passwd", AppUrlProblem::NotWeb),
        ] {
            assert_eq!(normalise_app_url(bad), Err(problem), "{bad}");
        }
        let long = format!("https://docs.example.com/{}", "a".repeat(2000));
        assert_eq!(normalise_app_url(&long), Err(AppUrlProblem::TooLong));
        for bad in [
            "https://user:pw@docs.example.com/",
            "https://docs.example.com/#x",
        ] {
            assert_eq!(
                normalise_app_url(bad),
                Err(AppUrlProblem::Credentials),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_pass_holds_only_for_a_membership_that_began_before_it() {
        assert!(pass_holds(Some(200), Some(100)));
        assert!(pass_holds(Some(100), Some(100)));
        // Removed and added again after the pass: the step is owed again.
        assert!(!pass_holds(Some(100), Some(200)));
        assert!(!pass_holds(None, Some(100)));
        // A room administrator in none of the room's groups.
        assert!(pass_holds(Some(100), None));
        assert!(!pass_holds(None, None));
    }

    #[test]
    fn the_end_of_a_form_is_marked_on_the_rooms_address() {
        assert_eq!(after_a_form("/rooms/4"), "/rooms/4?after=form");
        assert_eq!(
            after_a_form("/rooms/4?rd=https%3A%2F%2Fa.example%2F"),
            "/rooms/4?rd=https%3A%2F%2Fa.example%2F&after=form"
        );
    }

    #[test]
    fn a_return_address_never_leaves_the_application() {
        let app = Url::parse("https://docs.example.com/room").unwrap();
        for good in [
            "https://docs.example.com/room",
            "https://docs.example.com/room/",
            "https://docs.example.com/room/report.pdf?page=2",
            "https://docs.example.com:443/room/x",
        ] {
            assert!(return_address(good, &app).is_some(), "{good}");
        }
        for bad in [
            "https://evil.example/room",
            "https://docs.example.com.evil.example/room",
            "https://docs.example.com@evil.example/room",
            "https://user@docs.example.com/room",
            "http://docs.example.com/room",
            "https://docs.example.com:8443/room",
            "https://docs.example.com/roomy",
            "https://docs.example.com/other",
            "//evil.example/room",
            "/room",
            "javascript:alert(1)//docs.example.com/room",
            "https:/\\evil.example/room",
            "",
        ] {
            assert_eq!(return_address(bad, &app), None, "{bad}");
        }
        let whole_host = Url::parse("https://docs.example.com/").unwrap();
        assert!(return_address("https://docs.example.com/anything", &whole_host).is_some());
        assert!(return_address("https://docs.example.com.evil.example/", &whole_host).is_none());
    }
}

/// Properties of the room application's address and of the return addresses into it.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "https://",
        "http://",
        "//",
        "/",
        "\\",
        "app.example",
        "evil.example",
        ".",
        "@",
        ":",
        ":443",
        ":8443",
        "user:pw@",
        "/deal",
        "/deal/",
        "/dealer",
        "/..",
        "/%2e%2e",
        "%2F",
        "?",
        "#",
        "&rd=",
        "\t",
        "\n",
        " ",
        "é",
        "xn--",
        "[::1]",
        "javascript:",
        "APP.EXAMPLE",
    ];

    fn hostile_url() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|p| p.concat()),
            prop::collection::vec(prop::sample::select(PIECES), 0..8)
                .prop_map(|p| format!("https://app.example/deal{}", p.concat())),
            any::<String>(),
        ]
    }

    fn application() -> impl Strategy<Value = Url> {
        prop::sample::select(vec![
            "https://app.example/deal",
            "https://app.example/deal/",
            "https://app.example/",
            "http://app.example:8080/x/y",
        ])
        .prop_map(|app| Url::parse(app).unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn a_return_address_is_always_inside_the_application(
            requested in hostile_url(),
            app in application(),
        ) {
            if let Some(url) = return_address(&requested, &app) {
                prop_assert_eq!(url.origin(), app.origin(), "{}", requested);
                prop_assert!(url.username().is_empty() && url.password().is_none());
                let base = app.path().trim_end_matches('/');
                prop_assert!(
                    url.path() == base || url.path().starts_with(&format!("{base}/")),
                    "{} is outside {}", url, app
                );
                prop_assert!(!url.path().split('/').any(|s| s == ".." || s == "."));
                prop_assert!(
                    actix_web::http::header::HeaderValue::from_str(url.as_str()).is_ok(),
                    "{url} is no Location header"
                );
                prop_assert_eq!(return_address(url.as_str(), &app), Some(url.clone()));
            }
        }

        #[test]
        fn an_application_address_is_a_whole_http_url_without_credentials(typed in hostile_url()) {
            if let Ok(Some(url)) = normalise_app_url(&typed) {
                prop_assert!(matches!(url.scheme(), "http" | "https"));
                prop_assert!(url.host_str().is_some_and(|host| !host.is_empty()));
                prop_assert!(url.username().is_empty() && url.password().is_none());
                prop_assert!(url.fragment().is_none());
                prop_assert_eq!(normalise_app_url(url.as_str()), Ok(Some(url.clone())));
            }
        }
    }
}
