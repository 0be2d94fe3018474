//! Command line of the stand-in: `guest-access-standin [--host H] [--port N] [--dist DIR]`.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use guest_access_standin::{serve, StandIn};
use tokio::net::TcpListener;

const USAGE: &str = "usage: guest-access-standin [--host ADDRESS] [--port PORT] [--dist DIR]
  --host  address to bind, 127.0.0.1 by default
  --port  TCP port, 8080 by default; 0 picks a free port
  --dist  folder of the built app, dist by default";

struct Options {
    host: IpAddr,
    port: u16,
    dist: PathBuf,
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        host: IpAddr::from([127, 0, 0, 1]),
        port: 8080,
        dist: PathBuf::from("dist"),
    };
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(String::new());
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--host" => {
                options.host = value
                    .parse()
                    .map_err(|_| format!("invalid --host {value:?}"))?
            }
            "--port" => {
                options.port = value
                    .parse()
                    .map_err(|_| format!("invalid --port {value:?}"))?
            }
            "--dist" => options.dist = PathBuf::from(value),
            _ => return Err(format!("unknown option {flag:?}")),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt()
        .with_target(false)
        .with_ansi(colour)
        .init();
    let options = match parse_options(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if !options.dist.join("index.html").is_file() {
        tracing::warn!(dist = %options.dist.display(), "no index.html in the app folder: build the app first");
    }
    let listener = match TcpListener::bind((options.host, options.port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "cannot listen on {}:{}: {error}",
                options.host, options.port
            );
            return ExitCode::FAILURE;
        }
    };
    let origin = match listener.local_addr() {
        Ok(address) => format!("http://{address}"),
        Err(error) => {
            eprintln!("cannot read the bound address: {error}");
            return ExitCode::FAILURE;
        }
    };
    let standin = StandIn::new(&origin);
    print_urls(&standin, &origin, options.dist.join("gallery.css").exists());
    if let Err(error) = serve(listener, standin, options.dist).await {
        eprintln!("the stand-in stopped: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Prints where to start; the first line is what test harnesses wait for. Production
/// builds have no gallery, and `gallery.css` only comes with one.
fn print_urls(standin: &StandIn, origin: &str, has_gallery: bool) {
    let store = standin.store();
    let guest_link = store
        .links_of("1_demoroom")
        .next()
        .map(|link| store.link_url(link));
    println!("Stand-in listening on {origin}");
    println!("  Media page of the demo room: {origin}/media/1_demoroom");
    if let Some(url) = guest_link {
        println!("  Guest link of the demo room: {url}");
    }
    if has_gallery {
        println!("  Component gallery:           {origin}/gallery");
    }
    println!("Press Ctrl+C to stop.");
}
