//! Source checks that keep user-supplied text out of markup, styles and navigation. No
//! view sets `innerHTML` or a `style`, and only the gallery writes addresses and moves its
//! preview frame, to addresses of its own catalogue. The product's one navigation, to an
//! admitted guest's session, goes through the allow-list check in `src/pages/guest.rs`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Returns every `.rs` file under `src/`, with its text.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(directory: &Path, found: &mut Vec<(PathBuf, String)>) {
        for entry in fs::read_dir(directory).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(found.len() > 20, "the sources were not found");
    found
}

/// Returns `file:line: text` for each line of code, comments left out, that contains one
/// of `needles`, in files that `in_scope` accepts.
fn lines_with(needles: &[&str], in_scope: impl Fn(&Path) -> bool) -> Vec<String> {
    let mut hits = Vec::new();
    for (path, text) in sources().iter().filter(|(path, _)| in_scope(path)) {
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if needles.iter().any(|needle| code.contains(needle)) {
                hits.push(format!(
                    "{}:{}: {}",
                    path.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    hits
}

#[test]
fn no_markup_from_strings() {
    let hits = lines_with(
        &[
            "inner_html",
            "innerHTML",
            "outer_html",
            "insert_adjacent_html",
        ],
        |_| true,
    );
    assert_eq!(hits, Vec::<String>::new());
}

#[test]
fn no_style_from_code() {
    let hits = lines_with(
        &[
            " style=",
            "prop:style",
            "style:",
            "set_attribute(\"style\"",
            ".style()",
        ],
        |_| true,
    );
    assert_eq!(hits, Vec::<String>::new());
}

fn outside_gallery(path: &Path) -> bool {
    !path.components().any(|part| part.as_os_str() == "gallery")
}

/// A fragment of the page itself, such as the error summary's link to a field's id, leads
/// nowhere else, so it is allowed.
#[test]
fn addresses_only_in_gallery() {
    let mut hits = lines_with(
        &[" href=", " src=", "set_href", "prop:href"],
        outside_gallery,
    );
    hits.retain(|line| !line.contains(" href=format!(\"#{"));
    assert_eq!(hits, Vec::<String>::new());
}

/// The gallery also moves its preview frame, to addresses of its own catalogue.
#[test]
fn one_checked_navigation() {
    let hits = lines_with(
        &[".assign(", ".replace(&", "set_href(", "open_with_url"],
        outside_gallery,
    );
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(hits[0].contains("src/pages/guest.rs"), "{hits:#?}");
    let guest_page =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pages/guest.rs"))
            .unwrap();
    assert!(guest_page.contains("join_target(url, config)"));
}
