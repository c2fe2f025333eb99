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

/// The order of `Admin.describeTopics(names).allTopicNames()` for `names`
/// in the order given: the admin client puts them into a
/// `new HashMap<>(n)` of futures, hands out a copy (`new HashMap<>(map)`,
/// sized for n / 0.75 + 1), and `allTopicNames` puts those into another
/// `new HashMap<>(n)`. The tables differ in size for some n (12: 16, then
/// 32), so each step reorders.
pub fn described_topics(names: Vec<String>) -> Vec<String> {
    let n = names.len();
    let futures = hash_map_order_sized(names, n, |t| string_hash(t));
    let copied = hash_map_order_sized(futures, (n as f32 / 0.75 + 1.0) as usize, |t| {
        string_hash(t)
    });
    hash_map_order_sized(copied, n, |t| string_hash(t))
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

    /// Java's order of `topic-0` .. `topic-{n-1}` (sorted, then through the
    /// admin client's three maps), printed by a JVM.
    #[test]
    fn described_topics_come_out_as_the_admin_clients_maps_hand_them_out() {
        let javas = [
            (12, "topic-6,topic-7,topic-8,topic-9,topic-0,topic-1,topic-2,topic-10,topic-3,topic-11,topic-4,topic-5"),
            (24, "topic-6,topic-7,topic-8,topic-9,topic-0,topic-1,topic-2,topic-20,topic-10,topic-3,topic-21,topic-11,topic-4,topic-22,topic-12,topic-5,topic-23,topic-13,topic-14,topic-15,topic-16,topic-17,topic-18,topic-19"),
            (96, "topic-6,topic-7,topic-8,topic-9,topic-90,topic-91,topic-92,topic-93,topic-50,topic-94,topic-0,topic-51,topic-95,topic-1,topic-52,topic-2,topic-53,topic-3,topic-54,topic-10,topic-4,topic-55,topic-11,topic-5,topic-56,topic-12,topic-46,topic-47,topic-48,topic-49,topic-80,topic-81,topic-82,topic-83,topic-40,topic-84,topic-41,topic-85,topic-42,topic-86,topic-43,topic-87,topic-44,topic-88,topic-45,topic-89,topic-35,topic-79,topic-36,topic-37,topic-38,topic-39,topic-70,topic-71,topic-72,topic-73,topic-30,topic-74,topic-31,topic-75,topic-32,topic-76,topic-33,topic-77,topic-34,topic-78,topic-24,topic-68,topic-25,topic-69,topic-26,topic-27,topic-28,topic-29,topic-60,topic-61,topic-62,topic-63,topic-20,topic-64,topic-21,topic-65,topic-22,topic-66,topic-23,topic-67,topic-13,topic-57,topic-14,topic-58,topic-15,topic-59,topic-16,topic-17,topic-18,topic-19"),
            (200, "topic-166,topic-165,topic-164,topic-163,topic-169,topic-168,topic-167,topic-162,topic-161,topic-160,topic-177,topic-176,topic-175,topic-174,topic-179,topic-178,topic-173,topic-172,topic-171,topic-170,topic-188,topic-187,topic-186,topic-185,topic-189,topic-180,topic-184,topic-183,topic-182,topic-181,topic-199,topic-198,topic-197,topic-196,topic-191,topic-190,topic-195,topic-194,topic-193,topic-192,topic-90,topic-91,topic-92,topic-93,topic-94,topic-95,topic-96,topic-97,topic-98,topic-99,topic-80,topic-81,topic-82,topic-83,topic-84,topic-85,topic-86,topic-87,topic-88,topic-89,topic-79,topic-70,topic-71,topic-72,topic-73,topic-74,topic-75,topic-76,topic-77,topic-78,topic-68,topic-69,topic-60,topic-61,topic-62,topic-63,topic-64,topic-65,topic-66,topic-67,topic-57,topic-58,topic-59,topic-6,topic-7,topic-8,topic-9,topic-50,topic-0,topic-51,topic-1,topic-52,topic-2,topic-53,topic-3,topic-54,topic-4,topic-55,topic-5,topic-56,topic-46,topic-47,topic-48,topic-49,topic-40,topic-41,topic-42,topic-43,topic-44,topic-45,topic-35,topic-36,topic-37,topic-38,topic-39,topic-100,topic-104,topic-103,topic-102,topic-101,topic-108,topic-107,topic-106,topic-105,topic-30,topic-31,topic-32,topic-33,topic-109,topic-34,topic-24,topic-25,topic-26,topic-27,topic-28,topic-29,topic-111,topic-110,topic-115,topic-114,topic-113,topic-112,topic-119,topic-118,topic-117,topic-116,topic-20,topic-21,topic-22,topic-23,topic-13,topic-14,topic-15,topic-16,topic-17,topic-18,topic-19,topic-122,topic-121,topic-120,topic-126,topic-125,topic-124,topic-123,topic-129,topic-128,topic-127,topic-10,topic-11,topic-12,topic-133,topic-132,topic-131,topic-130,topic-137,topic-136,topic-135,topic-134,topic-139,topic-138,topic-144,topic-143,topic-142,topic-141,topic-148,topic-147,topic-146,topic-145,topic-149,topic-140,topic-155,topic-154,topic-153,topic-152,topic-159,topic-158,topic-157,topic-156,topic-151,topic-150"),
        ];
        for (n, java) in javas {
            let mut names: Vec<String> = (0..n).map(|i| format!("topic-{i}")).collect();
            names.sort();
            assert_eq!(described_topics(names).join(","), java, "{n} topics");
        }
    }
}
