//! Byte tests on eight bytes at once, for the scans that run over most of a policy's text (JSON
//! strings, Action and Resource values): the size-optimised build does not vectorise a
//! byte-by-byte search.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The next eight bytes of `bytes` from `at`, as one word, while there are eight.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map(|chunk| u64::from_ne_bytes(*chunk))
}

/// Whether a byte of `word` is below `n` (`n` at most 0x80). Exact for the word as a whole,
/// though not for telling which byte.
#[inline(always)]
pub(crate) fn has_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS != 0
}

/// Whether a byte of `word` is `byte`: a zero byte of `word ^ byte`.
#[inline(always)]
pub(crate) fn has_byte(word: u64, byte: u8) -> bool {
    has_below(word ^ (ONES * u64::from(byte)), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_tests_agree_with_a_byte_by_byte_look() {
        let samples: [[u8; 8]; 6] = [
            *b"abcdefgh",
            *b"abc*efgh",
            *b"\x1fbcdefgh",
            *b"abcdefg\"",
            [0x80, 0xff, 0x7f, 0x20, 0x21, 0x00, 0x01, 0x5c],
            [0xff; 8],
        ];
        for sample in samples {
            let word = u64::from_ne_bytes(sample);
            for byte in [b'*', b'?', b'"', b'\\', 0x00, 0xff] {
                assert_eq!(
                    has_byte(word, byte),
                    sample.contains(&byte),
                    "{sample:?} {byte}"
                );
            }
            for n in [0x01, 0x20, 0x80] {
                assert_eq!(
                    has_below(word, n),
                    sample.iter().any(|&b| b < n),
                    "{sample:?} {n}"
                );
            }
        }
        assert_eq!(
            word_at(b"abcdefghi", 1),
            Some(u64::from_ne_bytes(*b"bcdefghi"))
        );
        assert_eq!(word_at(b"abcdefghi", 2), None);
    }
}
