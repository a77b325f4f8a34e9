//! Shared scenario attempts: what a link carries, and what opening one does to the learner's
//! own draft of that scenario.

use crate::share::{self, Shared, SharedContent, APP_VERSION, FRAGMENT_KEY};

/// The path and fragment of a link to `text` as an attempt at `lesson`/`scenario`.
pub fn attempt_link(lesson: &str, scenario: &str, text: &str, catalog: Option<String>) -> String {
    let shared = Shared {
        engine: APP_VERSION.to_owned(),
        catalog,
        content: SharedContent::Attempt {
            lesson: lesson.to_owned(),
            scenario: scenario.to_owned(),
            text: text.to_owned(),
        },
    };
    format!(
        "/lessons/{lesson}/{scenario}#{FRAGMENT_KEY}{}",
        share::encode(&shared)
    )
}

/// What a scenario does with the page's fragment when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    /// No attempt for this scenario in the link.
    Nothing,
    /// The editor opens with the shared text: the learner had no work of their own here (or
    /// had exactly this), so nothing is lost.
    Open(String),
    /// The learner has a different draft: it stays in the editor, and the shared attempt is
    /// shown beside it with a choice to take it.
    Offer(String),
}

/// Decides for the scenario `lesson`/`scenario` whose saved draft is `draft` (`None`: never
/// edited) and whose starter policy is `starter`. Links that fail to decode are the lesson
/// page's to report; a scenario only acts on a valid attempt addressed to it.
pub fn arrival(
    fragment: &str,
    lesson: &str,
    scenario: &str,
    draft: Option<&str>,
    starter: &str,
) -> Arrival {
    if !fragment.starts_with(&format!("#{FRAGMENT_KEY}")) {
        return Arrival::Nothing;
    }
    let Ok(decoded) = share::decode(fragment, APP_VERSION, None) else {
        return Arrival::Nothing;
    };
    let SharedContent::Attempt {
        lesson: for_lesson,
        scenario: for_scenario,
        text,
    } = decoded.shared.content
    else {
        return Arrival::Nothing;
    };
    if for_lesson != lesson || for_scenario != scenario {
        return Arrival::Nothing;
    }
    match draft {
        Some(own) if own != starter && own != text => Arrival::Offer(text),
        _ => Arrival::Open(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STARTER: &str = "{\"Version\": \"2012-10-17\", \"Statement\": []}";

    fn fragment(lesson: &str, scenario: &str, text: &str) -> String {
        let link = attempt_link(lesson, scenario, text, None);
        let at = link.find('#').expect("a fragment");
        link[at..].to_owned()
    }

    #[test]
    fn a_link_addresses_the_scenario_page() {
        let link = attempt_link("conditions", "tag-match", "{}", None);
        assert!(
            link.starts_with("/lessons/conditions/tag-match#share=1."),
            "{link}"
        );
    }

    #[test]
    fn without_own_work_the_shared_text_opens() {
        let shared = fragment("l", "s", "{ \"shared\": 1 }");
        let open = Arrival::Open("{ \"shared\": 1 }".into());
        assert_eq!(arrival(&shared, "l", "s", None, STARTER), open);
        assert_eq!(arrival(&shared, "l", "s", Some(STARTER), STARTER), open);
        assert_eq!(
            arrival(&shared, "l", "s", Some("{ \"shared\": 1 }"), STARTER),
            open
        );
    }

    #[test]
    fn a_different_draft_is_kept_and_the_attempt_offered() {
        let shared = fragment("l", "s", "{ \"shared\": 1 }");
        assert_eq!(
            arrival(&shared, "l", "s", Some("{ \"mine\": 2 }"), STARTER),
            Arrival::Offer("{ \"shared\": 1 }".into())
        );
    }

    #[test]
    fn other_scenarios_and_other_fragments_are_left_alone() {
        let shared = fragment("l", "s", "{}");
        assert_eq!(arrival(&shared, "l", "t", None, STARTER), Arrival::Nothing);
        assert_eq!(arrival(&shared, "m", "s", None, STARTER), Arrival::Nothing);
        assert_eq!(arrival("", "l", "s", None, STARTER), Arrival::Nothing);
        assert_eq!(
            arrival("#share=1.broken", "l", "s", None, STARTER),
            Arrival::Nothing
        );
        assert_eq!(arrival("#top", "l", "s", None, STARTER), Arrival::Nothing);
    }
}
