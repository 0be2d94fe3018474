//! Moves Trunk's inline loader script out of `index.html` into a file of its own, so the
//! app runs under a Content Security Policy whose `script-src` has no `'unsafe-inline'`.

use std::fs;
use std::path::Path;

const OPENING_TAG: &str = "<script type=\"module\">";
const CLOSING_TAG: &str = "</script>";

/// Moves the inline module script of `dist/index.html` into `dist/loader-<hash>.js` and
/// loads it from there. The file name changes with the content, so it can be cached for
/// good like Trunk's other hashed files. Fails when any other inline script remains.
pub fn externalize_loader(dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let html = fs::read_to_string(&index_path)
        .map_err(|error| format!("cannot read {}: {error}", index_path.display()))?;
    let Some((rewritten, loader_name, loader)) = rewrite(&html)? else {
        return Ok(());
    };
    let loader_path = dist.join(&loader_name);
    fs::write(&loader_path, loader)
        .map_err(|error| format!("cannot write {}: {error}", loader_path.display()))?;
    fs::write(&index_path, rewritten)
        .map_err(|error| format!("cannot write {}: {error}", index_path.display()))
}

/// Returns the page with its inline module script replaced by a reference to a file, the
/// file's name and its content, or `None` when the page has no inline script.
fn rewrite(html: &str) -> Result<Option<(String, String, String)>, String> {
    let Some(start) = html.find(OPENING_TAG) else {
        return check_no_inline_script(html).map(|()| None);
    };
    let content_start = start + OPENING_TAG.len();
    let content_end = html[content_start..]
        .find(CLOSING_TAG)
        .map(|offset| content_start + offset)
        .ok_or("index.html has an unclosed <script> element")?;
    let loader = html[content_start..content_end].trim().to_owned() + "\n";
    let name = format!("loader-{:016x}.js", fnv1a(loader.as_bytes()));
    let src = format!("{}{name}", base_href(html).unwrap_or("/"));
    let tag = format!("<script type=\"module\" src=\"{src}\"></script>");
    let rewritten = format!(
        "{}{tag}{}",
        &html[..start],
        &html[content_end + CLOSING_TAG.len()..]
    );
    check_no_inline_script(&rewritten)?;
    Ok(Some((rewritten, name, loader)))
}

/// Returns the `href` of the page's `<base>` element, which Trunk writes from `public_url`.
fn base_href(html: &str) -> Option<&str> {
    let tag_start = html.find("<base ")?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let value_start = tag.find("href=\"")? + "href=\"".len();
    let value_end = value_start + tag[value_start..].find('"')?;
    Some(&tag[value_start..value_end])
}

fn check_no_inline_script(html: &str) -> Result<(), String> {
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_end = rest[start..]
            .find('>')
            .ok_or("index.html has an unclosed <script> tag")?;
        let tag = &rest[start..start + tag_end];
        if !tag.contains(" src=") {
            return Err(format!(
                "index.html has an inline script ({tag}>) that the Content Security Policy \
                 would block"
            ));
        }
        rest = &rest[start + tag_end..];
    }
    Ok(())
}

/// 64-bit FNV-1a, enough to give each loader content its own file name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><base href=\"/app/\" />\n<script type=\"module\">\n\
                        import init from '/app/glue.js';\nawait init();\n</script>\n\
                        <link rel=\"stylesheet\" href=\"/app/main.css\"/></head></html>";

    #[test]
    fn inline_loader_moves_to_file() {
        let (html, name, loader) = rewrite(PAGE).unwrap().unwrap();

        assert!(
            name.starts_with("loader-") && name.ends_with(".js"),
            "{name}"
        );
        assert_eq!(loader, "import init from '/app/glue.js';\nawait init();\n");
        assert!(html.contains(&format!(
            "<script type=\"module\" src=\"/app/{name}\"></script>"
        )));
        assert!(!html.contains("await init()"));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/app/main.css\"/>"));
    }

    #[test]
    fn name_follows_content() {
        let (_, first, _) = rewrite(PAGE).unwrap().unwrap();
        let (_, second, _) = rewrite(&PAGE.replace("init()", "init({})"))
            .unwrap()
            .unwrap();
        assert_ne!(first, second);
    }

    #[test]
    fn page_without_inline_script_is_kept() {
        let page = "<html><head><script type=\"module\" src=\"/loader.js\"></script></head></html>";
        assert_eq!(rewrite(page), Ok(None));
    }

    #[test]
    fn other_inline_script_fails() {
        let page = PAGE.replace("</head>", "<script>alert(1)</script></head>");
        assert!(rewrite(&page).unwrap_err().contains("inline script"));
    }
}
