//! The `slant` command line: parses flags and wires library stages. See README.md.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: a large run's pipeline gives its memory back to the report drawn after it, and
/// small allocations cost less (measured in docs/methods.md, Speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cmd::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 1,
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // Ctrl-C (or SIGTERM): the staging folders of this run go before the process exits, so an
    // interrupted run leaves the output folder as it was (exit code 130, as shells give)
    let _ = ctrlc::set_handler(|| {
        slant::outset::on_interrupt();
        eprintln!("slant: interrupted: nothing in the output folder was replaced");
        std::process::exit(130);
    });
    match cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("slant: error: {}", message(&e));
            ExitCode::from(1)
        }
    }
}

/// The error and its causes, joined by ": ", leaving out a cause whose text the message
/// already holds (errors such as "cannot write PATH: SOURCE" name their source themselves).
fn message(e: &anyhow::Error) -> String {
    let mut msg = e.to_string();
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

#[cfg(test)]
mod tests {
    use super::message;
    use anyhow::Context;

    #[test]
    fn causes_are_shown_once() {
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let named = slant::SlantError::Write { path: "out/x.csv".into(), source: io() };
        assert_eq!(message(&named.into()), "cannot write out/x.csv: no such file");
        let wrapped = Err::<(), _>(io()).context("reading the lexicon").unwrap_err();
        assert_eq!(message(&wrapped), "reading the lexicon: no such file");
    }
}
