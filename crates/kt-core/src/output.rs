//! `--output`: Kafka's text, a table for people, or JSON for scripts.

use clap::{Args, ValueEnum};

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutputFormat {
    /// Exactly what the Kafka tool prints
    #[default]
    Text,
    /// An aligned table for people
    Table,
    /// JSON for scripts (schema in the README)
    Json,
}

#[derive(Args, Debug, Clone, Default, PartialEq, Eq)]
pub struct OutputArgs {
    /// Output format
    #[arg(
        long,
        short = 'o',
        value_enum,
        default_value_t,
        help_heading = "Output"
    )]
    pub output: OutputFormat,
}
