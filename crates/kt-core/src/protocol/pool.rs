//! Connections to a cluster's brokers on the protocol path, each opened
//! when first needed and kept for the command: requests that must reach one
//! broker (its own configs) and those any broker answers.

use std::collections::HashMap;
use std::time::Duration;

use super::{Broker, ConfigEntry, Refused};
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

    /// Runs `ask` on brokers `ids` at once, each on a thread of its own
    /// over the pool's connection to it (opened there when there is none
    /// yet): each id with its answer, or why it could not be reached or
    /// answered, in `ids`' order. A connection that failed is dropped, so
    /// the next request to that broker connects again.
    pub fn in_parallel<T: Send>(
        &mut self,
        ids: &[i32],
        ask: impl Fn(i32, &mut Broker) -> Result<T, KtError> + Sync,
    ) -> Vec<(i32, Result<T, KtError>)> {
        let (config, client_id, timeout, ask) =
            (&self.config, self.client_id.as_str(), self.timeout, &ask);
        let work: Vec<_> = ids
            .iter()
            .map(|&id| {
                let node = self.nodes.iter().find(|n| n.id == id).cloned();
                (id, node, self.open.remove(&id))
            })
            .collect();
        let one = |(id, node, kept): (i32, Option<Node>, Option<Broker>)| {
            let connected = match (kept, node) {
                (Some(broker), _) => Ok(broker),
                (None, Some(n)) => Broker::connect(&n.host, n.port, config, client_id, timeout),
                (None, None) => Err(KtError::not_found(format!(
                    "broker {id} is not in the cluster"
                ))),
            };
            match connected {
                Err(e) => (id, None, Err(e)),
                Ok(mut broker) => match ask(id, &mut broker) {
                    Ok(answer) => (id, Some(broker), Ok(answer)),
                    Err(e) => (id, None, Err(e)),
                },
            }
        };
        // One broker is asked on this thread: no thread for nothing to
        // overlap with (and `--watch` of one group keeps its threads).
        let answered: Vec<(i32, Option<Broker>, Result<T, KtError>)> = if work.len() == 1 {
            work.into_iter().map(one).collect()
        } else {
            std::thread::scope(|scope| {
                let asked: Vec<_> = work
                    .into_iter()
                    .map(|w| scope.spawn(move || one(w)))
                    .collect();
                asked
                    .into_iter()
                    .zip(ids)
                    .map(|(h, &id)| {
                        h.join().unwrap_or_else(|_| {
                            let failed = KtError::broker(format!("asking broker {id} failed"));
                            (id, None, Err(failed))
                        })
                    })
                    .collect()
            })
        };
        answered
            .into_iter()
            .map(|(id, broker, answer)| {
                if let Some(broker) = broker {
                    self.open.insert(id, broker);
                }
                (id, answer)
            })
            .collect()
    }

    /// DescribeConfigs of many resources of one type any broker answers
    /// (topics), `chunk` to a request, the requests spread over every
    /// broker of the pool and asked in parallel; each resource's answer is
    /// handed to `keep` as it comes, so a big cluster's configs are never
    /// all held at once. The requests of a broker that fails are asked
    /// again of the first that answered; every broker failing is the
    /// first one's error. In no particular order.
    pub fn describe_configs_spread<T: Send>(
        &mut self,
        resource_type: i8,
        names: &[String],
        chunk: usize,
        synonyms: bool,
        keep: impl Fn(String, Result<Vec<ConfigEntry>, Refused>) -> T + Sync,
    ) -> Result<Vec<T>, KtError> {
        let chunks: Vec<&[String]> = names.chunks(chunk.max(1)).collect();
        let mut ids: Vec<i32> = self.nodes.iter().map(|n| n.id).collect();
        ids.sort_unstable();
        ids.truncate(chunks.len());
        let share = |i: usize| chunks.iter().skip(i).step_by(ids.len()).copied();
        let ask = |broker: &mut Broker, chunks: &mut dyn Iterator<Item = &[String]>| {
            let mut kept = Vec::new();
            for chunk in chunks {
                let answers = broker.describe_configs_of(resource_type, chunk, synonyms)?;
                kept.extend(answers.into_iter().map(|(name, answer)| keep(name, answer)));
            }
            Ok::<_, KtError>(kept)
        };
        let answered = self.in_parallel(&ids, |id, broker| {
            let i = ids.iter().position(|&b| b == id).unwrap_or(0);
            ask(broker, &mut share(i))
        });
        let mut kept = Vec::new();
        let mut failed = Vec::new();
        let mut first_error = None;
        for (i, (_, answer)) in answered.into_iter().enumerate() {
            match answer {
                Ok(answers) => kept.extend(answers),
                Err(e) => {
                    failed.push(i);
                    first_error.get_or_insert(e);
                }
            }
        }
        if failed.is_empty() {
            return Ok(kept);
        }
        let Some(&answering) = ids
            .iter()
            .enumerate()
            .find(|(i, _)| !failed.contains(i))
            .map(|(_, id)| id)
        else {
            return Err(first_error.expect("a broker failed"));
        };
        let broker = self.to(Some(answering))?;
        for i in failed {
            kept.extend(ask(broker, &mut share(i))?);
        }
        Ok(kept)
    }

    /// Adds `node` to the brokers the pool connects to (a group's
    /// coordinator named by FindCoordinator), unless it knows it.
    pub fn learn(&mut self, node: Node) {
        if !self.nodes.iter().any(|n| n.id == node.id) {
            self.nodes.push(node);
        }
    }

    /// Gives every open connection the pool's timeout again, plus `extra`
    /// (a fetch's wait), from now: for a command that asks round after
    /// round until stopped.
    pub fn renew(&mut self, extra: Duration) {
        for broker in self.open.values_mut() {
            broker.renew_deadline(self.timeout + extra);
        }
    }
}
