//! The command layer, the UI's typed API and the UI tests' fake backend name the same set of
//! commands: a command nothing calls, or a call nothing answers, fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends with one of `endings`.
fn files(dir: &Path, endings: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, endings, out);
        } else if endings.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            out.push(path);
        }
    }
}

/// The quoted names that follow `marker` in `text`, e.g. `call<T>('name'` or `case 'name':`.
fn quoted_after(text: &str, marker: &str, names: &mut BTreeSet<String>) {
    for (at, _) in text.match_indices(marker) {
        let rest = &text[at + marker.len()..];
        let Some(open) = rest.find('\'') else { continue };
        // Only a quote right after the marker's own arguments counts (`call<Foo[]>('x'`), on
        // the same line or the next (a formatter may break `.answer(` before the name).
        if rest[..open].trim().contains(['\n', ';', ')']) {
            continue;
        }
        let name: String = rest[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() && rest[open + 1 + name.len()..].starts_with('\'') {
            names.insert(name);
        }
    }
}

/// The commands registered with Tauri, from `generate_handler![...]` in commands/mod.rs.
fn registered() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("src-tauri/commands/mod.rs")).unwrap();
    let start = text
        .find("generate_handler![")
        .expect("commands/mod.rs registers its commands");
    let end = start + text[start..].find(']').unwrap();
    text[start..end]
        .split(',')
        .filter_map(|entry| entry.trim().rsplit("::").next())
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

/// The UI's sources (`tests == false`) or its tests' fakes (`tests == true`), each with its text.
fn sources(tests: bool) -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    files(&root().join("ui/src"), &[".ts", ".svelte"], &mut paths);
    paths
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("/tests/") == tests)
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

fn named(sources: &[(PathBuf, String)], markers: &[&str]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (_, text) in sources {
        for marker in markers {
            quoted_after(text, marker, &mut names);
        }
    }
    names
}

/// The typed API's wrappers (`export const name = (...) => call<...>(...)`) that no screen uses.
fn unused_wrappers(sources: &[(PathBuf, String)]) -> Vec<String> {
    let mut unused = Vec::new();
    for (path, text) in sources.iter().filter(|(p, _)| p.to_string_lossy().contains("/lib/api")) {
        for line in text.lines().filter(|l| l.starts_with("export const ")) {
            let name: String = line["export const ".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let used = sources.iter().any(|(other, text)| {
                other != path
                    && text.match_indices(name.as_str()).any(|(at, _)| {
                        let before = text[..at].chars().next_back();
                        let after = text[at + name.len()..].chars().next();
                        !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                            && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                    })
            });
            if !used {
                unused.push(name);
            }
        }
    }
    unused
}

fn difference(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Vec<String> {
    a.difference(b).cloned().collect()
}

#[test]
fn commands_api_and_fake_backend_name_the_same_commands() {
    let commands = registered();
    let ui = sources(false);
    let fakes = sources(true);
    let api = named(&ui, &["call<", "call("]);
    let fake = named(&fakes, &["case ", "answer("]);
    assert!(commands.len() > 50, "found {} commands", commands.len());
    let missing_in_api = difference(&commands, &api);
    let unknown_in_api = difference(&api, &commands);
    assert!(
        missing_in_api.is_empty() && unknown_in_api.is_empty(),
        "the UI's API and commands/mod.rs differ: registered but never called {missing_in_api:?}, \
         called but not registered {unknown_in_api:?}"
    );
    let unused = unused_wrappers(&ui);
    assert!(unused.is_empty(), "API wrappers no screen calls: {unused:?}");
    let missing_in_fake = difference(&commands, &fake);
    let unknown_in_fake = difference(&fake, &commands);
    assert!(
        missing_in_fake.is_empty() && unknown_in_fake.is_empty(),
        "the fake backend and commands/mod.rs differ: not answered by the fake {missing_in_fake:?}, \
         answered but not a command {unknown_in_fake:?}"
    );
}
