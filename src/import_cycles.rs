//! The top-level modules import one another one way only: a test reads `src/` for each
//! `crate::X` a module's code names (comments and tests left out) and fails on a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Edges that still close a cycle, each to be taken away, never added to (none left: folding,
/// words and stems live in `words`, below lookup, the library and the warning signs).
const KNOWN: &[(&str, &str)] = &[];

/// Edges that must never be: the server runs the printing commands through `commands`, as
/// the command line does, never through the command line (whose function the binary hands
/// the server's start to); and `commands` knows neither that runs it.
const NEVER: &[(&str, &str)] = &[("serve", "cli"), ("commands", "cli"), ("commands", "serve")];

type Graph = BTreeMap<String, BTreeMap<String, String>>;

/// Each top-level module and the modules its code names, with one place that names each.
fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .filter_map(|l| l.strip_suffix(';'))
        .map(str::to_string)
        .collect();
    let mut graph = Graph::new();
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).expect("read src").map(|e| e.expect("entry").path()));
            continue;
        }
        let rel = path.strip_prefix(&src).expect("under src");
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_test = name == "tests.rs"
            || name.ends_with("_tests.rs")
            || rel.components().any(|c| c.as_os_str() == "tests");
        let Some(top) = rel.components().next().and_then(|c| c.as_os_str().to_str()) else { continue };
        let top = top.trim_end_matches(".rs");
        if is_test || !name.ends_with(".rs") || !modules.contains(top) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read a source file");
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for named in line.split("crate::").skip(1) {
                let named: String = named.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if named != top && modules.contains(&named) {
                    let place = format!("src/{}:{}", rel.display(), n + 1);
                    graph.entry(top.to_string()).or_default().entry(named).or_insert(place);
                }
            }
        }
    }
    graph
}

/// A cycle in `graph`, as the modules on it and the place that closes each step, if any.
fn a_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        at: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == at) {
            let mut cycle = path[start..].to_vec();
            cycle.push(at.to_string());
            return Some(cycle);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flat_map(BTreeMap::keys) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_top_level_modules_import_each_other_even_through_others() {
    let mut graph = graph();
    assert!(graph.contains_key("app") && graph.contains_key("ui"), "the modules were read: {graph:?}");
    for (from, to) in KNOWN {
        let removed = graph.get_mut(*from).and_then(|to_s| to_s.remove(*to));
        assert!(removed.is_some(), "{from} no longer names {to}: take it off the known edges");
    }
    if let Some(cycle) = a_cycle(&graph) {
        let steps: Vec<String> =
            cycle.windows(2).map(|w| format!("{} -> {} ({})", w[0], w[1], graph[&w[0]][&w[1]])).collect();
        panic!("an import cycle:\n{}", steps.join("\n"));
    }
}

#[test]
fn the_server_and_the_printing_commands_do_not_name_the_command_line() {
    let graph = graph();
    assert!(graph.contains_key("serve") && graph.contains_key("commands"), "the modules were read");
    for (from, to) in NEVER {
        let place = graph.get(*from).and_then(|to_s| to_s.get(*to));
        assert!(place.is_none(), "{from} names {to} ({})", place.map_or("", String::as_str));
    }
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    fn edge(graph: &mut Graph, a: &str, b: &str) {
        graph.entry(a.to_string()).or_default().insert(b.to_string(), String::new());
    }
    let mut graph = Graph::new();
    edge(&mut graph, "cli", "app");
    edge(&mut graph, "app", "strings");
    assert_eq!(a_cycle(&graph), None);
    edge(&mut graph, "strings", "cli");
    assert_eq!(a_cycle(&graph), Some(vec!["app".into(), "strings".into(), "cli".into(), "app".into()]));
}
