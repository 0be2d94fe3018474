//! The JSON examples of `docs/backend-api.md`, read by the tests of both the client and the
//! stand-in, so the two sides and the document cannot drift apart.
//!
//! An example is a fenced block whose info string reads `json KIND ACTION`, where KIND is
//! `request`, `response` or `error` and ACTION is `service.action`.

/// The contract document.
pub const CONTRACT: &str = include_str!("../../docs/backend-api.md");

/// One example of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// `request`, `response` or `error`.
    pub kind: &'static str,
    /// The action, such as `guestaccess_guestlink.list`.
    pub action: &'static str,
    /// The JSON text of the example.
    pub json: String,
}

/// Returns every example, in the order of the document.
pub fn examples() -> Vec<Example> {
    let mut found = Vec::new();
    let mut lines = CONTRACT.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```json ") else {
            continue;
        };
        let mut words = info.split_whitespace();
        let kind = words.next().unwrap_or_default();
        let action = words.next().unwrap_or_default();
        let json: Vec<&str> = lines.by_ref().take_while(|line| *line != "```").collect();
        found.push(Example {
            kind,
            action,
            json: json.join("\n"),
        });
    }
    found
}

/// Returns the examples of one kind, in the order of the document.
pub fn examples_of(kind: &str) -> Vec<Example> {
    examples()
        .into_iter()
        .filter(|example| example.kind == kind)
        .collect()
}

/// Returns the first example of one kind for one action.
pub fn first_example(kind: &str, action: &str) -> Option<Example> {
    examples()
        .into_iter()
        .find(|example| example.kind == kind && example.action == action)
}

/// Returns the codes of the document's error code table, in its order.
pub fn error_codes() -> Vec<&'static str> {
    let Some((_, section)) = CONTRACT.split_once("## Error codes") else {
        return Vec::new();
    };
    section
        .lines()
        .skip_while(|line| !line.starts_with("| `"))
        .take_while(|line| line.starts_with("| `"))
        .filter_map(|line| line.split('`').nth(1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_come_from_the_table() {
        let codes = error_codes();
        assert_eq!(codes.first(), Some(&"INVALID_KS"));
        assert!(codes.contains(&"PROPERTY_VALIDATION_WRONG_FORMAT"));
        assert_eq!(codes.len(), 17);
    }

    #[test]
    fn every_example_has_kind_and_action() {
        let all = examples();
        assert!(all.len() >= 24, "only {} examples", all.len());
        for example in all {
            assert!(
                ["request", "response", "error"].contains(&example.kind),
                "{example:?}"
            );
            assert!(example.action.starts_with("guestaccess_"), "{example:?}");
            assert!(!example.json.trim().is_empty(), "{example:?}");
        }
    }

    #[test]
    fn first_example_finds_by_kind_and_action() {
        let example = first_example("response", "guestaccess_guestlink.delete").unwrap();
        assert_eq!(example.json.trim(), "null");
        assert_eq!(first_example("response", "guestaccess_none.get"), None);
    }
}
