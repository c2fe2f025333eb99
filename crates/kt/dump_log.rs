//! `kt dump-log` / kafka-dump-log (DumpLogSegments): a partition's files
//! on disk, read offline and printed line for line as Kafka 3.9's tool
//! prints them: `.log` segments and KRaft `.checkpoint` snapshots (each
//! batch; with `--deep-iteration` each record; with `--print-data-log` keys
//! and values through the String, Long or Integer decoder, or
//! `__transaction_state` records with `--transaction-log-decoder`), `.index` and
//! `.timeindex` (entries, checked against the log: `--verify-index-only`,
//! `--index-sanity-check`), `.txnindex` (aborted transactions) and
//! `.snapshot` (producer state).
//!
//! Batches are read straight from the file (DumpLogSegments prints fields a
//! client's decoder drops: the stored CRC and whether it holds, the batch
//! size and position, the delete horizon); compressed records are inflated
//! with the `kafka-protocol` crate's codecs. One batch is in memory at a
//! time, so a segment of any size dumps in constant memory.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use bytes::{Buf, Bytes};
use clap::Args;
use kt_core::{Diagnostics, ErrorKind, KtError};

use crate::record_batch::{compression_name, Batch};

#[derive(Args, Debug, Clone, Default)]
pub struct DumpLogArgs {
    /// REQUIRED: The comma separated list of data and index log files to be dumped.
    #[arg(long, value_name = "file1, file2, ...")]
    pub files: Option<String>,
    /// If set, printing the messages content when dumping data logs. Automatically set if any decoder option is specified.
    #[arg(long)]
    pub print_data_log: bool,
    /// If set, uses deep instead of shallow iteration. Automatically set if print-data-log is enabled.
    #[arg(long)]
    pub deep_iteration: bool,
    /// If set, just verify the index log without printing its content.
    #[arg(long)]
    pub verify_index_only: bool,
    /// If set, just checks the index sanity without printing its content.
    #[arg(long)]
    pub index_sanity_check: bool,
    /// Size of largest message. [default: 5242880]
    #[arg(long, value_name = "size", allow_hyphen_values = true)]
    pub max_message_size: Option<String>,
    /// Limit the amount of total batches read in bytes avoiding reading the whole .log file(s). [default: 2147483647]
    #[arg(long, value_name = "size", allow_hyphen_values = true)]
    pub max_bytes: Option<String>,
    /// The keys' decoder: org.apache.kafka.tools.api.StringDecoder (the default), LongDecoder or IntegerDecoder
    #[arg(long, value_name = "String", num_args = 0..=1, default_missing_value = STRING_DECODER)]
    pub key_decoder_class: Option<String>,
    /// The values' decoder: org.apache.kafka.tools.api.StringDecoder (the default), LongDecoder or IntegerDecoder
    #[arg(long, value_name = "String", num_args = 0..=1, default_missing_value = STRING_DECODER)]
    pub value_decoder_class: Option<String>,
    /// Parse the data as __consumer_offsets records (not in kt yet)
    #[arg(long)]
    pub offsets_decoder: bool,
    /// Parse the data as __transaction_state records
    #[arg(long)]
    pub transaction_log_decoder: bool,
    /// Parse the data as cluster metadata records (not in kt yet)
    #[arg(long)]
    pub cluster_metadata_decoder: bool,
    /// Parse the data as remote log metadata records (not in kt yet)
    #[arg(long)]
    pub remote_log_metadata_decoder: bool,
    /// Whether to skip printing metadata for each record.
    #[arg(long)]
    pub skip_record_metadata: bool,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

const STRING_DECODER: &str = "org.apache.kafka.tools.api.StringDecoder";

/// How keys and values print.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decoder {
    String,
    Long,
    Integer,
}

impl Decoder {
    /// The decoder a class names (the deprecated `kafka.serializer` ones
    /// with Kafka's line saying so); `None` for a class kt cannot load.
    fn of(class: &str, out: &mut dyn Write) -> std::io::Result<Option<Decoder>> {
        let (decoder, deprecated) = match class {
            "org.apache.kafka.tools.api.StringDecoder" => (Decoder::String, None),
            "org.apache.kafka.tools.api.LongDecoder" => (Decoder::Long, None),
            "org.apache.kafka.tools.api.IntegerDecoder" => (Decoder::Integer, None),
            "kafka.serializer.StringDecoder" => (Decoder::String, Some("StringDecoder")),
            "kafka.serializer.LongDecoder" => (Decoder::Long, Some("LongDecoder")),
            "kafka.serializer.IntegerDecoder" => (Decoder::Integer, Some("IntegerDecoder")),
            _ => return Ok(None),
        };
        if let Some(name) = deprecated {
            writeln!(out, "kafka.serializer.{name} is deprecated. Please use org.apache.kafka.tools.api.{name} instead")?;
        }
        Ok(Some(decoder))
    }

    fn decode(self, bytes: &[u8]) -> Result<String, KtError> {
        let underflow = || {
            KtError::usage("java.nio.BufferUnderflowException")
                .thrown("java.nio.BufferUnderflowException", String::new())
        };
        match self {
            Decoder::String => Ok(crate::compat::java_utf8(bytes)),
            Decoder::Long => bytes
                .get(..8)
                .map(|b| i64::from_be_bytes(b.try_into().unwrap_or_default()).to_string())
                .ok_or_else(underflow),
            Decoder::Integer => bytes
                .get(..4)
                .map(|b| i32::from_be_bytes(b.try_into().unwrap_or_default()).to_string())
                .ok_or_else(underflow),
        }
    }
}

/// What a run was asked to do.
struct Plan {
    print_data: bool,
    deep: bool,
    verify_only: bool,
    sanity_only: bool,
    skip_metadata: bool,
    /// As given: jopt converts them where the tool reads them.
    max_message_size: Option<String>,
    max_bytes: Option<String>,
    /// The decoder classes named (the String decoder when none).
    key: Option<String>,
    value: Option<String>,
    /// The log decoder chosen, in Kafka's order of precedence.
    log_decoder: Option<LogDecoder>,
}

/// DumpLogSegments' parsers of Kafka's own logs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LogDecoder {
    /// `--offsets-decoder`: `__consumer_offsets`.
    Offsets,
    /// `--transaction-log-decoder`: `__transaction_state`.
    TransactionLog,
    /// `--cluster-metadata-decoder`: `__cluster_metadata`.
    ClusterMetadata,
    /// `--remote-log-metadata-decoder`: `__remote_log_metadata`.
    RemoteLogMetadata,
}

