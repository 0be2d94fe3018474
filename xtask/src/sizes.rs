//! Sizes of a page's first load, as the stand-in sends them: raw, gzip and brotli per file,
//! from a build folder with the `.gz` and `.br` copies that `precompress.mjs` writes.
//! The size budget of the production build is checked here.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Maximum bytes the guest page's first load may send with brotli, all files together.
/// Lower it whenever the build gets smaller, so a regression cannot hide in the gain.
pub const GUEST_FIRST_LOAD_BUDGET: u64 = 200_000;

/// One file of a first load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSize {
    /// Name inside the build folder.
    pub name: String,
    /// Bytes without compression.
    pub raw: u64,
    /// Bytes of the gzip copy, or `raw` when there is none.
    pub gzip: u64,
    /// Bytes of the brotli copy, or `raw` when there is none.
    pub brotli: u64,
}

/// Lists the files a browser fetches on its first visit to `page`: the page, and every
/// file of the folder that the page or one of those files names, found transitively.
///
/// Any mention counts, so a file that a script loads only on some path is included: the
/// list may be longer than a real load but never shorter.
pub fn first_load(folder: &Path, page: &str) -> Result<Vec<FileSize>, String> {
    let names = served_files(folder)?;
    let mut found = BTreeSet::from([page.to_owned()]);
    let mut pending = vec![page.to_owned()];
    while let Some(name) = pending.pop() {
        let Ok(text) = fs::read_to_string(folder.join(&name)) else {
            // A binary file, such as the wasm, names nothing.
            continue;
        };
        for other in &names {
            if text.contains(other.as_str()) && found.insert(other.clone()) {
                pending.push(other.clone());
            }
        }
    }
    found
        .into_iter()
        .map(|name| file_size(folder, &name))
        .collect()
}

/// Names of the files in `folder` that a browser can request: all but the compressed copies.
fn served_files(folder: &Path) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(folder)
        .map_err(|error| format!("cannot read {}: {error}", folder.display()))?;
    let mut names = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|kind| kind.is_file());
        if is_file && !name.ends_with(".br") && !name.ends_with(".gz") {
            names.push(name);
        }
    }
    Ok(names)
}

fn file_size(folder: &Path, name: &str) -> Result<FileSize, String> {
    let path = folder.join(name);
    let raw = fs::metadata(&path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?
        .len();
    let copy = |suffix: &str| {
        fs::metadata(folder.join(format!("{name}{suffix}"))).map_or(raw, |meta| meta.len())
    };
    Ok(FileSize {
        name: name.to_owned(),
        raw,
        gzip: copy(".gz"),
        brotli: copy(".br"),
    })
}

/// Returns a table of `files` with a total line, sizes in bytes.
pub fn table(title: &str, files: &[FileSize]) -> String {
    let mut lines = vec![format!(
        "{title}\n  {:<44} {:>9} {:>9} {:>9}",
        "file", "raw", "gzip", "brotli"
    )];
    for file in files {
        lines.push(format!(
            "  {:<44} {:>9} {:>9} {:>9}",
            file.name, file.raw, file.gzip, file.brotli
        ));
    }
    let total = |size: fn(&FileSize) -> u64| files.iter().map(size).sum::<u64>();
    lines.push(format!(
        "  {:<44} {:>9} {:>9} {:>9}",
        "total",
        total(|file| file.raw),
        total(|file| file.gzip),
        total(|file| file.brotli)
    ));
    lines.join("\n")
}

/// Checks the brotli total of the guest page's first load in the production build at
/// `folder` against [`GUEST_FIRST_LOAD_BUDGET`].
pub fn check_budget(folder: &Path) -> Result<(), String> {
    let files = first_load(folder, "index.html")?;
    let total: u64 = files.iter().map(|file| file.brotli).sum();
    println!("{}", table("Guest page, first load (bytes)", &files));
    if total > GUEST_FIRST_LOAD_BUDGET {
        return Err(format!(
            "the guest page's first load is {total} bytes with brotli, over the budget of \
             {GUEST_FIRST_LOAD_BUDGET} bytes in xtask/src/sizes.rs; make the build smaller"
        ));
    }
    println!(
        "Within budget: {total} of {GUEST_FIRST_LOAD_BUDGET} bytes with brotli ({} bytes to spare).",
        GUEST_FIRST_LOAD_BUDGET - total
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Creates a fresh folder under the system's temporary folder that contains `files`.
    fn folder_with(test: &str, files: &[(&str, &[u8])]) -> std::path::PathBuf {
        let folder =
            std::env::temp_dir().join(format!("xtask-sizes-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir_all(&folder).unwrap();
        for (name, content) in files {
            fs::write(folder.join(name), content).unwrap();
        }
        folder
    }

    #[test]
    fn first_load_follows_references() {
        let folder = folder_with(
            "follow",
            &[
                (
                    "index.html",
                    b"<script src=\"/loader-1.js\"></script><link href=\"/a-2.css\">",
                ),
                (
                    "loader-1.js",
                    b"import init from '/app-3.js'; init('/app-3_bg.wasm');",
                ),
                ("app-3.js", b"export default function init() {}"),
                ("app-3_bg.wasm", b"\0asm"),
                ("a-2.css", b"body {}"),
                ("gallery.css", b"never named"),
            ],
        );
        let names: Vec<String> = first_load(&folder, "index.html")
            .unwrap()
            .into_iter()
            .map(|file| file.name)
            .collect();
        assert_eq!(
            names,
            [
                "a-2.css",
                "app-3.js",
                "app-3_bg.wasm",
                "index.html",
                "loader-1.js"
            ]
        );
    }

    #[test]
    fn sizes_come_from_the_copies() {
        let folder = folder_with(
            "copies",
            &[
                ("index.html", b"0123456789"),
                ("index.html.gz", b"012345"),
                ("index.html.br", b"0123"),
            ],
        );
        let files = first_load(&folder, "index.html").unwrap();
        assert_eq!(
            files,
            [FileSize {
                name: "index.html".into(),
                raw: 10,
                gzip: 6,
                brotli: 4
            }]
        );
    }

    #[test]
    fn missing_copies_count_as_raw() {
        let folder = folder_with("raw", &[("index.html", b"tiny")]);
        let files = first_load(&folder, "index.html").unwrap();
        assert_eq!((files[0].gzip, files[0].brotli), (4, 4));
    }

    #[test]
    fn table_ends_with_totals() {
        let files = [
            FileSize {
                name: "a".into(),
                raw: 10,
                gzip: 5,
                brotli: 4,
            },
            FileSize {
                name: "b".into(),
                raw: 20,
                gzip: 8,
                brotli: 6,
            },
        ];
        let table = table("Page", &files);
        let last = table.lines().last().unwrap();
        assert_eq!(
            last.split_whitespace().collect::<Vec<_>>(),
            ["total", "30", "13", "10"]
        );
    }

    #[test]
    fn budget_rejects_a_large_load() {
        let big = vec![b'x'; GUEST_FIRST_LOAD_BUDGET as usize + 1];
        let folder = folder_with("budget", &[("index.html", &big)]);
        let error = check_budget(&folder).unwrap_err();
        assert!(error.contains("over the budget"), "{error}");
    }
}
