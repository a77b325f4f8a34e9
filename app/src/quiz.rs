//! Checkpoint questions: which choices are allowed and whether an answer is right.

use crate::course::Question;
use iamplay_course::QuestionKind;

/// Single and true/false questions take one option; multiple-choice questions any number.
pub fn is_multiple(question: &Question) -> bool {
    question.kind == QuestionKind::Multiple
}

/// The learner's choice after toggling option `index`.
pub fn toggle(question: &Question, chosen: &[usize], index: usize) -> Vec<usize> {
    if !is_multiple(question) {
        return vec![index];
    }
    let mut next: Vec<usize> = chosen.iter().copied().filter(|i| *i != index).collect();
    if next.len() == chosen.len() {
        next.push(index);
    }
    next.sort_unstable();
    next
}

/// Right when exactly the correct options are chosen.
pub fn is_correct(question: &Question, chosen: &[usize]) -> bool {
    question.is_answered_by(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::test_course;

    fn question(kind: QuestionKind) -> Question {
        test_course()
            .lessons
            .iter()
            .flat_map(|l| l.manifest.questions.iter())
            .find(|q| q.kind == kind)
            .cloned()
            .expect("a question of that kind")
    }

    fn correct(q: &Question) -> Vec<usize> {
        (0..q.options.len())
            .filter(|i| q.options[*i].correct)
            .collect()
    }

    #[test]
    fn single_choice_keeps_one_option() {
        let q = question(QuestionKind::Single);
        assert_eq!(toggle(&q, &[0], 1), [1]);
        assert!(is_correct(&q, &correct(&q)));
        let wrong = (0..q.options.len())
            .find(|i| !q.options[*i].correct)
            .unwrap();
        assert!(!is_correct(&q, &[wrong]));
        assert!(!is_correct(&q, &[]));
    }

    #[test]
    fn multiple_choice_needs_exactly_the_correct_set() {
        let q = question(QuestionKind::Multiple);
        let right = correct(&q);
        assert!(is_correct(&q, &right));
        let first = right[0];
        let fewer = toggle(&q, &right, first);
        assert!(!fewer.contains(&first));
        assert_eq!(toggle(&q, &fewer, first), right);
        if right.len() > 1 {
            assert!(!is_correct(&q, &fewer));
        }
        let all: Vec<usize> = (0..q.options.len()).collect();
        assert!(!is_correct(&q, &all));
    }
}
