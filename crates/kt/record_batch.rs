//! Record batches (magic 2) as a log stores them and a fetch returns them:
//! the header fields Kafka's tools print or compare (offsets, CRC,
//! producer, attributes) read in place, and the records' bytes inflated.
//! kafka-dump-log reads them from segment files, kafka-replica-verification
//! from fetches.

use bytes::{Buf, Bytes};
use kt_core::{ErrorKind, KtError};

/// A record batch as it is stored: the header fields DumpLogSegments
/// prints, and the records' bytes.
pub struct Batch {
    bytes: Bytes,
}

/// Where a batch's records start (`RECORDS_OFFSET`).
pub const RECORDS: usize = 61;
/// A batch's size up to its magic byte (`HEADER_SIZE_UP_TO_MAGIC`).
pub const UP_TO_MAGIC: usize = 17;

impl Batch {
    pub fn new(bytes: Bytes) -> Batch {
        Batch { bytes }
    }
    pub fn i64_at(&self, at: usize) -> i64 {
        i64::from_be_bytes(self.bytes[at..at + 8].try_into().unwrap_or_default())
    }
    pub fn i32_at(&self, at: usize) -> i32 {
        i32::from_be_bytes(self.bytes[at..at + 4].try_into().unwrap_or_default())
    }
    pub fn i16_at(&self, at: usize) -> i16 {
        i16::from_be_bytes(self.bytes[at..at + 2].try_into().unwrap_or_default())
    }
    pub fn size(&self) -> usize {
        self.bytes.len()
    }
    pub fn magic(&self) -> i8 {
        self.bytes[16] as i8
    }
    pub fn base_offset(&self) -> i64 {
        self.i64_at(0)
    }
    pub fn leader_epoch(&self) -> i32 {
        self.i32_at(12)
    }
    pub fn crc(&self) -> u32 {
        self.i32_at(17) as u32
    }
    /// `RecordBatch.checksum()`: the batch's CRC, or an older magic's
    /// message CRC (which sits before its magic byte).
    pub fn checksum(&self) -> i64 {
        if self.magic() < 2 {
            i64::from(self.i32_at(12) as u32)
        } else {
            i64::from(self.crc())
        }
    }
    pub fn attributes(&self) -> i16 {
        self.i16_at(21)
    }
    pub fn last_offset_delta(&self) -> i32 {
        self.i32_at(23)
    }
    /// An older magic's message (or compressed wrapper) stores its last
    /// offset where a batch stores its first.
    pub fn last_offset(&self) -> i64 {
        if self.magic() < 2 {
            return self.base_offset();
        }
        self.base_offset() + i64::from(self.last_offset_delta())
    }
    pub fn base_timestamp(&self) -> i64 {
        self.i64_at(27)
    }
    pub fn max_timestamp(&self) -> i64 {
        self.i64_at(35)
    }
    pub fn producer_id(&self) -> i64 {
        self.i64_at(43)
    }
    pub fn producer_epoch(&self) -> i16 {
        self.i16_at(51)
    }
    pub fn base_sequence(&self) -> i32 {
        self.i32_at(53)
    }
    pub fn count(&self) -> i32 {
        self.i32_at(57)
    }
    pub fn compression(&self) -> i16 {
        self.attributes() & 0x07
    }
    pub fn log_append_time(&self) -> bool {
        self.attributes() & 0x08 != 0
    }
    pub fn transactional(&self) -> bool {
        self.attributes() & 0x10 != 0
    }
    pub fn control(&self) -> bool {
        self.attributes() & 0x20 != 0
    }
    pub fn delete_horizon(&self) -> Option<i64> {
        (self.attributes() & 0x40 != 0).then(|| self.base_timestamp())
    }
    pub fn timestamp_type(&self) -> &'static str {
        if self.log_append_time() {
            "LogAppendTime"
        } else {
            "CreateTime"
        }
    }
    pub fn valid(&self) -> bool {
        self.size() >= RECORDS && crc32c::crc32c(&self.bytes[21..]) == self.crc()
    }
    /// `DefaultRecordBatch.incrementSequence`.
    pub fn sequence_at(&self, delta: i32) -> i32 {
        let base = self.base_sequence();
        if base == -1 {
            return -1;
        }
        if base > i32::MAX - delta {
            return delta - (i32::MAX - base) - 1;
        }
        base + delta
    }
    /// The records' bytes, inflated.
    pub fn records(&self) -> Result<Bytes, KtError> {
        use kafka_protocol::compression::{Decompressor, Gzip, Lz4, Snappy, Zstd};
        let mut body = self.bytes.slice(RECORDS.min(self.size())..);
        let all = |b: &mut Bytes| Ok(b.copy_to_bytes(b.remaining()));
        let inflated = match self.compression() {
            0 => Ok(body),
            1 => Gzip::decompress(&mut body, all),
            2 => Snappy::decompress(&mut body, all),
            3 => Lz4::decompress(&mut body, all),
            4 => Zstd::decompress(&mut body, all),
            c => Err(anyhow::anyhow!("Unknown compression type id: {c}")),
        };
        inflated.map_err(|e| {
            KtError::new(
                ErrorKind::Broker,
                format!("batch at offset {}: {e}", self.base_offset()),
            )
        })
    }
}

pub fn compression_name(id: i16) -> &'static str {
    match id {
        0 => "none",
        1 => "gzip",
        2 => "snappy",
        3 => "lz4",
        4 => "zstd",
        _ => "unknown",
    }
}

/// The whole batches at the front of `records` (a fetch's answer, whose
/// last batch may be cut short), each as it is stored.
pub fn split(records: &Bytes) -> impl Iterator<Item = Batch> + '_ {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let rest = records.len().checked_sub(at)?;
        if rest < UP_TO_MAGIC {
            return None;
        }
        let size = i32::from_be_bytes(records[at + 8..at + 12].try_into().ok()?);
        let total = 12usize.checked_add(usize::try_from(size).ok()?)?;
        if size < 14 || total > rest {
            return None;
        }
        let batch = Batch::new(records.slice(at..at + total));
        at += total;
        (batch.magic() < 2 || total >= RECORDS).then_some(batch)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch of `count` records from `base` with `crc` (not checked here).
    fn batch(base: i64, count: i32, crc: u32) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&base.to_be_bytes());
        b.extend_from_slice(&49i32.to_be_bytes()); // length: 61 - 12
        b.extend_from_slice(&0i32.to_be_bytes()); // leader epoch
        b.push(2); // magic
        b.extend_from_slice(&crc.to_be_bytes());
        b.extend_from_slice(&0i16.to_be_bytes()); // attributes
        b.extend_from_slice(&(count - 1).to_be_bytes()); // last offset delta
        b.resize(RECORDS - 4, 0);
        b.extend_from_slice(&count.to_be_bytes());
        b
    }

    #[test]
    fn split_reads_whole_batches_and_stops_at_a_cut_one() {
        let mut bytes = batch(0, 3, 7);
        bytes.extend(batch(3, 2, 9));
        bytes.extend(&batch(5, 1, 1)[..30]);
        let bytes = Bytes::from(bytes);
        let got: Vec<(i64, i64, u32)> = split(&bytes)
            .map(|b| (b.base_offset(), b.last_offset(), b.crc()))
            .collect();
        assert_eq!(got, vec![(0, 2, 7), (3, 4, 9)]);
        assert_eq!(split(&Bytes::new()).count(), 0);
    }
}
