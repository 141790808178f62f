//! The shape of the source, held by a test so that a new area (the applications and
//! passkeys to come) keeps it: no module of `src/` reaches, through its `use`s, back to
//! itself; the page areas of `web/` do not import each other (what they share lives in
//! `web/` itself: `parts/`, `forms`, `session`…); and `web/mod.rs` is the router only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The page areas of `web/`: each a folder or a file of pages.
const AREAS: &[&str] = &[
    "account",
    "admin",
    "home",
    "invitation",
    "language",
    "login",
    "oauth2",
    "password_link",
    "register",
    "rooms",
    "secure_account",
    "setup",
];

/// Every module of `src/` by its path (`web::admin::users`), with its file.
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .filter_map(|file| {
            let relative = file.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_str().unwrap().to_owned())
                .collect();
            match parts.last().map(String::as_str) {
                Some("main") => return None,
                Some("lib") => parts.clear(),
                Some("mod") => {
                    parts.pop();
                }
                _ => {}
            }
            Some((parts.join("::"), file))
        })
        .collect()
}

/// The source a module is built from, without its tests.
fn code_of(file: &Path) -> String {
    let source = std::fs::read_to_string(file).unwrap();
    match source.find("#[cfg(test)]") {
        Some(tests) => source[..tests].to_owned(),
        None => source,
    }
}

/// The paths a module names: `crate::a::b::{c, d::e}` gives `a::b::c` and `a::b::d::e`,
/// and `super::…` is read from where the module stands.
fn named_paths(module: &str, code: &str) -> Vec<String> {
    let parent: Vec<&str> = {
        let mut parts: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
        parts.pop();
        parts
    };
    let mut paths = Vec::new();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent.join("::"))] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path = path.trim_end_matches(':');
            let join = |tail: &str| match (base.is_empty(), tail.is_empty()) {
                (true, _) => tail.to_owned(),
                (false, true) => base.clone(),
                (false, false) => format!("{base}::{tail}"),
            };
            let head = join(path);
            // A group: `…::{a, b::c}`.
            if rest[path.len()..].starts_with("::{") {
                let group = &rest[path.len() + 3..];
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for item in group.split(',') {
                    let item = item.split_whitespace().next().unwrap_or("");
                    if !item.is_empty() && item != "self" {
                        paths.push(format!("{head}::{item}"));
                    }
                }
            }
            paths.push(head);
        }
    }
    paths
}

/// The longest module a path names the start of.
fn module_of<'m>(path: &str, modules: &'m BTreeMap<String, PathBuf>) -> Option<&'m str> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find_map(|candidate| modules.get_key_value(&candidate).map(|(k, _)| k.as_str()))
}

/// Which modules each module uses.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    modules
        .iter()
        .map(|(module, file)| {
            let used = named_paths(module, &code_of(file))
                .iter()
                .filter_map(|path| module_of(path, &modules))
                .filter(|used| used != module)
                .map(str::to_owned)
                .collect();
            (module.clone(), used)
        })
        .collect()
}

/// The circles among modules: each strongly connected set of more than one.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, node: &'g str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            for next in self.graph.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.stack.contains(&next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut circle = Vec::new();
                while let Some(member) = self.stack.pop() {
                    circle.push(member.to_owned());
                    if member == node {
                        break;
                    }
                }
                if circle.len() > 1 {
                    circle.sort();
                    self.found.push(circle);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node.as_str()) {
            walk.visit(node);
        }
    }
    walk.found
}

/// The page area a module belongs to, if any.
fn area_of(module: &str) -> Option<&'static str> {
    let rest = module.strip_prefix("web::")?;
    let first = rest.split("::").next()?;
    AREAS.iter().copied().find(|area| *area == first)
}

#[test]
fn no_module_reaches_back_to_itself() {
    let found = circles(&uses());
    assert!(
        found.is_empty(),
        "modules that use each other, directly or through others: {found:#?}"
    );
}

#[test]
fn page_areas_do_not_import_each_other() {
    let mut crossings = Vec::new();
    for (module, used) in uses() {
        let Some(area) = area_of(&module) else {
            continue;
        };
        for other in used {
            if let Some(other_area) = area_of(&other)
                && other_area != area
            {
                crossings.push(format!("{module} uses {other}"));
            }
        }
    }
    assert!(
        crossings.is_empty(),
        "page areas share through web/, not through each other: {crossings:#?}"
    );
}

#[test]
fn the_web_module_is_the_router_only() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/mod.rs");
    let code = code_of(&file);
    let functions: Vec<&str> = code
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix("pub ").unwrap_or(line);
            let line = line.strip_prefix("async ").unwrap_or(line);
            line.strip_prefix("fn ")
        })
        .collect();
    assert!(
        functions.len() == 1 && functions[0].starts_with("routes("),
        "web/mod.rs declares its modules and routes them, nothing else: {functions:?}"
    );
    for item in ["struct ", "enum ", "const ", "static ", "impl "] {
        assert!(
            !code.lines().any(|l| l.trim_start().starts_with(item)
                || l.trim_start().starts_with(&format!("pub {item}"))),
            "web/mod.rs holds a {item}: shared state, responses and page parts have files of their own"
        );
    }
}

#[test]
fn the_check_sees_a_circle_and_a_crossing() {
    // The reader of the source is itself tested: a circle made of two names, and paths
    // read from `crate::` and `super::` groups.
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_owned(), ["b".to_owned()].into()),
        ("b".to_owned(), ["a".to_owned()].into()),
        ("c".to_owned(), ["a".to_owned()].into()),
    ]
    .into();
    assert_eq!(circles(&graph), vec![vec!["a".to_owned(), "b".to_owned()]]);
    let paths = named_paths(
        "web::admin::users",
        "use crate::web::{render, see_other};\nuse super::audit::EventRow;\nlet x = crate::domain::phone::mask(y);",
    );
    for expected in [
        "web::render",
        "web::see_other",
        "web::admin::audit::EventRow",
        "domain::phone::mask",
    ] {
        assert!(paths.iter().any(|p| p == expected), "{expected}: {paths:?}");
    }
    assert_eq!(area_of("web::admin::users"), Some("admin"));
    assert_eq!(area_of("web::session"), None);
}
