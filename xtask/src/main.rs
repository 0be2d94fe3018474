//! Project tasks, run as `cargo xtask <task>`.
//!
//! Every task installs what it needs first, and each install step skips a tool that is
//! already present at the right version, so the tasks work on a fresh machine and stay
//! quick on a prepared one. Tools come only from the package registries (crates.io, npm,
//! Debian), never from a download that Trunk would make itself.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

mod loader;
mod sizes;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  demo [--port N]  build the app in release mode and serve it with the stand-in
                   on 127.0.0.1 (port 8080 by default)
  test             run every check: formatting, clippy (native and wasm32), unit
                   tests, component tests and end-to-end tests in headless Chromium
  build [--production]
                   build the release app into dist/ and the stand-in; with
                   --production, leave out the component gallery
  bench [--runs N] build the production app and print its first-load sizes, load
                   times against a hand-written page, and memory (10 runs by
                   default); see docs/performance.md
  setup            install the tool chain only";

const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const STANDIN_BINARY: &str = "target/release/guest-access-standin";
/// Build folder of the production app for the size budget and the benchmark.
const PRODUCTION_DIST: &str = "target/production";
/// The production app with the hand-written baseline page beside it, for the benchmark.
const BENCH_SITE: &str = "target/bench-site";
/// Files of the hand-written baseline page, copied into the benchmark's site only.
const BASELINE_FILES: [&str; 3] = ["baseline.html", "baseline.js", "baseline.css"];

/// A failed step, with the message to print.
type TaskResult = Result<(), String>;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = project_root();
    if let Err(error) = env::set_current_dir(&root) {
        eprintln!("cannot enter {}: {error}", root.display());
        exit(1);
    }
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo(&args[1..]),
        Some("test") => test(),
        Some("build") => build_task(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("setup") => setup(true),
        _ => {
            eprintln!("{USAGE}");
            exit(2);
        }
    };
    if let Err(message) = result {
        eprintln!("xtask: {message}");
        exit(1);
    }
}

fn project_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(manifest_dir)
}

fn demo(args: &[String]) -> TaskResult {
    let port = match args {
        [] => "8080".to_owned(),
        [flag, port] if flag == "--port" && port.parse::<u16>().is_ok() => port.clone(),
        _ => return Err(format!("invalid demo options {args:?}\n{USAGE}")),
    };
    setup(false)?;
    build(Build::Demo, "dist")?;
    step("Starting the stand-in");
    // The stand-in takes this process's place, so a signal to it reaches the server itself.
    let error = Command::new(STANDIN_BINARY)
        .args(["--port", &port, "--dist", "dist"])
        .exec();
    Err(format!("cannot start {STANDIN_BINARY}: {error}"))
}

fn build_task(args: &[String]) -> TaskResult {
    let build_kind = match args {
        [] => Build::Demo,
        [flag] if flag == "--production" => Build::Production,
        _ => return Err(format!("invalid build options {args:?}\n{USAGE}")),
    };
    setup(false)?;
    build(build_kind, "dist")
}

fn bench(args: &[String]) -> TaskResult {
    let runs = match args {
        [] => "10".to_owned(),
        [flag, runs] if flag == "--runs" && runs.parse::<u32>().is_ok_and(|runs| runs > 0) => {
            runs.clone()
        }
        _ => return Err(format!("invalid bench options {args:?}\n{USAGE}")),
    };
    setup(true)?;
    build(Build::Production, PRODUCTION_DIST)?;
    step("Putting the production app and the baseline page into one site");
    let site = Path::new(BENCH_SITE);
    copy_folder(Path::new(PRODUCTION_DIST), site)?;
    for name in BASELINE_FILES {
        copy_file(&Path::new("bench").join(name), &site.join(name))?;
    }
    run(Command::new("node").args(["xtask/precompress.mjs", BENCH_SITE]))?;
    step("Measuring the first load's files");
    let app = sizes::first_load(site, "index.html")?;
    println!(
        "{}\n",
        sizes::table("Guest and media pages (the same files)", &app)
    );
    let baseline = sizes::first_load(site, "baseline.html")?;
    println!("{}", sizes::table("Hand-written baseline page", &baseline));
    step("Measuring load times and memory in headless Chromium");
    run(npm_tool("node").args(["bench/run.mjs", "--site", BENCH_SITE, "--runs", &runs]))
}

