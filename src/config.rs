//! Runtime configuration, read from `config.json` beside `index.html`.
//!
//! The same release build runs against the stand-in and a real deployment, so everything
//! that differs between them comes from this file.

use std::fmt;

use serde_json::{Map, Value};

use crate::api::TIMEOUT_SECONDS;
use crate::tr;

/// Allowed values of `requestTimeoutSeconds`.
pub const TIMEOUT_RANGE: std::ops::RangeInclusive<u32> = 1..=120;

/// A moderator session (ks). Its `Debug` output hides the value so it never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct Ks(String);

impl Ks {
    /// Returns the session text, for the request body only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Ks {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Ks(<hidden>)")
    }
}

/// Settings the app reads at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppConfig {
    /// Base URL of the Kaltura API, without a trailing slash.
    pub service_url: String,
    /// Moderator session, needed by moderator pages and ignored by guest pages.
    pub ks: Option<Ks>,
    /// Kaltura partner (account) id, if given.
    pub partner_id: Option<i64>,
    /// Origins that a guest may be sent to when admitted; the app's own origin by default.
    pub allowed_join_origins: Vec<String>,
    /// Seconds after which a backend call counts as failed, `TIMEOUT_SECONDS` by default.
    pub request_timeout_seconds: u32,
}

/// Reason the configuration could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be fetched.
    #[error("config.json could not be fetched: {0}")]
    Unreachable(String),
    /// The server responded with a status other than 200.
    #[error("config.json could not be fetched: the server answered with HTTP status {0}")]
    Status(u16),
    /// The file is not JSON, or a field is missing or has the wrong type.
    #[error("config.json is invalid: {0}")]
    Invalid(String),
}

impl ConfigError {
    /// Returns the sentence shown on the configuration error page, in the reader's
    /// language. The detail after the colon is for the site's administrator and stays in
    /// English, as it names fields of the file.
    pub fn describe(&self) -> String {
        match self {
            ConfigError::Unreachable(detail) => tr!("config-unreachable", detail = detail),
            ConfigError::Status(status) => tr!("config-status", status = status.to_string()),
            ConfigError::Invalid(detail) => tr!("config-invalid", detail = detail),
        }
    }
}

/// Parses the text of `config.json`. `app_origin` is the default of `allowedJoinOrigins`.
///
/// Unknown keys are ignored. Error messages name the field but never repeat its value,
/// because the file can carry a session.
pub fn parse_config(text: &str, app_origin: &str) -> Result<AppConfig, ConfigError> {
    let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(text) else {
        return Err(ConfigError::Invalid("the file is not a JSON object".into()));
    };
    let service_url = parse_service_url(&fields)?;
    let ks = optional(&fields, "ks", Value::as_str, "a string")?
        .filter(|ks| !ks.is_empty())
        .map(|ks| Ks(ks.to_owned()));
    let partner_id = optional(&fields, "partnerId", Value::as_i64, "a whole number")?;
    let allowed_join_origins =
        match optional(&fields, "allowedJoinOrigins", Value::as_array, "a list")? {
            None => vec![app_origin.to_owned()],
            Some(origins) => origins
                .iter()
                .map(|origin| origin.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| wrong_type("allowedJoinOrigins", "a list of strings"))?,
        };
    let timeout_expected = format!(
        "a whole number from {} to {}",
        TIMEOUT_RANGE.start(),
        TIMEOUT_RANGE.end()
    );
    let request_timeout_seconds = optional(
        &fields,
        "requestTimeoutSeconds",
        Value::as_u64,
        &timeout_expected,
    )?
    .map(|seconds| {
        u32::try_from(seconds)
            .ok()
            .filter(|seconds| TIMEOUT_RANGE.contains(seconds))
            .ok_or_else(|| wrong_type("requestTimeoutSeconds", &timeout_expected))
    })
    .transpose()?
    .unwrap_or(TIMEOUT_SECONDS);
    Ok(AppConfig {
        service_url,
        ks,
        partner_id,
        allowed_join_origins,
        request_timeout_seconds,
    })
}

