//! The perf tools' payloads: built once, picked per record without
//! allocating, from one small random number generator.

use std::io::Write;

use kt_core::KtError;

use super::producer_args::PayloadSource;

/// The records' payloads, built once.
pub enum Payloads {
    Random(Vec<u8>),
    File(Vec<Vec<u8>>),
    Monotonic,
}

impl Payloads {
    pub fn load(
        source: &PayloadSource,
        delimiter: &str,
        out: &mut dyn Write,
    ) -> anyhow::Result<Payloads> {
        Ok(match source {
            PayloadSource::Random(size) => {
                // Kafka's payload: random capital letters.
                let mut payload = vec![0; *size];
                XorShift::new(0x2545_f491_4f6c_dd1d).letters(&mut payload);
                Payloads::Random(payload)
            }
            PayloadSource::Monotonic => Payloads::Monotonic,
            PayloadSource::File(path) => {
                let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                writeln!(out, "Reading payloads from: {}", absolute.display())?;
                let text = std::fs::read(path).unwrap_or_default();
                if text.is_empty() {
                    return Err(
                        KtError::config("File does not exist or empty file provided.").into(),
                    );
                }
                let delimiter = delimiter.replace("\\n", "\n").replace("\\t", "\t");
                let re = regex::bytes::Regex::new(&regex::escape(&delimiter))
                    .or_else(|_| regex::bytes::Regex::new(&delimiter))
                    .map_err(|e| KtError::usage(format!("--payload-delimiter: {e}")))?;
                let mut items: Vec<Vec<u8>> = re.split(&text).map(<[u8]>::to_vec).collect();
                while items.last().is_some_and(Vec::is_empty) {
                    items.pop();
                }
                writeln!(out, "Number of messages read: {}", items.len())?;
                if items.is_empty() {
                    return Err(
                        KtError::config("File does not exist or empty file provided.").into(),
                    );
                }
                Payloads::File(items)
            }
        })
    }

    /// Record `i`'s payload: the random one, one of the file's at random,
    /// or `i` written into `number` (one buffer, no allocation per record).
    pub fn pick<'a>(
        &'a self,
        i: u64,
        rng: &mut XorShift,
        number: &'a mut Vec<u8>,
    ) -> std::io::Result<&'a [u8]> {
        Ok(match self {
            Payloads::Random(p) => p,
            Payloads::File(items) => &items[(rng.next() % items.len() as u64) as usize],
            Payloads::Monotonic => {
                number.clear();
                write!(number, "{i}")?;
                number
            }
        })
    }
}

/// xorshift64: fast, seedable and good enough to pick payloads; not for
/// anything that needs real randomness.
pub struct XorShift(u64);

impl XorShift {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        XorShift(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fills `buf` with random capital letters, as Kafka's payloads are.
    pub fn letters(&mut self, buf: &mut [u8]) {
        for b in buf {
            *b = b'A' + (self.next() % 26) as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_picked_without_surprises() {
        let mut rng = XorShift::new(7);
        let mut number = Vec::new();
        let random = Payloads::Random(b"ABC".to_vec());
        assert_eq!(random.pick(5, &mut rng, &mut number).unwrap(), b"ABC");
        let monotonic = Payloads::Monotonic;
        assert_eq!(monotonic.pick(42, &mut rng, &mut number).unwrap(), b"42");
        let file = Payloads::File(vec![b"a".to_vec(), b"b".to_vec()]);
        for i in 0..20 {
            let p = file.pick(i, &mut rng, &mut number).unwrap();
            assert!(p == b"a" || p == b"b");
        }
        let mut letters = [0u8; 64];
        XorShift::new(1).letters(&mut letters);
        assert!(letters.iter().all(u8::is_ascii_uppercase));
    }
}
