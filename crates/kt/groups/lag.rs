//! kt's lag in time: for each partition a group is behind on, the age of
//! the oldest record it has not consumed, and the records it never will
//! (deleted by retention or `delete-records` before it read them).

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

use kt_core::connection::{random_group_id, ClientSpec};
use kt_core::ffi::groups::Partition;
use kt_core::KtContext;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::{Offset, TopicPartitionList};

use super::Groups;
use crate::time::now_ms;

/// Where a group stands on one partition: its committed offset and the
/// partition's log start and end.
#[derive(Debug, Clone, Copy)]
pub(super) struct Position {
    pub committed: i64,
    pub start: Option<i64>,
    pub end: i64,
}

impl Position {
    /// Records the group will never read: deleted below its committed offset.
    pub fn lost(self) -> i64 {
        self.start.map_or(0, |s| (s - self.committed).max(0))
    }

    /// The first offset the group can still read: its committed offset, or
    /// the log start when retention passed it by.
    pub fn next(self) -> i64 {
        self.start.map_or(self.committed, |s| s.max(self.committed))
    }

    /// Whether the group has nothing left to read here.
    pub fn caught_up(self) -> bool {
        self.next() >= self.end
    }

    /// The group's lag in time on `tp`, in ms: 0 at the end (unless records
    /// were lost to get there), else the age of its next record as
    /// [`LagReader::ages`] read it.
    pub fn age(self, tp: &Partition, ages: &HashMap<(Partition, i64), i64>) -> Option<i64> {
        if self.caught_up() {
            (self.lost() == 0).then_some(0)
        } else {
            ages.get(&(tp.clone(), self.next())).copied()
        }
    }
}

/// One consumer that reads the first unconsumed record of each partition,
/// made on first use and kept for every `--watch` sample (a consumer per
/// sample left its threads behind, four more each time).
#[derive(Default)]
pub(super) struct LagReader {
    consumer: OnceCell<Option<BaseConsumer<KtContext>>>,
}

impl LagReader {
    fn consumer(&self, g: &Groups<'_>) -> Option<&BaseConsumer<KtContext>> {
        self.consumer
            .get_or_init(|| {
                let spec = ClientSpec::new("kt-groups-lag")
                    .force("enable.auto.commit", "false")
                    .force("group.id", random_group_id("kt-groups-lag"))
                    .force("enable.partition.eof", "false")
                    // Retention may pass the offset between the ListOffsets
                    // and the fetch: the oldest record left is the answer.
                    .force("auto.offset.reset", "earliest");
                g.cluster.consumer(&spec, g.cluster.context()).ok()
            })
            .as_ref()
    }

    /// The age in ms of the record at each `(partition, offset)` of
    /// `wanted` (or of the oldest after it, when retention passed it by),
    /// read with one assign and fetch for all partitions at once: in as
    /// many rounds as one partition has offsets wanted (groups at different
    /// places on it), all within the timeout. One that does not arrive in
    /// time, or before `g` is told to stop, is left out.
    pub fn ages(
        &self,
        g: &Groups<'_>,
        wanted: &BTreeSet<(Partition, i64)>,
    ) -> HashMap<(Partition, i64), i64> {
        let mut ages = HashMap::new();
        if wanted.is_empty() {
            return ages;
        }
        let Some(consumer) = self.consumer(g) else {
            return ages;
        };
        // A consumer reads a partition from one offset at a time.
        let mut rounds: Vec<HashMap<&Partition, i64>> = Vec::new();
        let mut depth: HashMap<&Partition, usize> = HashMap::new();
        for (tp, offset) in wanted {
            let round = depth.entry(tp).or_default();
            if rounds.len() <= *round {
                rounds.push(HashMap::new());
            }
            rounds[*round].insert(tp, *offset);
            *round += 1;
        }
        let now = now_ms();
        let deadline = Instant::now() + g.timeout;
        for round in rounds {
            let mut assignment = TopicPartitionList::new();
            for (tp, offset) in &round {
                let _ = assignment.add_partition_offset(&tp.0, tp.1, Offset::Offset(*offset));
            }
            if consumer.assign(&assignment).is_err() {
                return ages;
            }
            // A partition paused in an earlier round stays paused across assign.
            let _ = consumer.resume(&assignment);
            let mut seen = 0usize;
            while seen < round.len() && Instant::now() < deadline && !g.stopped() {
                let Some(Ok(msg)) = consumer.poll(Duration::from_millis(50)) else {
                    continue;
                };
                let tp = (msg.topic().to_string(), msg.partition());
                // A record fetched for an earlier round comes before this
                // round's offset.
                let Some(&offset) = round.get(&tp).filter(|o| msg.offset() >= **o) else {
                    continue;
                };
                if ages.contains_key(&(tp.clone(), offset)) {
                    continue;
                }
                if let Some(ts) = msg.timestamp().to_millis() {
                    ages.insert((tp.clone(), offset), (now - ts).max(0));
                }
                seen += 1;
                // The first record of each partition is all that counts.
                let mut stop = TopicPartitionList::new();
                let _ = stop.add_partition_offset(&tp.0, tp.1, Offset::Invalid);
                let _ = consumer.pause(&stop);
            }
        }
        ages
    }
}