/// Replaces `to` with a copy of the files directly in `from`.
fn copy_folder(from: &Path, to: &Path) -> TaskResult {
    if to.exists() {
        fs::remove_dir_all(to)
            .map_err(|error| format!("cannot empty {}: {error}", to.display()))?;
    }
    fs::create_dir_all(to).map_err(|error| format!("cannot create {}: {error}", to.display()))?;
    let entries =
        fs::read_dir(from).map_err(|error| format!("cannot read {}: {error}", from.display()))?;
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|kind| kind.is_file()) {
            copy_file(&entry.path(), &to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

fn copy_file(from: &Path, to: &Path) -> TaskResult {
    fs::copy(from, to).map(drop).map_err(|error| {
        format!(
            "cannot copy {} to {}: {error}",
            from.display(),
            to.display()
        )
    })
}

fn test() -> TaskResult {
    setup(true)?;
    step("Checking formatting");
    run(cargo().args(["fmt", "--all", "--check"]))?;
    step("Running clippy on the native target");
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("Running clippy on wasm32, with and without the gallery");
    let wasm_clippy = [
        "clippy",
        "--package",
        "guest-access-ui",
        "--target",
        WASM_TARGET,
    ];
    run(cargo()
        .args(wasm_clippy)
        .args(["--all-targets", "--", "-D", "warnings"]))?;
    run(cargo()
        .args(wasm_clippy)
        .args(["--no-default-features", "--", "-D", "warnings"]))?;
    step("Running unit tests");
    run(cargo().args(["test", "--workspace"]))?;
    step("Running component tests in headless Chromium");
    run(cargo()
        .args([
            "test",
            "--package",
            "guest-access-ui",
            "--target",
            WASM_TARGET,
        ])
        .args(["--test", "create_link_form"])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver"))?;
    build(Build::Production, PRODUCTION_DIST)?;
    step("Checking the size budget of the production build");
    sizes::check_budget(Path::new(PRODUCTION_DIST))?;
    build(Build::Demo, "dist")?;
    step("Running end-to-end tests in headless Chromium");
    run(npm_tool("npx").args(["playwright", "test"]))
}

/// Kind of release build of the app.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Build {
    /// With the component gallery, for the demo and the tests.
    Demo,
    /// Without the component gallery (`--no-default-features`).
    Production,
}

/// Builds the stand-in, and the release app into the folder `dist`.
fn build(kind: Build, dist: &str) -> TaskResult {
    step("Building the stand-in");
    run(cargo().args(["build", "--release", "--package", "guest-access-standin"]))?;
    step("Building the app in release mode");
    run(cargo().args(["fetch"]))?;
    let mut trunk = npm_tool("trunk");
    trunk.args(["build", "--release", "--offline", "--dist", dist]);
    if kind == Build::Production {
        trunk.arg("--no-default-features");
    }
    run(&mut trunk)?;
    if kind == Build::Production {
        // Trunk copies the gallery's style sheet whatever the features; nothing loads it.
        let _ = fs::remove_file(Path::new(dist).join("gallery.css"));
    }
    loader::externalize_loader(Path::new(dist))?;
    step("Writing brotli and gzip copies of the app's files");
    run(Command::new("node").args(["xtask/precompress.mjs", dist]))
}

/// Installs the tool chain; `browser` adds Chromium for the end-to-end tests.
fn setup(browser: bool) -> TaskResult {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    let bindgen_version = locked_version("wasm-bindgen")?;
    // Its own lock file pins a crate the registry no longer has, so no --locked here.
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen_version, false)?;
    ensure_npm_packages()?;
    if browser {
        ensure_chromium()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> TaskResult {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    step("Adding the wasm32 target");
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_cargo_tool(binary: &str, package: &str, version: &str, locked: bool) -> TaskResult {
    let found = output(Command::new(binary).arg("--version")).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    step(&format!(
        "Installing {package} {version} from crates.io (takes minutes once)"
    ));
    let mut install = cargo();
    install.args(["install", package, "--version", version, "--force"]);
    if locked {
        install.arg("--locked");
    }
    run(&mut install)
}

/// Reads the version of `package` from `Cargo.lock`.
fn locked_version(package: &str) -> Result<String, String> {
    let lock = fs::read_to_string("Cargo.lock").map_err(|error| format!("Cargo.lock: {error}"))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            let version = lines
                .next()
                .and_then(|line| line.strip_prefix("version = \""));
            if let Some(version) = version.and_then(|rest| rest.strip_suffix('"')) {
                return Ok(version.to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// Installs Playwright and binaryen's wasm-opt from npm, unless `npm ci` already ran
/// against the current lock file.
fn ensure_npm_packages() -> TaskResult {
    let installed = Path::new("node_modules/.package-lock.json");
    if is_newer(installed, Path::new("package-lock.json")) {
        return Ok(());
    }
    step("Installing npm packages (Playwright, binaryen)");
    run(npm_tool("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn ensure_chromium() -> TaskResult {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    step("Installing Chromium from Debian");
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get").args(["install", "-y", "chromium", "chromium-driver"]))
}

fn is_newer(path: &Path, than: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|meta| meta.modified()).ok();
    match (modified(path), modified(than)) {
        (Some(left), Some(right)) => left >= right,
        _ => false,
    }
}

fn cargo() -> Command {
    Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Creates a command that finds npm-installed tools (wasm-opt, playwright) first on `PATH`, never
/// downloads a browser, and skips Trunk's update check.
fn npm_tool(program: &str) -> Command {
    let mut path = OsString::new();
    if let Ok(bin) = Path::new("node_modules/.bin").canonicalize() {
        path.push(bin);
        path.push(":");
    }
    path.push(env::var_os("PATH").unwrap_or_default());
    let mut command = Command::new(program);
    command
        .env("PATH", path)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    command
}

fn step(message: &str) {
    println!("==> {message}");
}

fn run(command: &mut Command) -> TaskResult {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {command:?}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed with {status}"))
    }
}

fn output(command: &mut Command) -> Result<String, String> {
    let result = command
        .output()
        .map_err(|error| format!("cannot start {command:?}: {error}"))?;
    Ok(String::from_utf8_lossy(&result.stdout).into_owned())
}
