//! Choice of the language from the address and the browser's preferences.

use super::Locale;

/// Returns the language forced by `?lang=` in a query string such as "?lang=he&x=1".
pub fn preferred_from_query(search: &str) -> Option<Locale> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "lang")
        .and_then(|(_, value)| Locale::from_tag(value))
}

/// Chooses the language, and the locales that format dates and numbers.
///
/// A language forced by the address wins; otherwise the first of the browser's languages
/// that ships; otherwise English. The formatting locales are the browser's own tags of the
/// chosen language, in the browser's order, so an "en-GB" reader gets British dates.
pub fn negotiate(forced: Option<Locale>, browser_languages: &[String]) -> (Locale, Vec<String>) {
    let locale = forced
        .or_else(|| {
            browser_languages
                .iter()
                .find_map(|tag| Locale::from_tag(tag))
        })
        .unwrap_or_default();
    let format_locales = browser_languages
        .iter()
        .filter(|tag| Locale::from_tag(tag) == Some(locale) && is_plain_tag(tag))
        .cloned()
        .collect();
    (locale, format_locales)
}

/// Tells whether a tag is a language with an optional script and region ("zh-Hant-TW"),
/// which `Intl` always accepts; an invalid tag would make `Intl` throw.
fn is_plain_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut rest: Vec<&str> = parts.collect();
    if rest
        .first()
        .is_some_and(|script| script.len() == 4 && script.chars().all(|c| c.is_ascii_alphabetic()))
    {
        rest.remove(0);
    }
    match rest.as_slice() {
        [] => true,
        [region] => {
            (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
                || (region.len() == 3 && region.chars().all(|c| c.is_ascii_digit()))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|tag| (*tag).to_owned()).collect()
    }

    #[test]
    fn query_forces_a_shipped_language() {
        assert_eq!(preferred_from_query("?lang=he"), Some(Locale::He));
        assert_eq!(
            preferred_from_query("?theme=dark&lang=en"),
            Some(Locale::En)
        );
        assert_eq!(preferred_from_query("?lang=fr"), None);
        assert_eq!(preferred_from_query(""), None);
        assert_eq!(preferred_from_query("?language=he"), None);
    }

    #[test]
    fn browser_order_decides() {
        let (locale, formats) = negotiate(None, &tags(&["fr-FR", "he-IL", "en-US"]));
        assert_eq!(locale, Locale::He);
        assert_eq!(formats, tags(&["he-IL"]));
        let (locale, formats) = negotiate(None, &tags(&["en-GB", "he"]));
        assert_eq!(locale, Locale::En);
        assert_eq!(formats, tags(&["en-GB"]));
    }

    #[test]
    fn withdrawn_hebrew_code_counts() {
        assert_eq!(negotiate(None, &tags(&["iw"])).0, Locale::He);
    }

    #[test]
    fn english_is_the_fallback() {
        assert_eq!(negotiate(None, &tags(&["fr", "de"])), (Locale::En, vec![]));
        assert_eq!(negotiate(None, &[]), (Locale::En, vec![]));
    }

    #[test]
    fn query_beats_browser() {
        let (locale, formats) = negotiate(Some(Locale::En), &tags(&["he-IL", "en-AU"]));
        assert_eq!(locale, Locale::En);
        assert_eq!(formats, tags(&["en-AU"]));
    }

    #[test]
    fn odd_tags_are_not_passed_to_intl() {
        let (_, formats) = negotiate(
            None,
            &tags(&["en_US", "en--GB", "en-a", "en-GB", "en-Latn-US", "en-001"]),
        );
        assert_eq!(formats, tags(&["en-GB", "en-Latn-US", "en-001"]));
    }
}
