//! Any text read as a case: parse it and, when it is a valid case, evaluate it; the evaluation
//! must be deterministic and serialisable.
#![no_main]

use iamplay_engine::case::Case;
use iamplay_engine::eval::evaluate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(case) = Case::parse(text) else { return };
    let first = evaluate(&case);
    let second = evaluate(&case);
    assert_eq!(first.decision, second.decision);
    assert_eq!(first.deciding, second.deciding);
});
