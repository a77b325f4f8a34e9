//! Any text: the JSON and policy parsers must return a result or an error whose span lies
//! inside the text, never panic.
#![no_main]

use iamplay_engine::json::LineIndex;
use iamplay_engine::policy::{parse_policy, parse_policy_lenient};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(err) = parse_policy(text) {
        assert!(err.span.start <= err.span.end && err.span.end <= text.len());
        let _ = LineIndex::new(text).position(err.span.start);
        let _ = err.help();
    }
    let lenient = parse_policy_lenient(text);
    for err in &lenient.errors {
        assert!(err.span.end <= text.len());
    }
});