fn parse_service_url(fields: &Map<String, Value>) -> Result<String, ConfigError> {
    let url = optional(fields, "serviceUrl", Value::as_str, "a string")?
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .ok_or_else(|| ConfigError::Invalid("serviceUrl is missing".into()))?;
    let host = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    let Some(host) = host else {
        let message = "serviceUrl must start with http:// or https://";
        return Err(ConfigError::Invalid(message.into()));
    };
    if host.is_empty() || host.starts_with('/') {
        return Err(ConfigError::Invalid("serviceUrl has no host name".into()));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// Reads an optional field; `null` counts as absent.
fn optional<'a, T>(
    fields: &'a Map<String, Value>,
    key: &str,
    read: impl Fn(&'a Value) -> Option<T>,
    expected: &str,
) -> Result<Option<T>, ConfigError> {
    match fields.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => read(value)
            .map(Some)
            .ok_or_else(|| wrong_type(key, expected)),
    }
}

fn wrong_type(key: &str, expected: &str) -> ConfigError {
    ConfigError::Invalid(format!("{key} must be {expected}"))
}

/// Returns the router's base path for a document whose base URI has the path `base_path`.
///
/// Trunk writes the public URL into `<base href>`, so an app served under `/guest-access/`
/// routes below `/guest-access`.
pub fn router_base(base_path: &str) -> String {
    base_path.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "http://127.0.0.1:8080";

    #[test]
    fn full_config_parses() {
        let text = r#"{"serviceUrl": "http://127.0.0.1:8080/", "ks": "secret", "partnerId": 100,
            "allowedJoinOrigins": ["https://rooms.example.com"], "theme": "dark"}"#;
        let config = parse_config(text, ORIGIN).unwrap();
        assert_eq!(config.service_url, "http://127.0.0.1:8080");
        assert_eq!(config.ks.as_ref().map(Ks::expose), Some("secret"));
        assert_eq!(config.partner_id, Some(100));
        assert_eq!(
            config.allowed_join_origins,
            vec!["https://rooms.example.com".to_owned()]
        );
    }

    #[test]
    fn only_service_url_is_required() {
        let config = parse_config(r#"{"serviceUrl": "https://api.example.com"}"#, ORIGIN).unwrap();
        assert_eq!(config.ks, None);
        assert_eq!(config.partner_id, None);
        assert_eq!(config.allowed_join_origins, vec![ORIGIN.to_owned()]);
        assert_eq!(config.request_timeout_seconds, TIMEOUT_SECONDS);
    }

    #[test]
    fn request_timeout_in_range() {
        let text = r#"{"serviceUrl": "https://a.example", "requestTimeoutSeconds": 3}"#;
        assert_eq!(
            parse_config(text, ORIGIN).unwrap().request_timeout_seconds,
            3
        );
        for invalid in ["0", "121", "-1", "2.5", "\"5\"", "4294967297"] {
            let text = format!(
                r#"{{"serviceUrl": "https://a.example", "requestTimeoutSeconds": {invalid}}}"#
            );
            assert_eq!(
                parse_config(&text, ORIGIN),
                Err(ConfigError::Invalid(
                    "requestTimeoutSeconds must be a whole number from 1 to 120".into()
                )),
                "{invalid}"
            );
        }
    }

    #[test]
    fn null_fields_count_as_absent() {
        let text = r#"{"serviceUrl": "https://a.example", "ks": null, "allowedJoinOrigins": null}"#;
        let config = parse_config(text, ORIGIN).unwrap();
        assert_eq!(config.ks, None);
        assert_eq!(config.allowed_join_origins, vec![ORIGIN.to_owned()]);
    }

    #[test]
    fn empty_ks_counts_as_absent() {
        let config = parse_config(r#"{"serviceUrl": "https://a.example", "ks": ""}"#, ORIGIN);
        assert_eq!(config.unwrap().ks, None);
    }

    #[test]
    fn missing_service_url_is_invalid() {
        for text in [r#"{}"#, r#"{"serviceUrl": ""}"#, r#"{"serviceUrl": null}"#] {
            let error = parse_config(text, ORIGIN).unwrap_err();
            assert_eq!(
                error,
                ConfigError::Invalid("serviceUrl is missing".into()),
                "{text}"
            );
        }
    }

    #[test]
    fn service_url_needs_http_scheme() {
        let error = parse_config(r#"{"serviceUrl": "javascript:alert(1)"}"#, ORIGIN).unwrap_err();
        assert!(error.to_string().contains("http://"), "{error}");
    }

    #[test]
    fn service_url_needs_host() {
        for url in ["http://", "https://", "https:///api", "http:"] {
            let text = format!(r#"{{"serviceUrl": "{url}"}}"#);
            assert!(parse_config(&text, ORIGIN).is_err(), "{url}");
        }
    }

    #[test]
    fn non_object_is_invalid() {
        for text in ["", "null", "[]", "\"x\"", "{\"serviceUrl\": ", "<html>"] {
            assert!(
                matches!(parse_config(text, ORIGIN), Err(ConfigError::Invalid(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn wrong_types_are_named_without_values() {
        let text = r#"{"serviceUrl": "https://a.example", "ks": 12345}"#;
        let message = parse_config(text, ORIGIN).unwrap_err().to_string();
        assert_eq!(message, "config.json is invalid: ks must be a string");
        let text = r#"{"serviceUrl": "https://a.example", "allowedJoinOrigins": [1]}"#;
        let message = parse_config(text, ORIGIN).unwrap_err().to_string();
        assert_eq!(
            message,
            "config.json is invalid: allowedJoinOrigins must be a list of strings"
        );
        let text = r#"{"serviceUrl": "https://a.example", "partnerId": "100"}"#;
        assert!(parse_config(text, ORIGIN).is_err());
    }

    #[test]
    fn ks_is_hidden_from_debug_output() {
        let config = parse_config(
            r#"{"serviceUrl": "https://a.example", "ks": "s3cr3t"}"#,
            ORIGIN,
        );
        let printed = format!("{:?}", config.unwrap());
        assert!(!printed.contains("s3cr3t"), "{printed}");
    }

    #[test]
    fn router_base_drops_trailing_slash() {
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base("/guest-access/"), "/guest-access");
    }
}
