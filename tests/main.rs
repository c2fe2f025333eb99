//! kt's integration tests: one test binary that runs the real `kt` against a
//! real tansu broker (and ZooKeeper for `--zookeeper`).

mod util;

mod console;
mod dispatch;
mod offsets;
mod perf;
mod profiles;
mod reliability;
mod topics;
mod topics_compat;
mod zookeeper;
