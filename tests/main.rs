//! kt's integration tests: one test binary that runs the real `kt` against a
//! real Apache Kafka (3.9 in KRaft and ZooKeeper mode, 4.x informative).

#![forbid(unsafe_code)]

mod util;

mod admin;
mod bad_inputs;
mod client_metrics;
mod console;
mod consume_matrix;
mod delete_records;
mod differential;
mod dispatch;
mod doctor;
mod dump_log;
mod exactness;
mod failures;
mod faults;
mod features;
mod first_hour;
mod groups;
mod groups_watch;
mod kafka;
mod load;
mod matrix;
mod offsets;
mod perf;
mod profiles;
mod quorum;
mod reassign;
mod refusals;
mod reliability;
mod replica_verification;
mod scale;
mod security;
mod stores;
mod streams_reset;
mod tokens;
mod topics;
mod topics_compat;
mod transactions;
mod verifiable;
mod zookeeper;
