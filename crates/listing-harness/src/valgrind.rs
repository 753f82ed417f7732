//! Valgrind: how the harness starts it and how it reads its leak report.

use std::process::Command;
use std::sync::LazyLock;

use regex::Regex;

use crate::failure::Failure;

/// Asked once per run, not once per leak-checked listing.
pub fn installed() -> bool {
    static INSTALLED: LazyLock<bool> = LazyLock::new(|| {
        Command::new("valgrind").arg("--version").output().is_ok_and(|o| o.status.success())
    });
    *INSTALLED
}

/// `valgrind --leak-check=full ... <exe>`.
pub fn command(exe: &std::path::Path) -> Result<Command, Failure> {
    if !installed() {
        return Err(Failure::Infra(
            "valgrind is needed to check this listing's leaks but is not installed \
             (apt-get install valgrind; `.ci/run` installs it in CI)"
                .into(),
        ));
    }
    let mut cmd = Command::new("valgrind");
    cmd.args(["--leak-check=full", "--errors-for-leak-kinds=definite,indirect", "--log-fd=2"]);
    cmd.arg(exe);
    Ok(cmd)
}

static VALGRIND_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^==\d+==").unwrap());
static LOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^==\d+==\s+(definitely lost|indirectly lost|possibly lost|still reachable): ([\d,]+) bytes in")
        .unwrap()
});
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"0x[0-9A-F]+").unwrap());
/// Valgrind names a std frame's file `alloc.rs` on one machine and `library/alloc/src/alloc.rs`
/// on another, depending on how std's debug info was found: keep only the file name.
static FRAME_FILE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:[^()\s]*/)?([^/()\s]+\.rs:\d+)\)$").unwrap());

/// What the reader sees on stderr: under valgrind, only the program's own lines.
pub fn program_stderr(stderr: &str) -> String {
    stderr.lines().filter(|l| !VALGRIND_LINE.is_match(l)).map(|l| format!("{l}\n")).collect()
}

/// Valgrind's record of each definitely lost block: its size and the stack that allocated it,
/// down to the listing's `main` (the runtime's frames below it are the same in every program).
/// Addresses and the pid change between runs and become `0x…` and `PID`.
pub fn loss_records(stderr: &str, package: &str) -> Result<String, Failure> {
    let main = format!(" {}::main (", package.replace('-', "_"));
    let mut records = String::new();
    let mut in_record = false;
    for line in stderr.lines().filter(|l| VALGRIND_LINE.is_match(l)) {
        let text = VALGRIND_LINE.replace(line, "==PID==");
        if text.contains("are definitely lost in loss record") {
            in_record = true;
        }
        if !in_record {
            continue;
        }
        let text = FRAME_FILE.replace(&text, "($1)");
        records += &format!("{}\n", ADDRESS.replace_all(&text, "0x…"));
        if text.contains(&main) || text.trim_end() == "==PID==" {
            in_record = false;
            if !records.ends_with("==PID==\n") {
                records += "==PID==\n";
            }
        }
    }
    if records.is_empty() {
        return Err(Failure::Infra(format!(
            "`loss-records = true`, but valgrind printed no definitely lost record:\n{stderr}"
        )));
    }
    Ok(records)
}

#[derive(Debug, PartialEq)]
pub struct Lost {
    /// Definitely and indirectly lost bytes: what counts as a leak.
    pub bytes: u64,
    /// The summary lines, with valgrind's pid prefix made stable.
    pub report: String,
}

/// Only definitely and indirectly lost bytes count as a leak; `full` also reports the
/// "possibly lost" and "still reachable" lines.
pub fn leak_summary(stderr: &str, full: bool) -> Result<Lost, Failure> {
    if stderr.lines().any(|l| l.contains("All heap blocks were freed -- no leaks are possible")) {
        return Ok(Lost {
            bytes: 0,
            report: "==PID== All heap blocks were freed -- no leaks are possible\n".into(),
        });
    }
    let mut lost = Lost { bytes: 0, report: "==PID== LEAK SUMMARY:\n".into() };
    let mut seen = false;
    for line in stderr.lines() {
        let Some(c) = LOST.captures(line) else { continue };
        seen = true;
        let counts = matches!(&c[1], "definitely lost" | "indirectly lost");
        if counts {
            lost.bytes += c[2].replace(',', "").parse::<u64>().unwrap_or(0);
        }
        if counts || full {
            lost.report += &format!("{}\n", VALGRIND_LINE.replace(line, "==PID=="));
        }
    }
    if !seen {
        return Err(Failure::Infra(format!("valgrind printed no leak summary:\n{stderr}")));
    }
    Ok(lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "==123== Memcheck, a memory error detector\nhello from the program\n\
==123== 100 bytes in 1 blocks are definitely lost in loss record 1 of 2\n\
==123==    at 0x4840F2F: malloc (vg_replace_malloc.c:381)\n\
==123==    by 0x10A1B2: alloc (library/alloc/src/alloc.rs:95)\n\
==123==    by 0x10A2C3: fault_x::main (main.rs:2)\n\
==123==    by 0x10A3D4: call_once (function.rs:250)\n\
==123== \n\
==123== LEAK SUMMARY:\n\
==123==    definitely lost: 100 bytes in 1 blocks\n\
==123==    indirectly lost: 1,024 bytes in 2 blocks\n\
==123==      possibly lost: 0 bytes in 0 blocks\n\
==123==    still reachable: 544 bytes in 1 blocks\n";

    #[test]
    fn only_definite_and_indirect_losses_count() {
        let lost = leak_summary(REPORT, false).unwrap();
        assert_eq!(lost.bytes, 1124);
        assert_eq!(
            lost.report,
            "==PID== LEAK SUMMARY:\n==PID==    definitely lost: 100 bytes in 1 blocks\n==PID==    indirectly lost: 1,024 bytes in 2 blocks\n"
        );
        let full = leak_summary(REPORT, true).unwrap();
        assert!(full.report.ends_with("==PID==      possibly lost: 0 bytes in 0 blocks\n==PID==    still reachable: 544 bytes in 1 blocks\n"));
        assert_eq!(full.bytes, 1124);
    }

    #[test]
    fn no_leaks_and_no_summary() {
        let freed = "==1== All heap blocks were freed -- no leaks are possible\n";
        assert_eq!(leak_summary(freed, true).unwrap().bytes, 0);
        assert!(leak_summary("nothing\n", false).is_err());
    }

    #[test]
    fn loss_records_stop_at_main_and_lose_addresses() {
        assert_eq!(
            loss_records(REPORT, "fault-x").unwrap(),
            "==PID== 100 bytes in 1 blocks are definitely lost in loss record 1 of 2\n\
==PID==    at 0x…: malloc (vg_replace_malloc.c:381)\n\
==PID==    by 0x…: alloc (alloc.rs:95)\n\
==PID==    by 0x…: fault_x::main (main.rs:2)\n==PID==\n"
        );
        assert!(loss_records("==1== LEAK SUMMARY:\n", "x").is_err());
    }

    #[test]
    fn the_programs_stderr_is_kept() {
        assert_eq!(program_stderr(REPORT), "hello from the program\n");
    }
}
