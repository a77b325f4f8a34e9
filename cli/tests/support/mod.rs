//! Running the built `iamplay` as a user does.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `iamplay ARGS` with `stdin` as its input.
#[expect(
    clippy::expect_used,
    reason = "a failing spawn should fail the test loudly"
)]
pub fn iamplay(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iamplay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("iamplay runs");
    // A command that rejects its arguments exits without reading its input: a closed pipe is
    // then expected, not a failure.
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().expect("iamplay finishes")
}
