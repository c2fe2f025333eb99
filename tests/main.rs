//! kt's integration tests: one test binary that runs the real `kt` against a
//! real tansu broker (and ZooKeeper for `--zookeeper`).

mod util;

mod console;
mod dispatch;
mod perf;
mod topics;
mod topics_compat;
mod zookeeper;
