//! Topic selection for kafka-topics and Kafka's checks on topic names.

use kt_core::KtError;

use crate::topic::{is_internal, IncludeList};

/// The names in `all` that `pattern` selects, sorted as Java sorts strings.
pub fn select(
    all: &[String],
    pattern: Option<&str>,
    exclude_internal: bool,
) -> Result<Vec<String>, KtError> {
    let include = pattern.map(IncludeList::new).transpose()?;
    let mut out: Vec<String> = all
        .iter()
        .filter(|t| include.as_ref().is_none_or(|i| i.matches(t)))
        .filter(|t| !(exclude_internal && is_internal(t)))
        .cloned()
        .collect();
    // Java compares UTF-16 code units; for the ASCII names Kafka allows this
    // is the same as byte order.
    out.sort();
    Ok(out)
}

/// Kafka's topic name rules (`Topic.validate`), with Kafka 3.9's messages
/// (what a 3.9 broker answers CreateTopics with).
pub fn validate_name(topic: &str) -> Result<(), KtError> {
    let reason = if topic.is_empty() {
        "the empty string is not allowed".to_string()
    } else if topic == "." || topic == ".." {
        format!("'{topic}' is not allowed")
    } else if topic.len() > 249 {
        format!("the length of '{topic}' is longer than the max allowed length 249")
    } else if !topic
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        format!("'{topic}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'")
    } else {
        return Ok(());
    };
    Err(KtError::config(format!("Topic name is invalid: {reason}")))
}

/// Names with both kinds of character that collide in metric names.
pub fn has_collision_chars(topic: &str) -> bool {
    topic.contains('.') || topic.contains('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn patterns_match_whole_names_and_commas_mean_or() {
        let all = names(&["b", "a", "ab", "__consumer_offsets", "t.x", "tax"]);
        assert_eq!(
            select(&all, Some("a,b"), false).unwrap(),
            names(&["a", "b"])
        );
        assert_eq!(
            select(&all, Some(" 'a.*' "), false).unwrap(),
            names(&["a", "ab"])
        );
        assert_eq!(
            select(&all, Some("t.x"), false).unwrap(),
            names(&["t.x", "tax"])
        );
        assert_eq!(
            select(&all, None, true).unwrap(),
            names(&["a", "ab", "b", "t.x", "tax"])
        );
        assert_eq!(select(&all, None, false).unwrap()[0], "__consumer_offsets");
    }

    #[test]
    fn bad_regex_uses_kafkas_message() {
        assert_eq!(
            IncludeList::new("a(").unwrap_err().message,
            "a( is an invalid regex."
        );
    }

    #[test]
    fn topic_names_follow_kafka_rules() {
        assert!(validate_name("ok.name_1-x").is_ok());
        let message = |name: &str| validate_name(name).unwrap_err().message;
        assert_eq!(
            message(""),
            "Topic name is invalid: the empty string is not allowed"
        );
        assert_eq!(message(".."), "Topic name is invalid: '..' is not allowed");
        assert!(message(&"x".repeat(250)).ends_with("is longer than the max allowed length 249"));
        assert_eq!(
            message("a b"),
            "Topic name is invalid: 'a b' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'"
        );
    }
}
