//! BinaryEquals: binary values written in base64.
//!
//! IAM User Guide, Condition operators > Binary condition operators: the policy holds the
//! base64-encoded binary value and it is compared byte for byte with the key's value. Both sides
//! are decoded, so padding differences do not matter; a value that is not base64 never matches.
//! Policy variables are not supported.

pub(super) fn compare(policy: &str, request: &str) -> Result<bool, String> {
    let policy_bytes =
        decode_base64(policy).ok_or_else(|| format!("policy value `{policy}` is not base64"))?;
    let request_bytes =
        decode_base64(request).ok_or_else(|| format!("request value `{request}` is not base64"))?;
    Ok(policy_bytes == request_bytes)
}

fn sextet(byte: u8) -> Option<u32> {
    let value = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Standard base64 (RFC 4648 section 4), `=` padding optional.
pub(super) fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let body = text.trim_end_matches('=');
    if text.len() - body.len() > 2 || (text.len() != body.len() && !text.len().is_multiple_of(4)) {
        return None;
    }
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.as_bytes().chunks(4) {
        let mut buffer = 0u32;
        for byte in chunk {
            buffer = (buffer << 6) | sextet(*byte)?;
        }
        let bits = chunk.len() * 6;
        buffer <<= 24 - bits;
        let bytes = buffer.to_be_bytes();
        out.extend_from_slice(&bytes[1..=bits / 8]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};
    use super::decode_base64;

    #[rustfmt::skip]
    #[test]
    fn decodes_rfc4648_vectors() {
        let rows: [(&str, Option<&[u8]>); 9] = [
            ("", Some(b"")),
            ("Zg==", Some(b"f")),
            ("Zm8=", Some(b"fo")),
            ("Zm9v", Some(b"foo")),
            ("Zm9vYg==", Some(b"foob")),
            ("Zm9vYmFy", Some(b"foobar")),
            ("Zm9vYg", Some(b"foob")),
            ("Zm9v!", None),
            ("Z===", None),
        ];
        for (text, expected) in rows {
            assert_eq!(decode_base64(text).as_deref(), expected, "{text}");
        }
    }

    #[rustfmt::skip]
    #[test]
    fn binary_table() {
        check(&[
            ("BinaryEquals", &["QmluYXJ5VmFsdWU="], One("QmluYXJ5VmFsdWU="), true, "Binary: equal bytes"),
            ("BinaryEquals", &["QmluYXJ5VmFsdWU="], One("QmluYXJ5VmFsdWU"), true, "padding does not change the bytes"),
            ("BinaryEquals", &["QmluYXJ5VmFsdWU="], One("QmluYXJ5dmFsdWU="), false, "different bytes"),
            ("BinaryEquals", &["not base64!"], One("not base64!"), false, "not base64: never matches"),
            ("BinaryEqualsIfExists", &["Zm9v"], Absent, true, "...IfExists: absent key matches"),
        ]);
    }
}
