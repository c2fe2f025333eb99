//! The order a `java.util.HashMap` (or `HashSet`) iterates its keys in.
//!
//! Some of Kafka's tools print straight out of a hash map: the consumer-group
//! tool lists groups, plans offset resets and names deleted groups in the
//! iteration order of `HashMap<String, …>` and `HashMap<TopicPartition, …>`,
//! and joins option names out of a `HashSet<OptionSpec>`. That order is
//! deterministic: a key's bucket is its `hashCode()`, spread
//! (`h ^ h >>> 16`) and masked by the table size, which starts at 16 and
//! doubles whenever the map grows past three quarters of it; keys in one
//! bucket keep the order they were put in (a bucket of eight or more, which
//! Java turns into a tree, is not modelled).

/// Java's `String.hashCode()`: over UTF-16 code units.
pub fn string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

/// Kafka's `TopicPartition.hashCode()`.
pub fn topic_partition_hash(topic: &str, partition: i32) -> i32 {
    31i32
        .wrapping_add(partition)
        .wrapping_mul(31)
        .wrapping_add(string_hash(topic))
}

/// jopt-simple's `OptionSpec.hashCode()`: its list of names' hash, for an
/// option with one name.
pub fn option_hash(name: &str) -> i32 {
    31i32.wrapping_add(string_hash(name))
}

/// `items`, put into a Java hash map in this order, in the order the map
/// iterates them; `hash` is each key's `hashCode()`.
pub fn hash_map_order<T>(items: Vec<T>, hash: impl Fn(&T) -> i32) -> Vec<T> {
    hash_map_order_sized(items, 16, hash)
}

/// [`hash_map_order`] for a map made with `new HashMap<>(initial)`: its
/// table starts at the power of two at or above `initial`.
pub fn hash_map_order_sized<T>(items: Vec<T>, initial: usize, hash: impl Fn(&T) -> i32) -> Vec<T> {
    let mut capacity = initial.max(1).next_power_of_two();
    while items.len() * 4 > capacity * 3 {
        capacity *= 2;
    }
    let mut keyed: Vec<(usize, T)> = items
        .into_iter()
        .map(|item| {
            let h = hash(&item) as u32;
            (((h ^ (h >> 16)) as usize) & (capacity - 1), item)
        })
        .collect();
    // A stable sort: one bucket keeps the order its keys were put in.
    keyed.sort_by_key(|(bucket, _)| *bucket);
    keyed.into_iter().map(|(_, item)| item).collect()
}

/// Option names (`[describe]`) as Java joins a `HashSet<OptionSpec>` of them.
pub fn option_set(names: &[&str]) -> String {
    hash_map_order(names.to_vec(), |n| option_hash(n))
        .iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_javas() {
        // "hello".hashCode() and "".hashCode() in Java.
        assert_eq!(string_hash("hello"), 99_162_322);
        assert_eq!(string_hash(""), 0);
        // Overflow wraps as Java's int does.
        assert_eq!(string_hash("consumer-group-with-a-long-name"), {
            let mut h = 0i32;
            for c in "consumer-group-with-a-long-name".chars() {
                h = h.wrapping_mul(31).wrapping_add(c as i32);
            }
            h
        });
        assert_eq!(topic_partition_hash("", 0), 961);
    }

    #[test]
    fn iteration_follows_buckets_then_insertion() {
        // Single letters hash to their code: 'a' 97 -> bucket 1 of 16,
        // 'q' 113 -> bucket 1 too (put later), 'b' 98 -> bucket 2.
        let order = hash_map_order(vec!["b", "q", "a"], |s| string_hash(s));
        assert_eq!(order, vec!["q", "a", "b"]);
        // Thirteen keys grow the table to 32: 'a' (97 & 31 = 1) and 'q'
        // (113 & 31 = 17) part.
        let keys: Vec<String> = "qabcdefghijkl".chars().map(String::from).collect();
        let order = hash_map_order(keys, |s| string_hash(s));
        assert_eq!(order.first().map(String::as_str), Some("a"));
        assert_eq!(order.last().map(String::as_str), Some("q"));
    }
}