/// A decoder class kt has, made as DumpLogSegments makes it for each log
/// file (its deprecation line on stdout).
fn decoder(class: &Option<String>, out: &mut dyn Write) -> anyhow::Result<Decoder> {
    let class = class.as_deref().unwrap_or(STRING_DECODER);
    Ok(Decoder::of(class, out)?.ok_or_else(|| {
        KtError::usage(format!(
            "kt decodes with org.apache.kafka.tools.api.StringDecoder, LongDecoder or IntegerDecoder; \
             {class} is a Java class kt cannot load (use Apache's kafka-dump-log for it)"
        ))
        .thrown("java.lang.ClassNotFoundException", class.to_string())
    })?)
}

/// What the run found wrong, printed on stderr at the end as Kafka does.
#[derive(Default)]
struct Findings {
    /// Per index file: (index offset, log offset), newest first.
    index_mismatches: Vec<(String, Vec<(i64, i64)>)>,
    time_mismatches: Vec<(String, Vec<(i64, i64)>)>,
    out_of_order: Vec<(String, Vec<(i64, i64)>)>,
    not_found: Vec<(String, Vec<(i64, i64)>)>,
    /// Per log file: (offset, next offset), newest first.
    non_consecutive: Vec<(String, Vec<(i64, i64)>)>,
}

fn note(
    list: &mut Vec<(String, Vec<(i64, i64)>)>,
    file: &str,
    pair: (i64, i64),
    newest_first: bool,
) {
    let at = match list.iter().position(|(f, _)| f == file) {
        Some(i) => i,
        None => {
            list.push((file.to_string(), Vec::new()));
            list.len() - 1
        }
    };
    if newest_first {
        list[at].1.insert(0, pair);
    } else {
        list[at].1.push(pair);
    }
}

/// `File.getAbsolutePath()`: the path joined to the working directory,
/// not resolved.
fn absolute(path: &Path) -> String {
    if path.is_absolute() {
        return path.display().to_string();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    format!("{}/{}", cwd.display(), path.display())
}

pub fn run(args: DumpLogArgs, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
    let Some(files) = args.files.clone() else {
        return Err(KtError::usage("Missing required argument \"[files]\"").into());
    };
    let log_decoder = if args.offsets_decoder {
        Some(LogDecoder::Offsets)
    } else if args.transaction_log_decoder {
        Some(LogDecoder::TransactionLog)
    } else if args.cluster_metadata_decoder {
        Some(LogDecoder::ClusterMetadata)
    } else if args.remote_log_metadata_decoder {
        Some(LogDecoder::RemoteLogMetadata)
    } else {
        None
    };
    let print_data = args.print_data_log
        || log_decoder.is_some()
        || args.key_decoder_class.is_some()
        || args.value_decoder_class.is_some();
    let plan = Plan {
        print_data,
        deep: args.deep_iteration || print_data,
        verify_only: args.verify_index_only,
        sanity_only: args.index_sanity_check,
        skip_metadata: args.skip_record_metadata,
        max_message_size: args.max_message_size.clone(),
        max_bytes: args.max_bytes.clone(),
        key: args.key_decoder_class.clone(),
        value: args.value_decoder_class.clone(),
        log_decoder,
    };
    let mut findings = Findings::default();
    for name in files.split(',') {
        let path = PathBuf::from(name);
        writeln!(out, "Dumping {name}")?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let suffix = file_name.rfind('.').map_or("", |i| &file_name[i..]);
        match suffix {
            ".log" | ".checkpoint" => dump_log(&path, &file_name, &plan, &mut findings, out)?,
            ".index" => dump_index(&path, &file_name, &plan, &mut findings, out)?,
            ".timeindex" => dump_time_index(&path, &file_name, &plan, &mut findings, out)?,
            ".snapshot" => dump_producer_snapshot(&path, out, err)?,
            ".txnindex" => dump_txn_index(&path, &file_name, out)?,
            // `substring(lastIndexOf("."))` of a name with no dot throws.
            "" => {
                return Err(KtError::usage(format!(
                    "begin -1, end {}, length {}",
                    file_name.len(),
                    file_name.len()
                ))
                .thrown(
                    "java.lang.StringIndexOutOfBoundsException",
                    format!(
                        "begin -1, end {}, length {}",
                        file_name.len(),
                        file_name.len()
                    ),
                )
                .into())
            }
            _ => err.line(format_args!("Ignoring unknown file {name}")),
        }
    }
    out.flush()?;
    for (file, pairs) in &findings.index_mismatches {
        err.line(format_args!("Mismatches in :{file}"));
        for (index, log) in pairs {
            err.line(format_args!("  Index offset: {index}, log offset: {log}"));
        }
    }
    for (file, pairs) in &findings.time_mismatches {
        err.line(format_args!("Found timestamp mismatch in :{file}"));
        for (index, log) in pairs {
            err.line(format_args!(
                "  Index timestamp: {index}, log timestamp: {log}"
            ));
        }
    }
    for (file, pairs) in &findings.out_of_order {
        err.line(format_args!("Found out of order timestamp in :{file}"));
        for (index, prev) in pairs {
            err.line(format_args!(
                "  Index timestamp: {index}, Previously indexed timestamp: {prev}"
            ));
        }
    }
    for (_, pairs) in &findings.not_found {
        err.line("The following indexed offsets are not found in the log.");
        for (index, log) in pairs {
            err.line(format_args!(
                "Indexed offset: {index}, found log offset: {log}"
            ));
        }
    }
    for (file, pairs) in &findings.non_consecutive {
        err.line(format_args!("Non-consecutive offsets in {file}"));
        for (first, second) in pairs {
            err.line(format_args!("  {first} is followed by {second}"));
        }
    }
    Ok(())
}

/// A file kt could not open or read, as Java's exception says it.
fn io_failure(path: &Path, e: &std::io::Error) -> KtError {
    let shown = path.display().to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => KtError::new(
            ErrorKind::NotFound,
            format!("{shown} (No such file or directory)"),
        )
        .thrown("java.nio.file.NoSuchFileException", shown),
        _ => KtError::new(ErrorKind::Config, format!("{shown}: {e}"))
            .thrown("java.io.IOException", format!("{shown}: {e}")),
    }
}

/// The batches of a file from `start` up to `end`, read one at a time, as
/// `FileLogInputStream` reads them.
struct Batches {
    reader: BufReader<File>,
    position: u64,
    end: u64,
    name: String,
}

impl Batches {
    fn open(path: &Path, start: u64, size: u64) -> Result<Batches, KtError> {
        let file = File::open(path).map_err(|e| io_failure(path, &e))?;
        let len = file.metadata().map_err(|e| io_failure(path, &e))?.len();
        let mut reader = BufReader::with_capacity(1 << 20, file);
        reader
            .seek(SeekFrom::Start(start.min(len)))
            .map_err(|e| io_failure(path, &e))?;
        Ok(Batches {
            reader,
            position: start.min(len),
            end: start.min(len).saturating_add(size).min(len),
            name: absolute(path),
        })
    }

