//! The one question kt's own commands ask before they change or delete
//! something: only when stdin is a terminal (scripts are never asked), on
//! stderr, answered `y`/`yes` to go ahead.

use std::io::{BufRead, IsTerminal, Write};

use kt_core::{Diagnostics, ErrorKind, KtError};

/// Asks `question` (kt adds ` [y/N] `); true to go ahead. Without a terminal
/// on stdin nobody is asked and the answer is yes.
pub fn confirmed(question: &str, err: &Diagnostics) -> anyhow::Result<bool> {
    if !std::io::stdin().is_terminal() {
        return Ok(true);
    }
    let _ = write!(&*err, "{question} [y/N] ");
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// [`confirmed`], or the declined error (exit 7) saying `nothing`
/// ("nothing deleted") when the answer is no.
pub fn confirm(question: &str, nothing: &str, err: &Diagnostics) -> anyhow::Result<()> {
    if confirmed(question, err)? {
        Ok(())
    } else {
        Err(KtError::new(ErrorKind::Declined, format!("declined: {nothing}")).into())
    }
}
