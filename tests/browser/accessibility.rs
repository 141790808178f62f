//! The accessibility check every journey runs on each page and state it reaches: axe-core
//! (WCAG 2.2 A and AA, and axe's best practices) at 1280 px and at 375 px wide, and no page
//! wider than a 375 px screen; and, what axe cannot judge, how keyboard focus shows.
//!
//! axe-core comes from the npm registry, pinned in `tests/browser/package-lock.json`;
//! `.ci/run` installs it with `npm ci --prefix tests/browser`. Without it the check says
//! SKIPPED loudly and passes, unless TWOSTEP_REQUIRE_BROWSER is set.

use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};

use fantoccini::Client;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::Value;
use twostep::domain::language::Language;

const AXE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/browser/node_modules/axe-core/axe.min.js"
);

/// The widths every state is checked at: a desktop and a small phone.
const WIDTHS: [u32; 2] = [1280, 375];
const HEIGHT: u32 = 900;

/// The rule sets axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and best practice.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  resultTypes: ['violations'],
}).then(
  (results) => done({ violations: results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  })) }),
  (error) => done({ error: String(error) }),
);
"#;

/// How wide the page is against the window, and what sticks out past its right edge.
const MEASURE_WIDTH: &str = r#"
const width = window.innerWidth;
const outside = [];
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.right > width + 0.5 && box.width > 0) {
    const id = element.id ? '#' + element.id : '';
    const classes = element.classList.length ? '.' + [...element.classList].join('.') : '';
    outside.push(element.tagName.toLowerCase() + id + classes + ' (right edge at ' + Math.round(box.right) + ' px)');
  }
}
return {
  scroll_width: document.documentElement.scrollWidth,
  inner_width: width,
  outside: outside.slice(0, 10),
};
"#;

/// The window title and the page's one heading, to compare.
const TITLE_AND_HEADING: &str = r#"
const headings = document.querySelectorAll('h1');
return {
  title: document.title,
  headings: headings.length,
  heading: headings.length ? headings[0].textContent.trim() : null,
};
"#;

/// The fields and lists whose border is all that shows where they are, each with its
/// border's contrast against the colour around it, lowest first (WCAG 1.4.11 asks 3:1).
/// Checkboxes and radio buttons are drawn by the browser, not by their border.
const BORDER_CONTRAST: &str = r#"
const parse = (text) => {
  const m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const [r, g, b, a] = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
  return { r, g, b, a: a === undefined ? 1 : a };
};
const over = (top, under) => ({
  r: top.r * top.a + under.r * (1 - top.a),
  g: top.g * top.a + under.g * (1 - top.a),
  b: top.b * top.a + under.b * (1 - top.a),
  a: 1,
});
const luminance = ({ r, g, b }) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const contrast = (x, y) => {
  const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (light + 0.05) / (dark + 0.05);
};
// The colour behind an element: the backgrounds of its ancestors, over white.
const behind = (element) => {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const colour = parse(getComputedStyle(e).backgroundColor);
    if (colour && colour.a > 0) layers.push(colour);
    if (colour && colour.a >= 1) break;
  }
  return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
};
const controls = document.querySelectorAll(
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]), select, textarea');
const measured = [];
for (const control of controls) {
  if (!control.getClientRects().length) continue;
  const style = getComputedStyle(control);
  const outside = behind(control.parentElement);
  const border = over(parse(style.borderTopColor) || { r: 0, g: 0, b: 0, a: 0 }, outside);
  const id = control.id ? '#' + control.id : '';
  measured.push({
    name: control.tagName.toLowerCase() + id,
    width: parseFloat(style.borderTopWidth),
    ratio: Math.round(contrast(border, outside) * 100) / 100,
  });
}
return measured.sort((p, q) => p.ratio - q.ratio);
"#;