    /// The bytes this view holds.
    fn size(&self, start: u64) -> u64 {
        self.end - start
    }

    fn next(&mut self) -> Result<Option<Batch>, KtError> {
        // HEADER_SIZE_UP_TO_MAGIC.
        if self.position + 17 >= self.end {
            return Ok(None);
        }
        let mut header = [0u8; 12];
        self.reader
            .read_exact(&mut header)
            .map_err(|e| io_failure(Path::new(&self.name), &e))?;
        let size = i32::from_be_bytes(header[8..12].try_into().unwrap_or_default());
        if size < 14 {
            let m = format!(
                "Found record size {size} smaller than minimum record overhead (14) in file {}.",
                self.name
            );
            return Err(KtError::new(ErrorKind::Broker, m.clone())
                .thrown("org.apache.kafka.common.errors.CorruptRecordException", m));
        }
        let total = 12 + u64::from(size.unsigned_abs());
        if self.position + total > self.end {
            return Ok(None);
        }
        let mut bytes = vec![0u8; total as usize];
        bytes[..12].copy_from_slice(&header);
        self.reader
            .read_exact(&mut bytes[12..])
            .map_err(|e| io_failure(Path::new(&self.name), &e))?;
        self.position += total;
        let batch = Batch::new(Bytes::from(bytes));
        if batch.magic() != 2 {
            return Err(KtError::usage(format!(
                "{}: a message set of magic {} (Kafka before 0.11) at offset {}; kt reads record batches of magic 2",
                self.name,
                batch.magic(),
                batch.base_offset()
            )));
        }
        Ok(Some(batch))
    }
}

/// One record of a batch, as stored.
struct Record {
    offset: i64,
    timestamp: i64,
    key: Option<Bytes>,
    value: Option<Bytes>,
    header_keys: Vec<String>,
    sequence: i32,
}

fn varint(buf: &mut Bytes) -> Result<i64, KtError> {
    let mut value: u64 = 0;
    for shift in (0..70).step_by(7) {
        if !buf.has_remaining() {
            return Err(KtError::new(
                ErrorKind::Broker,
                "a record ends inside a varint",
            ));
        }
        let b = buf.get_u8();
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            // Zig-zag.
            return Ok((value >> 1) as i64 ^ -((value & 1) as i64));
        }
    }
    Err(KtError::new(
        ErrorKind::Broker,
        "a varint longer than ten bytes",
    ))
}

fn bytes_field(buf: &mut Bytes) -> Result<Option<Bytes>, KtError> {
    let len = varint(buf)?;
    if len < 0 {
        return Ok(None);
    }
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    if len > buf.remaining() {
        return Err(KtError::new(
            ErrorKind::Broker,
            "a record field runs past its batch",
        ));
    }
    Ok(Some(buf.split_to(len)))
}

/// The records of `batch`, in order.
fn records(batch: &Batch) -> Result<Vec<Record>, KtError> {
    let mut buf = batch.records()?;
    let mut records = Vec::with_capacity(usize::try_from(batch.count()).unwrap_or(0).min(1 << 16));
    for _ in 0..batch.count() {
        let len = varint(&mut buf)?;
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len > buf.remaining() {
            return Err(KtError::new(
                ErrorKind::Broker,
                "a record runs past its batch",
            ));
        }
        let mut r = buf.split_to(len);
        let _attributes = r.get_i8();
        let timestamp_delta = varint(&mut r)?;
        let offset_delta = varint(&mut r)?;
        let key = bytes_field(&mut r)?;
        let value = bytes_field(&mut r)?;
        let headers = varint(&mut r)?;
        let mut header_keys = Vec::new();
        for _ in 0..headers.max(0) {
            let k = bytes_field(&mut r)?.unwrap_or_default();
            header_keys.push(crate::compat::java_utf8(&k));
            let _ = bytes_field(&mut r)?;
        }
        let timestamp = if batch.log_append_time() {
            batch.max_timestamp()
        } else {
            batch.base_timestamp() + timestamp_delta
        };
        let delta = i32::try_from(offset_delta).unwrap_or(i32::MAX);
        records.push(Record {
            offset: batch.base_offset() + offset_delta,
            timestamp,
            key,
            value,
            header_keys,
            sequence: batch.sequence_at(delta),
        });
    }
    Ok(records)
}

/// The start offset a file's name carries (`00000000000000000042.log`).
fn start_offset(file_name: &str) -> Result<i64, KtError> {
    let stem = file_name.split('.').next().unwrap_or_default();
    stem.parse().map_err(|_| {
        let m = format!("For input string: \"{stem}\"");
        KtError::usage(m.clone()).thrown("java.lang.NumberFormatException", m)
    })
}

