//! Date operators: DateEquals, DateNotEquals, DateLessThan(Equals), DateGreaterThan(Equals).
//!
//! IAM User Guide, Condition operators > Date condition operators: values use "one of the W3C
//! implementations of the ISO 8601 date formats or in epoch (UNIX) time". W3C-DTF allows
//! `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mmTZD`, `YYYY-MM-DDThh:mm:ssTZD` and fractions of a
//! second, with TZD `Z` or `+hh:mm` / `-hh:mm`. A text of digits only is epoch seconds (so a
//! bare `YYYY` year reads as epoch seconds: the guide names epoch time explicitly). A time
//! without a zone is taken as UTC. Policy variables and wildcards are not supported.

use super::operator::BaseOperator;
use super::ordering_holds;

const NANOS_PER_SECOND: i128 = 1_000_000_000;

/// Nanoseconds since 1970-01-01T00:00:00Z.
pub(super) fn parse_date(text: &str) -> Option<i128> {
    let epoch = text.strip_prefix('-').unwrap_or(text);
    if !epoch.is_empty() && epoch.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: i128 = text.parse().ok()?;
        return seconds.checked_mul(NANOS_PER_SECOND);
    }
    let mut cursor = Cursor {
        text: text.as_bytes(),
        pos: 0,
    };
    let year = cursor.digits(4)?;
    cursor.expect(b'-')?;
    let month = cursor.digits(2)?;
    let day = if cursor.done() {
        1
    } else {
        cursor.expect(b'-').and_then(|_| cursor.digits(2))?
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut nanos = days_from_civil(year, month, day) * 86_400 * NANOS_PER_SECOND;
    if cursor.done() {
        return Some(nanos);
    }
    if !matches!(cursor.next()?, b'T' | b't') {
        return None;
    }
    let hour = cursor.digits(2)?;
    cursor.expect(b':')?;
    let minute = cursor.digits(2)?;
    let mut second = 0;
    let mut fraction = 0;
    if cursor.peek() == Some(b':') {
        cursor.pos += 1;
        second = cursor.digits(2)?;
        if cursor.peek() == Some(b'.') {
            cursor.pos += 1;
            fraction = cursor.fraction_nanos()?;
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    nanos += ((hour * 60 + minute) * 60 + second) * NANOS_PER_SECOND + fraction;
    let offset_seconds = cursor.zone()?;
    cursor
        .done()
        .then_some(nanos - offset_seconds * NANOS_PER_SECOND)
}

struct Cursor<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn done(&self) -> bool {
        self.pos == self.text.len()
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn digits(&mut self, count: usize) -> Option<i128> {
        let slice = self.text.get(self.pos..self.pos + count)?;
        if !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.pos += count;
        Some(slice.iter().fold(0, |n, d| n * 10 + i128::from(d - b'0')))
    }

    /// Fraction digits after the `.`, as nanoseconds (digits past the ninth are dropped).
    fn fraction_nanos(&mut self) -> Option<i128> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits = &self.text[start..self.pos];
        if digits.is_empty() {
            return None;
        }
        let mut nanos = 0;
        for i in 0..9 {
            nanos = nanos * 10 + digits.get(i).map_or(0, |d| i128::from(d - b'0'));
        }
        Some(nanos)
    }

    /// The zone designator as seconds east of UTC; none given means UTC.
    fn zone(&mut self) -> Option<i128> {
        let sign = match self.peek() {
            None => return Some(0),
            Some(b'Z' | b'z') => {
                self.pos += 1;
                return Some(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            Some(_) => return None,
        };
        self.pos += 1;
        let hours = self.digits(2)?;
        if self.peek() == Some(b':') {
            self.pos += 1;
        }
        let minutes = if self.done() { 0 } else { self.digits(2)? };
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * (hours * 3600 + minutes * 60))
    }
}

fn is_leap(year: i128) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i128, month: i128) -> i128 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).
fn days_from_civil(year: i128, month: i128, day: i128) -> i128 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

pub(super) fn compare(base: BaseOperator, policy: &str, request: &str) -> Result<bool, String> {
    let policy_date =
        parse_date(policy).ok_or_else(|| format!("policy value `{policy}` is not a date"))?;
    let request_date =
        parse_date(request).ok_or_else(|| format!("request value `{request}` is not a date"))?;
    Ok(ordering_holds(base, request_date.cmp(&policy_date)))
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};
    use super::*;

    #[rustfmt::skip]
    #[test]
    fn parses_w3c_forms_and_epoch() {
        let midnight = 1_704_067_200 * NANOS_PER_SECOND; // 2024-01-01T00:00:00Z
        let rows = [
            ("2024-01-01", Some(midnight)),
            ("2024-01", Some(midnight)),
            ("2024-01-01T00:00Z", Some(midnight)),
            ("2024-01-01T00:00:00Z", Some(midnight)),
            ("2024-01-01T00:00:00", Some(midnight)),
            ("2024-01-01T01:00:00+01:00", Some(midnight)),
            ("2023-12-31T19:00:00-05:00", Some(midnight)),
            ("2024-01-01T05:30:00+0530", Some(midnight)),
            ("2024-01-01T00:00:00.500Z", Some(midnight + NANOS_PER_SECOND / 2)),
            ("1704067200", Some(midnight)),
            ("0", Some(0)),
            ("1970-01-01T00:00:00Z", Some(0)),
            ("2024-02-29", Some(midnight + 59 * 86_400 * NANOS_PER_SECOND)),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("2024-01-01T24:00:00Z", None),
            ("2024-01-01T00:00:00Q", None),
            ("2024-01-01 00:00:00Z", None),
            ("yesterday", None),
            ("", None),
        ];
        for (text, expected) in rows {
            assert_eq!(parse_date(text), expected, "{text}");
        }
    }

    #[rustfmt::skip]
    #[test]
    fn date_table() {
        check(&[
            ("DateEquals", &["2024-01-01T00:00:00Z"], One("1704067200"), true, "Date: epoch and ISO 8601 name the same instant"),
            ("DateEquals", &["2024-01-01T01:00:00+01:00"], One("2024-01-01T00:00:00Z"), true, "Date: zone offsets are applied"),
            ("DateNotEquals", &["2024-01-01"], One("2024-01-02"), true, "Date: not equal"),
            ("DateLessThan", &["2024-01-01T00:00:00Z"], One("2023-12-31T23:59:59Z"), true, "earlier request time"),
            ("DateLessThan", &["2024-01-01T00:00:00Z"], One("2024-01-01T00:00:00Z"), false, "strictly earlier"),
            ("DateLessThanEquals", &["2024-01-01T00:00:00Z"], One("2024-01-01T00:00:00Z"), true, "earlier or equal"),
            ("DateGreaterThan", &["2024-01-01"], One("2024-01-01T00:00:01Z"), true, "a date-only value is midnight UTC"),
            ("DateGreaterThanEquals", &["2024-06-01T00:00:00-07:00"], One("2024-06-01T06:59:59Z"), false, "an offset moves the instant"),
            ("DateLessThan", &["2024-01-01"], One("not a date"), false, "an unparsable request date never compares"),
            ("DateNotEquals", &["2024-01-01"], One("not a date"), true, "negated: no value compared equal"),
            ("DateLessThan", &["soon"], One("2024-01-01"), false, "an unparsable policy date never compares"),
        ]);
    }
}
