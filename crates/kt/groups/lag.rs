//! kt's lag in time: for each partition a group is behind on, the age of
//! the oldest record it has not consumed, and the records it never will
//! (deleted by retention or `delete-records` before it read them).

use std::cell::OnceCell;
use std::collections::HashMap;
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
    fn next(self) -> i64 {
        self.start.map_or(self.committed, |s| s.max(self.committed))
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

    /// Each partition's lag in time, in ms: 0 at its end; the age of the
    /// record at [`Position::next`] when behind, read with one assign and
    /// fetch for all of them. A partition whose record does not arrive
    /// within the timeout, or before `g` is told to stop, is left out.
    pub fn ages(
        &self,
        g: &Groups<'_>,
        positions: &HashMap<Partition, Position>,
    ) -> HashMap<Partition, i64> {
        let mut ages = HashMap::new();
        let mut behind = TopicPartitionList::new();
        let mut waiting = 0usize;
        for (tp, at) in positions {
            let next = at.next();
            if next >= at.end {
                if at.lost() == 0 {
                    ages.insert(tp.clone(), 0);
                }
            } else if behind
                .add_partition_offset(&tp.0, tp.1, Offset::Offset(next))
                .is_ok()
            {
                waiting += 1;
            }
        }
        if waiting == 0 {
            return ages;
        }
        let Some(consumer) = self.consumer(g) else {
            return ages;
        };
        if consumer.assign(&behind).is_err() {
            return ages;
        }
        // A partition paused in an earlier sample stays paused across assign.
        let _ = consumer.resume(&behind);
        let now = now_ms();
        let deadline = Instant::now() + g.timeout;
        let mut seen = 0usize;
        while seen < waiting && Instant::now() < deadline && !g.stopped() {
            let Some(Ok(msg)) = consumer.poll(Duration::from_millis(50)) else {
                continue;
            };
            let tp = (msg.topic().to_string(), msg.partition());
            if ages.contains_key(&tp) || !positions.contains_key(&tp) {
                continue;
            }
            if let Some(ts) = msg.timestamp().to_millis() {
                ages.insert(tp.clone(), (now - ts).max(0));
            }
            seen += 1;
            // The first record of each partition is all that counts.
            let mut stop = TopicPartitionList::new();
            let _ = stop.add_partition_offset(&tp.0, tp.1, Offset::Invalid);
            let _ = consumer.pause(&stop);
        }
        ages
    }
}
