//! The page for an address. No page links to another, so the app needs no router: it
//! chooses the page when it starts, and again when the history moves within the page.

use crate::config::router_base;

/// A page of the app, with the value its address carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/media/{entry_id}`: the media page of one entry.
    Media { entry_id: String },
    /// `/guest/{token}`: the page a guest link opens.
    Guest { token: String },
    /// Any other address.
    NotFound,
}

/// Returns the page for `pathname`, an address path under the app's `base_path` ("/" or
/// "/guest-access/"). Segments are percent-decoded, and one trailing slash is allowed.
pub fn route(pathname: &str, base_path: &str) -> Route {
    let Some(rest) = pathname.strip_prefix(&router_base(base_path)) else {
        return Route::NotFound;
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let segments: Vec<&str> = rest.split('/').collect();
    match segments.as_slice() {
        ["", "media", entry_id] if !entry_id.is_empty() => Route::Media {
            entry_id: percent_decode(entry_id),
        },
        ["", "guest", token] if !token.is_empty() => Route::Guest {
            token: percent_decode(token),
        },
        _ => Route::NotFound,
    }
}

/// Decodes `%XX` escapes. A segment that does not decode to UTF-8 is kept as it is, so the
/// page can still name it.
fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| segment.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| segment.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media(entry_id: &str) -> Route {
        Route::Media {
            entry_id: entry_id.to_owned(),
        }
    }

    #[test]
    fn media_and_guest_paths() {
        assert_eq!(route("/media/1_demoroom", "/"), media("1_demoroom"));
        let guest = route("/guest/3f9c2a7b", "/");
        assert_eq!(
            guest,
            Route::Guest {
                token: "3f9c2a7b".to_owned()
            }
        );
    }

    #[test]
    fn trailing_slash_is_allowed() {
        assert_eq!(route("/media/1_demoroom/", "/"), media("1_demoroom"));
    }

    #[test]
    fn base_path_is_stripped() {
        assert_eq!(
            route("/guest-access/media/1_a", "/guest-access/"),
            media("1_a")
        );
        assert_eq!(route("/media/1_a", "/guest-access/"), Route::NotFound);
    }

    #[test]
    fn other_paths_are_not_found() {
        for path in [
            "/",
            "",
            "/media",
            "/media/",
            "/media//",
            "/guest/a/b",
            "/gallery",
            "/x/1",
        ] {
            assert_eq!(route(path, "/"), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn segments_are_percent_decoded() {
        assert_eq!(route("/media/1_room%20one", "/"), media("1_room one"));
        assert_eq!(route("/media/a%2Fb", "/"), media("a/b"));
        assert_eq!(route("/media/%D7%97", "/"), media("ח"));
    }

    #[test]
    fn broken_escapes_stay_as_typed() {
        assert_eq!(route("/media/100%", "/"), media("100%"));
        assert_eq!(route("/media/%zz", "/"), media("%zz"));
        assert_eq!(route("/media/%FF", "/"), media("%FF"));
    }
}