fn dump_log(
    path: &Path,
    file_name: &str,
    plan: &Plan,
    findings: &mut Findings,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    // The arguments of Kafka's dumpLog call, in their order.
    // Kafka makes the key and value decoders only without a log decoder.
    let (value_decoder, key_decoder) = if plan.log_decoder.is_some() {
        (Decoder::String, Decoder::String)
    } else {
        (decoder(&plan.value, out)?, decoder(&plan.key, out)?)
    };
    let max_bytes_option =
        crate::compat::jopt_value(plan.max_bytes.as_deref(), "max-bytes", i32::MAX)?;
    if file_name.ends_with(".log") {
        writeln!(out, "Log starting offset: {}", start_offset(file_name)?)?;
    } else if file_name == "bootstrap.checkpoint" {
        writeln!(out, "KRaft bootstrap snapshot")?;
    } else {
        // `<end offset>-<epoch>.checkpoint`.
        let stem = file_name.trim_end_matches(".checkpoint");
        let parsed = stem
            .split_once('-')
            .and_then(|(o, e)| Some((o.parse::<i64>().ok()?, e.parse::<i32>().ok()?)));
        let Some((offset, epoch)) = parsed else {
            let m = "No value present".to_string();
            return Err(KtError::usage(m.clone())
                .thrown("java.util.NoSuchElementException", m)
                .into());
        };
        writeln!(out, "Snapshot end offset: {offset}, epoch: {epoch}")?;
    }
    let max_bytes = u64::from(max_bytes_option.max(0).unsigned_abs());
    let mut batches = Batches::open(path, 0, max_bytes)?;
    let size = batches.size(0);
    let absolute_name = absolute(path);
    let mut valid_bytes: u64 = 0;
    let mut last_offset = -1i64;
    while let Some(batch) = batches.next()? {
        write!(
            out,
            "baseOffset: {} lastOffset: {} count: {} baseSequence: {} lastSequence: {} producerId: {} producerEpoch: {} partitionLeaderEpoch: {} isTransactional: {} isControl: {} deleteHorizonMs: {}",
            batch.base_offset(),
            batch.last_offset(),
            batch.count(),
            batch.base_sequence(),
            batch.sequence_at(batch.last_offset_delta()),
            batch.producer_id(),
            batch.producer_epoch(),
            batch.leader_epoch(),
            batch.transactional(),
            batch.control(),
            batch
                .delete_horizon()
                .map_or("OptionalLong.empty".to_string(), |h| format!("OptionalLong[{h}]")),
        )?;
        writeln!(
            out,
            " position: {valid_bytes} {}: {} size: {} magic: {} compresscodec: {} crc: {} isvalid: {}",
            batch.timestamp_type(),
            batch.max_timestamp(),
            batch.size(),
            batch.magic(),
            compression_name(batch.compression()),
            batch.crc(),
            batch.valid()
        )?;
        if plan.deep {
            for record in records(&batch)? {
                if last_offset != -1 && record.offset != last_offset + 1 {
                    note(
                        &mut findings.non_consecutive,
                        &absolute_name,
                        (last_offset, record.offset),
                        true,
                    );
                }
                last_offset = record.offset;
                let mut prefix = "| ";
                if !plan.skip_metadata {
                    write!(
                        out,
                        "{prefix}offset: {} {}: {} keySize: {} valueSize: {} sequence: {} headerKeys: [{}]",
                        record.offset,
                        batch.timestamp_type(),
                        record.timestamp,
                        record.key.as_ref().map_or(-1, |k| k.len() as i64),
                        record.value.as_ref().map_or(-1, |v| v.len() as i64),
                        record.sequence,
                        record.header_keys.join(",")
                    )?;
                    prefix = " ";
                    if batch.control() {
                        write!(out, "{}", control_text(&record)?)?;
                    }
                }
                if let (true, false, Some(log)) =
                    (plan.print_data, batch.control(), plan.log_decoder)
                {
                    let (key, value) = match log {
                        LogDecoder::Offsets => offsets_record(&record)?,
                        LogDecoder::TransactionLog => transaction_record(&record)?,
                        LogDecoder::ClusterMetadata => (None, Some(metadata_record(&record))),
                        LogDecoder::RemoteLogMetadata => (None, Some(remote_log_record(&record))),
                    };
                    if let Some(key) = key {
                        write!(out, "{prefix}key: {key}")?;
                    }
                    if let Some(value) = value {
                        write!(out, " payload: {value}")?;
                    }
                } else if plan.print_data && !batch.control() {
                    if let Some(key) = &record.key {
                        write!(out, "{prefix}key: {}", key_decoder.decode(key)?)?;
                    }
                    // Kafka's payload always follows one space.
                    if let Some(value) = &record.value {
                        write!(out, " payload: {}", value_decoder.decode(value)?)?;
                    }
                }
                writeln!(out)?;
            }
        }
        valid_bytes += batch.size() as u64;
    }
    let trailing = size.saturating_sub(valid_bytes);
    if trailing > 0 && max_bytes_option == i32::MAX {
        writeln!(
            out,
            "Found {trailing} invalid bytes at the end of {file_name}"
        )?;
    }
    Ok(())
}

/// Reads a `__transaction_state` field, failing as a short buffer does.
struct Reader(Bytes);

