//! Connections to a cluster's brokers on the protocol path, each opened
//! when first needed and kept for the command: requests that must reach one
//! broker (its own configs) and those any broker answers.

use std::collections::HashMap;
use std::time::Duration;

use super::Broker;
use crate::config::Translated;
use crate::error::KtError;
use crate::ffi::cluster::Node;

pub struct Pool {
    pub nodes: Vec<Node>,
    config: Translated,
    client_id: String,
    timeout: Duration,
    open: HashMap<i32, Broker>,
}

impl Pool {
    /// A pool over `nodes` (DescribeCluster's brokers), connecting with the
    /// cluster's settings.
    pub fn new(nodes: Vec<Node>, config: &Translated, client_id: &str, timeout: Duration) -> Pool {
        Pool {
            nodes,
            config: config.clone(),
            client_id: client_id.to_string(),
            timeout,
            open: HashMap::new(),
        }
    }

    /// Broker `id`'s connection, or any broker's (the lowest id) for `None`.
    pub fn to(&mut self, id: Option<i32>) -> Result<&mut Broker, KtError> {
        let node = match id {
            Some(id) => self.nodes.iter().find(|n| n.id == id).ok_or_else(|| {
                KtError::not_found(format!(
                    "broker {id} is not in the cluster (its brokers: {})",
                    self.nodes
                        .iter()
                        .map(|n| n.id.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                ))
            })?,
            None => self
                .nodes
                .iter()
                .min_by_key(|n| n.id)
                .ok_or_else(|| KtError::unreachable("the cluster named no broker"))?,
        };
        let id = node.id;
        if !self.open.contains_key(&id) {
            let c = Broker::connect(
                &node.host,
                node.port,
                &self.config,
                &self.client_id,
                self.timeout,
            )?;
            self.open.insert(id, c);
        }
        Ok(self.open.get_mut(&id).expect("opened above"))
    }

    /// The connections to brokers `ids` (each opened if it is not yet),
    /// all at once to ask them in parallel, in `ids`' order; and the brokers
    /// that could not be reached, with why.
    #[allow(clippy::type_complexity)]
    pub fn each(&mut self, ids: &[i32]) -> (Vec<(i32, &mut Broker)>, Vec<(i32, KtError)>) {
        let failed: Vec<(i32, KtError)> = ids
            .iter()
            .filter_map(|&id| self.to(Some(id)).err().map(|e| (id, e)))
            .collect();
        let mut open: Vec<(i32, &mut Broker)> = self
            .open
            .iter_mut()
            .filter(|(id, _)| ids.contains(id))
            .map(|(id, b)| (*id, b))
            .collect();
        open.sort_by_key(|(id, _)| ids.iter().position(|i| i == id));
        (open, failed)
    }

    /// Gives every open connection the pool's timeout again, plus `extra`
    /// (a fetch's wait), from now: for a command that asks round after
    /// round until stopped.
    pub fn renew(&mut self, extra: Duration) {
        for broker in self.open.values_mut() {
            broker.renew_deadline(self.timeout + extra);
        }
    }

    /// Drops broker `id`'s connection (after it failed): the next request
    /// to it connects again.
    pub fn forget(&mut self, id: i32) {
        self.open.remove(&id);
    }
}
