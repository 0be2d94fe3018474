use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::Entry;

use super::*;

fn message_ids(locale: Locale) -> BTreeSet<String> {
    catalogue::messages(locale)
        .iter()
        .map(|(id, _)| (*id).to_owned())
        .collect()
}

fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::En => include_str!("../../locales/en.ftl"),
        Locale::He => include_str!("../../locales/he.ftl"),
    }
}

/// Builds a `fluent-bundle` of a catalogue: the reference that the compiled tables and
/// [`text_with`] must agree with.
fn reference_bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source(locale).to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", locale.tag()));
    let mut bundle = FluentBundle::new(vec![locale.tag().parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(|value: &FluentValue, _: &_| match value {
        FluentValue::Number(number) => Some(crate::browser::format_number(number.value)),
        _ => None,
    }));
    bundle.add_resource(resource).unwrap();
    bundle
}

/// Formats message `id` with the reference implementation.
fn reference_text(bundle: &FluentBundle<FluentResource>, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, text.clone()),
            Arg::Number(number) => fluent_args.set(*name, *number),
        }
    }
    let pattern = bundle.get_message(id).and_then(|m| m.value()).unwrap();
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    assert!(errors.is_empty(), "{id}: {errors:?}");
    text.into_owned()
}

/// Ids passed to `tr!` or `text_around` anywhere in the app's source but this file.
fn ids_in_source() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let source = fs::read_to_string(&path).unwrap();
                for call in ["tr!(\"", "text_around(\""] {
                    for (index, _) in source.match_indices(call) {
                        // "include_str!(" also ends in "tr!(".
                        let before = source[..index].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let rest = &source[index + call.len()..];
                        ids.insert(rest[..rest.find('"').unwrap()].to_owned());
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn both_catalogues_have_the_same_messages() {
    let english = message_ids(Locale::En);
    let hebrew = message_ids(Locale::He);
    assert!(english.len() > 100, "only {} messages", english.len());
    let missing: Vec<_> = english.symmetric_difference(&hebrew).collect();
    assert!(missing.is_empty(), "in one catalogue only: {missing:?}");
}

#[test]
fn compiled_tables_contain_every_message() {
    for locale in Locale::ALL {
        let resource = FluentResource::try_new(source(locale).to_owned()).unwrap();
        let in_file: BTreeSet<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect();
        assert_eq!(in_file, message_ids(locale), "{}", locale.tag());
    }
}

#[test]
fn source_ids_match_catalogue() {
    let english = message_ids(Locale::En);
    let used = ids_in_source();
    let unknown: Vec<_> = used.difference(&english).collect();
    assert!(unknown.is_empty(), "not in the catalogue: {unknown:?}");
    let unused: Vec<_> = english.difference(&used).collect();
    assert!(unused.is_empty(), "never shown: {unused:?}");
}

#[test]
fn every_message_formats_without_errors() {
    let args = [
        ("name", Arg::from("Guest speakers")),
        ("title", Arg::from("Page")),
        ("detail", Arg::from("detail")),
        ("code", Arg::from("SOME_CODE")),
        ("status", Arg::from(500_u16)),
        ("max", Arg::from(3_u32)),
        ("min", Arg::from(1_u32)),
        ("count", Arg::from(2_usize)),
        ("used", Arg::from(3_u32)),
        ("limit", Arg::from(10_u32)),
    ];
    for locale in Locale::ALL {
        set_locale(locale, vec![]);
        let reference = reference_bundle(locale);
        for id in message_ids(locale) {
            let text = text_with(&id, &args);
            assert!(!text.trim().is_empty(), "{} {id} is empty", locale.tag());
            assert!(!text.contains("{$"), "{} {id}: {text}", locale.tag());
            assert_eq!(
                text,
                reference_text(&reference, &id, &args),
                "{} {id}",
                locale.tag()
            );
        }
    }
    set_locale(Locale::En, vec![]);
}

#[test]
fn plural_variants_match_the_reference() {
    for locale in Locale::ALL {
        set_locale(locale, vec![]);
        let reference = reference_bundle(locale);
        for number in 0..=120_u32 {
            for (id, name) in [("link-count", "count"), ("duration-small", "min")] {
                let args = [(name, Arg::from(number))];
                assert_eq!(
                    text_with(id, &args),
                    reference_text(&reference, id, &args),
                    "{} {id} {number}",
                    locale.tag()
                );
            }
        }
    }
    set_locale(Locale::En, vec![]);
}

#[test]
fn hebrew_fractions_take_the_singular() {
    // CLDR: in Hebrew, i = 0 with visible fraction digits is "one". In English it is "other".
    assert_eq!(catalogue::plural(Locale::He, 0.5), catalogue::Plural::One);
    assert_eq!(catalogue::plural(Locale::He, 1.5), catalogue::Plural::Other);
    assert_eq!(catalogue::plural(Locale::En, 0.5), catalogue::Plural::Other);
    assert_eq!(catalogue::plural(Locale::En, 1.0), catalogue::Plural::One);
}

#[test]
fn missing_argument_shows_its_name() {
    assert_eq!(text("copy-link"), "Copy link {$name}");
}

#[test]
fn english_plurals() {
    set_locale(Locale::En, vec![]);
    let count = |count: usize| tr!("link-count", count = count);
    assert_eq!(count(0), "No links added");
    assert_eq!(count(1), "1 link");
    assert_eq!(count(2), "2 links");
    assert_eq!(count(3), "3 links");
    assert_eq!(
        tr!("duration-small", min = 1_u32),
        "Duration must be at least 1 day"
    );
    assert_eq!(
        tr!("duration-small", min = 2_u32),
        "Duration must be at least 2 days"
    );
}

#[test]
fn hebrew_plurals() {
    set_locale(Locale::He, vec![]);
    let count = |count: usize| tr!("link-count", count = count);
    let texts = [count(0), count(1), count(2), count(3)];
    set_locale(Locale::En, vec![]);
    assert_eq!(texts[0], "לא נוספו קישורים");
    assert_eq!(texts[1], "קישור אחד");
    assert_eq!(texts[2], "שני קישורים");
    assert_eq!(texts[3], "3 קישורים");
}

#[test]
fn language_switch_rebuilds_the_texts() {
    set_locale(Locale::He, vec!["he-IL".into()]);
    let hebrew = tr!("cancel");
    assert_eq!(format_locales(), ["he-IL", "he"]);
    set_locale(Locale::En, vec![]);
    assert_eq!(hebrew, "ביטול");
    assert_eq!(tr!("cancel"), "Cancel");
    assert_eq!(format_locales(), ["en"]);
}

#[test]
fn text_around_cuts_at_the_placeable() {
    assert_eq!(
        text_around("waiting-as", "name"),
        ("You'll join as ".to_owned(), ".".to_owned())
    );
}

#[test]
fn unknown_id_shows_itself() {
    assert_eq!(text("no-such-message"), "no-such-message");
}

#[test]
fn placeables_carry_no_isolation_marks() {
    let text = tr!("copy-link", name = "Guest speakers");
    assert_eq!(text, "Copy link Guest speakers");
}
