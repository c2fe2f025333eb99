//! Java's number and date formatting, as Kafka's perf tools print them.

/// Java's `%.Nf`: HALF_UP rounding from the shortest decimal form of `x`
/// (`0.125` gives `0.13`, `0.15` gives `0.2`); NaN and infinities as Java spells them.
pub fn java_fixed(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    // Rust's Display gives the shortest decimal that reads back as x.
    let shortest = format!("{}", x.abs());
    let (int, frac) = shortest.split_once('.').unwrap_or((&shortest, ""));
    let mut digits: Vec<u8> = int
        .bytes()
        .chain(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals))
        .collect();
    if frac.as_bytes().get(decimals).is_some_and(|d| *d >= b'5') {
        // Carry the round-up through the digits.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let mut out = String::with_capacity(digits.len() + 2);
    if x.is_sign_negative() && digits.iter().any(|d| *d != b'0') {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(&digits[..split]).unwrap_or("0"));
    if decimals > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(&digits[split..]).unwrap_or("0"));
    }
    out
}

/// Turns a Java SimpleDateFormat pattern into chrono's format: the common
/// letters (y M d H h m s S a E Z z) and quoted text.
pub fn java_date_pattern(pattern: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '%' {
                    out.push('%');
                }
                out.push(chars[i]);
                i += 1;
            }
            i += 1;
            continue;
        }
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == c {
            n += 1;
        }
        let spec = match (c, n) {
            ('y', 2) => "%y",
            ('y', _) => "%Y",
            ('M', 1 | 2) => "%m",
            ('M', 3) => "%b",
            ('M', _) => "%B",
            ('d', _) => "%d",
            ('H', _) => "%H",
            ('h', _) => "%I",
            ('m', _) => "%M",
            ('s', _) => "%S",
            ('S', _) => "%3f",
            ('a', _) => "%p",
            ('E', 1..=3) => "%a",
            ('E', _) => "%A",
            ('Z', _) => "%z",
            ('z', _) => "%Z",
            ('%', _) => "%%",
            _ => "",
        };
        if spec.is_empty() {
            out.extend(std::iter::repeat_n(c, n));
        } else {
            out.push_str(spec);
        }
        i += n;
    }
    out
}

/// A millisecond timestamp in the local time zone, with a Java pattern.
pub fn java_date(ms: i64, pattern: &str) -> String {
    use chrono::TimeZone;
    match chrono::Local.timestamp_millis_opt(ms).single() {
        Some(t) => t.format(&java_date_pattern(pattern)).to_string(),
        None => ms.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_like_java() {
        assert_eq!(java_fixed(0.125, 2), "0.13");
        assert_eq!(java_fixed(0.15, 1), "0.2");
        assert_eq!(java_fixed(9.995, 2), "10.00");
        assert_eq!(java_fixed(199.97333733, 6), "199.973337");
        assert_eq!(java_fixed(3.0, 1), "3.0");
        assert_eq!(java_fixed(0.0, 2), "0.00");
        assert_eq!(java_fixed(f64::NAN, 2), "NaN");
        assert_eq!(java_fixed(1.0 / 0.0, 2), "Infinity");
        assert_eq!(java_fixed(-0.004, 2), "0.00");
        assert_eq!(java_fixed(-1.5, 0), "-2");
    }

    #[test]
    fn kafka_date_pattern() {
        assert_eq!(
            java_date_pattern("yyyy-MM-dd HH:mm:ss:SSS"),
            "%Y-%m-%d %H:%M:%S:%3f"
        );
        assert_eq!(java_date_pattern("'at' HH"), "at %H");
    }
}