impl Reader {
    fn need(&self, n: usize) -> Result<(), KtError> {
        if self.0.remaining() < n {
            return Err(
                KtError::new(ErrorKind::Broker, "java.nio.BufferUnderflowException")
                    .thrown("java.nio.BufferUnderflowException", String::new()),
            );
        }
        Ok(())
    }
    fn i8(&mut self) -> Result<i8, KtError> {
        self.need(1)?;
        Ok(self.0.get_i8())
    }
    fn i16(&mut self) -> Result<i16, KtError> {
        self.need(2)?;
        Ok(self.0.get_i16())
    }
    fn i32(&mut self) -> Result<i32, KtError> {
        self.need(4)?;
        Ok(self.0.get_i32())
    }
    fn i64(&mut self) -> Result<i64, KtError> {
        self.need(8)?;
        Ok(self.0.get_i64())
    }
    /// An unsigned varint (the flexible versions' lengths).
    fn uvarint(&mut self) -> Result<u64, KtError> {
        let mut value = 0u64;
        for shift in (0..35).step_by(7) {
            self.need(1)?;
            let b = self.0.get_u8();
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(KtError::new(
            ErrorKind::Broker,
            "a varint longer than five bytes",
        ))
    }
    fn bytes(&mut self, n: usize) -> Result<Bytes, KtError> {
        self.need(n)?;
        Ok(self.0.split_to(n))
    }
    /// A string: int16 length, or (flexible) unsigned varint length + 1.
    fn string(&mut self, flexible: bool) -> Result<String, KtError> {
        let n = if flexible {
            usize::try_from(self.uvarint()?.saturating_sub(1)).unwrap_or(0)
        } else {
            usize::try_from(self.i16()?.max(0)).unwrap_or(0)
        };
        Ok(crate::compat::java_utf8(&self.bytes(n)?))
    }
    /// An array's length: int32 (-1 null), or (flexible) unsigned varint
    /// length + 1 (0 null).
    fn count(&mut self, flexible: bool) -> Result<usize, KtError> {
        let n = if flexible {
            i64::try_from(self.uvarint()?).unwrap_or(0) - 1
        } else {
            i64::from(self.i32()?)
        };
        Ok(usize::try_from(n.max(0)).unwrap_or(0))
    }
    /// A flexible struct's tagged fields, skipped.
    fn tags(&mut self) -> Result<(), KtError> {
        for _ in 0..self.uvarint()? {
            let _tag = self.uvarint()?;
            let size = usize::try_from(self.uvarint()?).unwrap_or(0);
            self.bytes(size)?;
        }
        Ok(())
    }
}

/// A `__consumer_offsets` record as DumpLogSegments' OffsetsMessageParser
/// prints it: `{"type":"1","data":{…}}` and `{"version":"3","data":{…}}`
/// (the group coordinator's records through Kafka's schemas), `<DELETE>`
/// for a tombstone, or the error instead of the key.
fn offsets_record(record: &Record) -> Result<(Option<String>, Option<String>), KtError> {
    let Some(mut key) = record.key.clone() else {
        let m = format!(
            "Failed to decode message at offset {} using offset topic decoder (message had a missing key)",
            record.offset
        );
        return Err(
            KtError::new(ErrorKind::Broker, m.clone()).thrown("java.lang.RuntimeException", m)
        );
    };
    let offset = record.offset;
    let version_of = |buf: &mut Bytes, name: &str| {
        if buf.remaining() < 2 {
            return Err(format!("Could not read version from {name}'s buffer."));
        }
        Ok(buf.get_i16())
    };
    let read = |schema: &crate::kafka_schema::Schema, buf: &mut Bytes, version: i16, name: &str| {
        schema.read(buf, version).map_err(|e| {
            format!(
                "Could not read record with version {version} from {name}'s buffer due to: {e}."
            )
        })
    };
    let parsed = (|| -> Result<Result<(String, String), i16>, String> {
        let record_type = version_of(&mut key, "key")?;
        let names = match record_type {
            0 | 1 => ("OffsetCommitKey", "OffsetCommitValue"),
            2 => ("GroupMetadataKey", "GroupMetadataValue"),
            3 => ("ConsumerGroupMetadataKey", "ConsumerGroupMetadataValue"),
            4 => (
                "ConsumerGroupPartitionMetadataKey",
                "ConsumerGroupPartitionMetadataValue",
            ),
            5 => (
                "ConsumerGroupMemberMetadataKey",
                "ConsumerGroupMemberMetadataValue",
            ),
            6 => (
                "ConsumerGroupTargetAssignmentMetadataKey",
                "ConsumerGroupTargetAssignmentMetadataValue",
            ),
            7 => (
                "ConsumerGroupTargetAssignmentMemberKey",
                "ConsumerGroupTargetAssignmentMemberValue",
            ),
            8 => (
                "ConsumerGroupCurrentMemberAssignmentKey",
                "ConsumerGroupCurrentMemberAssignmentValue",
            ),
            other => return Ok(Err(other)),
        };
        let schema =
            |n: &str| crate::kafka_schema::schema(n).ok_or_else(|| format!("no schema {n}"));
        let key_data = read(schema(names.0)?, &mut key, record_type, "key")?;
        let key_text = format!(
            "{{\"type\":\"{record_type}\",\"data\":{}}}",
            key_data.to_json()
        );
        let Some(mut value) = record.value.clone() else {
            return Ok(Ok((key_text, "<DELETE>".to_string())));
        };
        let version = version_of(&mut value, "value")?;
        let mut data = read(schema(names.1)?, &mut value, version, "value")?;
        if record_type == 2 {
            consumer_protocol_members(&mut data);
        }
        let value_text = format!("{{\"version\":\"{version}\",\"data\":{}}}", data.to_json());
        Ok(Ok((key_text, value_text)))
    })();
    Ok(match parsed {
        Ok(Ok((k, v))) => (Some(k), Some(v)),
        Ok(Err(t)) => (
            Some(format!(
                "Unknown record type {t} at offset {offset}, skipping."
            )),
            None,
        ),
        Err(e) => (
            Some(format!("Error at offset {offset}, skipping. {e}")),
            None,
        ),
    })
}

/// A classic group of the consumer protocol: each member's subscription
/// and assignment bytes read as ConsumerProtocolSubscription and
/// ConsumerProtocolAssignment (bytes that do not read stay bytes).
fn consumer_protocol_members(group: &mut crate::kafka_schema::Value) {
    use crate::kafka_schema::{schema, Value};
    if group.get("protocolType") != Some(&Value::Text("consumer".into())) {
        return;
    }
    let Some(Value::Array(members)) = group.get_mut("members") else {
        return;
    };
    for member in members {
        for (field, name) in [
            ("subscription", "ConsumerProtocolSubscription"),
            ("assignment", "ConsumerProtocolAssignment"),
        ] {
            let Some(slot) = member.get_mut(field) else {
                continue;
            };
            let Value::Binary(bytes) = slot else {
                continue;
            };
            let mut buf = Bytes::from(bytes.clone());
            if buf.remaining() < 2 {
                continue;
            }
            let version = buf.get_i16();
            if let Some(Ok(v)) = schema(name).map(|s| s.read(&mut buf, version)) {
                *slot = v;
            }
        }
    }
}

/// `AbstractApiMessageSerde.read`: a record framed with its frame version,
/// api key and version, decoded by the schema `lookup` gives for the key.
fn framed(
    record: &Record,
    lookup: fn(i16) -> Option<&'static crate::kafka_schema::Schema>,
) -> Result<
    (
        &'static crate::kafka_schema::Schema,
        i16,
        crate::kafka_schema::Value,
    ),
    String,
> {
    let mut value = record.value.clone().unwrap_or_default();
    let small = |buf: &mut Bytes, what: &str| -> Result<i16, String> {
        let v = crate::kafka_schema::unsigned_varint(buf)?;
        i16::try_from(v).map_err(|_| format!("Value for {what} was too large."))
    };
    let frame = small(&mut value, "frame version")?;
    if frame == 0 {
        return Err("Could not deserialize metadata record with frame version 0. Note that upgrades from the preview release of KRaft in 2.8 to newer versions are not supported.".into());
    }
    if frame != 1 {
        return Err(format!("Could not deserialize metadata record due to unknown frame version {frame}(only frame version 1 is supported)"));
    }
    let api_key = small(&mut value, "type")?;
    let version = small(&mut value, "version")?;
    let schema = lookup(api_key).ok_or_else(|| {
        format!("org.apache.kafka.common.errors.UnsupportedVersionException: Unknown metadata id {api_key}")
    })?;
    let data = schema
        .read(&mut value, version)
        .map_err(|_| format!("Failed to deserialize record with type {api_key}"))?;
    if value.has_remaining() {
        return Err(format!(
            "Found {} byte(s) of garbage after {api_key}",
            value.remaining()
        ));
    }
    Ok((schema, version, data))
}

/// A KRaft metadata record as DumpLogSegments' ClusterMetadataLogMessageParser
/// prints it: `{"type":"TOPIC_RECORD","version":0,"data":{…}}`, or the
/// error.
fn metadata_record(record: &Record) -> String {
    match framed(record, crate::kafka_schema::metadata_record) {
        Ok((schema, version, data)) => format!(
            "{{\"type\":\"{}\",\"version\":{version},\"data\":{}}}",
            schema.type_name(),
            data.to_json()
        ),
        Err(e) => format!("Error at {}, skipping. {e}", record.offset),
    }
}

/// A tiered storage metadata record as DumpLogSegments'
/// RemoteMetadataLogMessageParser prints it: the `toString()` of the
/// object RemoteLogMetadataSerde makes of it, or the error.
fn remote_log_record(record: &Record) -> String {
    use crate::kafka_schema::Value;
    let parsed = framed(record, crate::kafka_schema::remote_log_record).and_then(|(schema, _, v)| {
        let int = |v: &Value, k: &str| match v.get(k) {
            Some(Value::Int(i)) => *i,
            _ => 0,
        };
        let text = |v: &Value, k: &str| match v.get(k) {
            Some(Value::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let tip = |v: &Value| {
            format!("{}:{}-{}", text(v, "id"), text(v, "name"), int(v, "partition"))
        };
        let null = Value::Null;
        let segment_id = |v: &Value| {
            let id = v.get("remoteLogSegmentId").unwrap_or(&null);
            format!(
                "RemoteLogSegmentId{{topicIdPartition={}, id={}}}",
                tip(id.get("topicIdPartition").unwrap_or(&null)),
                text(id, "id")
            )
        };
        let custom = |v: &Value| match v.get("customMetadata") {
            Some(Value::Binary(b)) => format!("Optional[CustomMetadata{{{} bytes}}]", b.len()),
            _ => "Optional.empty".to_string(),
        };
        let segment_state = |v: &Value| -> Result<&'static str, String> {
            match int(v, "remoteLogSegmentState") {
                0 => Ok("COPY_SEGMENT_STARTED"),
                1 => Ok("COPY_SEGMENT_FINISHED"),
                2 => Ok("DELETE_SEGMENT_STARTED"),
                3 => Ok("DELETE_SEGMENT_FINISHED"),
                _ => Err("state can not be null".to_string()),
            }
        };
        // A TreeMap's toString: `{0=0, 1=100}`.
        let epochs = |v: &Value| -> Result<String, String> {
            let mut all: Vec<(i64, i64)> = match v.get("segmentLeaderEpochs") {
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|e| (int(e, "leaderEpoch"), int(e, "offset")))
                    .collect(),
                _ => Vec::new(),
            };
            if all.is_empty() {
                return Err("segmentLeaderEpochs can not be null or empty".into());
            }
            all.sort_by_key(|(e, _)| *e);
            all.dedup_by_key(|(e, _)| *e);
            let shown: Vec<String> = all.iter().map(|(e, o)| format!("{e}={o}")).collect();
            Ok(format!("{{{}}}", shown.join(", ")))
        };
        match schema.name.as_str() {
            "RemoteLogSegmentMetadataRecord" => {
                let state = segment_state(&v)?;
                let (start, end) = (int(&v, "startOffset"), int(&v, "endOffset"));
                if start < 0 {
                    return Err(format!("Unexpected start offset = {start}. StartOffset for a remote segment cannot be negative"));
                }
                if end < start {
                    return Err(format!("Unexpected end offset = {end}. EndOffset for a remote segment cannot be less than startOffset = {start}"));
                }
                let epochs = epochs(&v)?;
                Ok(format!(
                    "RemoteLogSegmentMetadata{{remoteLogSegmentId={}, startOffset={start}, endOffset={end}, brokerId={}, maxTimestampMs={}, eventTimestampMs={}, segmentLeaderEpochs={epochs}, segmentSizeInBytes={}, customMetadata={}, state={state}}}",
                    segment_id(&v),
                    int(&v, "brokerId"),
                    int(&v, "maxTimestampMs"),
                    int(&v, "eventTimestampMs"),
                    int(&v, "segmentSizeInBytes"),
                    custom(&v)
                ))
            }
            "RemoteLogSegmentMetadataUpdateRecord" => Ok(format!(
                "RemoteLogSegmentMetadataUpdate{{remoteLogSegmentId={}, customMetadata={}, state={}, eventTimestampMs={}, brokerId={}}}",
                segment_id(&v),
                custom(&v),
                segment_state(&v)?,
                int(&v, "eventTimestampMs"),
                int(&v, "brokerId")
            )),
            "RemotePartitionDeleteMetadataRecord" => {
                let state = match int(&v, "remotePartitionDeleteState") {
                    0 => "DELETE_PARTITION_MARKED",
                    1 => "DELETE_PARTITION_STARTED",
                    2 => "DELETE_PARTITION_FINISHED",
                    // Objects.requireNonNull with no message.
                    _ => return Err("null".into()),
                };
                Ok(format!(
                    "RemotePartitionDeleteMetadata{{topicPartition={}, state={state}, eventTimestampMs={}, brokerId={}}}",
                    tip(v.get("topicIdPartition").unwrap_or(&null)),
                    int(&v, "eventTimestampMs"),
                    int(&v, "brokerId")
                ))
            }
            _ => {
                let state = segment_state(&v)?;
                let epochs = epochs(&v)?;
                Ok(format!(
                    "RemoteLogSegmentMetadataSnapshot{{segmentId={}, startOffset={}, endOffset={}, maxTimestampMs={}, segmentLeaderEpochs={epochs}, segmentSizeInBytes={}, customMetadata={}, state={state}}}",
                    text(&v, "segmentId"),
                    int(&v, "startOffset"),
                    int(&v, "endOffset"),
                    int(&v, "maxTimestampMs"),
                    int(&v, "segmentSizeInBytes"),
                    custom(&v)
                ))
            }
        }
    });
    parsed.unwrap_or_else(|e| format!("Error at offset {}, skipping. {e}", record.offset))
}

/// A `__transaction_state` record as Kafka's TransactionLog prints it:
/// `transaction_metadata::transactionalId=…` and the state, or `<DELETE>`.
fn transaction_record(record: &Record) -> Result<(Option<String>, Option<String>), KtError> {
    let mut key = Reader(record.key.clone().unwrap_or_default());
    let version = key.i16()?;
    if version != 0 {
        return Ok((Some(format!("unknown::version={version}")), None));
    }
    let id = key.string(false)?;
    let key_text = format!("transaction_metadata::transactionalId={id}");
    let Some(value) = record.value.clone() else {
        return Ok((Some(key_text), Some("<DELETE>".into())));
    };
    let mut v = Reader(value);
    let version = v.i16()?;
    if !(0..=1).contains(&version) {
        let m = format!("Unknown version {version} from the transaction log message value");
        return Err(
            KtError::new(ErrorKind::Broker, m.clone()).thrown("java.lang.IllegalStateException", m)
        );
    }
    let flexible = version >= 1;
    let producer_id = v.i64()?;
    let epoch = v.i16()?;
    let timeout = v.i32()?;
    let status = v.i8()?;
    let mut partitions: Vec<(String, i32)> = Vec::new();
    for _ in 0..v.count(flexible)? {
        let topic = v.string(flexible)?;
        for _ in 0..v.count(flexible)? {
            partitions.push((topic.clone(), v.i32()?));
        }
        if flexible {
            v.tags()?;
        }
    }
    let last_update = v.i64()?;
    let _start = v.i64()?;
    let state = match status {
        0 => "Empty",
        1 => "Ongoing",
        2 => "PrepareCommit",
        3 => "PrepareAbort",
        4 => "CompleteCommit",
        5 => "CompleteAbort",
        6 => "Dead",
        7 => "PrepareEpochFence",
        other => {
            let m =
                format!("Unknown transaction state id {other} from the transaction status message");
            return Err(KtError::new(ErrorKind::Broker, m.clone())
                .thrown("java.lang.IllegalStateException", m));
        }
    };
    // An Empty transaction keeps no partitions; the others' are a set,
    // printed in its hash order.
    if state == "Empty" {
        partitions.clear();
    }
    partitions.dedup();
    let partitions = crate::java_order::hash_map_order(partitions, |(t, p)| {
        crate::java_order::topic_partition_hash(t, *p)
    });
    let shown: Vec<String> = partitions.iter().map(|(t, p)| format!("{t}-{p}")).collect();
    let value_text = format!(
        "producerId:{producer_id},producerEpoch:{epoch},state={state},partitions=[{}],txnLastUpdateTimestamp={last_update},txnTimeoutMs={timeout}",
        shown.join(",")
    );
    Ok((Some(key_text), Some(value_text)))
}

/// The next int16 of a control record's value (0 past its end).
fn short(value: &mut Bytes) -> i16 {
    if value.remaining() >= 2 {
        value.get_i16()
    } else {
        0
    }
}

/// What a control record says after its metadata.
fn control_text(record: &Record) -> Result<String, KtError> {
    let mut key = record.key.clone().unwrap_or_default();
    if key.remaining() < 4 {
        let m = format!(
            "Invalid value size found for end control record key. Must have at least 4 bytes, but found only {}",
            key.remaining()
        );
        return Err(KtError::new(ErrorKind::Broker, m.clone())
            .thrown("org.apache.kafka.common.InvalidRecordException", m));
    }
    let _version = key.get_i16();
    let type_id = key.get_i16();
    let mut value = record.value.clone().unwrap_or_default();
    Ok(match type_id {
        0 | 1 => {
            let kind = if type_id == 0 { "ABORT" } else { "COMMIT" };
            let epoch = if value.remaining() >= 6 {
                let _ = value.get_i16();
                value.get_i32()
            } else {
                -1
            };
            format!(" endTxnMarker: {kind} coordinatorEpoch: {epoch}")
        }
        2 => " controlType: LEADER_CHANGE(2)".to_string(),
        3 => {
            let version = short(&mut value);
            let ts = if value.remaining() >= 8 {
                value.get_i64()
            } else {
                0
            };
            format!(" SnapshotHeader {{\"version\":{version},\"lastContainedLogTimestamp\":{ts}}}")
        }
        4 => format!(" SnapshotFooter {{\"version\":{}}}", short(&mut value)),
        5 => {
            let version = short(&mut value);
            let kraft = short(&mut value);
            format!(" KRaftVersion {{\"version\":{version},\"kRaftVersion\":{kraft}}}")
        }
        6 => " controlType: KRAFT_VOTERS(6)".to_string(),
        other => format!(" controlType: UNKNOWN({other})"),
    })
}

/// An index's entries: (absolute offset, position or timestamp) for each
/// `width`-byte entry of the file.
fn index_entries(path: &Path, base: i64, width: usize) -> Result<(Vec<(i64, i64)>, u64), KtError> {
    let bytes = std::fs::read(path).map_err(|e| io_failure(path, &e))?;
    let entries = bytes
        .chunks_exact(width)
        .map(|e| {
            if width == 8 {
                let rel = i32::from_be_bytes(e[0..4].try_into().unwrap_or_default());
                let pos = i32::from_be_bytes(e[4..8].try_into().unwrap_or_default());
                (base + i64::from(rel), i64::from(pos))
            } else {
                let ts = i64::from_be_bytes(e[0..8].try_into().unwrap_or_default());
                let rel = i32::from_be_bytes(e[8..12].try_into().unwrap_or_default());
                (base + i64::from(rel), ts)
            }
        })
        .collect();
    Ok((entries, bytes.len() as u64))
}

/// The first batch at `position` of `log`, read with at most `limit`
/// bytes.
fn batch_at(log: &Path, position: u64, limit: u64) -> Result<Option<Batch>, KtError> {
    Batches::open(log, position, limit)?.next()
}

fn sibling(path: &Path, file_name: &str, suffix: &str) -> PathBuf {
    let stem = file_name.split('.').next().unwrap_or_default();
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() {
        std::env::current_dir().unwrap_or_default()
    } else {
        dir
    };
    dir.join(format!("{stem}{suffix}"))
}

fn corrupt_index(message: String) -> KtError {
    KtError::new(ErrorKind::Broker, message.clone()).thrown(
        "org.apache.kafka.storage.internals.log.CorruptIndexException",
        message,
    )
}

fn dump_index(
    path: &Path,
    file_name: &str,
    plan: &Plan,
    findings: &mut Findings,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let base = start_offset(file_name)?;
    let log = sibling(path, file_name, ".log");
    if !log.exists() {
        return Err(io_failure(&log, &std::io::ErrorKind::NotFound.into()).into());
    }
    let (entries, len) = index_entries(path, base, 8)?;
    if entries.is_empty() {
        writeln!(out, "{} is empty.", path.display())?;
        return Ok(());
    }
    if plan.sanity_only {
        let last = entries.last().map_or(base, |e| e.0);
        if last < base {
            return Err(corrupt_index(format!("Corrupt index found, index file ({}) has non-zero size but the last offset is {last} which is less than the base offset {base}.", absolute(path))).into());
        }
        if len % 8 != 0 {
            return Err(corrupt_index(format!("Index file {} is corrupt, found {len} bytes which is neither positive nor a multiple of 8.", absolute(path))).into());
        }
        writeln!(out, "{} passed sanity check.", path.display())?;
        return Ok(());
    }
    let limit = crate::compat::jopt_value(
        plan.max_message_size.as_deref(),
        "max-message-size",
        5i32 * 1024 * 1024,
    )?;
    let limit = u64::from(limit.max(0).unsigned_abs());
    for (i, (offset, position)) in entries.iter().enumerate() {
        if *offset == base && i > 0 {
            return Ok(());
        }
        let first = batch_at(&log, u64::try_from(*position).unwrap_or(0), limit)?;
        let Some(first) = first else {
            return Err(
                KtError::new(ErrorKind::Broker, "no batch at an indexed position")
                    .thrown("java.util.NoSuchElementException", String::new())
                    .into(),
            );
        };
        if first.last_offset() != *offset {
            note(
                &mut findings.index_mismatches,
                &absolute(path),
                (*offset, first.last_offset()),
                true,
            );
        }
        if !plan.verify_only {
            writeln!(out, "offset: {offset} position: {position}")?;
        }
    }
    Ok(())
}

/// `OffsetIndex.lookup`: the position of the last entry at or before
/// `target` (AbstractIndex's binary search, warm section first).
fn lookup(entries: &[(i64, i64)], target: i64) -> i64 {
    let n = entries.len();
    if n == 0 || entries[0].0 > target {
        return 0;
    }
    // Kafka searches the last 8 KB of entries first when the target is there.
    let warm_entries = (8192 / 8).min(n);
    let first_warm = n - warm_entries;
    let search = |mut lo: usize, mut hi: usize| -> usize {
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if entries[mid].0 > target {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        lo
    };
    let slot = if entries[first_warm].0 <= target {
        search(first_warm, n - 1)
    } else {
        search(0, first_warm)
    };
    entries[slot].1
}

fn dump_time_index(
    path: &Path,
    file_name: &str,
    plan: &Plan,
    findings: &mut Findings,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let base = start_offset(file_name)?;
    let log = sibling(path, file_name, ".log");
    if !log.exists() {
        return Err(io_failure(&log, &std::io::ErrorKind::NotFound.into()).into());
    }
    let index_path = sibling(path, file_name, ".index");
    let (index, _) = index_entries(&index_path, base, 8).unwrap_or_default();
    let (entries, len) = index_entries(path, base, 12)?;
    if plan.sanity_only {
        let shown = absolute(path);
        if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
            if last.1 < first.1 {
                return Err(corrupt_index(format!("Corrupt time index found, time index file ({shown}) has non-zero size but the last timestamp is {} which is less than the first timestamp {}", last.1, first.1)).into());
            }
            if last.0 < base {
                return Err(corrupt_index(format!("Corrupt time index found, time index file ({shown}) has non-zero size but the last offset is {} which is less than the first offset {base}", last.0)).into());
            }
        }
        if len % 12 != 0 {
            return Err(corrupt_index(format!("Time index file {shown} is corrupt, found {len} bytes which is neither positive nor a multiple of 12.")).into());
        }
        writeln!(out, "{} passed sanity check.", path.display())?;
        return Ok(());
    }
    let shown = absolute(path);
    let mut previous = -1i64;
    for (i, (offset, timestamp)) in entries.iter().enumerate() {
        if *offset == base && i > 0 {
            return Ok(());
        }
        let position = lookup(&index, *offset);
        let mut batches =
            Batches::open(&log, u64::try_from(position).unwrap_or(0), i32::MAX as u64)?;
        let mut found = None;
        while let Some(batch) = batches.next()? {
            if batch.last_offset() >= *offset {
                found = Some(batch);
                break;
            }
        }
        match found {
            None => note(&mut findings.not_found, &shown, (*offset, -1), false),
            Some(b) if b.last_offset() != *offset => note(
                &mut findings.not_found,
                &shown,
                (*offset, b.last_offset()),
                false,
            ),
            Some(b) => {
                let max = records(&b)?
                    .iter()
                    .map(|r| r.timestamp)
                    .fold(-1i64, i64::max);
                if max != *timestamp {
                    note(
                        &mut findings.time_mismatches,
                        &shown,
                        (*timestamp, max),
                        false,
                    );
                }
                if previous >= *timestamp {
                    note(
                        &mut findings.out_of_order,
                        &shown,
                        (*timestamp, previous),
                        false,
                    );
                }
            }
        }
        if !plan.verify_only {
            writeln!(out, "timestamp: {timestamp} offset: {offset}")?;
        }
        previous = *timestamp;
    }
    Ok(())
}

fn dump_txn_index(path: &Path, file_name: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let _base = start_offset(file_name)?;
    // TransactionIndex reads a missing file as one with no entries.
    let bytes = match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        read => read.map_err(|e| io_failure(path, &e))?,
    };
    for entry in bytes.chunks(34) {
        if entry.len() < 34 {
            let m = format!(
                "Read partial aborted transaction entry, expected 34 bytes but found {} at position {} of {}",
                entry.len(),
                bytes.len() - entry.len(),
                absolute(path)
            );
            return Err(corrupt_index(m).into());
        }
        let i64_at =
            |at: usize| i64::from_be_bytes(entry[at..at + 8].try_into().unwrap_or_default());
        let version = i16::from_be_bytes(entry[0..2].try_into().unwrap_or_default());
        writeln!(
            out,
            "version: {version} producerId: {} firstOffset: {} lastOffset: {} lastStableOffset: {}",
            i64_at(2),
            i64_at(10),
            i64_at(18),
            i64_at(26)
        )?;
    }
    Ok(())
}

