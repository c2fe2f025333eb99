//! Which offset of a partition to ask for: parsed once at the edge, never a
//! bare `-1`/`-2`/`-3` in the code.

use serde::Serialize;

/// A ListOffsets spec: Kafka's `--time` words (and their codes), or a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OffsetSpec {
    /// The log end: the offset the next record gets (`latest`, `-1`).
    Latest,
    /// The log start (`earliest`, `-2`).
    Earliest,
    /// The record with the highest timestamp (`max-timestamp`, `-3`).
    MaxTimestamp,
    /// The first record at or after this time, in ms since the epoch.
    At(i64),
}

impl OffsetSpec {
    /// The number ListOffsets sends: librdkafka's `RD_KAFKA_OFFSET_SPEC_*`
    /// codes, or the timestamp.
    pub fn code(self) -> i64 {
        match self {
            OffsetSpec::Latest => -1,
            OffsetSpec::Earliest => -2,
            OffsetSpec::MaxTimestamp => -3,
            OffsetSpec::At(ms) => ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetSpec;

    #[test]
    fn codes_are_librdkafkas() {
        assert_eq!(OffsetSpec::Latest.code(), -1);
        assert_eq!(OffsetSpec::Earliest.code(), -2);
        assert_eq!(OffsetSpec::MaxTimestamp.code(), -3);
        assert_eq!(OffsetSpec::At(1_700_000_000_000).code(), 1_700_000_000_000);
    }
}
