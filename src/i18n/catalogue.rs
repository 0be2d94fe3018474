//! The catalogues as compiled by `build.rs`, and the plural rules of the shipped
//! languages.

use super::Locale;

/// A piece of a message's pattern.
#[derive(Debug)]
pub enum Part {
    /// Text shown as it is.
    Text(&'static str),
    /// A placeable filled from the argument of that name, such as `{ $name }`.
    Arg(&'static str),
    /// Another message of the same catalogue, such as `{ product-name }`.
    Message(&'static str),
    /// A choice by the number in an argument, such as `{ $count -> … }`.
    Select {
        /// Name of the argument that selects.
        arg: &'static str,
        /// The variants in catalogue order, each with its key.
        variants: &'static [(Key, &'static [Part])],
        /// Index of the variant marked `*`, used when no key matches.
        default: usize,
    },
}

/// The key of a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Matches this exact number, such as `[0]`; it wins over a plural category.
    Exact(i64),
    /// Matches the numbers of a plural category, such as `[one]`.
    Category(Plural),
}

/// A CLDR plural category of cardinal numbers.
///
/// The shipped languages use only some of them; the build script accepts all six, so a
/// catalogue may use any category its language has.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Returns every message of a language, sorted by id.
pub fn messages(locale: Locale) -> &'static [(&'static str, &'static [Part])] {
    match locale {
        Locale::En => EN,
        Locale::He => HE,
    }
}

/// Returns the pattern of message `id`.
pub fn pattern(locale: Locale, id: &str) -> Option<&'static [Part]> {
    let messages = messages(locale);
    messages
        .binary_search_by(|(known, _)| (*known).cmp(id))
        .ok()
        .map(|index| messages[index].1)
}

/// Returns the plural category of `number` in a language, by the CLDR rules for
/// cardinals.
pub fn plural(locale: Locale, number: f64) -> Plural {
    let magnitude = number.abs();
    // CLDR's operands: `i` is the integer digits, and `v` is 0 when there are no
    // visible fraction digits.
    let whole = magnitude.fract() == 0.0;
    let integer = magnitude.trunc();
    match locale {
        // one: i = 1 and v = 0.
        Locale::En if whole && integer == 1.0 => Plural::One,
        Locale::En => Plural::Other,
        // one: i = 1 and v = 0, or i = 0 and v != 0.
        // two: i = 2 and v = 0.
        Locale::He if whole && integer == 1.0 => Plural::One,
        Locale::He if !whole && integer == 0.0 => Plural::One,
        Locale::He if whole && integer == 2.0 => Plural::Two,
        Locale::He => Plural::Other,
    }
}