fn dump_producer_snapshot(
    path: &Path,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(path).map_err(|e| io_failure(path, &e))?;
    let corrupt = |m: String| -> anyhow::Result<()> {
        err.line(m);
        Ok(())
    };
    if bytes.len() < 10 {
        return corrupt("Snapshot failed schema validation: Error reading field 'version': java.nio.BufferUnderflowException".to_string());
    }
    let mut buf = Bytes::from(bytes);
    let version = buf.get_i16();
    let crc = buf.get_u32();
    let entries = buf.get_i32();
    if version != 1 {
        return corrupt(format!(
            "Snapshot contained an unknown file version {version}"
        ));
    }
    let computed = crc32c::crc32c(&buf_with_count(&buf, entries));
    if crc != computed {
        return corrupt(format!(
            "Snapshot is corrupt (CRC is no longer valid). Stored crc: {crc}. Computed crc: {computed}"
        ));
    }
    if buf.remaining() < usize::try_from(entries).unwrap_or(0) * 46 {
        return corrupt("Snapshot failed schema validation: Error reading array of size, only some bytes available".to_string());
    }
    for _ in 0..entries.max(0) {
        let producer_id = buf.get_i64();
        let epoch = buf.get_i16();
        let last_seq = buf.get_i32();
        let last_offset = buf.get_i64();
        let offset_delta = buf.get_i32();
        let timestamp = buf.get_i64();
        let coordinator_epoch = buf.get_i32();
        let txn_first = buf.get_i64();
        let txn = if txn_first >= 0 {
            format!("OptionalLong[{txn_first}]")
        } else {
            "OptionalLong.empty".to_string()
        };
        write!(out, "producerId: {producer_id} producerEpoch: {epoch} coordinatorEpoch: {coordinator_epoch} currentTxnFirstOffset: {txn} lastTimestamp: {timestamp} ")?;
        if last_offset >= 0 {
            // `DefaultRecordBatch.decrementSequence`.
            let first_seq = if last_seq < offset_delta {
                i32::MAX - (offset_delta - last_seq) + 1
            } else {
                last_seq - offset_delta
            };
            write!(out, "firstSequence: {first_seq} lastSequence: {last_seq} lastOffset: {last_offset} offsetDelta: {offset_delta} timestamp: {timestamp}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The bytes the snapshot's CRC covers: the entry count and the entries.
fn buf_with_count(entries: &Bytes, count: i32) -> Vec<u8> {
    let mut all = count.to_be_bytes().to_vec();
    all.extend_from_slice(entries);
    all
}