/// The names of the states checked so far by every journey in this run.
static CHECKED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// axe-core's source, or `None` (said loudly once) when it is not installed and not
/// required.
fn axe_source() -> Option<&'static str> {
    static SOURCE: OnceLock<Option<String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| match std::fs::read_to_string(AXE) {
            Ok(source) => Some(source),
            Err(err) => {
                assert!(
                    std::env::var("TWOSTEP_REQUIRE_BROWSER").is_err(),
                    "TWOSTEP_REQUIRE_BROWSER is set but axe-core is missing ({AXE}: {err}); \
                     install it with `npm ci --prefix tests/browser`"
                );
                eprintln!(
                    "\n*** SKIPPED accessibility check: axe-core not installed (npm ci --prefix tests/browser) ***\n"
                );
                None
            }
        })
        .as_deref()
}

/// Checks the page the browser shows now, named `state` in the failure message: axe
/// finds no violation at 1280 px nor at 375 px, at 375 px nothing is wider than the
/// screen, the page names its icon, and every field's border stands 3:1 against the colour
/// around it. The window is back at 1280 px afterwards. Panics listing every violation.
pub async fn check_page(client: &Client, state: &str) {
    let Some(axe) = axe_source() else {
        return;
    };
    let url = client.current_url().await.unwrap();
    let mut problems = Vec::new();
    let has_icon = client
        .execute(
            "return document.querySelector('link[rel~=icon]') !== null;",
            Vec::new(),
        )
        .await
        .unwrap();
    if has_icon != Value::Bool(true) {
        problems.push(
            "  the page names no icon: browsers ask for /favicon.ico, a 404 on every page".into(),
        );
    }
    // The tab and the history name the page as its heading does, with "Error: " first
    // when the page shows an error summary (GOV.UK's pattern), in the page's language.
    let named = client.execute(TITLE_AND_HEADING, Vec::new()).await.unwrap();
    let title = named["title"].as_str().unwrap_or_default();
    match named["heading"].as_str() {
        Some(heading) if named["headings"] == 1 => {
            let page_title = Language::ALL
                .into_iter()
                .find_map(|language| {
                    title.strip_prefix(&format!("{} ", language.t("error-prefix")))
                })
                .unwrap_or(title);
            if page_title.split(" · ").next() != Some(heading) {
                problems.push(format!(
                    "  the title \"{title}\" does not start with the heading \"{heading}\""
                ));
            }
        }
        _ => problems.push(format!(
            "  the page has {} h1 headings, not one",
            named["headings"]
        )),
    }
    let borders = client.execute(BORDER_CONTRAST, Vec::new()).await.unwrap();
    for control in borders.as_array().unwrap() {
        let ratio = control["ratio"].as_f64().unwrap_or_default();
        if ratio < 3.0 || control["width"].as_f64().unwrap_or_default() < 1.0 {
            problems.push(format!(
                "  the border of {} is {} px at {ratio}:1 against the colour around it, under 3:1",
                control["name"].as_str().unwrap_or_default(),
                control["width"],
            ));
        }
    }
    for width in WIDTHS {
        set_width(client, width).await;
        let loaded = client
            .execute("return typeof window.axe !== 'undefined';", Vec::new())
            .await
            .unwrap();
        if loaded != Value::Bool(true) {
            client.execute(axe, Vec::new()).await.unwrap();
        }
        let result = client.execute_async(RUN_AXE, Vec::new()).await.unwrap();
        if let Some(error) = result.get("error") {
            panic!("axe-core failed on {state} ({url}) at {width} px: {error}");
        }
        for violation in result["violations"].as_array().unwrap() {
            problems.push(format!(
                "  at {width} px: {} ({}): {}\n{}",
                violation["id"].as_str().unwrap_or_default(),
                violation["impact"].as_str().unwrap_or("no impact given"),
                violation["help"].as_str().unwrap_or_default(),
                violation["targets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|target| format!("      {}", target.as_str().unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ));
        }
        if width < 400 {
            // The header keeps to one line: the name and "Menu" (or "Sign in").
            let header = client
                .execute(
                    "const h = document.querySelector('header.site'); \
                     return h ? h.getBoundingClientRect().height : 0;",
                    Vec::new(),
                )
                .await
                .unwrap()
                .as_f64()
                .unwrap_or_default();
            if header > 64.0 {
                problems.push(format!(
                    "  at {width} px: the header is {header} px tall: it wraps onto more than one line"
                ));
            }
            let measured = client.execute(MEASURE_WIDTH, Vec::new()).await.unwrap();
            let scroll_width = measured["scroll_width"].as_u64().unwrap();
            let inner_width = measured["inner_width"].as_u64().unwrap();
            if scroll_width > inner_width {
                problems.push(format!(
                    "  at {width} px: the page is {scroll_width} px wide, wider than the {inner_width} px window; sticking out:\n{}",
                    measured["outside"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|element| format!("      {}", element.as_str().unwrap_or_default()))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ));
            }
        }
    }
    set_width(client, WIDTHS[0]).await;
    assert!(
        problems.is_empty(),
        "accessibility: {} problem(s) on {state} ({url}):\n{}",
        problems.len(),
        problems.join("\n")
    );
    let mut checked = CHECKED.lock().unwrap();
    checked.insert(state.to_owned());
    eprintln!(
        "accessibility: {state}: no violation at {} px ({} states checked so far)",
        WIDTHS.map(|w| w.to_string()).join(" and "),
        checked.len()
    );
}

/// Makes the page `width` CSS pixels wide: the window is sized, then corrected by what the
/// page reports, since window chrome may take some of it.
async fn set_width(client: &Client, width: u32) {
    let mut outer = i64::from(width);
    for _ in 0..3 {
        let size = u32::try_from(outer).expect("a window size");
        client.set_window_size(size, HEIGHT).await.unwrap();
        let inner = client
            .execute("return window.innerWidth;", Vec::new())
            .await
            .unwrap()
            .as_i64()
            .unwrap();
        if inner == i64::from(width) {
            return;
        }
        outer += i64::from(width) - inner;
    }
    panic!("the browser window cannot be made {width} px wide");
}

/// How the focused element shows focus, or `null` once focus has left the page's controls.
const FOCUS_STYLE: &str = r#"
const element = document.activeElement;
if (!element || element === document.body) { return null; }
const style = getComputedStyle(element);
const id = element.id ? '#' + element.id : '';
const text = (element.innerText || element.value || element.name || '').trim().slice(0, 40);
return {
  position: [...document.querySelectorAll('*')].indexOf(element),
  name: element.tagName.toLowerCase() + id + ' "' + text + '"',
  yellow_outline: style.outlineStyle === 'solid' && style.outlineWidth === '3px'
    && style.outlineColor === 'rgb(255, 221, 0)',
  yellow_background: style.backgroundColor === 'rgb(255, 221, 0)',
  dark_ring: style.boxShadow.includes('rgb(11, 12, 12)'),
};
"#;

/// Tabs through every control of the page the browser shows, named `state`, as a keyboard
/// user does: each must show focus yellow with a dark ring (WCAG 1.4.11 and 2.4.7). axe
/// cannot judge focus; this can. Panics listing the controls that show it otherwise.
pub async fn check_keyboard_focus(client: &Client, state: &str) {
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for _ in 0..100 {
        let tab = KeyActions::new("keyboard".into())
            .then(KeyAction::Down {
                value: Key::Tab.into(),
            })
            .then(KeyAction::Up {
                value: Key::Tab.into(),
            });
        client.perform_actions(tab).await.unwrap();
        let focused = client.execute(FOCUS_STYLE, Vec::new()).await.unwrap();
        if focused.is_null() {
            break;
        }
        // Tab wraps round to the first control: the page has been gone through.
        if !seen.insert(focused["position"].as_u64().unwrap()) {
            break;
        }
        let name = focused["name"].as_str().unwrap();
        let yellow = focused["yellow_outline"] == Value::Bool(true)
            || focused["yellow_background"] == Value::Bool(true);
        if !yellow || focused["dark_ring"] != Value::Bool(true) {
            problems.push(format!("  {name}: {focused}"));
        }
    }
    assert!(
        seen.len() > 1,
        "Tab reached no control on {state}: is the page loaded?"
    );
    assert!(
        problems.is_empty(),
        "focus is not yellow with a dark ring on {state} for:\n{}",
        problems.join("\n")
    );
    eprintln!(
        "accessibility: {state}: {} controls show keyboard focus",
        seen.len()
    );
}
