//! The shapes of condition values and ARNs, as IAM parses them.

/// ISO 8601 as IAM accepts it (`2026-01-31`, `2026-01-31T12:00:00Z`, with fractions or an
/// offset) or epoch seconds (IAM User Guide, Condition operators > Date condition operators).
pub(super) fn is_date(text: &str) -> bool {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    if !(digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return false;
    }
    let month: u32 = text.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let day: u32 = text.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let rest = &text[10..];
    if rest.is_empty() {
        return true;
    }
    let Some(time) = rest.strip_prefix('T') else {
        return false;
    };
    let tb = time.as_bytes();
    let two = |at: usize| {
        tb.get(at..at + 2)
            .is_some_and(|p| p.iter().all(u8::is_ascii_digit))
    };
    if !(two(0) && tb.get(2) == Some(&b':') && two(3)) {
        return false;
    }
    let mut at = 5;
    if tb.get(at) == Some(&b':') {
        if !two(at + 1) {
            return false;
        }
        at += 3;
        if tb.get(at) == Some(&b'.') {
            at += 1;
            let start = at;
            while tb.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start {
                return false;
            }
        }
    }
    let zone = &time[at..];
    zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6
            && matches!(zone.as_bytes()[0], b'+' | b'-')
            && zone.as_bytes()[3] == b':'
            && zone.get(1..3).is_some_and(two_digits)
            && zone.get(4..6).is_some_and(two_digits))
}

fn two_digits(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())
}

/// An IPv4 or IPv6 address with an optional `/prefix` (IAM User Guide, IP address condition
/// operators: "The value must be in the standard CIDR format").
pub(super) fn is_ip(text: &str) -> bool {
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (text, None),
    };
    let max = if address.parse::<std::net::Ipv4Addr>().is_ok() {
        32
    } else if address.parse::<std::net::Ipv6Addr>().is_ok() {
        128
    } else {
        return false;
    };
    prefix.is_none_or(|p| p.parse::<u8>().is_ok_and(|n| n <= max) && !p.starts_with('+'))
}

/// Integers and decimals, optionally signed (numeric condition operators).
pub(super) fn is_number(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

pub(super) fn is_bool(text: &str) -> bool {
    text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
}

/// The six colon-separated parts of an ARN: `arn:partition:service:region:account:resource`.
pub(super) fn arn_parts(text: &str) -> Option<[&str; 6]> {
    let mut parts = text.splitn(6, ':');
    let mut out = [""; 6];
    for slot in &mut out {
        *slot = parts.next()?;
    }
    Some(out)
}

/// AWS partitions (AWS General Reference, "Amazon Resource Names (ARNs)" > partition).
pub(super) const PARTITIONS: [&str; 8] = [
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// A region code such as `us-east-1` or `ap-southeast-2`, or `us-gov-west-1`.
pub(super) fn is_region(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts[parts.len() - 1].parse::<u8>().is_ok()
}

pub(super) fn has_wildcard_or_variable(text: &str) -> bool {
    text.contains(['*', '?']) || text.contains("${")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in [
            "2026-01-31",
            "2026-01-31T12:00:00Z",
            "2026-01-31T12:00Z",
            "2026-01-31T12:00:00.5+02:00",
            "1700000000",
        ] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "yesterday",
            "2026-13-01",
            "31/01/2026",
            "2026-01-31T",
            "2026-01-31 12:00",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn ips_numbers_regions() {
        assert!(is_ip("203.0.113.0/24") && is_ip("2001:db8::/32") && is_ip("10.0.0.1"));
        assert!(!is_ip("203.0.113.0/33") && !is_ip("203.0.113") && !is_ip("10.0.0.0/x"));
        assert!(is_number("-1.5") && is_number("10") && !is_number("ten") && !is_number("1."));
        assert!(
            is_region("us-east-1")
                && is_region("us-gov-west-1")
                && !is_region("useast1")
                && !is_region("us-east")
        );
    }
}
