//! Which lesson teaches each kind of policy, for the tools that send a learner from a denial
//! to the lesson about the policy AWS blamed (`iamplay denial`, the playground's "Debug a
//! denial" panel). Keyed by the layer names of access-denied reports (`scp`, `boundary`...).

/// The lesson id (a folder of `lessons/`) for a blamed layer; `None` (the message did not
/// say) gets the lesson on how AWS decides.
pub fn lesson_for_layer(layer: Option<&str>) -> &'static str {
    match layer {
        Some("scp" | "rcp" | "boundary") => "guardrails-and-auditing",
        Some("session") => "roles-and-sessions",
        Some("identity") => "policy-anatomy",
        Some("resource") => "resource-policies-cross-account",
        Some("vpce") => "conditions",
        _ => "how-aws-decides",
    }
}

#[cfg(test)]
mod tests {
    use super::lesson_for_layer;

    #[test]
    fn every_lesson_named_exists() {
        let layers = [
            "scp", "rcp", "boundary", "session", "identity", "resource", "vpce",
        ];
        for layer in layers.map(Some).into_iter().chain([None]) {
            let path = format!("{}/lesson.json", lesson_for_layer(layer));
            assert!(crate::file(&path).is_some(), "{path}");
        }
    }
}
